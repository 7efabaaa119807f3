"""PDF, DOCX and EPUB books: extracted to text in the same book model as a ``.txt`` book.

Each reader turns a document into blocks of text (a PDF page, a DOCX paragraph, an EPUB block
element), each with its location in the format's own terms, and marks the chapter headings the
format knows (the PDF outline, DOCX ``Heading`` styles, the EPUB table of contents). Blocks are
joined with line breaks; the :class:`Locator` maps a character offset of that text back to the
block's location (``{"page": 3}``, ``{"paragraph": 12}``, ``{"file": "ch01.xhtml"}``), which the
engine puts into each finding's ``location``. Where the format has no structure, chapters are
found in the text as for a plain-text book.

pypdf, python-docx and ebooklib are imported only when such a book is read (``pip install
'mtqa[inputs]'``). Every problem becomes one :class:`~qa.errors.InputError`.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import os
import re

from qa.document import Document
from qa.errors import InputError

KINDS = {".pdf": "PDF", ".docx": "DOCX", ".epub": "EPUB"}
PACKAGES = {".pdf": "pypdf", ".docx": "python-docx", ".epub": "ebooklib"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Locator:
    """Offset -> location of the block holding it (a picklable callable, unlike a closure)."""

    def __init__(self, starts: list[int], locations: list[dict]):
        self.starts = starts
        self.locations = locations

    def __call__(self, offset: int) -> dict | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        return dict(self.locations[i]) if i >= 0 else None


class Builder:
    """Collects blocks of text with their locations and chapter headings, then makes the Document."""

    def __init__(self):
        self.parts: list[str] = []
        self.starts: list[int] = []
        self.locations: list[dict] = []
        self.headings: list[tuple[int, int, str]] = []
        self.size = 0
        self._text: str | None = None

    def add(self, text: str, location: dict, heading: str | None = None) -> int:
        """Append one block (a line break is put between blocks); return its start offset."""
        if self.parts:
            self.parts.append("\n")
            self.size += 1
        start = self.size
        self.parts.append(text)
        self.size += len(text)
        if not self.locations or self.locations[-1] != location:
            self.starts.append(start)
            self.locations.append(location)
        if heading is not None:
            self.heading(start, start + len(text), heading)
        return start

    def text(self) -> str:
        if self._text is None or len(self._text) != self.size:
            self._text = "".join(self.parts)
        return self._text

    def heading(self, start: int, end: int, title: str) -> None:
        self.headings.append((start, end, " ".join(title.split()) or "(untitled)"))

    def document(self, path, fmt: str) -> Document:
        text = self.text()
        if not text.strip():
            raise InputError(path, f"no text to check in this {fmt.upper()} (scanned images only?)")
        return Document(text, os.fspath(path), fmt, Locator(self.starts, self.locations),
                        headings=_dedupe(self.headings) or None)


def _dedupe(headings):
    seen, out = set(), []
    for h in sorted(headings):
        if h[0] not in seen:
            seen.add(h[0])
            out.append(h)
    return out


def sniff(data: bytes) -> str:
    """What the bytes are, by content: 'PDF', 'DOCX', 'EPUB', 'ZIP', 'text' or 'binary'."""
    at = data.find(b"%PDF-", 0, 1024)  # the header may follow some junk, but a PDF ends in %%EOF
    if at == 0 or (at > 0 and b"%%EOF" in data[-1024:]):
        return "PDF"
    if data.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return "ZIP"
        if "word/document.xml" in names:
            return "DOCX"
        if "META-INF/container.xml" in names:
            return "EPUB"
        return "ZIP"
    head = data[:65536]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    return "text"


def load(path, suffix: str) -> Document:
    from qa.load import read_bytes

    kind = KINDS[suffix]
    data = read_bytes(path)
    if not data.strip():
        raise InputError(path, "empty file")
    found = sniff(data)
    if found != kind:
        what = {"text": "plain text", "binary": "binary data", "ZIP": "a ZIP archive"}.get(found, f"{_a(found)} document")
        raise InputError(path, f"is {what}, not {_a(kind)} document (check the file extension)")
    reader = {".pdf": _pdf, ".docx": _docx, ".epub": _epub}[suffix]
    try:
        with _quiet():
            return reader(path, io.BytesIO(data))
    except InputError:
        raise
    except ImportError as exc:
        raise InputError(path, f"reading {kind} needs {PACKAGES[suffix]} ({exc.name} is missing): "
                               "pip install 'mtqa[inputs]'") from None
    except Exception as exc:  # the parsers raise anything on damaged files
        detail = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise InputError(path, f"damaged or unsupported {kind} document: {detail}") from None


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "AEIOU" else f"a {kind}"


@contextlib.contextmanager
def _quiet():
    """The parsers warn and log about sloppy files; the user gets our one line or nothing."""
    import logging
    import warnings

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# -- PDF ------------------------------------------------------------------------------------------
def _pdf(path, stream) -> Document:
    from pypdf import PdfReader

    reader = PdfReader(stream, strict=False)
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:
            ok = 0
        if not ok:
            raise InputError(path, "encrypted PDF: remove the password first")
    b = Builder()
    page_starts = []
    for i, page in enumerate(reader.pages):
        text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
        page_starts.append(b.add(text, {"page": i + 1}))
    for title, page_no in _outline(reader):
        if page_no is None or not 0 <= page_no < len(page_starts):
            continue
        a = page_starts[page_no]
        z = page_starts[page_no + 1] - 1 if page_no + 1 < len(page_starts) else b.size
        span = _find_title(b.text()[a:z], title)
        start, end = (a + span[0], a + span[1]) if span else (a, a)
        b.heading(start, end, title)
    return b.document(path, "pdf")


def _outline(reader) -> list[tuple[str, int | None]]:
    """Top-level outline entries (bookmarks): title and 0-based page."""
    try:
        items = reader.outline
    except Exception:
        return []
    out = []
    for item in items:
        if isinstance(item, list):  # children of the previous entry: sections, not chapters
            continue
        try:
            out.append((str(item.title), reader.get_destination_page_number(item)))
        except Exception:
            continue
    return out


def _find_title(text: str, title: str) -> tuple[int, int] | None:
    """Where a heading's title stands in a page's text, line breaks and spacing aside."""
    words = title.split()
    if not words:
        return None
    m = re.search(r"\s+".join(map(re.escape, words)), text, re.I)
    return (m.start(), m.end()) if m else None


# -- DOCX -----------------------------------------------------------------------------------------
HEADING_STYLE = re.compile(r"(?:heading|kop)\s*(\d)$", re.I)


def _docx(path, stream) -> Document:
    import docx
    from docx.table import Table

    d = docx.Document(stream)
    notes = _docx_footnotes(d)
    counter = [0]  # footnotes are numbered through the book, in the order cited
    # python-docx's Paragraph.style scans every style for each paragraph (10 s for 4,000
    # paragraphs); look the style id up in one table instead
    style_names = {st.style_id: st.name or "" for st in d.styles}
    blocks = []  # (text, location, heading level, footnotes cited)
    paragraph = table = 0
    for block in d.iter_inner_content():
        if isinstance(block, Table):
            table += 1
            for row in block.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        text, cited = _docx_text(p._p, notes, counter)
                        blocks.append((text, {"table": table}, None, cited))
            continue
        paragraph += 1
        text, cited = _docx_text(block._p, notes, counter)
        m = HEADING_STYLE.match(style_names.get(block._p.style, ""))
        blocks.append((text, {"paragraph": paragraph}, int(m[1]) if m and text.strip() else None, cited))
    top = min((lv for _, _, lv, _ in blocks if lv is not None), default=None)
    b = Builder()
    for text, location, level, cited in blocks:
        b.add(text, location, heading=text if level is not None and level == top else None)
        if cited:  # the notes follow the paragraph that cites them, as at the foot of a PDF page
            b.add(" ", location)
            for number, note_text in cited:
                b.add(f"{number} {note_text}", {"footnote": number})
            b.add("", location)
    return b.document(path, "docx")


def _docx_text(p, notes: dict[str, str], counter: list[int]) -> tuple[str, list[tuple[int, str]]]:
    """A paragraph's text with its footnote references as numbers (as a PDF shows them)."""
    out, cited = [], []
    for el in p.iter():
        tag = el.tag
        if tag == W + "t":
            out.append(el.text or "")
        elif tag == W + "tab":
            out.append("\t")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "footnoteReference":
            note = notes.get(el.get(W + "id"))
            if note is not None:
                counter[0] += 1
                cited.append((counter[0], note))
                out.append(str(counter[0]))
    return "".join(out), cited


