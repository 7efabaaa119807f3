"""Shared by the ``mistranslation.*`` calque rules: match the ``calques`` pack with its context.

Each pack entry names the rule that reports it, so that severity stays configuration keyed by
rule id. An entry fires where its pattern matches the running text (or a footnote) and its
evidence holds: a context word near the match, enough mentions in the chapter, or a word in the
URL slug of the footnote the passage cites; a veto near the match cancels it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.rules.base import Finding


def entries(ctx, pack: str, rule: str) -> list[dict]:
    """The pack's entries for one rule, with their regexes compiled (once per run)."""
    def make():
        out = []
        for e in ctx.pack(pack).get("entry", []):
            out.append({
                **e,
                "rule": e["rule"],
                "re": re.compile(e["pattern"]),
                # the evidence patterns (most of the pack's ~47 regexes) are compiled on the
                # first match that needs them (_evidence), not for every run
                "context_re": e.get("context", []),
                "veto_re": e.get("veto", []),
                "chapter_re": e.get("chapter") or None,
                "slug_re": e.get("slug") or None,
                "_compiled": False,
                "anchor_re": re.compile(e["anchor"]) if e.get("anchor") else None,
                "anchor_words": _literals(e.get("anchor")),
                "doubled": e.get("doubled"),
            })
        words = {w for e in out for w in e["anchor_words"] or ()}
        for e in out:
            # a word that holds another anchor word (woners, woner) is found among that word's
            # occurrences, not by another pass over the text
            e["anchor_bases"] = {w: min((b for b in words if b != w and b in w), key=len, default=None)
                                 for w in e["anchor_words"] or ()}
        return out
    return [e for e in ctx.cached(f"calques.{pack}", make) if e["rule"] == rule]


def find(doc, ctx, pack: str, rule: str):
    for e in entries(ctx, pack, rule):
        for view in (doc.body_text, doc.notes_text):
            for m in _matches(doc, ctx, e, view):
                why = _evidence(doc, ctx, view, m, e)
                if why is None:
                    continue
                fixed = _expand(e, m) if e.get("suggestion") else None
                if fixed and m[0][:1].isupper() and fixed[:1].islower():
                    fixed = fixed[:1].upper() + fixed[1:]
                yield Finding(m.start(), m.end(), f"{e['message']}{why}", fixed)


_GROUP_REF = re.compile(r"\\g<(\w+)>")


def _expand(e: dict, m: re.Match) -> str:
    """``m.expand(e["suggestion"])``: Python 3.11 parses the template at every call (25 us, a
    third of the rule's time on a large file); a template of plain text and ``\\g<name>``
    references is split once per run and filled in here (an unmatched group gives '', as in
    ``expand``), any other template is left to ``expand``."""
    parts = e.get("_template")
    if parts is None:
        pieces = _GROUP_REF.split(e["suggestion"])  # literal, name, literal, name, ..., literal
        if any("\\" in x for x in pieces[::2]):
            parts = e["_template"] = False
        else:
            parts = e["_template"] = [int(x) if i % 2 and x.isdigit() else x for i, x in enumerate(pieces)]
    if parts is False:
        return m.expand(e["suggestion"])
    return "".join(x if i % 2 == 0 else (m.group(x) or "") for i, x in enumerate(parts))


def _chapter_count(ctx, e: dict, view: str, ch) -> int:
    """The chapter regex's matches in the chapter, counted once per book for every entry with the
    same regex (the two exchange entries share theirs)."""
    cache = ctx.cached("calques.chapter-counts", dict)
    key = (e["chapter"], id(view), ch.index)
    if key not in cache:
        cache[key] = sum(len(p.findall(view, ch.start, ch.end)) for p in e["chapter_re"])
    return cache[key]


_WORD_PART = re.compile(r"\\b(\w+)\\b")
_FOLDED_PART = re.compile(r"\(\?i:([a-hjl-rt-z][a-z]*)\)")


def _literal_first(pattern: str) -> list[re.Pattern]:
    """``pattern`` compiled so that re skips to its first letters in C, when it is an
    alternation of ``\\bword\\b`` and ``(?i:word)`` parts (the chapter regexes are counted over
    whole chapters, and a leading ``\\b`` or ``(?i:`` makes re try every position).

    ``\\bBUTB\\b`` becomes ``B(?<!\\wB)UTB\\b`` (the look-behind after the first letter asks what
    ``\\b`` asked); ``(?i:grondstoffenbeurs)`` becomes one branch per case of its first letter
    (not i, k or s, which (?i) also matches with other characters). Same matches, same
    order of the alternatives; any other pattern is compiled as it is.

    The result is a list of patterns whose match counts add up to the pattern's: one per branch
    when no two branch words can overlap (each then starts with a literal, a fast scan where an
    alternation of different first letters tries every position), else the one alternation."""
    branches, words = [], []
    for part in pattern.split("|"):
        if m := _WORD_PART.fullmatch(part):
            w = m[1]
            branches.append(f"{re.escape(w[0])}(?<!\\w{re.escape(w[0])}){re.escape(w[1:])}\\b")
        elif m := _FOLDED_PART.fullmatch(part):
            w = m[1]
            branches += [f"{c}(?i:{w[1:]})" for c in (w[0], w[0].upper())]
        else:
            return [re.compile(pattern)]
        words.append(w.lower())
    if _may_overlap(words):
        return [re.compile("|".join(branches))]
    return [re.compile(b) for b in branches]


