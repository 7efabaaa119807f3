"""An English bibliographic label in a Dutch citation: ``[Electronic resource]``.

GOST-style references mark online sources with ``[Электронный ресурс]``; translation through
English leaves ``[Electron resource]`` or ``[Electronic resource]``. The suggestion is the Dutch
label the book itself uses most (``[Elektronische hulpbron]`` when it has none), so ``mtqa fix``
may apply it.

Bad:   Wit-Rusland op de China Import Exhibition [Electronic resource]. - 2020. - URL: https://belta.by/
Good:  Wit-Rusland op de China Import Exhibition [Elektronische hulpbron]. - 2020. - URL: https://belta.by/
"""

from __future__ import annotations

import re
from collections import Counter

from qa.rules.base import Finding, Rule


class UntranslatedLabel(Rule):
    id = "untranslated.bibliographic-label"
    category = "untranslated"
    severity = "major"
    options = {"pack": "english"}

    def check(self, doc, ctx):
        labels = ctx.pack(self.config["pack"])["labels"]
        english = re.compile(r"\[\s*(?:" + "|".join(labels["english"]) + r")\s*\]", re.I)
        dutch = Counter(" ".join(m[0].split()) for m in re.finditer(labels["dutch"], doc.text))
        fixed = dutch.most_common(1)[0][0] if dutch else labels["default"]
        evidence = f"the book writes {fixed} {dutch[fixed]}×" if dutch else "the Dutch label"
        for m in english.finditer(doc.text):
            yield Finding(m.start(), m.end(), f"'{' '.join(m[0].split())}' is an English bibliographic label; "
                          f"write {fixed} ({evidence})", fixed, safe=True)
