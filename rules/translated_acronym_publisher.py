"""A publisher's name whose English words were translated (``Palmarium Academische Uitgeverij``).

Publisher names are proper names: "Palmarium Academic Publishing" stays as it is in a Dutch
reference. Machine translation rendered the generic part and kept the English word order (brand
first, ``Uitgeverij`` last), which no Dutch publisher's name has (``Uitgeverij Boom``). The rule
fires in a footnote on ``<Brand> <Dutch generic part>, <year>``; the message says when the book
writes another publisher with the English words (``LAP LAMBERT Academic Publishing``).

Bad:   68 Zalessky, B. Vector van het partnerschap - China. - Palmarium Academische Uitgeverij, 2019.
Good:  68 Zalessky, B. Vector van het partnerschap - China. - Palmarium Academic Publishing, 2019.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule


class TranslatedAcronymPublisher(Rule):
    id = "translated-acronym.publisher"
    category = "translated-acronym"
    severity = "minor"
    options = {"pack": "publisher_words"}

    def check(self, doc, ctx):
        phrases = ctx.pack(self.config["pack"])["phrases"]
        pattern, probe, extra = ctx.cached(f"translated-acronym.publisher:{self.config['pack']}",
                                           lambda: _patterns(phrases))
        for a, b in doc.note_blocks:
            for m in _matches(doc.text, a, b, pattern, probe, extra):
                brand = m[1].split()
                if not brand or brand[-1] in ("Uitgeverij", "De", "Het", "Een") or brand[0].endswith("."):
                    continue
                dutch = " ".join(m[2].split())
                english = phrases[dutch]
                name = " ".join(brand) + " " + english
                elsewhere = ctx.cached(f"translated-acronym.publisher:elsewhere:{english}",
                                       lambda: _elsewhere(doc.text, english))
                evidence = (f"the book writes '{' '.join(elsewhere[0].split())}' elsewhere" if elsewhere
                            else "the brand comes first, as in English")
                yield Finding(m.start(1), m.end(2),
                              f"the publisher's name '{name}' was translated ({evidence})", name)


def _patterns(phrases):
    """The publisher pattern; a probe for its end (``Uitgeverij, 2019``), which ``re`` can scan
    for (the pattern starts with a lookbehind and is tried at every position); and the characters
    besides word characters and spaces that the phrases hold."""
    alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w.])((?:[A-Z][\w&'-]*\s+){1,3}?)(" + alts + r"),\s*(?:19|20)\d\d\b")
    probe = re.compile(r"(?:" + alts + r"),\s*(?:19|20)\d\d\b")
    extra = frozenset("&'-,") | {c for p in phrases for c in p if not (c.isalnum() or c == "_" or c.isspace())}
    return pattern, probe, extra


def _matches(text, a, b, pattern, probe, extra):
    """``pattern.finditer(text, a, b)``, run only on the stretches around the probe's hits.

    Every character of a match is a word character, a space, a comma or one of ``extra``: a match
    lies inside one maximal run of such characters, and that run holds its probe hit. Running the
    pattern on each such run (and one character on, for the final ``\\b``) finds the same matches.
    """

    done = a
    for hit in probe.finditer(text, a, b):
        if hit.start() < done:
            continue
        lo = hit.start()
        while lo > a and _inside(text[lo - 1], extra):
            lo -= 1
        hi = hit.end()
        while hi < b and _inside(text[hi], extra):
            hi += 1
        yield from pattern.finditer(text, lo, min(b, hi + 1))
        done = hi


def _elsewhere(text: str, english: str):
    """The book's own use of the English name (``LAP LAMBERT Academic Publishing``), if any:
    ``re.search(r"(?:[A-Z][\\w-]*\\s+){1,3}" + english, text)``, tried only on the runs of word
    characters, hyphens and spaces around the English words (where any match lies)."""
    phrase = re.escape(english).replace(r"\ ", r"\s+")
    pattern = re.compile(r"(?:[A-Z][\w-]*\s+){1,3}" + phrase)
    extra = {c for c in english if not (c.isalnum() or c == "_" or c.isspace())} | {"-"}
    done = 0
    for hit in re.finditer(phrase, text):
        if hit.start() < done:
            continue
        lo = hit.start()
        while lo > 0 and _inside(text[lo - 1], extra):
            lo -= 1
        hi = hit.end()
        while hi < len(text) and _inside(text[hi], extra):
            hi += 1
        m = pattern.search(text, lo, hi)
        if m:
            return m
        done = hi
    return None


def _inside(c: str, extra) -> bool:
    """A word character (as ``\\w``), a space (``\\s``) or one of ``extra``."""
    return c.isalnum() or c == "_" or c.isspace() or c in extra