def _may_overlap(words: list[str]) -> bool:
    """Whether two of the (lower-cased) words could share characters in a text: one holds the other
    or one's end is the other's start (then the alternation's leftmost matches are no sum)."""
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if a in b or b in a:
                return True
            if any(a.endswith(b[:k]) or b.endswith(a[:k]) for k in range(1, min(len(a), len(b)))):
                return True
    return False


def _literals(anchor: str | None) -> list[str] | None:
    """The words of an anchor that is a plain word or an alternation of plain words
    (``woners``, ``ruil|uitwisseling``), else None."""
    if not anchor:
        return None
    words = anchor.split("|")
    return words if all(re.fullmatch(r"\w+", w) for w in words) else None


def _anchor_hits(doc, ctx, e: dict, view: str):
    """(start, end) of the anchor's matches in ``view``, as ``finditer`` finds them.

    For plain words: their occurrences in the book's text, found once per book by
    ``str.find`` (a view holds the text's characters or blanks, so a word in a view is the
    same word in the text), kept where the view has them too; then leftmost first, the
    earlier alternative first at one position, none overlapping, as re does. re would try an
    alternation at every position, and it would scan each view separately."""
    words = e["anchor_words"]
    if not words:
        head = e.get("anchor_head")
        if head is None:
            head = e["anchor_head"] = _literal_head(e["anchor"])
        if not head:
            return [a.span() for a in e["anchor_re"].finditer(view)]
        # every match starts with the literal ``head``: tried only where the text has it
        out, last, match = [], 0, e["anchor_re"].match
        for pos in _word_hits(doc, ctx, head, {}):
            if pos >= last and view.startswith(head, pos):
                a = match(view, pos)
                if a:
                    out.append(a.span())
                    last = a.end()
        return out
    found = []
    for i, w in enumerate(words):
        found += [(pos, i, pos + len(w)) for pos in _word_hits(doc, ctx, w, e["anchor_bases"])
                  if view.startswith(w, pos)]
    out, last = [], 0
    for pos, _, end in sorted(found):
        if pos >= last:
            out.append((pos, end))
            last = end
    return out


@lru_cache(maxsize=64)
def _literal_head(pattern: str) -> str:
    """The literal characters every match of ``pattern`` starts with ('' for fewer than three)."""
    from re import _constants as k
    from re import _parser

    head, parsed = "", _parser.parse(pattern)
    if parsed.state.flags & re.IGNORECASE:
        return ""
    for op, arg in parsed:
        if op is not k.LITERAL:
            break
        head += chr(arg)
    return head if len(head) >= 3 else ""


def _word_hits(doc, ctx, w: str, bases: dict) -> list[int]:
    """Every start of ``w`` in the book's text, once per book: by ``str.find``, or, when ``w``
    holds a shorter anchor word, among that word's starts (each ``w`` holds it at the same place)."""
    def make():
        base = bases.get(w)
        if not base:
            return _occurrences(doc.text, w)
        k, text = w.find(base), doc.text
        return [q - k for q in _word_hits(doc, ctx, base, bases) if q >= k and text.startswith(w, q - k)]
    return ctx.cached(f"calques.find:{w}", make)


def _occurrences(text: str, w: str) -> list[int]:
    """Every start of ``w`` in ``text``, overlapping ones too."""
    out, pos = [], text.find(w)
    while pos >= 0:
        out.append(pos)
        pos = text.find(w, pos + 1)
    return out


def _matches(doc, ctx, e: dict, view: str):
    """The entry's matches in ``view``, searched only around its anchor's hits when it has one."""
    if e["doubled"]:
        yield from _doubled(e, view)
        return
    if not e["anchor_re"]:
        yield from e["re"].finditer(view)
        return
    seen = -1
    for a_start, a_end in _anchor_hits(doc, ctx, e, view):
        for m in e["re"].finditer(view, max(0, a_start - 100), min(len(view), a_end + 100)):
            if m.start() > seen:
                seen = m.start()
                yield m


_WORD = re.compile(r"\w+")


