"""A calendar date that cannot exist (31 februari, 31 april, month 13 in 12.13.2020).

A day beyond its month's length or a month number above 12 is a corrupted digit, not a style
choice. Dates written in words (``31 april``) and numeric dates (``31.04.2020``, ``5/13/2019``
read day first) are checked; URLs are not read.

Bad:   De overeenkomst werd op 31 april 2020 ondertekend.
Good:  De overeenkomst werd op 30 april 2020 ondertekend.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.rules._variants import masked_text
from qa.rules.base import Finding, Rule

MONTH_DAYS = {"januari": 31, "februari": 29, "maart": 31, "april": 30, "mei": 31, "juni": 30, "juli": 31,
              "augustus": 31, "september": 30, "oktober": 31, "november": 30, "december": 31}
# definitions (as text: the rule compiles the faster equivalents below)
WORD_DATE = r"\d(?<![\d.,]\d)\d?[ \t\n]+(?:" + "|".join(MONTH_DAYS) + r")\b"
YEAR_AFTER = re.compile(r"[ \t\n]+((?:19|20)\d\d)\b")
NUM_YEAR = r"[./](?:19|20)\d\d(?!\d)"
# NUM_YEAR without its separator, one pattern per century scanned for by the year's first digit
# (re scans for one literal character fastest, not for a class); the matches never overlap
_YEAR_DIGITS = [re.compile(rf"{c[0]}(?<=[./]{c[0]}){c[1]}\d\d(?!\d)") for c in ("19", "20")]
NUM_DAY_MONTH = re.compile(r"(?<![\d.,/])(\d{1,2})([./])(\d{1,2})\Z")
DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


@lru_cache(maxsize=64)
def _word_date(digits: str, first: str) -> re.Pattern:
    """WORD_DATE for the dates whose day starts with ``first``, with ``\\d`` spelled out as the digits
    the book has: the same matches on its text there, but re scans for a literal character several
    times faster than for a class (and an explicit class is faster than asking Unicode)."""
    d, f = "[" + re.escape(digits) + "]", re.escape(first)
    return re.compile(rf"{f}(?<![\d.,]{f}){d}?[ \t\n]+(?:" + "|".join(MONTH_DAYS) + r")\b")


def _word_dates(digits: str, text: str):
    """WORD_DATE's matches in order, one scan per digit: a match starts on a digit that follows no
    digit, so no match starts inside another and each digit's matches are WORD_DATE's there."""
    found = [m for c in digits for m in _word_date(digits, c).finditer(text)]
    found.sort(key=lambda m: m.start())
    return found


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


class ImpossibleDate(Rule):
    id = "number.date"
    category = "number"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        text = masked_text(doc, ctx)
        digits = "".join(sorted(c for c in doc.chars if c.isdecimal()))  # masked_text adds only spaces
        for m in _word_dates(digits, text):
            start, end, shown = m.start(), m.end(), m[0]
            day, month = int(shown.split()[0]), shown.split()[-1]
            year = YEAR_AFTER.match(text[end:end + 6])
            most = MONTH_DAYS[month]
            if month == "februari" and year and not _leap(int(year[1])):
                most = 28
            if day == 0 or day > most:
                yield Finding(start, end, f"'{day} {month}' does not exist: {month} has {most} days")
        # NUM_YEAR's matches begin one character before these (their separator)
        years = sorted((m.start() - 1, m.end()) for p in _YEAR_DIGITS for m in p.finditer(text))
        for y_start, y_end in years:
            m = NUM_DAY_MONTH.search(text, max(0, y_start - 6), y_start)
            if not m or m[2] != text[y_start]:
                continue
            day, month, year = int(m[1]), int(m[3]), int(text[y_start + 1:y_end])
            start, end, shown = m.start(), y_end, text[m.start():y_end]
            if month == 0 or month > 12:
                yield Finding(start, end, f"'{shown}' has month {month}: there are 12 months")
            elif day == 0 or day > DAYS[month - 1] or (month == 2 and day == 29 and not _leap(year)):
                yield Finding(start, end, f"'{shown}' does not exist: month {month} has "
                              f"{28 if month == 2 and not _leap(year) else DAYS[month - 1]} days")
