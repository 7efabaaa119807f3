"""Helpers shared by the ``inconsistent-term`` rules: book-wide counts, the preferred form, messages.

All three rules work the same way: find the renderings of one concept, count each rendering in
the book (URLs excluded, since slugs are Russian), take the book's own choice (the per-book file's
``prefer``) or else its majority as the preferred form, and flag the other renderings.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter



def masked_text(doc, ctx) -> str:
    """The book's text with every URL blanked (same length): slugs are not renderings."""

    def make():
        text = doc.text
        spans = sorted((u.start, u.end) for u in doc.urls)
        out, pos = [], 0
        for a, b in spans:
            a = max(a, pos)
            if a >= b:
                continue
            out.append(text[pos:a])
            out.append(blank(text[a:b]))
            pos = b
        out.append(text[pos:])
        return "".join(out)

    return ctx.cached("variants:masked", make)


def blank(s: str) -> str:
    """``s`` with every character but the line breaks made a space (same length)."""
    if "\n" not in s:
        return " " * len(s)
    return "\n".join([" " * len(line) for line in s.split("\n")])


def notes_lookup(doc, ctx):
    """A test equal to ``doc.in_notes`` (which scans every note block per call), by bisection
    when the note blocks are in order and apart (they are built line by line), once per book."""

    def make():
        blocks = doc.note_blocks
        if not all(a1 <= b1 <= a2 for (a1, b1), (a2, _) in zip(blocks, blocks[1:])):
            return doc.in_notes
        starts = [a for a, _ in blocks]

        def in_notes(offset: int) -> bool:
            i = bisect_right(starts, offset) - 1
            return i >= 0 and offset < blocks[i][1]

        return in_notes

    return ctx.cached("variants:in_notes", make)


def squash(s: str) -> str:
    """Whitespace (line breaks included) collapsed to one space (``\\s`` and ``str.split`` agree
    on what white space is)."""
    return " ".join(s.split())


def preferred(counts: Counter, prefer=(), min_count: int = 2, min_ratio: float = 1.0):
    """The form the book should use: one named in ``prefer`` (the book's file), else the majority.

    Returns ``(form, chosen)`` where ``chosen`` tells that the book's file decided; ``(None,
    False)`` when the majority is not clear: fewer than ``min_count`` uses, or the runner-up
    reaches more than ``1 / min_ratio`` of it (a tie is never a majority).
    """
    wanted = [prefer] if isinstance(prefer, str) else list(prefer or ())
    for form in wanted:
        for have in counts:
            if have == form or have.casefold() == str(form).casefold():
                return have, True
    if len(counts) < 2:
        return None, False
    (top, n1), (_, n2) = counts.most_common(2)
    if n1 < min_count or n1 == n2 or n1 < min_ratio * n2:
        return None, False
    return top, False


def message(form: str, n: int, best: str, n_best: int, what: str, chosen: bool) -> str:
    """One sentence with the evidence: both renderings and how often the book uses each."""
    why = "the book's configuration prefers" if chosen else "the book mostly writes"
    return f"'{form}' ({n}×) is a minority rendering of {what}; {why} '{best}' ({n_best}×)"


def like_case(src: str, repl: str) -> str:
    """``repl`` with the first letter's case of ``src`` (``twinning`` -> ``jumelage``)."""
    if src[:1].isupper() and repl[:1].islower():
        return repl[:1].upper() + repl[1:]
    if src[:1].islower() and repl[:1].isupper() and not repl[1:2].isupper():
        return repl[:1].lower() + repl[1:]
    return repl


_TOKEN_BEFORE = re.compile(r"([^\W\d_][\w'-]*)[ \t\n]+([^\W\d_]+)[ \t\n]*$")
_WORD_AFTER = re.compile(r"[ \t\n]+([^\W\d_]+)")
ENGLISH_LINKS = {"of", "in", "the", "for", "and", "to"}


def in_english_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of an English title-case name, which keeps its own
    spelling (``Made in Belarus``, ``Academy of Sciences of Belarus``, ``China-Belarus Industrial
    Park``): a capitalised word and an English link word before it, or a capitalised compound
    head glued with a hyphen and a capitalised word after it."""
    # the word just before must be a link word; the search (which tries every place in the
    # window) runs only when it is
    near = text[max(0, start - 60):start].rstrip(" \t\n")
    if near[max(near.rfind(" "), near.rfind("\t"), near.rfind("\n")) + 1:] in ENGLISH_LINKS:
        before = _TOKEN_BEFORE.search(text, max(0, start - 60), start)
        if before and before[2] in ENGLISH_LINKS and before[1][:1].isupper():
            return True
    if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
        head = re.search(r"([^\W\d_]+)-$", text[max(0, start - 40):start])
        after = _WORD_AFTER.match(text, end)
        if head and head[1][:1].isupper() and after and after[1][:1].isupper():
            return True
    return False
