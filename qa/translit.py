"""Compare spellings of one Russian name across transliteration systems.

URL slugs transliterate one way (``haritonchik``, ``mjasnikovich``, ``solovej``), English and
Dutch translations another (``Kharitonchik``, ``Myasnikovitsj``). A skeleton maps both to a
common spelling so that a ratio tells a transliteration from a translated name.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SKELETON = [("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "z"), ("ch", "c"), ("tch", "c"), ("sh", "s"),
             ("ts", "c"), ("tz", "c"), ("ya", "a"), ("ja", "a"), ("yu", "u"), ("ju", "u"), ("yo", "o"), ("jo", "o"),
             ("ye", "e"), ("je", "e"), ("ij", "i"), ("iy", "i"), ("yj", "i"), ("ei", "e"), ("ey", "e"), ("ej", "e"),
             ("y", "i"), ("j", "i"), ("w", "v"), ("x", "ks"), ("ck", "k"), ("q", "k")]


_DOUBLED = re.compile(r"(.)\1+")


@lru_cache(maxsize=16384)
def skeleton(word: str) -> str:
    """A transliteration-neutral spelling: ``Kharitonchik`` and ``haritonchik`` agree, ``Nightingale`` and ``solovej`` do not."""
    w = word.lower()
    for a, b in _SKELETON:
        if a in w:
            w = w.replace(a, b)
    return _DOUBLED.sub(r"\1", w)


def similar_names(a: str, b: str) -> float:
    """0..1 similarity of two spellings of a name across transliteration systems."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, skeleton(a), skeleton(b)).ratio()
