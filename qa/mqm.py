"""MQM scores per chapter and per book (the MQM 2.0 scoring model, with a 1,000-word reference).

- Absolute penalty total ``APT`` = sum of the weights of the findings (minor 1, major 5,
  critical 25; neutral 0).
- Evaluation word count ``EWC`` = the target words of the span (chapter or book), counted in the
  running text as ``Document.words`` counts them (footnotes, table of contents and page numbers
  left out).
- Normed penalty ``NPT`` = ``APT * 1000 / EWC``: penalty points per 1,000 target words.
- Quality score = ``100 - NPT``. It is not clipped: a very bad chapter scores below zero.
- PASS when the score is at least the threshold (default 95, i.e. at most one major finding or five
  minor ones per 1,000 words) and there is no critical finding; any critical finding fails.
- A span with no words (front matter made only of a title page) has no score; it fails only on a
  critical finding.

The signature names everything a score depends on, like sacrebleu's:
``mqm|words:target|rwc:1000|weights:0-1-5-25|pt:95|v:1``.
"""

from __future__ import annotations

from collections import Counter

WEIGHTS = {"neutral": 0, "minor": 1, "major": 5, "critical": 25}
RWC = 1000  # reference word count
THRESHOLD = 95.0
VERSION = 1


def _fmt(x: float) -> str:
    return f"{x:g}"


def signature(threshold: float = THRESHOLD) -> str:
    weights = "-".join(str(WEIGHTS[s]) for s in ("neutral", "minor", "major", "critical"))
    return f"mqm|words:target|rwc:{RWC}|weights:{weights}|pt:{_fmt(threshold)}|v:{VERSION}"


def score(issues, words: int, threshold: float = THRESHOLD) -> dict:
    """The MQM figures of a span: its findings and its target word count."""
    counts = Counter(i.severity for i in issues)
    penalty = sum(WEIGHTS.get(s, 0) * n for s, n in counts.items())
    if words > 0:
        normed = round(penalty * RWC / words, 2)
        quality = round(100 - penalty * RWC / words, 2)
        passed = quality >= threshold and not counts["critical"]
    else:
        normed = quality = None
        passed = not counts["critical"]
    return {"words": words, "penalty": penalty, "per_1000": normed, "score": quality,
            "passed": passed, "critical": counts["critical"], "major": counts["major"],
            "minor": counts["minor"]}


def chapter_words(result) -> dict:
    """Words per chapter index; ``None`` (front matter) gets the book's words not in a chapter."""
    words = {c.index: c.words for c in result.chapters}
    words[None] = max(0, result.words - sum(words.values()))
    return words


def for_file(result, threshold: float = THRESHOLD) -> dict:
    """``{"book": ..., "chapters": {index: ...}, "front_matter": ..., "signature": ...}``."""
    by_chapter: dict = {}
    for i in result.issues:
        by_chapter.setdefault(i.chapter, []).append(i)
    words = chapter_words(result)
    return {
        "book": score(result.issues, result.words, threshold),
        "chapters": {c.index: score(by_chapter.get(c.index, []), words[c.index], threshold)
                     for c in result.chapters},
        "front_matter": score(by_chapter.get(None, []), words[None], threshold),
        "signature": signature(threshold),
    }
