"""A stray `` .`` after the number at the start of a footnote (``34 . FEZ's moeten``).

Bad:   34 . FEZ's moeten de belangrijkste investeringsmotor worden [Elektronische bron].
Good:  34 FEZ's moeten de belangrijkste investeringsmotor worden [Elektronische bron].
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

STRAY = re.compile(r"(\d{1,3})([ \t]+[.,:;][ \t]*)(?=\S)")


class NoteNumberDot(Rule):
    id = "typography.note-number-dot"
    category = "typography"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        for note in doc.footnotes:
            m = STRAY.match(doc.text, note.start, note.end)
            if m and int(m[1]) == note.number:
                yield Finding(m.start(), m.end(),
                              f"stray '{m[2].strip()}' after the number of footnote {note.number}",
                              f"{m[1]} ", safe=True)
