"""A table-of-contents page number with a lost character glued to it (``7�``).

The extraction turned the glyph after each page number (a leader or tab character in the
original layout) into U+FFFD, so the entry prints ``15�``. One finding per entry, so that each
can be fixed where it stands (``mtqa fix`` removes them all); the message says how many entries
share the artefact, which tells the editor it is systematic.

Bad:   Wit-Rusland-Europese Unie: de positieve dynamiek moet onomkeerbaar worden ... 15�
Good:  Wit-Rusland-Europese Unie: de positieve dynamiek moet onomkeerbaar worden ... 15
"""

from __future__ import annotations

from qa.rules._encoding import FFFD
from qa.rules.base import Finding, Rule


class TocPageJunk(Rule):
    id = "encoding.toc-page-junk"
    category = "encoding"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        bad = [e for e in doc.toc if e.junk and FFFD in e.junk]
        for e in bad:
            a = e.junk_start - len(e.page)
            share = f"; {len(bad)} of {len(doc.toc)} entries have it" if len(bad) > 1 else ""
            yield Finding(a, e.junk_start + len(e.junk),
                          f"page number {e.page} of the table-of-contents entry has a lost character "
                          f"(U+FFFD) glued to it{share}", e.page, safe=e.junk == FFFD * len(e.junk))
