""""Euro-" in a company name rendered as the acronym EU (ЕвроЭкоПак as "EUEcoPack").

Machine translation treated the Russian prefix Евро- of a brand name as the European Union and
wrote ``EU`` glued to the rest of the name. The rule fires on ``EU`` written directly before a
capitalised name part; whether the company really is called Euro… needs checking, hence minor.

Bad:   het Wit-Russisch-Russische bedrijf EUEcoPack met een project voor een verpakkingsfabriek.
Good:  het Wit-Russisch-Russische bedrijf EuroEcoPack met een project voor een verpakkingsfabriek.
"""

from __future__ import annotations

import re

from qa.rules._entities import euro_probe_source, find, literal_index
from qa.rules.base import Finding, Rule


class EuroAsEu(Rule):
    id = "entity-confusion.euro-as-eu"
    category = "entity-confusion"
    severity = "minor"
    options = {"pack": "entities"}

    def check(self, doc, ctx):
        source = ctx.pack(self.config["pack"])["euro_prefix"]["pattern"]
        pattern = ctx.cached(f"entities.euro-prefix:{source}", lambda: re.compile(source))
        index = literal_index(doc, ctx, self.config["pack"])
        for m in find(pattern, [euro_probe_source(source)], doc.text, index):
            name = m.group()
            fixed = "Euro" + name[2:]
            yield Finding(m.start(), m.end(), f"'{name}' looks like a brand name whose prefix Euro- (Евро-) "
                                              f"was rendered as the acronym EU", fixed)

