"""``mtqa fix``: apply the suggestions that rules mark safe, to a copy of a plain-text book.

A suggestion is applied only when its rule said ``safe=True`` (the engine stamps that on the
issue as ``Issue.safe``). Overlapping suggestions are resolved deterministically: the more severe
finding wins, then the longer span, then the earlier one, then the rule id; the losers get
another chance in the next pass if they still apply. Passes repeat until a check of the fixed
text finds no safe suggestion left (at most ``MAX_PASSES``), so fixing the output again changes
nothing.

The book itself is only ever read. The copy keeps the book's encoding, byte-order mark and line
endings; the diff is a unified diff that ``patch`` applies to the book.
"""

from __future__ import annotations

import bisect
import difflib
import os
import pathlib
from dataclasses import dataclass, field

from qa import config as cfgmod
from qa.document import Document
from qa.errors import InputError, MtqaError
from qa.result import SEVERITY_RANK, Issue

MAX_PASSES = 4
NOT_PLAIN_TEXT = (".pdf", ".docx", ".epub")


@dataclass
class FixResult:
    path: str
    original: str
    fixed: str
    applied: list[Issue] = field(default_factory=list)  # offsets of the pass that applied them
    unresolved: list[Issue] = field(default_factory=list)  # safe findings still in ``fixed``
    passes: int = 0
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self, tofile: str | None = None) -> bytes:
        """The unified diff from the book to the copy, in the book's encoding (and with its BOM on
        the first line), so that ``patch`` applies it to the book's bytes."""
        bom = "\ufeff" if self.bom else ""
        text = unified_diff(bom + self.original, bom + self.fixed, self.path, tofile or self.path)
        return text.encode(self.encoding)


# -- the pure part: text in, text out --------------------------------------------------------
def choose(issues: list[Issue]) -> tuple[list[Issue], list[Issue]]:
    """Split safe issues into (applied, skipped): a set of non-overlapping edits.

    The same edit proposed by two rules counts once and applies once (both are listed as
    applied). Everything else that overlaps a chosen edit is skipped.
    """
    def priority(i: Issue):
        return (-SEVERITY_RANK.get(i.severity, 0), -(i.end - i.start), i.start, i.rule, i.suggestion)

    starts: list[int] = []  # chosen spans, sorted by start (they never overlap)
    ends: list[int] = []
    chosen_edit: dict[tuple, bool] = {}
    applied, skipped = [], []
    for issue in sorted(issues, key=priority):
        if issue.suggestion is None or issue.suggestion == issue.text:
            continue
        key = (issue.start, issue.end, issue.suggestion)
        if key in chosen_edit:
            applied.append(issue)
            continue
        k = bisect.bisect_left(starts, issue.start)
        clash = (k > 0 and ends[k - 1] > issue.start) or (k < len(starts) and starts[k] < issue.end)
        if clash:
            skipped.append(issue)
            continue
        starts.insert(k, issue.start)
        ends.insert(k, issue.end)
        chosen_edit[key] = True
        applied.append(issue)
    applied.sort(key=lambda i: (i.start, i.end, i.rule))
    return applied, skipped


def apply(text: str, issues: list[Issue]) -> str:
    """Replace each issue's span by its suggestion, right to left (spans must not overlap)."""
    edits = sorted({(i.start, i.end, i.suggestion) for i in issues}, reverse=True)
    out, pos = [], len(text)
    for start, end, new in edits:
        if end > pos:
            raise ValueError(f"overlapping edits at {start}:{end}")
        out.append(text[end:pos])
        out.append(new)
        pos = start
    out.append(text[:pos])
    return "".join(reversed(out))


def fix_document(doc: Document, cfg: cfgmod.Config, engine=None, max_passes: int = MAX_PASSES) -> FixResult:
    """Apply the safe suggestions of the selected rules until none is left (or ``max_passes``)."""
    from qa.engine import Engine

    engine = engine or Engine(cfg)
    text, applied, passes = doc.text, [], 0
    current = doc
    while True:
        safe = [i for i in engine.check(current).issues if i.safe and i.suggestion != i.text]
        if not safe or passes == max_passes:
            break
        chosen, _ = choose(safe)
        text = apply(text, chosen)
        applied.extend(chosen)
        passes += 1
        current = Document(text, doc.path, doc.format)
    return FixResult(doc.path, doc.text, text, applied, safe, passes)


