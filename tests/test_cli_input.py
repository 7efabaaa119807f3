"""Bad input on the command line: exit 2, one line naming the file and the problem, no traceback,
and in a run over several books the good ones are still checked and reported."""

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

import pytest
from conftest import ROOT, run_cli
from makedocs import make_pdf

GOOD = "Dat meldde persbureau belta.door dinsdag (https://www.belta.door/economics/).\n"
DUTCH = "Hij zei: ‘Dat is één café’ – en de Belgische overheid reageerde niet.\n" * 5
RUSSIAN = "Белорусское телеграфное агентство сообщило, что переговоры продолжаются.\n" * 5


def _one_error(proc, path, problem):
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("mtqa: error: ") and str(path) in lines[0] and problem in lines[0], lines[0]


@pytest.mark.parametrize("name, content, problem", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\n\t\n", "empty file"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "binary file"),
    ("pdf.txt", "PDF", "is a PDF document, not plain text"),
    ("zip.txt", b"PK\x03\x04" + b"\x00" * 100, "is a ZIP archive, not plain text"),
    ("text.pdf", b"Gewoon tekst.\n", "is plain text, not a PDF document"),
    ("text.epub", b"Gewoon tekst.\n", "is plain text, not an EPUB document"),
    ("cp1252.txt", DUTCH.encode("cp1252"), "looks like cp1252"),
    ("latin1.txt", DUTCH.replace("‘", "'").replace("’", "'").replace("–", "-").encode("latin-1"), "looks like latin-1"),
    ("cp1251.txt", RUSSIAN.encode("cp1251"), "looks like cp1251"),
])
def test_bad_file(tmp_path, name, content, problem):
    if content == "PDF":
        content = make_pdf(tmp_path / "x.pdf", [("Titel", [GOOD.strip()])]).read_bytes()
    path = tmp_path / name
    path.write_bytes(content)
    _one_error(run_cli("check", path), path, problem)


def test_missing_path(tmp_path):
    _one_error(run_cli("check", tmp_path / "nothere.txt"), tmp_path / "nothere.txt", "no such file or folder")


def test_folder_with_nothing_to_check(tmp_path):
    (tmp_path / "notes.jsonl").write_text("{}\n")
    (tmp_path / ".hidden.txt").write_text(GOOD)
    _one_error(run_cli("check", tmp_path), tmp_path, "folder holds no book")


def test_not_a_regular_file():
    _one_error(run_cli("check", "/dev/zero"), "/dev/zero", "not a regular file")


@pytest.mark.parametrize("encoding, text", [("cp1252", DUTCH), ("cp1251", RUSSIAN),
                                            ("latin-1", "Een café aan de Maas.\n")])
def test_encoding_option_reads_the_book(tmp_path, encoding, text):
    path = tmp_path / "book.txt"
    path.write_bytes((text + GOOD).encode(encoding))
    proc = run_cli("check", path, "--encoding", encoding, "-f", "json", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    issue = json.loads(proc.stdout)["files"][0]["issues"][0]
    assert issue["text"] == "belta.door" and issue["line"] == text.count("\n") + 1


def test_unknown_or_wrong_encoding(tmp_path):
    path = tmp_path / "book.txt"
    path.write_text(GOOD + "één\n", encoding="utf-8")
    _one_error(run_cli("check", path, "--encoding", "klingon"), path, "unknown encoding 'klingon'")
    _one_error(run_cli("check", path, "--encoding", "ascii"), path, "not valid ascii")


def test_utf8_bom_is_accepted_and_not_counted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())
    proc = run_cli("check", path, "-f", "json", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    issue = json.loads(proc.stdout)["files"][0]["issues"][0]
    assert (issue["line"], issue["column"]) == (1, GOOD.rindex("belta.door") + 1)


def test_other_books_are_still_checked(tmp_path):
    (tmp_path / "a_good.txt").write_text(GOOD)
    (tmp_path / "b_empty.txt").write_bytes(b"")
    (tmp_path / "c_fake.pdf").write_text("geen pdf")
    (tmp_path / "d_good.pdf").write_bytes(make_pdf(tmp_path / "x.bin", [("Titel", [GOOD.strip()])]).read_bytes())
    out = tmp_path / "report.json"
    proc = run_cli("check", tmp_path, tmp_path / "missing.txt", "-f", "json", "-o", out, "--fail-on", "never")
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    errors = proc.stderr.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("mtqa: error: ") for e in errors)
    files = {os.path.basename(f["path"]): f for f in json.loads(out.read_text())["files"]}
    assert files["a_good.txt"]["issues"][0]["text"] == "belta.door"
    assert files["d_good.pdf"]["issues"][0]["location"] == {"page": 1}
    assert {n for n, f in files.items() if "error" in f} == {"b_empty.txt", "c_fake.pdf", "missing.txt"}


def test_only_bad_input_writes_nothing(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "report.json"
    proc = run_cli("check", tmp_path / "empty.txt", "-f", "json", "-o", out)
    assert proc.returncode == 2 and not out.exists()


# -- unreadable files -----------------------------------------------------------------------------
# The tests run as root, for whom chmod 000 changes nothing. So: as an ordinary user the real
# chmod test runs; as root the same CLI runs as the user "nobody" through setpriv when it can
# (a real permission error from the kernel); and in every case the loader is tested in-process
# with open() simulating EACCES.

def _locked_book(folder):
    book = folder / "locked.txt"
    book.write_text(GOOD)
    book.chmod(0)
    return book


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads chmod 000 files; see the setpriv and simulated tests")
def test_unreadable_file(tmp_path):
    book = _locked_book(tmp_path)
    _one_error(run_cli("check", book), book, "permission denied")


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv")
def test_unreadable_file_as_nobody():
    folder = tempfile.mkdtemp(prefix="mtqa-perm-")
    try:
        os.chmod(folder, 0o755)
        import pathlib

        book = _locked_book(pathlib.Path(folder))
        good = pathlib.Path(folder) / "good.txt"
        good.write_text(GOOD)
        good.chmod(0o644)
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
               sys.executable, "-m", "qa", "check", str(book), str(good), "-f", "json", "--fail-on", "never"]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
        if proc.returncode not in (0, 1, 2) or "ModuleNotFoundError" in proc.stderr or \
                "Permission denied: '" + str(ROOT) in proc.stderr:
            pytest.skip(f"nobody cannot run the checkout: {proc.stderr[-200:]}")
        _one_error(proc, book, "cannot read: permission denied")
        assert json.loads(proc.stdout)["files"][1]["issues"][0]["text"] == "belta.door"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_unreadable_file_simulated(tmp_path, monkeypatch):
    import builtins

    from qa import api, config
    from qa import load as loadmod

    book = tmp_path / "locked.txt"
    book.write_text(GOOD)
    real_open = builtins.open

    def fake_open(file, mode="r", *args, **kwargs):
        if os.fspath(file) == os.fspath(book):
            raise PermissionError(13, "Permission denied", os.fspath(file))
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(loadmod, "open", fake_open, raising=False)
    report = api.check_paths([book], config.Config())
    assert report.files[0].error == "cannot read: permission denied"
    assert stat.S_IMODE(book.stat().st_mode) != 0  # nothing was really locked
