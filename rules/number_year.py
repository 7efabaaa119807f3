"""A year corrupted into a five-digit number (``in 20230``, ``- – 20230.``).

Where a year is expected (after ``in``, ``sinds``, ``tot``, a month, or in the date slot of a
reference, ``- – 2020.``) the text has a bare five-digit number that becomes one of the book's own
years when one digit is dropped. Dutch writes numbers from 10,000 up with a separator (``20.230``),
so a bare five-digit number is itself suspect. The suggestion is the book's most frequent year
among those one deletion away; URLs are not read (slugs are another rule's evidence).

Bad:   Het bedrijf werd opgericht in 20230 door de stad Minsk.
Good:  Het bedrijf werd opgericht in 2020 door de stad Minsk.
"""

from __future__ import annotations

import re
from collections import Counter

from qa.rules._variants import masked_text
from qa.rules.base import Finding, Rule

MONTHS = ("januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
          "jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec")
CUE = re.compile(r"(?:(?:\b(?:in|sinds|vanaf|tot|tussen|en|t/m|begin|eind|medio|jaar|voorjaar|najaar|zomer|"
                 r"winter|herfst|lente|" + MONTHS + r")\.?)|[-–—/]|\()[ \t\n]*$", re.I)
# definitions (as text: the rule compiles the faster equivalents below)
FIVE = r"([12])(?<![\d.,/][12])(\d{4})(?![\d]|[.,]\d)"
YEAR = r"(?:19|20)(?<![\d.,/]19)(?<![\d.,/]20)\d\d(?![\d]|[.,]\d)"
# both in one pattern per leading digit (re scans for a literal character fast, not for a class): a year is a
# whole run of four digits, a five-digit number a whole run of five, so at most one of them
# matches at a position and their matches never overlap; the length tells which matched
BOTH = [re.compile(rf"{d}(?<![\d.,/]{d})(?:{y}\d\d|\d{{4}})(?![\d]|[.,]\d)") for d, y in (("1", "9"), ("2", "0"))]


def _years_and_fives(text):
    """(how often each YEAR match occurs, the FIVE matches in order)."""
    years, fives = Counter(), []
    for p in BOTH:
        for m in p.finditer(text):
            if m.end() - m.start() == 4:
                years[m[0]] += 1
            else:
                fives.append(m)
    fives.sort(key=lambda m: m.start())
    return years, fives


class CorruptedYear(Rule):
    id = "number.year"
    category = "number"
    severity = "major"
    options = {"min_year_uses": 2}

    def check(self, doc, ctx):
        text = masked_text(doc, ctx)
        years, fives = _years_and_fives(text)
        known = {y for y, n in years.items() if n >= self.config["min_year_uses"]}
        for m in fives:
            digits = m[0]
            near = {digits[:i] + digits[i + 1:] for i in range(5)} & known
            if not near or not CUE.search(text, max(0, m.start() - 20), m.start()):
                continue
            best = max(sorted(near), key=lambda y: years[y])
            others = sorted(near - {best})
            also = f" (or {', '.join(others)})" if others else ""
            yield Finding(m.start(), m.end(),
                          f"'{digits}' stands where a year is expected and is one digit more than the "
                          f"book's year {best} ({years[best]}×){also}", best)
