"""The European Union where the Eurasian Economic Union (EAEU) is meant.

Machine translation through English turns ЕАЭС / "the Union" into "EU", "Europese Unie",
"EU-landen" or "Verdrag betreffende de Europese Unie". Each EU form is weighed against its
context: the sentence (Eurasian bodies, member states such as Kazakhstan, Armenia, Kyrgyzstan),
the footnote it cites (a URL slug with ``eaes`` or ``evrazijsk``, against ``es`` or
``evropejsk``), the surrounding passage and the chapter (the EAEU named often, the EU rarely; a
chapter about the European Union counts against). Weaker cases go to
``entity-confusion.weak-evidence``.

Bad:   een uniform register van de in de EU-landen geproduceerde machines van het Euraziatisch Centrum.
Good:  een uniform register van de in de EAEU-landen geproduceerde machines van het Euraziatisch Centrum.
"""

from __future__ import annotations

import bisect
import re

from qa.rules._entities import (WINDOW, Candidate, Markers, add_same_phrase_evidence, find, lead,
                                literal_index, quoted, sentence_span, slug_hits)
from qa.rules.base import Finding, Rule


class EaeuAsEu(Rule):
    id = "entity-confusion.eaeu-as-eu"
    category = "entity-confusion"
    severity = "critical"
    options = {"pack": "entities"}

    def check(self, doc, ctx):
        for c in candidates(doc, ctx, self.config["pack"]):
            if c.strong:
                yield Finding(c.start, c.end, c.message(doc.text[c.start:c.end]), c.suggestion)


def candidates(doc, ctx, pack_name: str = "entities") -> list[Candidate]:
    return ctx.cached(f"entities.eaeu:{pack_name}",
                      lambda: _candidates(doc, ctx, ctx.pack(pack_name)["eaeu"], literal_index(doc, ctx, pack_name)))


def _candidates(doc, ctx, pack, index=None) -> list[Candidate]:
    targets = pack["targets"]
    pats = [t["pattern"] for t in targets]
    target_re = re.compile(lead(pats) + r"(?<![\w-])(?:" + "|".join(f"({p})" for p in pats) + ")")
    text = doc.text
    found = list(find(target_re, pats, text, index))
    if not found:
        return []
    marks = Markers(text, {"eur": pack["eurasian"], "mem": pack["members"], "euc": pack["eu_context"]}, index)
    target_starts = [m.start() for m in found]
    out = []
    for m in found:
        a, b = m.span()
        if doc.toc_span and doc.toc_span[0] <= a < doc.toc_span[1]:
            continue
        t = targets[m.lastindex - 1]
        c = Candidate("eaeu", a, b, t["suggestion"], "the European Union", "the Eurasian Economic Union (EAEU)")
        ev = c.evidence
        s0, s1 = sentence_span(doc, a, b)
        where = "the footnote" if doc.footnote_at(a) else "the sentence"
        for name, weight in (("eur", 2), ("mem", 2), ("euc", -2)):
            hits = marks.in_range(name, s0, s1, skip=(a, b))
            if hits:  # two member states (Kazakhstan and Armenia) are more than one
                bonus = 1 if name == "mem" and len(set(hits)) > 1 else 0
                ev.append((weight + bonus, f"{where} names {quoted(hits)}"))
        notes = doc.footnotes_near(a)
        pro, con = slug_hits(notes, pack["slug_eurasian"]), slug_hits(notes, pack["slug_eu"])
        if pro:
            ev.append((3, f"the footnote URL has {quoted(pro)}"))
        if con:
            ev.append((-3, f"the footnote URL has {quoted(con)}"))
        own = doc.footnote_at(a)
        for note in notes:
            if note is not own and marks.in_range("eur", note.start, note.end):
                ev.append((1, f"footnote {note.number} names {quoted(marks.in_range('eur', note.start, note.end))}"))
                break
        in_notes = own is not None
        w0, w1 = max(0, a - WINDOW), min(len(text), b + WINDOW)
        near_e = [w for w in marks.in_range("eur", w0, w1) + marks.in_range("mem", w0, w1)]
        near_c = marks.in_range("euc", w0, w1)
        if not in_notes:
            if len(near_e) >= 3 and len(near_e) > 2 * len(near_c):
                ev.append((1, f"the passage names {quoted(near_e, 2)} {len(near_e)} times"))
            elif len(near_c) >= 2 and len(near_c) > len(near_e):
                ev.append((-1, f"the passage names {quoted(near_c, 2)}"))
        chapter = doc.chapter_at(a)
        if chapter:
            if re.search(r"Europ|\bEU\b", chapter.title):
                ev.append((-3, f"the chapter is '{chapter.title[:60]}'"))
            else:
                n_eur = len(marks.in_range("eur", chapter.start, chapter.end))
                n_eu = bisect.bisect_left(target_starts, chapter.end) - bisect.bisect_left(target_starts, chapter.start)
                if n_eur >= 5 and n_eur >= 2 * n_eu:
                    ev.append((1, f"the chapter names the EAEU or Eurasian bodies {n_eur} times and EU forms {n_eu} times"))
        c.suggestion = _inflect(t["suggestion"], m.group())
        out.append(c)
    add_same_phrase_evidence(out, text)
    return out


def _inflect(suggestion: str, found: str) -> str:
    return suggestion.upper() if found.isupper() and len(found) > 3 else suggestion