def _docx_footnotes(d) -> dict[str, str]:
    from lxml import etree

    for rel in d.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob)
            notes = {}
            for fn in root.iter(W + "footnote"):
                if fn.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                paras = ["".join(t.text or "" for t in p.iter(W + "t")) for p in fn.iter(W + "p")]
                notes[fn.get(W + "id")] = " ".join(x.strip() for x in paras if x.strip())
            return notes
    return {}


# -- EPUB -----------------------------------------------------------------------------------------
BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "section",
              "article", "aside", "header", "footer", "nav", "table", "tr", "td", "th", "dt", "dd",
              "ul", "ol", "dl", "figure", "figcaption", "hr", "body", "title"}
SKIP_TAGS = {"script", "style", "head"}


def _epub(path, stream) -> Document:
    from ebooklib import ITEM_DOCUMENT, epub

    book = epub.read_epub(stream, {"ignore_ncx": False})
    b = Builder()
    files: dict[str, tuple[int, dict[str, int]]] = {}  # file name -> start, id -> offset
    first_heads: list[tuple[int, int, str, int]] = []  # h1..h6 found, with their level
    for idref, _linear in book.spine:
        item = book.get_item_with_id(idref)
        if item is None or item.get_type() != ITEM_DOCUMENT:
            continue
        lines, ids, heads = _xhtml_lines(item.get_content())
        start = b.size + (1 if b.parts else 0)
        offsets, pos = [], start
        for line in lines:
            offsets.append(pos)
            pos += len(line) + 1
        for line in lines:
            b.add(line, {"file": item.file_name})
        files[item.file_name] = (start, {k: offsets[v] if v < len(offsets) else pos for k, v in ids.items()})
        for k, level in heads:
            first_heads.append((offsets[k], offsets[k] + len(lines[k]), lines[k], level))
    for title, href in _toc(book.toc):
        name, _, anchor = href.partition("#")
        if name not in files:
            continue
        start, ids = files[name]
        at = ids.get(anchor, start)
        end = b.size if at >= b.size else _line_end(b, at)
        b.heading(at, end, title)
    if not b.headings and first_heads:
        top = min(h[3] for h in first_heads)
        for a, z, title, level in first_heads:
            if level == top:
                b.heading(a, z, title)
    return b.document(path, "epub")


