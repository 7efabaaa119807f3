"""Shared by the ``entity-confusion.*`` rules: candidates and the evidence for and against them.

An entity confusion is decided from context, never from the word alone: "EU" is right in a
chapter about Belarus and the European Union and wrong where the sentence speaks of Kazakhstan
and Armenia and the cited footnote's URL has ``eaes`` (ЕАЭС). Every candidate collects weighted
evidence both ways, in words an editor can check. A candidate is *strong* (reported by the
critical rules) when the evidence adds up to ``STRONG`` and part of it is direct (its sentence
or the footnote it cites) with nothing direct against it; *weak* candidates with some evidence
go to the minor rule ``entity-confusion.weak-evidence``.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from qa.rules._scan import LiteralIndex, literal_starts, probes, scan, scan_at  # noqa: F401  (used by the entity rules)

STRONG = 3
WEAK = 2
SENTENCE_REACH = 400  # characters searched for a sentence's ends
WINDOW = 600  # characters either side for the surrounding passage
SAME_PHRASE_REACH = 1500


@dataclass
class Candidate:
    kind: str  # "eaeu" or "belarus"
    start: int
    end: int
    suggestion: str | None
    what: str  # "the EU" / "Belgian"
    meant: str  # "the Eurasian Economic Union (EAEU)"
    evidence: list[tuple[int, str]] = field(default_factory=list)  # (weight, words); direct if weight >= 2

    @property
    def score(self) -> int:
        return sum(w for w, _ in self.evidence)

    @property
    def strong(self) -> bool:
        direct_for = any(w >= 2 for w, _ in self.evidence)
        direct_against = any(w <= -2 for w, _ in self.evidence)
        return self.score >= STRONG and direct_for and not direct_against

    @property
    def weak(self) -> bool:
        return not self.strong and self.score >= WEAK

    def message(self, text: str, hedge: str = "probably means") -> str:
        pro = [e for w, e in sorted(self.evidence, key=lambda x: -x[0]) if w > 0]
        con = [e for w, e in self.evidence if w < 0]
        msg = f"'{' '.join(text.split())}' {hedge} {self.meant}, not {self.what}: " + "; ".join(pro)
        if con:
            msg += " (against: " + "; ".join(con) + ")"
        return msg


class Markers:
    """Positions of a pack's word classes in the book, counted in any range by bisection."""

    def __init__(self, text: str, classes: dict[str, list[str]], index: LiteralIndex | None = None):
        alts = "|".join(f"(?P<{name}>{'|'.join(pats)})" for name, pats in classes.items() if pats)
        self.hits: dict[str, list[tuple[int, str]]] = {name: [] for name in classes}
        every = [p for pats in classes.values() for p in pats]
        pattern = re.compile(rf"{lead(every)}(?<![\w-])(?:{alts})(?![\w])")
        for m in find(pattern, every, text, index):
            self.hits[m.lastgroup].append((m.start(), m.group()))
        self.starts = {name: [p for p, _ in hits] for name, hits in self.hits.items()}

    def in_range(self, name: str, a: int, b: int, skip: tuple[int, int] | None = None) -> list[str]:
        starts, hits = self.starts[name], self.hits[name]
        i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
        return [w for p, w in hits[i:j] if not (skip and skip[0] <= p < skip[1])]


def literals(alternatives) -> tuple[str, ...] | None:
    """:func:`literal_starts` of ``alternatives`` when all have two characters or more (what a
    :class:`LiteralIndex` holds), memoised per process."""
    return _literals(tuple(alternatives))


@lru_cache(maxsize=256)
def _literals(alternatives: tuple[str, ...]) -> tuple[str, ...] | None:
    found = literal_starts(list(alternatives))
    return tuple(found) if found and all(len(x) >= 2 for x in found) else None


def pack_alternatives(pack: dict) -> list[list[str]]:
    """The alternatives that the entity rules scan a book for, as each rule groups them (the
    literal starts of each group are what the rule asks a :class:`LiteralIndex` for)."""
    groups = []
    b, e = pack.get("belarus"), pack.get("eaeu")
    if b:
        groups += [[b["word"]], b["country"] + b["places"] + b["belgian"]]
    if e:
        groups += [[t["pattern"] for t in e["targets"]], e["eurasian"] + e["members"] + e["eu_context"]]
    for a in pack.get("acronyms", []):
        groups += [[a["wrong"]], [re.escape(a["acronym"])], a["context"], a["unrelated"]]
    if "euro_prefix" in pack:
        groups.append([euro_probe_source(pack["euro_prefix"]["pattern"])])
    return groups


def euro_probe_source(source: str) -> str:
    return source[2:] if source.startswith("\\b") else source


def literal_index(doc, ctx, pack_name: str) -> LiteralIndex:
    """Where the literal starts of every pattern of the pack occur in the book: one pass shared
    by the entity rules (they scanned the book a dozen times, once per probe)."""
    def make():
        found = set()
        for group in pack_alternatives(ctx.pack(pack_name)):
            found.update(literals(group) or ())
        return LiteralIndex(doc.text, found)
    return ctx.cached(f"entities.literals:{pack_name}:{id(doc)}", make)


