"""A year or amount in a footnote that its own URL slug contradicts (``20230`` beside ``-2020/``).

News URLs end in the article id and its year (``…-415998-2020/``) and keep the Russian title's
amounts with their currency (``br144-mln`` is 144 million Belarusian roubles). The rule fires when
the year printed after the footnote's label is not a year and differs from the slug's year (a
digit inserted: ``20230``, ``20190``), and when an amount of the title carries another currency
than the same amount in the slug (``144 miljoen euro`` beside ``br144-mln``).

Bad:   38 Een nieuwe bewoner van FEZ Minsk [Elektronische hulpbron]. - – 20230. - URL: https://www.belta.by/regions/view/novyj-rezident-sez-minsk-415998-2020/
Good:  38 Een nieuwe bewoner van FEZ Minsk [Elektronische hulpbron]. - – 2020. - URL: https://www.belta.by/regions/view/novyj-rezident-sez-minsk-415998-2020/
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule
from qa.slug import citation_year, footnote_slug, title

# currency marks in slugs (before or after the number) and the Dutch words for them
SLUG_CURRENCY = {"br": "roebel", "evro": "euro", "eur": "euro", "dollarov": "dollar", "usd": "dollar"}
TITLE_AMOUNT = re.compile(
    r"(?:(\$|Br\.?|€)\s?)?(\d+(?:[.,]\d+)?)\s*(?:(miljoen|miljard|duizend|mln|mld)\s+)?"
    r"(euro|EUR|dollar|USD|roebel\w*|Br\b)?")
TITLE_CURRENCY = {"$": "dollar", "€": "euro", "br": "roebel", "br.": "roebel", "euro": "euro", "eur": "euro",
                  "dollar": "dollar", "usd": "dollar"}
SLUG_NUMBER = re.compile(r"([a-z]*)(\d+)")
NAMES = {"roebel": "Belarusian roubles", "euro": "euros", "dollar": "dollars"}


class NumberSlugMismatch(Rule):
    id = "number.slug-mismatch"
    category = "number"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        for note in doc.footnotes:
            s = footnote_slug(note)
            if not s:
                continue
            year = citation_year(doc, note)
            if year and s.year and year[0] != s.year and not _plausible_year(year[0]) and _one_insert(s.year, year[0]):
                yield Finding(year[1], year[2],
                              f"'{year[0]}' is not a year; the footnote URL ends in {s.year}", s.year, safe=True)
            yield from self._currencies(doc, note, s)

    def _currencies(self, doc, note, s):
        slug_cur = {}
        words = list(s.words)
        joined = "-".join(words)
        if not any(mark in joined for mark in SLUG_CURRENCY):
            return  # no currency mark, as a word or before a number: nothing to compare
        for i, w in enumerate(words):
            m = SLUG_NUMBER.fullmatch(w)
            if not m:
                continue
            cur = SLUG_CURRENCY.get(m[1])
            for nxt in words[i + 1:i + 3]:
                cur = cur or SLUG_CURRENCY.get(nxt)
            if cur:
                slug_cur[m[2]] = cur
        if not slug_cur:
            return
        t = title(doc, note)
        if not t:
            return
        for m in TITLE_AMOUNT.finditer(doc.text, t.start, t.end):
            digits = m[2].replace(".", "").replace(",", "")
            mark = (m[1] or m[4] or "").lower()
            cur = TITLE_CURRENCY.get(mark) or ("roebel" if mark.startswith("roebel") else None)
            want = slug_cur.get(digits)
            if cur and want and cur != want:
                yield Finding(m.start(), m.end(),
                              f"'{m[0].strip()}' is in {NAMES[cur]} but the footnote URL has the amount in {NAMES[want]} "
                              f"('{_slug_token(s, digits)}')", None)


def _plausible_year(y: str) -> bool:
    return len(y) == 4 and 1800 <= int(y) <= 2100


def _one_insert(short: str, long_: str) -> bool:
    return len(long_) == len(short) + 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _slug_token(s, digits):
    return next((w for w in s.words if w.endswith(digits)), digits)
