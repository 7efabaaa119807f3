"""Small PDF, DOCX and EPUB books built inside the tests (no binary fixtures in the repository).

Each maker takes the same description: a list of chapters ``(title, [paragraph, ...])``.
"""

from __future__ import annotations

import pathlib


def as_text(chapters) -> str:
    out = []
    for title, paras in chapters:
        out += [title, "", *paras, ""]
    return "\n".join(out)


def make_txt(path, chapters) -> pathlib.Path:
    path = pathlib.Path(path)
    path.write_text(as_text(chapters), encoding="utf-8")
    return path


def _pdf_string(s: str) -> bytes:
    raw = s.encode("cp1252")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def make_pdf(path, chapters, outline=True) -> pathlib.Path:
    """One page per chapter, Helvetica (WinAnsi), one text line per paragraph; an outline entry
    per chapter unless ``outline`` is false."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    w = PdfWriter()
    font = w._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"), NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
    }))
    for i, (title, paras) in enumerate(chapters):
        page = w.add_blank_page(612, 792)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        ops = [b"BT /F1 10 Tf 14 TL 40 750 Td", _pdf_string(title) + b" Tj T* T*"]
        ops += [_pdf_string(p) + b" Tj T*" for p in paras]
        ops.append(b"ET")
        stream = StreamObject()
        stream.set_data(b"\n".join(ops))
        page[NameObject("/Contents")] = w._add_object(stream)
        if outline:
            w.add_outline_item(title=title, page_number=i)
    with open(path, "wb") as fh:
        w.write(fh)
    return pathlib.Path(path)


def make_docx(path, chapters) -> pathlib.Path:
    """Heading 1 per chapter, one paragraph per paragraph. ``{{note text}}`` in a paragraph
    becomes a real Word footnote (python-docx cannot write them, so the part is added here)."""
    import io
    import re
    import zipfile
    from xml.sax.saxutils import escape

    import docx
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    d = docx.Document()
    notes = []
    for title, paras in chapters:
        d.add_heading(title, level=1)
        for para in paras:
            p = d.add_paragraph()
            for k, piece in enumerate(re.split(r"\{\{(.*?)\}\}", para)):
                if k % 2 == 0:
                    if piece:
                        p.add_run(piece)
                else:
                    notes.append(piece)
                    p._p.append(parse_xml(f'<w:r {ns}><w:footnoteReference w:id="{len(notes)}"/></w:r>'))
    buf = io.BytesIO()
    d.save(buf)
    if not notes:
        pathlib.Path(path).write_bytes(buf.getvalue())
        return pathlib.Path(path)
    body = "".join(f'<w:footnote w:id="{i}"><w:p><w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p></w:footnote>'
                   for i, t in enumerate(notes, 1))
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {ns}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'{body}</w:footnotes>')
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>')
            elif item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", b'<Relationship Id="rIdMtqaNotes" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/footnotes" '
                                    b'Target="footnotes.xml"/></Relationships>')
            out.writestr(item, data)
        out.writestr("word/footnotes.xml", footnotes)
    return pathlib.Path(path)


def make_epub(path, chapters, toc=True) -> pathlib.Path:
    from html import escape

    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("mtqa-test")
    book.set_title("Testboek")
    book.set_language("nl")
    items = []
    for i, (title, paras) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=title, file_name=f"ch{i:02d}.xhtml", lang="nl")
        body = "".join(f"<p>{escape(p)}</p>" for p in paras)
        item.content = f"<h1>{escape(title)}</h1>{body}"
        book.add_item(item)
        items.append(item)
    book.toc = items if toc else []
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = items
    epub.write_epub(str(path), book)
    return pathlib.Path(path)
