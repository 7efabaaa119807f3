"""A possible entity confusion whose evidence is too weak for the critical rules.

The checks of ``entity-confusion.eaeu-as-eu`` and ``entity-confusion.belarusian-as-belgian``
weigh evidence both ways; where it points to a confusion without anything direct (the sentence
or the cited footnote), the case is reported here, as minor, with the evidence, for an editor
to decide. A Belgian firm in a Belarusian free economic zone is possible; a Belarusian one is
likelier in a book about Belarus.

Bad:   op de site "Aeroport" in FEZ "Brest" een productiefaciliteit van de Italiaans-Belgische onderneming.
Good:  op de site "Aeroport" in FEZ "Brest" een productiefaciliteit van de Italiaans-Wit-Russische onderneming.
"""

from __future__ import annotations

from qa.rules import belarusian_as_belgian, eaeu_as_eu
from qa.rules.base import Finding, Rule


class WeakEvidence(Rule):
    id = "entity-confusion.weak-evidence"
    category = "entity-confusion"
    severity = "minor"
    options = {"pack": "entities"}

    def check(self, doc, ctx):
        pack = self.config["pack"]
        for c in eaeu_as_eu.candidates(doc, ctx, pack) + belarusian_as_belgian.candidates(doc, ctx, pack):
            if c.weak:
                yield Finding(c.start, c.end, c.message(doc.text[c.start:c.end], "may mean"), c.suggestion)