# -- the diff ----------------------------------------------------------------------------------
def _lines(text: str) -> list[str]:
    """Lines as ``patch`` sees them: split on LF only (a form feed or U+2028 is not a break)."""
    parts = text.split("\n")
    lines = [p + "\n" for p in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def unified_diff(old: str, new: str, fromfile: str, tofile: str, context: int = 3) -> str:
    """A unified diff that ``patch`` applies to ``old`` (marks a missing final newline)."""
    out = []
    for line in difflib.unified_diff(_lines(old), _lines(new), fromfile, tofile, n=context, lineterm="\n"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


# -- files ---------------------------------------------------------------------------------------
def book_config(path, base: cfgmod.Config, cli: cfgmod.Config | None) -> cfgmod.Config:
    """The configuration ``mtqa check`` uses for this book: setup.cfg < book file < command line."""
    cli = cli or cfgmod.Config()
    book_cfg = cfgmod.from_book_file(path)
    return base.merged(book_cfg).merged(cli) if book_cfg.source != "defaults" else base.merged(cli)


def load_text_book(path, encoding: str | None = None) -> tuple[Document, str, bool]:
    """A plain-text book as a Document, with the encoding and BOM to write the copy in."""
    from qa.load import decode, read_bytes

    path = pathlib.Path(path)
    if path.suffix.lower() in NOT_PLAIN_TEXT:
        raise InputError(path, f"fix writes plain-text books only, not {path.suffix.lower()[1:].upper()}; "
                               "check it with 'mtqa check' or fix its extracted text")
    data = read_bytes(path)
    text = decode(path, data, encoding)
    bom = encoding is None and data.startswith(b"\xef\xbb\xbf")
    return Document(text, os.fspath(path)), encoding or "utf-8", bom


def fix_path(path, base: cfgmod.Config, cli: cfgmod.Config | None = None, encoding: str | None = None) -> FixResult:
    doc, enc, bom = load_text_book(path, encoding)
    result = fix_document(doc, book_config(path, base, cli))
    result.encoding, result.bom = enc, bom
    return result


def fix_paths(paths, output, base: cfgmod.Config, cli: cfgmod.Config | None = None,
              encoding: str | None = None) -> list[tuple[FixResult, pathlib.Path | None]]:
    """Fix every book the paths name (nothing is written here): (result, where it goes).

    Every book is read and every target checked before anything is written, so a bad input
    or a target that is a book stops the run with nothing written.
    """
    from qa.load import collect

    books, errors = collect(paths)
    if errors:
        raise errors[0]
    several = len(books) > 1 or any(pathlib.Path(p).is_dir() for p in paths)
    targets = plan_outputs(books, output, several) if output else [None] * len(books)
    return [(fix_path(b, base, cli, encoding), t) for b, t in zip(books, targets)]


def plan_outputs(books: list[pathlib.Path], output, to_folder: bool) -> list[pathlib.Path]:
    """Where each book's copy goes; refuses any copy that would be (or replace) a book."""
    out = pathlib.Path(output)
    if to_folder or out.is_dir():
        if out.exists() and not out.is_dir():
            raise MtqaError(f"{out}: several books need a folder for -o, not a file")
        targets = [out / b.name for b in books]
        dupes = {t.name for t in targets if targets.count(t) > 1}
        if dupes:
            raise MtqaError(f"{out}: two books would both be written as {sorted(dupes)[0]}")
    else:
        targets = [out]
    for book, target in zip(books, targets):
        for other in books:
            if _same_file(other, target):
                raise MtqaError(f"{target}: -o names the book {other} itself; fix never overwrites a book")
        if target.is_dir():
            raise MtqaError(f"{target}: is a folder")
    return targets


def _same_file(a: pathlib.Path, b: pathlib.Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # b does not exist (yet): compare where it would be
        return a.resolve() == b.resolve()


def write(result: FixResult, target: pathlib.Path) -> None:
    """Write the fixed text atomically, in the book's encoding, BOM and line endings."""
    from qa.util import atomic_writer

    if not target.parent.is_dir() and str(target.parent):
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic_writer(target, "wb") as fh:
            fh.write((b"\xef\xbb\xbf" if result.bom else b"") + result.fixed.encode(result.encoding))
    except (OSError, UnicodeEncodeError) as exc:
        raise MtqaError(f"{target}: cannot write: {getattr(exc, 'strerror', None) or exc}") from None


def summary(result: FixResult, target) -> str:
    """One line for stderr: what was applied, and what (if anything) is left."""
    from collections import Counter

    by_rule = Counter(i.rule for i in result.applied)
    rules = ", ".join(f"{r} {n}" for r, n in sorted(by_rule.items()))
    line = f"{result.path}: {len(result.applied)} safe fix(es)" + (f" ({rules})" if rules else "")
    line += f" -> {target}" if target else " (diff only, nothing written)"
    if result.unresolved:
        line += f"; {len(result.unresolved)} safe finding(s) left after {result.passes} passes"
    return line
