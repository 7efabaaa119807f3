"""The README tells the truth: its rule table is the registry's, its two commands are real."""

import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def test_rule_table_is_current():
    r = subprocess.run([sys.executable, str(ROOT / "scripts" / "rule_table.py"), "--check"], cwd=ROOT)
    assert r.returncode == 0, "README rule table is stale: run python scripts/rule_table.py"


def test_first_lines_give_setup_and_test_commands():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()[:6]
    setup = [ln for ln in lines if ln.startswith("Set up and check the bundled corpus: `")]
    tests = [ln for ln in lines if ln.startswith("Run the tests: `")]
    assert len(setup) == 1 and len(tests) == 1
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "Run the tests: `" in ci  # .ci/run reads the test command from the README
    assert re.search(r"pip install .*-e '\.\[test", setup[0])
