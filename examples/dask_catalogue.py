"""Check a folder of books with Dask: the same code runs on a laptop and on a cluster.

    python examples/dask_catalogue.py corpus/ -o findings.json                  # local scheduler
    python examples/dask_catalogue.py corpus/ --scheduler tcp://host:8786       # a cluster

Each book is read on the client and checked by ``qa.check_text``, a pure function of plain data
(text, name, configuration) that returns plain data, so Dask can ship it to any worker. The
JSON written is the same document ``mtqa check --format json`` prints.
"""

from __future__ import annotations

import argparse
import json
import sys


def check_catalogue(paths, config=None, scheduler: str = "sync", partitions: int | None = None) -> dict:
    """Findings for every readable book under ``paths``, in the CLI's order, as one JSON dict."""
    import dask.bag as db

    from qa import check_text
    from qa.load import collect, load

    books, _errors = collect(paths)
    texts = [(str(p), load(p).text) for p in books]
    bag = db.from_sequence(texts, npartitions=partitions or max(1, min(len(texts), 16)))
    files = bag.map(lambda item: check_text(item[1], item[0], config)).compute(scheduler=scheduler)
    return {"version": 1, "files": files}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output")
    ap.add_argument("--scheduler", default="processes",
                    help="sync, threads, processes, or a distributed scheduler address")
    args = ap.parse_args(argv)
    scheduler = args.scheduler
    if "://" in scheduler:
        from dask.distributed import Client

        scheduler = Client(scheduler).get
    data = check_catalogue(args.paths, scheduler=scheduler)
    out = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if args.output:
        with open(args.output, "w", encoding="utf-8") as fh:
            fh.write(out)
    else:
        sys.stdout.write(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