def _line_end(b: Builder, at: int) -> int:
    text = b.text()
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _toc(entries) -> list[tuple[str, str]]:
    """Top-level table-of-contents entries: title and href."""
    out = []
    if not isinstance(entries, (list, tuple)) or (len(entries) == 2 and isinstance(entries[1], list)
                                                  and not isinstance(entries[0], (list, tuple))):
        entries = [entries]  # ebooklib gives a lone Link or (Section, children) for a one-entry TOC
    for entry in entries:
        if isinstance(entry, (tuple, list)):  # (Section, children)
            section, children = entry[0], entry[1]
            href = getattr(section, "href", None) or next(
                (h for _, h in _toc(children)), None)
            if href:
                out.append((section.title, href))
        elif getattr(entry, "href", None):
            out.append((entry.title, entry.href))
    return out


def _xhtml_lines(content: bytes):
    """Block elements of an XHTML file as lines of text (whitespace collapsed), with the line
    each ``id`` starts at and the lines that are h1-h6 headings."""
    from lxml import etree, html

    try:
        root = etree.fromstring(content, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        root = html.fromstring(content)
    lines: list[str] = []
    ids: dict[str, int] = {}
    heads: list[tuple[int, int]] = []
    current: list[str] = []

    def flush():
        text = " ".join("".join(current).split())
        current.clear()
        if text:
            lines.append(text)

    def walk(el):
        if not isinstance(el.tag, str):  # comments, processing instructions
            return
        tag = etree.QName(el).localname.lower()
        if tag in SKIP_TAGS:
            return
        block = tag in BLOCK_TAGS
        if block:
            flush()
        ident = el.get("id")
        if ident is not None and ident not in ids:
            ids[ident] = len(lines)
        if tag == "br":
            flush()
        if el.text:
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            before = len(lines)
            flush()
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and len(lines) > before:
                heads.append((len(lines) - 1, int(tag[1])))

    walk(root)
    flush()
    return lines, ids, heads
