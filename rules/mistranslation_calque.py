"""A recurring machine-translation calque that changes the meaning, in the context that shows it.

Entries of the ``calques`` pack with ``rule = "calque"``: investment capital rendered as
``hoofdstad`` (``met de Duitse hoofdstad``, ``Poolse en Duitse hoofdstad``), trade-fair
activities as ``eerlijke activiteiten``, anti-COVID as ``anticovalent``, the expert community as
``exportgemeenschap``, the Belt and Road as ``Belt and Way``. Each entry carries the context
words that make it wrong and the vetoes that make it right.

Bad:   Het is het zevende bedrijf in de FEZ met de Duitse hoofdstad.
Good:  Het is het zevende bedrijf in de FEZ met Duits kapitaal.
"""

from __future__ import annotations

from qa.rules import _calques
from qa.rules.base import Rule


class MistranslationCalque(Rule):
    id = "mistranslation.calque"
    category = "mistranslation"
    severity = "major"
    options = {"pack": "calques"}

    def check(self, doc, ctx):
        yield from _calques.find(doc, ctx, self.config["pack"], "calque")
