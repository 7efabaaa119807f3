"""Shared by the ``untranslated.english*`` rules: find English spans left in Dutch text.

Cheap first, then confirm. Candidates are runs of words joined only by white space: capitalised
words, the English connectors ``of``/``and``/``for``/``the`` between them, and lower-case words
that only English has. A run counts as English on word evidence from the ``english_words`` pack
(common English words that are not Dutch, built at build time from dictionaries and
frequencies) and the ``english`` pack (name heads that both languages write alike, such as
``District`` or ``Plant``, which are English only in English word order or beside other English
words). A lower-case run long enough for a language identifier is confirmed with langdetect,
with its own small seeded profile set, loaded only when such a run exists.

URLs and their slugs never count: they are masked before the scan.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, filterfalse

from qa.rules._variants import masked_text, notes_lookup

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|&")
# a capitalised TOKEN not preceded by a letter (the look-behind follows the first character, so
# that re skips to capitals in C); after an apostrophe or a hyphen it may still be a word's tail
CAPITAL = re.compile(r"[A-Z](?<![A-Za-z].)[A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*")
WORD_PATTERN = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*"  # qa.document.WORD, whose words the book counts
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_IN_TOKEN = _LETTERS | frozenset("'’-")  # the characters a word token may hold
GAP = re.compile(r"[ \t]*(?:\n[ \t]*){0,4}")  # white space only, a few hard line breaks at most
SENTENCE_END = re.compile(r"[.!?:;]\s*$")
CLAUSE_END = re.compile(r"[.;:!?()\"“”«»]|\n[ \t]*\n[ \t]*\n")
QUOTES = "\"“”„«»'‘’"


@dataclass
class EnglishSpan:
    start: int
    end: int
    text: str  # white space collapsed
    words: list[str]  # the English evidence (English words and connectors)
    kind: str  # "name" (capitalised), "clause" (lower-case English), "word" (one English word)
    strong: bool  # several English words, a generic head, or English word order
    quoted: bool
    in_note: bool
    company: bool  # ends in a company word (Group, Corporation, LLC) or is a name + one word

    @property
    def evidence(self) -> str:
        return ", ".join(f"'{w}'" for w in self.words[:4])


class Vocab:
    """The word lists of the ``english_words`` and ``english`` packs, as sets. The long
    English-only list is made a set once per process (20,000 words: 2 ms) and shared between
    the books of a run, since it is the same string unless a book's own file adds words."""

    def __init__(self, ctx):
        words = ctx.pack("english_words")
        pack = ctx.pack("english")
        self.only = _word_set(words["words"])
        self.shared = set(words["shared"].split())
        self.connectors = set(pack["connectors"])
        self.heads = set(pack["heads"])
        self.generic = set(pack["generic_heads"])
        self.order_heads = set(pack["word_order_heads"])
        self.weak_order_heads = set(pack.get("weak_order_heads", ()))
        self.countries = set(pack.get("country_names", ()))
        self.company = set(pack["company_words"])
        self.prefixes = set(pack["prefixes"])
        self.dutch_stop = {w.lower() for w in pack["dutch_stop"]}
        self.suffixes = tuple(pack["suffixes"])
        self.loans = set(pack["dutch_loans"])
        self._memo: dict[str, bool] = {}
        self.accepted = [re.compile(r"\b" + re.escape(a) + r"\b") for a in pack["accepted"]]
        self.accepted_phrases = list(pack["accepted"])

    def english(self, w: str) -> bool:
        """An English word: in the English-only list, or capitalised and in the shared list."""
        known = self._memo.get(w)
        if known is None:
            known = self._memo[w] = self._english(w)
        return known

    def _english(self, w: str) -> bool:
        lw = w.lower().replace("’", "'")
        if "-" not in lw:  # one part: the steps below, unrolled
            if lw in self.prefixes or lw in self.dutch_stop:
                return False
            if len(lw) > 2 and lw in self.only:
                return True
            if len(lw) >= 7 and lw.endswith(self.suffixes) and lw not in self.loans:
                return True
            return w[0].isupper() and lw in self.shared
        parts = [p for p in w.lower().replace("’", "'").split("-") if p not in self.prefixes]
        if any(p in self.dutch_stop for p in parts):
            return False
        if any(len(p) > 2 and p in self.only for p in parts):
            return True
        if any(len(p) >= 7 and p.endswith(self.suffixes) and p not in self.loans for p in parts):
            return True  # a rare English derivative (pilotless) that the word list lacks
        return w[0].isupper() and len(parts) == 1 and parts[0] in self.shared


