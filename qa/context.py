"""Per-run state handed to every rule: configuration, term packs, shared memos.

Nothing here is global: a new :class:`Context` is made for every book checked, so runs in
parallel (threads, processes, a cluster) never share mutable state.
"""

from __future__ import annotations

import copy
import json
import marshal
import os
import zlib
from typing import Any

from qa.errors import ConfigError

COMPILED = "compiled.json"  # rules/packs/compiled.json, written by scripts/compile_packs.py


def _pack_ref(name: str):
    """The pack file: a plain path when the package is a folder (importlib.resources costs 4 ms of
    imports at start-up), else the importlib.resources reference (a zip or other loader)."""
    import qa.rules

    folder = os.path.dirname(getattr(qa.rules, "__file__", None) or "")
    if folder and os.path.isdir(os.path.join(folder, "packs")):
        return open, os.path.join(folder, "packs", name)
    from importlib import resources

    ref = resources.files("qa.rules").joinpath("packs", name)
    return (lambda r, mode: r.open(mode)), ref


def _read(name: str) -> bytes:
    opener, ref = _pack_ref(name)
    with opener(ref, "rb") as fh:
        return fh.read()


_PARSED: dict[str, dict] = {}  # per process: each pack parsed once
_COMPILED: dict | None = None  # per process: rules/packs/compiled.json


def load_pack(name: str) -> dict:
    """``rules/packs/NAME.toml`` as shipped in the package: a fresh copy on every call (rules may
    keep state in it), parsed once per process (a catalogue run makes a Context per book). The
    copy is made by unmarshalling (a C-level deep copy of plain data, 4x faster than deepcopy)."""
    if name not in _PARSED:
        data = _parse_pack(name)
        try:
            _PARSED[name] = marshal.dumps(data)
        except ValueError:  # a value marshal cannot carry (a TOML date): copy it the slow way
            _PARSED[name] = data
    kept = _PARSED[name]
    return marshal.loads(kept) if isinstance(kept, bytes) else copy.deepcopy(kept)


def _parse_pack(name: str) -> dict:
    """The TOML file is the source; ``compiled.json`` holds every pack already parsed, with the
    CRC-32 of the TOML it was made from. Where the CRC matches, the JSON is used (importing tomllib
    and parsing the packs cost 15 ms a run; this costs 1 ms); where the TOML was edited since, the
    TOML itself is parsed, so a stale compiled file is slower, never wrong."""
    try:
        source = _read(f"{name}.toml")
    except FileNotFoundError:
        raise ConfigError(f"no rule pack named {name!r}") from None
    entry = _compiled().get(name)
    if entry and entry["crc32"] == zlib.crc32(source):
        return entry["data"]
    return parse_toml(name, source)


def parse_toml(name: str, source: bytes) -> dict:
    import tomllib

    try:
        return tomllib.loads(source.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"rule pack {name!r} is not valid TOML: {exc}") from None


def _compiled() -> dict:
    global _COMPILED
    if _COMPILED is None:
        try:
            _COMPILED = json.loads(_read(COMPILED)).get("packs", {})
        except (OSError, ValueError):  # missing or damaged: parse the TOML files
            _COMPILED = {}
    return _COMPILED


class Context:
    def __init__(self, pack_additions: dict[str, dict] | None = None):
        self._packs: dict[str, dict] = {}
        self._additions = pack_additions or {}
        self.memo: dict[str, Any] = {}

    def pack(self, name: str) -> dict:
        """A term pack, with the entries the book's own file adds merged in (tables by key)."""
        if name not in self._packs:
            data = load_pack(name)
            for key, value in self._additions.get(name, {}).items():
                if isinstance(value, dict) and isinstance(data.get(key), dict):
                    data[key] = {**data[key], **value}
                elif isinstance(value, list) and isinstance(data.get(key), list):
                    data[key] = data[key] + value
                else:
                    data[key] = value
            self._packs[name] = data
        return self._packs[name]

    def cached(self, key: str, make):
        """Compute a value once per run and share it between rules (``make()`` builds it)."""
        if key not in self.memo:
            self.memo[key] = make()
        return self.memo[key]
