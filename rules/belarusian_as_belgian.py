"""Belgian where Belarusian is meant: "Chinees-Belgische industriepark" for the China-Belarus park.

Machine translation read белорусский (Belarusian, "Bel…") as Belgian. In a book about Belarus a
``Belgisch(e)`` is weighed against its context: the book writes the same noun elsewhere with a
Belarusian adjective ("Sino-Belarusische industriepark"), the cited footnote's URL slug has
``belorussk`` (against ``belgi…``), the chapter title pairs Belarus with the country of the
bilateral prefix ("Armeens-" in "Wit-Rusland - Armenië"), the sentence has a Belarusian
adjective, the sentence and passage name Belarusian places (Great
Stone, Minsk, Brest) and no Belgian ones (Brussel, Antwerpen, Vlaanderen, Wallonië). Weaker
cases go to ``entity-confusion.weak-evidence``. The suggestion uses the book's majority form
(Wit-Russisch or Belarussisch) with the same ending.

Bad:   de bewoners van het Chinees-Belgische industriepark "Great Stone" in Minsk.
Good:  de bewoners van het Chinees-Wit-Russische industriepark "Great Stone" in Minsk.
"""

from __future__ import annotations

import re

from qa.rules._entities import WINDOW, Candidate, Markers, find, literal_index, quoted, sentence_span, slug_hits
from qa.rules.base import Finding, Rule

# what stands before the adjective: a word boundary, or a bilateral prefix such as "Chinees-"
PREFIX = re.compile(r"(?:^|(?<=[\s\"“(]))((?:[A-Z][a-zë]+-\n?)?)\Z", re.M)
FOCUS = 10  # the book names its country this many times as often as Belgium (plus one)


class BelarusianAsBelgian(Rule):
    id = "entity-confusion.belarusian-as-belgian"
    category = "entity-confusion"
    severity = "critical"
    options = {"pack": "entities"}

    def check(self, doc, ctx):
        for c in candidates(doc, ctx, self.config["pack"]):
            if c.strong:
                yield Finding(c.start, c.end, c.message(doc.text[c.start:c.end]), c.suggestion)


def candidates(doc, ctx, pack_name: str = "entities") -> list[Candidate]:
    return ctx.cached(f"entities.belarus:{pack_name}",
                      lambda: _candidates(doc, ctx, ctx.pack(pack_name)["belarus"], literal_index(doc, ctx, pack_name)))


