"""The command line as users and CI see it: exit codes, streams, configuration layers."""

import json

from conftest import BOOK0, run_cli

BAD = "Dat meldde persbureau belta.door dinsdag. Bron: https://www.belta.door/economics/view/x-2020/\n"


def _book(tmp_path, text=BAD, name="boek.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_rules_lists_every_rule_with_category_and_severity():
    r = run_cli("rules")
    assert r.returncode == 0
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("translated-url.domain"))
    assert "translated-url" in line and "critical" in line
    data = json.loads(run_cli("rules", "--format", "json").stdout)
    assert {"id", "category", "severity", "description"} <= set(data[0])


def test_check_exit_codes_follow_fail_on(tmp_path):
    book = _book(tmp_path)
    assert run_cli("check", book).returncode == 1
    assert run_cli("check", book, "--fail-on", "never").returncode == 0
    assert run_cli("check", book, "--ignore", "translated-url").returncode == 0
    clean = _book(tmp_path, "Een gewone Nederlandse zin zonder fouten.\n", "schoon.txt")
    assert run_cli("check", clean).returncode == 0


def test_json_spans_are_exact(tmp_path):
    book = _book(tmp_path)
    r = run_cli("check", book, "--format", "json")
    data = json.loads(r.stdout)
    text = book.read_text(encoding="utf-8")
    lines = text.split("\n")
    issues = data["files"][0]["issues"]
    assert issues and data["version"] == 1
    for i in issues:
        assert i["line"] == i["end_line"]
        assert lines[i["line"] - 1][i["column"] - 1:i["end_column"] - 1] == i["text"]
        assert set(i) >= {"rule", "category", "severity", "line", "column", "end_line", "end_column",
                          "text", "suggestion", "message", "chapter", "page"}


def test_output_file_and_python_m(tmp_path):
    book = _book(tmp_path)
    out = tmp_path / "f.json"
    r = run_cli("check", book, "-f", "json", "-o", out)
    assert r.returncode == 1 and r.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["issues"]


def test_unknown_rule_is_a_usage_error(tmp_path):
    book = _book(tmp_path)
    r = run_cli("check", book, "--select", "translated-url.nonsense")
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "translated-url.nonsense" in r.stderr
    assert "Traceback" not in r.stderr


def test_severity_override_from_config_file_and_command_line(tmp_path):
    book = _book(tmp_path)
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[mtqa]\nfail-on = major\n\n[mtqa:rule:translated-url.domain]\nseverity = minor\n")
    r = run_cli("check", book, "--config", cfg, "-f", "json")
    assert r.returncode == 0
    assert {i["severity"] for i in json.loads(r.stdout)["files"][0]["issues"]} == {"minor"}
    # the command line wins over the file
    assert run_cli("check", book, "--config", cfg, "--severity", "translated-url.domain=critical").returncode == 1
    # setup.cfg in the working folder is read without --config
    assert run_cli("check", book, cwd=tmp_path).returncode == 0


def test_book_file_sits_between_setup_cfg_and_command_line(tmp_path):
    book = _book(tmp_path)
    (tmp_path / "boek.mtqa.toml").write_text('[rules."translated-url.domain"]\nseverity = "minor"\n')
    assert run_cli("check", book).returncode == 0
    assert run_cli("check", book, "--severity", "translated-url.domain=major").returncode == 1


def test_bad_configuration_is_named(tmp_path):
    book = _book(tmp_path)
    cfg = tmp_path / "bad.cfg"
    cfg.write_text("[mtqa:rule:translated-url.domain]\ncolour = blue\n")
    r = run_cli("check", book, "--config", cfg)
    assert r.returncode == 2 and 'unknown option "colour"' in r.stderr and "Traceback" not in r.stderr
    cfg.write_text("[mtqa:rule:translated-url.domain]\nseverity = fatal\n")
    assert run_cli("check", book, "--config", cfg).returncode == 2
    assert run_cli("check", book, "--severity", "nonsense").returncode == 2


def test_missing_input_writes_nothing(tmp_path):
    out = tmp_path / "f.json"
    r = run_cli("check", tmp_path / "nope.txt", "-f", "json", "-o", out)
    assert r.returncode == 2 and "nope.txt" in r.stderr and r.stderr.count("\n") == 1
    assert not out.exists()


def test_corpus_book_in_text_format_groups_by_chapter():
    r = run_cli("check", BOOK0, "--select", "translated-url")
    assert r.returncode == 1
    assert "== chapter 1: Van integratieprocessen - tot regionale samenwerking" in r.stdout
    assert "belta.door" in r.stdout


def test_unwritable_output_is_a_one_line_error(tmp_path):
    book = _book(tmp_path)
    r = run_cli("check", book, "-o", tmp_path / "no" / "such" / "dir" / "x.json")
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "cannot write" in r.stderr
    r = run_cli("check", book, "-o", tmp_path)  # a usage error, reported by click
    assert r.returncode == 2 and "is a directory" in r.stderr and "Traceback" not in r.stderr


def test_output_file_gets_ordinary_permissions(tmp_path):
    import os
    import stat

    book = _book(tmp_path)
    out = tmp_path / "f.json"
    run_cli("check", book, "-f", "json", "-o", out)
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
