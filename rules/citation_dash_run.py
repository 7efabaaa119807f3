"""A run of dashes (``- –``) where a bibliographic reference has one separator dash.

GOST references separate their areas with ``. – ``; the translation pipeline kept the source's
hyphen and added an en dash, also across a line break (``- `` at a line end, ``– 2020.`` on the
next). The run collapses to the single en dash; the fix is safe.

Bad:   Overeenkomst inzake samenwerking [Elektronische hulpbron]. - – 2020. - URL: https://cis.minsk.by/page/7570
Good:  Overeenkomst inzake samenwerking [Elektronische hulpbron]. – 2020. - URL: https://cis.minsk.by/page/7570
"""

from __future__ import annotations

import heapq
import re

from qa.rules.base import Finding, Rule

# the look-behind (no non-space before the run) comes after the first dash so that re scans quickly
RUN = re.compile(r"[-–—](?<!\S[-–—])(?:[ \t]*\n?[ \t]*[-–—])+(?!\S)")
# RUN for each first dash: re scans for one literal character ten times faster than for a class
# of three (2 ms against 21 ms on a 3 MB file)
RUNS = tuple(re.compile(rf"{d}(?<!\S{d})(?:[ \t]*\n?[ \t]*[-–—])+(?!\S)") for d in "-–—")
SPACE = re.compile(r"\s")


def runs(text: str):
    """RUN's matches in ``text``: each first dash's, in text order, less those inside an earlier
    one (a run that starts inside another run ends where it ends: RUN's own leftmost matches)."""
    last = 0
    for m in heapq.merge(*(r.finditer(text) for r in RUNS), key=lambda m: m.start()):
        if m.start() >= last:
            last = m.end()
            yield m


class DashRun(Rule):
    id = "citation.dash-run"
    category = "citation"
    severity = "minor"
    options = {}

    def check(self, doc, ctx):
        text = doc.text
        for m in runs(text):
            run = m.group()
            if not SPACE.search(run):
                continue  # '--' written as one sign is a style question, not an extraction artefact
            last = run[-1]
            keep = "–" if last in "-–" else last
            suggestion = ("\n" + keep) if "\n" in run else keep
            yield Finding(m.start(), m.end(),
                          f"dash run '{' '.join(run.split())}' where one separator dash belongs"
                          f"{' (split over a line break)' if chr(10) in run else ''}",
                          suggestion, safe=True)
