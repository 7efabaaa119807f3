"""A bibliographic separator written twice (``// //``, ``. - . -``, ``: :``).

Bad:   Y.F. Nikitina // // Designing the Future. - Moskou, 2019.
Good:  Y.F. Nikitina // Designing the Future. - Moskou, 2019.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

# ``// //`` (not after ':'), ``/ /``, ``. - . -``, ``: :``; every branch starts with a plain character
# (look-behinds after it) so that re scans for those
DOUBLED = re.compile(r"/(?<!:/)/\s*//(?!/)|/(?<=\s/)\s+/(?=\s)|\.\s[-–]\s*\.\s[-–](?=\s)|:(?<=\S:)\s+:(?=\s)")


def separator(match: str) -> str:
    """The separator a DOUBLED match repeats, told by how the match starts."""
    if match.startswith("//"):
        return "//"
    return match[:3] if match[0] == "." else match[0]


class DoubledSeparator(Rule):
    id = "citation.doubled-separator"
    category = "citation"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        notes = doc.notes_text
        for a, b in doc.note_blocks:
            for m in DOUBLED.finditer(notes, a, b):
                sep = separator(m.group())
                yield Finding(m.start(), m.end(), f"the separator '{sep}' is written twice", sep, safe=True)
