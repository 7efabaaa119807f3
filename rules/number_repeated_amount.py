"""An amount written twice in a row (``meer dan 157 miljoen Br.157 miljoen``).

Translation through English sometimes renders an amount twice, once in words and once with its
currency sign (``Br157 mln`` → ``157 miljoen Br.157 miljoen``). The same number with the same
scale word twice, with at most a short currency token between, is one amount written twice.

Bad:   De inwoners betaalden meer dan 157 miljoen Br.157 miljoen aan belastingen.
Good:  De inwoners betaalden meer dan 157 miljoen Br aan belastingen.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

SCALE = "miljoen|miljard|mln\\.?|mld\\.?|duizend|biljoen"
# anchored on the scale word (a quick scan); the number before it is checked afterwards
REPEAT = re.compile(r"(" + SCALE + r")(?P<gap>[ \t\n]*(?:[A-Za-z$€£¥₽]{1,5}\.?)?[ \t\n]*)"
                    r"(?P<again>(?P<n>\d+(?:[.,]\d+)?)[ \t\n]*\1)(?![\w])")
NUMBER_BEFORE = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)[ \t\n]*\Z")


class RepeatedAmount(Rule):
    id = "number.repeated-amount"
    category = "number"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        text = doc.text
        for m in REPEAT.finditer(text):
            before = NUMBER_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if not before or before[1] != m["n"]:
                continue
            gap = m["gap"]
            start = m.start("gap") + (len(gap) - len(gap.lstrip()))
            amount = " ".join(m["again"].split())
            currency = gap.strip()
            yield Finding(start, m.end(), f"the amount '{amount}' is written twice in a row"
                          + (f" (the second time after '{currency}')" if currency else ""))
