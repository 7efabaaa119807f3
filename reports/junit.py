"""``--format junit``: JUnit XML for CI test reporters (GitLab, Jenkins, Azure, GitHub actions).

One ``<testsuite>`` per book, one ``<testcase>`` per chapter (plus one for the front matter).
A chapter fails with one ``<failure>`` listing its findings at or above ``--fail-on``; findings
below it go to ``<system-out>``. An unreadable book is a suite with one ``<error>``. Book-level
MQM figures are suite properties. No timestamps or durations, so the output is reproducible.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from qa import mqm
from qa.reports.base import Formatter
from qa.result import SEVERITY_RANK

# characters XML 1.0 cannot carry, even escaped
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def _line(path: str, issue) -> str:
    fix = f" -> {issue.suggestion}" if issue.suggestion is not None else ""
    text = " ".join(issue.text.split())
    return (f"{path}:{issue.line}:{issue.column}: {issue.severity} [{issue.rule}] "
            f"{text!r}{fix}: {issue.message}")


class JunitFormatter(Formatter):
    def start(self) -> None:
        self.root = ET.Element("testsuites", name="mtqa")
        self.limit = SEVERITY_RANK[self.report.fail_on]
        self.threshold = self.options.get("mqm_threshold", mqm.THRESHOLD)
        self.totals = {"tests": 0, "failures": 0, "errors": 0}

    def handle(self, result) -> None:
        suite = ET.SubElement(self.root, "testsuite", name=_clean(result.path))
        if result.error:
            case = ET.SubElement(suite, "testcase", classname=_clean(result.path), name="read")
            ET.SubElement(case, "error", type="unreadable", message=_clean(result.error))
            self._count(suite, tests=1, failures=0, errors=1)
            return
        scores = mqm.for_file(result, self.threshold)
        props = ET.SubElement(suite, "properties")
        book = scores["book"]
        for name, value in (("words", book["words"]), ("mqm.score", book["score"]),
                            ("mqm.penalty", book["penalty"]), ("mqm.passed", book["passed"]),
                            ("mqm.signature", scores["signature"])):
            ET.SubElement(props, "property", name=name, value=str(value).lower() if isinstance(value, bool) else str(value))
        by_chapter: dict = {}
        for issue in result.issues:
            by_chapter.setdefault(issue.chapter, []).append(issue)
        cases = [(None, "front matter", 1)] + [(c.index, f"chapter {c.index}: {c.title}", c.line)
                                               for c in result.chapters]
        failures = 0
        for index, name, line in cases:
            case = ET.SubElement(suite, "testcase", classname=_clean(result.path), name=_clean(name),
                                 file=_clean(result.path), line=str(line))
            issues = by_chapter.get(index, [])
            failing = [i for i in issues if SEVERITY_RANK[i.severity] >= self.limit]
            passing = [i for i in issues if SEVERITY_RANK[i.severity] < self.limit]
            if failing:
                failures += 1
                worst = max(failing, key=lambda i: SEVERITY_RANK[i.severity]).severity
                fail = ET.SubElement(case, "failure", type=worst,
                                     message=f"{len(failing)} finding(s) at or above {self.report.fail_on}")
                fail.text = _clean("\n".join(_line(result.path, i) for i in failing))
            if passing:
                out = ET.SubElement(case, "system-out")
                out.text = _clean("\n".join(_line(result.path, i) for i in passing))
        self._count(suite, tests=len(cases), failures=failures, errors=0)

    def _count(self, suite, **counts) -> None:
        for k, v in counts.items():
            suite.set(k, str(v))
            self.totals[k] += v
        suite.set("skipped", "0")

    def stop(self) -> None:
        for k, v in self.totals.items():
            self.root.set(k, str(v))
        ET.indent(self.root)
        self.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.write(ET.tostring(self.root, encoding="unicode"))
        self.write("\n")
