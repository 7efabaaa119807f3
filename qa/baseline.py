"""Known findings: the book's accepted findings and a run's baseline file.

Books carry no inline comments, so a finding is recognised by what it is, never by where it is:
its rule, its chapter, the matched text (whitespace collapsed) and a short hash of the text around
it (:func:`context_hash`). Line numbers are not part of the key, so entries survive edits
elsewhere in the book; an edit next to the finding changes the hash and the finding is new again.

- ``[[accept]]`` entries in ``<book stem>.mtqa.toml`` (parsed into ``Config.accepted``) drop the
  findings they match, each with its ``reason``. Keys: ``rule`` (a rule id or a category),
  ``reason`` (required), and optionally ``text``, ``chapter`` (0 for the front matter) and
  ``context_hash`` (the hash from a baseline file or the JSON output).
- A baseline file (``mtqa check --write-baseline FILE``, then ``--baseline FILE``) holds every
  finding of a run per book, with a count for identical keys.

Entries that match nothing are reported as unused. Unreadable books are never baselined.
"""

from __future__ import annotations

import json
import pathlib
from collections import Counter

from qa.errors import ConfigError, InputError

try:  # CPython's built-in SHA-1: the same digest as hashlib's, without loading OpenSSL (3 ms a run)
    from _sha1 import sha1
except ImportError:  # another interpreter, or a build without it
    from hashlib import sha1

CONTEXT = 32  # characters either side that the context hash covers (whitespace collapsed)
ACCEPT_KEYS = {"rule", "text", "chapter", "context_hash", "reason"}
FORMAT_VERSION = 1


def _squash(s: str) -> str:
    return " ".join(s.split())


def context_hash(text: str | None, start: int, end: int) -> str:
    """12 hex digits of SHA-1 over about 32 characters before and after ``text[start:end]``."""
    if not text:
        return ""
    before = _squash(text[max(0, start - 3 * CONTEXT):start])[-CONTEXT:]
    after = _squash(text[end:end + 3 * CONTEXT])[:CONTEXT]
    return sha1(f"{before}\x00{after}".encode()).hexdigest()[:12]


def key(issue) -> tuple:
    """(rule, chapter, matched text, context hash): what identifies a finding across edits."""
    return (issue.rule, issue.chapter, _squash(issue.text), issue.context_hash)


# -- accepted findings (the book's own file) ---------------------------------------------------
def _accept_matches(entry: dict, issue, ikey: tuple) -> bool:
    rule, chapter, text, ctx = ikey
    if entry["rule"] not in (issue.rule, issue.category):
        return False
    if "chapter" in entry and (entry["chapter"] or None) != chapter:
        return False
    if "text" in entry and _squash(str(entry["text"])) != text:
        return False
    return "context_hash" not in entry or entry["context_hash"] == ctx


def describe(entry: dict) -> str:
    """An [[accept]] entry in one line: ``translated-url 'belta.door' in chapter 3``."""
    out = str(entry.get("rule", "?"))
    if "text" in entry:
        out += f" {str(entry['text'])!r}"
    if "chapter" in entry:
        out += " in the front matter" if not entry["chapter"] else f" in chapter {entry['chapter']}"
    if "context_hash" in entry:
        out += f" (context {entry['context_hash']})"
    return out


def check_accept_entries(entries, where: str = "") -> None:
    where = f"{where}: " if where else ""
    for entry in entries:
        unknown = set(entry) - ACCEPT_KEYS
        if unknown:
            raise ConfigError(f'{where}[[accept]] entry has unknown key "{sorted(unknown)[0]}"')
        if not entry.get("rule"):
            raise ConfigError(f"{where}every [[accept]] entry needs a rule (a rule id or a category)")


