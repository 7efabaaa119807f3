"""The rule registry (imported as ``qa.rules``; the folder is ``rules/`` in the repository).

Every module in this package except ``base`` holds exactly one rule class. Rules are discovered
by walking the package, so adding a rule is adding a module (and its fixture file under
``tests/rules/cases/``); there is no list to edit.
"""

from __future__ import annotations

import importlib
import pkgutil

from qa.rules.base import CATEGORIES, SEVERITIES, Finding, Rule

__all__ = ["CATEGORIES", "SEVERITIES", "Finding", "Rule", "all_rules", "rule_modules"]


def rule_modules() -> list[str]:
    return sorted(f"{__name__}.{m.name}" for m in pkgutil.iter_modules(__path__)
                  if not m.name.startswith("_") and m.name != "base" and not m.ispkg)


def all_rules() -> dict[str, type[Rule]]:
    """Rule id -> rule class, for every rule module, sorted by id."""
    found: dict[str, type[Rule]] = {}
    for name in rule_modules():
        module = importlib.import_module(name)
        for obj in vars(module).values():
            if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == module.__name__ and obj.id:
                if obj.id in found:
                    raise RuntimeError(f"rule id {obj.id!r} is defined twice")
                found[obj.id] = obj
    return dict(sorted(found.items()))
