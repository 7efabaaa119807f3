"""Dutch sentence splitting with nltk Punkt and the model shipped in ``qa/data/tokenizers/punkt_tab``.

No nltk data needs to be installed and nothing is ever downloaded: the four ``punkt_tab`` files
of the shipped model are read directly (``scripts/train_punkt.py`` rebuilds them).

``import nltk`` costs about 0.3 s because the package imports numpy and every corpus reader;
Punkt itself needs none of that. Unless the caller has already imported nltk, only the
``nltk.tokenize.punkt`` module and its few imports are loaded: the two package modules are
stood in for while it loads, and every nltk module loaded that way is forgotten right after
(the tokenizer keeps its own reference), so a later ``import nltk`` by anyone loads the real
package afresh.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
import pathlib
import sys
import types

MODEL = pathlib.Path(__file__).resolve().parent / "data" / "tokenizers" / "punkt_tab" / "dutch"


def _punkt_modules():
    """``nltk.tokenize.punkt`` and ``nltk.tabdata`` (which reads the model files)."""
    if "nltk" in sys.modules:
        return importlib.import_module("nltk.tokenize.punkt"), importlib.import_module("nltk.tabdata")
    spec = importlib.util.find_spec("nltk")
    root = pathlib.Path(spec.submodule_search_locations[0])
    before = set(sys.modules)
    for name, folder in (("nltk", root), ("nltk.tokenize", root / "tokenize")):
        stub = types.ModuleType(name)
        stub.__path__ = [str(folder)]
        sys.modules[name] = stub
    try:
        return importlib.import_module("nltk.tokenize.punkt"), importlib.import_module("nltk.tabdata")
    finally:
        for name in set(sys.modules) - before:
            if name == "nltk" or name.startswith("nltk."):
                del sys.modules[name]


@functools.lru_cache(maxsize=1)
def tokenizer():
    punkt, tabdata = _punkt_modules()
    dec = tabdata.PunktDecoder()
    params = punkt.PunktParameters()
    with open(MODEL / "collocations.tab", encoding="utf-8") as f:
        params.collocations = set(dec.tab2tups(f))
    with open(MODEL / "sent_starters.txt", encoding="utf-8") as f:
        params.sent_starters = dec.txt2set(f)
    with open(MODEL / "abbrev_types.txt", encoding="utf-8") as f:
        params.abbrev_types = dec.txt2set(f)
    with open(MODEL / "ortho_context.tab", encoding="utf-8") as f:
        params.ortho_context = dec.tab2intdict(f)
    return punkt.PunktSentenceTokenizer(params)


def split(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` (character offsets), whitespace trimmed."""
    return list(tokenizer().span_tokenize(text))
