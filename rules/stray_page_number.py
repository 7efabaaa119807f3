"""A page number left alone in the running text of a book that has no page layout.

PDF extraction keeps a page number as a line of its own between blank lines. In a book whose
pages are numbered throughout, those lines run on (4, 5, 6, 7) and are layout; a number with no
neighbour in sequence is a stray left in the text flow and must be removed.

Bad:   … mee te nemen in de economische\n\n24\n\nzones van Wit-Rusland met meer dan 60 entiteiten.
Good:  … mee te nemen in de economische zones van Wit-Rusland met meer dan 60 entiteiten.
"""

from __future__ import annotations

from qa.rules.base import Finding, Rule


class StrayPageNumber(Rule):
    id = "other.stray-page-number"
    category = "other"
    severity = "minor"
    options = {"max_gap": 2}

    def check(self, doc, ctx):
        marks = doc.page_marks
        gap = self.config["max_gap"]
        for i, m in enumerate(marks):
            near = [marks[j].number for j in (i - 1, i + 1) if 0 <= j < len(marks)]
            if any(0 < abs(n - m.number) <= gap for n in near):
                continue
            yield Finding(m.start, m.end,
                          f"'{m.number}' stands alone between blank lines and is not part of a page "
                          f"numbering; it is a stray page number in the text and should be removed")
