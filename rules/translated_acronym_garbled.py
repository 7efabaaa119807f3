"""A garbled acronym: one letter off an acronym the book uses throughout (``BUOTB`` for BUTB).

An acronym that occurs once while the book uses one a single edit away many times is a damaged
copy of it (a letter inserted, dropped or swapped by the translation). Substitutions count only in
acronyms of four letters or more, because three-letter acronyms one letter apart are often
different things (FEZ and FTZ), and never in the first letter (JSC, CJSC and OJSC are three
kinds of company).

Bad:   Er zij aan herinnerd dat op de BUOTB geaccrediteerde bedrijven deelnemen.
Good:  Er zij aan herinnerd dat op de BUTB geaccrediteerde bedrijven deelnemen.
"""

from __future__ import annotations

from qa.rules.base import Finding, Rule
from qa.slug import book_acronyms


class TranslatedAcronymGarbled(Rule):
    id = "translated-acronym.garbled"
    category = "translated-acronym"
    severity = "major"
    options = {"min_uses": 5, "max_uses": 1, "min_length": 3}

    def check(self, doc, ctx):
        matches, caps = book_acronyms(doc)
        frequent = [(a, n) for a, n in caps.items() if n >= self.config["min_uses"] and len(a) >= 3]
        for word, start, end in matches:
            if caps[word] > self.config["max_uses"] or len(word) < self.config["min_length"]:
                continue
            target = [(n, a) for a, n in frequent if _one_edit(word, a)]
            if not target:
                continue
            n, a = max(target)
            yield Finding(start, end,
                          f"'{word}' occurs once and is one letter off {a}, which the book uses {n} times",
                          a)


def _one_edit(a: str, b: str) -> bool:
    """One insertion, deletion or (with four letters or more) substitution after the first letter.

    A letter put before an acronym makes another one (JSC, CJSC, OJSC), so the first must agree.
    """
    if a == b or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return len(a) >= 4 and sum(x != y for x, y in zip(a, b)) == 1
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(1, len(long_)))