def _doubled(e: dict, view: str):
    """The entry's matches that start at the word before each ``doubled`` literal (`` en ``)
    when the word after it is the same word (any case): its hits with the word after (4+ word
    characters past any spaces) are found by one regex scan, then two string comparisons per hit,
    then the full pattern confirms it at that start (a view's line breaks are spaces; running the
    back-referencing pattern over the whole view costs ~10 ms a book)."""
    lit = e["doubled"]
    probe = e.get("_doubled_probe")
    if probe is None:
        # the literal less its last character is consumed, so that a hit overlapping the previous
        # one by one character is still found; a literal with a longer border (none in the pack)
        # takes the str.find loop, which finds every overlapping hit
        # Only hits where the last letter before equals the last letter of the word after (in
        # any case, as the pattern's back-reference compares them) reach Python: after a word
        # character, the look-ahead asks it; after a space (more spaces before the literal) all
        # hits pass; after anything else the word before cannot end next to the literal.
        # The scan starts at the literal's second character, its first looked behind at: a
        # view is mostly blanks where the other view's text is, and a leading space is a slow
        # prefix to scan for there (hits then start one character late).
        border = any(lit[:k] == lit[-k:] for k in range(2, len(lit)))
        head, last = re.escape(lit[:-1]), re.escape(lit[-1:])
        scan = rf"{re.escape(lit[1:-1])}(?<={head})" if len(lit) > 2 else head
        e["_doubled_shift"] = 1 if len(lit) > 2 else 0
        probe = e["_doubled_probe"] = False if border else re.compile(
            rf"{scan}(?:(?<=(\w){head})(?={last} *\w{{3,}}(?i:\1)(?!\w))|(?<= {head}))(?={last} *(\w{{4,}}))")
    if probe is False:
        yield from _doubled_find(e, view)
        return
    match, shift = e["re"].match, e["_doubled_shift"]
    for hit in probe.finditer(view):
        after = hit[2]
        s = hit.start() - shift
        while s > 0 and view[s - 1] == " ":
            s -= 1
        w = s - len(after)
        if w >= 0 and view[w:s].lower() == after.lower():
            m = match(view, w)
            if m:
                yield m


def _doubled_find(e: dict, view: str):
    """:func:`_doubled` by ``str.find``: every hit of the literal, overlapping ones too."""
    lit = e["doubled"]
    pos = view.find(lit)
    while pos >= 0:
        a = pos + len(lit)
        while view[a:a + 1] == " ":
            a += 1
        after = _WORD.match(view, a)
        if after and len(after[0]) >= 4:
            s = pos
            while s > 0 and view[s - 1] == " ":
                s -= 1
            w = s - len(after[0])
            if w >= 0 and view[w:s].lower() == after[0].lower():
                m = e["re"].match(view, w)
                if m:
                    yield m
        pos = view.find(lit, pos + 1)


def _compile_evidence(e: dict) -> None:
    """Compile an entry's evidence patterns in place, once (the entries are cached per run), each
    with the literals one of which every match holds (:func:`_needles`)."""
    e["context_re"] = [(re.compile(c), *_needles(c)) for c in e["context_re"]]
    e["veto_re"] = [(re.compile(v), *_needles(v)) for v in e["veto_re"]]
    e["chapter_re"] = _literal_first(e["chapter_re"]) if e["chapter_re"] else None
    e["slug_re"] = re.compile(e["slug_re"]) if e["slug_re"] else None
    e["_compiled"] = True


def _evidence(doc, ctx, view: str, m: re.Match, e: dict) -> str | None:
    if not e["_compiled"]:
        _compile_evidence(e)
    if e["veto_re"]:
        near = view[max(0, m.start() - 60):m.end() + 60]
        for v, pos in _candidates(e["veto_re"], near):
            for hit in v.finditer(near, pos):
                a = max(0, m.start() - 60) + hit.start()
                if a <= m.end() and a + len(hit[0]) >= m.start():  # the veto phrase touches the match
                    return None
    if not (e["context_re"] or e["chapter_re"] or e["slug_re"]):
        return ""
    w = e.get("window", 300)
    around = view[max(0, m.start() - w):m.end() + w]
    for c, pos in _candidates(e["context_re"], around):
        hit = c.search(around, pos)
        if hit:
            return f" (context: '{hit[0]}')"
    if e["chapter_re"]:
        ch = doc.chapter_at(m.start())
        if ch:
            n = _chapter_count(ctx, e, view, ch)
            if n >= e.get("chapter_min", 3):
                return f" (the chapter mentions '{e['chapter']}' {n}×)"
    if e["slug_re"]:
        for note in doc.footnotes_near(m.start()):
            for u in note.urls:
                if e["slug_re"].search(u.path.lower()):
                    return f" (footnote {note.number} URL has '{e['slug']}')"
    return None


