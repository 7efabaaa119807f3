"""An English acronym where Dutch has its own: ``CIS`` for GOS, ``FEZ`` for VEZ, ``FTZ``.

The ``acronyms_en`` pack maps English acronyms to the Dutch acronym and a Dutch expansion.
Evidence, strongest first: the book also writes the Dutch acronym (every English occurrence is
reported); the English acronym is rare in the book (three times or fewer) while the Dutch
expansion occurs; or the English acronym is introduced in parentheses right after the Dutch
expansion (``vrije economische zones (FEZ)``), which is reported once, as the book's choice.
Acronyms that Dutch shares (WTO, EU) have the same form on both sides and never fire.

Bad:   Volgens CIS-informatie groeide de handel binnen het GOS met 5 %.
Good:  Volgens GOS-informatie groeide de handel binnen het GOS met 5 %.
"""

from __future__ import annotations

import re

from qa.rules import _untranslated
from qa.rules.base import Finding, Rule


class UntranslatedAcronym(Rule):
    id = "untranslated.acronym"
    category = "untranslated"
    severity = "minor"
    options = {"pack": "acronyms_en", "rare": 3}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        english = {a: e for a, e in pack.items() if e.get("dutch", "") != a}
        if not english:
            return
        pattern = re.compile("|".join(sorted(map(re.escape, english), key=len, reverse=True)))
        hits: dict[str, list[tuple[int, int]]] = {}
        in_url = _untranslated.in_url(doc, ctx)
        for m in _words(pattern, doc.text):
            domain = doc.text[m.end():m.end() + 1] == "." and doc.text[m.end() + 1:m.end() + 2].isalpha()
            if not domain and not in_url(m.start()):
                hits.setdefault(m[0], []).append((m.start(), m.end()))
        if not hits:
            return
        lower = ctx.cached("lower.text", lambda: doc.text.lower())
        for acr, found in hits.items():
            entry = english[acr]
            dutch = entry.get("dutch", "")
            n_dutch = sum(1 for _ in _words(re.compile(re.escape(dutch)), doc.text)) if dutch else 0
            expansion = re.compile(entry["expansion"].lower())
            fixed = dutch or entry.get("suggestion")
            if n_dutch:
                why, chosen = f"the book also writes {dutch} {n_dutch}×", found
            elif len(found) <= self.config["rare"] and expansion.search(lower):
                why, chosen = f"the book writes '{entry['expansion']}' elsewhere", found
            else:
                intro = re.compile(entry["expansion"].lower() + r"\w*\s*\(\s*" + re.escape(acr.lower()) + r"\s*\)")
                m = intro.search(lower)
                if not m or doc.in_notes(m.start()):
                    continue
                chosen = [h for h in found if m.start() <= h[0] < m.end()][:1]
                why = f"introduced after the Dutch '{entry['expansion']}'; the book uses {acr} {len(found)}×"
            for a, b in chosen:
                yield Finding(a, b, f"'{acr}' is the English acronym; Dutch writes {fixed} ({why})", fixed)


def _words(pattern: re.Pattern, text: str):
    """Matches of a literal pattern that stand as whole words (not inside a word, path or host)."""
    for m in pattern.finditer(text):
        before = text[m.start() - 1:m.start()]
        after = text[m.end():m.end() + 1]
        if before and (before.isalnum() or before in "/.-_"):
            continue
        if not (after.isalnum() or after == "_"):
            yield m
