"""``mtqa fix``: only safe suggestions, applied to a copy, with a diff that ``patch`` applies."""

import hashlib
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

from conftest import BOOK0, BOOK1, run_cli
from qa.config import Config
from qa.document import Document
from qa.engine import Engine
from qa.fix import MAX_PASSES, _lines, apply, choose, fix_document, unified_diff
from qa.result import Issue
from qa.rules.base import Finding, Rule

PATCH = shutil.which("patch") or ("/usr/bin/patch" if os.path.exists("/usr/bin/patch") else None)
needs_patch = pytest.mark.skipif(PATCH is None, reason="patch is not installed")

URL_TEXT = ("Hoofdstuk een\n\nDe tekst loopt hier door.\n"
            "1 Bron [Elektronische hulpbron]. - URL: https://www.belta.door/economics/view/abc-123/\n")


def sha(path) -> str:
    return hashlib.sha256(pathlib.Path(path).read_bytes()).hexdigest()


# -- rules made up for the tests: fix must work with any rule that marks suggestions safe ---------------
class DashRun(Rule):
    """Test rule: a run of hyphens between spaces is a dash."""
    id = "typography.t-dash"
    category = "typography"
    severity = "minor"

    def check(self, doc, ctx):
        for m in re.finditer(r"(?<= )-{2,}(?= )", doc.text):
            yield Finding(m.start(), m.end(), "dash run", "–", safe=True)


class WordDash(Rule):
    """Test rule: a word and a hyphen run (overlaps DashRun; more severe, so it wins)."""
    id = "typography.t-word-dash"
    category = "typography"
    severity = "major"

    def check(self, doc, ctx):
        for m in re.finditer(r"\bzo --", doc.text):
            yield Finding(m.start(), m.end(), "word dash", "zo —", safe=True)


class Unsafe(Rule):
    """Test rule: a suggestion that is not safe is never applied."""
    id = "other.t-unsafe"
    category = "other"
    severity = "critical"

    def check(self, doc, ctx):
        for m in re.finditer(r"tekst", doc.text):
            yield Finding(m.start(), m.end(), "unsafe", "TEKST")


class Halve(Rule):
    """Test rule: 'aa' -> 'a'; after one pass new findings appear (needs several passes)."""
    id = "other.t-halve"
    category = "other"
    severity = "minor"

    def check(self, doc, ctx):
        for m in re.finditer(r"aa", doc.text):
            yield Finding(m.start(), m.end(), "double a", "a", safe=True)


class Flip(Rule):
    """Test rule: 'x' <-> 'y' forever (a buggy rule pair in one class): never converges."""
    id = "other.t-flip"
    category = "other"
    severity = "minor"

    def check(self, doc, ctx):
        for m in re.finditer(r"\b[xy]\b", doc.text):
            yield Finding(m.start(), m.end(), "flip", "y" if m[0] == "x" else "x", safe=True)


def engine(*rules):
    return Engine(Config(), registry={r.id: r for r in rules})


def issue(start, end, text, suggestion, severity="minor", rule="x.y"):
    return Issue(rule, "other", severity, 1, start + 1, 1, end + 1, text, suggestion, "m", None, None,
                 start=start, end=end, safe=True)


# -- the pure part ---------------------------------------------------------------------------------------
def test_choose_is_deterministic_and_never_overlaps():
    text = "abcdefghij"
    cands = [issue(0, 3, "abc", "X"), issue(2, 5, "cde", "Y", "major"), issue(5, 7, "fg", "Z"),
             issue(6, 9, "ghi", "W"), issue(9, 10, "j", "J"), issue(9, 10, "j", "J", rule="a.b"),
             issue(7, 8, "h", "h")]
    applied, skipped = choose(cands)
    again, _ = choose(list(reversed(cands)))
    assert [(i.start, i.end, i.rule) for i in applied] == [(i.start, i.end, i.rule) for i in again]
    spans = sorted({(i.start, i.end) for i in applied})
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    # the more severe wins, then the longer; the same edit from two rules is applied once
    assert spans == [(2, 5), (6, 9), (9, 10)] and len(applied) == 4
    assert apply(text, applied) == "abYfWJ"
    assert {(i.start, i.end) for i in skipped} == {(0, 3), (5, 7)}  # the no-op 'h' is neither


