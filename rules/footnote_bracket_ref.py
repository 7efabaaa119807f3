"""A bracketed reference (``[2]``, ``[1, blz. 105]``) in a book that cites by footnotes.

The source's numbered reference list did not make it into the edition, but its markers did: they
double the footnote marks (``logistiek"99 [2]``) or stand alone (``gebracht. [5].``) and point
nowhere. Only reported in books with footnotes and when the bracket holds a small reference
number (not a year), optionally with a page.

Bad:   op een project op het gebied van logistiek"99 [2]. In augustus 2018
Good:  op een project op het gebied van logistiek"99. In augustus 2018
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

OPEN = re.compile(r"\[\d")
BRACKET = re.compile(r"(\s*+)\[(\d{1,3})(?:,\s*(?:blz|bl|p|pp|s|c|С)\.\s*\d+(?:[–-]\d+)?)?\]")


class FootnoteBracketRef(Rule):
    id = "footnote-glue.bracket-ref"
    category = "footnote-glue"
    severity = "minor"
    options = {"min_footnotes": 5}

    def check(self, doc, ctx):
        if len(doc.footnotes) < self.config["min_footnotes"]:
            return
        t = doc.body_text
        ref_ends = {r.end: r.number for r in doc.refs}
        for o in OPEN.finditer(t):
            k = o.start()
            while k > 0 and t[k - 1].isspace():
                k -= 1
            m = BRACKET.match(t, k)
            if not m:
                continue
            start = m.start(1)
            n = ref_ends.get(start)
            if n is None and start > 0 and t[start - 1].isdigit():
                n = int(re.search(r"\d+$", t[max(0, start - 4):start])[0])  # a detached mark the refs did not list
            if n is not None:
                yield Finding(m.start(), m.end(),
                              f"bracketed reference '{m[0].strip()}' doubles footnote mark {n}; "
                              "the book has no reference list it could point to", "")
            else:
                yield Finding(m.start(2) - 1, m.end(),
                              f"bracketed reference '{m[0].strip()}' points to a reference list the book does not "
                              "have (it cites by footnotes)", None)
