"""The ``mtqa`` command line. It only parses options, calls :mod:`qa.api` and picks a formatter.

Exit codes: 0 nothing at or above ``--fail-on``; 1 at least one such finding; 2 usage error or
unreadable input (one line on stderr per problem, no traceback, nothing written).
"""

from __future__ import annotations

import gc
import os
import sys

import click

SEVERITY_CHOICES = ["minor", "major", "critical", "never"]


class MtqaGroup(click.Group):
    """Turns the tool's own errors into one line on stderr and exit code 2; saves the regex
    cache (qa/recache.py) after a finished run, never after an error."""

    def invoke(self, ctx):
        from qa import recache
        from qa.errors import MtqaError

        try:
            result = super().invoke(ctx)
        except MtqaError as exc:
            click.echo(f"mtqa: error: {exc}", err=True)
            ctx.exit(2)
        except (click.exceptions.Exit, SystemExit) as done:
            code = done.exit_code if isinstance(done, click.exceptions.Exit) else done.code
            if code in (0, 1, None):  # a finished run (1: findings at --fail-on), not an error
                recache.save()
            raise
        recache.save()
        return result


def _stack(*decorators):
    """Several click options as one decorator (applied in the order written)."""
    def apply(f):
        for d in reversed(decorators):
            f = d(f)
        return f
    return apply


# options shared by the commands that run rules on books
selection_options = _stack(
    click.option("--select", multiple=True, help="Only these rules or categories (comma-separated)."),
    click.option("--ignore", multiple=True, help="Skip these rules or categories (comma-separated)."))
input_options = _stack(
    click.option("--config", "config_file", type=click.Path(), help="Configuration file (default ./setup.cfg)."),
    click.option("--encoding", default=None, help="Read text books in this encoding instead of UTF-8."))


def fail_options(fail_help: str):
    return _stack(
        click.option("--fail-on", type=click.Choice(SEVERITY_CHOICES), default=None, help=fail_help),
        click.option("--severity", multiple=True, metavar="RULE=LEVEL", help="Override a rule's severity."))


def _split(values) -> tuple[str, ...]:
    return tuple(x.strip() for v in values for x in v.split(",") if x.strip())


def _severities(values) -> dict:
    out = {}
    for v in values:
        rule, sep, level = v.partition("=")
        if not sep:
            raise click.BadParameter(f"{v!r} is not RULE=LEVEL", param_hint="--severity")
        out[rule.strip()] = level.strip()
    return out


def _format_default() -> str:
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _cli_config(select, ignore, fail_on, severity):
    from qa.config import Config

    return Config(select=_split(select), ignore=_split(ignore), fail_on=fail_on,
                  severities=_severities(severity), source="command line")


def _emit(formatter_name: str, report, output: str | None, **options) -> None:
    """Render with the named formatter to stdout or, atomically, to ``output``."""
    from qa.reports import formatter_class
    from qa.util import atomic_writer

    cls = formatter_class(formatter_name)
    if output:
        with atomic_writer(output) as fh:
            cls(fh, report, **options).run()
    else:
        cls(sys.stdout, report, **options).run()


class _progress:
    """A progress bar on stderr for catalogue runs at a terminal; nothing when piped."""

    def __enter__(self):
        self.bar = None
        return self.update if sys.stderr.isatty() else None

    def update(self, done: int, total: int) -> None:
        if total < 2:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="checking", file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(1)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _report_errors(report) -> None:
    for f in report.errors:
        click.echo(f"mtqa: error: {f.path}: {f.error}", err=True)