def apply_accepted(result, entries) -> None:
    """Drop the findings that an ``[[accept]]`` entry matches; list the entries that match none."""
    check_accept_entries(entries, result.path)
    used = [False] * len(entries)
    kept = []
    for issue in result.issues:
        ikey = key(issue)
        hit = next((n for n, e in enumerate(entries) if _accept_matches(e, issue, ikey)), None)
        if hit is None:
            kept.append(issue)
        else:
            used[hit] = True
    result.accepted += len(result.issues) - len(kept)
    result.issues = kept
    result.unused_accepts = [dict(e) for e, u in zip(entries, used) if not u]


# -- baseline files ----------------------------------------------------------------------------
def _book_key(path: str) -> str:
    return pathlib.PurePath(path).as_posix()


def build(report) -> dict:
    """The baseline document for a run: every finding of every readable book."""
    books = {}
    for f in report.files:
        if f.error:
            continue  # a read error is never baselined: the book must be checked once readable
        counts = Counter()
        info = {}
        for i in f.issues:
            k = key(i)
            counts[k] += 1
            info.setdefault(k, (i.severity, i.message))
        entries = [{"rule": k[0], "chapter": k[1], "text": k[2], "context_hash": k[3], "count": n,
                    "severity": info[k][0], "message": info[k][1]}
                   for k, n in counts.items()]
        entries.sort(key=lambda e: (e["chapter"] is not None, e["chapter"] or 0, e["rule"], e["text"], e["context_hash"]))
        books[_book_key(f.path)] = entries
    return {"version": FORMAT_VERSION, "tool": "mtqa",
            "key": f"rule, chapter, text, context_hash (SHA-1 of {CONTEXT} characters either side)",
            "books": dict(sorted(books.items()))}


def write(report, path) -> None:
    from qa.util import atomic_writer

    with atomic_writer(path) as fh:
        json.dump(build(report), fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def load(path) -> dict:
    p = pathlib.Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(p, "baseline file not found") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(p, f"not a baseline file ({exc.__class__.__name__})") from None
    if not isinstance(data, dict) or data.get("tool") != "mtqa" or not isinstance(data.get("books"), dict):
        raise InputError(p, "not an mtqa baseline file (write one with --write-baseline)")
    if data.get("version") != FORMAT_VERSION:
        raise InputError(p, f"baseline version {data.get('version')!r} is not supported")
    for book, entries in data["books"].items():
        if not isinstance(entries, list) or not all(
                isinstance(e, dict) and {"rule", "chapter", "text", "context_hash"} <= set(e) for e in entries):
            raise InputError(p, f"entries for {book} need rule, chapter, text and context_hash")
    return data


def _entries_for(books: dict, path: str):
    k = _book_key(path)
    if k in books:
        return k
    name = pathlib.PurePath(k).name  # the same book checked from another folder
    same = [b for b in books if pathlib.PurePath(b).name == name]
    return same[0] if len(same) == 1 else None


def apply(report, data: dict) -> list[dict]:
    """Drop baselined findings from the report; return the entries that matched nothing
    (each with its ``book``), sorted."""
    books = data["books"]
    remaining = {b: {(e["rule"], e["chapter"], e["text"], e["context_hash"]): int(e.get("count", 1)) for e in entries}
                 for b, entries in books.items()}
    seen_books = set()
    for f in report.files:
        if f.error:
            continue
        b = _entries_for(books, f.path)
        if b is None:
            continue
        seen_books.add(b)
        left = remaining[b]
        kept = []
        for issue in f.issues:
            k = key(issue)
            if left.get(k, 0) > 0:
                left[k] -= 1
            else:
                kept.append(issue)
        f.baselined += len(f.issues) - len(kept)
        f.issues = kept
    unused = []
    checked = {_book_key(f.path) for f in report.files if not f.error} | seen_books
    for b, left in remaining.items():
        if b not in checked:
            continue  # books not in this run are not stale, just not checked
        for (rule, chapter, text, ctx), n in left.items():
            if n > 0:
                unused.append({"book": b, "rule": rule, "chapter": chapter, "text": text, "context_hash": ctx,
                               "count": n})
    unused.sort(key=lambda e: (e["book"], e["chapter"] is not None, e["chapter"] or 0, e["rule"], e["text"]))
    return unused
