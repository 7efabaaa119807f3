"""Two footnote references run together into one number (``bronnen5051`` for 50 and 51).

Two adjacent superscripts lose their separation in extraction and read as one number (``78``
after ``burgers.`` for notes 7 and 8). Evidence: notes N and N+1 both exist, neither has a
reference of its own, and the digits ``N`` ``N+1`` stand where both references belong.

Bad:   eisen stellen aan het gebruik van energie uit hernieuwbare bronnen5051".
Good:  eisen stellen aan het gebruik van energie uit hernieuwbare bronnen"50, 51.
"""

from __future__ import annotations

from qa.rules import _notes
from qa.rules.base import Finding, Rule


class FootnoteMerged(Rule):
    id = "footnote-glue.merged"
    category = "footnote-glue"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        t = doc.body_text
        for site in _notes.analyse(doc, ctx).sites:
            if site.kind != "merged":
                continue
            a, b = site.numbers
            start, end = site.start, site.end
            prev = t[start - 1] if start else ""
            suggestion = f"{a}, {b}"
            if prev == " ":  # 'burgers. 78.': include the word and stop it follows
                k = start
                while k > 0 and t[k - 1] in " .\"”":
                    k -= 1
                word = _notes.word_before(t, k)
                lead = t[k - len(word):start]
                marks = lead[len(word):].strip()
                quote = "".join(ch for ch in marks if ch in _notes.QUOTES)
                punct = "".join(ch for ch in marks if ch not in _notes.QUOTES)
                start = k - len(word)
                tail = t[end:end + 1]
                if tail == punct:  # the stop was repeated after the number
                    end += 1
                suggestion = f"{word}{quote}{a}, {b}{punct}"
            yield Finding(start, end,
                          f"'{t[site.start:site.end]}' is the footnote references {a} and {b} run together "
                          f"(notes {a} and {b} exist and neither is referenced elsewhere)", suggestion)
