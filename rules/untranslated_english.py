"""An English institution name or clause left untranslated inside Dutch text.

The span finder (``rules/_english.py``) reports runs of English words; this rule keeps the
strong ones: several English words joined into a descriptive name with a generic head
(University, Institute, Street, District, Exchange), English connectors between English words
(``Academy of Sciences``), English word order (``Grodno District``), or a lower-case English
clause that langdetect confirms. Quoted product names and company names are left to
``untranslated.english-name``; a name the book uses four times or more is its accepted form.

Bad:   Hij studeerde aan de Grodno State Agrarian University en werkte in het Grodno District.
Good:  Hij studeerde aan de Staatslandbouwuniversiteit van Grodno en werkte in het district Grodno.
"""

from __future__ import annotations

from qa.rules import _english
from qa.rules.base import Finding, Rule


class UntranslatedEnglish(Rule):
    id = "untranslated.english"
    category = "untranslated"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        for s in _english.find(doc, ctx):
            if major(s):
                what = "an English clause" if s.kind == "clause" else "an English name"
                yield Finding(s.start, s.end, f"'{s.text}' is {what} left untranslated (English words: {s.evidence})")


def major(s) -> bool:
    """Whether a span is a strong, descriptive English name or clause (not a brand or company)."""
    return s.kind in ("name", "clause") and s.strong and not s.company and not s.quoted
