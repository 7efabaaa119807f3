"""Synthetic results for the report tests: a small book with hand-placed findings of every
severity, so the formatters are tested whatever the rules find in the corpus today."""

from __future__ import annotations

from qa.baseline import context_hash
from qa.document import Document
from qa.result import ChapterInfo, FileResult, Issue, Report

BOOK = """Voorwoord van de redactie.

Hoofdstuk een
De samenwerking met belta.door groeide in 2020 sterk.
Het EU-programma liep tot 2025, zei de minister "met nadruk".

Hoofdstuk twee
De export steeg met 12,5 procent; de MAAR bleef stabiel.
Een tweede zin met een fout: het bedrijf was opgericht in 19 99.
"""


def issue(doc: Document, needle: str, severity: str, rule: str, category: str, chapter, *,
          message: str | None = None, suggestion: str | None = None, nth: int = 0) -> Issue:
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    end = start + len(needle)
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return Issue(rule=rule, category=category, severity=severity, line=line, column=col,
                 end_line=end_line, end_column=end_col, text=needle, suggestion=suggestion,
                 message=message or f"'{needle}' looks wrong", chapter=chapter, page=None,
                 start=start, end=end, safe=suggestion is not None,
                 context_hash=context_hash(doc.text, start, end))


def result(path: str = "books/synthetic.txt", text: str = BOOK, extra=()) -> FileResult:
    doc = Document(text, path)
    issues = [
        issue(doc, "belta.door", "critical", "translated-url.domain", "translated-url", 1,
              message="'.by' was translated as the word 'door'", suggestion="belta.by"),
        issue(doc, "EU", "major", "entity-confusion.eu", "entity-confusion", 1,
              message="EU where the Eurasian Economic Union is meant"),
        issue(doc, "MAAR", "major", "translated-acronym.but", "translated-acronym", 2, suggestion="BUTB"),
        issue(doc, "12,5", "minor", "number.decimal", "number", 2),
        issue(doc, "19 99", "minor", "number.split", "number", 2, suggestion="1999"),
        issue(doc, "redactie", "minor", "typography.front", "typography", None),
        *extra,
    ]
    issues.sort(key=lambda i: (i.start, i.end, i.rule))
    words = len(text.split())
    chapters = [ChapterInfo(1, "Hoofdstuk een", 3, 17), ChapterInfo(2, "Hoofdstuk twee", 7, 21)]
    return FileResult(path, words, chapters, issues, text=text)


def report(*results: FileResult, fail_on: str = "major") -> Report:
    return Report(list(results) or [result()], fail_on=fail_on)
