"""An acronym expanded as another organisation (BUTB as "Wit-Russisch-Turkse Handelsbank").

Machine translation guessed a name for the letters of a Russian acronym: БУТБ (Белорусская
универсальная товарная биржа, the Belarusian Universal Commodity Exchange) became a
"Belarusian-Turkish trade bank". The pack lists such known wrong expansions with the words the
real organisation comes with; a match is reported when the chapter around it uses the acronym
or its context words (or footnote URLs with its slug words) and does not name what would make
the wrong expansion plausible (Turkey).

Bad:   De samenwerking tussen de Wit-Russisch-Turkse Handelsbank en de Chinese partners; de BUTB is een beurs.
Good:  De samenwerking tussen de Wit-Russische Universele Grondstoffenbeurs (BUTB) en de Chinese partners.
"""

from __future__ import annotations

import re

from qa.rules._entities import quoted
from qa.rules.base import Finding, Rule

REACH = 3000  # characters either side when the book has no chapters


class AcronymExpansion(Rule):
    id = "entity-confusion.acronym-expansion"
    category = "entity-confusion"
    severity = "critical"
    options = {"pack": "entities", "min-evidence": 3}

    def check(self, doc, ctx):
        text = doc.text
        for entry in ctx.pack(self.config["pack"]).get("acronyms", []):
            for m in re.finditer(rf"\b(?<![\w-]){entry['wrong']}(?!\w)", text):
                a, b = m.span()
                chapter = doc.chapter_at(a)
                c0, c1 = (chapter.start, chapter.end) if chapter else (max(0, a - REACH), b + REACH)
                region = text[c0:c1]
                acr = re.findall(rf"\b{re.escape(entry['acronym'])}\b", region)
                ctx_words = re.findall(rf"\b(?:{'|'.join(entry['context'])})\b", region)
                slugs = [w for n in doc.footnotes if c0 <= n.start < c1 for u in n.urls for w in u.slug_words
                         if any(w.startswith(s) for s in entry["slug"])]
                against = [u.group() for u in re.finditer(rf"\b(?:{'|'.join(entry['unrelated'])})\b", region)
                           if not a <= u.start() + c0 < b]  # "Turkse" of the wrong name itself does not count
                evidence = []
                if acr:
                    evidence.append(f"the chapter names {entry['acronym']} {len(acr)} times")
                others = [w for w in ctx_words if w != entry["acronym"]]
                if others:
                    evidence.append(f"{quoted(others, 2)} {len(others)} times")
                if slugs:
                    evidence.append(f"footnote URLs have {quoted(slugs, 2)}")
                weight = len(acr) + len(others) + len(slugs)
                if against or weight < self.config["min-evidence"]:
                    continue
                wrong = " ".join(m.group().split())
                yield Finding(a, b, f"'{wrong}' is {entry['acronym']} ({entry['name']}) expanded as another "
                                    f"organisation: {', '.join(evidence)}, and the chapter never names "
                                    f"{entry['unrelated_label']}",
                              f"{entry['name']} ({entry['acronym']})")
