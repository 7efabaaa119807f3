"""Shared by the ``encoding.*`` rules: where the replacement character U+FFFD stands, and how.

A PDF extraction that met a glyph it could not map wrote U+FFFD. Three shapes occur, and each
has its own rule so that an editor sees one finding per artefact:

- a *garbled block*: a whole Cyrillic title lost, many U+FFFD with only spaces, TABs, line
  breaks or punctuation between them (``encoding.garbled-text``);
- *junk glued to a table-of-contents page number* (``encoding.toc-page-junk``);
- an *isolated run*: one lost letter or sign (``encoding.replacement-char``).
"""

from __future__ import annotations

import re

FFFD = "\ufffd"
RUN = re.compile(FFFD + FFFD + "*")  # not FFFD+: a literal first lets re scan for it (20x faster)
# what may stand between the runs of one garbled block: no letter, no digit
GAP = re.compile(r"[\s.,:;!?\"'«»()\[\]/\\-]{0,4}")
MIN_BLOCK = 4  # U+FFFD characters that make a block rather than a lost letter or sign


def toc_junk_spans(doc) -> list[tuple[int, int]]:
    """Spans of the characters glued to table-of-contents page numbers that hold U+FFFD."""
    return [(e.junk_start, e.junk_start + len(e.junk)) for e in doc.toc if e.junk and FFFD in e.junk]


def toc_junk_entries(doc, ctx):
    """(bad, total, systematic): the table-of-contents entries whose page number has U+FFFD
    glued to it, how many entries the table has, and whether the defect is systematic (more
    than half of the entries share it: one layout defect, not many artefacts)."""
    def make():
        bad = [e for e in doc.toc if e.junk and FFFD in e.junk]
        total = len(doc.toc)
        return bad, total, len(bad) >= 3 and 2 * len(bad) > total
    return ctx.cached(f"encoding.toc-junk:{id(doc)}", make)


def toc_junk_finding(e, message):
    """The finding for one entry: span = page number + junk, suggestion = the page number
    (safe when the junk is only U+FFFD)."""
    from qa.rules.base import Finding
    return Finding(e.junk_start - len(e.page), e.junk_start + len(e.junk), message, e.page,
                   safe=e.junk == FFFD * len(e.junk))


def _layout(doc):
    """(blocks, runs): garbled blocks as (start, end, count) and the isolated runs outside them
    and outside the table of contents' page-number junk."""
    text = doc.text
    junk = toc_junk_spans(doc)
    runs = [(m.start(), m.end()) for m in RUN.finditer(text)
            if not any(a <= m.start() < b for a, b in junk)]
    groups: list[list[tuple[int, int]]] = []
    for a, b in runs:
        if groups and GAP.fullmatch(text, groups[-1][-1][1], a):
            groups[-1].append((a, b))
        else:
            groups.append([(a, b)])
    blocks, single = [], []
    for g in groups:
        count = sum(b - a for a, b in g)
        if count >= MIN_BLOCK:
            blocks.append((g[0][0], g[-1][1], count))
        else:
            single.extend(g)
    return blocks, single


def layout(doc, ctx):
    """The same, computed once per book and shared by the rules."""
    return ctx.cached(f"encoding.layout:{id(doc)}", lambda: _layout(doc))
