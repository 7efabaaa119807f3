"""``mtqa report``: one self-contained HTML page per book and an ``index.html`` for the set.

Pages carry their CSS and script inline and load nothing (a Content-Security-Policy that allows
only those two, by hash, makes sure); they open offline from a file. Every value from a book goes
through jinja2's autoescaping, and the script only reads ``data-`` attributes and writes
``textContent``, so a book that contains markup yields an inert report. The output depends only
on the findings and mtqa's version: no dates, sorted rows.
"""

from __future__ import annotations

import base64
import hashlib
import pathlib
import re
from collections import Counter
from functools import lru_cache

from qa import mqm
from qa.reports._common import SEVERITY_ORDER, rule_docs
from qa.result import SEVERITY_RANK

TEMPLATES = pathlib.Path(__file__).parent / "templates"
CONTEXT = 160  # characters of the passage shown either side of a finding
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _env():
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             keep_trailing_newline=True)
    assets = {}
    for name, tag in (("report.css", "style"), ("report.js", "script")):
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        assert f"</{tag}" not in source.lower(), f"{name} must not close its own element"
        digest = base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()
        assets[tag] = Markup(source)  # our own static file, never book text
        assets[f"{tag}_hash"] = f"sha256-{digest}"
    from qa import __version__

    from qa.baseline import describe

    env.globals.update(assets, version=__version__, severities=SEVERITY_ORDER, describe=describe)
    return env


def _categories_order():
    from qa.rules import CATEGORIES

    return {c: n for n, c in enumerate(CATEGORIES)}


def passage(text: str | None, start: int, end: int, width: int = CONTEXT) -> dict:
    """The match in its context, whitespace collapsed, cut at word boundaries."""
    if text is None or not (0 <= start < end <= len(text)):
        return {"before": "", "match": "", "after": "", "cut_before": False, "cut_after": False}
    a, b = max(0, start - width), min(len(text), end + width)
    before, after = text[a:start], text[end:b]
    if a > 0 and not text[a - 1].isspace():  # drop the word the window cuts through
        m = _WS.search(before)
        before = before[m.start():] if m else before
    if b < len(text) and not text[b].isspace():
        cut = [m.start() for m in _WS.finditer(after)]
        after = after[:cut[-1]] if cut else after
    return {"before": _WS.sub(" ", before).lstrip(), "match": _WS.sub(" ", text[start:end]),
            "after": _WS.sub(" ", after).rstrip(), "cut_before": a > 0, "cut_after": b < len(text)}


def _issue_view(n: int, issue, text: str | None, docs: dict) -> dict:
    ctx = passage(text, issue.start, issue.end)
    if not ctx["match"]:
        ctx["match"] = _WS.sub(" ", issue.text)
    doc = docs.get(issue.rule, {})
    search = " ".join([issue.text, issue.message, issue.suggestion or "", issue.rule, issue.category,
                       ctx["before"], ctx["after"]])
    return {"anchor": f"f{n}", "severity": issue.severity, "category": issue.category, "rule": issue.rule,
            "message": issue.message, "suggestion": issue.suggestion, "safe": issue.safe,
            "line": issue.line, "column": issue.column, "page": issue.page,
            "summary": doc.get("summary", ""), "doc": doc.get("doc", ""),
            "search": _WS.sub(" ", search).lower(), **ctx}