@lru_cache(maxsize=4)
def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def find(doc, ctx) -> list[EnglishSpan]:
    """Every English span of the book (computed once per run, shared by the rules)."""
    return ctx.cached("english.spans", lambda: _find(doc, ctx))


def _find(doc, ctx) -> list[EnglishSpan]:
    """Runs of member words (capitalised words, connectors, English words) joined only by white
    space, judged when they hold a hopeful word (one that can make a span: an English word or a
    head). Most words are lower-case Dutch words that are neither, so the text is not split into
    words: the runs grow from the hopeful words alone, found by one scan for capitalised words and
    ``str.find`` of the book's few lower-case ones, one token at a time to either side."""
    text = masked_text(doc, ctx)  # URLs blanked, so that slugs never look like words
    v = ctx.cached("english.vocab", lambda: Vocab(ctx))
    words, extra, bounds = _book_words(doc, text)
    only, connectors, suffixes = v.only, v.connectors, v.suffixes
    heads = v.order_heads | v.generic

    memo: dict[str, bool] = {}

    def member(w: str) -> bool:
        m = memo.get(w)
        if m is None:
            if w[0].isupper() or w in connectors or w == "&":
                m = True
            elif "-" not in w:  # fast path for the common lower-case word
                m = len(w) > 2 and w in only or w.endswith(suffixes) and v.english(w)
            else:
                m = v.english(w)
            memo[w] = m
        return m

    def hopeful(w: str) -> bool:
        # whether a run with this word can make a span: _judge needs an English word (not a
        # connector) or a word-order head, else it returns None
        return member(w) and ((w not in connectors and w != "&" and v.english(w)) or w in heads)

    countries, shared = v.countries, v.shared
    seeds: list[tuple[int, int, str]] = []  # the hopeful tokens: (start, end, word)
    compounds: list[tuple[int, int, str]] = []  # hyphen compounds with an English country name
    flags: dict[str, int] = {}
    english_memo = v._memo
    for m in CAPITAL.finditer(text):
        w = m[0]
        f = flags.get(w)
        if f is None:
            if "-" in w or "’" in w:
                f = hopeful(w) | (2 if "-" in w and not countries.isdisjoint(w.split("-")) else 0)
            else:  # what hopeful needs at least (most capitalised words are Dutch)
                lw = w.lower()
                if w in heads or lw in only or lw in shared or lw.endswith(suffixes):
                    f = hopeful(w)
                else:
                    f = english_memo[w] = False  # and not English either (for _judge)
            flags[w] = f
        if f:
            s = m.start()
            if s and text[s - 1] in "'’-" and not _token_start(text, s):
                continue  # the tail of a longer word (d’Artagnan, anti-Russisch)
            if f & 1:
                seeds.append((s, m.end(), w))
            if f & 2:
                compounds.append((s, m.end(), w))
    # the lower-case words that may be hopeful or compounds: few, so each is looked up by str.find
    lower = (words & only) | (extra & only) | (words & heads) | (extra & heads)
    lower.update(w for w in extra if not w.isalpha())
    lower.update(_ending(chain(words, extra), suffixes))
    for w in sorted(w for w in lower if "a" <= w[0] <= "z"):
        f = hopeful(w) | (2 if "-" in w and not countries.isdisjoint(w.split("-")) else 0)
        if f:
            for s in _occurrences(text, w, bounds.get(w, -1) if w not in extra else -1):
                if f & 1:
                    seeds.append((s, s + len(w), w))
                if f & 2:
                    compounds.append((s, s + len(w), w))
    seeds.sort()

    solid = _Lowered(text, words, extra)  # the book's words, to see whether it writes a compound solid
    in_notes = notes_lookup(doc, ctx)
    out: list[EnglishSpan] = []
    reached = -1
    for s, e, w in seeds:
        if s < reached:
            continue  # in the run of an earlier hopeful word
        run = [(w, s, e)]  # (word, start, end)
        while (t := _previous(text, run[0][1])) and member(t[0]):
            run.insert(0, t)
        while (t := _next(text, run[-1][2])) and member(t[0]):
            run.append(t)
        reached = run[-1][2]
        span = _judge(in_notes, text, run, v, solid)
        if span and not _accepted(span, text, v):
            out.append(span)
    compounds.sort()
    out += _country_parts(text, compounds, v, in_notes)
    out.sort(key=lambda s: s.start)
    # an established name: the same span many times in the book is the book's accepted form
    counts = Counter(s.text for s in out)
    out = [s for s in out if counts[s.text] < 4]
    out = [c for c in (_clause(ctx, text, s) if s.kind == "clause" else s for s in out) if c]
    clauses = [(c.start, c.end) for c in out if c.kind == "clause"]
    return [s for s in out if s.kind == "clause" or not any(a <= s.start < b for a, b in clauses)]


