"""The engine: runs the selected rules on a book and stamps what they find.

Rules yield bare findings (offsets, message, suggestion). The engine adds the rule id, category
and configured severity, turns offsets into line and column, finds the chapter and page, drops
duplicates and sorts. It is the only place that knows about configuration.
"""

from __future__ import annotations

from bisect import bisect_right

from qa import config as cfgmod
from qa.baseline import context_hash
from qa.context import Context
from qa.document import Document
from qa.errors import MtqaError, RuleError
from qa.result import SEVERITY_RANK
from qa.result import ChapterInfo, FileResult, Issue


class Engine:
    def __init__(self, cfg: cfgmod.Config, registry: dict | None = None):
        from qa.rules import all_rules

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
        for rule, severity in self.rules:
            try:
                found = list(rule.check(doc, ctx))
            except MtqaError:
                raise
            except Exception as exc:  # a bug, not bad input: say which rule, in one line
                raise RuleError(f"internal error in rule {rule.id} on {doc.path}: {exc!r} "
                                f"(please report it; --ignore {rule.id} skips the rule)") from exc
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
