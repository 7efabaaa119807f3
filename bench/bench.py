"""Whole-process benchmark of ``mtqa check``, paired with a reference in the same run.

    python bench/bench.py [--runs 7] [--catalogue 1000]

For each input (each corpus book, a 3 MB file made of both books ten times, a tiny file) it
times ``mtqa check FILE --format json`` and the reference (bench/reference.py: one ``re``
alternation of 50 patterns) alternately, as whole processes, and prints minimum and median
wall time, the ratio of the minima, and peak RSS. It also times ``mtqa --help`` against a bare
Python start, checks that time grows linearly with size, and optionally a catalogue of N books
with ``--jobs 2``. ``mtqa`` keeps its compiled patterns in a cache (qa/recache.py): the runs use
a cache folder of their own, filled by the first run, and book 000 is also timed with the cache
off (a machine's first run). Run it by hand on a quiet machine; CI does not run it (noisy).
"""

from __future__ import annotations

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
PY = sys.executable
MTQA = [PY, "-m", "qa"]
BOOKS = sorted((ROOT / "corpus").glob("*.txt"))
TARGETS = {"book_s": 0.15, "book_ratio": 3.0, "big_s": 1.2, "help_s": 0.060, "big_rss_mib": 100,
           "catalogue_s": 40.0}


ENV = dict(os.environ)


def run(cmd, env=None) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one process."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                            env={**ENV, **(env or {})})
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(map(str, cmd))}")
    return wall, usage.ru_maxrss / 1024


def paired(cmd, ref, runs, env=None):
    a, b, rss = [], [], []
    for _ in range(runs):
        t, m = run(cmd, env)
        a.append(t)
        rss.append(m)
        b.append(run(ref)[0])
    return a, b, max(rss)


def fmt(xs):
    return f"min {min(xs):6.3f}s  med {statistics.median(xs):6.3f}s"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--catalogue", type=int, default=0, help="also time N books with --jobs 2")
    args = ap.parse_args(argv)
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="mtqa-bench-"))
    ENV["MTQA_CACHE_DIR"] = str(tmp / "cache")
    try:
        big = tmp / "big.txt"
        big.write_text("\n".join(b.read_text(encoding="utf-8") for b in BOOKS) * 10, encoding="utf-8")
        half = tmp / "half.txt"
        half.write_text("\n".join(b.read_text(encoding="utf-8") for b in BOOKS) * 5, encoding="utf-8")
        tiny = tmp / "tiny.txt"
        tiny.write_text("Dit is een korte zin.\n", encoding="utf-8")
        ok = True
        print(f"{'input':28} {'size':>8}  {'mtqa check':30} {'reference':30} ratio  peak RSS")
        rows = {}
        for path in [*BOOKS, tiny, half, big]:
            cmd = [*MTQA, "check", str(path), "--format", "json", "-o", str(tmp / "out.json"), "--fail-on", "never"]
            ref = [PY, str(ROOT / "bench" / "reference.py"), str(path)]
            a, b, rss = paired(cmd, ref, args.runs)
            rows[path] = (min(a), rss)
            ratio = min(a) / min(b)
            print(f"{path.name[:28]:28} {path.stat().st_size / 1e6:6.2f}MB  {fmt(a):30} {fmt(b):30} "
                  f"{ratio:4.1f}x  {rss:5.0f} MiB")
            if path in BOOKS:
                ok &= _target(f"{path.name}: {min(a):.3f}s <= {TARGETS['book_s']}s or ratio {ratio:.1f} <= "
                              f"{TARGETS['book_ratio']}", min(a) <= TARGETS["book_s"] or ratio <= TARGETS["book_ratio"])
        cmd = [*MTQA, "check", str(BOOKS[0]), "--format", "json", "-o", str(tmp / "out.json"), "--fail-on", "never"]
        a, b, rss = paired(cmd, [PY, str(ROOT / "bench" / "reference.py"), str(BOOKS[0])], args.runs,
                           {"MTQA_NO_CACHE": "1"})
        print(f"{BOOKS[0].name[:18] + ' (no cache)':28} {BOOKS[0].stat().st_size / 1e6:6.2f}MB  {fmt(a):30} "
              f"{fmt(b):30} {min(a) / min(b):4.1f}x  {rss:5.0f} MiB  (a first run; not a target)")
        help_t, _ = zip(*[run([*MTQA, "--help"]) for _ in range(args.runs)])
        bare, _ = zip(*[run([PY, "-c", "pass"]) for _ in range(args.runs)])
        print(f"mtqa --help: {fmt(help_t)}   bare python: {fmt(bare)}")
        ok &= _target(f"--help {min(help_t) * 1000:.0f} ms <= {TARGETS['help_s'] * 1000:.0f} ms",
                      min(help_t) <= TARGETS["help_s"])
        big_t, big_rss = rows[big]
        half_t = rows[half][0]
        ok &= _target(f"3 MB file {big_t:.2f}s <= {TARGETS['big_s']}s", big_t <= TARGETS["big_s"])
        ok &= _target(f"3 MB peak RSS {big_rss:.0f} MiB <= {TARGETS['big_rss_mib']} MiB",
                      big_rss <= TARGETS["big_rss_mib"])
        start = rows[tiny][0]
        growth = (big_t - start) / max(1e-9, half_t - start)
        ok &= _target(f"linear in size: 2x the text costs {growth:.2f}x the work (1.6-2.4)", 1.6 <= growth <= 2.4)
        if args.catalogue:
            cat = tmp / "catalogue"
            cat.mkdir()
            for i in range(args.catalogue):
                shutil.copy(BOOKS[i % len(BOOKS)], cat / f"book{i:05d}.txt")
            t, _ = run([*MTQA, "check", str(cat), "--jobs", "2", "--format", "json", "-o",
                        str(tmp / "cat.json"), "--fail-on", "never"])
            ok &= _target(f"{args.catalogue} books with --jobs 2: {t:.1f}s <= {TARGETS['catalogue_s']}s",
                          t <= TARGETS["catalogue_s"] * args.catalogue / 1000)
        print("all targets met" if ok else "SOME TARGETS MISSED")
        return 0 if ok else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _target(label: str, met: bool) -> bool:
    print(f"  [{'met' if met else 'MISSED'}] {label}")
    return met


if __name__ == "__main__":
    sys.exit(main())
