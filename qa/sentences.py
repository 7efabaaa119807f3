"""Dutch sentence splitting with nltk Punkt and the model shipped in ``qa/data/tokenizers/punkt_tab``.

No nltk data needs to be installed and nothing is ever downloaded: the shipped folder is put
first on nltk's search path when the tokenizer is first needed. ``scripts/train_punkt.py``
rebuilds the model.
"""

from __future__ import annotations

import functools
import pathlib

DATA = pathlib.Path(__file__).resolve().parent / "data"


@functools.lru_cache(maxsize=1)
def tokenizer():
    import nltk.data
    from nltk.tokenize.punkt import PunktTokenizer

    root = str(DATA)
    if root not in nltk.data.path:
        nltk.data.path.insert(0, root)
    return PunktTokenizer("dutch")


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (character offsets), whitespace trimmed."""
    return list(tokenizer().span_tokenize(text))