@click.group(cls=MtqaGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtqa", prog_name="mtqa")
def main():
    """Check machine-translated Dutch books for translation artefacts (no source text needed)."""
    # A run allocates millions of short-lived objects and hardly any cycles: collecting the
    # young generation every 20,000 allocations instead of 700 saves 3% on a large book.
    gc.set_threshold(20_000, 50, 100)
    from qa import recache

    recache.install()  # compiled patterns from earlier runs (qa/recache.py)


def _format_names():
    from qa.reports import FORMATTERS

    return sorted(FORMATTERS)


def _notes(report, unused_baseline=None, baseline_path=None) -> None:
    """One stderr note per stale suppression: an [[accept]] entry or baseline entry that matched
    nothing (the artefact was fixed, or the text around it changed)."""
    from qa.baseline import describe

    for f in report.files:
        for e in f.unused_accepts:
            click.echo(f"mtqa: note: {f.path}: [[accept]] entry {describe(e)} matches no finding "
                       f"(reason was: {e.get('reason')})", err=True)
    if unused_baseline:
        click.echo(f"mtqa: note: {baseline_path}: {len(unused_baseline)} baseline entr"
                   f"{'y matches' if len(unused_baseline) == 1 else 'ies match'} no finding "
                   f"(fixed, or the text around changed); rewrite it with --write-baseline", err=True)


def _load_baseline(baseline_file):
    """Read the baseline before any work, so that a bad file fails fast."""
    if not baseline_file:
        return None
    from qa import baseline

    return baseline.load(baseline_file)


def _apply_baseline(report, baseline_file, data):
    """Filter the report with a baseline file; return the JSON addition (or None)."""
    if data is None:
        return None
    from qa import baseline

    unused = baseline.apply(report, data)
    _notes(report, unused, baseline_file)
    return {"path": str(baseline_file), "suppressed": sum(f.baselined for f in report.files), "unused": unused}


baseline_option = click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
                               help="Hide the findings recorded in this baseline file (see --write-baseline).")
threshold_option = click.option("--mqm-threshold", type=click.FloatRange(max=100), default=None,
                                help="MQM quality score a chapter or book needs to pass (default 95).")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", default=None,
              help="Output format: text, json, sarif, junit, github (default text; github on GitHub Actions).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to FILE.")
@selection_options
@fail_options("Exit 1 when a finding has this severity or worse (default major).")
@input_options
@click.option("-j", "--jobs", type=click.IntRange(1, 256), default=1, show_default=True,
              help="Check books in this many worker processes (same output as one).")
@baseline_option
@click.option("--write-baseline", type=click.Path(dir_okay=False),
              help="Record every finding of this run in FILE (and exit 0 unless a book is unreadable).")
@threshold_option
def check(paths, fmt, output, select, ignore, fail_on, severity, config_file, encoding, jobs,
          baseline_file, write_baseline, mqm_threshold):
    """Run the rules on books and print the findings."""
    from qa import api

    fmt = fmt or _format_default()
    if fmt not in _format_names():
        raise click.BadParameter(f"{fmt!r} is not one of {', '.join(_format_names())}", param_hint="--format")
    if baseline_file and write_baseline:
        raise click.UsageError("--baseline and --write-baseline exclude each other")
    known = _load_baseline(baseline_file)
    base = api.build_config(config_file)
    cli = _cli_config(select, ignore, fail_on, severity)
    with _progress() as progress:
        report = api.check_paths(paths, base, cli, encoding=encoding, jobs=jobs, progress=progress,
                                 keep_text=False, split_large=True)
    _report_errors(report)
    if report.errors and len(report.errors) == len(report.files):
        sys.exit(2)  # nothing readable: nothing written
    baseline_info = _apply_baseline(report, baseline_file, known)
    if not baseline_file:
        _notes(report)
    options = {"baseline": baseline_info} if baseline_info is not None else {}
    if mqm_threshold is not None:
        options["mqm_threshold"] = mqm_threshold
    _emit(fmt, report, output, **options)
    if write_baseline:
        from qa import baseline

        baseline.write(report, write_baseline)
        click.echo(f"mtqa: wrote {sum(len(f.issues) for f in report.files)} findings to baseline "
                   f"{write_baseline}", err=True)
        sys.exit(2 if report.errors else 0)
    sys.exit(2 if report.errors else (1 if report.failed else 0))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder for the report: one page per book and index.html (created if needed).")
