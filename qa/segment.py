"""Segmentation: find the structure of a PDF-extracted book in its plain text.

Everything here works on lines of the text as read and returns absolute character offsets, so
that every unit maps back to ``line:column``. The books are PDF extractions with hard line breaks,
where a blank line is not a paragraph break, footnotes sit at the bottom of each page after a
whitespace-only separator line, and body text resumes after them mid-sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import accumulate
from typing import NamedTuple

FOOTNOTE_START = re.compile(r"(\d{1,3})[ \t]+(?=\S)")
PAGE_NUMBER = re.compile(r"[ \t]*(\d{1,4})[ \t]*")
TOC_HEADING = re.compile(r"\s*(inhoudsopgave|inhoud|inhoudstafel|table of contents|contents)\s*", re.I)
TOC_ENTRY_END = re.compile(r"(?:\.{3,}|…{2,})\s*(\d{1,4})(\S*)\s*$")
# ``(?:https?://|www\.)`` ignoring case; a plain first character lets re scan for it quickly
# (re.I folds 's' with 'ſ' too)
URL_START = re.compile(r"[hHwW](?:(?<=[hH])[tT][tT][pP][sSſ]?://|(?<=[wW])[wW][wW]\.)")
SCHEME = re.compile(r"^https?://", re.I)
SLUG_SPLIT = re.compile(r"[-_/.?=&%+]+")
URL_CHARS = re.compile(r"[^\s<>\"'«»\[\]]+")
# PAGE_NUMBER.fullmatch on every line but the first; the newline first lets re scan quickly
PAGE_NUMBER_LINE = re.compile(r"\n[ \t]*(\d{1,4})[ \t]*(?=\n|\Z)")
TOC_HEADING_LINE = re.compile(r"^[^\S\n]*(?:inhoudsopgave|inhoud|inhoudstafel|table of contents|contents)[^\S\n]*$",
                              re.I | re.M)  # TOC_HEADING.fullmatch on every line
NON_WORD = re.compile(r"[^\w]+")
MAX_HEADING_LINES = 3
MAX_HEADING_WORDS = 24


@dataclass(slots=True)
class Line:
    index: int  # 0-based
    start: int
    text: str  # without the newline

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Url(NamedTuple):
    """A URL as printed, possibly wrapped over several lines; ``text`` has the breaks removed."""

    start: int
    end: int
    text: str

    @property
    def host(self) -> str:
        rest = SCHEME.sub("", self.text)
        return rest.split("/", 1)[0].lower()

    @property
    def path(self) -> str:
        rest = SCHEME.sub("", self.text)
        return "/" + rest.split("/", 1)[1] if "/" in rest else ""

    @property
    def slug_words(self) -> list[str]:
        """Lower-case words of the path, split on ``-``, ``_``, ``/`` and ``.``; numbers kept."""
        return [w for w in SLUG_SPLIT.split(self.path.lower()) if w]


@dataclass
class Footnote:
    number: int
    start: int
    end: int
    text: str
    body_start: int  # offset just after the number
    urls: list[Url] = field(default_factory=list)
    extra: list[tuple[int, int]] = field(default_factory=list)  # continued on the next page

    @property
    def url(self) -> Url | None:
        return self.urls[0] if self.urls else None


@dataclass
class Chapter:
    index: int
    title: str
    start: int
    end: int
    heading_end: int
    line: int  # 1-based line of the heading


class TocEntry(NamedTuple):
    title: str
    page: str
    junk: str  # characters glued to the page number, such as U+FFFD
    start: int
    end: int
    junk_start: int


class PageMark(NamedTuple):
    number: int
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, part in enumerate(text.split("\n")):
        lines.append(Line(i, pos, part[:-1] if part.endswith("\r") else part))  # CRLF books
        pos += len(part) + 1
    return lines


class Lines:
    """The lines of a text as parallel lists, without an object per line (a 3 MB book has 90,000
    lines): ``text[i]`` (without the newline), ``start[i]`` (offset), ``blank[i]`` (white space
    only, or empty). Segmentation reads these; :func:`split_lines` gives :class:`Line` objects."""

    __slots__ = ("source", "text", "start", "blank", "_blank_idx")

    def __init__(self, source: str):
        self.source = source
        parts = source.split("\n")
        self.start = list(accumulate((len(t) + 1 for t in parts[:-1]), initial=0))
        # a CRLF book: the carriage return is part of the line break, not of the line's text
        self.text = [t[:-1] if t.endswith("\r") else t for t in parts] if "\r" in source else parts
        self.blank = [not t or t.isspace() for t in self.text]  # == not t.strip()
        self._blank_idx = None

    def __len__(self) -> int:
        return len(self.text)

    def end(self, i: int) -> int:
        return self.start[i] + len(self.text[i])

    def blank_indices(self) -> list[int]:
        if self._blank_idx is None:
            self._blank_idx = [i for i, b in enumerate(self.blank) if b]
        return self._blank_idx

    def index_at(self, offset: int) -> int:
        return bisect.bisect_right(self.start, offset) - 1


def find_footnote_blocks(lines: Lines) -> tuple[list[tuple[int, int]], list[Footnote]]:
    """Footnote blocks (line ranges, end exclusive) and the footnotes inside them.

    A block starts after a whitespace-only line when the next line starts with the next footnote
    number (or 1, for books that restart numbering). It runs while lines continue the notes: a new
    note number in sequence, or a line that does not start with white space. Body text resumes
    with an indented line, a page number or a blank line.
    """
    T, S, B = lines.text, lines.start, lines.blank
    n = len(T)
    # where a block can start: after a blank line, at a line that starts with a digit, or anywhere
    # after a whitespace-only line (a note continued from the previous page may come first)
    starts = [b + 1 for b in lines.blank_indices() if b + 1 < n and (T[b] or T[b + 1][:1].isdecimal())]
    blocks: list[tuple[int, int]] = []
    notes: list[Footnote] = []
    expected = 1
    i, c = 1, 0
    while i < n:
        if i != starts[c] if c < len(starts) else True:  # jump to the next place a block can start
            c = bisect.bisect_left(starts, i, c)
            if c == len(starts):
                break
            i = starts[c]
        lead = _continuation_lines(lines, i, expected) if T[i - 1] else 0
        m = FOOTNOTE_START.match(T[i + lead]) if i + lead < n else None
        if not (m and _plausible(int(m[1]), expected)):
            i += 1
            continue
        first = i
        if lead and notes:  # the previous page's last note runs on at the top of this block
            notes[-1].extra.append((S[i], lines.end(i + lead - 1)))
        i += lead
        current: list[tuple[int, int]] = []  # (number, first line)
        while i < n:
            line = T[i]
            m = FOOTNOTE_START.match(line)
            if m and (not current or int(m[1]) == current[-1][0] + 1):
                current.append((int(m[1]), i))
            elif B[i] or line[:1].isspace() or not current:
                break
            elif PAGE_NUMBER.fullmatch(line) and i + 1 < n and B[i + 1]:
                break
            i += 1
        blocks.append((first, i))
        for k, (number, at) in enumerate(current):
            stop = current[k + 1][1] if k + 1 < len(current) else i
            start = S[at]
            end = lines.end(stop - 1)
            text = "\n".join(T[at:stop])
            m = FOOTNOTE_START.match(T[at])
            notes.append(Footnote(number, start, end, text, start + m.end()))
        expected = current[-1][0] + 1
    return blocks, notes


def _continuation_lines(lines: Lines, i: int, expected: int) -> int:
    """How many lines at ``i`` continue the previous page's last footnote before note ``expected``."""
    T, B = lines.text, lines.blank
    for k in range(i, min(i + 4, len(T))):
        m = FOOTNOTE_START.match(T[k])
        if m and int(m[1]) == expected:
            return k - i
        if B[k] or T[k][:1].isspace():
            return 0
    return 0


