"""``mtqa compare``: alignment, sacrebleu scores from summed statistics, matching findings."""

import json

import pytest

from conftest import BOOK0, BOOK1, run_cli
from qa.align import SpanMap, align_chapters, align_segments, norm_title
from qa.compare import Scorer, compare_documents, match_findings, units
from qa.document import Document
from qa.load import load
from qa.result import Issue

SENTENCES = [
    "Dat meldde persbureau belta.by dinsdag.",
    "(Zie ook) de bijlage, blz. 12-14; \"citaat\".",
    "a",
    "",
    "Het GOS - de Gemenebest van Onafhankelijke Staten - werd in 1991 opgericht .",
    "URL: https://www.belta.by/economics/view/nazarbaev-neobhodimo-419719-2020/.",
]


@pytest.fixture(scope="module")
def scorer():
    return Scorer()


@pytest.fixture(scope="module")
def book0():
    return load(BOOK0)


def test_counted_statistics_of_unchanged_segments_equal_sacrebleus(scorer):
    for s in SENTENCES:
        own = scorer._identical(s)
        for got, metric in zip(own, (scorer.chrfpp, scorer.bleu, scorer.ter)):
            assert list(got) == list(metric._extract_corpus_statistics([s], [[s]])[0]), (s, metric)


def test_scores_equal_sacrebleus_corpus_scores(scorer):
    from sacrebleu.metrics import BLEU, CHRF, TER

    refs = SENTENCES + ["Een zin die de redacteur herschreef.", "Nog een zin."]
    hyps = SENTENCES[:3] + ["iets", SENTENCES[4].replace("1991", "1992"), SENTENCES[5].replace(".by", ".door"),
                            "Een zin die de vertaler schreef.", ""]
    got = scorer.scores(scorer.segment_stats(list(zip(hyps, refs))))
    for key, metric in (("chrF", CHRF()), ("chrF++", CHRF(word_order=2)), ("BLEU", BLEU()), ("TER", TER())):
        assert got[key] == round(metric.corpus_score(hyps, [refs]).score, 2), key
    assert 0 < got["TER"] < 100 and got["chrF"] < 100


def test_signatures_name_the_metrics(scorer):
    sigs = scorer.signatures()
    assert sigs["BLEU"].startswith("BLEU|nrefs:1|") and "nw:2" in sigs["chrF++"] and sigs["TER"].startswith("TER|")


def test_chapters_align_by_title_then_order():
    raw = ["Inleiding", "De EAEU en het GOS", "Handel", "Slot"]
    edited = ["INLEIDING", "De EAEU en het GOS.", "Handel en export", "Nieuw hoofdstuk", "Slot"]
    assert norm_title("De  EAEU – en het GOS!") == "de eaeu en het gos"
    assert align_chapters(raw, edited) == [
        (0, 0, "title"), (1, 1, "title"), (2, 2, "order"), (None, 3, "edited-only"), (3, 4, "title")]
    assert align_chapters(["A", "B"], []) == [(0, None, "raw-only"), (1, None, "raw-only")]


def test_segments_align_and_split_sentences_are_joined():
    raw = ["Een.", "Twee drie vier.", "Vijf.", "Zes."]
    edited = ["Een.", "Twee drie.", "Vier.", "Vijf!", "Zes.", "Zeven."]
    pairs = align_segments(raw, edited)
    assert ("Een.", "Een.") in pairs and ("Zes.", "Zes.") in pairs
    assert ("Twee drie vier. Vijf.", "Twee drie. Vier. Vijf!") in pairs
    assert ("", "Zeven.") in pairs
    long_raw = [" ".join(["woord"] * 50) + "."] * 2
    assert all(len(h.split()) <= 51 for h, _ in align_segments(long_raw, ["x."]))


def test_span_map_follows_edits_across_shifted_lines():
    old = "kop\n\nzie belta.door hier\nrest\n"
    new = "nieuwe regel\nkop\n\nzie belta.by hier\nrest\n"
    m = SpanMap(old, new)
    s = old.index("belta.door")
    a, b = m.map(s, s + len("belta.door"))
    assert new[a:b] == "belta.by"
    a, b = m.map(old.index("rest"), old.index("rest") + 4)
    assert new[a:b] == "rest"


def _issue(text, doc_text, rule="r.x", nth=0):
    start = -1
    for _ in range(nth + 1):
        start = doc_text.index(text, start + 1)
    return Issue(rule, "other", "major", 1, 1, 1, 1, text, None, "m", None, None, start=start, end=start + len(text))


