"""A persistent cache of compiled regular expressions for the command line.

Every ``mtqa`` process compiles a few hundred patterns (the rules' own, and patterns built from
the packs and from the book's words); parsing them in Python costs about 15 ms of every run, as
much as the rules spend on a short book. Like Python's own ``__pycache__`` for modules, this cache
keeps the compiled form of each pattern in a file, so a later run hands it straight to the C
engine (``_sre.compile``) instead of parsing it again.

- Only the command line installs it (:func:`install`); the library API never touches ``re``.
- The file is keyed by the interpreter (its cache tag, version and ``_sre.MAGIC``): another
  Python never reads it. It carries a CRC-32 of its content. At install, a probe pattern is compiled both ways and must come out equal, else the
  cache stays off (an interpreter whose ``re`` internals differ).
- A missing, unreadable or damaged file is ignored; a folder that cannot be written is ignored.
- It lives in ``$MTQA_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtqa``, else ``~/.cache/mtqa``;
  ``MTQA_NO_CACHE=1`` turns it off. It holds at most :data:`MAX_ENTRIES` patterns: when a run
  would pass that, only the patterns that run used are kept, the oldest first.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from re import _compiler

_ORIGINAL = _compiler.compile  # re's own compile step (install() replaces it)

MAX_ENTRIES = 4000
_PROBE = (r"(?P<word>[^\W\d_]+)(?:-(?P=word))?\s*(?i:EAEU|ЕАЭС)\b", 0)

_active: RegexCache | None = None


class RegexCache:
    def __init__(self, path: str):
        self.path = path
        self.entries: dict[tuple[str, int], tuple] = {}
        self.used: set[tuple[str, int]] = set()
        self.added = 0
        try:
            with open(path, "rb") as fh:
                blob = fh.read()
            # a CRC-32 of the rest first: a damaged entry could still be valid opcodes
            if len(blob) > 4 and int.from_bytes(blob[:4], "little") == zlib.crc32(blob[4:]):
                data = marshal.loads(blob[4:])  # marshal.load(fh) reads object by object: 15x slower
                if isinstance(data, dict):
                    self.entries = data
        except (OSError, EOFError, ValueError, TypeError):
            pass

    def compile(self, pattern, flags: int = 0):
        """``re._compiler.compile`` for a str pattern, from the cache where it can be."""
        import _sre

        key = (pattern, flags)
        parts = self.entries.get(key) if type(pattern) is str and type(flags) is int else None
        if parts is not None:
            try:
                compiled = _sre.compile(pattern, *parts)
            except (TypeError, ValueError, RuntimeError):  # a damaged entry: compile afresh
                del self.entries[key]
            else:
                self.used.add(key)
                return compiled
        if type(pattern) is not str or type(flags) is not int:
            return _ORIGINAL(pattern, flags)
        parts = _parts(pattern, flags)
        self.entries[key] = parts
        self.used.add(key)
        self.added += 1
        return _sre.compile(pattern, *parts)

    def save(self) -> None:
        """Write the cache if this run compiled anything new (atomically; errors are ignored)."""
        if not self.added:
            return
        keep = self.entries
        if len(keep) > MAX_ENTRIES:  # what this run used, oldest first (the modules' own patterns)
            used = (k for k in keep if k in self.used)
            keep = {k: keep[k] for k, _ in zip(used, range(MAX_ENTRIES))}
        tmp = f"{self.path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            blob = marshal.dumps(keep)
            with open(tmp, "wb") as fh:
                fh.write(zlib.crc32(blob).to_bytes(4, "little") + blob)
            os.replace(tmp, self.path)
        except (OSError, ValueError):
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _parts(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` passes to ``_sre.compile`` after the pattern (CPython 3.11+)."""
    from re import _parser

    p = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(p, flags)]  # opcodes are int subclasses
    groupindex = dict(p.state.groupdict)
    indexgroup = [None] * p.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return flags | p.state.flags, code, p.state.groups - 1, groupindex, tuple(indexgroup)


def cache_path() -> str | None:
    """The cache file for this interpreter, or None when caching is off."""
    if os.environ.get("MTQA_NO_CACHE", "") not in ("", "0"):
        return None
    if sys.implementation.name != "cpython" or not sys.implementation.cache_tag:
        return None
    import _sre

    folder = os.environ.get("MTQA_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "mtqa")
    version = ".".join(map(str, sys.version_info[:3]))  # a patch release may compile differently
    return os.path.join(folder, f"regex-{sys.implementation.cache_tag}-{version}-{_sre.MAGIC}.marshal")


def install() -> RegexCache | None:
    """Route ``re``'s compile step through the cache for the rest of the process."""
    global _active
    if _active is not None:
        return _active
    path = cache_path()
    if path is None:
        return None
    try:
        import _sre

        # this interpreter's re must build exactly what _parts rebuilds, or the cache stays off
        if _sre.compile(_PROBE[0], *_parts(*_PROBE)) != _ORIGINAL(*_PROBE):
            return None
    except Exception:  # noqa: BLE001  any surprise in the internals: leave re alone
        return None
    _active = RegexCache(path)
    _compiler.compile = _active.compile
    return _active


def save() -> None:
    if _active is not None:
        _active.save()
