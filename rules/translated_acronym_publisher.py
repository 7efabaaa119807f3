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
        alts = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
        pattern = re.compile(r"(?<![\w.])((?:[A-Z][\w&'-]*\s+){1,3}?)(" + alts + r"),\s*(?:19|20)\d\d\b")
        for a, b in doc.note_blocks:
            for m in pattern.finditer(doc.text, a, b):
                brand = m[1].split()
                if not brand or brand[-1] in ("Uitgeverij", "De", "Het", "Een") or brand[0].endswith("."):
                    continue
                dutch = " ".join(m[2].split())
                english = phrases[dutch]
                name = " ".join(brand) + " " + english
                elsewhere = re.search(r"(?:[A-Z][\w-]*\s+){1,3}" + re.escape(english).replace(r"\ ", r"\s+"), doc.text)
                evidence = (f"the book writes '{' '.join(elsewhere[0].split())}' elsewhere" if elsewhere
                            else "the brand comes first, as in English")
                yield Finding(m.start(1), m.end(2),
                              f"the publisher's name '{name}' was translated ({evidence})", name)
