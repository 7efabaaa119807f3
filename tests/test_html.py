"""``mtqa report``: pages agree with ``check --format json``, are inert, self-contained,
deterministic and fast."""

import base64
import hashlib
import io
import json
import re
import time
from html.parser import HTMLParser

import pytest
from conftest import BOOK0, CORPUS, run_cli

import synth
from qa.reports import formatter_class
from qa.reports.html import TEMPLATES, passage, render, write_site
from qa.result import FileResult, Report


class Page(HTMLParser):
    """What a page holds: its tags, the findings' data attributes, the summary counts, scripts."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.issues, self.rows, self.scripts, self.attrs = [], [], {}, [], []
        self._row = self._cell = self._script = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        self.attrs.extend(attrs)
        if tag == "article":
            self.issues.append(a)
        elif tag == "tr" and "data-chapter" in a:
            self._row = self.rows.setdefault(a["data-chapter"], {})
        elif tag == "tr" and "total" in a.get("class", ""):
            self._row = self.rows.setdefault("book", {})
        elif tag == "td" and self._row is not None and "data-count" in a:
            self._cell = a["data-count"]
        elif tag == "script":
            self._script = []

    def handle_endtag(self, tag):
        if tag == "tr":
            self._row = None
        elif tag == "td":
            self._cell = None
        elif tag == "script":
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data):
        if self._cell is not None:
            self._row[self._cell] = int(data)
        if self._script is not None:
            self._script.append(data)


def expected_counts(issues):
    out = {}
    for i in issues:
        key = "0" if i["chapter"] is None else str(i["chapter"])
        for k in ("total", f"sev:{i['severity']}", f"cat:{i['category']}"):
            out.setdefault(key, {}).setdefault(k, 0)
            out[key][k] += 1
            out.setdefault("book", {}).setdefault(k, 0)
            out["book"][k] += 1
    return out


def nonzero(rows):
    return {k: {c: n for c, n in v.items() if n} for k, v in rows.items() if any(v.values())}


def test_report_counts_equal_check_json(tmp_path):
    out = tmp_path / "out"
    proc = run_cli("report", CORPUS, "-o", out)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(run_cli("check", CORPUS, "-f", "json", "--fail-on", "never").stdout)
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["index.html"] + [f["path"].rsplit("/", 1)[1].replace(".txt", ".html") for f in doc["files"]])
    index = (out / "index.html").read_text(encoding="utf-8")
    for f in doc["files"]:
        name = f["path"].rsplit("/", 1)[1]
        page = Page((out / name.replace(".txt", ".html")).read_text(encoding="utf-8"))
        assert [(a["data-rule"], a["data-severity"], a["data-category"]) for a in page.issues] == \
               [(i["rule"], i["severity"], i["category"]) for i in f["issues"]]
        assert nonzero(page.rows) == expected_counts(f["issues"])
        assert f'data-findings="{len(f["issues"])}"' in index
        assert f"MQM {f['mqm']['score']}" in (out / name.replace(".txt", ".html")).read_text(encoding="utf-8")


def test_synthetic_counts_equal_json():
    rep = synth.report(synth.result("a/one.txt"), synth.result("b/two.txt"))
    stream = io.StringIO()
    formatter_class("json")(stream, rep).run()
    doc = json.loads(stream.getvalue())
    pages = render(rep)
    assert set(pages) == {"index.html", "one.html", "two.html"}
    for f, name in zip(doc["files"], ("one.html", "two.html")):
        page = Page(pages[name])
        assert len(page.issues) == len(f["issues"]) == 6
        assert nonzero(page.rows) == expected_counts(f["issues"])
        html = pages[name]
        for ch in f["chapters"]:
            assert f'<td class="n">{ch["mqm"]["score"]}</td>' in html


EVIL = '<script>alert(1)</script> "dubbel" \'enkel\' & <img src=x onerror=alert(2)>'


def evil_report():
    text = f"Titel {EVIL}\n\nHoofdstuk </title><script>alert(3)</script>\nHier staat belta.door {EVIL} einde.\n"
    doc = synth.Document(text, "x")
    issues = [
        synth.issue(doc, "<script>alert(1)</script>", "critical", "other.x", "other", None,
                    message='message "<b>bold</b>" <script>alert(4)</script>', suggestion='"><svg onload=alert(5)>'),
        synth.issue(doc, "belta.door", "major", 'other."><script>alert(6)</script>', "other", 1,
                    message="javascript:alert(7)"),
        synth.issue(doc, "onerror=alert(2)", "minor", "other.y", "other", 1, nth=1),
    ]
    res = FileResult('books/"><script>alert(8)</script>.txt', 20,
                     [synth.ChapterInfo(1, "Hoofdstuk </title><script>alert(3)</script>", 3, 10)], issues, text=text)
    res.unused_accepts = [{"rule": "<script>alert(9)</script>", "text": "x", "reason": "<i>r</i>"},
                          {"rule": "number", "chapter": 0, "reason": "no text given"}]
    return Report([res, FileResult("<script>alert(10)</script>.txt", error="<b>bad</b>")])


def test_markup_in_a_book_yields_an_inert_report():
    pages = render(evil_report())
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    allowed = {"html", "head", "meta", "title", "style", "body", "p", "a", "h1", "h2", "br", "span", "code",
               "form", "fieldset", "legend", "label", "input", "select", "option", "table", "thead", "tbody",
               "tfoot", "tr", "th", "td", "section", "article", "header", "mark", "ins", "div", "details",
               "summary", "pre", "script"}
    for name, html in pages.items():
        page = Page(html)
        assert set(page.tags) <= allowed, set(page.tags) - allowed
        assert page.scripts == [js]  # exactly one script: ours
        assert not [k for k, _ in page.attrs if k.startswith("on")]
        assert not [v for k, v in page.attrs if k in ("href", "src") and v and not re.match(r"#|[\w.-]+\.html$", v)]
        assert html.lower().count("<script") == 1 and "<img" not in html and "<svg" not in html
        digest = base64.b64encode(hashlib.sha256(js.encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in html  # CSP: only our script may run
    book = next(v for k, v in pages.items() if k != "index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in book and "&#34;dubbel&#34;" in book


def test_offline_and_deterministic():
    rep = synth.report(synth.result("b.txt"), synth.result("a.txt"))
    first = render(rep)
    again = render(Report(list(reversed(rep.files))))
    assert first == again
    for html in first.values():
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", html)
        assert "@import" not in html and "url(" not in html.split("<script>")[0]


def test_page_names_are_unique_and_never_index():
    rep = synth.report(synth.result("x/index.txt"), synth.result("y/index.txt"), synth.result("z/In dex!.txt"))
    assert set(render(rep)) == {"index.html", "index-2.html", "index-3.html", "In_dex.html"}


def test_passage_cuts_at_words_and_collapses_lines():
    text = "een twee drie vier\nvijf zes belta.\ndoor zeven acht negen tien"
    start = text.index("belta")
    p = passage(text, start, start + 11, width=12)
    assert p["match"] == "belta. door" and p["before"] == "vijf zes " and p["after"] == " zeven acht"
    assert p["cut_before"] and p["cut_after"]


def test_report_bad_input(tmp_path):
    out = tmp_path / "out"
    proc = run_cli("report", tmp_path / "missing.txt", "-o", out)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and not out.exists()
    proc = run_cli("report", tmp_path / "missing.txt", BOOK0, "-o", out)
    assert proc.returncode == 2 and "missing.txt" in proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["000_6e910faac174649e.html", "index.html"]
    assert "cannot be read" in (out / "index.html").read_text(encoding="utf-8")
    (tmp_path / "file").write_text("x")
    proc = run_cli("report", BOOK0, "-o", tmp_path / "file")
    assert proc.returncode == 2


def test_reports_are_fast(tmp_path):
    """Both books with many findings each: render and write well under a second."""
    from qa.api import build_config, check_paths

    rep = check_paths([CORPUS], build_config())
    for f in rep.files:  # ~600 synthetic findings per book on top of what the rules find
        doc = synth.Document(f.text, f.path)
        words = [m.span() for m in re.finditer(r"\b\w{9,}\b", f.text)][:600]
        f.issues = sorted(f.issues + [
            synth.Issue("other.synthetic", "other", ("minor", "major", "critical")[n % 3], *doc.line_col(a),
                        *doc.line_col(b), f.text[a:b], None, "synthetic", None, None, start=a, end=b)
            for n, (a, b) in enumerate(words)], key=lambda i: i.start)
    write_site(rep, tmp_path / "warm")
    t = time.perf_counter()
    write_site(rep, tmp_path / "out")
    elapsed = time.perf_counter() - t
    assert elapsed < 0.5, f"{elapsed:.3f}s"


@pytest.mark.parametrize("asset", ["book.html.j2", "index.html.j2", "layout.html.j2", "report.css", "report.js"])
def test_templates_ship_as_package_data(asset):
    import importlib.resources

    assert importlib.resources.files("qa.reports").joinpath("templates", asset).is_file()
