"""The URL-slug cross-check: what a footnote's Dutch title lost against its URL slug.

Most footnotes cite a news article as ``N Dutch title [Elektronische hulpbron]. - – 2020. - URL:
https://…/butb-provedet-pervye-…-420090-2020/``: the slug is the article's Russian title,
transliterated. The slug therefore keeps what machine translation destroyed in the Dutch title:
acronyms (``butb`` beside ``MAAR zal …``), names (``solovej`` beside ``Nightingale:``), numbers
and years (``-2020`` beside ``20230``), currencies (``br144-mln`` beside ``144 miljoen euro``).

This module only reads; rules (``translated-acronym.slug``, ``number.slug-mismatch`` …) decide.
Everything is computed from the footnote itself or, for the acronym lexicon, from the whole book:
no table of Russian words is needed.
"""

from __future__ import annotations

import re
import weakref
from collections import Counter, defaultdict
from functools import lru_cache
from typing import NamedTuple

from qa.translit import similar_names, skeleton  # noqa: F401  (part of this module's API)

# a bibliographic label in square brackets ([Elektronische hulpbron], [Electron resource], ...)
LABEL = re.compile(r"\[[^\]]{3,40}\]")
# end of a title without a label: " - – 2020", " // ", " - URL"
TITLE_END = re.compile(r"\s(?:-\s+–|//|-\s+URL\b|–\s+\d{4})")
# "Pivovar, E. " / "M. Matievskiy, M. " at the start of a title: the author, not the title
AUTHOR_LEAD = re.compile(r"(?:[A-Z]\.\s*)?[A-Z][\w'’-]+,\s+(?:[A-Z]\.\s*){1,3}\s*")
# " / E. Pivovar" at the end of a title
AUTHOR_TAIL = re.compile(r"\s+/\s+(?:[A-Z]\.\s*)+[A-Z][\w'’-]+\s*(?://\s*)?$")
CITATION_YEAR = re.compile(r"\]\.?\s*-\s+–\s+(\d{3,6})\b")
# capitals only; a digit may follow (a footnote reference glued to the acronym: "BUTB12")
ACRONYM = re.compile(r"(?<![\w-])([A-Z]{2,8})(?![^\W\d_])")
HEX = re.compile(r"(?=[a-f0-9]*\d)(?=[a-f0-9]*[a-f])[a-f0-9]{8,}$")
EXTENSION = re.compile(r"\.(?:html?|aspx?|php|pdf|shtml)$", re.I)
YEAR = re.compile(r"(?:19|20)\d\d$")
SEPARATORS = re.compile(r"[-_]+")
LATIN = re.compile(r"[a-z]")
TITLE_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


class Slug(NamedTuple):
    """The title part of a URL path, split into words.

    ``words`` are the content words in order, numbers inside the title kept (``br144``, ``25``);
    the article id, the publication year at the end, dates and hex ids are left out.
    """

    text: str
    start: int  # offset of the title segment in the document, -1 when unknown
    words: tuple[str, ...]
    year: str | None = None
    article_id: str | None = None

    @property
    def numbers(self) -> list[tuple[str, str]]:
        """Numbers in the slug title with the letters glued before them: ``br144`` -> ('br', '144')."""
        out = []
        for w in self.words:
            m = re.fullmatch(r"([a-z]*)(\d+)([a-z]*)", w)
            if m:
                out.append((m[1], m[2]))
        return out


class Title:
    """A footnote's Dutch title: the text before its label, with the author parts removed.

    ``words`` are (word, start, end) with offsets into the book, found on first use: most rules
    ask only for the text, and a catalogue parses thousands of titles."""

    __slots__ = ("start", "end", "text", "_source", "_words")

    def __init__(self, start: int, end: int, text: str, source: str):
        self.start, self.end = start, end
        self.text = text  # newlines and double spaces collapsed
        self._source = source  # the book's text
        self._words: list[tuple[str, int, int]] | None = None

    @property
    def words(self) -> list[tuple[str, int, int]]:
        if self._words is None:
            self._words = [(w.group(), w.start(), w.end())
                           for w in TITLE_WORD.finditer(self._source, self.start, self.end)]
        return self._words

    def __repr__(self) -> str:
        return f"Title({self.start}, {self.end}, {self.text!r})"


