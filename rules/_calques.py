"""Shared by the ``mistranslation.*`` calque rules: match the ``calques`` pack with its context.

Each pack entry names the rule that reports it, so that severity stays configuration keyed by
rule id. An entry fires where its pattern matches the running text (or a footnote) and its
evidence holds: a context word near the match, enough mentions in the chapter, or a word in the
URL slug of the footnote the passage cites; a veto near the match cancels it.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding


def entries(ctx, pack: str, rule: str) -> list[dict]:
    """The pack's entries for one rule, with their regexes compiled (once per run)."""
    def make():
        out = []
        for e in ctx.pack(pack).get("entry", []):
            out.append({
                **e,
                "rule": e["rule"],
                "re": re.compile(e["pattern"]),
                "context_re": [re.compile(c) for c in e.get("context", [])],
                "veto_re": [re.compile(v) for v in e.get("veto", [])],
                "chapter_re": re.compile(e["chapter"]) if e.get("chapter") else None,
                "slug_re": re.compile(e["slug"]) if e.get("slug") else None,
                "anchor_re": re.compile(e["anchor"]) if e.get("anchor") else None,
            })
        return out
    return [e for e in ctx.cached(f"calques.{pack}", make) if e["rule"] == rule]


def find(doc, ctx, pack: str, rule: str):
    for e in entries(ctx, pack, rule):
        for view in (doc.body_text, doc.notes_text):
            for m in _matches(e, view):
                why = _evidence(doc, view, m, e)
                if why is None:
                    continue
                fixed = m.expand(e["suggestion"]) if e.get("suggestion") else None
                if fixed and m[0][:1].isupper() and fixed[:1].islower():
                    fixed = fixed[:1].upper() + fixed[1:]
                yield Finding(m.start(), m.end(), f"{e['message']}{why}", fixed)


def _chapter_count(e: dict, view: str, ch) -> int:
    cache = e.setdefault("_chapters", {})
    key = (id(view), ch.index)
    if key not in cache:
        cache[key] = len(e["chapter_re"].findall(view, ch.start, ch.end))
    return cache[key]


def _matches(e: dict, view: str):
    """The entry's matches in ``view``, searched only around its anchor's hits when it has one."""
    if not e["anchor_re"]:
        yield from e["re"].finditer(view)
        return
    seen = -1
    for a in e["anchor_re"].finditer(view):
        for m in e["re"].finditer(view, max(0, a.start() - 100), min(len(view), a.end() + 100)):
            if m.start() > seen:
                seen = m.start()
                yield m


def _evidence(doc, view: str, m: re.Match, e: dict) -> str | None:
    near = view[max(0, m.start() - 60):m.end() + 60]
    for v in e["veto_re"]:
        for hit in v.finditer(near):
            a = max(0, m.start() - 60) + hit.start()
            if a <= m.end() and a + len(hit[0]) >= m.start():  # the veto phrase touches the match
                return None
    if not (e["context_re"] or e["chapter_re"] or e["slug_re"]):
        return ""
    w = e.get("window", 300)
    around = view[max(0, m.start() - w):m.end() + w]
    for c in e["context_re"]:
        hit = c.search(around)
        if hit:
            return f" (context: '{hit[0]}')"
    if e["chapter_re"]:
        ch = doc.chapter_at(m.start())
        if ch:
            n = _chapter_count(e, view, ch)
            if n >= e.get("chapter_min", 3):
                return f" (the chapter mentions '{e['chapter']}' {n}×)"
    if e["slug_re"]:
        for note in doc.footnotes_near(m.start()):
            for u in note.urls:
                if e["slug_re"].search(u.path.lower()):
                    return f" (footnote {note.number} URL has '{e['slug']}')"
    return None