def _token_start(text: str, s: int) -> bool:
    """Whether a token begins at ``s`` (not inside a longer one): the tokens from the last
    character before ``s`` that no token holds, so that they are the tokens of the whole text."""
    x = s - 1
    while x > 0 and text[x - 1] in _IN_TOKEN:
        x -= 1
    for m in TOKEN.finditer(text, x):
        if m.start() >= s:
            return m.start() == s
        if m.end() > s:
            return False
    return False


def _occurrences(text: str, w: str, most: int = -1):
    """Where the token ``w`` stands in ``text`` as a whole token (``most`` times at most, when
    that is known)."""
    n, s = len(w), text.find(w)
    while s >= 0 and most:
        if _whole(text, s, s + n):
            yield s
            most -= 1
        s = text.find(w, s + 1)


def _whole(text: str, s: int, e: int) -> bool:
    """Whether ``text[s:e]`` (letters first) is a whole token."""
    before = text[s - 1] if s else " "
    return before not in _LETTERS and (before not in "'’-" or _token_start(text, s)) \
        and TOKEN.match(text, s).end() == e


def _previous(text: str, a: int):
    """The token before offset ``a`` (a token start) if only a GAP is between, else None."""
    r = a
    while r and text[r - 1] in " \t\n":
        r -= 1
    if not r or (r < a and not GAP.fullmatch(text, r, a)):
        return None
    c = text[r - 1]
    if c == "&":
        return ("&", r - 1, r)
    if c not in _IN_TOKEN or c == "-":
        return None
    x = r - 1
    while x and text[x - 1] in _IN_TOKEN:
        x -= 1
    last = None
    for last in TOKEN.finditer(text, x, r):
        pass
    if last is None or last.end() != r:
        return None
    return (last[0], last.start(), r)


def _next(text: str, b: int):
    """The token after offset ``b`` (a token end) if only a GAP is between, else None."""
    g = GAP.match(text, b).end()
    m = TOKEN.match(text, g)
    return (m[0], g, m.end()) if m else None


def _book_words(doc, text: str) -> tuple[set, set, dict]:
    """The book's distinct tokens, or more (every token is in one of the two sets), without
    splitting the text: the words the document model counts (case kept), and the tokens of
    those that are not plain ASCII words (``Oekraïne`` holds ``Oekra`` and ``ne``) or that
    differ where the two definitions part: an apostrophe not followed by a letter (``students'``),
    and the edges of the blanked URLs. Also how often a plain word can be a token."""
    from qa import document

    if document.WORD.pattern != WORD_PATTERN or document.WORD_JOINERS != "-'’":
        return set(), _exact_words(text), {}  # the model counts other words: split the text
    original, counts = doc.text, doc.word_counts
    n = len(text)

    def around(s: int) -> tuple[int, int]:
        """From the white space before ``s`` to the white space after it: whole tokens."""
        a = max(text.rfind(" ", 0, s), text.rfind("\n", 0, s)) + 1
        b = [x for x in (text.find(" ", s), text.find("\n", s)) if x >= 0]
        return a, min(b, default=n)

    # a word that the book has only in URLs (slugs: they are blanked) is no token: the words
    # that overlap the URLs (from the start of the word at a URL's start to the end of the word
    # at its end; overlapping URLs merged), against the book's counts. What is left of such a
    # word beside a URL is taken at the URL's edges below.
    pattern, edges, windows = doc.word_pattern, [], []
    for u in sorted(doc.urls, key=lambda u: u.start):
        a, b = _word_edge(original, u.start, -1), _word_edge(original, u.end - 1, 1)
        if windows and a < windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], b)
        else:
            windows.append([a, b])
        # a word cut by the URL's start or end leaves a part beside it
        if u.start and (_letter(original[u.start - 1]) or original[u.start - 1] in "-'’"):
            edges.append(u.start - 1)
        if u.end < n and (_letter(original[u.end]) or original[u.end] in "-'’"):
            edges.append(u.end)
    in_urls = Counter(pattern.findall("\n".join([original[a:b] for a, b in windows])))
    words = set(counts).difference([w for w, k in in_urls.items() if k >= counts[w]])
    # how often a plain word can be a token: where the book has it outside URLs (a token
    # inside a longer word, or at an edge below, is in ``extra``)
    bounds = _Bounds(counts, in_urls)
    odd = set(filterfalse(str.isalpha, words))
    odd.update(filterfalse(str.isascii, words))
    extra = set(TOKEN.findall("\n".join(odd)))
    for quote in "'’":
        s = text.find(quote)
        while s >= 0:
            if text[s + 1:s + 2] not in _LETTERS:
                edges.append(s)
            s = text.find(quote, s + 1)
    for s in edges:
        if 0 <= s < n:
            extra.update(TOKEN.findall(text, *around(s)))
    return words, extra, bounds


