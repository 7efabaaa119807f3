"""An omission mark in the Russian form ``<...>`` (``< ...>``, ``< ... >``) instead of ``(...)``.

Russian quotations mark an omission with angle brackets; Dutch uses ``(...)`` or ``[...]``. The
book's own majority form is suggested, else ``(...)``.

Bad:   "Wij zijn bereid om samen te werken < ...> Het is een goede basis."
Good:  "Wij zijn bereid om samen te werken (...) Het is een goede basis."
"""

from __future__ import annotations

import re
from collections import Counter

from qa.rules.base import Finding, Rule

ANGLE = re.compile(r"<[ \t]*(?:\.{2,}|…)[ \t]*>")
# the definition (as text: dutch_forms() counts its matches faster)
DUTCH = r"\((?:\.{3}|…)\)|\[(?:\.{3}|…)\]"
# the two halves of DUTCH: each starts with one plain character, which re finds quickly
DUTCH_ROUND = re.compile(r"\((?:\.{3}|…)\)")
DUTCH_SQUARE = re.compile(r"\[(?:\.{3}|…)\]")


def dutch_forms(text: str) -> Counter:
    """``Counter(m.group() for m in DUTCH.finditer(text))``, with the same order of first use (ties)."""
    found = [(m.start(), m.group()) for p in (DUTCH_ROUND, DUTCH_SQUARE) for m in p.finditer(text)]
    return Counter(form for _, form in sorted(found))


class OmissionMark(Rule):
    id = "typography.omission-mark"
    category = "typography"
    severity = "minor"
    options = {"default": "(...)"}

    def check(self, doc, ctx):
        text = doc.text
        found = list(ANGLE.finditer(text))
        if not found:
            return
        own = dutch_forms(text)
        form = own.most_common(1)[0][0] if own else self.config["default"]
        for m in found:
            yield Finding(m.start(), m.end(),
                          f"omission mark '{m.group()}' in the Russian form; Dutch writes '{form}'", form)
