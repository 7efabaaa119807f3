"""Numbering of a run-in list that repeats, skips or strands a number (``10. … 10. … 11. 12.``).

Extraction and translation reorder the numbers of lists written inline (``1. Energie. 2.
Vervoer. …``): an item gets the number of the one before it, or a number drifts away from its
item and lands in front of the next number. The rule reads runs of numbered items (at least
``min_items`` numbers ``N.`` or ``N)`` standing alone, each within ``max_gap`` characters of the
next, mostly counting up by one; a ``1`` starts a new list) and flags: a number that repeats the
previous one (it should be the next), a number with no item text before the next number (a
stray), and a gap of exactly one number.

Bad:   1. Energie. 2. Vervoer. 3. Chemie. 3. Elektronica. 4. 5. Landbouw. 6. Bouw.
Good:  1. Energie. 2. Vervoer. 3. Chemie. 4. Elektronica. 5. Landbouw. 6. Bouw.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.rules.base import Finding, Rule

# a number standing alone: ``(?<!\S)(\d{1,2})``, the look-behind after the first digit so that re scans quickly
ITEM = re.compile(r"(\d(?<!\S\d)\d?)([.)])(?=\s)")


@lru_cache(maxsize=32)
def _item(digit: str) -> re.Pattern:
    """ITEM for the items whose number starts with ``digit``: re scans for a literal character
    several times faster than for a class."""
    d = re.escape(digit)
    return re.compile(rf"({d}(?<!\S{d})\d?)([.)])(?=\s)")


def _items(doc, text: str):
    """ITEM's matches in ``text`` (``body_text``), in order, one literal scan per digit the book
    has: a match starts on a digit after white space, so no match starts inside another and each
    digit's matches are the ones ITEM finds there."""
    digits = sorted(c for c in doc.chars if c.isdecimal())  # body_text adds only spaces
    if len(digits) > 12:
        return list(ITEM.finditer(text))
    found = [m for d in digits for m in _item(d).finditer(text)]
    found.sort(key=lambda m: m.start())
    return found


class ListNumbering(Rule):
    id = "number.list-sequence"
    category = "number"
    severity = "major"
    options = {"min_items": 4, "max_gap": 400}

    def check(self, doc, ctx):
        text = doc.body_text
        chain: list[re.Match] = []
        for m in _items(doc, text):
            if chain and (m.start() - chain[-1].end() > self.config["max_gap"] or m[2] != chain[-1][2]
                          or (m[1] == "1" and chain[-1][1] != "1")):
                yield from self._check_chain(text, chain)
                chain = []
            chain.append(m)
        yield from self._check_chain(text, chain)

    def _check_chain(self, text, chain):
        nums = [int(m[1]) for m in chain]
        if len(nums) < self.config["min_items"]:
            return
        steps = [b - a for a, b in zip(nums, nums[1:])]
        if sum(s == 1 for s in steps) < 0.6 * len(steps) or any(s < 0 or s > 2 for s in steps):
            return  # not one list counting up
        stray = set()
        for i in range(len(chain) - 1):
            a, b = chain[i], chain[i + 1]
            if not text[a.end():b.start()].strip() and nums[i + 1] == nums[i] + 1 and i > 0:
                stray.add(i)
                yield Finding(a.start(), b.end(),
                              f"list number '{a[0]}' stands alone before '{b[0]}' with no item text "
                              f"(a number displaced from its item)", b[0])
        for i in range(1, len(chain)):
            m, prev = chain[i], nums[i - 1]
            if i in stray or i - 1 in stray:
                continue
            if nums[i] == prev:
                want = f"{prev + 1}{m[2]}"
                yield Finding(m.start(), m.end(),
                              f"list numbering repeats {prev} ({prev}{m[2]} … {m[0]}); this item should be "
                              f"{prev + 1}", want)
            elif nums[i] == prev + 2:
                yield Finding(m.start(), m.end(),
                              f"list numbering skips {prev + 1} ({prev}{m[2]} … {m[0]})")
