"""A probable calque whose context makes it suspect, for an editor to decide (weaker evidence).

Entries of the ``calques`` pack with ``rule = "suspect"``: the commodity exchange (биржа, the
BUTB) read as "exchange" = swap (``ruilhandel``, ``ruilplatform``, ``uitwisselingsplatform``,
``de uitwisseling van plan``) in a passage or chapter about the exchange, and ``ingezetene(n)``
(a resident person) for the resident companies of a zone, park or exchange.

Bad:   Via het ruilplatform van de BUTB verkochten zij hout aan China.
Good:  Via het beursplatform van de BUTB verkochten zij hout aan China.
"""

from __future__ import annotations

from qa.rules import _calques
from qa.rules.base import Rule


class MistranslationCalqueSuspect(Rule):
    id = "mistranslation.calque-suspect"
    category = "mistranslation"
    severity = "minor"
    options = {"pack": "calques"}

    def check(self, doc, ctx):
        yield from _calques.find(doc, ctx, self.config["pack"], "suspect")
