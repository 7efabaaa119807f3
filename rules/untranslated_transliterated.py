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

from qa.rules.base import Finding, Rule


class UntranslatedTransliterated(Rule):
    id = "untranslated.transliterated"
    category = "untranslated"
    severity = "minor"
    options = {"pack": "transliterated"}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        known = pack["words"]

        def make():
            alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(known, key=len, reverse=True))
            return re.compile(r"(?<![\w/.-])(?:(" + alts + r")|([a-z]*" + pack["pattern"]["letters"]
                              + r"[a-z]*))(?![\w/-])")
        pattern = ctx.cached("transliterated.pattern", make)
        urls = [(u.start, u.end) for u in doc.urls]
        for m in pattern.finditer(doc.text):
            if any(a <= m.start() < b for a, b in urls):
                continue
            word = " ".join(m[0].split())
            fixed = known.get(word)
            evidence = "a known transliteration" if fixed else "its letters are English transliteration of Russian"
            yield Finding(m.start(), m.end(), f"'{word}' is transliterated Russian left untranslated ({evidence})",
                          fixed)
