"""An author's initials that differ within one reference (``Wei, V. ... / W. Wei``).

A reference names its author twice: ``Surname, I.`` in the heading and ``/ I. Surname`` in the
statement of responsibility. When the surname is the same but the initials differ, one of them
was transliterated or translated differently (В. read as V. or W.).

Bad:   71 Wei, V. Silicon Valley of China / W. Wei // Modellen, systemen, netwerken.
Good:  71 Wei, W. Silicon Valley of China / W. Wei // Modellen, systemen, netwerken.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

INITIALS = r"(?:[^\W\d_]{1,2}\.\s?){1,2}"
HEAD = re.compile(r"\d+\s+([^\W\d_][\w'’-]+),\s(" + INITIALS + ")")
RESP = re.compile(r"/\s*(" + INITIALS + r")\s*([^\W\d_][\w'’-]+)")


class AuthorInitials(Rule):
    id = "citation.author-initials"
    category = "citation"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        for note in doc.footnotes:
            m = HEAD.match(doc.text, note.start, note.end)
            if not m:
                continue
            surname, initials = m[1], _norm(m[2])
            for r in RESP.finditer(doc.text, m.end(), note.end):
                if r[2].lower() == surname.lower() and _norm(r[1]) != initials:
                    yield Finding(m.start(1), m.end(2) - (len(m[2]) - len(m[2].rstrip())),
                                  f"the author's initials differ within the reference: '{m[2].strip()}' here, "
                                  f"'{r[1].strip()}' after the slash",
                                  f"{surname}, {r[1].strip()}")
                    break


def _norm(initials: str) -> str:
    return re.sub(r"\s+", "", initials)
