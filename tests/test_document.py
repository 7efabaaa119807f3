"""The book model on the bundled books: structure found from the text alone."""

import pytest

from qa.document import Document

from conftest import BOOK0, BOOK1


@pytest.fixture(scope="module")
def doc0():
    return Document(BOOK0.read_text(encoding="utf-8"), str(BOOK0))


@pytest.fixture(scope="module")
def doc1():
    return Document(BOOK1.read_text(encoding="utf-8"), str(BOOK1))


def test_chapters_without_toc_come_from_layout(doc0):
    assert doc0.toc == []
    titles = [c.title for c in doc0.chapters]
    assert len(titles) == 12
    assert titles[0] == "Van integratieprocessen - tot regionale samenwerking"
    assert "Werkgroep schetst perspectieven" in titles
    assert doc0.chapters[0].line == 1


def test_chapters_follow_the_table_of_contents(doc1):
    assert len(doc1.toc) == 13
    assert [c.title for c in doc1.chapters] == [e.title for e in doc1.toc]
    # the title page and the table of contents are front matter
    assert doc1.chapter_at(0) is None
    assert all(e.junk == "\ufffd" for e in doc1.toc)


def test_footnotes_are_numbered_without_gaps(doc0, doc1):
    for doc, n in ((doc0, 135), (doc1, 127)):
        assert [f.number for f in doc.footnotes] == list(range(1, n + 1))


def test_footnote_continued_on_next_page_keeps_its_url(doc0):
    note = next(f for f in doc0.footnotes if f.number == 97)
    assert note.extra and note.url and "velikogo-kamnja" in note.urls[-1].text


def test_wrapped_urls_are_joined(doc0):
    texts = [u.text for u in doc0.urls]
    assert ("https://www.belta.door/economics/view/nazarbaev-neobhodimo-naraschivat-objemy-i-ustojchivost-"
            "torgovyh-potokov-vnutri-i-za-predelami-eaes-419719-2020/") in texts
    assert all("\n" not in t and " " not in t for t in texts)


def test_body_text_keeps_offsets_and_hides_notes(doc0):
    assert len(doc0.body_text) == len(doc0.text)
    note = doc0.footnotes[0]
    assert doc0.body_text[note.start:note.end].strip() == ""
    assert "Bijeenkomst van de Raad" in doc0.notes_text[note.start:note.end]


def test_references_follow_the_numbering(doc0, doc1):
    for doc in (doc0, doc1):
        numbers = [r.number for r in doc.refs]
        assert numbers == sorted(set(numbers))
        assert len(numbers) > 0.75 * len(doc.footnotes)


def test_line_col_is_one_based_and_counts_characters():
    doc = Document("één\ntwee drie\n", "t.txt")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(doc.text.index("drie")) == (2, 6)


def test_pages_only_where_the_book_marks_them(doc0, doc1):
    # book 000 has three stray page numbers, no page layout: no page is claimed
    assert all(doc0.page_at(p.start) is None for p in doc0.page_marks)
    # book 001 numbers its front-matter pages 4, 5, 6, 7 in sequence
    toc_start = doc1.toc[0].start
    assert doc1.page_at(toc_start) == 5


def test_sentences_are_split_with_the_shipped_dutch_model(doc0):
    spans = doc0.sentences
    assert len(spans) > 300
    texts = [" ".join(doc0.body_text[a:b].split()) for a, b in spans]
    assert any(t.startswith("In december 2020 heeft de Raad van staatshoofden") for t in texts)
    # a sentence interrupted by a page break and its footnotes is still one sentence
    assert any("Dit omvat ook het versterken van de humanitaire banden" in t for t in texts)


def test_sentence_model_is_nltk_punkt_without_the_nltk_package_import():
    import subprocess
    import sys

    code = ("import sys; from qa.document import Document; d = Document(open(sys.argv[1]).read()); "
            "n = len(d.sentences); assert 'nltk' not in sys.modules and 'numpy' not in sys.modules; "
            "import nltk, nltk.data; from nltk.tokenize import PunktTokenizer; "
            "from qa import sentences; nltk.data.path.insert(0, str(sentences.MODEL.parents[2])); "
            "t = PunktTokenizer('dutch'); assert sentences.split(d.body_text) == list(t.span_tokenize(d.body_text)); "
            "print(n)")
    r = subprocess.run([sys.executable, "-c", code, str(BOOK0)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert int(r.stdout) > 300


def test_crlf_book_has_the_same_structure(doc0):
    crlf = Document(doc0.text.replace("\n", "\r\n"), "crlf.txt")
    assert [c.title for c in crlf.chapters] == [c.title for c in doc0.chapters]
    assert [f.number for f in crlf.footnotes] == [f.number for f in doc0.footnotes]
    assert [u.text for u in crlf.urls] == [u.text for u in doc0.urls]
    assert crlf.line_col(crlf.text.index("belta.door")) == doc0.line_col(doc0.text.index("belta.door"))
