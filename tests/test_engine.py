"""The engine: stamping, one finding per span, and rule failures as one-line errors."""

import pytest

from qa.config import Config
from qa.document import Document
from qa.engine import Engine
from qa.errors import MtqaError
from qa.rules.base import Finding, Rule

TEXT = "Dat meldde persbureau belta.door dinsdag.\n"


def _rule(rid, severity, safe=False, span=(22, 32)):
    class R(Rule):
        id = rid
        category = rid.split(".")[0]

        def check(self, doc, ctx):
            yield Finding(*span, f"from {rid}", "belta.by" if safe else None, safe=safe)

    R.severity = severity
    return R


def test_one_finding_per_span_keeps_the_most_severe():
    registry = {"other.a": _rule("other.a", "minor", safe=True), "other.b": _rule("other.b", "major"),
                "other.c": _rule("other.c", "minor", span=(0, 3))}
    result = Engine(Config(), registry=registry).check(Document(TEXT, "t.txt"))
    assert [(i.rule, i.text) for i in result.issues] == [("other.c", "Dat"), ("other.b", "belta.door")]


def test_on_equal_severity_a_safe_finding_wins():
    registry = {"other.a": _rule("other.a", "major"), "other.b": _rule("other.b", "major", safe=True)}
    result = Engine(Config(), registry=registry).check(Document(TEXT, "t.txt"))
    assert [i.rule for i in result.issues] == ["other.b"] and result.issues[0].safe


def test_stamps_line_column_chapter_severity_and_context_hash():
    registry = {"other.b": _rule("other.b", "major")}
    cfg = Config(severities={"other.b": "critical"})
    issue = Engine(cfg, registry=registry).check(Document(TEXT, "t.txt")).issues[0]
    assert (issue.line, issue.column, issue.end_line, issue.end_column) == (1, 23, 1, 33)
    assert issue.severity == "critical" and issue.category == "other" and len(issue.context_hash) == 12


def test_a_failing_rule_is_a_one_line_error_naming_it():
    class Broken(Rule):
        id = "other.broken"
        category = "other"

        def check(self, doc, ctx):
            raise ValueError("boom")
            yield

    with pytest.raises(MtqaError) as err:
        Engine(Config(), registry={"other.broken": Broken}).check(Document(TEXT, "t.txt"))
    assert "other.broken" in str(err.value) and "\n" not in str(err.value)


def test_an_out_of_range_span_is_an_error():
    registry = {"other.x": _rule("other.x", "minor", span=(5, 500))}
    with pytest.raises(MtqaError):
        Engine(Config(), registry=registry).check(Document(TEXT, "t.txt"))


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the split needs fork")
def test_a_book_split_over_two_processes_gives_the_serial_result():
    import pathlib

    from qa.context import Context
    from qa.reports.jsonfmt import file_dict

    text = (pathlib.Path(__file__).resolve().parent.parent / "corpus" / "000_6e910faac174649e.txt").read_text(encoding="utf-8")
    serial = Engine(Config()).check(Document(text, "000.txt"), Context())
    split = Engine(Config(), split_at=0).check(Document(text, "000.txt"), Context())
    assert file_dict(split) == file_dict(serial) and len(serial.issues) > 500


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the split needs fork")
def test_a_failing_rule_in_a_split_run_fails_as_in_a_serial_run():
    class Broken(Rule):
        id = "typography.broken"
        category = "typography"
        severity = "minor"

        def check(self, doc, ctx):
            raise ValueError("boom")

    registry = {"other.a": _rule("other.a", "minor"), "typography.broken": Broken,
                "untranslated.a": _rule("untranslated.a", "major")}
    messages = []
    for split_at in (None, 0):
        with pytest.raises(MtqaError) as err:
            Engine(Config(), registry=registry, split_at=split_at).check(Document(TEXT, "t.txt"))
        messages.append(str(err.value))
    assert messages[0] == messages[1] and "typography.broken" in messages[0] and "boom" in messages[0]


@pytest.mark.skipif(not hasattr(__import__("os"), "fork"), reason="the split needs fork")
def test_a_dead_second_process_leaves_its_rules_to_the_first(monkeypatch):
    """The forked rule process killed (out of memory) or failing outside a rule: the first one
    runs the rules it did not, and the result is the serial one."""
    import os
    import time

    from qa import engine as engine_module

    registry = {"other.a": _rule("other.a", "minor"), "untranslated.a": _rule("untranslated.a", "major"),
                "typography.a": _rule("typography.a", "minor", span=(0, 3))}
    serial = Engine(Config(), registry=registry).check(Document(TEXT, "t.txt"))
    claim = engine_module._claim
    parent = os.getpid()

    def dies_in_the_child(units, rules, doc, ctx, queue):
        if os.getpid() != parent:
            os.read(queue, 1)  # takes the heaviest unit, then is killed
            os._exit(9)
        time.sleep(0.3)  # lets the child take its unit first
        return claim(units, rules, doc, ctx, queue)

    monkeypatch.setattr(engine_module, "_claim", dies_in_the_child)
    split = Engine(Config(), registry=registry, split_at=0).check(Document(TEXT, "t.txt"))
    assert split.issues == serial.issues and len(serial.issues) == 2


def test_input_errors_survive_pickling():
    import pickle

    from qa.errors import InputError

    err = pickle.loads(pickle.dumps(InputError("boek.txt", "empty file")))
    assert (err.path, err.problem, str(err)) == ("boek.txt", "empty file", "boek.txt: empty file")
