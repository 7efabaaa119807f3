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
    """Check one book given as text; return the JSON-ready dict of SPEC.md's ``files[]`` entry."""
    if isinstance(config, dict):
        config = cfgmod.Config(**config)
    cfg = config or cfgmod.Config()
    return check_document(Document(text, name), cfg).to_dict()


def check_paths(paths, base: cfgmod.Config, cli: cfgmod.Config | None = None,
                encoding: str | None = None) -> Report:
    """Check every book the paths name, in the order given (folders sorted).

    Each book's configuration is ``base`` (setup.cfg), then the book's own ``.mtqa.toml``, then
    ``cli`` on top. Unreadable books become results with ``error`` set; the others are checked.
    """
    from qa.engine import Engine
    from qa.load import collect, load

    cli = cli or cfgmod.Config()
    run_default = base.merged(cli)
    books, errors = collect(paths)
    results: list[FileResult] = [FileResult(e.path, error=e.problem) for e in errors]
    engine = Engine(run_default)
    for path in books:
        try:
            doc = load(path, encoding)
        except InputError as exc:
            results.append(FileResult(exc.path, error=exc.problem))
            continue
        book_cfg = cfgmod.from_book_file(path)
        if book_cfg.source != "defaults":
            run_cfg = base.merged(book_cfg).merged(cli)
            results.append(check_document(doc, run_cfg, Engine(run_cfg)))
        else:
            results.append(check_document(doc, run_default, engine))
    return Report(results, fail_on=run_default.threshold)
