"""The slug words of every footnote, found once per book (a URL splits its slug anew at every
``slug_words``); which footnotes a passage cites is ``doc.footnotes_near``."""

from __future__ import annotations


def note_slug_words(doc, ctx) -> tuple[list[int], list[list[str]], bool]:
    """Every footnote's start and the slug words of its URLs, once per book (a URL splits its
    slug anew at every ``slug_words``), and whether the starts are in order (for bisection)."""
    return ctx.cached(f"cited.note-slugs:{id(doc)}", lambda: _note_slug_words(doc))


def _note_slug_words(doc):
    starts = [n.start for n in doc.footnotes]
    words = [[w for u in n.urls for w in u.slug_words] for n in doc.footnotes]
    return starts, words, all(x <= y for x, y in zip(starts, starts[1:]))
