"""The book model: text, lines, chapters, pages, footnotes, references, URLs and sentences.

All units carry absolute character offsets into ``Document.text``. Two derived views keep those
offsets too, because they have the same length as the text:

- ``body_text``: the running text only; footnote blocks, the table of contents and page-number
  lines are blanked with spaces and line breaks are spaces, so a sentence that a page break (and
  its footnotes) interrupts is still one contiguous span.
- ``notes_text``: the footnotes only, everything else blanked the same way.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from qa import segment
from qa.segment import Chapter, Footnote, PageMark, TocEntry, Url

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# a footnote reference: digits right after a word, a closing quote or bracket, or a percent sign
REF = re.compile(r"(?<=[^\W\d_]|[\"”’»)%.,:;])(\d{1,3})(?!\d|[.,]\d)")


@dataclass
class FootnoteRef:
    number: int
    start: int
    end: int


class Document:
    """One book: its text and everything segmentation found in it."""

    def __init__(self, text: str, path: str = "<text>", fmt: str = "txt", locator=None,
                 headings: list[tuple[int, int, str]] | None = None):
        """``headings``: chapter headings the source format marks (DOCX heading styles, the EPUB
        table of contents, the PDF outline) as ``(start, end, title)`` offsets into ``text``;
        when given, they replace the chapters found by layout."""
        self.text = text
        self.path = path
        self.format = fmt
        self.locator = locator  # maps an offset to a location in the source format, if any
        self.lines = segment.split_lines(text)
        self.line_starts = [ln.start for ln in self.lines]
        blocks, self.footnotes = segment.find_footnote_blocks(self.lines)
        self.note_blocks = [(self.lines[a].start, self.lines[b - 1].end) for a, b in blocks]
        note_lines = {i for a, b in blocks for i in range(a, b)}
        toc_range, self.toc = segment.find_toc(self.lines)
        toc_lines = set(range(*toc_range)) if toc_range else set()
        self.toc_span = (self.lines[toc_range[0]].start, self.lines[toc_range[1] - 1].end) if toc_range else None
        self.page_marks: list[PageMark] = segment.find_page_marks(self.lines, note_lines | toc_lines)
        page_lines = {bisect.bisect_right(self.line_starts, p.start) - 1 for p in self.page_marks}
        if headings:
            self.chapters: list[Chapter] = self._chapters_from(headings)
        else:
            self.chapters = segment.find_chapters(text, self.lines, note_lines, page_lines, toc_range, self.toc)
        self._chapter_starts = [c.start for c in self.chapters]
        for note in self.footnotes:
            note.urls = segment.find_urls(text, note.start, note.end)
            for a, b in note.extra:
                note.urls += segment.find_urls(text, a, b)
        self._note_starts = [n.start for n in self.footnotes]
        self._blank_spans = [*self.note_blocks, *[(p.start, p.end) for p in self.page_marks]]
        if self.toc_span:
            self._blank_spans.append(self.toc_span)
        self._page_index = _page_index(self.page_marks)

    def _chapters_from(self, headings) -> list[Chapter]:
        heads = sorted(h for h in headings if 0 <= h[0] < len(self.text))
        return [Chapter(k + 1, title, start, heads[k + 1][0] if k + 1 < len(heads) else len(self.text),
                        max(start, min(end, len(self.text))), self.line_col(start)[0])
                for k, (start, end, title) in enumerate(heads)]

    # -- positions -------------------------------------------------------------------------
    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def chapter_at(self, offset: int) -> Chapter | None:
        i = bisect.bisect_right(self._chapter_starts, offset) - 1
        return self.chapters[i] if i >= 0 else None

    def footnote_at(self, offset: int) -> Footnote | None:
        i = bisect.bisect_right(self._note_starts, offset) - 1
        if i >= 0 and self.footnotes[i].start <= offset < self.footnotes[i].end:
            return self.footnotes[i]
        return None

    def in_notes(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.note_blocks)

    def page_at(self, offset: int) -> int | None:
        starts, ends = self._page_index
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or offset >= ends[i]:
            return None
        return self.page_marks[i].number

    def location(self, offset: int) -> dict | None:
        return self.locator(offset) if self.locator else None

    # -- views -------------------------------------------------------------------------------
    @cached_property
    def body_text(self) -> str:
        return _blank(self.text, self._blank_spans)

    @cached_property
    def notes_text(self) -> str:
        keep = self.note_blocks
        out, pos = [], 0
        for a, b in keep:
            out.append(" " * (a - pos))
            out.append(self.text[a:b].replace("\n", " "))
            pos = b
        out.append(" " * (len(self.text) - pos))
        return "".join(out)

    @cached_property
    def urls(self) -> list[Url]:
        """Every URL in the book, footnotes and body, in order."""
        found = [u for n in self.footnotes for u in n.urls]
        body = segment.find_urls(self.body_text)
        return sorted(found + body, key=lambda u: u.start)

    @cached_property
    def refs(self) -> list[FootnoteRef]:
        """Footnote references in the running text that follow the notes' numbering."""
        numbers = {n.number for n in self.footnotes}
        cands = [FootnoteRef(int(m[1]), m.start(1), m.end(1))
                 for m in REF.finditer(self.body_text) if int(m[1]) in numbers]
        return _increasing(cands)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans of the running text (Punkt with the shipped Dutch model)."""
        from qa.sentences import split

        # a chapter heading is a unit of its own: Punkt would glue it to the first sentence
        cuts = sorted({0, len(self.text)} | {c.start for c in self.chapters} | {c.heading_end for c in self.chapters})
        spans = []
        for a, b in zip(cuts, cuts[1:]):
            spans += [(a + x, a + y) for x, y in split(self.body_text[a:b])]
        return spans

    @cached_property
    def words(self) -> int:
        return len(WORD.findall(self.body_text))

    @cached_property
    def word_counts(self) -> Counter:
        """How often each word occurs in the whole book (body and notes), case kept."""
        return Counter(WORD.findall(self.text))

    def sentence_at(self, offset: int) -> tuple[int, int] | None:
        starts = [s for s, _ in self.sentences]
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and self.sentences[i][0] <= offset < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def footnotes_near(self, offset: int, after: int = 600) -> list[Footnote]:
        """The footnotes that a passage at ``offset`` cites: the first references after it.

        A passage in a footnote belongs to that footnote. In the body, the next reference that
        follows within ``after`` characters names the footnote the sentence is documented by.
        """
        own = self.footnote_at(offset)
        if own:
            return [own]
        by_number = {n.number: n for n in self.footnotes}
        out = []
        for r in self.refs:
            if r.start >= offset and r.start - offset <= after:
                out.append(by_number[r.number])
                if len(out) == 2:
                    break
        return out


def _increasing(cands: list[FootnoteRef]) -> list[FootnoteRef]:
    """The longest run of references whose numbers strictly increase (patience sorting)."""
    tails: list[int] = []  # numbers
    tail_idx: list[int] = []
    prev = [-1] * len(cands)
    for i, c in enumerate(cands):
        k = bisect.bisect_left(tails, c.number)
        if k == len(tails):
            tails.append(c.number)
            tail_idx.append(i)
        else:
            tails[k] = c.number
            tail_idx[k] = i
        prev[i] = tail_idx[k - 1] if k else -1
    out, i = [], tail_idx[-1] if tail_idx else -1
    while i >= 0:
        out.append(cands[i])
        i = prev[i]
    return out[::-1]


def _blank(text: str, spans) -> str:
    out, pos = [], 0
    for a, b in sorted(spans):
        if a < pos:
            a = pos
        if a >= b:
            continue
        out.append(text[pos:a])
        out.append(" " * (b - a))
        pos = b
    out.append(text[pos:])
    return "".join(out).replace("\n", " ")


def _page_index(marks: list[PageMark]):
    """Where each page mark applies: until the next mark when the numbers run on, else nowhere past
    a page's length. Books with no marks (or only stray ones) have no pages."""
    starts, ends = [], []
    page_len = 4000
    for i, m in enumerate(marks):
        starts.append(m.start)
        if i + 1 < len(marks) and marks[i + 1].number == m.number + 1:
            ends.append(marks[i + 1].start)
        elif i > 0 and marks[i - 1].number == m.number - 1:
            ends.append(m.start + page_len)
        else:
            ends.append(m.start)  # a lone number is no evidence of page layout
    return starts, ends


__all__ = ["Document", "FootnoteRef", "Chapter", "Footnote", "Url", "TocEntry", "PageMark"]
