"""An acronym read as an English word and translated: ``MAAR`` for BUTB, ``HET-bedrijven`` for IT.

Machine translation through English read the Belarusian exchange's acronym BUTB as "BUT" and wrote
``MAAR``; ``IT`` became ``HET``, ``US`` became ``ONS``. A Dutch function word in capitals inside
ordinary text is never Dutch. The rule fires on such a word from the ``acronym_traps`` pack when
the book backs the acronym: it uses an acronym that starts with the English word (BUTB) or the URL
slug of the footnote the passage cites has it (``butb-provedet-…``).

Bad:   MAAR zal het eerste gespecialiseerde exportbod houden (URL: …/butb-provedet-pervye-…).
Good:  BUTB zal het eerste gespecialiseerde exportbod houden (URL: …/butb-provedet-pervye-…).
"""

from __future__ import annotations

import re
from qa.rules.base import Finding, Rule
from qa.slug import book_acronyms, footnote_slug


class TranslatedAcronymWord(Rule):
    id = "translated-acronym.word"
    category = "translated-acronym"
    severity = "critical"
    options = {"pack": "acronym_traps", "min_uses": 2}

    def check(self, doc, ctx):
        words = {k.upper(): v.upper() for k, v in ctx.pack(self.config["pack"])["words"].items()}
        acronyms, caps = book_acronyms(doc)
        text = doc.text
        for word, start, end in acronyms:
            if word not in words or re.match(r"-[A-Z]{2}", text[end:end + 3]) or _shouting(text, start, end):
                continue
            english = words[word]
            acronym, evidence = self._backing(doc, ctx, start, english, caps, word)
            if not acronym:
                continue
            yield Finding(start, end,
                          f"'{word}' is the acronym {acronym} read as English '{english}' and translated "
                          f"({evidence})", acronym)

    def _backing(self, doc, ctx, offset, english, caps, word):
        low = english.lower()
        for note in doc.footnotes_near(offset):
            s = footnote_slug(note)
            hit = next((w for w in s.words if w.startswith(low) and len(w) <= len(low) + 2
                        and (w == low or caps.get(w.upper(), 0) > 0 or len(low) >= 3 and len(w) == len(low) + 1)),
                       None) if s else None
            if hit:
                book = next((a for a, _ in caps.most_common() if a.lower() == hit), hit.upper())
                return book, f"the footnote URL has '{hit}'"
        uses = [(n, a) for a, n in caps.items()
                if a.startswith(english) and len(a) <= len(english) + 2 and a != word and n >= self.config["min_uses"]]
        if uses:
            n, a = max(uses)
            return a, f"the book uses {a} {n} times"
        return None, None


def _shouting(text: str, start: int, end: int) -> bool:
    """Whether the word stands in capitals-only text (a heading, a name in capitals)."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    line = text[a: b if b >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    if len(letters) and upper / len(letters) > 0.5:
        return True
    before = re.search(r"([A-Za-z]+)\W*$", text[max(0, start - 40):start])
    after = re.match(r"\W*([A-Za-z]+)", text[end:end + 40])
    return bool(before and before[1].isupper() and len(before[1]) > 1) or bool(
        after and after[1].isupper() and len(after[1]) > 1)
