"""Runs every fixture file in ``tests/rules/cases/`` against its one rule (sqlfluff's habit).

A file is named after the rule id and holds TOML tables, one per case: ``text``, optional
``options`` for the rule, and ``issues`` (a list of ``{match, suggestion?}``). A case without
``issues`` must produce no finding. Only the named rule runs, so cases never depend on others.
"""

import pathlib
import tomllib

import pytest

from qa.config import Config
from qa.document import Document
from qa.engine import Engine
from qa.rules import all_rules

CASES = pathlib.Path(__file__).parent / "cases"


def _cases():
    for path in sorted(CASES.glob("*.toml")):
        rule_id = path.stem
        for name, case in tomllib.loads(path.read_text(encoding="utf-8")).items():
            yield pytest.param(rule_id, case, id=f"{rule_id}::{name}")


@pytest.mark.parametrize("rule_id,case", list(_cases()))
def test_case(rule_id, case):
    registry = all_rules()
    assert rule_id in registry, f"fixture file for unknown rule {rule_id}"
    cfg = Config(options={rule_id: case["options"]} if "options" in case else {})
    engine = Engine(cfg, registry={rule_id: registry[rule_id]})
    doc = Document(case["text"], "case.txt")
    result = engine.check(doc)
    got = [(i.text, i.suggestion) for i in result.issues]
    want = case.get("issues", [])
    assert [g[0] for g in got] == [w["match"] for w in want], f"findings: {got}"
    for (text, suggestion), w in zip(got, want):
        if "suggestion" in w:
            assert suggestion == w["suggestion"], f"{text!r}: suggestion {suggestion!r}"
    for issue in result.issues:
        assert doc.text[issue.start:issue.end] == issue.text
