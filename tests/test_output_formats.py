"""The CI formats of ``mtqa check``: SARIF validates, JUnit parses, GitHub commands follow the
runner's syntax, JSON carries the MQM additions. Synthetic results and the corpus both."""

import io
import json
import pathlib
import re
import xml.etree.ElementTree as ET

import pytest
from conftest import CORPUS, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

import synth
from qa.reports import FORMATTERS, formatter_class
from qa.result import FileResult

SCHEMA = pathlib.Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def render(name, report, **options) -> str:
    out = io.StringIO()
    formatter_class(name)(out, report, **options).run()
    return out.getvalue()


def synthetic_report(fail_on="major"):
    evil = synth.result("books/evil, \"odd\": name.txt")
    evil.unused_accepts = [{"rule": "number", "text": "7", "reason": "kept"}]
    return synth.report(synth.result(), evil, FileResult("books/missing.txt", error="no such file or folder"),
                        fail_on=fail_on)


def test_registry_names_every_check_format():
    assert {"text", "json", "sarif", "junit", "github"} <= set(FORMATTERS)


# -- SARIF -----------------------------------------------------------------------------------
def _validate_sarif(doc):
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_sarif_synthetic_validates_and_maps_fields():
    report = synthetic_report()
    doc = json.loads(render("sarif", report))
    _validate_sarif(doc)
    run = doc["runs"][0]
    results = run["results"]
    assert len(results) == sum(len(f.issues) for f in report.files)
    rules = run["tool"]["driver"]["rules"]
    for res, issue in zip(results, report.files[0].issues):
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"] == issue.rule
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == \
               (issue.line, issue.column, issue.end_line, issue.end_column)
        assert res["level"] == {"critical": "error", "major": "warning", "minor": "note"}[issue.severity]
        assert ("fixes" in res) == (issue.suggestion is not None)
    assert run["columnKind"] == "unicodeCodePoints"
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "missing.txt" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert inv["toolConfigurationNotifications"][0]["level"] == "note"
    # the odd path is a relative, percent-encoded URI reference
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "books/evil%2C%20%22odd%22%3A%20name.txt" in uris


def test_sarif_corpus_validates():
    proc = run_cli("check", CORPUS, "-f", "sarif", "--fail-on", "never")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    _validate_sarif(doc)
    js = json.loads(run_cli("check", CORPUS, "-f", "json", "--fail-on", "never").stdout)
    assert len(doc["runs"][0]["results"]) == sum(len(f["issues"]) for f in js["files"])


