"""A garbled block: a whole passage (often a Cyrillic title) lost to runs of U+FFFD.

PDF extraction without a Unicode map for a Cyrillic font writes U+FFFD for every letter, so a
title such as «Границы устойчивого партнерства. Часть V» comes out as runs of U+FFFD with only
spaces, TABs, line breaks and punctuation between them. The text cannot be recovered from the
book: an editor must restore it from the original. One finding per block.

Bad:   werd oorspronkelijk gepubliceerd met de titel "����� ��	���� ���	����	�. ���	� V".
Good:  werd oorspronkelijk gepubliceerd met de titel "Границы устойчивого партнерства. Часть V".
"""

from __future__ import annotations

from qa.rules._encoding import layout
from qa.rules.base import Finding, Rule


class GarbledText(Rule):
    id = "encoding.garbled-text"
    category = "encoding"
    severity = "critical"
    options = {}

    def check(self, doc, ctx):
        blocks, _ = layout(doc, ctx)
        for a, b, count in blocks:
            lines = doc.text.count("\n", a, b) + 1
            where = f" over {lines} lines" if lines > 1 else ""
            yield Finding(a, b, f"{count} characters were lost as U+FFFD{where}; the passage "
                                "(probably Cyrillic) must be restored from the original")
