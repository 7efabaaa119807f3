"""Per-rule cost on one book, in-process (minimum of several runs), to find what to optimise.

    python bench/rules.py corpus/000_6e910faac174649e.txt [--runs 5] [--select RULES]

Each run builds a fresh Document and Context, so per-book caches count towards the first rule
that fills them (as in a real run). Prints the model's own cost, every rule's minimum time and
the total; `bench/bench.py` measures whole processes.
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
    args = ap.parse_args(argv)
    text = pathlib.Path(args.book).read_text(encoding="utf-8")
    cfg = Config(select=tuple(s for s in args.select.split(",") if s))
    engine = Engine(cfg)
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


if __name__ == "__main__":
    sys.exit(main())
