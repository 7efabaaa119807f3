"""An English-style ampersand between Dutch words (``Elektronica & Werktuigbouwkundige``).

English title case lists join their last item with ``&``; Dutch running text writes ``en``.
Names of firms (``Ernst & Young``), abbreviations (``R&D``, ``O&O``) and URLs are not reported:
one of the joined words must be an ordinary Dutch word, i.e. the book also has it in lower case.

Bad:   9. Petrochemie. 10. Elektronica & Werktuigbouwkundige Technologie.
Good:  9. Petrochemie. 10. Elektronica en werktuigbouwkundige technologie.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

# `` & ``: found from the ampersand (re scans for it quickly), the space before is looked behind at
AMP = re.compile(r"&(?<=[ \t]&)[ \t]")
BEFORE = re.compile(r"(?<![\w/=?&])([^\W\d_]{2,})[ \t]*$")
AFTER = re.compile(r"[ \t]*([^\W\d_]{2,})(?![\w/=])")


class Ampersand(Rule):
    id = "typography.ampersand"
    category = "typography"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        counts = doc.word_counts
        body = doc.body_text
        last = 0
        for amp in AMP.finditer(body):
            at = amp.start() - 1  # the space before
            if at < last:
                continue  # ' & & ': the second shares its space with the first
            last = amp.end()
            x = BEFORE.search(body, max(0, at - 60), at + 1)
            y = AFTER.match(body, amp.end() - 1)
            if not (x and y):
                continue
            a, b = x[1], y[1]
            start, end = x.start(1), y.end(1)
            dutch = [w for w in (a, b) if counts.get(w.lower(), 0) > 0]
            if not dutch:
                continue
            yield Finding(start, end,
                          f"English ampersand between Dutch words ('{dutch[0].lower()}' occurs in the book in lower case)",
                          f"{a} en {b.lower() if b.lower() in counts else b}")