@lru_cache(maxsize=4096)
def split_slug(path: str, base: int = -1) -> Slug | None:
    """The title slug of a URL path (the segment with the most words), or None without one.

    ``base`` is the document offset of ``path``'s first character, if known.
    """
    best, best_at, best_n = None, -1, 0
    pos = 0
    for seg in path.split("/"):
        at = pos
        pos += len(seg) + 1
        clean = EXTENSION.sub("", seg.split("?", 1)[0])
        parts = [p for p in SEPARATORS.split(clean.lower()) if p]
        n = sum(1 for p in parts if LATIN.search(p) and not HEX.match(p))
        if n >= 3 and n > best_n:
            best, best_at, best_n = clean, at, n
    if best is None:
        return None
    parts = [p for p in SEPARATORS.split(best.lower()) if p]
    year = article_id = None
    if parts and YEAR.fullmatch(parts[-1]) and len(parts) > 1 and parts[-2].isdigit() and len(parts[-2]) >= 3:
        year, article_id = parts[-1], parts[-2]
        parts = parts[:-2]
    elif parts and parts[-1].isdigit() and len(parts[-1]) >= 3:
        article_id = parts[-1]
        parts = parts[:-1]
    words = tuple(p for p in parts if not HEX.match(p))
    start = base + best_at if base >= 0 else -1
    return Slug(best, start, words, year, article_id)


_URL_SLUGS: dict[tuple[str, int, int], Slug | None] = {}


def url_slug(url) -> Slug | None:
    """The title slug of a :class:`qa.segment.Url` (``start`` is -1 when the URL wraps).

    Memoised by the URL's text and place: the slug rules ask for every footnote's slug many times.
    """
    key = (url.text, url.start, url.end)
    if key not in _URL_SLUGS:
        if len(_URL_SLUGS) > 16384:
            _URL_SLUGS.clear()
        path = url.path
        unwrapped = url.end - url.start == len(url.text)
        _URL_SLUGS[key] = split_slug(path, url.end - len(path) if unwrapped else -1)
    return _URL_SLUGS[key]


def footnote_slug(note) -> Slug | None:
    """The slug of a footnote's URL with the richest title (None when no URL has one)."""
    best = None
    for u in getattr(note, "urls", []):
        s = url_slug(u)
        if s and (best is None or len(s.words) > len(best.words)):
            best = s
    return best


_TITLES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def title(doc, note) -> Title | None:
    """The Dutch title of a footnote: after the number, before the label or the dash run.

    ``Pivovar, E. Title / E. Pivovar //`` gives ``Title``. None when nothing title-like is left.
    Memoised per document (rules ask for the same titles many times).
    """
    memo = _TITLES.setdefault(doc, {})
    key = (note.start, note.end)
    if key not in memo:
        memo[key] = parse_title(doc, note)
    return memo[key]


def parse_title(doc, note) -> Title | None:
    """:func:`title` without the memo, for a rule that needs a few titles once."""
    text = doc.text
    a = note.body_start
    end = note.end
    m = LABEL.search(text, a, end)
    b = m.start() if m else end
    m2 = TITLE_END.search(text, a, b)
    if m2:
        b = m2.start()
    # a stray full stop or spaces before the title (". MAAR verwacht ...")
    while a < b and (text[a].isspace() or text[a] in ".,;:"):
        a += 1
    lead = AUTHOR_LEAD.match(text, a, b)
    if lead:
        a = lead.end()
    tail = AUTHOR_TAIL.search(text[a:b])
    if tail:
        b = a + tail.start()
    while b > a and (text[b - 1].isspace() or text[b - 1] in "./"):
        b -= 1
    if b - a < 3:
        return None
    return Title(a, b, " ".join(text[a:b].split()), text)


def citation_year(doc, note) -> tuple[str, int, int] | None:
    """The year printed after the label (``[…]. - – 2020``): (digits, start, end)."""
    m = CITATION_YEAR.search(doc.text, note.body_start, note.end)
    return (m[1], m.start(1), m.end(1)) if m else None


def slug_mentions(note, word: str) -> bool:
    """Whether a footnote's URL slug has ``word`` as one of its words (case-insensitive).

    ``slug_mentions(note, "eaes")`` is True for ``…/strategija-eaes-do-2025-goda-…``.
    """
    word = word.lower()
    s = footnote_slug(note)
    return bool(s) and word in s.words


CAPS_RUN = re.compile(r"[A-Z][A-Z]+")  # not [A-Z]{2,}: a leading class lets re skip to capitals
_ACRONYMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def book_acronyms(doc) -> tuple[list[tuple[str, int, int]], Counter]:
    """Every acronym of the book (what :data:`ACRONYM` matches) as (token, start, end), and their counts.

    Memoised per document; a plain capitals scan filtered in Python is three times faster than
    the look-around pattern on a whole book.
    """
    if doc not in _ACRONYMS:
        text = doc.text
        found = []
        for m in CAPS_RUN.finditer(text):
            a, b = m.span()
            if b - a > 8 or (a and (text[a - 1].isalnum() or text[a - 1] in "_-")):
                continue
            if b < len(text) and text[b].isalpha():
                continue
            found.append((m.group(), a, b))
        _ACRONYMS[doc] = (found, Counter(t for t, _, _ in found))
    return _ACRONYMS[doc]