def _plausible(number: int, expected: int) -> bool:
    return number == 1 or expected <= number <= expected + 3


def find_urls(text: str, start: int = 0, end: int | None = None) -> list[Url]:
    """URLs in ``text[start:end]``, joined across hard line breaks.

    PDF extraction wraps long URLs: a line ends inside the URL (no trailing space) and the next
    line continues it without indentation. A trailing full stop or comma is not part of a URL.
    """
    end = len(text) if end is None else end
    urls, pos = [], start
    while True:
        m = URL_START.search(text, pos, end)
        if not m:
            return urls
        u0 = m.start()
        parts, p = [], u0
        while True:
            mm = URL_CHARS.match(text, p, end)
            if not mm:
                break
            parts.append(mm.group())
            p = mm.end()
            # wrapped: the chunk runs to the end of the line and the next line goes on at once
            brk = 2 if text.startswith("\r\n", p) else 1  # LF, or CRLF
            if p < end and text[p + brk - 1] == "\n" and p + brk < end and _continues_url(text, p + brk, end, parts[-1]):
                p += brk
                continue
            break
        joined = "".join(parts)
        stripped = joined.rstrip(".,;:)")
        u1 = p - (len(joined) - len(stripped))
        if len(stripped) > len(m.group()):
            urls.append(Url(u0, u1, stripped))
        pos = max(p, u0 + 1)