# the non-ASCII characters that a (?i) ASCII letter matches (all code points tried, Python 3.11):
# the dotted and dotless i, the long s, the Kelvin sign; str.lower() puts no other character
# onto an ASCII letter that (?i) would not match, nor leaves one off
_FOLD_TRAP = re.compile("[\u0130\u0131\u017f\u212a]")


def _candidates(patterns: list, window: str):
    """``(pattern, pos)`` for the compiled patterns of ``(pattern, needles, folded, reach)`` that
    may match in ``window``, in order, with where a search can start: a pattern none of whose
    literals is in the window cannot match there and is not run; no match of it starts more than
    ``reach`` before the first of them (a folded window keeps its length: no U+0130 in it)."""
    lowered = None  # the window lower-cased, once a folded pattern asks; False: not foldable
    for p, needles, folded, reach in patterns:
        pos = 0
        if needles:
            if folded:
                if lowered is None:
                    lowered = window.lower() if _fold_safe(window) else False
                hay = lowered
            else:
                hay = window
            if hay is not False:
                first = -1
                for n in needles:
                    at = hay.find(n)
                    if at >= 0 and (first < 0 or at < first):
                        first = at
                if first < 0:
                    continue
                if reach is not None and first > reach:
                    pos = first - reach
        yield p, pos


def _fold_safe(window: str) -> bool:
    """Whether ``window.lower()`` holds every (?i) match of an ASCII literal in ``window``."""
    return window.isascii() or not _FOLD_TRAP.search(window)


@lru_cache(maxsize=256)
def _needles(pattern: str) -> tuple[tuple[str, ...] | None, bool, int | None]:
    """``(needles, folded, reach)``: literals one of which every match of ``pattern`` contains
    (lower-cased ASCII when ``folded``, i.e. the pattern ignores case somewhere), or None when it
    has none of two characters or more; ``reach``: how far from a match's start its first such
    literal can be at most (None: unbounded). A ``needle in text`` test costs a fraction of a
    regex search over the context window, and most context regexes have no match there; a search
    can start ``reach`` before the first needle (a leading ``\\b`` makes re try every position)."""
    if plain := _PLAIN.fullmatch(pattern):  # most context words: no parse (a cold-start cost)
        lit, folded = plain[2], bool(plain[1])
        if len(lit) < 2 or folded and not lit.isascii():
            return None, folded, None
        return (lit.lower() if folded else lit,), folded, 0
    from re import _parser

    try:
        parsed = _parser.parse(pattern)
    except re.error:
        return None, False, None
    folded = bool(parsed.state.flags & re.IGNORECASE) or "(?i" in pattern
    best = _required(parsed.state, list(parsed))
    if not best or min(map(len, best[0])) < 2:
        return None, folded, None
    needles, reach = best
    if folded:
        if not all(n.isascii() for n in needles):
            return None, folded, None
        needles = {n.lower() for n in needles}
    return tuple(sorted(needles)), folded, reach


_PLAIN = re.compile(r"(\(\?i\))?([^\W\d_][\w -]*)")  # a literal word or phrase, maybe under (?i)
_FAR = 10_000  # a width beyond this counts as unbounded


def _required(state, items) -> tuple[set[str], int | None] | None:
    """``(strings, reach)``: one of the strings is in every match of the parsed sequence ``items``
    (its longest literal run, a group or branch made of such, or a repeat taken at least once),
    at most ``reach`` characters after the match's start (None: unbounded)."""
    from re import _constants as k
    from re import _parser

    def width(upto: int) -> int | None:
        hi = _parser.SubPattern(state, items[:upto]).getwidth()[1] if upto else 0
        return hi if hi <= _FAR else None

    candidates, run, run_at = [], "", 0
    for i, (op, arg) in enumerate(items):
        if op is k.LITERAL:
            if not run:
                run_at = i
            run += chr(arg)
            continue
        if run:
            candidates.append(({run}, width(run_at)))
            run = ""
        sub = None
        if op is k.SUBPATTERN:
            sub = _required(state, list(arg[3]))
        elif op is k.BRANCH:
            alts = [_required(state, list(a)) for a in arg[1]]
            if all(alts):
                reaches = [r for _, r in alts]
                sub = (set().union(*(n for n, _ in alts)), None if None in reaches else max(reaches))
        elif op in (k.MAX_REPEAT, k.MIN_REPEAT, k.POSSESSIVE_REPEAT) and arg[0] >= 1:
            sub = _required(state, list(arg[2]))
        if sub:
            before = width(i)
            candidates.append((sub[0], None if before is None or sub[1] is None else before + sub[1]))
    if run:
        candidates.append(({run}, width(run_at)))
    return max(candidates, key=lambda c: min(map(len, c[0])), default=None)
