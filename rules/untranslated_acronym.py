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

from qa.rules.base import Finding, Rule


class UntranslatedAcronym(Rule):
    id = "untranslated.acronym"
    category = "untranslated"
    severity = "minor"
    options = {"pack": "acronyms_en", "rare": 3}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        for acr, entry in pack.items():
            dutch = entry.get("dutch", "")
            if dutch == acr:
                continue
            hits = [m for m in re.finditer(r"(?<![\w/.-])" + re.escape(acr) + r"(?![\w]|\.\w)", doc.text)
                    if not _in_url(doc, m.start())]
            if not hits:
                continue
            n_dutch = len(re.findall(r"(?<![\w-])" + re.escape(dutch) + r"(?![\w])", doc.text)) if dutch else 0
            expansion = re.compile(entry["expansion"], re.I)
            fixed = dutch or entry.get("suggestion")
            if n_dutch:
                why = f"the book also writes {dutch} {n_dutch}×"
                chosen = hits
            elif len(hits) <= self.config["rare"] and expansion.search(doc.text):
                why = f"the book writes '{entry['expansion']}' elsewhere"
                chosen = hits
            else:
                intro = re.compile(entry["expansion"] + r"\w*\s*\(\s*" + re.escape(acr) + r"\s*\)", re.I)
                m = intro.search(doc.body_text)
                if not m:
                    continue
                chosen = [h for h in hits if m.start() <= h.start() < m.end()][:1]
                why = f"introduced after the Dutch '{entry['expansion']}'; the book uses {acr} {len(hits)}×"
            for h in chosen:
                yield Finding(h.start(), h.end(), f"'{acr}' is the English acronym; Dutch writes "
                              f"{dutch or entry.get('suggestion')} ({why})", fixed)


def _in_url(doc, offset: int) -> bool:
    return any(u.start <= offset < u.end for u in doc.urls)
