"""A footnote reference glued to the next word, so that it reads as part of the text.

PDF extraction and machine translation lose the superscript: the mark of footnote 3 ends up in
front of the next word (``3binnen``), between two words (``aan125potentiële``) or on a word
before an amount (``meer dan59 503.000``). The evidence is the book's own numbering: footnote N
exists and no other reference to it stands between the references to N-1 and N+1. A mark
glued to a year (``in 201926.`` = 2019 + mark 26) is found the same way, as a last resort.

Bad:   integratieprocessen in het GOS en de EAEU". 3binnen het Gemenebest
Good:  integratieprocessen in het GOS en de EAEU"3. Binnen het Gemenebest
"""

from __future__ import annotations

from qa.rules import _notes
from qa.rules.base import Finding, Rule


class FootnoteGlued(Rule):
    id = "footnote-glue.glued-word"
    category = "footnote-glue"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        t = doc.body_text
        for site in _notes.analyse(doc, ctx).sites:
            if site.kind == "year":
                n, year = site.numbers[0], t[site.start - 4: site.start]
                yield Finding(site.start - 4, site.end,
                              f"footnote mark {n} is glued to the year {year}, so that it reads as "
                              f"'{year}{n}' (footnote {n} exists and has no other reference between "
                              f"the references to {n - 1} and {n + 1}); separate the mark from the year",
                              f'{year}"{n}')
                continue
            if site.kind != "glued":
                continue
            n = site.numbers[0]
            start, end, suggestion = _notes.suggestion_for_glued(t, site)
            glued = _notes.word_after(t, site.end)
            if glued:
                what = f"glued to the word '{glued}'"
            else:
                what = f"glued to '{_notes.word_before(t, site.start)}' before the number that follows"
            where = "recovered from the damaged text" if site.recovered else "in sequence"
            yield Finding(start, end,
                          f"footnote mark {n} is {what} (footnote {n} exists and this mark is its "
                          f"reference, {where}); separate it and put it after the word or quotation it documents",
                          suggestion)
