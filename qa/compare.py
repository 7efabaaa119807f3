"""``mtqa compare``: how far an edited edition moved from the raw machine translation.

RAW (the machine output) is the hypothesis, EDITED (the edited book) the reference, so TER is
the human-targeted edit rate: the edits that turn RAW into EDITED per word of EDITED. Chapters
are aligned by title (by order where titles differ); within a chapter the segments (the body's
sentences and the footnotes, in text order) are aligned with difflib. chrF, chrF++, BLEU and TER
(sacrebleu) are computed from per-segment statistics summed per chapter and over the book, so
TER never sees a whole chapter as one segment (its cost explodes with segment length).

The findings of both editions are matched by rule, matched text and the text around them (not
by line numbers): RAW's findings that EDITED no longer has are *fixed*, the others *remain*,
EDITED's unmatched findings are *new*.

``compare_documents`` is the API (the HTML report calls it); ``compare_paths`` loads two files.
"""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict

from qa import config as cfgmod
from qa.align import SpanMap, align_chapters, align_segments
from qa.document import Document

VERSION = 1
METRICS = ("chrF", "chrF++", "BLEU", "TER")
CONTEXT = 40  # characters each side of a finding used to match it across editions
CONTEXT_MIN_RATIO = 0.6


# -- units: front matter and chapters, as lists of segments ----------------------------------------
def units(doc: Document) -> list[dict]:
    """Front matter (if any text precedes the first chapter) and the chapters, with segments.

    Segments are the body's sentences, cut at chapter boundaries (a heading that Punkt glued to
    the sentence before it still starts its own chapter), the footnotes and the lines of the table
    of contents, in text order.
    """
    first = doc.chapters[0].start if doc.chapters else len(doc.text)
    bounds = [(None, "(front matter)" if doc.chapters else "(whole text)", 0, first)] + [(c.index, c.title, c.start, c.end) for c in doc.chapters]
    starts = [b[2] for b in bounds]
    found: list[list[tuple[int, str]]] = [[] for _ in bounds]
    body = doc.body_text
    for a, b in doc.sentences:
        k = max(0, bisect.bisect_right(starts, a) - 1)
        while k < len(bounds) and bounds[k][2] < b:
            lo, hi = max(a, bounds[k][2]), min(b, bounds[k][3])
            text = " ".join(body[lo:hi].split())
            if text:
                found[k].append((lo, text))
            k += 1
    extra = [(n.start, doc.text[n.start:n.end]) for n in doc.footnotes]
    if doc.toc_span:  # the table of contents, one entry per line (blanked in the body text)
        a, b = doc.toc_span
        extra += [(ln.start, ln.text) for ln in doc.lines if a <= ln.start < b and ln.text.strip()]
    for offset, raw in extra:
        found[max(0, bisect.bisect_right(starts, offset) - 1)].append((offset, " ".join(raw.split())))
    out = []
    for (index, title, start, end), segs in zip(bounds, found):
        if index is not None or segs or doc.text[start:end].strip():
            out.append({"index": index, "title": title, "segments": [t for _, t in sorted(segs)]})
    return out


