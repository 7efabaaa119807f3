"""Finding the matches of a pattern that ``re`` cannot scan for quickly.

A pattern that starts with a zero-width check (``\\b``, a lookbehind, a lookahead) or with a
class of many letters makes ``re`` try it at every position of a book (1-5 ms for 165 kB). A
*probe* without those checks, starting with a literal or a few capitals, lets ``re`` skip to the
candidates; the pattern is then tried only there, which gives exactly ``finditer``'s matches.
"""

from __future__ import annotations

import re
from functools import lru_cache


def scan(pattern: re.Pattern, probes, text: str, pos: int = 0, endpos: int | None = None):
    """The matches of ``pattern.finditer(text)``, found fast when ``pattern`` is an alternation
    behind zero-width checks (``\\b(?<![\\w-])``) that keep ``re`` from scanning for its first
    letters.

    ``probes`` (a pattern or a tuple of them, see :func:`probes`) must match wherever ``pattern``
    can start a match; ``pattern`` is tried only there, in order, as ``finditer`` would (the match
    found at a position does not depend on where the search began). ``pos`` and ``endpos`` are
    ``finditer``'s (a part of a text without slicing a copy of it).
    """
    if endpos is None:
        endpos = len(text)
    if isinstance(probes, re.Pattern):
        probes = (probes,)
    if not probes:
        yield from pattern.finditer(text, pos, endpos)
        return
    starts = (_hits(probes[0], text, pos, endpos) if len(probes) == 1
              else sorted(set().union(*(_hits(p, text, pos, endpos) for p in probes))))
    yield from scan_at(pattern, starts, text, pos, endpos)


def scan_at(pattern: re.Pattern, starts, text: str, pos: int = 0, endpos: int | None = None):
    """The matches of ``pattern.finditer(text, pos, endpos)``, given ``starts``: sorted positions
    that include every position where ``pattern`` can match (more cost a failed ``match`` each)."""
    if endpos is None:
        endpos = len(text)
    match = pattern.match
    for s in starts:
        if s < pos:
            continue
        m = match(text, s, endpos)
        if m:
            if m.end() == s:  # empty matches: leave them to finditer's own rules
                yield from pattern.finditer(text, s, endpos)
                return
            yield m
            pos = m.end()


def _hits(probe: re.Pattern, text: str, pos: int = 0, endpos: int | None = None) -> list[int]:
    """Every position where ``probe`` matches (overlapping matches too)."""
    if endpos is None:
        endpos = len(text)
    out, search = [], probe.search
    hit = search(text, pos, endpos)
    while hit:
        s = hit.start()
        out.append(s)
        hit = search(text, s + 1, endpos)
    return out


def probes(alternatives, tail: str = "") -> tuple[re.Pattern, ...]:
    """Patterns that together match wherever one of ``alternatives`` (followed by ``tail``) does,
    each one quick for ``re`` to scan for.

    Best, the literal starts of the alternatives (:func:`literal_starts`), each on its own when
    there are few (a scan for one literal is several times faster than for a class of first
    letters), else together. Failing that, the alternatives that begin with a capital in one
    probe, every other one on its own, or all together when there are many. Memoised.
    """
    return _probes(tuple(alternatives), tail)


@lru_cache(maxsize=256)
def _probes(alternatives: tuple[str, ...], tail: str) -> tuple[re.Pattern, ...]:
    # many alternatives make more literal starts than separate probes pay for: skip the parse
    starts = literal_starts(alternatives) if len(alternatives) <= 2 * MAX_LITERAL_PROBES else None
    if starts:
        starts = _shortest({x[:LITERAL_LENGTH] for x in starts})
        if len(starts) <= MAX_LITERAL_PROBES:
            return tuple(re.compile(re.escape(x)) for x in starts)
        alts, tail = list(map(re.escape, starts)), ""
    else:
        alts = [x for a in alternatives for x in _literal_starts(a)]
    upper = [a for a in alts if "A" <= a[:1] <= "Z"]
    other = [a for a in alts if not "A" <= a[:1] <= "Z"]
    groups = [upper] + ([[a] for a in other] if len(other) <= 3 else [other])
    return tuple(re.compile(f"(?:{'|'.join(g)}){tail}") for g in groups if g)


def _shortest(strings) -> list[str]:
    """The strings that do not start with another one (whose matches are among its matches)."""
    found = sorted(set(strings))
    return [x for x in found if not any(x != y and x.startswith(y) for y in found)]


MAX_LITERAL_PROBES = 6  # each a scan for one literal (~0.15 ms a book); more: one scan for a class
LITERAL_LENGTH = 6  # a probe's literal: enough to be rare
MAX_STARTS = 64


