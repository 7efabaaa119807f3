"""резидент (a company registered in a free economic zone, park or exchange) rendered as inhabitant.

Machine translation made the Russian ``резидент`` (a resident company of a free economic zone,
industrial park, technology park or commodity exchange) into ``bewoner(s)``, ``inwoner(s)``,
``inwonende`` or ``FEZ-bewoners``. Reported where the passage names such a zone or park (FEZ,
industriepark, Great Stone, geregistreerd ...), or where the cited footnote's URL has
``rezident``; not where it speaks of a city's population (``20.000 inwoners``, ``inwoners van
de stad``). Entries are in the ``calques`` pack with ``rule = "resident"``.

Bad:   In 2020 werden 14 nieuwe inwoners van FEZ Minsk geregistreerd.
Good:  In 2020 werden 14 nieuwe residenten van FEZ Minsk geregistreerd.
"""

from __future__ import annotations

from qa.rules import _calques
from qa.rules.base import Rule


class MistranslationResident(Rule):
    id = "mistranslation.resident"
    category = "mistranslation"
    severity = "major"
    options = {"pack": "calques"}

    def check(self, doc, ctx):
        yield from _calques.find(doc, ctx, self.config["pack"], "resident")
