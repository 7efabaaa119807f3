"""A URL slug word that glued a Russian preposition to a name (``somskoj`` for ``s-omskoj``).

Russian one-letter prepositions (``s`` with, ``v`` in, ``k`` to) are words of their own in URL
slugs: ``sotrudnichestva-s-omskoj-oblastjju``. When a slug word is such a letter followed by the
transliteration of a name that the footnote's Dutch title has (``Omsk``), the hyphen between them
was lost and the link is probably broken.

Bad:   121 MAAR verwacht de samenwerking met de Omsk regio uit te breiden. - URL: https://www.belta.by/economics/view/butb-rasschityvaet-na-rasshirenie-sotrudnichestva-somskoj-oblastjju-420606-2020/
Good:  121 MAAR verwacht de samenwerking met de Omsk regio uit te breiden. - URL: https://www.belta.by/economics/view/butb-rasschityvaet-na-rasshirenie-sotrudnichestva-s-omskoj-oblastjju-420606-2020/
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule
from qa.slug import footnote_slug, parse_title, skeleton


class SlugHyphenLost(Rule):
    id = "other.slug-hyphen-lost"
    category = "other"
    severity = "minor"
    options = {"prepositions": "svk", "min_name": 4}

    def check(self, doc, ctx):
        preps = self.config["prepositions"]
        min_name = self.config["min_name"]
        for note in doc.footnotes:
            s = footnote_slug(note)
            if not s:
                continue
            t = stems = None  # the title's names, skeletonised, once a slug word may glue one
            for w in s.words:
                if len(w) < 6 or w[0] not in preps:
                    continue
                if stems is None:
                    # the title, only now and not memoised (qa.slug.title keeps every footnote's
                    # title and its words for the whole run: 7 MiB on a 3 MB file)
                    t = parse_title(doc, note)
                    if not t:
                        break
                    names = [skeleton(x) for x, _, _ in t.words if x[:1].isupper() and len(x) >= min_name]
                    stems = tuple(n[: max(min_name, len(n) - 1)] for n in names)
                if skeleton(w).startswith(stems):
                    continue
                rest = skeleton(w[1:])
                name = next((x for x in stems if rest.startswith(x)), None)
                if not name:
                    continue
                m = re.compile(r"(?<=[-/_])" + re.escape(w) + r"(?=[-/_.])", re.I).search(doc.text, note.start, note.end)
                if not m:
                    continue
                fixed = w[0] + "-" + w[1:]
                yield Finding(m.start(), m.end(),
                              f"the URL slug word '{w}' glues the preposition '{w[0]}' to the name the title "
                              f"has ('{w[1:]}'); the slug probably reads '{fixed}'", fixed)
