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

REPEAT = re.compile(
    r"(?<![\d.,])(\d+(?:[.,]\d+)?)[ \t\n]*(miljoen|miljard|mln\.?|mld\.?|duizend|biljoen)"
    r"(?P<gap>[ \t\n]*(?:[A-Za-z$€£¥₽]{1,5}\.?)?[ \t\n]*)"
    r"(?P<again>\1[ \t\n]*\2)(?![\w])", re.I)


class RepeatedAmount(Rule):
    id = "number.repeated-amount"
    category = "number"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        for m in REPEAT.finditer(doc.text):
            gap = m["gap"]
            start = m.start("gap") + (len(gap) - len(gap.lstrip()))
            amount = " ".join(m["again"].split())
            currency = gap.strip()
            yield Finding(start, m.end(), f"the amount '{amount}' is written twice in a row"
                          + (f" (the second time after '{currency}')" if currency else ""))
