"""Two runs give byte-identical output, whatever the hash seed; books are never written."""

import builtins
import hashlib
import os

import pytest
from conftest import BOOK0, BOOK1, run_cli
from makedocs import make_docx, make_epub, make_pdf, make_txt

from qa import api, config

CHAPTERS = [("Hoofdstuk 1", ["Dat meldde persbureau belta.door dinsdag (https://www.belta.door/economics/)."]),
            ("Hoofdstuk 2", ["Zie ook www.president.gov.door voor het persbericht."])]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    d = tmp_path_factory.mktemp("books")
    for name, make in [("a.txt", make_txt), ("b.pdf", make_pdf), ("c.docx", make_docx), ("d.epub", make_epub)]:
        make(d / name, CHAPTERS)
    for book in (BOOK0, BOOK1):
        (d / book.name).write_bytes(book.read_bytes())
    return d


def test_json_is_byte_identical_across_runs_and_hash_seeds(folder, tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"run{seed}.json"
        proc = run_cli("check", folder, "-f", "json", "-o", out, "--fail-on", "never",
                       env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b'"rule"') > 10


def _digest(folder):
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
            for p in sorted(folder.iterdir())}


def test_books_are_never_written(folder, tmp_path):
    before = _digest(folder)
    proc = run_cli("check", folder, "-f", "json", "-o", tmp_path / "out.json", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    assert _digest(folder) == before  # same files, same bytes, same times: nothing added or touched


def test_books_are_opened_read_only(folder, monkeypatch):
    modes = []
    real_open = builtins.open

    def spy(file, mode="r", *args, **kwargs):
        if isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(os.fspath(folder)):
            modes.append(mode)
        return real_open(file, mode, *args, **kwargs)

    from qa import load as loadmod

    monkeypatch.setattr(loadmod, "open", spy, raising=False)
    report = api.check_paths([folder], config.Config())
    assert not report.errors
    assert modes and set(modes) == {"rb"}