# -- metrics ------------------------------------------------------------------------------------------
class Scorer:
    """sacrebleu's metrics on segment pairs, from per-segment statistics that sum.

    Unchanged pairs (most of an edited book) get their statistics by counting, without n-gram
    matching or TER's shift search; tests check these equal sacrebleu's own. chrF's statistics
    are the character part of chrF++'s.
    """

    def __init__(self):
        from sacrebleu.metrics import BLEU, CHRF, TER  # lazily: sacrebleu pulls numpy

        self.chrf, self.chrfpp, self.bleu, self.ter = CHRF(), CHRF(word_order=2), BLEU(), TER()
        self._nchar = 3 * self.chrf.char_order
        # one reference per segment: sets what the signatures report, and the scores' names
        self._names = [m.corpus_score(["."], [["."]]).name for m in (self.chrf, self.chrfpp, self.bleu, self.ter)]

    def signatures(self) -> dict:
        metrics = (self.chrf, self.chrfpp, self.bleu, self.ter)
        return {key: f"{name}|{m.get_signature()}" for key, name, m in zip(METRICS, self._names, metrics)}

    def segment_stats(self, pairs: list[tuple[str, str]]) -> list[tuple[list, list, list]]:
        """(chrF++ stats, BLEU stats, TER stats) per pair ``(raw, edited)``."""
        out = [self._identical(h) if h == r else None for h, r in pairs]
        changed = [k for k, s in enumerate(out) if s is None]
        if changed:
            hyps = [pairs[k][0] for k in changed]
            refs = [[pairs[k][1] for k in changed]]
            cols = [m._extract_corpus_statistics(hyps, refs) for m in (self.chrfpp, self.bleu, self.ter)]
            for n, k in enumerate(changed):
                out[k] = (cols[0][n], cols[1][n], cols[2][n])
        return out

    def _identical(self, s: str):
        chars = len("".join(s.split()))
        words = len(self.chrfpp._remove_punctuation(s))
        chrfpp = []
        for n in range(1, self.chrfpp.char_order + 1):
            chrfpp += [max(0, chars - n + 1)] * 3
        for n in range(1, self.chrfpp.word_order + 1):
            chrfpp += [max(0, words - n + 1)] * 3
        t = len(self.bleu._preprocess_segment(s).split())
        grams = [max(0, t - n + 1) for n in range(1, self.bleu.max_ngram_order + 1)]
        ter_len = len(self.ter._preprocess_segment(s).split())
        return chrfpp, [t, t, *grams, *grams], [0, float(ter_len)]

    def scores(self, stats: list) -> dict:
        if not stats:
            return {m: None for m in METRICS} | {"ter_edits": 0, "ter_ref_words": 0}
        total = [[sum(col) for col in zip(*(s[k] for s in stats))] for k in range(3)]
        ter = self.ter._compute_score_from_stats(total[2])
        return {
            "chrF": round(self.chrf._compute_score_from_stats(total[0][: self._nchar]).score, 2),
            "chrF++": round(self.chrfpp._compute_score_from_stats(total[0]).score, 2),
            "BLEU": round(self.bleu._compute_score_from_stats(total[1]).score, 2),
            "TER": round(ter.score, 2),
            "ter_edits": ter.num_edits, "ter_ref_words": ter.ref_length,
        }


# -- findings ----------------------------------------------------------------------------------------
def _context(text: str, start: int, end: int) -> tuple[str, str]:
    left = " ".join(text[max(0, start - CONTEXT):start].split())
    right = " ".join(text[end:end + CONTEXT].split())
    return left, right


def match_findings(raw_issues, raw_text, edited_issues, edited_text):
    """Pairs (raw index, edited index) of the same finding in both editions, and the unmatched.

    Same rule and matched text; same context on both sides first, then the most similar context
    (difflib ratio at least ``CONTEXT_MIN_RATIO``), greedily, best first.
    """
    def key(i):
        return i.rule, " ".join(i.text.split())

    raw_ctx = [_context(raw_text, i.start, i.end) for i in raw_issues]
    ed_ctx = [_context(edited_text, i.start, i.end) for i in edited_issues]
    groups: dict[tuple, list[int]] = defaultdict(list)
    for j, issue in enumerate(edited_issues):
        groups[key(issue)].append(j)
    pairs, free_raw = {}, []
    for i, issue in enumerate(raw_issues):
        cands = groups.get(key(issue), [])
        exact = next((j for j in cands if ed_ctx[j] == raw_ctx[i]), None)
        if exact is None:
            free_raw.append(i)
        else:
            cands.remove(exact)
            pairs[i] = exact
    scored = []
    for i in free_raw:
        a = " ".join(raw_ctx[i])
        for j in groups.get(key(raw_issues[i]), []):
            ratio = difflib.SequenceMatcher(None, a, " ".join(ed_ctx[j]), autojunk=False).ratio()
            if ratio >= CONTEXT_MIN_RATIO:
                scored.append((-ratio, i, j))
    used = set(pairs.values())
    for _, i, j in sorted(scored):
        if i not in pairs and j not in used:
            pairs[i] = j
            used.add(j)
    return pairs, [j for j in range(len(edited_issues)) if j not in used]


def _finding(issue, **extra) -> dict:
    d = {k: getattr(issue, k) for k in ("rule", "category", "severity", "line", "column", "end_line", "end_column",
                                         "text", "suggestion", "message", "chapter")}
    return d | extra


