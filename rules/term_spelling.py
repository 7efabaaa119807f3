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
_LOOSE = re.compile(r"[hij]")


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
    return dict(zip(words, _REPEAT.sub(r"\1", joined).split("\n")))


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
        covered = {i for a, b, *_ in find_variants(doc, ctx)[0] for i in range(a, b)}
        lower = ctx.cached("spelling:lower", lambda: _lower_words(doc.word_counts))
        min_length = self.config["min_length"]
        found = [(m.start(), m.end(), m[0]) for m in NAME.finditer(text)]
        names = {w for w in {w for _, _, w in found} if len(w) >= min_length and w.casefold() not in lower}
        hits = [(a, b, w) for a, b, w in found if w in names and a not in covered and b - 1 not in covered]
        keys = translit_keys({w for _, _, w in hits})
        groups: dict[str, Counter] = defaultdict(Counter)
        for _, _, w in hits:
            groups[keys[w]][w] += 1
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
                loose[_LOOSE.sub("", key)].update(c)
        scattered = {}
        for c in loose.values():
            if len(c) >= 3 and max(c.values()) == 1:
                forms = ", ".join(f"'{f}'" for f in sorted(c))
                for f in c:
                    scattered[f] = f"'{f}' is one of {len(c)} spellings of this name, each used once ({forms})"
        for start, end, w in hits:
            if w in scattered:
                yield Finding(start, end, scattered[w])
                continue
            got = decided.get(keys[w])
            if not got or got[0] == w:
                continue
            best, chosen, c = got
            yield Finding(start, end, message(w, c[w], best, c[best], "this name", chosen), best,
                          safe=chosen)
