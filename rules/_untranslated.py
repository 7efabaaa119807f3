"""Shared by the ``untranslated.*`` rules: whether an offset lies inside a URL, by bisection."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate


def in_url(doc, ctx):
    """A test ``offset -> bool`` equal to ``any(u.start <= offset < u.end for u in doc.urls)``:
    the URLs sorted by start, and the furthest end among those that start at or before the
    offset (URLs may nest or overlap), built once per book."""

    def make():
        spans = sorted((u.start, u.end) for u in doc.urls)
        starts = [a for a, _ in spans]
        reach = list(accumulate((b for _, b in spans), max))

        def test(offset: int) -> bool:
            i = bisect_right(starts, offset)
            return i > 0 and reach[i - 1] > offset

        return test

    return ctx.cached("untranslated.in_url", make)
