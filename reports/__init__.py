"""Output formats (imported as ``qa.reports``; the folder is ``reports/`` in the repository).

A formatter is a small class chosen by name. ``FORMATTERS`` maps the name given to
``--format`` to ``module:Class``; modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib

FORMATTERS = {
    "text": "qa.reports.text:TextFormatter",
    "json": "qa.reports.jsonfmt:JsonFormatter",
}


def formatter_class(name: str):
    module, _, cls = FORMATTERS[name].partition(":")
    return getattr(importlib.import_module(module), cls)
