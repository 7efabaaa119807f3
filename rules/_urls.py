"""Helpers shared by the URL rules: where each character of a (wrapped) URL is in the book."""

from __future__ import annotations

import re


def char_offsets(doc, url) -> list[int]:
    """Document offset of every character of ``url.text`` (a wrapped URL skips its line breaks)."""
    out, pos, text = [], url.start, doc.text
    for ch in url.text:
        while pos < url.end and text[pos] != ch and text[pos] in "\n\r \t":
            pos += 1
        out.append(pos)
        pos += 1
    return out


HOST = re.compile(r"(?:https?://)?[^/]*", re.I)
QUERY = re.compile(r"[?#]")


def path_segments(url) -> list[tuple[str, int, int]]:
    """Path segments of a URL as (segment, start, end) indexes into ``url.text``: the text after
    the host up to a query or fragment, split at its slashes (one search and one split a URL)."""
    text = url.text
    pos = HOST.match(text).end()
    if text[pos:pos + 1] != "/":
        return []
    q = QUERY.search(text, pos + 1)
    out, at = [], pos + 1
    for seg in text[at:q.start() if q else len(text)].split("/"):
        out.append((seg, at, at + len(seg)))
        at += len(seg) + 1
    return out


def lowered_segments(url) -> list[str]:
    """``[s.lower() for s, _, _ in path_segments(url)]``, by one lower() and one split."""
    text = url.text
    pos = HOST.match(text).end()
    if text[pos:pos + 1] != "/":
        return []
    q = QUERY.search(text, pos + 1)
    return text[pos + 1:q.start() if q else len(text)].lower().split("/")


def real_tld(host: str, translated: dict[str, str]) -> str:
    """The host's top-level domain, undoing a translation (``minsk.bij`` -> ``by``)."""
    last = host.rsplit(".", 1)[-1].lower()
    return translated.get(last, last)


def bare_host(host: str, translated: dict[str, str]) -> str:
    """``www.`` dropped and a translated top-level domain restored: a key to compare hosts."""
    host = host.lower().removeprefix("www.")
    head, _, last = host.rpartition(".")
    return f"{head}.{translated.get(last, last)}" if head else host
