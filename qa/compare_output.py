"""Output of ``mtqa compare``: the data of :func:`qa.compare.compare_documents` as text or JSON.

One small function per format, chosen by name (``FORMATS``), so the CLI never branches on it.
"""

from __future__ import annotations

import json
from typing import TextIO

TITLE_WIDTH = 48


def _num(value, width: int = 7) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:{width}.2f}"


def _issue_line(f: dict, extra: str = "") -> str:
    text = " ".join(f["text"].split())
    where = f"{f['line']}:{f['column']}"
    chapter = "front" if f["chapter"] is None else f"ch {f['chapter']}"
    return f"    {where:>9} {chapter:>6}  {f['severity']:8} [{f['rule']}] {text!r}{extra}\n"


def render_text(data: dict, out: TextIO) -> None:
    raw, ed = data["raw"], data["edited"]
    w = out.write
    w(f"RAW     {raw['path']} ({raw['words']} words, {raw['chapters']} chapters, {raw['findings']} findings)\n")
    w(f"EDITED  {ed['path']} ({ed['words']} words, {ed['chapters']} chapters, {ed['findings']} findings)\n\n")
    w(f"{'raw':>5} {'edit':>4}  {'aligned':11} {'segs':>5} {'changed':>7} {'chrF':>7} {'chrF++':>7} "
      f"{'BLEU':>7} {'TER':>7} {'fixed':>5} {'left':>5} {'new':>5}  title\n")
    for r in data["chapters"]:
        title = r["title"] if len(r["title"]) <= TITLE_WIDTH else r["title"][: TITLE_WIDTH - 1] + "…"
        if r["edited_title"] is not None and r["edited_title"] != r["title"]:
            title += "  (edited title differs)"
        rc = "-" if r["raw_chapter"] is None else str(r["raw_chapter"])
        ec = "-" if r["edited_chapter"] is None else str(r["edited_chapter"])
        w(f"{rc:>5} {ec:>4}  {r['aligned_by']:11} {r['segments']:5} {r['changed']:7} {_num(r['chrF'])} "
          f"{_num(r['chrF++'])} {_num(r['BLEU'])} {_num(r['TER'])} {r['fixed']:5} {r['remaining']:5} "
          f"{r['new']:5}  {title}\n")
    t = data["total"]
    f = data["findings"]
    w(f"{'book':>5} {'':4}  {'':11} {t['segments']:5} {t['changed']:7} {_num(t['chrF'])} {_num(t['chrF++'])} "
      f"{_num(t['BLEU'])} {_num(t['TER'])} {len(f['fixed']):5} {len(f['remaining']):5} {len(f['new']):5}\n\n")
    w("RAW is the hypothesis, EDITED the reference; TER = edits per 100 words of EDITED, summed over the\n"
      f"aligned sentences, footnotes and contents lines ({t['ter_edits']:g} edits / {t['ter_ref_words']:g} words).\n")
    for name, sig in data["signatures"].items():
        w(f"  {name:7} {sig}\n")
    w(f"\nfindings: {len(f['fixed'])} fixed, {len(f['remaining'])} remaining, {len(f['new'])} new\n")
    if f["fixed"]:
        w("  fixed (line:column in RAW):\n")
        for item in f["fixed"]:
            now = item.get("now")
            w(_issue_line(item, "" if now is None else f"  ->  {' '.join(now.split())!r}"))
    if f["remaining"]:
        w("  remaining (line:column in RAW):\n")
        for item in f["remaining"]:
            w(_issue_line(item))
    if f["new"]:
        w("  new (line:column in EDITED):\n")
        for item in f["new"]:
            w(_issue_line(item))


def render_json(data: dict, out: TextIO) -> None:
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


FORMATS = {"text": render_text, "json": render_json}


def emit(data: dict, fmt: str, output=None) -> None:
    """Render ``data`` in format ``fmt`` to stdout or, atomically, to the file ``output``."""
    import sys

    from qa.errors import MtqaError
    from qa.util import atomic_writer

    if not output:
        FORMATS[fmt](data, sys.stdout)
        return
    try:
        with atomic_writer(output) as fh:
            FORMATS[fmt](data, fh)
    except OSError as exc:
        raise MtqaError(f"{output}: cannot write: {exc.strerror or exc}") from None
