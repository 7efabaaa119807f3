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
from array import array
from collections import Counter
from functools import cached_property, lru_cache
from typing import NamedTuple

from qa import segment
from qa.segment import Chapter, Footnote, PageMark, TocEntry, Url

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LETTER = re.compile(r"[^\W\d_]")
WORD_JOINERS = "-'’"
# a footnote reference: digits right after a word, a closing quote or bracket, or a percent sign;
# the look-behind comes after the first digit so that re scans for digits quickly
REF = re.compile(r"(\d(?<=[^\W\d_]\d|[\"”’»)%.,:;]\d)\d{0,2})(?!\d|[.,]\d)")
_CHUNK = 1 << 18  # words are counted in pieces of about this many characters (bounded memory)


@lru_cache(maxsize=16)
def _word_pattern(letters: str) -> re.Pattern:
    """WORD for a text whose letters are ``letters``: the same matches, but an explicit character
    class is a table look-up where ``[^\\W\\d_]`` asks Unicode for every character (3x faster)."""
    if not letters:
        return re.compile(r"(?!)")
    cls = "[" + re.escape(letters) + "]"
    return re.compile(f"{cls}++(?:[{re.escape(WORD_JOINERS)}]{cls}++)*+")


class FootnoteRef(NamedTuple):
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
        lines = segment.Lines(text)  # parallel lists; Line objects only on demand (self.lines)
        self.line_starts = array("q", lines.start)  # 8 bytes a line, not an int object (bisect reads it)
        blocks, self.footnotes = segment.find_footnote_blocks(lines)
        self.note_blocks = [(lines.start[a], lines.end(b - 1)) for a, b in blocks]
        note_lines = {i for a, b in blocks for i in range(a, b)}
        toc_range, self.toc = segment.find_toc(lines)
        toc_lines = set(range(*toc_range)) if toc_range else set()
        self.toc_span = (lines.start[toc_range[0]], lines.end(toc_range[1] - 1)) if toc_range else None
        self.page_marks: list[PageMark] = segment.find_page_marks(lines, note_lines | toc_lines)
        page_lines = {bisect.bisect_right(self.line_starts, p.start) - 1 for p in self.page_marks}
        if headings:
            self.chapters: list[Chapter] = self._chapters_from(headings)
        else:
            self.chapters = segment.find_chapters(text, lines, note_lines, page_lines, toc_range, self.toc)
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

    @cached_property
    def lines(self) -> list[segment.Line]:
        """The lines as objects (index, start, text); built on first use, segmentation does not need them."""
        return segment.split_lines(self.text)

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
    def chars(self) -> frozenset[str]:
        """The distinct characters of the text: rules build exact, fast character classes from them
        (an explicit class is a table look-up; ``[^\\W\\d_]`` asks Unicode for every character)."""
        return frozenset(self.text)

    @cached_property
    def _letters(self) -> str:
        return "".join(sorted(c for c in self.chars if LETTER.match(c)))

    @property
    def word_pattern(self) -> re.Pattern:
        """``WORD`` specialised to this text's letters: the same matches on ``text`` and ``body_text``, faster."""
        return _word_pattern(self._letters)

    @property
    def words(self) -> int:
        """Words of the running text (``WORD`` matches in ``body_text``)."""
        return self._word_stats[1]

    @property
    def word_counts(self) -> Counter:
        """How often each word occurs in the whole book (body and notes), case kept."""
        return self._word_stats[0]

    @property
    def chapter_words(self) -> list[int]:
        """Words of the running text in each chapter (``WORD`` matches in ``body_text[start:end]``)."""
        return self._word_stats[2]

    @cached_property
    def _word_stats(self) -> tuple[Counter, int, list[int]]:
        """word_counts, words and chapter_words from one pass over the text.

        The text is cut at the blanked spans, the chapter bounds and (for memory) line breaks about
        every 256K characters; no word crosses a cut, so each piece is matched once: its words
        count for ``word_counts`` and, outside the blanked spans, for the body and its chapter.
        """
        text, pattern = self.text, self.word_pattern
        n = len(text)
        in_word = set(self._letters) | set(WORD_JOINERS)
        spans = _merged(self._blank_spans, n)
        cuts = {0, n}
        for a, b in spans:
            cuts.update((a, b))
        for c in self.chapters:
            cuts.update((min(c.start, n), min(max(c.start, c.end), n)))
        pos = _CHUNK
        while pos < n:
            nl = text.find("\n", pos)
            if nl < 0:
                break
            cuts.add(nl)
            pos = nl + _CHUNK
        cuts = sorted(cuts)
        if any(0 < p < n and text[p - 1] in in_word and text[p] in in_word for p in cuts):
            return self._word_stats_direct()  # a cut inside a word (not in these books): no pieces
        counts: Counter = Counter()
        body = [0]  # running total of body words at each cut
        k = 0  # index into spans
        for a, b in zip(cuts, cuts[1:]):
            found = pattern.findall(text, a, b)
            counts.update(found)
            while k < len(spans) and spans[k][1] <= a:
                k += 1
            blank = k < len(spans) and spans[k][0] <= a
            body.append(body[-1] + (0 if blank else len(found)))
        where = {p: i for i, p in enumerate(cuts)}
        chapters = [max(0, body[where[min(max(c.start, c.end), n)]] - body[where[min(c.start, n)]])
                    for c in self.chapters]
        return counts, body[-1], chapters

    def _word_stats_direct(self) -> tuple[Counter, int, list[int]]:
        pattern, body = self.word_pattern, self.body_text
        counts = Counter(pattern.findall(self.text))
        return (counts, len(pattern.findall(body)),
                [len(pattern.findall(body, c.start, c.end)) for c in self.chapters])

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
        References are in text order, so they are found by bisection (rules ask per passage).
        """
        own = self.footnote_at(offset)
        if own:
            return [own]
        starts, by_number = self._ref_index
        refs, out = self.refs, []
        for i in range(bisect.bisect_left(starts, offset), len(refs)):
            if refs[i].start - offset > after or len(out) == 2:
                break
            out.append(by_number[refs[i].number])
        return out

    @cached_property
    def _ref_index(self):
        return [r.start for r in self.refs], {n.number: n for n in self.footnotes}


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


def _merged(spans, n: int) -> list[tuple[int, int]]:
    """Sorted spans with overlaps joined, clipped to ``[0, n]``, empty ones dropped."""
    out: list[list[int]] = []
    for a, b in sorted(spans):
        a, b = max(0, a), min(b, n)
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return [(a, b) for a, b in out]


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
