"""Which footnotes a passage cites, and their slug words, found once per book and by bisection.

``doc.footnotes_near`` walks every reference of the book for each call, and a URL splits its slug
anew for each ``slug_words``: rules that ask for many passages use these instead (same answers).
"""

from __future__ import annotations

import bisect


def footnotes_near(doc, ctx, offset: int, after: int = 600):
    """``doc.footnotes_near(offset, after)`` by bisection (the document walks all references)."""
    own = doc.footnote_at(offset)
    if own:
        return [own]
    refs, starts, by_number = ctx.cached(f"cited.refs:{id(doc)}", lambda: _ref_index(doc))
    if starts is None:
        return doc.footnotes_near(offset, after)
    out = []
    for i in range(bisect.bisect_left(starts, offset), len(refs)):
        if starts[i] - offset > after or len(out) == 2:
            break
        out.append(by_number[refs[i].number])
    return out


def _ref_index(doc):
    refs = doc.refs
    starts = [r.start for r in refs]
    if any(x > y for x, y in zip(starts, starts[1:])):
        starts = None  # not in order: leave it to the document
    return refs, starts, {n.number: n for n in doc.footnotes}


def note_slug_words(doc, ctx) -> tuple[list[int], list[list[str]], bool]:
    """Every footnote's start and the slug words of its URLs, once per book (a URL splits its
    slug anew at every ``slug_words``), and whether the starts are in order (for bisection)."""
    return ctx.cached(f"cited.note-slugs:{id(doc)}", lambda: _note_slug_words(doc))


def _note_slug_words(doc):
    starts = [n.start for n in doc.footnotes]
    words = [[w for u in n.urls for w in u.slug_words] for n in doc.footnotes]
    return starts, words, all(x <= y for x, y in zip(starts, starts[1:]))