def book_view(result, threshold: float = mqm.THRESHOLD, fail_on: str = "major") -> dict:
    """Everything the book page shows, as plain values (also what the tests compare)."""
    docs = rule_docs()
    scores = mqm.for_file(result, threshold)
    words = mqm.chapter_words(result)
    by_chapter: dict = {}
    for n, issue in enumerate(result.issues, 1):
        by_chapter.setdefault(issue.chapter, []).append(_issue_view(n, issue, result.text, docs))
    corder = _categories_order()
    categories = sorted({i.category for i in result.issues}, key=lambda c: (corder.get(c, 99), c))
    chapters = []
    rows = [(None, "", "front matter", scores["front_matter"])]
    rows += [(c.index, str(c.index), c.title, scores["chapters"][c.index]) for c in result.chapters]
    for index, label, title, score in rows:
        issues = by_chapter.get(index, [])
        if index is None and not issues and not words[None]:
            continue
        chapters.append({"key": "0" if index is None else str(index), "label": label, "title": title,
                         "words": words[index], "issues": issues, "mqm": score,
                         "counts": Counter(i["severity"] for i in issues),
                         "cats": Counter(i["category"] for i in issues)})
    # findings in a chapter the book does not list (synthetic results) still get a section
    known = {c.index for c in result.chapters} | {None}
    for index in sorted(k for k in by_chapter if k not in known):
        issues = by_chapter[index]
        chapters.append({"key": str(index), "label": str(index), "title": f"chapter {index}", "words": 0,
                         "issues": issues, "mqm": mqm.score([], 0, threshold),
                         "counts": Counter(i["severity"] for i in issues),
                         "cats": Counter(i["category"] for i in issues)})
    limit = SEVERITY_RANK[fail_on]
    return {
        "path": result.path, "name": pathlib.PurePath(result.path).name, "words": result.words,
        "chapter_count": len(result.chapters), "chapters": chapters, "issue_count": len(result.issues),
        "counts": Counter(i.severity for i in result.issues),
        "cats": Counter(i.category for i in result.issues),
        "categories": categories, "rules": sorted({i.rule for i in result.issues}),
        "mqm": scores["book"], "signature": scores["signature"],
        "failing_chapters": sum(1 for c in chapters if not c["mqm"]["passed"]),
        "at_or_above_fail_on": sum(1 for i in result.issues if SEVERITY_RANK[i.severity] >= limit),
        "accepted": result.accepted, "baselined": result.baselined,
        "unused_accepts": result.unused_accepts, "error": None,
    }


def _page_names(results) -> dict:
    """Book path -> page file name: the file stem made safe, unique, never ``index``."""
    names, used = {}, {"index"}
    for r in sorted(results, key=lambda r: r.path):
        if r.error:
            continue
        stem = re.sub(r"[^A-Za-z0-9._-]+", "_", pathlib.PurePath(r.path).stem).strip("._") or "book"
        name, n = stem, 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name.lower())
        names[r.path] = f"{name}.html"
    return names


def render(report, threshold: float = mqm.THRESHOLD) -> dict:
    """File name -> HTML for the whole site (book pages and ``index.html``)."""
    env = _env()
    names = _page_names(report.files)
    pages = {}
    books = []
    for r in sorted(report.files, key=lambda r: r.path):
        if r.error:
            books.append({"path": r.path, "name": pathlib.PurePath(r.path).name, "error": r.error})
            continue
        view = book_view(r, threshold, report.fail_on)
        view["page"] = names[r.path]
        pages[view["page"]] = env.get_template("book.html.j2").render(
            book=view, signature=view["signature"], fail_on=report.fail_on)
        books.append(view)
    readable = [b for b in books if not b["error"]]
    totals = {"words": sum(b["words"] for b in readable), "issues": sum(b["issue_count"] for b in readable)}
    pages["index.html"] = env.get_template("index.html.j2").render(
        books=books, totals=totals, signature=mqm.signature(threshold), fail_on=report.fail_on)
    return pages


def write_site(report, outdir, mqm_threshold: float = mqm.THRESHOLD) -> list[pathlib.Path]:
    """Render the site and write it into ``outdir`` (created if needed); each file atomically."""
    import os

    from qa.util import atomic_writer

    pages = render(report, mqm_threshold)  # render everything first: a failure writes nothing
    out = pathlib.Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    umask = os.umask(0)
    os.umask(umask)
    written = []
    for name, html in sorted(pages.items()):
        with atomic_writer(out / name) as fh:
            fh.write(html)
        os.chmod(out / name, 0o666 & ~umask)  # a report is for sharing, unlike the temporary file
        written.append(out / name)
    return written
