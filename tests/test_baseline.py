"""Baselines (--write-baseline / --baseline) and the book's accepted findings ([[accept]])."""

import json
import shutil

import pytest
from conftest import BOOK0, BOOK1, run_cli

import synth
from qa import baseline
from qa.errors import ConfigError

SELECT = ("--select", "translated-url")  # the corpus findings this test relies on


@pytest.fixture
def books(tmp_path):
    folder = tmp_path / "books"
    folder.mkdir()
    for b in (BOOK0, BOOK1):
        shutil.copy(b, folder / b.name)
    return folder


def check_json(*args):
    proc = run_cli("check", *args, *SELECT, "-f", "json", "--fail-on", "never")
    return proc, (json.loads(proc.stdout) if proc.stdout else None)


def test_baseline_round_trip_survives_edits_elsewhere(books, tmp_path):
    base = tmp_path / "base.json"
    proc = run_cli("check", books, *SELECT, "--write-baseline", base, "-f", "json", "-o", tmp_path / "x.json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(base.read_text())
    total = sum(e["count"] for entries in data["books"].values() for e in entries)
    assert total > 0
    assert all(set(e) == {"rule", "chapter", "text", "context_hash", "count", "severity", "message"}
               for entries in data["books"].values() for e in entries)  # no line numbers
    book = books / BOOK0.name
    # edits elsewhere: a new first paragraph shifts every line; a later paragraph is reworded
    text = book.read_text(encoding="utf-8")
    book.write_text("Nieuwe inleiding van de uitgever.\n\n" + text.replace("samenwerking", "coöperatie", 1),
                    encoding="utf-8")
    proc, doc = check_json(books, "--baseline", base)
    assert proc.returncode == 0, proc.stderr
    assert sum(len(f["issues"]) for f in doc["files"]) == 0
    assert doc["baseline"]["suppressed"] == total and doc["baseline"]["unused"] == []
    # an edit right next to one finding makes it new again, and its entry unused
    text = book.read_text(encoding="utf-8")
    first = text.index("belta.door")
    book.write_text(text[:first] + "XX " + text[first:], encoding="utf-8")
    proc, doc = check_json(books, "--baseline", base)
    assert [len(f["issues"]) for f in doc["files"]] == [1, 0]
    assert len(doc["baseline"]["unused"]) == 1 and "1 baseline entry matches no finding" in proc.stderr


def test_read_errors_are_never_baselined(books, tmp_path):
    base = tmp_path / "base.json"
    proc = run_cli("check", books / BOOK0.name, tmp_path / "missing.txt", *SELECT, "--write-baseline", base,
                   "-o", tmp_path / "out.txt")
    assert proc.returncode == 2 and "missing.txt" in proc.stderr
    assert list(json.loads(base.read_text())["books"]) == [(books / BOOK0.name).as_posix()]


def test_bad_baseline_usage(tmp_path):
    proc = run_cli("check", BOOK0, "--baseline", tmp_path / "nope.json")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "baseline file not found" in proc.stderr
    (tmp_path / "bad.json").write_text("{}")
    proc = run_cli("check", BOOK0, "--baseline", tmp_path / "bad.json")
    assert proc.returncode == 2 and "not an mtqa baseline" in proc.stderr
    proc = run_cli("check", BOOK0, "--baseline", tmp_path / "a", "--write-baseline", tmp_path / "b")
    assert proc.returncode == 2 and not (tmp_path / "b").exists()


def test_duplicates_are_counted():
    res = synth.result()
    twin = synth.result()
    rep = synth.report(res)
    data = baseline.build(rep)
    other = synth.report(twin)
    extra = synth.issue(synth.Document(synth.BOOK, "x"), "belta.door", "critical", "translated-url.domain",
                        "translated-url", 1)
    twin.issues.append(extra)  # the same finding twice: one is new
    assert baseline.apply(other, data) == []
    assert [i.text for i in twin.issues] == ["belta.door"] and twin.baselined == len(res.issues)


def test_accepted_findings_from_the_book_file(books):
    (books / (BOOK0.stem + ".mtqa.toml")).write_text(
        '[[accept]]\nrule = "translated-url.domain"\ntext = "belta.door"\nchapter = 1\n'
        'reason = "quoted from the source as printed"\n\n'
        '[[accept]]\nrule = "translated-url"\ntext = "nowhere.door"\nreason = "stale"\n', encoding="utf-8")
    proc, doc = check_json(books)
    f = doc["files"][0]
    assert f["accepted"] >= 1 and all(not (i["chapter"] == 1 and i["text"] == "belta.door") for i in f["issues"])
    assert [e["text"] for e in f["unused_accepts"]] == ["nowhere.door"]
    assert "[[accept]] entry translated-url 'nowhere.door' matches no finding (reason was: stale)" in proc.stderr
    proc = run_cli("report", books, *SELECT, "-o", books.parent / "site")
    assert proc.returncode == 0 and "matches no finding" in proc.stderr
    assert "nowhere.door" in (books.parent / "site" / (BOOK0.stem + ".html")).read_text(encoding="utf-8")
    # every entry needs a reason
    (books / (BOOK0.stem + ".mtqa.toml")).write_text('[[accept]]\nrule = "translated-url"\n', encoding="utf-8")
    proc, _ = check_json(books)
    assert proc.returncode == 2 and "reason" in proc.stderr and proc.stdout == ""


def test_accept_entries_are_validated():
    res = synth.result()
    with pytest.raises(ConfigError, match="unknown key"):
        baseline.apply_accepted(res, ({"rule": "number", "reason": "r", "line": 3},))
    with pytest.raises(ConfigError, match="needs a rule"):
        baseline.apply_accepted(res, ({"reason": "r"},))


def test_accept_by_category_chapter_and_context():
    res = synth.result()
    target = next(i for i in res.issues if i.text == "19 99")
    h = baseline.context_hash(res.text, target.start, target.end)
    baseline.apply_accepted(res, ({"rule": "number", "chapter": 2, "context_hash": h, "reason": "r"},
                                  {"rule": "typography", "chapter": 0, "reason": "front matter is fine"}))
    assert "19 99" not in [i.text for i in res.issues] and "12,5" in [i.text for i in res.issues]
    assert "redactie" not in [i.text for i in res.issues] and res.accepted == 2 and res.unused_accepts == []



def test_context_hash_is_sha1_of_the_squashed_context():
    """The hash is part of the baseline file format: it must stay SHA-1 whatever module computes it."""
    import hashlib

    text = "Voor  de\nvondst MAAR zal handel\n\nin hout drijven."
    start = text.index("MAAR")
    expected = hashlib.sha1("Voor de vondst\x00zal handel in hout drijven.".encode()).hexdigest()[:12]
    assert baseline.context_hash(text, start, start + 4) == expected
    assert baseline.context_hash("", 0, 0) == ""
