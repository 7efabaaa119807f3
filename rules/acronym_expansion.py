"""An acronym expanded as another organisation (BUTB as "Wit-Russisch-Turkse Handelsbank").

Machine translation guessed a name for the letters of a Russian acronym: БУТБ (Белорусская
универсальная товарная биржа, the Belarusian Universal Commodity Exchange) became a
"Belarusian-Turkish trade bank". The pack lists such known wrong expansions with the words the
real organisation comes with; a match is reported when the chapter around it uses the acronym
or its context words (or footnote URLs with its slug words) and does not name what would make
the wrong expansion plausible (Turkey).

Bad:   De samenwerking tussen de Wit-Russisch-Turkse Handelsbank en de Chinese partners; de BUTB is een beurs.
Good:  De samenwerking tussen de Wit-Russische Universele Grondstoffenbeurs (BUTB) en de Chinese partners.
"""

from __future__ import annotations

import bisect
import re

from qa.rules._entities import find, findall, literal_index, looks_left, probes, quoted, word_patterns
from qa.rules.base import Finding, Rule

REACH = 3000  # characters either side when the book has no chapters


class AcronymExpansion(Rule):
    id = "entity-confusion.acronym-expansion"
    category = "entity-confusion"
    severity = "critical"
    options = {"pack": "entities", "min-evidence": 3}

    def check(self, doc, ctx):
        text = doc.text
        acronyms = ctx.pack(self.config["pack"]).get("acronyms", [])
        index = literal_index(doc, ctx, self.config["pack"]) if acronyms else None
        for k, entry in enumerate(acronyms):
            pattern, probe, acr_re, ctx_re, against_re = ctx.cached(
                f"entities.acronym-expansion:{self.config['pack']}:{k}", lambda: _patterns(entry))
            regions = {}  # (c0, c1) -> what the region holds: a chapter is scanned once, however many matches
            for m in find(pattern, [entry["wrong"]], text, index):
                a, b = m.span()
                chapter = doc.chapter_at(a)
                c0, c1 = (chapter.start, chapter.end) if chapter else (max(0, a - REACH), b + REACH)
                if (c0, c1) not in regions:
                    regions[c0, c1] = _region(doc, ctx, entry, c0, c1, acr_re, ctx_re, against_re, index)
                acr, ctx_words, slugs, unrelated = regions[c0, c1]
                against = [w for p, w in unrelated
                           if not a <= p < b]  # "Turkse" of the wrong name itself does not count
                evidence = []
                if acr:
                    evidence.append(f"the chapter names {entry['acronym']} {len(acr)} times")
                others = [w for w in ctx_words if w != entry["acronym"]]
                if others:
                    evidence.append(f"{quoted(others, 2)} {len(others)} times")
                if slugs:
                    evidence.append(f"footnote URLs have {quoted(slugs, 2)}")
                weight = len(acr) + len(others) + len(slugs)
                if against or weight < self.config["min-evidence"]:
                    continue
                wrong = " ".join(m.group().split())
                yield Finding(a, b, f"'{wrong}' is {entry['acronym']} ({entry['name']}) expanded as another "
                                    f"organisation: {', '.join(evidence)}, and the chapter never names "
                                    f"{entry['unrelated_label']}",
                              f"{entry['name']} ({entry['acronym']})")


def _patterns(entry):
    """The wrong expansion and probes for it (its literal starts, else the pattern without its
    leading word-boundary checks, which stop ``re`` from scanning for its first letters), and the
    region's evidence patterns."""
    return (re.compile(rf"\b(?<![\w-]){entry['wrong']}(?!\w)"), probes([entry["wrong"]]),
            word_patterns([re.escape(entry['acronym'])]), word_patterns(entry['context']),
            word_patterns(entry['unrelated']))


def _region(doc, ctx, entry, c0, c1, acr_re, ctx_re, against_re, index=None):
    """The acronym, the context words, the footnote slug words and the unrelated words (with their
    offsets) of ``text[c0:c1]``."""
    text = doc.text
    if (c0 == 0 or not (text[c0 - 1].isalnum() or text[c0 - 1] == "_")) \
            and not any(looks_left(p[0]) for p in (acr_re, ctx_re, against_re)):
        # the region searched in place: the same matches as in a slice (a chapter is 2.7 MB of
        # the 3 MB file: no copy of it)
        region, pos, endpos, base = text, c0, c1, 0
    else:
        region, pos, endpos, base = text[c0:c1], 0, c1 - c0, c0
    acr = findall(acr_re, region, pos, endpos, index, base)
    ctx_words = findall(ctx_re, region, pos, endpos, index, base)
    starts, ordered = _note_starts(doc, ctx)
    notes = doc.footnotes
    i = bisect.bisect_left(starts, c0) if ordered else 0
    stems = tuple(entry["slug"])
    slugs = []
    for k in range(i, len(starts)):
        if starts[k] >= c1 and ordered:
            break
        if c0 <= starts[k] < c1:
            for url in notes[k].urls:
                # a slug word that starts with a stem has the stem in the URL: split only those
                low = url.text.lower()
                if any(st in low for st in stems):
                    slugs += [w for w in url.slug_words if w.startswith(stems)]
    pattern, _, alternatives = against_re
    unrelated = [(u.start() + base, u.group()) for u in find(pattern, alternatives, region, index, pos, endpos, base)]
    return acr, ctx_words, slugs, unrelated


def _note_starts(doc, ctx) -> tuple[list[int], bool]:
    """Every footnote's start, and whether they are in order (for bisection), once per book."""
    def make():
        starts = [n.start for n in doc.footnotes]
        return starts, all(x <= y for x, y in zip(starts, starts[1:]))
    return ctx.cached(f"entities.note-starts:{id(doc)}", make)
