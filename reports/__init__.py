"""Output formats (imported as ``qa.reports``; the folder is ``reports/`` in the repository).

A formatter is a small class chosen by name. ``FORMATTERS`` maps the name given to
``--format`` to ``module:Class``; modules are imported only when their format is asked for.
"""

from __future__ import annotations

import importlib

FORMATTERS = {
    "text": "qa.reports.text:TextFormatter",
    "json": "qa.reports.jsonfmt:JsonFormatter",
    "sarif": "qa.reports.sarif:SarifFormatter",
    "junit": "qa.reports.junit:JunitFormatter",
    "github": "qa.reports.github:GithubFormatter",
}

# ``mtqa report`` writes a folder, not a stream: one page per book and an index.
SITE_WRITERS = {
    "html": "qa.reports.html:write_site",
}


def _load(target: str):
    module, _, attr = target.partition(":")
    return getattr(importlib.import_module(module), attr)


def formatter_class(name: str):
    return _load(FORMATTERS[name])


def site_writer(name: str = "html"):
    return _load(SITE_WRITERS[name])