class _Bounds:
    def __init__(self, counts, in_urls):
        self._counts, self._in_urls = counts, in_urls

    def get(self, w: str, default: int) -> int:
        n = self._counts.get(w)
        return default if n is None else n - self._in_urls.get(w, 0)


def _word_edge(text: str, s: int, step: int) -> int:
    """The start (``step`` -1) or the end (``step`` 1) of the ``WORD`` that holds offset ``s``, or
    ``s`` (``s + 1`` for the end) when no word does."""
    i = s
    if not _letter(text[s]):
        return s if step < 0 else s + 1
    n = len(text)
    while True:
        j = i + step
        if 0 <= j < n and _letter(text[j]):
            i = j
        elif 0 <= j + step < n and text[j] in "-'’" and _letter(text[j + step]):
            i = j + step
        else:
            return i if step < 0 else i + 1


def _letter(c: str) -> bool:
    """A letter as ``WORD`` has it (``[^\\W\\d_]``: a word character, not a digit or _)."""
    return c.isalnum() and not c.isdecimal()


def _exact_words(text: str) -> set[str]:
    """The distinct tokens, exactly: white space ends every token, so the distinct white-space
    separated pieces (taken in slices, for memory) hold the same tokens."""
    pieces: set[str] = set()
    a, n = 0, len(text)
    while a < n:
        b = text.find(" ", a + (1 << 16))
        b = n if b < 0 else b
        pieces.update(text[a:b].split())
        a = b
    return set(TOKEN.findall("\n".join(pieces)))


def _ending(words, suffixes) -> list[str]:
    """The words that end in one of ``suffixes``, by str.find in one joined string."""
    blob = "\n" + "\n".join(words) + "\n"
    out = []
    for suffix in suffixes:
        key = suffix + "\n"
        s = blob.find(key)
        while s >= 0:
            out.append(blob[blob.rfind("\n", 0, s) + 1:s + len(suffix)])
            s = blob.find(key, s + 1)
    return out


def _country_parts(text, compounds, v: Vocab, in_notes) -> list[EnglishSpan]:
    """English country names inside a Dutch hyphen compound (``Poland`` in
    ``Poland-Belarus-Oekraïne``): a compound with a part that is neither English nor an
    English country name (a Dutch part, or a word cut by a non-ASCII letter: ``Oekra-ïne``).
    ``compounds`` are the hyphen tokens with a country name, in text order."""
    out = []
    for start, end, w in compounds:
        cut = text[end:end + 1].isalpha()  # the token stops at a letter that TOKEN lacks
        ps = w.split("-")
        if not (cut or any(p not in v.countries and not v.english(p) for p in ps)):
            continue
        pos = start
        for p in ps:
            if p in v.countries:
                quoted = text[pos - 1:pos] in QUOTES
                out.append(EnglishSpan(pos, pos + len(p), p, [p], "word", False, quoted, in_notes(pos), False))
            pos += len(p) + 1
    return out


