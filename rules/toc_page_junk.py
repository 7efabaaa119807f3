"""A table-of-contents page number with a lost character glued to it (``7�``).

The extraction turned the glyph after each page number (a leader or tab character in the
original layout) into U+FFFD, so the entry prints ``15�``. An isolated case is one finding per
entry. When most entries share it (a systematic layout defect) it is reported once, on the
first affected entry, with the count in the message; the other entries go to the minor rule
``encoding.toc-page-junk-repeat``, so that ``mtqa fix`` still removes every one.

Bad:   Wit-Rusland-Europese Unie: de positieve dynamiek moet onomkeerbaar worden ... 15�
Good:  Wit-Rusland-Europese Unie: de positieve dynamiek moet onomkeerbaar worden ... 15
"""

from __future__ import annotations

from qa.rules._encoding import toc_junk_entries, toc_junk_finding
from qa.rules.base import Rule


class TocPageJunk(Rule):
    id = "encoding.toc-page-junk"
    category = "encoding"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        bad, total, systematic = toc_junk_entries(doc, ctx)
        if systematic:
            e = bad[0]
            yield toc_junk_finding(
                e, f"page number {e.page} of the table-of-contents entry has a lost character (U+FFFD) "
                   f"glued to it, a systematic layout defect: {len(bad)} of {total} entries have it "
                   f"(the others are reported as encoding.toc-page-junk-repeat)")
            return
        for e in bad:
            share = f"; {len(bad)} of {total} entries have it" if len(bad) > 1 else ""
            yield toc_junk_finding(
                e, f"page number {e.page} of the table-of-contents entry has a lost character "
                   f"(U+FFFD) glued to it{share}")
