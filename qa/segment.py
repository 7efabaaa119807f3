"""Segmentation: find the structure of a PDF-extracted book in its plain text.

Everything here works on lines of the text as read and returns absolute character offsets, so
that every unit maps back to ``line:column``. The books are PDF extractions with hard line breaks,
where a blank line is not a paragraph break, footnotes sit at the bottom of each page after a
whitespace-only separator line, and body text resumes after them mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FOOTNOTE_START = re.compile(r"(\d{1,3})[ \t]+(?=\S)")
PAGE_NUMBER = re.compile(r"[ \t]*(\d{1,4})[ \t]*")
TOC_HEADING = re.compile(r"\s*(inhoudsopgave|inhoud|inhoudstafel|table of contents|contents)\s*", re.I)
TOC_ENTRY_END = re.compile(r"(?:\.{3,}|…{2,})\s*(\d{1,4})(\S*)\s*$")
URL_START = re.compile(r"(?:https?://|www\.)", re.I)
URL_CHARS = re.compile(r"[^\s<>\"'«»\[\]]+")
MAX_HEADING_LINES = 3
MAX_HEADING_WORDS = 24


@dataclass
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


@dataclass
class Url:
    """A URL as printed, possibly wrapped over several lines; ``text`` has the breaks removed."""

    start: int
    end: int
    text: str

    @property
    def host(self) -> str:
        rest = re.sub(r"^https?://", "", self.text, flags=re.I)
        return rest.split("/", 1)[0].lower()

    @property
    def path(self) -> str:
        rest = re.sub(r"^https?://", "", self.text, flags=re.I)
        return "/" + rest.split("/", 1)[1] if "/" in rest else ""

    @property
    def slug_words(self) -> list[str]:
        """Lower-case words of the path, split on ``-``, ``_``, ``/`` and ``.``; numbers kept."""
        return [w for w in re.split(r"[-_/.?=&%+]+", self.path.lower()) if w]


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


@dataclass
class TocEntry:
    title: str
    page: str
    junk: str  # characters glued to the page number, such as U+FFFD
    start: int
    end: int
    junk_start: int


@dataclass
class PageMark:
    number: int
    start: int
    end: int


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for i, part in enumerate(text.split("\n")):
        lines.append(Line(i, pos, part))
        pos += len(part) + 1
    return lines


def find_footnote_blocks(lines: list[Line]) -> tuple[list[tuple[int, int]], list[Footnote]]:
    """Footnote blocks (line ranges, end exclusive) and the footnotes inside them.

    A block starts after a whitespace-only line when the next line starts with the next footnote
    number (or 1, for books that restart numbering). It runs while lines continue the notes: a new
    note number in sequence, or a line that does not start with white space. Body text resumes
    with an indented line, a page number or a blank line.
    """
    blocks: list[tuple[int, int]] = []
    notes: list[Footnote] = []
    expected = 1
    i, n = 1, len(lines)
    while i < n:
        if not lines[i - 1].blank:
            i += 1
            continue
        lead = _continuation_lines(lines, i, expected) if lines[i - 1].text else 0
        m = FOOTNOTE_START.match(lines[i + lead].text) if i + lead < n else None
        if not (m and _plausible(int(m[1]), expected)):
            i += 1
            continue
        first = i
        if lead and notes:  # the previous page's last note runs on at the top of this block
            notes[-1].extra.append((lines[i].start, lines[i + lead - 1].end))
        i += lead
        current: list[tuple[int, int]] = []  # (number, first line)
        while i < n:
            line = lines[i]
            m = FOOTNOTE_START.match(line.text)
            if m and (not current or int(m[1]) == current[-1][0] + 1):
                current.append((int(m[1]), i))
            elif line.blank or line.text[:1].isspace() or not current:
                break
            elif PAGE_NUMBER.fullmatch(line.text) and i + 1 < n and lines[i + 1].blank:
                break
            i += 1
        blocks.append((first, i))
        for k, (number, at) in enumerate(current):
            stop = current[k + 1][1] if k + 1 < len(current) else i
            start = lines[at].start
            end = lines[stop - 1].end
            text = "\n".join(ln.text for ln in lines[at:stop])
            m = FOOTNOTE_START.match(lines[at].text)
            notes.append(Footnote(number, start, end, text, start + m.end()))
        expected = current[-1][0] + 1
    return blocks, notes


def _continuation_lines(lines: list[Line], i: int, expected: int) -> int:
    """How many lines at ``i`` continue the previous page's last footnote before note ``expected``."""
    for k in range(i, min(i + 4, len(lines))):
        m = FOOTNOTE_START.match(lines[k].text)
        if m and int(m[1]) == expected:
            return k - i
        if lines[k].blank or lines[k].text[:1].isspace():
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
            if p < end and text[p] == "\n" and p + 1 < end and _continues_url(text, p + 1, end, parts[-1]):
                p += 1
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