def _clause(ctx, text: str, s: EnglishSpan) -> EnglishSpan | None:
    """An English clause runs on to the next punctuation mark: widen the span to it and keep it
    if langdetect says English (eight words or more), or if it has three English words or more."""
    stop = CLAUSE_END.search(text, s.end, s.end + 300)
    end = stop.start() if stop else s.end
    span_text = " ".join(text[s.start:end].split())
    if len(span_text.split()) >= 8:
        if not _confirm_english(ctx, span_text):
            return None
    elif len([w for w in s.words if w not in ("of", "and", "for", "the")]) < 3:
        return None
    return EnglishSpan(s.start, end, span_text, s.words, "clause", True, s.quoted, s.in_note, False)


class _Lowered:
    """Whether the book has a word, lower-cased (to see whether it writes a compound solid),
    asked only for a head-final run (rare): the lower-cased words of ``_book_words`` (every token
    and more) rule most out; a word there is confirmed by a case-insensitive search for it as a
    whole token."""

    def __init__(self, text, words, extra):
        self._text, self._words, self._set, self._found = text, (words, extra), None, {}

    def __contains__(self, w) -> bool:
        if self._set is None:
            self._set = set("\n".join(chain(*self._words)).lower().split("\n"))
        if w not in self._set:
            return False
        if w not in self._found:
            text = self._text
            self._found[w] = any(_whole(text, m.start(), m.end())
                                 for m in re.finditer(re.escape(w), text, re.I | re.A))
        return self._found[w]


def _head_final(words: list[str], kinds: list[str], run, text: str, v: Vocab, solid) -> int | None:
    """The index of a generic head after two or more separately written capitalised nouns
    (``Minsk Tractor Plant``, ``Zhodino State College``): English word order even when every
    word is a Dutch homograph, since Dutch writes such a compound solid (tractorfabriek). Not
    when the book writes two of the words solid (then the separate form is its Dutch usage)."""
    for i in range(2, len(words)):
        if words[i] not in v.generic:
            continue
        j = i - 1
        while j >= 0 and kinds[j] in "NHE" and _name_like(words[j], v) and "-" not in words[j] \
                and not _sentence_start(text, run[j][1]):
            j -= 1
        if i - 1 - j < 2:
            continue
        pairs = zip(words[j + 1:i], words[j + 2:i + 1])
        if not any(f"{x}{link}{y}".lower() in solid for x, y in pairs for link in ("", "s")):
            return i
    return None


def _judge(in_notes, text, run, v: Vocab, solid=frozenset()):
    words = [t[0] for t in run]
    kinds = []
    connectors, english, heads = v.connectors, v.english, v.heads
    for w in words:
        if w in connectors or w == "&":
            kinds.append("K")
        elif english(w):
            kinds.append("E")
        elif w in heads:
            kinds.append("H")
        else:
            kinds.append("N")
    core = [i for i, k in enumerate(kinds) if k in "EH"]
    final = _head_final(words, kinds, run, text, v, solid) \
        if len(words) >= 3 and not v.generic.isdisjoint(words) else None
    if final is not None:
        core = sorted({*core, final})
    if not core:
        return None
    a, b = core[0], core[-1]
    inner = kinds[a:b + 1]
    n_e, n_h, n_k = inner.count("E"), inner.count("H"), inner.count("K")
    # English word order: a name followed by a head noun (Grodno District, Krasnogvardeyskaya Street)
    ordered = [] if v.order_heads.isdisjoint(words[a:b + 1]) else \
        [words[i] for i in range(a, b + 1) if words[i] in v.order_heads and i > 0 and kinds[i - 1] == "N"
         and _name_like(words[i - 1], v) and not _sentence_start(text, run[i - 1][1])]
    order = bool(ordered) or final is not None
    weak_order = order and final is None and all(w in v.weak_order_heads for w in ordered)
    if not n_e and not order:
        return None
    generic = not v.generic.isdisjoint(words[a:b + 1])
    # widen: leading names (Yanka Kupala State University), trailing "of <Name>" (of Belarus)
    while a > 0 and kinds[a - 1] == "N" and _name_like(words[a - 1], v) and not _sentence_start(text, run[a][1]):
        a -= 1
    core_end = run[b][2]
    single = n_e == 1 and not (n_k or n_h or order)
    # a brand and one English word (Kronospan Group, Frieza Industry) is a company name
    company = words[b] in v.company or (single and a < b and kinds[b] == "E" and words[b][0].isupper())
    nxt = TOKEN.search(text, core_end, core_end + 12)
    company = company or bool(nxt and nxt[0] in v.company)
    while True:
        if b + 2 < len(words) and words[b + 1] == "of" and words[b + 2][0].isupper():
            b += 2
        elif b + 1 < len(words) and kinds[b + 1] in "NH" and len(words[b + 1]) > 1 and _name_like(words[b + 1], v) \
                and not _sentence_start(text, run[b + 1][1]):
            b += 1  # the rest of the name: World Economic Forum
        else:
            break
    while kinds[a] == "K":
        a += 1
    start, end = run[a][1], run[b][2]
    evidence = [w for w, k in zip(words[a:b + 1], kinds[a:b + 1]) if k in "EK"] or [words[i] for i in range(a, b + 1) if kinds[i] == "H"]
    if n_k and words[a][0].islower() and \
            sum(1 for w, k in zip(words[a:b + 1], kinds[a:b + 1]) if w[0].islower() and k == "E") >= 2:
        kind = "clause"
    elif single:
        kind = "word"
    else:
        kind = "name"
    if kind == "word" and a == b and "-" in words[a]:
        start, end = _english_part(run[a], v)
    strong = (order and not weak_order) or (generic and n_e + n_h >= 2) or n_e >= 3 or (n_e >= 2 and n_k > 0)
    quoted = (start > 0 and text[start - 1] in QUOTES) or text[end:end + 1] in QUOTES
    return EnglishSpan(start, end, " ".join(text[start:end].split()), evidence, kind, strong, quoted,
                       in_notes(start), company)


