"""A proper name transliterated several ways in one book (Zalessky / Zaleskii / Zaleski).

Names from Russian reach the Dutch text through English and Dutch transliteration at once:
``Myasnikovitsj`` beside ``Mjasnikovitsj``, ``Tasjkent`` beside ``Tashkent``, ``Zalessky`` beside
``Zaleskii``. The rule needs no list: it reduces every capitalised word to a transliteration key
(diacritics dropped; ``tsj``/``ch``, ``sj``/``sh``, ``zj``/``zh``, ``kh``/``x``/``h`` (Cyrillic х),
``gh``/``g``, ``y``/``j``/``ii``/``i``, ``w``/``v`` made equal; doubled letters single), groups the
words that share a key, and flags the minority spellings when one spelling clearly dominates (at
least ``min_count`` uses and ``min_ratio`` times the runner-up). Three or more spellings of one
name that are each used once (``Merziev``, ``Merzjev``, ``Merziyev``) have no majority but are
flagged all, grouped by a looser key (``h``, ``i`` and ``j`` dropped as well). Words that also occur in lower case are common words, not
names, and are left out, as are the names the ``variants`` pack already covers. The book's
``.mtqa.toml`` may fix the spelling with ``prefer = ["Zalessky"]``.

Bad:   Volgens Zalessky groeit de handel. Zalessky schrijft dat. Ook Zaleskii ziet groei.
Good:  Volgens Zalessky groeit de handel. Zalessky schrijft dat. Ook Zalessky ziet groei.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from operator import itemgetter

from qa.rules._variants import masked_text, message, preferred
from qa.rules.term_variant import find_variants
from qa.rules.base import Finding, Rule

NAME = re.compile(r"[A-Z](?<![\w-][A-Z])[a-zà-öø-ÿā-ž]+(?:-[A-Z][a-zà-öø-ÿā-ž]+)*(?![\w-])")
FOLDS = [("tsch", "ch"), ("tsj", "ch"), ("sch", "sh"), ("sj", "sh"), ("sz", "sh"), ("zj", "zh"),
         ("kh", "h"), ("ks", "x"), ("x", "h"), ("gh", "g"), ("w", "v"), ("iy", "i"), ("ij", "i"), ("yi", "i"), ("y", "i"),
         ("j", "i"), ("ii", "i")]


_REPEAT = re.compile(r"(.)\1+")
_NO_HIJ = str.maketrans("", "", "hij")  # the loose key drops h, i and j
_RUN = re.compile(r"[\w-]")
# NAME within the line-separated list of the book's words, cut at apostrophes
# (the look-behind after the capital, so that re scans for capitals)
_PIECE = re.compile(r"[A-Z](?<![^\n'’][A-Z])[a-zà-öø-ÿā-ž]+(?:-[A-Z][a-zà-öø-ÿā-ž]+)*(?![^\n'’])")


def translit_key(word: str) -> str:
    """The spelling-independent key of a name: Zalessky, Zaleskii and Zaleski all give 'zaleski'."""
    return translit_keys([word])[word]


def translit_keys(words) -> dict[str, str]:
    """:func:`translit_key` of many words at once: the folds run once over all of them joined by
    line breaks (no fold and no doubled letter spans a line break); the Unicode steps only for
    the words that are not ASCII (for ASCII they change nothing but the case)."""
    words = list(words)
    folded = []
    for w in words:
        if w.isascii():
            folded.append(w.lower())
        else:
            w = unicodedata.normalize("NFKD", w.casefold())
            folded.append("".join(c for c in w if not unicodedata.combining(c)))
    joined = "\n".join(folded)
    for a, b in FOLDS:
        joined = joined.replace(a, b)
    # (itemgetter, not the template r"\1": re expands a template in Python for every match)
    return dict(zip(words, _REPEAT.sub(itemgetter(1), joined).split("\n")))


def _lower_words(word_counts) -> set[str]:
    """The casefolded words that the book also writes with a lower-case first letter (the
    filter and the casefolding run in C: casefold maps no character to a line break)."""
    keys = list(itertools.compress(word_counts, map(str.islower, map(itemgetter(0), word_counts))))
    return set("\n".join(keys).casefold().split("\n")) if keys else set()


class InconsistentSpelling(Rule):
    id = "inconsistent-term.spelling"
    category = "inconsistent-term"
    severity = "minor"
    options = {"prefer": [], "min_count": 2, "min_ratio": 1.5, "min_length": 5}

    def check(self, doc, ctx):
        text = masked_text(doc, ctx)
        lower = ctx.cached("spelling:lower", lambda: _lower_words(doc.word_counts))
        min_length = self.config["min_length"]
        names = {w for w in _candidates(doc, ctx, text) if len(w) >= min_length and w.casefold() not in lower}
        keys = translit_keys(names)
        # Only names that share a key with another, or a loose key with two others, can be
        # flagged; the others are never read, so only these are looked for in the text (a
        # superset of the words that occur is enough: each is counted exactly).
        strict: dict[str, list[str]] = defaultdict(list)
        for w in names:
            strict[keys[w]].append(w)
        by_loose: dict[str, list[str]] = defaultdict(list)
        for w in names:
            by_loose[keys[w].translate(_NO_HIJ)].append(w)
        wanted = {w for ws in strict.values() if len(ws) >= 2 for w in ws}
        wanted.update(w for ws in by_loose.values() if len(ws) >= 3 for w in ws)
        hits = _occurrences(text, wanted, find_variants(doc, ctx)[0]) if wanted else {}
        groups: dict[str, Counter] = defaultdict(Counter)
        for w in sorted(hits, key=lambda w: hits[w][0]):  # first use first, as a scan would
            groups[keys[w]][w] = len(hits[w])
        decided = {}
        for key, c in groups.items():
            if len(c) < 2:
                continue
            best, chosen = preferred(c, self.config["prefer"], self.config["min_count"],
                                     self.config["min_ratio"])
            if best:
                decided[key] = (best, chosen, c)
        # three or more spellings of one name, each used once: no majority, flag them all
        loose: dict[str, Counter] = defaultdict(Counter)
        for key, c in groups.items():
            if key not in decided:
                loose[key.translate(_NO_HIJ)].update(c)
        scattered = {}
        for c in loose.values():
            if len(c) >= 3 and max(c.values()) == 1:
                forms = ", ".join(f"'{f}'" for f in sorted(c))
                for f in c:
                    scattered[f] = f"'{f}' is one of {len(c)} spellings of this name, each used once ({forms})"
        out = []
        for w, starts in hits.items():
            if w in scattered:
                out += [(a, a + len(w), scattered[w], None, False) for a in starts]
                continue
            got = decided.get(keys[w])
            if not got or got[0] == w:
                continue
            best, chosen, c = got
            msg = message(w, c[w], best, c[best], "this name", chosen)
            out += [(a, a + len(w), msg, best, chosen) for a in starts]
        out.sort(key=itemgetter(0))
        for start, end, msg, fix, safe in out:
            yield Finding(start, end, msg, fix, safe=safe)


def _candidates(doc, ctx, text: str) -> set[str]:
    """Every word that NAME can match in ``text`` (the masked text), and maybe more.

    A NAME match is a whole run of word characters and hyphens (nothing of the kind stands
    before or after it), so it lies inside one of the book's words (``doc.word_counts``, the
    whole unmasked text) and is the part of it between apostrophes; only where the masking
    blanked the character beside it (a URL's edge) can the unmasked word be longer."""

    def from_words():
        return set(_PIECE.findall("\n".join(doc.word_counts)))

    out = set(ctx.cached("spelling:pieces", from_words))
    for u in doc.urls:
        for x in (u.start - 1, u.end):  # the runs just before and just after the blanked URL
            if 0 <= x < len(text) and _RUN.match(text, x):
                while x > 0 and _RUN.match(text, x - 1):
                    x -= 1
                m = NAME.match(text, x)
                if m:
                    out.add(m[0])
    return out


def _occurrences(text: str, wanted: set[str], variants) -> dict[str, list[int]]:
    """The starts of each NAME match in ``text`` that is one of ``wanted`` and neither begins nor
    ends inside a variant form's span; one scan per first letter (re skips to a literal fast)."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for w in sorted(wanted, key=lambda w: (-len(w), w)):
        by_first[w[0]].append(re.escape(w[1:]))
    starts = [a for a, *_ in variants]
    ends = [b for _, b, *_ in variants]

    def covered(x: int) -> bool:
        i = bisect_right(starts, x) - 1
        return i >= 0 and x < ends[i]

    out: dict[str, list[int]] = {}
    for first, rests in by_first.items():
        # the never-matching branch keeps re from taking the forms' common prefix as the literal
        # to scan for: it scans for one character twice as fast as for several
        for hit in re.finditer(re.escape(first) + "(?:" + "|".join(rests) + "|(?!))", text):
            m = NAME.match(text, hit.start())
            if m and m[0] in wanted and not covered(m.start()) and not covered(m.end() - 1):
                out.setdefault(m[0], []).append(m.start())
    return out