def _continues_url(text: str, p: int, end: int, chunk: str) -> bool:
    mm = URL_CHARS.match(text, p, end)
    if not mm:
        return False
    nxt = mm.group()
    if URL_START.match(nxt) or re.match(r"\d{1,3}$", nxt):
        return False
    # a URL broken after - / _ . = or in the middle of a lower-case slug
    return chunk[-1:] in "-/_.=?&" or (nxt[:1].islower() or nxt[:1].isdigit()) and "/" in nxt or nxt[:1].islower()


def find_page_marks(lines: Lines, skip: set[int]) -> list[PageMark]:
    """Lines that hold only a number between blank lines: a page number the extraction kept."""
    marks = []
    B, n = lines.blank, len(lines.text)
    first = PAGE_NUMBER.fullmatch(lines.text[0])
    found = [(0, first.start(1), first.end(1), first[1])] if first else []
    found += ((m.start() + 1, m.start(1), m.end(1), m[1]) for m in PAGE_NUMBER_LINE.finditer(lines.source))
    for line_start, a, b, digits in found:
        i = lines.index_at(line_start)
        if i in skip:
            continue
        before = i == 0 or B[i - 1]
        after = i + 1 >= n or B[i + 1]
        if before and after:
            marks.append(PageMark(int(digits), a, b))
    return marks