def test_apply_right_to_left_with_changing_lengths():
    text = "een twee drie"
    assert apply(text, [issue(0, 3, "een", "1"), issue(9, 13, "drie", "three!")]) == "1 twee three!"
    assert apply(text, []) == text


def test_only_safe_suggestions_are_applied_and_overlaps_resolved():
    doc = Document("Het is zo -- de tekst gaat -- verder.\n", "t.txt")
    result = fix_document(doc, Config(), engine(DashRun, WordDash, Unsafe))
    assert result.fixed == "Het is zo — de tekst gaat – verder.\n"
    assert {i.rule for i in result.applied} == {"typography.t-dash", "typography.t-word-dash"}
    assert not result.unresolved


def test_multi_pass_until_nothing_safe_is_left_then_idempotent():
    doc = Document("aaaa baa\n", "t.txt")
    eng = engine(Halve)
    result = fix_document(doc, Config(), eng)
    assert result.fixed == "a ba\n" and result.passes == 2 and not result.unresolved
    again = fix_document(Document(result.fixed, "t.txt"), Config(), eng)
    assert again.fixed == result.fixed and not again.applied


def test_a_rule_that_never_converges_is_reported_not_looped_forever():
    result = fix_document(Document("a x b\n", "t.txt"), Config(), engine(Flip))
    assert result.passes == MAX_PASSES and result.unresolved


def test_lines_split_on_newline_only():
    assert _lines("a\fb\u2028c\r\nd") == ["a\fb\u2028c\r\n", "d"]
    assert _lines("a\n") == ["a\n"] and _lines("") == []


