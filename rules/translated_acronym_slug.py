"""An acronym the URL slug has, replaced in the footnote title by a wrong one (``KMOZ`` for FEZ).

The slug of a footnote's URL is the Russian title transliterated, so its acronyms survive
translation: ``rezidenty-sez-grodnoinvest`` has ``sez``, which this book writes FEZ in the titles
of every other footnote with ``sez``. When the title lacks that acronym and has instead a capital
token the book hardly uses (``KMOZ``, ``MTW`` beside slug ``mtz``), that token is the damaged
acronym. Which acronym a slug word stands for is learnt from the book (qa.slug.acronym_lexicon),
or else taken from the general pack ``slug_acronyms`` (``eaes`` is EAEU, ``sng`` GOS).
Capitalised Dutch words (MAAR) are left to translated-acronym.word; a frequent acronym of the book
(EU beside slug ``eaes``) is an entity confusion, not a damaged acronym.

Bad:   50 Sinds het begin van het jaar hebben de inwoners van KMOZ "Grodnoinvest" … URL: https://www.belta.by/regions/view/s-nachala-goda-rezidenty-sez-grodnoinvest-uplatili-415012-2020/
Good:  50 Sinds het begin van het jaar hebben de inwoners van FEZ "Grodnoinvest" … URL: https://www.belta.by/regions/view/s-nachala-goda-rezidenty-sez-grodnoinvest-uplatili-415012-2020/
"""

from __future__ import annotations

from qa.rules.base import Finding, Rule
from qa.slug import ACRONYM, acronym_lexicon, book_acronyms, footnote_slug, lost_acronyms, title


class TranslatedAcronymSlug(Rule):
    id = "translated-acronym.slug"
    category = "translated-acronym"
    severity = "major"
    options = {"max_uses": 2, "traps_pack": "acronym_traps", "slug_pack": "slug_acronyms"}

    def check(self, doc, ctx):
        learnt = ctx.cached("slug.acronym_lexicon", lambda: acronym_lexicon(doc))
        caps = book_acronyms(doc)[1]
        forms = {w: [a.upper() for a in ([v] if isinstance(v, str) else v)]
                 for w, v in ctx.pack(self.config["slug_pack"])["words"].items() if len(w) >= 3 and v}
        # the book's own pairs first; the general ones only for slug words the book did not pair,
        # as the form the book uses most (EBWO or EBRD)
        lexicon = {**{w: max(f, key=lambda a: caps[a]) for w, f in forms.items() if w not in learnt}, **learnt}
        if not lexicon:
            return
        traps = {k.upper() for k in ctx.pack(self.config["traps_pack"])["words"]}
        for note in doc.footnotes:
            lost = lost_acronyms(doc, note, lexicon)
            if len(lost) != 1:
                continue
            t = title(doc, note)
            words = footnote_slug(note).words
            explained = {lexicon.get(w) for w in words} | {w.upper() for w in words} \
                | {a for w in words if w not in learnt for a in forms.get(w, ())}
            culprits = [m for m in ACRONYM.finditer(doc.text, t.start, t.end)
                        if len(m[1]) >= 3 and m[1] not in explained and m[1] not in traps
                        and caps[m[1]] <= self.config["max_uses"]]
            if len(culprits) != 1:
                continue
            m = culprits[0]
            w, a = lost[0]
            if w in learnt:
                how = f"which this book writes {a}"
            elif caps[a]:
                how = f"the Russian acronym of {a}, which this book also uses"
            else:
                how = f"the Russian acronym of {a} (likely: the book never writes {a})"
            yield Finding(m.start(1), m.end(1), f"'{m[1]}' stands where the footnote URL has '{w}', {how}", a)
