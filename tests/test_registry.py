"""Conformance: every rule is registered, named, documented and has fixtures (cf. sqlfluff)."""

import importlib
import pathlib
import re
import tomllib

import pytest

from qa.rules import CATEGORIES, SEVERITIES, Rule, all_rules, rule_modules

CASES = pathlib.Path(__file__).parent / "rules" / "cases"
REGISTRY = all_rules()


def test_every_module_defines_exactly_one_rule():
    for name in rule_modules():
        module = importlib.import_module(name)
        classes = [o for o in vars(module).values()
                   if isinstance(o, type) and issubclass(o, Rule) and o.__module__ == name]
        assert len(classes) == 1, f"{name} defines {len(classes)} rule classes"
        assert classes[0].id in REGISTRY, f"{name}: rule has no id, so it is not registered"


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_rule_is_named_and_documented(rule_id):
    cls = REGISTRY[rule_id]
    category, _, name = rule_id.partition(".")
    assert category == cls.category and category in CATEGORIES and re.fullmatch(r"[a-z0-9-]+", name)
    assert cls.severity in SEVERITIES
    doc = cls.__doc__ or importlib.import_module(cls.__module__).__doc__ or ""
    module_doc = importlib.import_module(cls.__module__).__doc__ or ""
    assert cls.summary() or module_doc.strip(), f"{rule_id}: no one-line description"
    assert re.search(r"^Bad:\s+\S", module_doc + doc, re.M), f"{rule_id}: docstring has no Bad example"
    assert re.search(r"^Good:\s+\S", module_doc + doc, re.M), f"{rule_id}: docstring has no Good example"


@pytest.mark.parametrize("rule_id", list(REGISTRY))
def test_rule_has_failing_and_passing_fixtures(rule_id):
    path = CASES / f"{rule_id}.toml"
    assert path.is_file(), f"no fixture file {path.name}"
    cases = tomllib.loads(path.read_text(encoding="utf-8")).values()
    assert any(c.get("issues") for c in cases), f"{path.name}: no failing case"
    assert any(not c.get("issues") for c in cases), f"{path.name}: no passing case"


def test_compiled_packs_are_up_to_date():
    """rules/packs/compiled.json must be regenerated after a pack is edited."""
    import subprocess
    import sys

    root = pathlib.Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, str(root / "scripts" / "compile_packs.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_packs_read_the_toml_when_the_compiled_copy_is_stale(monkeypatch):
    """A compiled pack is used only while its CRC matches the TOML; otherwise the TOML is parsed."""
    from qa import context

    root = pathlib.Path(__file__).resolve().parent.parent
    source = tomllib.loads((root / "rules" / "packs" / "variants.toml").read_text(encoding="utf-8"))
    stale = {"variants": {"crc32": 0, "data": {"stale": True}}}
    monkeypatch.setattr(context, "_PARSED", {})
    monkeypatch.setattr(context, "_COMPILED", stale)
    assert context.load_pack("variants") == source
    fresh = {"variants": {"crc32": 1, "data": {"fresh": True}}}
    monkeypatch.setattr(context, "_PARSED", {})
    monkeypatch.setattr(context, "_COMPILED", fresh)
    monkeypatch.setattr(context.zlib, "crc32", lambda data: 1)
    assert context.load_pack("variants") == {"fresh": True}
    with pytest.raises(context.ConfigError, match="no rule pack named 'nonesuch'"):
        context.load_pack("nonesuch")
