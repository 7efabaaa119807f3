"""A further table-of-contents page number with the same systematic lost character (``27�``).

When most entries of the table of contents share the junk glued to their page numbers, it is
one layout defect: ``encoding.toc-page-junk`` reports it once, on the first entry, and this
rule reports each further entry (minor) so that it can be fixed where it stands.

Bad:   Wit-Rusland-Polen: van revitalisering naar een nieuw samenwerkingsprogramma ... 27�
Good:  Wit-Rusland-Polen: van revitalisering naar een nieuw samenwerkingsprogramma ... 27
"""

from __future__ import annotations

from qa.rules._encoding import toc_junk_entries, toc_junk_finding
from qa.rules.base import Rule


class TocPageJunkRepeat(Rule):
    id = "encoding.toc-page-junk-repeat"
    category = "encoding"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        bad, total, systematic = toc_junk_entries(doc, ctx)
        if not systematic:
            return
        first = bad[0].page
        for e in bad[1:]:
            yield toc_junk_finding(
                e, f"page number {e.page} of the table-of-contents entry has the same lost character "
                   f"(U+FFFD) as {len(bad) - 1} other entries (systematic, reported at page {first})")
