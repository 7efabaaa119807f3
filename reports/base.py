"""The formatter protocol (after flake8's ``BaseFormatter``): start, one call per book, stop."""

from __future__ import annotations

from typing import TextIO

from qa.result import FileResult, Report


class Formatter:
    """Writes a report to a text stream. Subclasses override ``handle`` and, if needed,
    ``start`` and ``stop``. ``report`` is the whole run, for formats that need totals."""

    def __init__(self, stream: TextIO, report: Report, **options):
        self.stream = stream
        self.report = report
        self.options = options

    def start(self) -> None:
        pass

    def handle(self, result: FileResult) -> None:
        raise NotImplementedError

    def stop(self) -> None:
        pass

    def write(self, s: str) -> None:
        self.stream.write(s)

    def run(self) -> None:
        self.start()
        for result in self.report.files:
            self.handle(result)
        self.stop()
