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
from itertools import accumulate, compress

from qa.rules._variants import masked_text, notes_lookup

TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*|&")
# TOKEN with a capture group for re.split, written to begin with a character class (re then
# skips non-token characters in C); the same tokens
SPLIT = re.compile(r"([&A-Za-z](?:(?<=&)|[A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*))")
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
    """The word lists of the ``english_words`` and ``english`` packs, as sets.

    Given the book's tokens, the long English-only list keeps just the words that a lookup can
    ask for: the tokens and the lower-cased parts of their hyphenated forms (intersecting is
    cheaper than making a set of 20,000 words)."""

    def __init__(self, ctx, tokens=None):
        words = ctx.pack("english_words")
        pack = ctx.pack("english")
        if tokens is None:
            self.only = set(words["words"].split())
        else:
            wanted = set(tokens)
            wanted.update("\n".join(wanted).lower().replace("’", "'").replace("-", "\n").split("\n"))
            self.only = wanted.intersection(words["words"].split())
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


def find(doc, ctx) -> list[EnglishSpan]:
    """Every English span of the book (computed once per run, shared by the rules)."""
    return ctx.cached("english.spans", lambda: _find(doc, ctx))


def _find(doc, ctx) -> list[EnglishSpan]:
    text = masked_text(doc, ctx)  # URLs blanked, so that slugs never look like words
    # the tokens and the text between them, by one C-level split: parts[2k + 1] is token k,
    # parts[2k] the text before it; ends[j] is where parts[j] ends
    parts = SPLIT.split(text)
    tokens = parts[1::2]
    ends = list(accumulate(map(len, parts)))
    distinct = set(tokens)
    v = ctx.cached("english.vocab", lambda: Vocab(ctx, distinct))

    only, connectors, suffixes = v.only, v.connectors, v.suffixes

    def member(w: str) -> bool:
        if w[0].isupper() or w in connectors or w == "&":
            return True
        if "-" not in w:  # fast path for the common lower-case word
            return len(w) > 2 and w in only or w.endswith(suffixes) and v.english(w)
        return v.english(w)

    is_member = {w: member(w) for w in distinct}
    # whether a run with this word can make a span: _judge needs an English word (not a
    # connector) or a word-order head, else it returns None
    hopeful = {w: (w not in connectors and w != "&" and v.english(w)) or w in v.order_heads or w in v.generic
               for w, m in is_member.items() if m}
    solid = _Lowered(distinct)  # the book's words, to see whether it writes a compound solid
    in_notes = notes_lookup(doc, ctx)
    out: list[EnglishSpan] = []

    def judge(ks: list[int]):
        run = [(tokens[k], ends[2 * k], ends[2 * k + 1]) for k in ks]  # (word, start, end)
        span = _judge(in_notes, text, run, v, solid)
        if span and not _accepted(span, text, v):
            out.append(span)

    # only the member tokens: a run breaks at any other token, or at more than white space
    # between two members; a run is judged only when it has a hopeful word
    ks: list[int] = []
    hope, prev = False, -2
    for k in compress(range(len(tokens)), map(is_member.__getitem__, tokens)):
        if ks and not (k == prev + 1 and GAP.fullmatch(parts[2 * k])):
            if hope:
                judge(ks)
            ks, hope = [], False
        ks.append(k)
        hope = hope or hopeful[tokens[k]]
        prev = k
    if hope:
        judge(ks)
    out += _country_parts(text, parts, tokens, ends, distinct, v, in_notes)
    out.sort(key=lambda s: s.start)
    # an established name: the same span many times in the book is the book's accepted form
    counts = Counter(s.text for s in out)
    out = [s for s in out if counts[s.text] < 4]
    out = [c for c in (_clause(ctx, text, s) if s.kind == "clause" else s for s in out) if c]
    clauses = [(c.start, c.end) for c in out if c.kind == "clause"]
    return [s for s in out if s.kind == "clause" or not any(a <= s.start < b for a, b in clauses)]


def _country_parts(text, parts, tokens, ends, distinct, v: Vocab, in_notes) -> list[EnglishSpan]:
    """English country names inside a Dutch hyphen compound (``Poland`` in
    ``Poland-Belarus-Oekraïne``): a compound with a part that is neither English nor an
    English country name (a Dutch part, or a word cut by a non-ASCII letter: ``Oekra-ïne``)."""
    found = {w for w in distinct if "-" in w and not v.countries.isdisjoint(w.split("-"))}
    if not found:
        return []
    out = []
    for k, w in enumerate(tokens):
        if w not in found:
            continue
        start, end = ends[2 * k], ends[2 * k + 1]
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
    """The lower-cased set of the book's words, made on the first lookup (a head-final run is
    rare), in one C call."""

    def __init__(self, words):
        self._words, self._set = words, None

    def __contains__(self, w) -> bool:
        if self._set is None:
            self._set = set("\n".join(self._words).lower().split("\n"))
        return w in self._set


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
    for w in words:
        if w in v.connectors or w == "&":
            kinds.append("K")
        elif v.english(w):
            kinds.append("E")
        elif w in v.heads:
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
    ordered = [words[i] for i in range(a, b + 1) if words[i] in v.order_heads and i > 0 and kinds[i - 1] == "N"
               and _name_like(words[i - 1], v) and not _sentence_start(text, run[i - 1][1])]
    order = bool(ordered) or final is not None
    weak_order = order and final is None and all(w in v.weak_order_heads for w in ordered)
    if not n_e and not order:
        return None
    generic = any(w in v.generic for w in words[a:b + 1])
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
    lower = sum(1 for w, k in zip(words[a:b + 1], kinds[a:b + 1]) if w[0].islower() and k == "E")
    if lower >= 2 and n_k and words[a][0].islower():
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
