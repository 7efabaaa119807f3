"""``--format sarif``: SARIF 2.1.0, for GitHub code scanning and other static-analysis viewers.

One run; the driver lists every registered rule. Levels: critical ``error``, major ``warning``,
minor ``note`` (the mtqa severity is kept in ``properties``). Columns count Unicode code points
(``columnKind``), as the JSON output does; ``endColumn`` points past the last character, as
SARIF's does. A suggestion becomes a ``fix``. Unreadable books are tool execution
notifications; unused ``[[accept]]`` entries are configuration notifications.
"""

from __future__ import annotations

import hashlib
import json

from qa.baseline import describe, key as finding_key
from qa.reports._common import file_uri, rule_docs
from qa.reports.base import Formatter

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"critical": "error", "major": "warning", "minor": "note"}


class SarifFormatter(Formatter):
    def start(self) -> None:
        self.results = []
        self.notes = []
        self.config_notes = []
        self.rules = dict(rule_docs())
        self.index = {rid: n for n, rid in enumerate(self.rules)}

    def _rule_index(self, issue) -> int:
        if issue.rule not in self.rules:  # a rule the registry does not know (a plug-in, a test)
            self.rules[issue.rule] = {"category": issue.category, "severity": issue.severity,
                                      "summary": "", "doc": ""}
            self.index[issue.rule] = len(self.index)
        return self.index[issue.rule]

    def handle(self, result) -> None:
        uri = file_uri(result.path)
        if result.error:
            self.notes.append({"level": "error", "message": {"text": f"{result.path}: {result.error}"},
                               "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
            return
        for entry in result.unused_accepts:
            self.config_notes.append({
                "level": "note",
                "message": {"text": f"{result.path}: [[accept]] entry {describe(entry)} matches no finding"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}]})
        for issue in result.issues:
            region = {"startLine": issue.line, "startColumn": issue.column,
                      "endLine": issue.end_line, "endColumn": issue.end_column,
                      "snippet": {"text": issue.text}}
            fingerprint = hashlib.sha1("\x1f".join(map(str, finding_key(issue))).encode()).hexdigest()
            res = {
                "ruleId": issue.rule,
                "ruleIndex": self._rule_index(issue),
                "level": LEVELS.get(issue.severity, "warning"),
                "message": {"text": issue.message + (f" Suggestion: {issue.suggestion}"
                                                     if issue.suggestion is not None else "")},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                "partialFingerprints": {"mtqaFinding/v1": fingerprint},
                "properties": {"severity": issue.severity, "category": issue.category,
                               "chapter": issue.chapter, "page": issue.page},
            }
            if issue.suggestion is not None:
                res["fixes"] = [{
                    "description": {"text": f"Replace with {issue.suggestion!r}"},
                    "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [{
                        "deletedRegion": {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")},
                        "insertedContent": {"text": issue.suggestion}}]}]}]
            self.results.append(res)

    def stop(self) -> None:
        from qa import __version__

        rules = []
        for rid, d in self.rules.items():
            rule = {"id": rid, "name": rid.replace(".", "/"),
                    "defaultConfiguration": {"level": LEVELS.get(d["severity"], "warning")},
                    "properties": {"category": d["category"], "severity": d["severity"]}}
            if d["summary"]:
                rule["shortDescription"] = {"text": d["summary"]}
            if d["doc"]:
                rule["fullDescription"] = {"text": d["doc"]}
                rule["help"] = {"text": d["doc"]}
            rules.append(rule)
        invocation = {"executionSuccessful": not self.notes}
        if self.notes:
            invocation["toolExecutionNotifications"] = self.notes
        if self.config_notes:
            invocation["toolConfigurationNotifications"] = self.config_notes
        doc = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "mtqa", "version": __version__, "semanticVersion": __version__,
                                    "rules": rules}},
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }
        json.dump(doc, self.stream, ensure_ascii=False, indent=2)
        self.write("\n")