def acronym_lexicon(doc, min_pairs: int = 2, min_share: float = 0.6, max_len: int = 4) -> dict[str, str]:
    """Which book acronym each acronym-like slug word stands for: ``{"butb": "BUTB", "sez": "FEZ"}``.

    Learnt from the book: a slug word maps to itself in capitals when the book uses that acronym
    (``mtz`` -> ``MTZ``), and to an acronym of the Dutch titles when the two go together in at
    least ``min_pairs`` footnotes and in ``min_share`` of the footnotes that have either
    (``sez`` with ``FEZ``, ``eaes`` with ``EAEU``). Only slug words of at most ``max_len`` letters
    are learnt that way (Russian acronyms are short; longer words are names and nouns), and words of
    two letters only that way (``ot``, ``na`` are prepositions, whatever capitals the book has).
    """
    caps = book_acronyms(doc)[1]
    pairs: Counter = Counter()
    slug_n: Counter = Counter()
    title_n: Counter = Counter()
    for note in doc.footnotes:
        s = footnote_slug(note)
        t = title(doc, note)
        if not s or not t:
            continue
        ws = {w for w in s.words if w.isalpha()}
        ts = {m[1] for m in ACRONYM.finditer(t.text)}
        slug_n.update(ws)
        title_n.update(ts)
        if ts:  # only short slug words are learnt as acronyms: only their pairs are counted
            pairs.update((w, a) for w in ws if len(w) <= max_len for a in ts)
    lex: dict[str, str] = {}
    for (w, a), n in pairs.items():
        if n >= min_pairs and n >= min_share * slug_n[w] and n >= min_share * title_n[a]:
            if w not in lex or n > pairs[(w, lex[w])]:
                lex[w] = a
    for w in slug_n:
        if w not in lex and len(w) >= 3 and caps.get(w.upper(), 0) >= 1:
            lex[w] = w.upper()
    return lex


def lost_acronyms(doc, note, lexicon: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Acronyms the slug has and the Dutch title lacks: [(slug word, book acronym)]."""
    lexicon = acronym_lexicon(doc) if lexicon is None else lexicon
    s, t = footnote_slug(note), title(doc, note)
    if not s or not t:
        return []
    pairs = [(w, lexicon[w]) for w in dict.fromkeys(s.words) if w in lexicon]
    if not pairs:  # most footnotes: no slug word stands for an acronym
        return []
    have = {m[1] for m in ACRONYM.finditer(t.text)}
    low = {w.lower() for w, _, _ in t.words}
    return [(w, a) for w, a in pairs if a not in have and w not in low and a.lower() not in low]


def speaker(doc, note) -> tuple[tuple[str, int, int], str] | None:
    """The quoted person of a news title and the slug word for them.

    News titles name the speaker first (``Nazarbayev: het is …`` / ``nazarbaev-neobhodimo-…``) or
    last (``… - Malkina`` / ``…-malkina-419802-2020``). Returns ((title word, start, end), slug
    word) or None when the title has neither form.
    """
    s, t = footnote_slug(note), title(doc, note)
    if not s or not t or not t.words or not s.words:
        return None
    first = t.words[0]
    after = doc.text[first[2]:first[2] + 1]
    if after == ":" and first[0][:1].isupper() and s.words[0].isalpha():
        return first, s.words[0]
    m = re.search(r"\s[-–]\s+([A-Z][\w'’-]+)\s*$", t.text)
    if m and len(t.words) > 3 and s.words[-1].isalpha():
        last = t.words[-1]
        if last[0] == m[1]:
            return last, s.words[-1]
    return None


def slug_index(doc) -> dict[int, Slug]:
    """Footnote number -> slug, for every footnote that has one."""
    out = {}
    for note in doc.footnotes:
        s = footnote_slug(note)
        if s:
            out[note.number] = s
    return out


def by_word(doc) -> dict[str, list[int]]:
    """Slug word -> the numbers of the footnotes whose slug has it."""
    out: dict[str, list[int]] = defaultdict(list)
    for number, s in slug_index(doc).items():
        for w in dict.fromkeys(s.words):
            out[w].append(number)
    return out