def _candidates(doc, ctx, pack, index=None) -> list[Candidate]:
    text = doc.text
    found = []
    for m in find(re.compile(rf"{pack['word']}\b"), [pack["word"]], text, index):
        a = m.start()
        if doc.toc_span and doc.toc_span[0] <= a < doc.toc_span[1]:
            continue
        before = PREFIX.search(text, max(0, a - 40), a)
        if before:
            found.append((before.start(1), m.end(), before[1], m[1] or ""))
    if not found:
        return []
    marks = Markers(text, {"country": pack["country"], "place": pack["places"], "belgian": pack["belgian"]}, index)
    n_country, n_belgian = len(marks.hits["country"]), len(marks.hits["belgian"])
    if n_country < FOCUS * (n_belgian + 1):
        return []  # not a book about Belarus: a Belgian is as likely as a Belarusian
    form = _majority_form(doc, pack["forms"])
    country_re = re.compile("|".join(pack["country"]))
    paired = None  # noun -> "Sino-Belarusische industriepark": a bilateral Belarusian adjective before it
    out = []
    for a, b, prefix, ending in found:
        c = Candidate("belarus", a, b, prefix + form + ending, "Belgian", "Belarusian")
        ev = c.evidence
        ev.append((1, f"the book names its country {n_country} times and Belgium {n_belgian}"))
        noun = re.match(r"\s+([A-Za-z][a-z]{3,})\b", text[b:b + 40])  # 'industriepark', 'Handelshuis'
        key = noun[1].lower() if noun else ""
        if noun and prefix and key in (paired := _paired(text, pack["country"]) if paired is None else paired):
            ev.append((3, f"the book elsewhere writes '{paired[key]}'"))
        partner = _title_partner(doc, a, prefix, country_re)
        if partner:
            ev.append((2, f"the chapter title pairs the country with {partner}, the partner in '{prefix}'"))
        notes = doc.footnotes_near(a)
        pro, con = slug_hits(notes, pack["slug_belarus"]), slug_hits(notes, pack["slug_belgian"])
        if pro:
            ev.append((3, f"the footnote URL has {quoted(pro)}"))
        if con:
            ev.append((-3, f"the footnote URL has {quoted(con)}"))
        s0, s1 = sentence_span(doc, a, b)
        places, belgian = marks.in_range("place", s0, s1), marks.in_range("belgian", s0, s1)
        if places:  # where, not whose: a foreign firm works in Brest too
            ev.append((1, f"the sentence names {quoted(places)}"))
        adjectives = [w for w in marks.in_range("country", s0, s1) if "isch" in w]
        if adjectives:  # 'met een Belarussische hoofdstad' in the same sentence
            ev.append((1, f"the sentence has {quoted(adjectives)}"))
        if belgian:
            ev.append((-2, f"the sentence names {quoted(belgian)}"))
        w0, w1 = max(0, a - WINDOW), min(len(text), b + WINDOW)
        places, belgian = marks.in_range("place", w0, w1), marks.in_range("belgian", w0, w1)
        if belgian:
            ev.append((-1, f"the passage names {quoted(belgian)}"))
        elif places:
            ev.append((1, f"the passage names {quoted(places)}"))
        out.append(c)
    return out


def _paired(text: str, country: list[str]) -> dict[str, str]:
    """Noun -> the first "Sino-Belarusische industriepark" of the book that has a bilateral
    Belarusian adjective before it.

    The matches of ``\\b[A-Z][a-z]+-(?:adjective)\\s+([a-z]{4,})\\b``, found from the hyphen on:
    the pattern is tried at the one word start before each hit (as ``finditer`` would, in order).
    """
    adjective = "|".join(country)
    pattern = re.compile(rf"\b[A-Z][a-z]+-(?:{adjective})\s+([a-z]{{4,}})\b")
    probe = re.compile(rf"-(?:{adjective})\s+[a-z]{{4,}}\b")
    paired: dict[str, str] = {}
    pos, hit = 0, probe.search(text)
    while hit:
        h = s = hit.start()
        while s > 0 and "a" <= text[s - 1] <= "z":
            s -= 1
        if s < h and s > 0 and "A" <= text[s - 1] <= "Z" and s - 1 >= pos:
            m = pattern.match(text, s - 1)
            if m:
                paired.setdefault(m[1], " ".join(m.group().split()))
                pos = m.end()
        hit = probe.search(text, h + 1)
    return paired


def _title_partner(doc, a: int, prefix: str, country_re: re.Pattern) -> str:
    """The partner country of the chapter's title ('Wit-Rusland - Armenië') when the bilateral
    prefix before the adjective is its adjective ('Armeens-'): a shared stem of 4+ letters."""
    stem = prefix.rstrip("-\n")
    chapter = doc.chapter_at(a)
    if len(stem) < 4 or chapter is None or not country_re.search(chapter.title):
        return ""
    for word in re.findall(r"[A-Z][^\W\d_]{3,}", country_re.sub(" ", chapter.title)):
        if word[:4] == stem[:4]:
            return f"'{word}'"
    return ""


def _majority_form(doc, forms: list[str]) -> str:
    counts = doc.word_counts
    totals = dict.fromkeys(forms, 0)
    starts = tuple(forms)
    for w, n in counts.items():
        if w.startswith(starts):
            for f in forms:
                if w.startswith(f):
                    totals[f] += n
    best = max(forms, key=totals.__getitem__)
    return best