def test_findings_match_by_rule_text_and_context_not_line_numbers():
    raw = "Eerste alinea met MAAR erin.\nTweede alinea met MAAR erin.\nDerde met fout.\n"
    edited = "Nieuwe regel bovenaan.\nEerste alinea met MAAR erin.\nTweede alinea met BUTB erin.\nDerde met fout!\n"
    raw_issues = [_issue("MAAR", raw), _issue("MAAR", raw, nth=1), _issue("fout", raw)]
    ed_issues = [_issue("MAAR", edited), _issue("fout", edited), _issue("Nieuwe", edited, rule="r.y")]
    pairs, new = match_findings(raw_issues, raw, ed_issues, edited)
    assert pairs == {0: 0, 2: 1}  # the second MAAR was fixed; 'fout' remains though its context changed
    assert new == [2]


def test_identical_editions(book0):
    data = compare_documents(book0, Document(book0.text, "copy.txt"))
    assert data["total"]["chrF"] == 100 and data["total"]["TER"] == 0 and data["total"]["BLEU"] == 100
    assert all(r["aligned_by"] in ("title", "front-matter") and r["chrF"] in (100, None) for r in data["chapters"])
    assert not data["findings"]["fixed"] and not data["findings"]["new"]
    assert len(data["findings"]["remaining"]) == data["raw"]["findings"] > 0
    json.dumps(data)


def test_edited_edition(book0):
    text = book0.text
    first = text.index("belta.door")
    sentence = "Economische samenwerking"
    edited = ("Een nieuwe eerste regel.\n" + text[:first] + "belta.by" + text[first + len("belta.door"):])
    edited = edited.replace(sentence, "Economische samenwerking en handel", 1)
    data = compare_documents(book0, Document(edited, "edited.txt"))
    f = data["findings"]
    assert [(x["text"], x["now"], x["line"]) for x in f["fixed"]] == [("belta.door", "belta.by", 226)]
    assert len(f["remaining"]) == data["raw"]["findings"] - 1 and not f["new"]
    ch1 = data["chapters"][0] if data["chapters"][0]["raw_chapter"] == 1 else data["chapters"][1]
    assert ch1["raw_chapter"] == 1 and ch1["fixed"] == 1 and ch1["chrF"] < 100 and ch1["TER"] > 0
    assert ch1["changed"] >= 2
    others = [r for r in data["chapters"] if r["raw_chapter"] not in (1, None)]
    assert others and all(r["chrF"] == 100 and r["TER"] == 0 for r in others)
    assert 0 < data["total"]["TER"] < 1 and 99 < data["total"]["chrF"] < 100


@pytest.mark.parametrize("path", [BOOK0, BOOK1], ids=["000", "001"])
def test_units_cut_sentences_at_chapter_starts(path):
    doc = load(path)
    us = units(doc)
    assert [u["index"] for u in us if u["index"]] == [c.index for c in doc.chapters]
    for u in us:
        if u["index"] is not None:
            assert u["segments"][0].startswith(u["title"].split()[0]), (u["title"], u["segments"][0][:80])


def test_compare_cli_text_json_and_errors(tmp_path):
    edited = tmp_path / "edited.txt"
    edited.write_text(BOOK0.read_text(encoding="utf-8").replace("belta.door", "belta.by"), encoding="utf-8")
    r = run_cli("compare", BOOK0, edited)
    assert r.returncode == 0, r.stderr
    assert "chrF2|nrefs:1" in r.stdout and "BLEU|nrefs:1" in r.stdout and "TER|nrefs:1" in r.stdout
    assert "findings: 7 fixed" in r.stdout and "'belta.door'  ->  'belta.by'" in r.stdout
    out = tmp_path / "c.json"
    r = run_cli("compare", BOOK0, edited, "-f", "json", "-o", out)
    assert r.returncode == 0 and r.stdout == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == 1 and len(data["findings"]["fixed"]) == 7 and data["total"]["chrF"] < 100
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01" * 100)
    for bad in ("missing.txt", "empty.txt", "bin.txt"):
        r = run_cli("compare", BOOK0, tmp_path / bad, "-o", tmp_path / "x.json")
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, r.stderr
        assert "Traceback" not in r.stderr and not (tmp_path / "x.json").exists()
    r = run_cli("compare", BOOK0, BOOK0, "-o", tmp_path / "no-such-folder" / "x.json")
    assert r.returncode == 2 and r.stderr.startswith("mtqa: error:") and len(r.stderr.splitlines()) == 1


def test_an_edit_in_the_table_of_contents_counts():
    doc = load(BOOK1)
    a, b = doc.toc_span
    toc = doc.text[a:b]
    assert "\ufffd" in toc
    edited = Document(doc.text[:a] + toc.replace("\ufffd", "") + doc.text[b:], "edited.txt")
    data = compare_documents(doc, edited)
    front = data["chapters"][0]
    assert front["aligned_by"] == "front-matter" and front["changed"] >= 10 and front["chrF"] < 100
    assert all(r["chrF"] == 100 for r in data["chapters"][1:])