def literal_starts(alternatives: list[str]) -> list[str] | None:
    """The literal strings that every match of one of ``alternatives`` begins with (zero-width
    checks skipped): ``\\b(?:Wit-Russisch|Belarussisch)e?-Turkse`` gives ``Wit-Russisch`` and
    ``Belarussisch``; a string that starts with another one is left out. None when some match can
    begin otherwise (a class, a repeat), or the pattern ignores case."""
    from re import _constants as sre
    from re import _parser

    def starts(items) -> list[str] | None:
        out = [""]
        for op, av in items:
            if op is sre.LITERAL:
                out = [p + chr(av) for p in out]
            elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
                continue  # zero-width: what follows still starts the match
            elif op is sre.IN and av and all(o is sre.LITERAL for o, _ in av) and len(av) * len(out) <= MAX_STARTS:
                out = [p + chr(a) for p in out for _, a in av]
            elif op is sre.BRANCH:
                subs = [starts(b) for b in av[1]]
                if any(not x for x in subs) or len(out) * sum(map(len, subs)) > MAX_STARTS:
                    return out
                return [p + x for p in out for sub in subs for x in sub]
            elif op is sre.SUBPATTERN and not av[1] and not av[2]:
                sub = starts(av[3])
                if not sub or len(out) * len(sub) > MAX_STARTS:
                    return out
                return [p + x for p in out for x in sub]
            else:
                return out
        return out

    try:
        parsed = [_parser.parse(a) for a in alternatives]
    except Exception:  # noqa: BLE001 (a private module: any surprise means no literal starts)
        return None
    if not parsed or any(p.state.flags & (re.IGNORECASE | re.LOCALE) for p in parsed):
        return None
    found: list[str] = []
    for p in parsed:
        sub = starts(p.data)
        if not sub or not all(sub):
            return None
        found += sub
    return _shortest(found)


def _literal_starts(alternative: str) -> list[str]:
    """``[Gg]rondstoffenbeurs`` as ``Grondstoffenbeurs`` and ``grondstoffenbeurs`` (the same
    matches): a class at an alternative's start stops ``re``'s scan for the first letters."""
    m = re.fullmatch(r"\[([A-Za-z]{2,4})\]([A-Za-z].*)", alternative)
    if not m or "|" in m[2] or "(" in m[2] or re.match(r"[A-Za-z][*+?{]", m[2]):
        return [alternative]
    return [c + m[2] for c in m[1]]


class LiteralIndex:
    """Every position of a set of literal strings (2 characters or more) in one text, found in
    one pass for all of them: ``re`` scans for a class of first letters at about the cost of
    one probe, where a probe per literal or per rule is a pass each (2 ms for 3 MB, 20 ms for an
    alternation). Positions are kept by their first two characters; :meth:`starts` gives
    those of some of the literals, in order.

    Literals that begin with a capital (or any non-lowercase character) are found by one
    ``finditer`` over their first character followed by a look-ahead for the rest: each match
    is one character long, so overlapping occurrences are all found. Literals that begin with a
    lowercase letter (frequent first letters would make that scan try most positions) are found
    by ``str.find`` when asked for, in the range asked for only.
    """

    def __init__(self, text: str, literals):
        self.text = text
        self.literals = frozenset(x for x in literals if len(x) >= 2)
        rest: dict[str, set[str]] = {}
        self.key_literals: dict[str, set[str]] = {}
        for x in sorted(self.literals):
            self.key_literals.setdefault(x[:2], set()).add(x)
            if not x[0].islower():
                rest.setdefault(x[0], set()).add(x[1:])
        by_key: dict[str, list[int]] = {}
        if rest:
            alts = "|".join(f"{re.escape(c)}(?={'|'.join(map(re.escape, sorted(r, key=lambda y: (-len(y), y))))})"
                            for c, r in sorted(rest.items()))
            for m in re.finditer(alts, text):
                s = m.start()
                k = text[s:s + 2]
                found = by_key.get(k)
                if found is None:
                    by_key[k] = [s]
                else:
                    found.append(s)
        self.by_key = by_key

    def covers(self, literals) -> bool:
        return bool(literals) and all(x in self.literals for x in literals)

    def starts(self, literals, pos: int = 0, endpos: int | None = None) -> list[int]:
        """The positions in ``[pos, endpos)`` where one of ``literals`` (all in the index) begins."""
        from bisect import bisect_left

        text = self.text
        if endpos is None:
            endpos = len(text)
        keys: dict[str, list[str]] = {}
        for x in literals:
            keys.setdefault(x[:2], []).append(x)
        out: list[int] = []
        for k, mine in keys.items():
            if k[0].islower():
                find = text.find
                for x in mine:
                    i = find(x, pos, endpos)
                    while i >= 0:
                        out.append(i)
                        i = find(x, i + 1, endpos)
                continue
            found = self.by_key.get(k)
            if not found:
                continue
            i, j = bisect_left(found, pos), bisect_left(found, endpos)
            if self.key_literals[k].issubset(mine):  # every position of the key is one of ours
                out += found[i:j]
            else:
                startswith, whole = text.startswith, tuple(mine)
                out += [s for s in found[i:j] if startswith(whole, s)]
        if len(keys) > 1 or len(literals) > 1:
            out = sorted(set(out))
        return out
