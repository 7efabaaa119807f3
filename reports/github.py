"""``--format github``: GitHub Actions workflow commands, shown as annotations on the changed files.

``::error file=F,line=L,col=C,endLine=L2,endColumn=C2,title=T::MESSAGE``. Findings at or above
``--fail-on`` are ``error``; below it, major and critical are ``warning`` and minor is
``notice``. Escaping follows GitHub's runner (``toolkit/packages/core/src/command.ts``): in the
message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,``
also become ``%3A`` and ``%2C``. GitHub only uses columns when the annotation is on one line, so
``col``/``endColumn`` are given only then. Chosen automatically when ``GITHUB_ACTIONS=true``.
"""

from __future__ import annotations

from qa.baseline import describe
from qa.reports.base import Formatter
from qa.result import SEVERITY_RANK


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, message: str, **props) -> str:
    args = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{' ' + args if args else ''}::{escape_data(message)}\n"


class GithubFormatter(Formatter):
    def start(self) -> None:
        self.limit = SEVERITY_RANK[self.report.fail_on]
        self.count = 0

    def handle(self, result) -> None:
        if result.error:
            self.write(command("error", f"mtqa cannot read this book: {result.error}",
                               file=result.path, title="mtqa: unreadable book"))
            return
        for entry in result.unused_accepts:
            self.write(command("notice", f"[[accept]] entry {describe(entry)} matches no finding; remove it",
                               file=result.path, title="mtqa: unused accepted finding"))
        for issue in result.issues:
            self.count += 1
            if SEVERITY_RANK[issue.severity] >= self.limit:
                kind = "error"
            else:
                kind = "notice" if issue.severity == "minor" else "warning"
            one_line = issue.line == issue.end_line
            text = " ".join(issue.text.split())
            message = f"{issue.message} ('{text}'" + (
                f" -> '{issue.suggestion}')" if issue.suggestion is not None else ")")
            self.write(command(kind, message, file=result.path, line=issue.line,
                               col=issue.column if one_line else None, endLine=issue.end_line,
                               endColumn=issue.end_column if one_line else None,
                               title=f"mtqa {issue.severity}: {issue.rule}"))

    def stop(self) -> None:
        books = len([f for f in self.report.files if not f.error])
        self.write(f"mtqa: {self.count} findings in {books} book(s)\n")
