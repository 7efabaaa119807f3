"""The engine: runs the selected rules on a book and stamps what they find.

Rules yield bare findings (offsets, message, suggestion). The engine adds the rule id, category
and configured severity, turns offsets into line and column, finds the chapter and page, drops
duplicates and sorts. It is the only place that knows about configuration.
"""

from __future__ import annotations

import os
import sys
from bisect import bisect_right

from qa import config as cfgmod
from qa.baseline import context_hash
from qa.context import Context
from qa.document import Document
from qa.errors import MtqaError, RuleError
from qa.result import SEVERITY_RANK
from qa.result import ChapterInfo, FileResult, Issue


# Categories whose rules cost most, claimed first when a large book is split over two processes
# (a scheduling hint only: any order gives the same findings).
HEAVY_FIRST = ("untranslated", "inconsistent-term", "entity-confusion", "mistranslation",
               "translated-acronym", "encoding", "typography", "number", "citation")


class Engine:
    def __init__(self, cfg: cfgmod.Config, registry: dict | None = None, split_at: int | None = None):
        """``split_at``: from this many characters on, a book's rules run in two processes
        (fork; the command line sets it for a single-process run), else in this one."""
        from qa.rules import all_rules

        self.split_at = split_at
        self.registry = registry if registry is not None else all_rules()
        cfgmod.validate(cfg, self.registry)
        self.config = cfg
        self.rules = [
            (cls(**cfg.options.get(rid, {})),
             cfgmod.severity_for(cfg, rid, cls.category, cls.severity))
            for rid, cls in self.registry.items()
            if cfgmod.selected(cfg, rid, cls.category)
        ]

    def check(self, doc: Document, ctx: Context | None = None) -> FileResult:
        ctx = ctx or Context(self.config.packs)
        issues: dict[tuple, Issue] = {}
        size = len(doc.text)
        if self.split_at is not None and size >= self.split_at and hasattr(os, "fork") \
                and len({rule.category for rule, _ in self.rules}) < 256:  # one byte per unit
            results = _run_split(self.rules, doc, ctx)
        else:
            results = [_run(rule, doc, ctx) for rule, _ in self.rules]
        for (rule, severity), found in zip(self.rules, results):
            rid = rule.id
            for f in found:
                start, end = f.start, f.end
                if not (0 <= start < end <= size):
                    raise RuleError(f"internal error in rule {rid} on {doc.path}: empty or out-of-range "
                                    f"span {start}:{end} (please report it)")
                key = (rid, start, end)
                if key not in issues:
                    issues[key] = self._stamp(doc, rule, severity, f)
        ordered = sorted(_one_per_span(issues.values()), key=lambda i: (i.start, i.end, i.rule))
        chapters = [ChapterInfo(c.index, c.title, c.line, n) for c, n in zip(doc.chapters, doc.chapter_words)]
        result = FileResult(doc.path, doc.words, chapters, ordered, text=doc.text)
        if self.config.accepted:  # the book's own [[accept]] entries (qa/baseline.py)
            from qa.baseline import apply_accepted

            apply_accepted(result, self.config.accepted)
        return result

    @staticmethod
    def _stamp(doc: Document, rule, severity: str, f) -> Issue:
        # once per finding (hundreds a book): one look-up of the line when the span ends on it
        text, starts, start, end = doc.text, doc.line_starts, f.start, f.end
        i = bisect_right(starts, start) - 1
        if i + 1 < len(starts) and end >= starts[i + 1]:
            j = bisect_right(starts, end) - 1
        else:
            j = i
        chapter = doc.chapter_at(start)
        return Issue(rule.id, rule.category, severity, i + 1, start - starts[i] + 1, j + 1, end - starts[j] + 1,
                     text[start:end], f.suggestion, f.message, chapter.index if chapter else None,
                     doc.page_at(start), start, end, bool(f.safe and f.suggestion is not None),
                     context_hash(text, start, end), doc.location(start))


