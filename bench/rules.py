"""Per-rule cost on one book, in-process (minimum of several runs), to find what to optimise.

    python bench/rules.py corpus/000_6e910faac174649e.txt [--runs 5] [--select RULES] [--memory]

Each run builds a fresh Document and Context, so per-book caches count towards the first rule
that fills them (as in a real run). Prints the model's own cost, every rule's minimum time and
the total; `bench/bench.py` measures whole processes. With ``--memory`` it instead traces
allocations (one run, slow): for every rule the peak it adds while it runs and what it leaves
behind in the per-book caches, in MiB, since the whole-process peak RSS is the sum of those.
"""

from __future__ import annotations

import argparse
import collections
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))

from qa.config import Config  # noqa: E402
from qa.context import Context  # noqa: E402
from qa.document import Document  # noqa: E402
from qa.engine import Engine  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("book")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--select", default="")
    ap.add_argument("--memory", action="store_true")
    args = ap.parse_args(argv)
    text = pathlib.Path(args.book).read_text(encoding="utf-8")
    cfg = Config(select=tuple(s for s in args.select.split(",") if s))
    engine = Engine(cfg)
    if args.memory:
        return memory(engine, text, args.book)
    times = collections.defaultdict(list)
    for _ in range(args.runs):
        t0 = time.perf_counter()
        doc = Document(text, args.book)
        times["(document model)"].append(time.perf_counter() - t0)
        ctx = Context()
        for rule, _sev in engine.rules:
            t0 = time.perf_counter()
            for _ in rule.check(doc, ctx):
                pass
            times[rule.id].append(time.perf_counter() - t0)
    rows = sorted(((min(v), k) for k, v in times.items()), reverse=True)
    for t, k in rows:
        print(f"{t * 1000:8.2f} ms  {k}")
    print(f"{sum(t for t, _ in rows) * 1000:8.2f} ms  total ({len(text) / 1e6:.2f} MB)")
    return 0


def memory(engine, text: str, name: str) -> int:
    import tracemalloc

    mib = 1 / (1 << 20)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    doc = Document(text, name)
    ctx = Context()
    rows = [(tracemalloc.get_traced_memory()[0] - base, 0, "(document model, text included)")]
    for rule, _sev in engine.rules:
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        for _ in rule.check(doc, ctx):
            pass
        now, peak = tracemalloc.get_traced_memory()
        rows.append((peak - before, now - before, rule.id))
    total = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    print("  peak+   kept  (MiB)")
    for peak, kept, rid in sorted(rows, reverse=True):
        if peak * mib >= 0.05:
            print(f"{peak * mib:7.1f} {kept * mib:6.1f}  {rid}")
    print(f"{total * mib:14.1f}  held at the end ({len(text) / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