def find_page_marks(lines: list[Line], skip: set[int]) -> list[PageMark]:
    """Lines that hold only a number between blank lines: a page number the extraction kept."""
    marks = []
    for ln in lines:
        if ln.index in skip or not PAGE_NUMBER.fullmatch(ln.text):
            continue
        before = ln.index == 0 or lines[ln.index - 1].blank
        after = ln.index + 1 >= len(lines) or lines[ln.index + 1].blank
        if before and after:
            m = PAGE_NUMBER.fullmatch(ln.text)
            marks.append(PageMark(int(m[1]), ln.start + m.start(1), ln.start + m.end(1)))
    return marks


def find_toc(lines: list[Line]) -> tuple[tuple[int, int] | None, list[TocEntry]]:
    """The table of contents, if the book has one in its first fifth: line range and entries."""
    limit = max(60, len(lines) // 5)
    for i, ln in enumerate(lines[:limit]):
        if TOC_HEADING.fullmatch(ln.text):
            break
    else:
        return None, []
    entries: list[TocEntry] = []
    pending: list[Line] = []
    last = i
    for ln in lines[i + 1 : i + 1 + 400]:
        if ln.blank:
            continue
        m = TOC_ENTRY_END.search(ln.text)
        if m:
            title_lines = [*pending, ln]
            title = " ".join(x.text.strip() for x in title_lines)
            title = re.sub(r"\s*(?:\.{3,}|…{2,})\s*\d+\S*\s*$", "", title).strip()
            start = title_lines[0].start + (len(title_lines[0].text) - len(title_lines[0].text.lstrip()))
            junk_start = ln.start + m.start(2)
            entries.append(TocEntry(title, m[1], m[2], start, ln.start + m.end(2), junk_start))
            pending = []
            last = ln.index
        elif len(pending) < 2 and not PAGE_NUMBER.fullmatch(ln.text):
            pending.append(ln)
        else:
            if entries:
                break
            pending = []
    if not entries:
        return None, []
    return (i, last + 1), entries


def _norm(s: str) -> str:
    return re.sub(r"[^\w]+", " ", s.lower()).strip()


def find_chapters(text: str, lines: list[Line], note_lines: set[int], page_lines: set[int],
                  toc: tuple[int, int] | None, entries: list[TocEntry]) -> list[Chapter]:
    if entries:
        heads = _headings_from_toc(lines, note_lines, toc[1], entries)
        if len(heads) >= max(1, len(entries) // 2):
            return _chapters(text, lines, heads)
    return _chapters(text, lines, _headings_by_layout(lines, note_lines, page_lines))


def _headings_from_toc(lines, note_lines, after, entries):
    heads, i = [], after
    for entry in entries:
        want = _norm(entry.title)
        for j in range(i, len(lines)):
            if j in note_lines or lines[j].blank:
                continue
            got, k, group = "", j, []
            while k < len(lines) and len(group) < MAX_HEADING_LINES and len(got) < len(want):
                if not lines[k].blank:
                    group.append(k)
                    got = (got + " " + _norm(lines[k].text)).strip()
                k += 1
            if got == want or (len(want) > 20 and got.startswith(want)):
                heads.append((group[0], group[-1]))
                i = group[-1] + 1
                break
    return heads


def _headings_by_layout(lines, note_lines, page_lines):
    """Headings in a book without a table of contents.

    A heading is one to three short lines standing between a boundary (the start of the file, the
    end of a footnote block, a page number, a whitespace-only line) and a whitespace-only line
    that is not a footnote separator. Body paragraphs never stand between two such boundaries.
    """
    heads = []
    for ln in lines:
        if not (ln.text and ln.blank) or ln.index in note_lines:
            continue
        nxt = ln.index + 1
        if nxt < len(lines) and nxt in note_lines:
            continue  # a footnote separator
        group, j = [], ln.index - 1
        boundary = False
        while j >= 0:
            prev = lines[j]
            if j in note_lines or j in page_lines or (prev.text and prev.blank):
                boundary = True
                break
            if prev.text:
                if len(group) == MAX_HEADING_LINES:
                    break
                group.append(j)
            j -= 1
        else:
            boundary = True
        if not boundary or not group:
            continue
        group.reverse()
        words = sum(len(lines[g].text.split()) for g in group)
        first = lines[group[0]].text.strip()
        if words > MAX_HEADING_WORDS or not (first[:1].isupper() or first[:1] in "-–\"'“"):
            continue
        heads.append((group[0], group[-1]))
    return heads


def _chapters(text, lines, heads):
    chapters = []
    for k, (a, b) in enumerate(heads):
        title = " ".join(lines[x].text.strip() for x in range(a, b + 1) if not lines[x].blank)
        start = lines[a].start + len(lines[a].text) - len(lines[a].text.lstrip())
        end = lines[heads[k + 1][0]].start if k + 1 < len(heads) else len(text)
        chapters.append(Chapter(k + 1, title, start, end, lines[b].end, a + 1))
    return chapters