def find(pattern: re.Pattern, alternatives, text: str, index: LiteralIndex | None = None,
         pos: int = 0, endpos: int | None = None, base: int = 0):
    """``pattern.finditer(text, pos, endpos)`` where ``pattern`` matches only where one of
    ``alternatives`` does: at the index's positions of their literal starts when it has them
    (``base``: where ``text`` begins in the indexed text, for a slice), else by :func:`scan`."""
    lits = literals(alternatives) if index is not None else None
    if endpos is None:
        endpos = len(text)
    if lits and index.covers(lits):
        starts = index.starts(lits, pos + base, endpos + base)
        if base:
            starts = [s - base for s in starts]
        return scan_at(pattern, starts, text, pos, endpos)
    return scan(pattern, probes(alternatives) or pattern, text, pos, endpos)


def lead(patterns: list[str]) -> str:
    """A lookahead for the first letters of ``patterns`` (when all start with a literal letter):
    it lets ``re`` skip most positions of a book at once, 3-5 times faster than without."""
    firsts = {p[0] for p in patterns}
    if patterns and all(c.isalpha() for c in firsts):
        return f"(?=[{''.join(sorted(firsts))}])"
    return ""


def sentence_span(doc, a: int, b: int) -> tuple[int, int]:
    """The sentence around ``text[a:b]``: inside its footnote for a note, else in the body."""
    note = doc.footnote_at(a)
    if note:
        url = note.url
        return note.body_start, url.start if url and url.start > b else note.end
    text = doc.body_text
    lo = max(0, a - SENTENCE_REACH)
    starts = [m.end() for m in re.finditer(r"[.!?][\"”’]?\d{0,3}\s+(?=[\"“]?[A-Z])", text[lo:a])]
    s = lo + starts[-1] if starts else lo
    m = re.compile(r"[.!?][\"”’]?\d{0,3}(?=\s+[\"“]?[A-Z]|\s*$)").search(text, b, min(len(text), b + SENTENCE_REACH))
    return s, m.end() if m else min(len(text), b + SENTENCE_REACH)


def slug_hits(notes, words: list[str]) -> list[str]:
    """Slug words of the notes' URLs that are, or start with, one of ``words`` (3+ letters)."""
    found = []
    stems = tuple(p for p in words if len(p) > 3)
    for note in notes:
        for url in note.urls:
            for w in url.slug_words:
                if w in words or w.startswith(stems):
                    found.append(w)
    return found


def word_patterns(alternatives: list[str]) -> tuple[re.Pattern, tuple, tuple]:
    """``\\b(?:a|b|c)\\b``, its probe for :func:`scan` (the same without the leading ``\\b``)
    and the alternatives (for a :class:`LiteralIndex`)."""
    alts = "|".join(alternatives)
    return re.compile(rf"\b(?:{alts})\b"), probes(alternatives, r"\b"), tuple(alternatives)


def findall(patterns: tuple[re.Pattern, tuple, tuple], text: str, pos: int = 0, endpos: int | None = None,
            index: LiteralIndex | None = None, base: int = 0) -> list:
    """``patterns[0].findall(text, pos, endpos)`` by :func:`scan` with the probes ``patterns[1]``
    (or at the positions ``index`` has for the alternatives ``patterns[2]``)."""
    pattern, probe, alternatives = patterns
    if endpos is None:
        endpos = len(text)
    if pattern.groups:
        return pattern.findall(text, pos, endpos)
    lits = literals(alternatives) if index is not None else None
    if lits and index.covers(lits):
        starts = index.starts(lits, pos + base, endpos + base)
        if base:
            starts = [s - base for s in starts]
        return [m.group() for m in scan_at(pattern, starts, text, pos, endpos)]
    return [m.group() for m in scan(pattern, probe, text, pos, endpos)]


def looks_left(pattern: re.Pattern) -> bool:
    """Whether a match at ``pos`` may depend on more than whether the character before ``pos``
    is a word character (a look-behind, ``^``, ``\\A``): where it may not, a search from ``pos``
    after a non-word character finds what a search of the slice from ``pos`` finds."""
    src = pattern.pattern
    return "(?<" in src or "^" in src or "\\A" in src


def quoted(words: list[str], limit: int = 3) -> str:
    c = Counter(words)
    return " and ".join(f"'{w}'" for w, _ in c.most_common(limit))


def add_same_phrase_evidence(cands: list[Candidate], text: str) -> None:
    """A weak candidate gains when the same expression nearby, in the same passage, is strong."""
    strong: dict[str, tuple[list[int], list[Candidate]]] = {}  # phrase -> strong candidates by position
    for c in cands:
        if c.strong:
            starts, found = strong.setdefault(text[c.start:c.end], ([], []))
            starts.append(c.start)
            found.append(c)
    ordered = {phrase: all(x <= y for x, y in zip(starts, starts[1:])) for phrase, (starts, _) in strong.items()}
    for c in cands:
        if c.strong:
            continue
        phrase = text[c.start:c.end]
        if phrase not in strong or len(phrase) <= 2:
            continue
        starts, found = strong[phrase]
        # the first strong candidate (in the list's order) within reach
        if ordered[phrase]:
            i = bisect.bisect_left(starts, c.start - SAME_PHRASE_REACH)
            s = found[i] if i < len(found) and starts[i] <= c.start + SAME_PHRASE_REACH else None
        else:
            s = next((s for s in found if abs(s.start - c.start) <= SAME_PHRASE_REACH), None)
        if s is not None:
            c.evidence.append((2, f"the same '{phrase}' {abs(s.start - c.start)} characters "
                                  f"{'earlier' if s.start < c.start else 'later'} has strong evidence"))
