"""The engine: runs the selected rules on a book and stamps what they find.

Rules yield bare findings (offsets, message, suggestion). The engine adds the rule id, category
and configured severity, turns offsets into line and column, finds the chapter and page, drops
duplicates and sorts. It is the only place that knows about configuration.
"""

from __future__ import annotations

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
        for rule, severity in self.rules:
            try:
                found = list(rule.check(doc, ctx))
            except MtqaError:
                raise
            except Exception as exc:  # a rule bug must not hide the other rules' findings
                raise RuntimeError(f"rule {rule.id} failed on {doc.path}: {exc!r}") from exc
            for f in found:
                if not (0 <= f.start < f.end <= len(doc.text)):
                    raise RuntimeError(f"rule {rule.id} returned an empty or out-of-range span {f.start}:{f.end}")
                key = (rule.id, f.start, f.end)
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
        line, col = doc.line_col(f.start)
        end_line, end_col = doc.line_col(f.end)
        chapter = doc.chapter_at(f.start)
        return Issue(
            rule=rule.id, category=rule.category, severity=severity,
            line=line, column=col, end_line=end_line, end_column=end_col,
            text=doc.text[f.start:f.end], suggestion=f.suggestion, message=f.message,
            chapter=chapter.index if chapter else None, page=doc.page_at(f.start),
            start=f.start, end=f.end, safe=bool(f.safe and f.suggestion is not None),
            context_hash=context_hash(doc.text, f.start, f.end),
            location=doc.location(f.start),
        )
