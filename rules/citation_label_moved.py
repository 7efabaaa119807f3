"""Words of a cited title moved behind its resource label (``[Elektronische hulpbron] bevorderen``).

The source's ``Title [Электронный ресурс]. – 2020.`` was translated as a sentence: the verb or the
end of the title landed after the label, before the ``. -`` separator. The title's words belong in
front of the label. A subtitle after ``:`` and an author after ``/`` are legitimate and not
reported.

Bad:   invoersubstitutie in de EAEU zullen [Elektronische hulpbron] bevorderen. - – 2020.
Good:  invoersubstitutie in de EAEU zullen bevorderen [Elektronische hulpbron]. - – 2020.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule


class LabelMoved(Rule):
    id = "citation.label-moved"
    category = "citation"
    severity = "major"
    options = {"label_words": ["elektron", "electron", "tekst", "text", "video", "audio", "online"],
               "max_words": 8}

    def check(self, doc, ctx):
        words = self.config["label_words"]
        pattern = ctx.cached(f"label-moved:{'|'.join(words)}:{self.config['max_words']}", lambda: re.compile(
            r"(\[(?:" + "|".join(map(re.escape, words)) + r")[^\]\[]{0,40}\])"
            r"(,?\s+)((?:[^\W\d_][\w'’-]*\s+){0," + str(self.config["max_words"] - 1) + r"}[^\W\d_][\w'’-]*)"
            r"\.\s+[-–]", re.I))
        notes = doc.notes_text
        for a, b in doc.note_blocks:
            for m in pattern.finditer(notes, a, b):
                label = " ".join(m[1].split())
                moved = " ".join(m[3].split())
                yield Finding(m.start(1), m.end(3),
                              f"'{moved}' belongs to the title but stands behind the label {label}",
                              f"{', ' if ',' in m[2] else ''}{moved} {label}")