# -- the API -------------------------------------------------------------------------------------------
def compare_documents(raw_doc: Document, edited_doc: Document, config: cfgmod.Config | None = None,
                      *, raw_result=None, edited_result=None) -> dict:
    """Compare two editions of one book; return plain, JSON-ready data.

    ``config`` selects the rules for both editions (default: all rules, default options).
    Pass ``raw_result``/``edited_result`` (FileResults of ``mtqa check``) to reuse findings
    already computed. The result's keys: ``version``, ``raw``/``edited`` (path, words, chapters,
    findings), ``signatures``, ``total`` and ``chapters`` (scores; ``TER`` is edits per 100
    reference words), ``findings`` (``fixed``, ``remaining``, ``new``: lists of findings;
    ``fixed`` ones carry ``now``, EDITED's text at that place when it could be located).
    """
    from qa.engine import Engine

    cfg = config or cfgmod.Config()
    if raw_result is None or edited_result is None:
        engine = Engine(cfg)
        raw_result = raw_result or engine.check(raw_doc)
        edited_result = edited_result or engine.check(edited_doc)

    scorer = Scorer()
    raw_units, ed_units = units(raw_doc), units(edited_doc)
    pairing = _pair_units(raw_units, ed_units)
    rows, all_stats = [], []
    for ru, eu, how in pairing:
        pairs = align_segments(ru["segments"] if ru else [], eu["segments"] if eu else [])
        stats = scorer.segment_stats(pairs)
        all_stats += stats
        rows.append({
            "raw_chapter": ru["index"] if ru else None, "edited_chapter": eu["index"] if eu else None,
            "title": (ru or eu)["title"], "edited_title": eu["title"] if eu else None, "aligned_by": how,
            "segments": len(pairs), "changed": sum(1 for h, r in pairs if h != r),
            **scorer.scores(stats),
        })

    raw_issues, ed_issues = raw_result.issues, edited_result.issues
    pairs, new = match_findings(raw_issues, raw_doc.text, ed_issues, edited_doc.text)
    spans = SpanMap(raw_doc.text, edited_doc.text)
    fixed, remaining = [], []
    for i, issue in enumerate(raw_issues):
        if i in pairs:
            other = ed_issues[pairs[i]]
            remaining.append(_finding(issue, edited_line=other.line, edited_column=other.column))
        else:
            where = spans.map(issue.start, issue.end)
            fixed.append(_finding(issue, now=edited_doc.text[where[0]:where[1]] if where else None))
    new_findings = [_finding(ed_issues[j]) for j in new]
    _count_findings(rows, fixed, remaining, new_findings)

    return {
        "version": VERSION,
        "raw": _edition(raw_doc, raw_result), "edited": _edition(edited_doc, edited_result),
        "signatures": scorer.signatures(),
        "total": {"segments": sum(r["segments"] for r in rows), "changed": sum(r["changed"] for r in rows),
                  **scorer.scores(all_stats)},
        "chapters": rows,
        "findings": {"fixed": fixed, "remaining": remaining, "new": new_findings},
    }


def _pair_units(raw_units, ed_units):
    """Front matter with front matter, chapters by title (then order)."""
    rf = [u for u in raw_units if u["index"] is None]
    ef = [u for u in ed_units if u["index"] is None]
    out = []
    if rf or ef:
        out.append((rf[0] if rf else None, ef[0] if ef else None, "front-matter"))
    rc = [u for u in raw_units if u["index"] is not None]
    ec = [u for u in ed_units if u["index"] is not None]
    for i, j, how in align_chapters([u["title"] for u in rc], [u["title"] for u in ec]):
        out.append((rc[i] if i is not None else None, ec[j] if j is not None else None, how))
    return out


def _count_findings(rows, fixed, remaining, new):
    by_raw = {r["raw_chapter"]: r for r in rows if r["raw_chapter"] is not None or r["aligned_by"] == "front-matter"}
    by_ed = {r["edited_chapter"]: r for r in rows if r["edited_chapter"] is not None or r["aligned_by"] == "front-matter"}
    for r in rows:
        r["fixed"] = r["remaining"] = r["new"] = 0
    for name, items, table in (("fixed", fixed, by_raw), ("remaining", remaining, by_raw), ("new", new, by_ed)):
        for f in items:
            row = table.get(f["chapter"])
            if row is not None:
                row[name] += 1


def _edition(doc: Document, result) -> dict:
    return {"path": doc.path, "words": doc.words, "chapters": len(doc.chapters), "findings": len(result.issues)}


def compare_paths(raw_path, edited_path, base: cfgmod.Config, cli: cfgmod.Config | None = None,
                  encoding: str | None = None) -> dict:
    """Load two editions and compare them, with RAW's configuration (setup.cfg < RAW's own
    ``.mtqa.toml`` < command line) for both, so both are checked by the same rules."""
    from qa.fix import book_config
    from qa.load import load

    raw_doc = load(raw_path, encoding)
    edited_doc = load(edited_path, encoding)
    return compare_documents(raw_doc, edited_doc, book_config(raw_path, base, cli))
