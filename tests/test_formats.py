"""PDF, DOCX and EPUB books load into the same book model as text and give the same findings."""

import io
import pickle
import zipfile

import pytest
from makedocs import make_docx, make_epub, make_pdf, make_txt

from qa import api, config
from qa.errors import InputError
from qa.load import load

CHAPTERS = [
    ("Hoofdstuk 1. Economie", [
        "Dat meldde persbureau belta.door dinsdag (https://www.belta.door/economics/).",
        "Een tweede alinea met één accent en een gedachtestreepje – zoals gebruikelijk.",
    ]),
    ("Hoofdstuk 2. Politiek", [
        "Nog een zin over Minsk en Moskou.",
        "Zie ook de website https://www.president.gov.door/ voor het persbericht.",
    ]),
]
MAKERS = {"txt": make_txt, "pdf": make_pdf, "docx": make_docx, "epub": make_epub}


def _check(path):
    report = api.check_paths([path], config.Config())
    assert not report.errors, report.errors[0].error
    return report.files[0]


def _key(issue):
    return issue.rule, issue.text, issue.suggestion, issue.message


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    return {ext: make(folder / f"book.{ext}", CHAPTERS) for ext, make in MAKERS.items()}


@pytest.mark.parametrize("ext", ["pdf", "docx", "epub"])
def test_same_findings_as_the_text_edition(books, ext):
    expected = [_key(i) for i in _check(books["txt"]).issues]
    assert len(expected) >= 2 and any(t == "belta.door" for _, t, _, _ in expected)
    assert [_key(i) for i in _check(books[ext]).issues] == expected


@pytest.mark.parametrize("ext", ["pdf", "docx", "epub"])
def test_chapters_come_from_the_document_structure(books, ext):
    result = _check(books[ext])
    assert [c.title for c in result.chapters] == [t for t, _ in CHAPTERS]
    assert {i.text: i.chapter for i in result.issues} == {"belta.door": 1, "president.gov.door": 2}


@pytest.mark.parametrize("ext, first, second", [
    ("pdf", {"page": 1}, {"page": 2}),
    ("docx", {"paragraph": 2}, {"paragraph": 6}),
    ("epub", {"file": "ch01.xhtml"}, {"file": "ch02.xhtml"}),
])
def test_findings_carry_the_location_in_the_format(books, ext, first, second):
    issues = _check(books[ext]).issues
    by_text = {i.text: i for i in issues}
    assert by_text["belta.door"].location == first
    assert issues[-1].location == second
    assert issues[-1].chapter == 2
    # the location goes into the JSON; a text book's issues have none
    assert _check(books[ext]).to_dict()["issues"][0]["location"] == first
    assert "location" not in _check(books["txt"]).to_dict()["issues"][0]


def test_line_and_column_point_into_the_extracted_text(books):
    for ext in MAKERS:
        doc = load(books[ext])
        lines = doc.text.split("\n")
        for i in _check(books[ext]).issues:
            assert lines[i.line - 1][i.column - 1 : i.column - 1 + len(i.text)] == i.text


def test_without_structure_chapters_are_found_in_the_text(tmp_path):
    pdf = load(make_pdf(tmp_path / "plain.pdf", CHAPTERS, outline=False))
    from qa.document import Document

    assert [c.title for c in pdf.chapters] == [c.title for c in Document(pdf.text).chapters]
    # an EPUB without a table of contents still has its h1 headings
    epub = load(make_epub(tmp_path / "notoc.epub", CHAPTERS, toc=False))
    assert [c.title for c in epub.chapters] == [t for t, _ in CHAPTERS]


def test_docx_footnotes_join_the_book_model(tmp_path):
    note = "Nieuws [Elektronische hulpbron]. - 2020. - URL: https://www.belta.door/economics/view/butb-provedet-123/"
    path = make_docx(tmp_path / "notes.docx", [("Hoofdstuk 1", [f"Het persbureau meldde dit{{{{{note}}}}} op dinsdag.",
                                                                 "Volgende alinea."])])
    doc = load(path)
    assert [n.number for n in doc.footnotes] == [1]
    assert doc.footnotes[0].url.host == "www.belta.door"
    assert [r.number for r in doc.refs] == [1]
    issue = _check(path).issues[0]
    assert issue.text == "belta.door" and issue.location == {"footnote": 1}


def test_documents_pickle_for_parallel_runs(books):
    doc = pickle.loads(pickle.dumps(load(books["pdf"])))
    assert doc.location(0) == {"page": 1}


def _zip(files: dict) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in files.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize("name, content, problem", [
    ("text.pdf", b"Gewoon een tekst.\n", "is plain text, not a PDF document"),
    ("text.docx", b"Gewoon een tekst.\n", "is plain text, not a DOCX document"),
    ("zip.epub", _zip({"a.txt": "x"}), "is a ZIP archive, not an EPUB document"),
    ("book.docx", "EPUB", "is an EPUB document, not a DOCX document"),
    ("book.epub", "DOCX", "is a DOCX document, not an EPUB document"),
    ("cut.pdf", "PDF400", "damaged or unsupported PDF document"),
    ("cut.epub", "EPUB-container", "damaged or unsupported EPUB document"),
    ("empty.pdf", b"", "empty file"),
    ("binary.pdf", bytes(range(256)) * 4, "is binary data, not a PDF document"),
    ("blank.pdf", "BLANKPDF", "no text to check in this PDF"),
])
def test_bad_documents_give_one_clear_error(books, tmp_path, name, content, problem):
    if content == "EPUB":
        content = books["epub"].read_bytes()
    elif content == "DOCX":
        content = books["docx"].read_bytes()
    elif content == "PDF400":
        content = books["pdf"].read_bytes()[:400]
    elif content == "EPUB-container":
        content = _zip({"mimetype": "application/epub+zip", "META-INF/container.xml": "<container/>"})
    elif content == "BLANKPDF":
        from pypdf import PdfWriter

        w, buf = PdfWriter(), io.BytesIO()
        w.add_blank_page(200, 200)
        w.write(buf)
        content = buf.getvalue()
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load(path)
    assert problem in err.value.problem
    assert "\n" not in str(err.value)
