"""The library API. The CLI, the reports and cluster jobs all go through these functions.

``check_text`` is pure and picklable: text in, plain data out, no files touched. That is what a
cluster engine (Dask, Spark, Ray) maps over a catalogue.
"""

from __future__ import annotations

from qa import config as cfgmod
from qa.document import Document
from qa.errors import InputError
from qa.result import FileResult, Report


def build_config(config_file=None, cli: cfgmod.Config | None = None) -> cfgmod.Config:
    """setup.cfg in the working folder (or ``config_file``) with the command line on top."""
    base = cfgmod.from_setup_cfg(config_file or "setup.cfg", required=bool(config_file))
    return base.merged(cli) if cli else base


def check_document(doc: Document, cfg: cfgmod.Config, engine=None) -> FileResult:
    from qa.engine import Engine

    engine = engine or Engine(cfg)
    return engine.check(doc)


def check_text(text: str, name: str = "<text>", config: cfgmod.Config | dict | None = None) -> dict:
    """Check one book given as text; return its entry of ``files[]`` in ``--format json``."""
    if isinstance(config, dict):
        config = cfgmod.Config(**config)
    from qa.reports.jsonfmt import file_dict

    cfg = config or cfgmod.Config()
    return file_dict(check_document(Document(text, name), cfg))


def check_paths(paths, base: cfgmod.Config, cli: cfgmod.Config | None = None,
                encoding: str | None = None, jobs: int = 1, progress=None,
                keep_text: bool = True, split_large: bool = False) -> Report:
    """Check every book the paths name, in the order given (folders sorted).

    Each book's configuration is ``base`` (setup.cfg), then the book's own ``.mtqa.toml``, then
    ``cli`` on top. Unreadable books become results with ``error`` set; the others are checked.
    With ``jobs > 1`` books are checked in worker processes; the report is the same, in the same
    order, as a serial run. ``progress(done, total)`` is called once per finished book. With
    ``split_large``, a book of :data:`SPLIT_AT` characters or more checked in this process runs
    its rules in two processes when the machine has two cores (the findings are the same).
    """
    from qa.load import collect

    cli = cli or cfgmod.Config()
    run_default = base.merged(cli)
    books, errors = collect(paths)
    pooled = jobs > 1 and len(books) > 1
    split_at = SPLIT_AT if split_large and not pooled and _cores() > 1 else None
    _engine_for(run_default, split_at)  # validates the configuration before any book; forked workers inherit it
    results: list[FileResult] = [FileResult(e.path, error=e.problem) for e in errors]
    tasks = [(str(p), base, cli, encoding, keep_text, split_at) for p in books]
    if pooled:
        import concurrent.futures as cf
        import multiprocessing
        import os

        ctx = multiprocessing.get_context("fork" if hasattr(os, "fork") else "spawn")
        with cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
            for result in pool.map(_check_one, tasks, chunksize=max(1, min(16, len(tasks) // (jobs * 8)))):
                results.append(result)
                if progress:
                    progress(len(results) - len(errors), len(tasks))
    else:
        for task in tasks:
            results.append(_check_one(task))
            if progress:
                progress(len(results) - len(errors), len(tasks))
    return Report(results, fail_on=run_default.threshold)


SPLIT_AT = 1_000_000  # characters: below this, forking a second rule process gains little

_ENGINES: dict = {}  # per process: engines by configuration (a worker checks many books)


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _engine_for(cfg: cfgmod.Config, split_at: int | None = None):
    """The engine for a configuration, built once per process (a worker checks many books)."""
    from qa.engine import Engine

    key = (repr(cfg), split_at)
    if key not in _ENGINES:
        _ENGINES.clear()
        _ENGINES[key] = Engine(cfg, split_at=split_at)
    return _ENGINES[key]


def _check_one(task) -> FileResult:
    """Load and check one book; picklable so that worker processes can run it."""
    from qa.load import load

    path, base, cli, encoding, keep_text, split_at = task
    try:
        doc = load(path, encoding)
    except InputError as exc:
        return FileResult(exc.path, error=exc.problem)
    book_cfg = cfgmod.from_book_file(path)
    run_cfg = base.merged(book_cfg).merged(cli) if book_cfg.source != "defaults" else base.merged(cli)
    result = check_document(doc, run_cfg, _engine_for(run_cfg, split_at))
    if not keep_text:
        result.text = None
    return result
