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
from qa.errors import MtqaError
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
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                raise RuntimeError(f"rule {rule.id} failed on {doc.path}: {exc!r}") from exc
            rid = rule.id
            for f in found:
                start, end = f.start, f.end
                if not (0 <= start < end <= size):
                    raise RuntimeError(f"rule {rid} returned an empty or out-of-range span {start}:{end}")
                key = (rid, start, end)
                if key not in issues:
                    issues[key] = self._stamp(doc, rule, severity, f)
        ordered = sorted(issues.values(), key=lambda i: (i.start, i.end, i.rule))
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
