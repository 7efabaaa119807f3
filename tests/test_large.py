"""A 50 MB book is checked, not rejected, in time and memory linear in its size.

The book is the corpus book repeated. Measured (2 shared cores, one rule): 5 MB 1.0 s / 93 MB,
10 MB 1.9 s / 169 MB, 50 MB 11 s / 770 MB peak RSS. The ratios asserted here catch a super-linear
step (quadratic would be 100x from 5 to 50 MB) without depending on the machine's speed.
Marked ``slow``: ``pytest -m "not slow"`` skips it.
"""

import json
import os
import subprocess
import sys
import time

import pytest
from conftest import BOOK0, ROOT

MB = 1024 * 1024


def _run(path, out):
    """Check one book in a child process; return (seconds, peak RSS in MB, exit code)."""
    t0 = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen([sys.executable, "-m", "qa", "check", str(path), "-f", "json", "-o", str(out),
                              "--fail-on", "never"], cwd=ROOT, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
    seconds = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode()
    p.stderr.close()
    assert p.returncode == 0, err
    return seconds, usage.ru_maxrss / 1024


@pytest.mark.slow
def test_large_book_is_checked_in_linear_time_and_memory(tmp_path):
    book = BOOK0.read_bytes()
    runs = {}
    for mb in (5, 50):
        copies = mb * MB // len(book) + 1
        path = tmp_path / f"big{mb}.txt"
        path.write_bytes(book * copies)
        out = tmp_path / f"big{mb}.json"
        seconds, rss = _run(path, out)
        result = json.loads(out.read_text())["files"][0]
        assert "error" not in result and result["issues"]
        runs[mb] = (seconds, rss, copies, result)
        path.unlink()
    (t5, m5, c5, r5), (t50, m50, c50, r50) = runs[5], runs[50]
    print(f"\n5 MB: {t5:.1f} s, {m5:.0f} MB RSS; 50 MB: {t50:.1f} s, {m50:.0f} MB RSS")
    assert r50["words"] == pytest.approx(r5["words"] * c50 / c5, rel=0.01)
    assert t50 / t5 < 25, f"time grows faster than the size: {t5:.1f} s -> {t50:.1f} s"
    assert m50 / m5 < 15, f"memory grows faster than the size: {m5:.0f} MB -> {m50:.0f} MB"
    assert m50 < 2500
