"""The URL-slug cross-check (qa.slug): titles, slug words, the acronym lexicon, alignments."""

import pytest

from qa import slug
from qa.document import Document

from conftest import BOOK0, BOOK1

NOTES = """Tekst over de BUTB1 en FEZ Minsk2 en nog meer3.

 
1 MAAR zal het eerste gespecialiseerde exportbod houden [Elektronische 
hulpbron]. - – 2020. - URL: https://www.belta.by/economics/view/butb-provedet-
pervye-torgi-dlja-kitajskogo-rynka-15-dekabrja-420090-2020 
2 Pivovar, E. Een nieuwe bewoner van FEZ Minsk zal bouwen / E. Pivovar // [Elektronische hulpbron]. - – 20230. - URL: https://www.belta.by/regions/view/novyj-rezident-sez-minsk-postroit-411877-2020/
3 Nightingale: Interregionale samenwerking [Elektronische hulpbron]. - – 2019. - URL: https://www.belta.by/regions/view/solovej-mezhregionalnoe-sotrudnichestvo-348673-2019/
"""


@pytest.fixture(scope="module")
def doc():
    return Document(NOTES, "notes.txt")


def test_split_slug_drops_id_year_and_section():
    s = slug.split_slug("/economics/view/butb-provedet-pervye-torgi-15-dekabrja-420090-2020/")
    assert s.words == ("butb", "provedet", "pervye", "torgi", "15", "dekabrja")
    assert s.year == "2020" and s.article_id == "420090"


def test_split_slug_numbers_keep_their_prefix():
    s = slug.split_slug("/regions/view/rezidenty-sez-grodnoinvest-vlozhili-br144-mln-investitsij-417225-2020/")
    assert ("br", "144") in s.numbers


def test_split_slug_without_title_segment():
    assert slug.split_slug("/ru/content/9638") is None
    assert slug.split_slug("/press/news_mfa/b824e89c5996ccf3.html") is None


def test_split_slug_underscores_and_extension():
    s = slug.split_slug("/news/obshchestvo/strany_eaes_namereny_sozdat_gruppirovku/")
    assert s.words[:2] == ("strany", "eaes")


def test_title_before_label_across_lines(doc):
    t = slug.title(doc, doc.footnotes[0])
    assert t.text == "MAAR zal het eerste gespecialiseerde exportbod houden"
    assert doc.text[t.start:t.start + 4] == "MAAR"


def test_title_without_author_parts(doc):
    assert slug.title(doc, doc.footnotes[1]).text == "Een nieuwe bewoner van FEZ Minsk zal bouwen"


def test_wrapped_url_slug_and_mentions(doc):
    note = doc.footnotes[0]
    assert slug.footnote_slug(note).words[0] == "butb"
    assert slug.slug_mentions(note, "BUTB")
    assert not slug.slug_mentions(note, "eaes")


def test_citation_year(doc):
    assert slug.citation_year(doc, doc.footnotes[1])[0] == "20230"
    assert slug.footnote_slug(doc.footnotes[1]).year == "2020"


def test_lexicon_identity_and_lost(doc):
    lex = slug.acronym_lexicon(doc)
    assert lex["butb"] == "BUTB"
    assert slug.lost_acronyms(doc, doc.footnotes[0], lex) == [("butb", "BUTB")]
    assert slug.lost_acronyms(doc, doc.footnotes[1], lex) == []


def test_speaker_and_name_similarity(doc):
    (word, start, end), name = slug.speaker(doc, doc.footnotes[2])
    assert (word, name) == ("Nightingale", "solovej")
    assert slug.similar_names("Kharitonchik", "haritonchik") > 0.9
    assert slug.similar_names("Myasnikovitsj", "mjasnikovich") > 0.8
    assert slug.similar_names("Nightingale", "solovej") < 0.4


def test_book_lexicon_learns_translations():
    doc = Document(BOOK0.read_text(encoding="utf-8"), str(BOOK0))
    lex = slug.acronym_lexicon(doc)
    assert lex["sez"] == "FEZ" and lex["eaes"] == "EAEU" and lex["butb"] == "BUTB"
    # long slug words (names, nouns) and Russian prepositions are never acronyms
    assert not {"cherez", "na", "v", "ot"} & set(lex)


def test_second_book_lexicon_has_no_prepositions():
    doc = Document(BOOK1.read_text(encoding="utf-8"), str(BOOK1))
    lex = slug.acronym_lexicon(doc)
    assert lex.get("mtz") == "MTZ"
    assert "ot" not in lex and "makej" not in lex


def test_slug_start_points_into_the_document():
    doc = Document("Zie https://www.belta.by/economics/view/butb-provedet-pervye-torgi-420090-2020 nu.", "x.txt")
    s = slug.url_slug(doc.urls[0])
    assert doc.text[s.start:s.start + 4] == "butb"
