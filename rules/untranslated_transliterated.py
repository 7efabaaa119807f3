"""A transliterated Russian word left in Dutch running text: ``leskhoz``, ``torgovy dom``.

Machine translation through English keeps Russian common nouns it cannot translate in their
English transliteration. Names are capitalised and legitimately transliterated, so only
lower-case words count: the known words of the ``transliterated`` pack (with their Dutch
rendering) and any other word with letter groups that English transliteration of Russian uses
and Dutch spelling does not (``kh``, ``zh``, ``shch``, ``-yy``). URL slugs never count.

Bad:   In het bijzonder heeft Verkhneketsky leskhoz in december 2017 een zagerij geopend.
Good:  In het bijzonder heeft het bosbedrijf Verchneketski in december 2017 een zagerij geopend.
"""

from __future__ import annotations

import re

from qa.rules import _untranslated
from qa.rules.base import Finding, Rule


class UntranslatedTransliterated(Rule):
    id = "untranslated.transliterated"
    category = "untranslated"
    severity = "minor"
    options = {"pack": "transliterated"}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        known = pack["words"]

        text = doc.text

        def make():
            # only the words whose first part occurs in the book: an alternation of eighteen
            # words makes re try every position, and the absent ones cannot match anyway
            present = [w for w in sorted(known, key=len, reverse=True) if (w.split() or [""])[0] in text]
            alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in present)
            return re.compile(alts) if present or not known else None, re.compile(pack["pattern"]["letters"])
        known_re, letters_re = ctx.cached("transliterated.patterns", make)
        in_url = _untranslated.in_url(doc, ctx)
        spans = {}
        for m in known_re.finditer(text) if known_re else ():
            spans.setdefault(m.start(), m.end())
        for m in letters_re.finditer(text):  # grow the letter group to its whole word
            a, b = m.start(), m.end()
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            while b < len(text) and text[b].isalpha():
                b += 1
            spans.setdefault(a, b)
        for a, b in sorted(spans.items()):
            word = text[a:b]
            before, after = text[a - 1:a], text[b:b + 1]
            if not word.islower() and " " not in word and "\n" not in word or \
                    (before and (before.isalnum() or before in "/.-_")) or after.isalnum() or after in "/-_":
                continue
            if in_url(a):
                continue
            word = " ".join(word.split())
            fixed = known.get(word)
            evidence = "a known transliteration" if fixed else "its letters are English transliteration of Russian"
            yield Finding(a, b, f"'{word}' is transliterated Russian left untranslated ({evidence})", fixed)
