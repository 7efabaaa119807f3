"""The command line's persistent regex cache (qa/recache.py) must give exactly re's patterns."""

import marshal
import os
import re
import zlib

import pytest
from conftest import BOOK1, run_cli
from hypothesis import given, settings
from hypothesis import strategies as st

from qa import recache

PATTERNS = [
    (r"\bbelta\.door\b", 0),
    (r"(?P<word>[^\W\d_]+) (?P=word)", 0),
    (r"(?i:europese unie)|EU(?=-)", 0),
    (r"(?<![\w-])MAAR(?= zal)", re.M),
    (r"^\s*(\d{1,3})[ \t]+(?=\S)", re.M | re.S),
    (r"""(?x) https?://  # scheme
         [^\s<>"']+      # the rest""", 0),
    (r"[А-Яа-яЁё]+|\ufffd+", re.I),
    (r"(a)|(b)(?(2)c|d)", 0),
]


def _compiled_through_cache(tmp_path, pattern, flags):
    path = str(tmp_path / "cache.marshal")
    first = recache.RegexCache(path)
    made = first.compile(pattern, flags)
    first.save()
    again = recache.RegexCache(path)
    assert (pattern, flags) in again.entries
    return made, again.compile(pattern, flags)


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_cached_patterns_equal_re_patterns(tmp_path, pattern, flags):
    flags = int(flags)  # re._compile hands the compile step a plain int
    fresh, cached = _compiled_through_cache(tmp_path, pattern, flags)
    expected = recache._ORIGINAL(pattern, flags)
    assert fresh == expected and cached == expected  # Pattern equality compares the compiled code
    assert cached.groupindex == expected.groupindex and cached.flags == expected.flags


@pytest.mark.filterwarnings("ignore::FutureWarning")  # re's "possible nested set" on random brackets
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab(|)?*+[]^$\\dwsWb.{}<=!P:123-", max_size=14), st.sampled_from([0, int(re.I), int(re.M | re.S)]))
def test_any_pattern_compiles_as_re_does(pattern, flags):
    try:
        expected = recache._ORIGINAL(pattern, flags)
    except re.error:
        return
    cache = recache.RegexCache(os.devnull)
    assert cache.compile(pattern, flags) == expected
    assert cache.compile(pattern, flags) == expected  # the second time from the entry


def test_damaged_files_and_entries_are_ignored(tmp_path):
    path = tmp_path / "cache.marshal"
    path.write_bytes(b"not marshal data")
    assert recache.RegexCache(str(path)).entries == {}
    blob = marshal.dumps({(r"ab+", 0): (0, [1, 2, 3], 0, {}, (None,))})
    path.write_bytes(zlib.crc32(blob).to_bytes(4, "little") + blob)
    cache = recache.RegexCache(str(path))
    assert (r"ab+", 0) in cache.entries  # a checksummed file, but its entry is no valid code
    assert cache.compile(r"ab+", 0) == recache._ORIGINAL(r"ab+", 0)
    good = recache.RegexCache(str(tmp_path / "good.marshal"))
    good.compile(r"Belarus|Wit-Rusland", 0)
    good.save()
    data = bytearray((tmp_path / "good.marshal").read_bytes())
    data[data.index(b"Wit")] = ord("V")  # still valid opcodes, but another pattern: caught by the CRC
    (tmp_path / "good.marshal").write_bytes(bytes(data))
    assert recache.RegexCache(str(tmp_path / "good.marshal")).entries == {}


def test_save_is_bounded_and_never_fails(tmp_path, monkeypatch):
    path = tmp_path / "cache.marshal"
    cache = recache.RegexCache(str(path))
    cache.save()
    assert not path.exists()  # nothing new: nothing written
    monkeypatch.setattr(recache, "MAX_ENTRIES", 3)
    cache.entries = {(f"old{i}", 0): recache._parts(f"old{i}", 0) for i in range(5)}
    cache.compile("new+", 0)
    cache.save()
    assert set(recache.RegexCache(str(path)).entries) == {("new+", 0)}  # over the bound: what this run used
    cache.used.update(cache.entries)
    cache.save()
    assert list(recache.RegexCache(str(path)).entries) == [("old0", 0), ("old1", 0), ("old2", 0)]  # oldest first
    blocked = recache.RegexCache(str(tmp_path / "cache.marshal" / "below-a-file"))
    blocked.compile("x", 0)
    blocked.save()  # cannot write: silently nothing
    assert [p.name for p in tmp_path.iterdir()] == ["cache.marshal"]


def test_the_command_line_fills_and_uses_the_cache(tmp_path):
    env = {"MTQA_CACHE_DIR": str(tmp_path)}
    first = run_cli("check", BOOK1, "-f", "json", "--fail-on", "never", env=env)
    files = list(tmp_path.iterdir())
    assert first.returncode == 0 and len(files) == 1
    second = run_cli("check", BOOK1, "-f", "json", "--fail-on", "never", env=env)
    assert second.stdout == first.stdout
    off = run_cli("check", BOOK1, "-f", "json", "--fail-on", "never", env={**env, "MTQA_NO_CACHE": "1"})
    assert off.stdout == first.stdout


def test_a_failed_run_writes_no_cache(tmp_path):
    empty = tmp_path / "leeg.txt"
    empty.write_text("", encoding="utf-8")
    cache = tmp_path / "cache"
    done = run_cli("check", empty, env={"MTQA_CACHE_DIR": str(cache)})
    assert done.returncode == 2 and not cache.exists()
