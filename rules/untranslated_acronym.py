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
        hits: dict[str, list[tuple[int, int]]] = {}
        in_url = _untranslated.in_url(doc, ctx)
        text = doc.text
        seen: dict[str, list[int]] = {}  # where each first letter is, found once
        for a, b in _words(_leftmost(text, english, seen), text):
            domain = text[b:b + 1] == "." and text[b + 1:b + 2].isalpha()
            if not domain and not in_url(a):
                hits.setdefault(text[a:b], []).append((a, b))
        if not hits:
            return
        lower = ctx.cached("lower.text", lambda: doc.text.lower())
        for acr, found in hits.items():
            entry = english[acr]
            dutch = entry.get("dutch", "")
            n_dutch = sum(1 for _ in _words(_leftmost(text, [dutch], seen), text)) if dutch else 0
            expansion = entry["expansion"].lower()
            fixed = dutch or entry.get("suggestion")
            if n_dutch:
                why, chosen = f"the book also writes {dutch} {n_dutch}×", found
            elif len(found) <= self.config["rare"] and _search(expansion, lower):
                why, chosen = f"the book writes '{entry['expansion']}' elsewhere", found
            else:
                intro = re.compile(expansion + r"\w*\s*\(\s*" + re.escape(acr.lower()) + r"\s*\)")
                m = _search(expansion, lower, intro)
                if not m or doc.in_notes(m.start()):
                    continue
                chosen = [h for h in found if m.start() <= h[0] < m.end()][:1]
                why = f"introduced after the Dutch '{entry['expansion']}'; the book uses {acr} {len(found)}×"
            for a, b in chosen:
                yield Finding(a, b, f"'{acr}' is the English acronym; Dutch writes {fixed} ({why})", fixed)


_META = frozenset(".^$*+?{}[]\\|()")  # what makes a pattern more than its literal text


def _search(expansion: str, text: str, regex: re.Pattern | None = None):
    """``regex.search(text)`` for a regex that begins with ``expansion`` (by default the
    expansion itself). A plain expansion (most are) is found by ``str.find``, several times
    faster than re's scan, and the regex is tried only where it stands."""
    if not _META.isdisjoint(expansion):
        return (regex or re.compile(expansion)).search(text)
    if regex is None:
        return expansion in text
    at = text.find(expansion)
    while at >= 0:
        m = regex.match(text, at)
        if m:
            return m
        at = text.find(expansion, at + 1)
    return None


def _leftmost(text: str, literals, seen: dict[str, list[int]]) -> list[tuple[int, int]]:
    """The (start, end) of every match of the alternation of ``literals`` (longest first), as
    ``re.finditer`` gives them: leftmost, the longest at a start, not overlapping. Acronyms begin
    with a capital, rare in running text: ``str.find`` of each first letter (a fast one-character
    search) and a ``startswith`` test there cost a fraction of re's scan or a search per acronym."""
    by_first: dict[str, list[str]] = {}
    for lit in set(literals):
        if lit:
            by_first.setdefault(lit[0], []).append(lit)
    found = []
    for c, lits in by_first.items():
        pos = seen.get(c)
        if pos is None:
            pos, at = seen.setdefault(c, []), text.find(c)
            while at >= 0:
                pos.append(at)
                at = text.find(c, at + 1)
        for lit in lits:
            n = -len(lit)
            found += [(a, n) for a in pos if text.startswith(lit, a)]
    found.sort()
    out, last = [], 0
    for a, n in found:
        if a >= last:
            out.append((a, a - n))
            last = a - n
    return out


def _words(spans, text: str):
    """The (start, end) spans of literal matches that stand as whole words (not inside a word,
    path or host)."""
    for a, b in spans:
        before = text[a - 1:a]
        after = text[b:b + 1]
        if before and (before.isalnum() or before in "/.-_"):
            continue
        if not (after.isalnum() or after == "_"):
            yield a, b
