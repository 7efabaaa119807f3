"""``--format json``: the contract of SPEC.md, one document for the whole run."""

from __future__ import annotations

import json

from qa.reports.base import Formatter


class JsonFormatter(Formatter):
    def start(self) -> None:
        self.files = []

    def handle(self, result) -> None:
        self.files.append(result.to_dict())

    def stop(self) -> None:
        json.dump({"version": 1, "files": self.files}, self.stream, ensure_ascii=False, indent=2)
        self.write("\n")
