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

PAGE_C = re.compile(r"(?:(?<=[-–,]\s)|(?<=^)|(?<=\.\s))([CС]\.)\s?(\d{1,4}(?:\s?[–-]\s?\d{1,4})?)(?=[.,;\s]|$)", re.M)
OWN = re.compile(r"(?<![\w.])(blz|bl|p|pp|S|s)\.\s?\d")


class PageAbbreviation(Rule):
    id = "citation.page-abbreviation"
    category = "citation"
    severity = "minor"
    options = {"default": "blz."}

    def check(self, doc, ctx):
        forms = Counter(m[1] for m in OWN.finditer(doc.text))
        own = forms.most_common(1)[0][0] + "." if forms else self.config["default"]
        own = "p." if own == "pp." else own
        for note in doc.footnotes:
            for a, b in [(note.start, note.end), *note.extra]:
                for m in PAGE_C.finditer(doc.text, a, b):
                    yield Finding(m.start(1), m.end(2),
                                  f"'{m[1]}' is the Russian page abbreviation С. read as a Latin letter; "
                                  f"the book writes pages as '{own}'", f"{own} {m[2]}")