# -- the command ---------------------------------------------------------------------------------------
@needs_patch
@pytest.mark.parametrize("book", [BOOK0, BOOK1], ids=["000", "001"])
def test_fix_corpus_book(tmp_path, book):
    before = sha(book)
    out = tmp_path / "fixed.txt"
    r = run_cli("fix", book, "-o", out)
    assert r.returncode == 0, r.stderr
    assert sha(book) == before, "fix touched the book"
    assert len(r.stderr.strip().splitlines()) == 1 and str(out) in r.stderr
    # the diff applies to a copy of the book and gives exactly the output
    copy = tmp_path / "copy.txt"
    shutil.copyfile(book, copy)
    p = subprocess.run([PATCH, "-s", "--no-backup-if-mismatch", str(copy)], input=r.stdout,
                       text=True, capture_output=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert copy.read_bytes() == out.read_bytes()
    # re-checking the output finds no safe suggestion left
    chk = run_cli("check", out, "-f", "json", "--fail-on", "never")
    issues = json.loads(chk.stdout)["files"][0]["issues"]
    assert not [i for i in issues if i["safe"]], issues
    # fixing the output again changes nothing
    again = run_cli("fix", out, "-o", tmp_path / "again.txt")
    assert again.returncode == 0 and again.stdout == ""
    assert (tmp_path / "again.txt").read_bytes() == out.read_bytes()
    if book == BOOK0:
        assert r.stdout.count("\n-") >= 9 and "belta.by" in r.stdout


def test_fix_diff_only_writes_nothing(tmp_path):
    book = tmp_path / "b.txt"
    book.write_text(URL_TEXT, encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    r = run_cli("fix", book, "--diff-only")
    assert r.returncode == 0, r.stderr
    assert "+1 Bron [Elektronische hulpbron]. - URL: https://www.belta.by/" in r.stdout
    assert sorted(os.listdir(tmp_path)) == before and book.read_text(encoding="utf-8") == URL_TEXT


@needs_patch
def test_fix_keeps_crlf_bom_and_missing_final_newline(tmp_path):
    text = "\ufeff" + URL_TEXT.replace("\n", "\r\n").rstrip("\r\n")
    book = tmp_path / "b.txt"
    book.write_bytes(text.encode("utf-8"))
    out = tmp_path / "o.txt"
    r = subprocess.run([sys.executable, "-m", "qa", "fix", str(book), "-o", str(out)], capture_output=True)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"belta.by/economics" in data and not data.endswith(b"\n")
    assert data.count(b"\r\n") == text.count("\r\n")
    assert b"\\ No newline at end of file" in r.stdout and b"\r\n" in r.stdout
    copy = tmp_path / "copy.txt"
    shutil.copyfile(book, copy)
    p = subprocess.run([PATCH, "-s", "--binary", str(copy)], input=r.stdout, capture_output=True)
    assert p.returncode == 0, p.stdout + p.stderr
    assert copy.read_bytes() == data


def test_fix_select_and_ignore(tmp_path):
    book = tmp_path / "b.txt"
    book.write_text(URL_TEXT, encoding="utf-8")
    r = run_cli("fix", book, "-o", tmp_path / "o.txt", "--ignore", "translated-url")
    assert r.returncode == 0 and r.stdout == "" and (tmp_path / "o.txt").read_text(encoding="utf-8") == URL_TEXT
    r = run_cli("fix", book, "-o", tmp_path / "o.txt", "--select", "translated-url.domain")
    assert r.returncode == 0 and "belta.by" in (tmp_path / "o.txt").read_text(encoding="utf-8")
    r = run_cli("fix", book, "-o", tmp_path / "o.txt", "--select", "no-such-rule")
    assert r.returncode == 2 and "no-such-rule" in r.stderr


def test_fix_folder_into_folder(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(URL_TEXT, encoding="utf-8")
    (src / "b.txt").write_text("Gewone tekst zonder fouten.\n", encoding="utf-8")
    r = run_cli("fix", src, "-o", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    assert "belta.by" in (tmp_path / "out" / "a.txt").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8") == "Gewone tekst zonder fouten.\n"
    r = run_cli("fix", src, "-o", src)  # would overwrite the books
    assert r.returncode == 2 and len(r.stderr.splitlines()) == 1


def _refused(r, book, before):
    assert r.returncode == 2, r.stdout + r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and r.stderr.startswith("mtqa: error:"), r.stderr
    assert "Traceback" not in r.stderr
    assert sha(book) == before


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink", "relative"])
def test_fix_refuses_to_overwrite_the_book(tmp_path, how):
    book = tmp_path / "b.txt"
    book.write_text(URL_TEXT, encoding="utf-8")
    before = sha(book)
    target = {"same": book, "relative": tmp_path / "sub" / ".." / "b.txt"}.get(how, tmp_path / "link.txt")
    if how == "symlink":
        target.symlink_to(book)
    elif how == "hardlink":
        os.link(book, target)
    elif how == "relative":
        (tmp_path / "sub").mkdir()
    _refused(run_cli("fix", book, "-o", target), book, before)


def test_fix_bad_input(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "book.pdf").write_bytes(b"%PDF-1.4\n...")
    (tmp_path / "ok.txt").write_text(URL_TEXT, encoding="utf-8")
    for name in ("missing.txt", "empty.txt", "bin.txt", "book.pdf"):
        r = run_cli("fix", tmp_path / name, "-o", tmp_path / "out.txt")
        assert r.returncode == 2 and len(r.stderr.strip().splitlines()) == 1, (name, r.stderr)
        assert not (tmp_path / "out.txt").exists()
    assert "plain-text" in run_cli("fix", tmp_path / "book.pdf", "-o", tmp_path / "o.txt").stderr
    r = run_cli("fix", tmp_path / "ok.txt")  # neither -o nor --diff-only
    assert r.returncode == 2 and "-o" in r.stderr
    r = run_cli("fix", tmp_path / "ok.txt", "-o", tmp_path / "no" / "such" / "dir" / "o.txt")
    assert r.returncode == 0 and (tmp_path / "no" / "such" / "dir" / "o.txt").exists()


def test_unified_diff_of_identical_texts_is_empty():
    assert unified_diff("a\nb", "a\nb", "x", "y") == ""


@needs_patch
def test_fix_keeps_the_books_encoding(tmp_path):
    text = URL_TEXT.replace("Bron", "Brön café")
    book = tmp_path / "b.txt"
    book.write_bytes(text.encode("cp1252"))
    out = tmp_path / "o.txt"
    r = subprocess.run([sys.executable, "-m", "qa", "fix", str(book), "-o", str(out), "--encoding", "cp1252"],
                       capture_output=True)
    assert r.returncode == 0, r.stderr
    assert out.read_bytes() == text.replace("belta.door", "belta.by").encode("cp1252")
    copy = tmp_path / "copy.txt"
    shutil.copyfile(book, copy)
    p = subprocess.run([PATCH, "-s", str(copy)], input=r.stdout, capture_output=True)
    assert p.returncode == 0 and copy.read_bytes() == out.read_bytes()
