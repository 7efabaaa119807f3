"""``--format json``: the contract of SPEC.md, one document for the whole run.

Beyond the fields of SPEC.md's first version, each file carries ``mqm`` (book score), each
chapter its own ``mqm``, each issue its ``context_hash``, and each file the counts of accepted and
baselined findings and its unused ``[[accept]]`` entries (SPEC.md, "Additions").
"""

from __future__ import annotations

import json

from qa import mqm
from qa.reports.base import Formatter
from qa.result import ISSUE_FIELDS, issue_values


def file_dict(result, threshold: float = mqm.THRESHOLD, with_issues: bool = True) -> dict:
    """One book's entry of ``files[]``: SPEC.md's fields and its additions. Without
    ``with_issues`` the ``issues`` key holds None, for a writer that streams them."""
    d = result.to_dict(with_issues)
    if not result.error:
        scores = mqm.for_file(result, threshold)
        for ch in d["chapters"]:
            ch["mqm"] = scores["chapters"][ch["index"]]
        d["mqm"] = {**scores["book"], "front_matter": scores["front_matter"],
                    "signature": scores["signature"]}
        d["accepted"] = result.accepted
        d["baselined"] = result.baselined
        d["unused_accepts"] = result.unused_accepts
    return d


class JsonFormatter(Formatter):
    """Streams the document: each book is written as soon as it is handled, each issue as one
    compact line (json's C encoder), so a catalogue or a 50 MB book never holds a second copy
    of its findings as dicts, and the pure-Python indenting encoder is never used."""

    def start(self) -> None:
        self.threshold = self.options.get("mqm_threshold", mqm.THRESHOLD)
        self.first = True
        self.write('{\n  "version": 1,\n  "files": [')

    def handle(self, result) -> None:
        d = file_dict(result, self.threshold, with_issues=False)
        self.write(("" if self.first else ",") + "\n    {")
        self.first = False
        for k, (key, value) in enumerate(d.items()):
            self.write(("" if k == 0 else ",") + f"\n      {_dump(key)}: ")
            if key == "issues":
                self._lines(issue_lines(result.issues))
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                self._rows(value)
            else:
                self.write(_dump(value))
        self.write("\n    }")

    def _rows(self, rows) -> None:
        """A list of objects, one compact object per line."""
        self._lines(_dump(row) for row in rows)

    def _lines(self, lines) -> None:
        body = ",\n".join("        " + line for line in lines)
        self.write("[\n" + body + "\n      ]" if body else "[]")

    def stop(self) -> None:
        self.write("\n  ]")
        baseline = self.options.get("baseline")
        if baseline is not None:
            self.write(',\n  "baseline": ' + _dump(baseline))
        self.write("\n}\n")


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # what json.dumps(ensure_ascii=False) makes per call
# A flat list of scalars encoded with NUL between the items: JSON escapes NUL inside strings, so
# splitting at NUL gives each value exactly as _dump writes it.
_FLAT = json.JSONEncoder(ensure_ascii=False, separators=("\x00", ": "))
_ROW = "{{" + ", ".join(f"{_ENCODER.encode(k)}: {{}}" for k in ISSUE_FIELDS) + "{}}}"  # for str.format


def issue_lines(issues) -> list[str]:
    """``_dump(issue.to_dict())`` of each issue, the values of all of them encoded by one call of
    the C encoder (a catalogue formats hundreds of thousands of findings in the main process)."""
    issues = list(issues)
    if not issues:
        return []
    n = len(ISSUE_FIELDS)
    values = _FLAT.encode([v for issue in issues for v in issue_values(issue)])[1:-1].split("\x00")
    return [_ROW.format(*values[k * n:(k + 1) * n],
                        "" if issue.location is None else ', "location": ' + _dump(issue.location))
            for k, issue in enumerate(issues)]


def _dump(value) -> str:
    return _ENCODER.encode(value)