def _run(rule, doc: Document, ctx: Context) -> list:
    try:
        return list(rule.check(doc, ctx))
    except MtqaError:
        raise
    except Exception as exc:  # a bug, not bad input: say which rule, in one line
        raise RuleError(f"internal error in rule {rule.id} on {doc.path}: {exc!r} "
                        f"(please report it; --ignore {rule.id} skips the rule)") from exc


def _run_split(rules, doc: Document, ctx: Context) -> list[list]:
    """Every rule's findings, the rules shared by this process and a forked one.

    The book model is built first, so both processes share it (copy-on-write). The rules go in
    units, one per category (rules of a category share per-book memos), which both processes
    claim from a pipe, heavy categories first, until none is left: the faster process takes
    more. The child sends its findings back pickled; the result is the serial one, in rule
    order, and an error raised in either process is the first one a serial run would raise.
    Should the child die (killed for memory, say), this process runs the rules it did not.
    """
    import pickle

    for warm in ("body_text", "notes_text", "word_counts", "urls", "refs", "chars"):
        getattr(doc, warm)
    by_category: dict[str, list[int]] = {}
    for i, (rule, _) in enumerate(rules):
        by_category.setdefault(rule.category, []).append(i)
    rank = {c: k for k, c in enumerate(HEAVY_FIRST)}
    units = sorted(by_category.values(), key=lambda ix: rank.get(rules[ix[0]][0].category, len(rank)))
    queue_r, queue_w = os.pipe()
    os.write(queue_w, bytes(range(len(units))))  # one byte per unit: reads of one byte are atomic
    os.close(queue_w)
    out_r, out_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:  # the child: claim units, send back {rule index: findings or the error}
        code = 0
        try:
            os.close(out_r)
            done = _claim(units, rules, doc, ctx, queue_r)
            with os.fdopen(out_w, "wb") as fh:
                pickle.dump(done, fh, pickle.HIGHEST_PROTOCOL)
        except BaseException:  # noqa: BLE001  the parent reports the missing results
            code = 1
        finally:
            os._exit(code)
    os.close(out_w)
    theirs = None
    results = os.fdopen(out_r, "rb")
    try:
        mine = _claim(units, rules, doc, ctx, queue_r)
        sent = results.read()
    finally:
        # closed before the wait: a child still writing gets a broken pipe instead of blocking
        results.close()
        os.close(queue_r)
        _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) == 0:
        try:
            theirs = pickle.loads(sent)
        except (EOFError, pickle.UnpicklingError):
            pass
    if not isinstance(theirs, dict):  # killed (out of memory), or failed outside a rule:
        theirs = {i: _run(rules[i][0], doc, ctx)  # its rules run here, as in a serial run
                  for i in range(len(rules)) if i not in mine}
    merged = {**mine, **theirs}
    out = []
    for i in range(len(rules)):
        got = merged[i]
        if isinstance(got, BaseException):
            raise got
        out.append(got)
    return out


def _claim(units, rules, doc: Document, ctx: Context, queue: int) -> dict:
    """Run the units read from ``queue`` until it is empty: {rule index: findings or the error}."""
    done: dict = {}
    while unit := os.read(queue, 1):
        for i in units[unit[0]]:
            try:
                done[i] = _run(rules[i][0], doc, ctx)
            except MtqaError as exc:  # kept: the merge raises the first error in rule order
                done[i] = exc
    return done


def _one_per_span(issues):
    """One finding per exact span: where several rules flag the same characters (a label that is
    both English and a minority variant, a year both corrupted and unlike its URL), the editor
    sees the most severe (a safe one first on a tie, then by rule id) and the penalty counts once."""
    best: dict[tuple, Issue] = {}
    for i in issues:
        key = (i.start, i.end)
        j = best.get(key)
        if j is None or (-SEVERITY_RANK[i.severity], not i.safe, i.rule) < (-SEVERITY_RANK[j.severity], not j.safe, j.rule):
            best[key] = i
    return best.values()
