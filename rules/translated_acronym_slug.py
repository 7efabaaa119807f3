"""An acronym the URL slug has, replaced in the footnote title by a wrong one (``KMOZ`` for FEZ).

The slug of a footnote's URL is the Russian title transliterated, so its acronyms survive
translation: ``rezidenty-sez-grodnoinvest`` has ``sez``, which this book writes FEZ in the titles
of every other footnote with ``sez``. When the title lacks that acronym and has instead a capital
token the book hardly uses (``KMOZ``, ``MTW`` beside slug ``mtz``), that token is the damaged
acronym. Which acronym a slug word stands for is learnt from the book (qa.slug.acronym_lexicon).
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
    options = {"max_uses": 2, "traps_pack": "acronym_traps"}

    def check(self, doc, ctx):
        lexicon = ctx.cached("slug.acronym_lexicon", lambda: acronym_lexicon(doc))
        if not lexicon:
            return
        caps = book_acronyms(doc)[1]
        traps = {k.upper() for k in ctx.pack(self.config["traps_pack"])["words"]}
        for note in doc.footnotes:
            lost = lost_acronyms(doc, note, lexicon)
            if len(lost) != 1:
                continue
            t = title(doc, note)
            explained = {lexicon.get(w) for w in footnote_slug(note).words} | {w.upper() for w in footnote_slug(note).words}
            culprits = [m for m in ACRONYM.finditer(doc.text, t.start, t.end)
                        if len(m[1]) >= 3 and m[1] not in explained and m[1] not in traps
                        and caps[m[1]] <= self.config["max_uses"]]
            if len(culprits) != 1:
                continue
            m = culprits[0]
            w, a = lost[0]
            yield Finding(m.start(1), m.end(1),
                          f"'{m[1]}' stands where the footnote URL has '{w}', which this book writes {a}", a)
