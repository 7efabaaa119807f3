"""The editor's workflow on the corpus: fix the books into a folder, then compare raw with fixed."""

import hashlib
import json

import pytest

from conftest import BOOK0, BOOK1, CORPUS, run_cli


@pytest.fixture(scope="module")
def fixed(tmp_path_factory):
    out = tmp_path_factory.mktemp("fixed")
    before = {b: hashlib.sha256(b.read_bytes()).hexdigest() for b in (BOOK0, BOOK1)}
    r = run_cli("fix", CORPUS, "-o", out)
    assert r.returncode == 0, r.stderr
    assert {b: hashlib.sha256(b.read_bytes()).hexdigest() for b in (BOOK0, BOOK1)} == before
    return out


def _json(*args):
    r = run_cli(*args, "-f", "json")
    assert r.returncode in (0, 1), r.stderr
    return json.loads(r.stdout)


@pytest.mark.parametrize("book", [BOOK0, BOOK1], ids=["000", "001"])
def test_raw_against_fixed(fixed, book):
    raw_safe = [i for i in _json("check", book, "--fail-on", "never")["files"][0]["issues"] if i["safe"]]
    data = _json("compare", book, fixed / book.name)
    found = data["findings"]
    # every safe finding was fixed, and whatever else counts as fixed is another rule's finding
    # on a span a safe fix rewrote (two rules may flag one span; only one need be safe)
    fixed_keys = {(f["rule"], f["line"], f["column"]) for f in found["fixed"]}
    assert {(i["rule"], i["line"], i["column"]) for i in raw_safe} <= fixed_keys
    safe_spans = [((i["line"], i["column"]), (i["end_line"], i["end_column"])) for i in raw_safe]
    assert all(any(a < (f["end_line"], f["end_column"]) and (f["line"], f["column"]) < b for a, b in safe_spans)
               for f in found["fixed"])
    # each fixed span was located in the edited text and reads differently there (what it reads
    # exactly is tested in test_fix; white space at the edges of a rewrite aligns either way)
    assert all(f["now"] is not None and f["now"] != f["text"] for f in found["fixed"])
    # a safe finding now reads as its suggestion; the aligner may leave out characters at the
    # edges of the rewrite that the old text already had (the en dash of '- \n–' -> '\n–')
    safe_keys = {(i["rule"], i["line"], i["column"]) for i in raw_safe}
    for f in found["fixed"]:
        if (f["rule"], f["line"], f["column"]) in safe_keys:
            assert "".join(f["now"].split()) in "".join(f["suggestion"].split()), f
    # nothing new appeared, except a finding whose span held a safe fix and now reads differently
    # (a moved title behind an English label that was translated is still a moved title)
    assert all(any(n["rule"] == f["rule"] and n["chapter"] == f["chapter"] for f in found["fixed"]) for n in found["new"])
    assert len(found["remaining"]) == data["raw"]["findings"] - len(found["fixed"])
    total = data["total"]
    if raw_safe:
        assert total["chrF"] < 100 and total["chrF++"] < 100 and total["BLEU"] < 100 and total["TER"] > 0
        assert total["changed"] >= 1
    else:
        assert total["chrF"] == 100 and total["TER"] == 0
    for row in data["chapters"]:
        assert row["aligned_by"] in ("title", "front-matter")
        assert (row["fixed"] == 0) == (row["changed"] == 0 or row["chrF"] == 100)


@pytest.mark.parametrize("book", [BOOK0, BOOK1], ids=["000", "001"])
def test_identical_editions_score_perfectly(book):
    data = _json("compare", book, book)
    assert data["total"]["chrF"] == 100 and data["total"]["chrF++"] == 100
    assert data["total"]["BLEU"] == 100 and data["total"]["TER"] == 0
    assert not data["findings"]["fixed"] and not data["findings"]["new"]
