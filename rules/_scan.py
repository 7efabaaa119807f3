"""Finding the matches of a pattern that ``re`` cannot scan for quickly.

A pattern that starts with a zero-width check (``\\b``, a lookbehind, a lookahead) or with a
class of many letters makes ``re`` try it at every position of a book (1-5 ms for 165 kB). A
*probe* without those checks, starting with a literal or a few capitals, lets ``re`` skip to the
candidates; the pattern is then tried only there, which gives exactly ``finditer``'s matches.
"""

from __future__ import annotations

import re


def scan(pattern: re.Pattern, probes, text: str):
    """The matches of ``pattern.finditer(text)``, found fast when ``pattern`` is an alternation
    behind zero-width checks (``\\b(?<![\\w-])``) that keep ``re`` from scanning for its first
    letters.

    ``probes`` (a pattern or a tuple of them, see :func:`probes`) must match wherever ``pattern``
    can start a match; ``pattern`` is tried only there, in order, as ``finditer`` would (the match
    found at a position does not depend on where the search began).
    """
    if isinstance(probes, re.Pattern):
        probes = (probes,)
    if not probes:
        yield from pattern.finditer(text)
        return
    starts = _hits(probes[0], text) if len(probes) == 1 else sorted(set().union(*(_hits(p, text) for p in probes)))
    pos, match = 0, pattern.match
    for s in starts:
        if s < pos:
            continue
        m = match(text, s)
        if m:
            if m.end() == s:  # empty matches: leave them to finditer's own rules
                yield from pattern.finditer(text, s)
                return
            yield m
            pos = m.end()


def _hits(probe: re.Pattern, text: str) -> list[int]:
    """Every position where ``probe`` matches (overlapping matches too)."""
    out, search = [], probe.search
    hit = search(text)
    while hit:
        s = hit.start()
        out.append(s)
        hit = search(text, s + 1)
    return out


def probes(alternatives: list[str], tail: str = "") -> tuple[re.Pattern, ...]:
    """Patterns that together match wherever one of ``alternatives`` (followed by ``tail``) does,
    each one quick for ``re`` to scan for: the alternatives that begin with a capital in one (a scan
    for a few capitals), every other one on its own (a scan for its literal start), or all together
    when there are many."""
    alts = [x for a in alternatives for x in _literal_starts(a)]
    upper = [a for a in alts if "A" <= a[:1] <= "Z"]
    other = [a for a in alts if not "A" <= a[:1] <= "Z"]
    groups = [upper] + ([[a] for a in other] if len(other) <= 3 else [other])
    return tuple(re.compile(f"(?:{'|'.join(g)}){tail}") for g in groups if g)


def _literal_starts(alternative: str) -> list[str]:
    """``[Gg]rondstoffenbeurs`` as ``Grondstoffenbeurs`` and ``grondstoffenbeurs`` (the same
    matches): a class at an alternative's start stops ``re``'s scan for the first letters."""
    m = re.fullmatch(r"\[([A-Za-z]{2,4})\]([A-Za-z].*)", alternative)
    if not m or "|" in m[2] or "(" in m[2] or re.match(r"[A-Za-z][*+?{]", m[2]):
        return [alternative]
    return [c + m[2] for c in m[1]]