@selection_options
@fail_options("Severity that marks a chapter as failing in the report (default major).")
@input_options
@baseline_option
@threshold_option
def report(paths, outdir, select, ignore, fail_on, severity, config_file, encoding, baseline_file,
           mqm_threshold):
    """Write a self-contained HTML report per book and an index.html for the set.

    Exits 0 when the report is written (whatever it finds), 2 on unreadable input.
    """
    import pathlib

    from qa import api
    from qa.errors import InputError
    from qa.reports import site_writer

    out = pathlib.Path(outdir)
    if out.exists() and not out.is_dir():
        raise InputError(out, "exists and is not a folder")
    known = _load_baseline(baseline_file)
    base = api.build_config(config_file)
    cli = _cli_config(select, ignore, fail_on, severity)
    result = api.check_paths(paths, base, cli, encoding=encoding)
    _report_errors(result)
    if result.errors and len(result.errors) == len(result.files):
        sys.exit(2)  # nothing readable: nothing written
    _apply_baseline(result, baseline_file, known)
    if not baseline_file:
        _notes(result)
    options = {} if mqm_threshold is None else {"mqm_threshold": mqm_threshold}
    written = site_writer("html")(result, out, **options)
    click.echo(f"mtqa: wrote {len(written)} file(s) to {out}", err=True)
    sys.exit(2 if result.errors else 0)


@main.command()
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def rules(fmt):
    """List every rule: id, category, default severity and what it finds."""
    from qa.rules import all_rules

    registry = all_rules()
    if fmt == "json":
        import json

        data = [{"id": rid, "category": c.category, "severity": c.severity, "description": c.summary()}
                for rid, c in registry.items()]
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    width = max((len(r) for r in registry), default=10)
    click.echo(f"{'rule':{width}}  {'category':18}  {'severity':8}  description")
    for rid, cls in registry.items():
        click.echo(f"{rid:{width}}  {cls.category:18}  {cls.severity:8}  {cls.summary()}")


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(), metavar="BOOK...")
@click.option("-o", "--output", type=click.Path(), help="Write the fixed copy to FILE (a folder for several books).")
@click.option("--diff-only", is_flag=True, help="Print the diff, write nothing.")
@selection_options
@input_options
def fix(paths, output, diff_only, select, ignore, config_file, encoding):
    """Apply safe suggestions to a copy; print the diff.

    Writes BOOK with the suggestions that rules mark safe applied to OUT (a folder for several
    books) and prints a unified diff that `patch` applies to BOOK. BOOK is never changed.
    """
    from qa import api, fix as fixmod
    from qa.errors import MtqaError

    if not output and not diff_only:
        raise MtqaError("fix needs -o OUT (the book itself is never changed) or --diff-only")
    cli = _cli_config(select, ignore, None, ())
    for result, target in fixmod.fix_paths(paths, output, api.build_config(config_file), cli, encoding):
        sys.stdout.flush()
        sys.stdout.buffer.write(result.diff(str(target or result.path)))  # in the book's encoding
        sys.stdout.buffer.flush()
        if target and not diff_only:
            fixmod.write(result, target)
        click.echo(f"mtqa: fix: {fixmod.summary(result, None if diff_only else target)}", err=True)


@main.command()
@click.argument("raw", type=click.Path())
@click.argument("edited", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the comparison to FILE.")
@selection_options
@input_options
def compare(raw, edited, fmt, output, select, ignore, config_file, encoding):
    """Score two editions per chapter; list fixed findings.

    Per-chapter chrF, chrF++, BLEU and TER (sacrebleu) of RAW (the machine translation) against
    EDITED (the edited book), and which of RAW's findings EDITED fixed, kept or added.
    """
    from qa import api
    from qa.compare import compare_paths
    from qa.compare_output import emit

    base = api.build_config(config_file)
    emit(compare_paths(raw, edited, base, _cli_config(select, ignore, None, ()), encoding), fmt, output)
