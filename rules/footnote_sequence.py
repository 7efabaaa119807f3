"""A footnote that is never referenced in the text, or a break in the notes' numbering.

Book-level check of the footnote sequence: every note N should have one reference in the body,
between the references to N-1 and N+1, and the notes should number 1, 2, 3 ... Each anomaly is
reported once, at the note it concerns, with the neighbouring references as a hint where the
lost mark belonged. References that are only damaged (glued, merged, detached) are reported by
the other footnote-glue rules, not here.

Bad:   Great Stone kwam in de buurt van duizend - 970 mensen.  (note 77 is never referenced)
Good:  Great Stone kwam in de buurt van duizend - 970 mensen77.
"""

from __future__ import annotations

import bisect

from qa.rules import _notes
from qa.rules.base import Finding, Rule


class FootnoteSequence(Rule):
    id = "footnote-glue.sequence"
    category = "footnote-glue"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        notes = doc.footnotes
        by_number = {}
        for prev, note in zip([None, *notes], notes):
            if prev is not None and note.number not in (prev.number + 1, 1):
                if note.number == prev.number:
                    msg = f"footnote {note.number} is numbered twice"
                else:
                    msg = f"the footnote numbering jumps from {prev.number} to {note.number}"
                yield Finding(note.start, note.start + len(str(note.number)), msg, None)
            by_number.setdefault(note.number, note)
        analysis = _notes.analyse(doc, ctx)
        if not doc.refs:
            return  # a book without reference marks at all is not a sequence problem
        sites = sorted(analysis.sites, key=lambda s: s.numbers[0])
        nums = [s.numbers[0] for s in sites]
        for n in analysis.unreferenced:
            note = by_number.get(n)
            if note is None:
                continue
            k = bisect.bisect_left(nums, n)
            hint = []
            if k:
                hint.append(f"after the reference to {nums[k - 1]} on line {doc.line_col(sites[k - 1].start)[0]}")
            if k < len(sites):
                hint.append(f"before the reference to {nums[k]} on line {doc.line_col(sites[k].start)[0]}")
            yield Finding(note.start, note.start + len(str(n)),
                          f"footnote {n} is never referenced in the text; its mark was probably lost "
                          f"({' and '.join(hint) or 'no references around it'})", None)
