"""A bibliographic separator written twice (``// //``, ``. - . -``, ``: :``).

Bad:   Y.F. Nikitina // // Designing the Future. - Moskou, 2019.
Good:  Y.F. Nikitina // Designing the Future. - Moskou, 2019.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

DOUBLED = re.compile(r"(?<!:)(//)\s*//(?!/)|(?<=\s)(/)\s+/(?=\s)|(\.\s[-–])\s*\.\s[-–](?=\s)|(?<=\S)(:)\s+:(?=\s)")


class DoubledSeparator(Rule):
    id = "citation.doubled-separator"
    category = "citation"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        notes = doc.notes_text
        for a, b in doc.note_blocks:
            for m in DOUBLED.finditer(notes, a, b):
                sep = next(g for g in m.groups() if g)
                yield Finding(m.start(), m.end(), f"the separator '{sep}' is written twice", sep, safe=True)
