"""An English word, product or company name left in Dutch text (weaker evidence than a clause).

What the span finder (``rules/_english.py``) reports and ``untranslated.english`` does not keep:
a single English word in Dutch running text (``facing``, ``channel``), a quoted English product
or project name, an English company name with several English words (``Joint Stock Company``).
A brand followed by one English word (``Kronospan Group``) is not reported: Dutch editions keep
those.

Bad:   Het bedrijf leverde facing-materialen aan het project "Closed Loop Economy".
Good:  Het bedrijf leverde bekledingsmaterialen aan het project "Kringloopeconomie".
"""

from __future__ import annotations

from qa.rules import _english
from qa.rules.base import Finding, Rule
from qa.rules.untranslated_english import major


class UntranslatedEnglishName(Rule):
    id = "untranslated.english-name"
    category = "untranslated"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        for s in _english.find(doc, ctx):
            if major(s) or (s.kind == "word" and s.company):
                continue
            what = {"word": "an English word", "clause": "English"}.get(s.kind, "an English name")
            yield Finding(s.start, s.end, f"'{s.text}' is {what} left untranslated (English words: {s.evidence})")