def find_toc(lines: Lines) -> tuple[tuple[int, int] | None, list[TocEntry]]:
    """The table of contents, if the book has one in its first fifth: line range and entries."""
    T, S, B = lines.text, lines.start, lines.blank
    limit = min(max(60, len(T) // 5), len(T))
    m = TOC_HEADING_LINE.search(lines.source, 0, lines.end(limit - 1)) if limit else None
    if not m:
        return None, []
    i = lines.index_at(m.start())
    entries: list[TocEntry] = []
    pending: list[int] = []
    last = i
    for j in range(i + 1, min(i + 1 + 400, len(T))):
        if B[j]:
            continue
        line = T[j]
        m = TOC_ENTRY_END.search(line)
        if m:
            title_lines = [*pending, j]
            title = " ".join(T[x].strip() for x in title_lines)
            title = re.sub(r"\s*(?:\.{3,}|…{2,})\s*\d+\S*\s*$", "", title).strip()
            first = T[title_lines[0]]
            start = S[title_lines[0]] + (len(first) - len(first.lstrip()))
            junk_start = S[j] + m.start(2)
            entries.append(TocEntry(title, m[1], m[2], start, S[j] + m.end(2), junk_start))
            pending = []
            last = j
        elif len(pending) < 2 and not PAGE_NUMBER.fullmatch(line):
            pending.append(j)
        else:
            if entries:
                break
            pending = []
    if not entries:
        return None, []
    return (i, last + 1), entries


def _norm(s: str) -> str:
    return NON_WORD.sub(" ", s.lower()).strip()


def find_chapters(text: str, lines: Lines, note_lines: set[int], page_lines: set[int],
                  toc: tuple[int, int] | None, entries: list[TocEntry]) -> list[Chapter]:
    if entries:
        heads = _headings_from_toc(lines, note_lines, toc[1], entries)
        if len(heads) >= max(1, len(entries) // 2):
            return _chapters(text, lines, heads)
    return _chapters(text, lines, _headings_by_layout(lines, note_lines, page_lines))


def _headings_from_toc(lines, note_lines, after, entries):
    T, B = lines.text, lines.blank
    n = len(T)
    norms: dict[int, str] = {}  # each line normalised once

    def norm(k):
        v = norms.get(k)
        if v is None:
            v = norms[k] = _norm(T[k])
        return v

    candidates = [j for j in range(after, n) if not B[j] and j not in note_lines]
    heads = []
    for entry in entries:
        want = _norm(entry.title)
        initial = want[:1]
        for ci in range(bisect.bisect_left(candidates, heads[-1][1] + 1 if heads else after), len(candidates)):
            j = candidates[ci]
            lead = T[j].lstrip()[:1].lower()
            if initial and lead < "\x80" and lead.isalnum() and lead != initial:
                continue  # the normalised line starts with this letter, the title with another
            first = norm(j)
            # the lines read from j start with its own text: it must begin the title or the title it
            if first and not (want.startswith(first) or first.startswith(want)):
                continue
            got, k, group = "", j, []
            while k < n and len(group) < MAX_HEADING_LINES and len(got) < len(want):
                if not B[k]:
                    group.append(k)
                    got = (got + " " + norm(k)).strip()
                k += 1
            if got == want or (len(want) > 20 and got.startswith(want)):
                heads.append((group[0], group[-1]))
                break
    return heads


def _headings_by_layout(lines, note_lines, page_lines):
    """Headings in a book without a table of contents.

    A heading is one to three short lines standing between a boundary (the start of the file, the
    end of a footnote block, a page number, a whitespace-only line) and a whitespace-only line
    that is not a footnote separator. Body paragraphs never stand between two such boundaries.
    """
    T, B = lines.text, lines.blank
    n = len(T)
    heads = []
    for i in lines.blank_indices():
        if not T[i] or i in note_lines:
            continue  # only whitespace-only lines that are not empty
        nxt = i + 1
        if nxt < n and nxt in note_lines:
            continue  # a footnote separator
        group, j = [], i - 1
        boundary = False
        while j >= 0:
            prev = T[j]
            if j in note_lines or j in page_lines or (prev and B[j]):
                boundary = True
                break
            if prev:
                if len(group) == MAX_HEADING_LINES:
                    break
                group.append(j)
            j -= 1
        else:
            boundary = True
        if not boundary or not group:
            continue
        group.reverse()
        words = sum(len(T[g].split()) for g in group)
        first = T[group[0]].strip()
        if words > MAX_HEADING_WORDS or not (first[:1].isupper() or first[:1] in "-–\"'“"):
            continue
        heads.append((group[0], group[-1]))
    return heads


def _chapters(text, lines, heads):
    T, S, B = lines.text, lines.start, lines.blank
    chapters = []
    for k, (a, b) in enumerate(heads):
        title = " ".join(T[x].strip() for x in range(a, b + 1) if not B[x])
        start = S[a] + len(T[a]) - len(T[a].lstrip())
        end = S[heads[k + 1][0]] if k + 1 < len(heads) else len(text)
        chapters.append(Chapter(k + 1, title, start, end, lines.end(b), a + 1))
    return chapters