def _english_part(tok: tuple[str, int, int], v: Vocab) -> tuple[int, int]:
    """The English parts of a hyphenated word (``facing`` of ``facing-materialen``)."""
    word, pos, end = tok
    start, keep = pos, []
    for part in word.split("-"):
        if v.english(part):
            keep.append((pos, pos + len(part)))
        pos += len(part) + 1
    return (keep[0][0], keep[-1][1]) if keep else (start, end)


def _accepted(span: EnglishSpan, text: str, v: Vocab) -> bool:
    """An English name that Dutch keeps (One Belt, One Road), a bracketed label left to the
    bibliographic-label rule, or a lone shared word (Winning, a Dutch word too)."""
    if text[span.start - 1:span.start] == "[":
        return True
    if span.kind == "word" and not v.english(span.words[0].lower()):
        return True
    if span.kind == "word" and span.words[0].isupper() and len(span.words[0]) > 1:
        return True  # an all-capitals word is an acronym or a shouted heading
    if span.kind == "word" and span.words[0].split("-")[0].lower() in v.prefixes:
        return True  # a Dutch compound with an English loan (co-working-ruimtes)
    if len(span.words) > 3:
        return False
    around = " ".join(text[max(0, span.start - 30):span.end + 12].split())
    # a phrase's regex can only match where its words are (a cheap test first)
    return any(a.search(around) and a.search(around).start() <= around.find(span.text.split()[0]) + len(span.text)
               for a, phrase in zip(v.accepted, v.accepted_phrases) if phrase in around)


def _name_like(w: str, v: Vocab) -> bool:
    """A capitalised word that may belong to an English name (not a Dutch adjective or stop word)."""
    lw = w.lower()
    return w[0].isupper() and lw not in v.dutch_stop and not lw.endswith(("ische", "sche", "se", "ese"))


def _sentence_start(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` begins a sentence (nothing or . ! ? : before it)."""
    stripped = text[max(0, offset - 80):offset].rstrip()
    return not stripped or stripped[-1] in ".!?:;"


def _confirm_english(ctx, span_text: str) -> bool:
    """langdetect on a lower-case run of eight words or more (small seeded profile set)."""
    factory = ctx.cached("english.langdetect", _factory)
    det = factory.create()
    det.append(" ".join(span_text.split()))
    try:
        return det.detect() == "en"
    except Exception:  # LangDetectException: no features
        return False


def _factory():
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    for lang in ("en", "nl", "af", "de", "fr", "sl", "hr", "sk", "cs", "pl"):
        with open(os.path.join(PROFILES_DIRECTORY, lang), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory.load_json_profile(profiles)
    factory.set_seed(0)
    return factory
