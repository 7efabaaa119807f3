"""A footnote reference detached by a space, put after the full stop, or glued to a number.

The mark survives but in the wrong place: after a space (``China" 36``, ``markt." 118. Het``, where
it reads as a list number), after the full stop where the book puts marks before it (``".25``,
``Svisloch.52``), or straight after a number (``26%92.``). Placement after the stop is only
reported when the book's own majority puts marks before the stop.

Bad:   verklaren als een ruimtevaartmogendheid." 14. Belangrijke aanvulling
Good:  verklaren als een ruimtevaartmogendheid"14. Belangrijke aanvulling
"""

from __future__ import annotations

from qa.rules import _notes
from qa.rules.base import Finding, Rule


class FootnoteMisplaced(Rule):
    id = "footnote-glue.misplaced"
    category = "footnote-glue"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        t = doc.body_text
        for site in _notes.analyse(doc, ctx).sites:
            n = site.numbers[0]
            s, e = site.start, site.end
            if site.kind == "detached":
                k = s
                while k > 0 and t[k - 1].isspace():
                    k -= 1
                marks = ""
                while k > 0 and t[k - 1] in _notes.QUOTES + ".!?":
                    k -= 1
                    marks = t[k] + marks
                quote = "".join(ch for ch in marks if ch in _notes.QUOTES)
                punct = "".join(ch for ch in marks if ch not in _notes.QUOTES)
                tail = t[e:e + 1]
                end = e + 1 if tail == "." and punct else e
                yield Finding(k, end,
                              f"footnote mark {n} is separated from the text by a space"
                              f"{' and reads as a number' if tail == '.' else ''} (footnote {n} has no other reference)",
                              f"{quote}{n}{punct or ('.' if tail == '.' else '')}")
            elif site.kind == "after-stop":
                k = s - 1  # the full stop
                word = _notes.word_before(t, k)
                yield Finding(k - len(word), e,
                              f"footnote mark {n} stands after the full stop; the book puts marks before it",
                              f"{word}{n}.")
            elif site.kind == "on-number":
                k = s - 1
                while k > 0 and (t[k - 1].isdigit() or t[k - 1] in ",." and t[k - 2: k - 1].isdigit()):
                    k -= 1
                yield Finding(k, e + (1 if t[e:e + 1] == "." else 0),
                              f"footnote mark {n} is glued to the number before it and reads as part of it",
                              None)
