"""A lost character: U+FFFD where the extraction could not map a Cyrillic letter, sign or diacritic.

The pattern often tells what was lost: ``�.`` before a page number is the Cyrillic ``С.``
(страница, page), ``�.,`` before a year in a reference is ``М.`` (Moscow, the place of
publication), ``�`` before a number is the sign ``№``, and U+FFFD inside a word is a letter with
a diacritic (``Łód�``, ``Baranavi�iai``). One finding per run of U+FFFD; the suggestion uses the
book's own page abbreviation and, for a word, a spelling of it found elsewhere in the book.

Bad:   Minsk, 2020. - – �. 25.
Good:  Minsk, 2020. - – p. 25.
"""

from __future__ import annotations

import re
import unicodedata

from qa.rules._encoding import layout
from qa.rules._scan import scan
from qa.rules.base import Finding, Rule

PAGE = re.compile(r"\.\s?\d")  # after the run: ". 88"
PLACE = re.compile(r"\.(?:,\s?\d{4}|:)")  # ". , 2020" or ".:" (М., 2020 / М.: Publisher)
NUMBER = re.compile(r"\s?\d")  # "№12" / "№ 12"
LETTER = re.compile(r"[^\W\d_]")
WORD_PART = re.compile(r"[^\W\d_\ufffd]|\ufffd")
FOLD = str.maketrans({"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ß": "ss", "ı": "i"})


class ReplacementChar(Rule):
    id = "encoding.replacement-char"
    category = "encoding"
    severity = "major"
    options = {"page-abbreviation": ""}  # empty: the book's own (blz. or p.), else p.

    def check(self, doc, ctx):
        _, runs = layout(doc, ctx)
        if not runs:
            return
        text = doc.text
        page_abbr = self.config["page-abbreviation"] or None
        for a, b in runs:
            before = text[a - 1] if a else ""
            after = text[b] if b < len(text) else ""
            lost = "U+FFFD" if b - a == 1 else f"{b - a} U+FFFD"
            if LETTER.match(before) or LETTER.match(after):
                yield self._in_word(doc, ctx, a, b, lost)
            elif PLACE.match(text, b):
                yield Finding(a, b + 1, f"{lost} replaced the Cyrillic 'М.' (Moscow, place of publication) "
                                        "before a year or publisher in a reference", "M.")
            elif PAGE.match(text, b):
                page_abbr = page_abbr or _book_page_abbreviation(text)
                cited = bool(re.search(r"[-–—,]\s*$", text[max(0, a - 3):a]))
                yield Finding(a, b + 1, f"{lost} replaced the Cyrillic 'С.' (page) before a page number; "
                                        f"the book abbreviates page as '{page_abbr}'", page_abbr, safe=cited)
            elif NUMBER.match(text, b):
                yield Finding(a, b, f"{lost} replaced the sign '№' before a number", "nr. " if after.isdigit() else "nr.")
            else:
                yield Finding(a, b, f"{lost}: a character the extraction could not map was lost here")

    def _in_word(self, doc, ctx, a, b, lost):
        text = doc.text
        s, e = a, b
        while s > 0 and WORD_PART.match(text[s - 1]):
            s -= 1
        while e < len(text) and WORD_PART.match(text[e]):
            e += 1
        word = text[s:e]
        variant, near = ctx.cached(f"encoding.variant:{word}", lambda: _variant(doc, ctx, word))
        if variant:
            return Finding(s, e, f"{lost} in '{word}' is a lost letter with a diacritic; "
                                 f"the book also writes '{variant}'", variant)
        hint = f"; compare '{near}' elsewhere in the book" if near else ""
        return Finding(s, e, f"{lost} in '{word}' is a lost letter with a diacritic{hint}")


PAGE_P = re.compile(r"\bpp?\.\s?\d")
PAGE_P_PROBE = re.compile(r"pp?\.\s?\d")  # the same without \b, for scan(): re scans for "p"


def _book_page_abbreviation(text: str) -> str:
    blz = len(re.findall(r"blz\.\s?\d", text))
    p = sum(1 for _ in scan(PAGE_P, PAGE_P_PROBE, text))
    return "blz." if blz > p else "p."


def fold(word: str) -> str:
    """Lower case without diacritics (``Łódź`` -> ``lodz``)."""
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLD))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _by_first_letter(doc) -> dict[str, dict[str, int]]:
    """The book's words grouped by their first letter without diacritics."""
    groups: dict[str, dict[str, int]] = {}
    keys: dict[str, str] = {}  # first letter -> its group
    for w, n in doc.word_counts.items():
        c = w[:1]
        k = keys.get(c)
        if k is None:
            k = keys[c] = c.lower() if c.isascii() else fold(c)
        g = groups.get(k)
        if g is None:
            g = groups[k] = {}
        g[w] = n
    return groups


def _variant(doc, ctx, word: str):
    """A spelling of ``word`` elsewhere in the book: the same letters with something in place of
    each U+FFFD (exactly, else with diacritics folded); or, failing that, a near spelling."""
    parts = re.split("\ufffd+", word)
    first = fold(word[:1]) if word[:1] != "\ufffd" else ""
    groups = ctx.cached("encoding.words-by-first-letter", lambda: _by_first_letter(doc))
    # a word of about the same length with the same first letter (folded): few of the book's words
    pool = groups.get(first, {}) if first else doc.word_counts
    counts = {w: n for w, n in pool.items() if len(word) - 2 <= len(w) <= len(word) + 4}
    exact = re.compile(r"[^\W\d_]{1,2}".join(map(re.escape, parts)))
    found = [(n, w) for w, n in counts.items() if exact.fullmatch(w)]
    if not found:
        folded = re.compile("[a-z]{1,3}".join(re.escape(fold(p)) for p in parts))
        found = [(n, w) for w, n in counts.items() if "\ufffd" not in w and folded.fullmatch(fold(w))]
    if found:
        found.sort(reverse=True)
        if len(found) == 1 or found[0][0] > found[1][0]:
            return found[0][1], None
        return None, None
    import difflib

    bare = fold(word).replace("\ufffd", "")
    pool = [w for w in counts if len(w) > 3 and w not in parts and fold(w)[:3] == bare[:3]]
    near = difflib.get_close_matches(bare, [fold(w) for w in pool], n=1, cutoff=0.7)
    if near:
        return None, next(w for w in pool if fold(w) == near[0])
    return None, None
