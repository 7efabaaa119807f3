"""The HTML report in a real browser: headless Chromium renders the rows, a filter given in the
URL fragment hides rows, markup from a book stays inert, and a screenshot is saved.

Skipped only when Chromium is missing and we are not under CI (``CI=true`` makes it required;
``.ci/run`` installs Debian's ``chromium``). Screenshots go to the test's temporary folder and,
when ``MTQA_ARTIFACTS`` names a folder, there too.
"""

import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from conftest import CORPUS

import synth
from qa.api import build_config, check_paths
from qa.reports.html import write_site

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else None


CHROMIUM = _chromium()
if CHROMIUM is None and os.environ.get("CI") != "true":
    pytest.skip("Chromium is not installed (apt-get install chromium); the browser test runs "
                "whenever it is, and always under CI=true", allow_module_level=True)


def chromium(*args, timeout=90) -> str:
    assert CHROMIUM, "CI=true but no Chromium: install Debian's chromium (see .ci/run)"
    with tempfile.TemporaryDirectory(prefix="mtqa-chromium-") as profile:
        proc = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


def dom(path: pathlib.Path, fragment: str = "") -> str:
    return chromium("--dump-dom", path.resolve().as_uri() + fragment)


def articles(html: str):
    from test_html import Page

    return Page(html).issues


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    rep = check_paths([CORPUS], build_config())
    rep.files.append(synth.result("books/synthetic.txt"))
    write_site(rep, out)
    return out, rep


def test_rows_render_and_a_filter_hides_rows(site):
    out, rep = site
    page = out / "synthetic.html"
    html = dom(page)
    shown = articles(html)
    assert len(shown) == 6 and not any("hidden" in a for a in shown)
    assert 'data-visible="6"' in html
    html = dom(page, "#severity=critical,major")
    rows = articles(html)
    hidden = [a["data-severity"] for a in rows if "hidden" in a]
    assert sorted(hidden) == ["minor"] * 3
    assert "showing 3 of 6 findings" in html and 'data-visible="3"' in html
    html = dom(page, "#category=number&q=1999")
    assert [a["data-rule"] for a in articles(html) if "hidden" not in a] == ["number.split"]
    # a query string works too, and the summary counts follow the filter
    from test_html import Page

    html = dom(page, "?rule=translated-url.domain")
    assert Page(html).rows["book"]["total"] == 1


def test_corpus_pages_and_index_render(site):
    out, rep = site
    index = dom(out / "index.html")
    assert index.count('<tr class="book"') == len(rep.files)
    for f in rep.files[:2]:
        name = pathlib.PurePath(f.path).stem + ".html"
        html = dom(out / name)
        assert len(articles(html)) == len(f.issues)
        assert f'data-visible="{len(f.issues)}"' in html


def test_markup_stays_inert_in_the_browser(tmp_path):
    from test_html import evil_report

    write_site(evil_report(), tmp_path)
    page = next(p for p in tmp_path.glob("*.html") if p.name != "index.html")
    html = dom(page)
    assert html.lower().count("<script") == 1 and "<img" not in html and "<svg" not in html
    assert 'data-visible="3"' in html  # our script ran; none of the book's did


def test_screenshot(site, tmp_path):
    out, _ = site
    shot = tmp_path / "report.png"
    chromium("--window-size=1280,1600", f"--screenshot={shot}", (out / "synthetic.html").resolve().as_uri()
             + "#severity=critical,major")
    assert shot.is_file() and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    artifacts = os.environ.get("MTQA_ARTIFACTS")
    if artifacts:
        pathlib.Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, pathlib.Path(artifacts) / shot.name)
