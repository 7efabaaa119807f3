"""The Russian page abbreviation ``С.`` left as a Latin ``C.`` in a reference (``C. 43.``).

``С. 43`` (страница) was read as a Latin letter and kept. The book's own page abbreviation
(``blz.``, ``p.``, ``S.``, the majority in the book) is suggested, else ``blz.``.

Bad:   LAP LAMBERT Academic Publishing, 2016. - – C. 43.
Good:  LAP LAMBERT Academic Publishing, 2016. - – blz. 43.
"""

from __future__ import annotations

import re
from collections import Counter

from qa.rules.base import Finding, Rule

# 'C.' after a separator, a line start or a full stop; the look-behinds come after the C so that re
# scans for it quickly
PAGE_C = re.compile(r"([CС](?:(?<=[-–,]\s[CС])|(?<=^[CС])|(?<=\.\s[CС]))\.)\s?(\d{1,4}(?:\s?[–-]\s?\d{1,4})?)"
                    r"(?=[.,;\s]|$)", re.M)
# the book's own page abbreviations: the matches of this pattern (kept as its definition; own_forms() finds them)
OWN = r"(?<![\w.])(blz|bl|p|pp|S|s)\.\s?\d"
DOT_NUMBER = re.compile(r"\.\s?\d")  # where OWN can end its abbreviation: a plain first character scans fast
OWN_FORMS = ((3, {"blz"}), (2, {"bl", "pp"}), (1, {"p", "S", "s"}))  # by distance to the dot, leftmost first
WORD_OR_DOT = re.compile(r"[\w.]")


def own_forms(text: str) -> Counter:
    """How often each form of OWN occurs (``Counter(m[1] for m in OWN.finditer(text))``), found from
    the dots: a match holds one dot, and the leftmost form that fits before it is the one OWN takes."""
    forms: Counter = Counter()
    for m in DOT_NUMBER.finditer(text):
        p = m.start()
        for k, allowed in OWN_FORMS:
            s = p - k
            if s >= 0 and text[s:p] in allowed and not (s and WORD_OR_DOT.match(text, s - 1)):
                forms[text[s:p]] += 1
                break
    return forms


class PageAbbreviation(Rule):
    id = "citation.page-abbreviation"
    category = "citation"
    severity = "minor"
    options = {"default": "blz."}

    def check(self, doc, ctx):
        forms = own_forms(doc.text)
        own = forms.most_common(1)[0][0] + "." if forms else self.config["default"]
        own = "p." if own == "pp." else own
        for note in doc.footnotes:
            for a, b in [(note.start, note.end), *note.extra]:
                for m in PAGE_C.finditer(doc.text, a, b):
                    yield Finding(m.start(1), m.end(2),
                                  f"'{m[1]}' is the Russian page abbreviation С. read as a Latin letter; "
                                  f"the book writes pages as '{own}'", f"{own} {m[2]}")
