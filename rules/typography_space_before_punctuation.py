"""A space before a full stop, comma, colon, semicolon or question mark (``"72 .``).

Extraction puts a space between a footnote mark or a closing quote and the full stop that
follows (``ontwikkeling"72 .``); Dutch never has one. Removing the space is safe. Ellipses and
omission marks (``< ...>``) are left to other rules.

Bad:   Dat is de sleutel tot succes in de komende periode"73 . Om te beginnen
Good:  Dat is de sleutel tot succes in de komende periode"73. Om te beginnen
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

SPACE_PUNCT = re.compile(r"(?<=[\w\"”’»)%])([ \t\n]++)([.,;:!?])(?![.\w])")
TAIL = re.compile(r"(?:[\"”’»)]\d{1,3}|\w[\"”’»)]|\w)$")


class SpaceBeforePunctuation(Rule):
    id = "typography.space-before-punctuation"
    category = "typography"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        text, body = doc.text, doc.body_text
        for m in SPACE_PUNCT.finditer(body):
            if text[m.start(1):m.end(1)].strip():
                continue  # the gap holds blanked notes or a page number: a page break, not a space
            tail = TAIL.search(body, max(0, m.start() - 5), m.start())
            start = tail.start() if tail else m.start() - 1
            before = body[start:m.start()]
            mark = re.search(r"\d+$", before)
            if mark:
                what = f"footnote mark {mark.group()}"
            elif before[-1:] in "\"”’»":
                word = re.search(r"[^\W\d_]+$", body[max(0, m.start() - 40):m.start() - 1])
                what = f"the closing quote after '{word.group() if word else before}'"
            else:
                what = f"'{before}'"
            yield Finding(start, m.end(), f"space between {what} and '{m[2]}'", before + m[2], safe=True)
