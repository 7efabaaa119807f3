"""Helpers shared by the formatters: rule documentation, severity order, file URIs."""

from __future__ import annotations

import pathlib
import sys
from functools import lru_cache
from urllib.parse import quote

SEVERITY_ORDER = ("critical", "major", "minor")


@lru_cache(maxsize=1)
def rule_docs() -> dict:
    """Rule id -> {category, severity, summary, doc}: the registry's own documentation."""
    from qa.rules import Rule, all_rules

    out = {}
    for rid, cls in all_rules().items():
        doc = cls.__doc__ if cls.__doc__ and cls.__doc__ is not Rule.__doc__ else sys.modules[cls.__module__].__doc__
        out[rid] = {"category": cls.category, "severity": cls.severity, "summary": cls.summary(),
                    "doc": _dedent(doc or "")}
    return out


def _dedent(doc: str) -> str:
    import inspect

    return inspect.cleandoc(doc)


def file_uri(path: str) -> str:
    """A relative path as a relative URI reference (forward slashes, percent-encoded); an absolute
    path as a file:// URI."""
    p = pathlib.Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(pathlib.PurePath(path).as_posix(), safe="/")
