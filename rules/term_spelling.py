"""A proper name transliterated several ways in one book (Zalessky / Zaleskii / Zaleski).

Names from Russian reach the Dutch text through English and Dutch transliteration at once:
``Myasnikovitsj`` beside ``Mjasnikovitsj``, ``Tasjkent`` beside ``Tashkent``, ``Zalessky`` beside
``Zaleskii``. The rule needs no list: it reduces every capitalised word to a transliteration key
(diacritics dropped; ``tsj``/``ch``, ``sj``/``sh``, ``zj``/``zh``, ``kh``/``h``, ``y``/``j``/``ii``
/``i``, ``w``/``v`` made equal; doubled letters single), groups the words that share a key, and
flags the minority spellings when one spelling clearly dominates (at least ``min_count`` uses and
``min_ratio`` times the runner-up). Words that also occur in lower case are common words, not
names, and are left out, as are the names the ``variants`` pack already covers. The book's
``.mtqa.toml`` may fix the spelling with ``prefer = ["Zalessky"]``.

Bad:   Volgens Zalessky groeit de handel. Zalessky schrijft dat. Ook Zaleskii ziet groei.
Good:  Volgens Zalessky groeit de handel. Zalessky schrijft dat. Ook Zalessky ziet groei.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from qa.rules._variants import masked_text, message, preferred
from qa.rules.term_variant import find_variants
from qa.rules.base import Finding, Rule

NAME = re.compile(r"[A-Z](?<![\w-][A-Z])[a-zà-öø-ÿā-ž]+(?:-[A-Z][a-zà-öø-ÿā-ž]+)*(?![\w-])")
FOLDS = [("tsch", "ch"), ("tsj", "ch"), ("sch", "sh"), ("sj", "sh"), ("sz", "sh"), ("zj", "zh"),
         ("kh", "h"), ("ks", "x"), ("w", "v"), ("iy", "i"), ("ij", "i"), ("yi", "i"), ("y", "i"),
         ("j", "i"), ("ii", "i")]


def translit_key(word: str) -> str:
    """The spelling-independent key of a name: Zalessky, Zaleskii and Zaleski all give 'zaleski'."""
    w = unicodedata.normalize("NFKD", word.casefold())
    w = "".join(c for c in w if not unicodedata.combining(c))
    for a, b in FOLDS:
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


class InconsistentSpelling(Rule):
    id = "inconsistent-term.spelling"
    category = "inconsistent-term"
    severity = "minor"
    options = {"prefer": [], "min_count": 2, "min_ratio": 1.5, "min_length": 5}

    def check(self, doc, ctx):
        text = masked_text(doc, ctx)
        covered = {i for a, b, *_ in find_variants(doc, ctx)[0] for i in range(a, b)}
        lower = {w.casefold() for w in doc.word_counts if w[:1].islower()}
        hits = [(m.start(), m.end(), m[0]) for m in NAME.finditer(text)
                if len(m[0]) >= self.config["min_length"] and m[0].casefold() not in lower
                and m.start() not in covered and m.end() - 1 not in covered]
        keys = {w: translit_key(w) for w in {w for _, _, w in hits}}
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
        for start, end, w in hits:
            got = decided.get(keys[w])
            if not got or got[0] == w:
                continue
            best, chosen, c = got
            yield Finding(start, end, message(w, c[w], best, c[best], "this name", chosen), best,
                          safe=chosen)