# -- JUnit -----------------------------------------------------------------------------------
def test_junit_parses_with_a_case_per_chapter():
    report = synthetic_report()
    root = ET.fromstring(render("junit", report).encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [f.path for f in report.files]
    ok = suites[0]
    cases = ok.findall("testcase")
    assert [c.get("name") for c in cases] == ["front matter", "chapter 1: Hoofdstuk een", "chapter 2: Hoofdstuk twee"]
    # chapter 1 has a critical and a major, chapter 2 a major: failures at or above major
    assert [c.find("failure") is not None for c in cases] == [False, True, True]
    assert cases[0].find("system-out") is not None  # the minor front-matter finding is listed, not failed
    assert ok.get("tests") == "3" and ok.get("failures") == "2"
    assert "belta.door" in cases[1].find("failure").text
    assert suites[2].find("testcase/error") is not None and suites[2].get("errors") == "1"
    assert root.get("failures") == "4" and root.get("errors") == "1"
    props = {p.get("name"): p.get("value") for p in ok.findall("properties/property")}
    assert props["mqm.signature"].startswith("mqm|") and props["mqm.passed"] == "false"


def test_junit_fail_on_never_and_minor():
    never = ET.fromstring(render("junit", synthetic_report("never")))
    assert never.get("failures") == "0"
    minor = ET.fromstring(render("junit", synthetic_report("minor")))
    assert minor.find("testsuite").get("failures") == "3"


def test_junit_corpus_parses():
    proc = run_cli("check", CORPUS, "-f", "junit", "--fail-on", "never")
    root = ET.fromstring(proc.stdout)
    js = json.loads(run_cli("check", CORPUS, "-f", "json", "--fail-on", "never").stdout)
    for suite, f in zip(root.findall("testsuite"), js["files"]):
        assert int(suite.get("tests")) == len(f["chapters"]) + 1


# -- GitHub ----------------------------------------------------------------------------------
COMMAND = re.compile(r"^::(error|warning|notice)(?: ((?:[A-Za-z]+=[^,:\r\n]*)(?:,[A-Za-z]+=[^,:\r\n]*)*))?::([^\r\n]*)$")


def test_github_commands_follow_the_syntax_and_escape():
    extra = synth.issue(synth.Document(synth.BOOK, "x"), "Voorwoord", "minor", "other.x", "other", None,
                        message="100% wrong,\nsecond line: here")
    report = synth.report(synth.result("a,b:c%.txt", extra=[extra]),
                          FileResult("gone.txt", error="no such file or folder"))
    lines = render("github", report).splitlines()
    commands = [ln for ln in lines if ln.startswith("::")]
    assert len(commands) == len(report.files[0].issues) + 1
    for ln in commands:
        m = COMMAND.match(ln)
        assert m, ln
        props = dict(p.split("=", 1) for p in m[2].split(","))
        assert props["file"] in ("a%2Cb%3Ac%25.txt", "gone.txt")
    first = next(ln for ln in commands if "Voorwoord" in ln)
    assert "100%25 wrong,%0Asecond line: here" in first  # data: %, CR, LF escaped; , and : kept
    crit = next(ln for ln in commands if "belta.door" in ln)
    i = next(i for i in report.files[0].issues if i.text == "belta.door")
    assert crit.startswith(f"::error file=a%2Cb%3Ac%25.txt,line={i.line},col={i.column},"
                           f"endLine={i.end_line},endColumn={i.end_column},title=mtqa critical%3A translated-url.domain::")
    kinds = {next(j.severity for j in report.files[0].issues if j.text in ln): ln[2:ln.index(" ")]
             for ln in commands if "gone.txt" not in ln}
    assert kinds == {"critical": "error", "major": "error", "minor": "notice"}


def test_github_multiline_finding_has_no_columns():
    text = synth.BOOK.replace("belta.door groeide", "belta.\ndoor groeide")
    doc = synth.Document(text, "x")
    multi = synth.issue(doc, "belta.\ndoor", "critical", "translated-url.domain", "translated-url", 1)
    res = FileResult("x.txt", 10, [], [multi], text=text)
    line = render("github", synth.report(res)).splitlines()[0]
    assert "col=" not in line and "endColumn=" not in line and f"endLine={multi.end_line}" in line


def test_github_is_the_default_on_actions():
    proc = run_cli("check", CORPUS / "000_6e910faac174649e.txt", "--fail-on", "never", env={"GITHUB_ACTIONS": "true"})
    assert proc.returncode == 0
    assert all(COMMAND.match(ln) for ln in proc.stdout.splitlines() if ln.startswith("::"))
    assert proc.stdout.splitlines()[-1].startswith("mtqa: ")


# -- JSON additions --------------------------------------------------------------------------
def test_json_carries_mqm_per_file_and_chapter():
    doc = json.loads(render("json", synthetic_report()))
    f = doc["files"][0]
    assert f["mqm"]["signature"] == "mqm|words:target|rwc:1000|weights:0-1-5-25|pt:95|v:1"
    assert f["mqm"]["penalty"] == 25 + 5 + 5 + 1 + 1 + 1
    assert [c["mqm"]["penalty"] for c in f["chapters"]] == [30, 7]
    assert f["mqm"]["front_matter"]["penalty"] == 1
    assert all(re.fullmatch(r"[0-9a-f]{12}", i["context_hash"]) for i in f["issues"])
    assert doc["files"][1]["unused_accepts"][0]["reason"] == "kept"
    assert "mqm" not in doc["files"][2] and doc["files"][2]["error"]
    custom = json.loads(render("json", synthetic_report(), mqm_threshold=80))
    assert custom["files"][0]["mqm"]["signature"].endswith("|pt:80|v:1")


@pytest.mark.parametrize("fmt", sorted(FORMATTERS))
def test_every_format_handles_an_empty_book(fmt):
    res = FileResult("empty.txt", 0, [], [], text="x")
    assert isinstance(render(fmt, synth.report(res)), str)


_TEXT = st.text(alphabet=st.sampled_from(list('ab "\\\x00\n\t\x1f’é€\U0001d11e/')), max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_TEXT, st.none() | _TEXT, st.none() | st.integers(-1, 10**6), st.booleans(),
                          st.none() | st.dictionaries(_TEXT, st.integers(0, 9) | _TEXT, max_size=2)),
                max_size=4))
def test_json_issue_lines_are_the_plain_encoding_of_each_issue(rows):
    """The streamed rows (one C encoder call per book) say exactly what json.dumps says per issue."""
    from qa.reports.jsonfmt import issue_lines
    from qa.result import Issue

    issues = [Issue("other.x", "other", "minor", 1, 2, 3, 4, text, suggestion, text, page, page, 0, 5,
                    safe, "abc", location) for text, suggestion, page, safe, location in rows]
    assert issue_lines(issues) == [json.dumps(i.to_dict(), ensure_ascii=False) for i in issues]
