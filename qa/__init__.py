"""mtqa: checks machine-translated Dutch book editions for translation artefacts.

The public, picklable API lives in :mod:`qa.api`; the names below are imported lazily so that
``import qa`` (and ``mtqa --help``) stays fast.
"""

__version__ = "0.1.0"

__all__ = ["check_text", "check_paths", "__version__"]


def __getattr__(name):
    if name in ("check_text", "check_paths"):
        from qa import api

        return getattr(api, name)
    raise AttributeError(f"module 'qa' has no attribute {name!r}")
