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
    """Path segments of a URL as (segment, start, end) indexes into ``url.text``."""
    text = url.text
    m = HOST.match(text)
    out, pos = [], m.end()
    while pos < len(text) and text[pos] == "/":
        end = text.find("/", pos + 1)
        end = len(text) if end < 0 else end
        seg = text[pos + 1:end]
        q = QUERY.search(seg)
        if q:
            seg = seg[: q.start()]
            out.append((seg, pos + 1, pos + 1 + len(seg)))
            break
        out.append((seg, pos + 1, end))
        pos = end
    return out


def real_tld(host: str, translated: dict[str, str]) -> str:
    """The host's top-level domain, undoing a translation (``minsk.bij`` -> ``by``)."""
    last = host.rsplit(".", 1)[-1].lower()
    return translated.get(last, last)


def bare_host(host: str, translated: dict[str, str]) -> str:
    """``www.`` dropped and a translated top-level domain restored: a key to compare hosts."""
    host = host.lower().removeprefix("www.")
    head, _, last = host.rpartition(".")
    return f"{head}.{translated.get(last, last)}" if head else host
