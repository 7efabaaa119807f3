"""A bibliographic label in brackets rendered several ways in one book's footnotes.

Russian references carry a fixed material label (``[Электронный ресурс]``) after the title; the
machine translation renders that one label several ways: ``[Elektronische hulpbron]``,
``[Elektronische bron]``, ``[Elektronische middelen]``, ``[Electronic resource]``. The rule finds
the family without a word list: bracketed labels that stand in the label slot of a footnote (just
before ``. -``) and share a word stem are renderings of one slot. The book's majority rendering
(or the one its ``.mtqa.toml`` names with ``prefer``) is the right one; the others are flagged,
wherever they stand (a label displaced into the running text too).

Bad:   1 Titel [Elektronische bron]. - – 2020. 2 Titel [Elektronische hulpbron]. - – 2020. 3 Titel [Elektronische hulpbron]. - – 2020.
Good:  1 Titel [Elektronische hulpbron]. - – 2020. 2 Titel [Elektronische hulpbron]. - – 2020.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from qa.rules._variants import message, notes_lookup, preferred, squash
from qa.rules.base import Finding, Rule

# one to four words in brackets, a line break allowed between words; no digits
# (the letter runs possessive: a word split in pieces ends at the same ']' or nowhere, so only
# the useless backtracking goes)
LABEL = re.compile(r"\[([^\W\d_]++(?:[ \t]*\n?[ \t]*[^\W\d_]++){0,3})[ \t]*\]")
SLOT_AFTER = re.compile(r"[ \t]*\.?[ \t]*\n?[ \t]*[-–—]")


def _stems(label: str) -> set[str]:
    """Word stems that tie renderings together (Electron/Elektronische share 'elekt')."""
    out = set()
    for w in label.casefold().split():
        if len(w) >= 4:
            out.add(w.replace("c", "k").replace("ph", "f")[:5])
    return out


class InconsistentLabel(Rule):
    id = "inconsistent-term.label"
    category = "inconsistent-term"
    severity = "minor"
    options = {"prefer": "", "min_count": 2}

    def check(self, doc, ctx):
        text = doc.text
        found = []  # (start, end, surface, in_slot)
        in_notes = notes_lookup(doc, ctx)
        surfaces: dict[str, str] = {}  # a label as written -> its words on one line
        for m in LABEL.finditer(text):
            raw = m[1]
            surface = surfaces.get(raw)
            if surface is None:
                surface = surfaces[raw] = squash(raw)
            start, end = m.span()
            found.append((start, end, surface, bool(in_notes(start) and SLOT_AFTER.match(text, end))))
        keys = {surface: surface.casefold() for surface in surfaces.values()}
        slot_keys = {keys[surface] for _, _, surface, in_slot in found if in_slot}
        if len(slot_keys) < 2:
            return
        families = _cluster(slot_keys)
        counts: dict[int, Counter] = defaultdict(Counter)
        for _, _, surface, _ in found:
            fam = families.get(keys[surface])
            if fam is not None:
                counts[fam][surface] += 1
        prefer = self.config["prefer"]
        for fam, c in counts.items():
            best, chosen = preferred(c, prefer, self.config["min_count"])
            if best is None:
                continue
            said = {}  # surface -> message, the same for each of its uses
            for start, end, surface, _ in found:
                if surface == best or families.get(keys[surface]) != fam:
                    continue
                msg = said.get(surface)
                if msg is None:
                    msg = said[surface] = message(f"[{surface}]", c[surface], f"[{best}]", c[best],
                                                  "this bibliographic label", chosen)
                yield Finding(start, end, msg, f"[{best}]", safe=chosen)


def _cluster(keys: set[str]) -> dict[str, int]:
    """Key -> family number; keys sharing a word stem belong to one family (union-find)."""
    parent = {k: k for k in keys}

    def find(k):
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_stem = defaultdict(list)
    for k in keys:
        for s in _stems(k):
            by_stem[s].append(k)
    for members in by_stem.values():
        for other in members[1:]:
            parent[find(other)] = find(members[0])
    roots = {}
    return {k: roots.setdefault(find(k), len(roots)) for k in sorted(keys)}
