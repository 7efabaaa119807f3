"""``--format text``: findings grouped by book and chapter, for people at a terminal."""

from __future__ import annotations

from collections import Counter

from qa.reports.base import Formatter


class TextFormatter(Formatter):
    def start(self) -> None:
        self.totals = Counter()

    def handle(self, result) -> None:
        if result.error:
            self.write(f"{result.path}: error: {result.error}\n\n")
            return
        hidden = ", ".join(f"{n} {what}" for n, what in ((result.accepted, "accepted"),
                                                         (result.baselined, "in the baseline")) if n)
        self.write(f"{result.path} ({result.words} words, {len(result.chapters)} chapters, "
                   f"{len(result.issues)} findings{'; hidden: ' + hidden if hidden else ''})\n")
        titles = {c.index: c.title for c in result.chapters}
        current = object()
        for issue in result.issues:
            self.totals[issue.severity] += 1
            if issue.chapter != current:
                current = issue.chapter
                head = "front matter" if current is None else f"chapter {current}: {titles.get(current, '')}"
                self.write(f"\n  == {head}\n")
            where = f"{result.path}:{issue.line}:{issue.column}"
            fix = f"  ->  {issue.suggestion}" if issue.suggestion is not None else ""
            text = " ".join(issue.text.split())
            self.write(f"  {where}: {issue.severity} [{issue.rule}] {text!r}{fix}\n")
            self.write(f"      {issue.message}\n")
        self.write("\n")

    def stop(self) -> None:
        total = sum(self.totals.values())
        parts = ", ".join(f"{self.totals[s]} {s}" for s in ("critical", "major", "minor") if self.totals[s])
        books = len([f for f in self.report.files if not f.error])
        self.write(f"{total} findings in {books} book(s)" + (f": {parts}" if parts else "") + "\n")
