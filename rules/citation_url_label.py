"""A footnote URL without the ``URL:`` label that the book's other references carry.

Bad:   Zal het Chinese bedrijfsleven blijven investeren [Elektronische bron]. - – 2020. - https://www.belta.by/interview/
Good:  Zal het Chinese bedrijfsleven blijven investeren [Elektronische bron]. - – 2020. - URL: https://www.belta.by/interview/
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

# ``URL:\s*(?=https?://|www\.)`` ignoring case (re.I folds 's' with 'ſ'), found from the colon
LABELLED = re.compile(r":(?<=[uU][rR][lL]:)\s*(?=[hH][tT][tT][pP][sSſ]?://|[wW][wW][wW]\.)")
# a dash after '. ' or ', ' and then the URL; the look-behind after the dash so that re scans quickly
BARE = re.compile(r"([-–])(?<=[.,]\s[-–])(\s+)(?=https?://|www\.)")


class UrlLabel(Rule):
    id = "citation.url-label"
    category = "citation"
    severity = "minor"
    options = {"majority": 0.8}

    def check(self, doc, ctx):
        notes = doc.notes_text
        labelled = len(LABELLED.findall(notes))
        bare = [m for a, b in doc.note_blocks for m in BARE.finditer(notes, a, b)]
        if not bare or labelled < self.config["majority"] * (labelled + len(bare)):
            return
        for m in bare:
            url_end = m.end() + 8
            yield Finding(m.start(), url_end,
                          f"the URL has no 'URL:' label ({labelled} of the book's {labelled + len(bare)} footnote URLs have one)",
                          f"{m[1]} URL: {doc.text[m.end():url_end]}")
