"""Aligning two editions of a book: chapters by title, segments within a chapter, spans by text.

Used by ``mtqa compare``. Everything here is plain difflib on lists of strings; nothing depends
on line numbers, which shift as soon as an editor touches the text.
"""

from __future__ import annotations

import bisect
import difflib
import re
import unicodedata

JOIN_WORDS = 60  # a block of n:m changed segments is scored as one segment up to this many words


def norm_title(title: str) -> str:
    """Case, accents of punctuation, dashes and spacing do not matter for a chapter title."""
    t = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", t).split())


def align_chapters(raw_titles: list[str], edited_titles: list[str]) -> list[tuple[int | None, int | None, str]]:
    """Pairs of list positions ``(i, j, how)``; ``how`` is ``title``, ``order``, ``raw-only`` or
    ``edited-only``.

    Equal normalised titles pair first, in order (a longest-matching-blocks alignment, so a
    repeated title cannot pair across the book). Between two such anchors, chapters whose titles
    differ (an edited heading) pair by order; the surplus on either side stands alone.
    """
    a = [norm_title(t) for t in raw_titles]
    b = [norm_title(t) for t in edited_titles]
    out: list[tuple[int | None, int | None, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out += [(i1 + k, j1 + k, "title") for k in range(i2 - i1)]
            continue
        n = min(i2 - i1, j2 - j1)
        out += [(i1 + k, j1 + k, "order") for k in range(n)]
        out += [(i, None, "raw-only") for i in range(i1 + n, i2)]
        out += [(None, j, "edited-only") for j in range(j1 + n, j2)]
    return out


def align_segments(hyp: list[str], ref: list[str], join_words: int = JOIN_WORDS) -> list[tuple[str, str]]:
    """Pairs ``(raw, edited)`` of segments (sentences, footnotes) of one chapter.

    Unchanged segments pair with themselves. A changed block pairs one to one when both sides
    have as many segments; otherwise (a sentence split or merged by the editor) the block is
    joined into one segment per side while it stays short, because TER's cost explodes with
    segment length, and is paired in order beyond that. A segment with no counterpart pairs with
    the empty string, so added and deleted text still counts.
    """
    pairs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, hyp, ref, autojunk=False).get_opcodes():
        a, b = hyp[i1:i2], ref[j1:j2]
        if op == "equal" or len(a) == len(b):
            pairs += zip(a, b)
        elif a and b and max(_words(a), _words(b)) <= join_words:
            pairs.append((" ".join(a), " ".join(b)))
        else:
            n = min(len(a), len(b))
            pairs += zip(a[:n], b[:n])
            pairs += [(x, "") for x in a[n:]]
            pairs += [("", y) for y in b[n:]]
    return pairs


def _words(segments: list[str]) -> int:
    return sum(len(s.split()) for s in segments)


class SpanMap:
    """Maps character spans of one text to the corresponding spans of an edited version.

    Lines are aligned first (cheap, even for a whole book); within a changed block of lines the
    characters are aligned. A span inside an unchanged stretch maps exactly; a span inside a
    replaced stretch maps to the replacement (``belta.door`` -> ``belta.by``).
    """

    MAX_BLOCK = 3000  # characters that differ in a block; more are not aligned character by character

    def __init__(self, old: str, new: str):
        self.old, self.new = old, new
        self.old_starts = _line_starts(old)
        self.new_starts = _line_starts(new)
        old_lines = old.split("\n")
        new_lines = new.split("\n")
        # autojunk: blank and whitespace-only lines are so frequent in PDF extractions that
        # aligning them exactly costs half a second a book; as junk they still follow their
        # neighbours, and the characters of a changed block are aligned exactly below.
        self.ops = difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes()
        self._op_starts = [op[1] for op in self.ops]
        self._char_ops: dict[int, list] = {}

    def _offset(self, starts: list[int], text: str, line: int) -> int:
        return starts[line] if line < len(starts) else len(text)

    def map(self, start: int, end: int) -> tuple[int, int] | None:
        line = bisect.bisect_right(self.old_starts, start) - 1
        k = bisect.bisect_right(self._op_starts, line) - 1
        while k < len(self.ops) - 1 and self.ops[k][2] <= line:  # skip empty (insert) blocks
            k += 1
        op, i1, i2, j1, j2 = self.ops[k]
        a0, a1 = self._offset(self.old_starts, self.old, i1), self._offset(self.old_starts, self.old, i2)
        b0, b1 = self._offset(self.new_starts, self.new, j1), self._offset(self.new_starts, self.new, j2)
        if end > a1 + 1:  # the span runs past this block: give up rather than guess
            return None
        if op == "equal":
            return b0 + (start - a0), b0 + (end - a0)
        if k not in self._char_ops:
            self._char_ops[k] = _char_opcodes(self.old[a0:a1], self.new[b0:b1], self.MAX_BLOCK)
        ops = self._char_ops[k]
        if ops is None:
            return None
        return b0 + _map_char(ops, start - a0, True), b0 + _map_char(ops, end - a0, False)


def _char_opcodes(a: str, b: str, limit: int):
    """difflib opcodes of two strings, with their common head and tail taken off first (cheap);
    None when what remains is too long to align character by character quickly."""
    n = min(len(a), len(b))
    head = 0
    while head < n and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < n - head and a[len(a) - 1 - tail] == b[len(b) - 1 - tail]:
        tail += 1
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    if max(len(mid_a), len(mid_b)) > limit:
        return None
    ops = [("equal", 0, head, 0, head)] if head else []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mid_a, mid_b, autojunk=False).get_opcodes():
        ops.append((op, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        ops.append(("equal", len(a) - tail, len(a), len(b) - tail, len(b)))
    return ops


def _map_char(ops, pos: int, is_start: bool) -> int:
    for op, i1, i2, j1, j2 in ops:
        if i1 <= pos < i2 or (not is_start and i1 < pos <= i2):
            if op == "equal":
                return j1 + (pos - i1)
            return j1 if is_start else j2
    return ops[-1][4] if ops else 0


def _line_starts(text: str) -> list[int]:
    starts, pos = [0], text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts
