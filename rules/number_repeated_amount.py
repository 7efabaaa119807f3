"""An amount written twice in a row (``meer dan 157 miljoen Br.157 miljoen``).

Translation through English sometimes renders an amount twice, once in words and once with its
currency sign (``Br157 mln`` → ``157 miljoen Br.157 miljoen``). The same number with the same
scale word twice, with at most a short currency token between, is one amount written twice.

Bad:   De inwoners betaalden meer dan 157 miljoen Br.157 miljoen aan belastingen.
Good:  De inwoners betaalden meer dan 157 miljoen Br aan belastingen.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

SCALE = "miljoen|miljard|mln\\.?|mld\\.?|duizend|biljoen"
# anchored on the scale word (a quick scan); the number before it is checked afterwards
REPEAT = re.compile(r"(" + SCALE + r")(?P<gap>[ \t\n]*(?:[A-Za-z$€£¥₽]{1,5}\.?)?[ \t\n]*)"
                    r"(?P<again>(?P<n>\d+(?:[.,]\d+)?)[ \t\n]*\1)(?![\w])")
# the same, one pattern per first letter of the scale words (re scans for one literal character
# several times faster than for the alternation's first letters; the never-matching branch keeps
# it from scanning for a longer common prefix, which is slower)
_SCALES: dict[str, list[str]] = {}
for _w in SCALE.split("|"):
    _SCALES.setdefault(_w[0], []).append(_w[1:])
BY_LETTER = [re.compile(f"({re.escape(c)}(?:{'|'.join(rests)}|(?!)))" + REPEAT.pattern[len(f"({SCALE})"):])
             for c, rests in _SCALES.items()]
del _w
NUMBER_BEFORE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)[ \t\n]*\Z")


class RepeatedAmount(Rule):
    id = "number.repeated-amount"
    category = "number"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        text = doc.text
        for m in _repeats(text):
            before = NUMBER_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if not before or before[1] != m["n"]:
                continue
            gap = m["gap"]
            start = m.start("gap") + (len(gap) - len(gap.lstrip()))
            amount = " ".join(m["again"].split())
            currency = gap.strip()
            yield Finding(start, m.end(), f"the amount '{amount}' is written twice in a row"
                          + (f" (the second time after '{currency}')" if currency else ""))


def _repeats(text: str):
    """REPEAT's matches, in order: the scale words start with different letters and none is the
    start of another, so at a position at most one pattern matches, as its branch of REPEAT
    would; when no two of the patterns' matches overlap they are REPEAT's."""
    found = sorted((m for p in BY_LETTER for m in p.finditer(text)), key=lambda m: m.start())
    if any(a.end() > b.start() for a, b in zip(found, found[1:])):
        return list(REPEAT.finditer(text))
    return found
