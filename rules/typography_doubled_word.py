"""A word written twice in a row (``de de``), often across a line or page break.

Repetitions that Dutch grammar allows (``dat dat``, ``die die``, ``het het``) and repeated
capitalised names (``Bora Bora``) are not reported.

Bad:   Het project werd in de de regio Grodno uitgevoerd.
Good:  Het project werd in de regio Grodno uitgevoerd.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

DOUBLE = re.compile(r"(?<![\w-])([^\W\d_]+)(\s+)(\1)(?![\w-])", re.I)


class DoubledWord(Rule):
    id = "typography.doubled-word"
    category = "typography"
    severity = "minor"
    options = {"allowed": ["dat", "die", "het", "er", "had", "is", "was", "zijn", "van"]}

    def check(self, doc, ctx):
        allowed = set(self.config["allowed"])
        body = doc.body_text
        for m in DOUBLE.finditer(body):
            first, second = m[1], m[3]
            if first.lower() in allowed or len(first) < 2:
                continue
            if first[:1].isupper() and second[:1].isupper():
                continue  # a name ('Bora Bora') or a repeated heading word
            yield Finding(m.start(), m.end(), f"the word '{second}' is written twice", first)
