"""Catalogue runs: worker processes and cluster engines give the CLI's output exactly."""

import json
import pathlib
import shutil
import sys

import pytest

from conftest import BOOK0, BOOK1, ROOT, run_cli


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    folder = tmp_path_factory.mktemp("catalogue")
    for i in range(3):
        shutil.copy(BOOK0, folder / f"a{i}.txt")
        shutil.copy(BOOK1, folder / f"b{i}.txt")
    return folder


def test_jobs_output_is_byte_identical_to_serial(catalogue, tmp_path):
    serial, parallel = tmp_path / "s.json", tmp_path / "p.json"
    r1 = run_cli("check", catalogue, "-f", "json", "-o", serial, "--fail-on", "never")
    r2 = run_cli("check", catalogue, "-f", "json", "-o", parallel, "--fail-on", "never", "--jobs", "2")
    assert r1.returncode == r2.returncode == 0
    assert serial.read_bytes() == parallel.read_bytes()
    assert r2.stderr == ""  # no progress bar when not at a terminal


def test_check_text_is_pure_and_picklable():
    import pickle

    from qa import check_text

    text = BOOK0.read_text(encoding="utf-8")
    a = check_text(text, "book.txt")
    b = pickle.loads(pickle.dumps(check_text))(text, "book.txt")
    assert a == b and json.loads(json.dumps(a)) == a


def test_dask_example_equals_the_cli(catalogue, tmp_path):
    pytest.importorskip("dask.bag")
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import dask_catalogue
    finally:
        sys.path.pop(0)
    got = dask_catalogue.check_catalogue([catalogue], scheduler="processes")
    cli = json.loads(run_cli("check", catalogue, "-f", "json", "--fail-on", "never").stdout)
    assert got == cli
