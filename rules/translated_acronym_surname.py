"""A surname translated as the common word it also is (``Nightingale`` for Solovej).

News titles name the speaker before a colon or after a closing dash, and the URL slug keeps the
name transliterated in the same place (``solovej-mezhregionalnoe-…``). When that slug name is a
surname that is also a noun (pack ``name_words``: solovej = nightingale) and the title has the
noun's English or Dutch word in the speaker's place, the name was translated.

Bad:   126 Nightingale: Interregionale samenwerking moet de lokale bevolking maximaal voordeel opleveren. - URL: https://www.belta.by/regions/view/solovej-mezhregionalnoe-sotrudnichestvo-348673-2019/
Good:  126 Solovej: Interregionale samenwerking moet de lokale bevolking maximaal voordeel opleveren. - URL: https://www.belta.by/regions/view/solovej-mezhregionalnoe-sotrudnichestvo-348673-2019/
"""

from __future__ import annotations

import re

from qa.rules._scan import probes, scan
from qa.rules.base import Finding, Rule
from qa.slug import speaker


class TranslatedAcronymSurname(Rule):
    id = "translated-acronym.surname"
    category = "translated-acronym"
    severity = "major"
    options = {"pack": "name_words"}

    def check(self, doc, ctx):
        names = {k.lower(): {w.lower() for w in v} for k, v in ctx.pack(self.config["pack"])["names"].items()}
        found: dict[str, str] = {}  # translated word -> slug name, to find the same word in the body
        for note in doc.footnotes:
            sp = speaker(doc, note)
            if not sp:
                continue
            (word, start, end), name = sp
            if word.lower() in names.get(name, ()):
                found[word] = name
                yield Finding(start, end,
                              f"'{word}' is the surname {name.capitalize()} translated as a word "
                              f"(the footnote URL has '{name}')", name.capitalize())
        if not found:
            return
        # the same translated name elsewhere, when the passage cites a footnote with the name
        alts = list(map(re.escape, found))
        pattern = re.compile(r"\b(" + "|".join(alts) + r")\b")
        for m in scan(pattern, probes(alts, r"\b"), doc.body_text):
            name = found[m[1]]
            if any(name in (n.urls[0].text.lower() if n.urls else "") for n in doc.footnotes_near(m.start())):
                yield Finding(m.start(), m.end(),
                              f"'{m[1]}' is the surname {name.capitalize()} translated as a word "
                              f"(the cited footnote's URL has '{name}')", name.capitalize())
