"""Scores findings against an editor's annotation the way scripts/evaluate.py does.

A gold artefact is found when a finding's span overlaps it (character offsets). Precision is
the share of major/critical findings that overlap any annotated artefact.
"""

from __future__ import annotations

import collections
import json


def line_starts(text: str) -> list[int]:
    starts = [0]
    starts += [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    return starts


def gold_spans(gold_path, text: str):
    starts, lines = line_starts(text), text.split("\n")
    out = []
    for raw in open(gold_path, encoding="utf-8"):
        if raw.strip():
            rec = json.loads(raw)
            col = lines[rec["line"] - 1].find(rec["match"])
            assert col >= 0, f"gold record {rec['id']} does not match its line"
            s = starts[rec["line"] - 1] + col
            out.append((s, s + max(1, len(rec["match"])), rec))
    return out


def score(text: str, gold_path, issues: list[dict]) -> dict:
    starts = line_starts(text)
    spans = []
    for f in issues:
        s = starts[f["line"] - 1] + f["column"] - 1
        e = starts[f["end_line"] - 1] + f["end_column"] - 1
        spans.append((s, max(e, s + 1), f))
    gold = gold_spans(gold_path, text)
    total, found = collections.Counter(), collections.Counter()
    for g0, g1, rec in gold:
        if rec.get("certainty", "certain") != "certain":
            continue
        total[rec["category"]] += 1
        if any(s < g1 and g0 < e for s, e, _ in spans):
            found[rec["category"]] += 1
    serious = [(s, e) for s, e, f in spans if f["severity"] in ("major", "critical")]
    on_gold = sum(1 for s, e in serious if any(g0 < e and s < g1 for g0, g1, _ in gold))
    return {
        "recall": {c: found[c] / total[c] for c in total},
        "found": dict(found), "total": dict(total),
        "overall": sum(found.values()) / max(1, sum(total.values())),
        "precision": on_gold / len(serious) if serious else 1.0,
        "serious": len(serious),
    }
