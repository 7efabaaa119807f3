"""A word written twice in a row (``de de``), often across a line or page break.

Repetitions that Dutch grammar allows (``dat dat``, ``die die``, ``het het``) and repeated
capitalised names (``Bora Bora``) are not reported.

Bad:   Het project werd in de de regio Grodno uitgevoerd.
Good:  Het project werd in de regio Grodno uitgevoerd.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa.rules.base import Finding, Rule

DOUBLE = re.compile(r"(?<![\w-])([^\W\d_]+)(\s+)(\1)(?![\w-])", re.I)
LETTER = re.compile(r"[^\W\d_]")
WORDISH = re.compile(r"[\w-]")


@lru_cache(maxsize=16)
def _fast_pattern(letters: str, others: str) -> re.Pattern:
    """DOUBLE for a text made of ``letters`` and ``others`` (the characters that may stand before a
    word): the same matches, one character earlier (the one before the word is matched, not looked
    behind at), so that re scans for those characters and tries a match only at word starts. Only
    the back-reference ignores case, as under DOUBLE's re.I (the same case-folding comparison):
    no character changes whether it is a letter, a word character or a hyphen with its case, so
    the classes need no folding and the text no lowering (which cost a full copy)."""
    let, other = "[" + re.escape(letters) + "]", "[" + re.escape(others) + "]"
    return re.compile(rf"{other}({let}++)(\s++)((?i:\1))(?![\w-])")


def _matches(doc, ctx):
    """(start, end, first-word span end, second-word start) of each DOUBLE match in ``body_text``."""
    body = doc.body_text

    def fast():
        chars = set(doc.chars) | {" "}  # body_text blanks with spaces
        letters = "".join(sorted(c for c in chars if LETTER.match(c)))
        others = "".join(sorted(c for c in chars if not WORDISH.match(c)))
        return _fast_pattern(letters, others) if letters and others else None

    pattern = ctx.cached("typography:doubled-word", fast)
    if pattern is None:
        yield from ((m.start(), m.end(), m.end(1), m.start(3)) for m in DOUBLE.finditer(body))
        return
    pos = 0
    m0 = DOUBLE.match(body, 0)  # a word at the very start has no character before it
    if m0:
        yield m0.start(), m0.end(), m0.end(1), m0.start(3)
        pos = m0.end()
    for m in pattern.finditer(body, pos):
        yield m.start(1), m.end(), m.end(1), m.start(3)


class DoubledWord(Rule):
    id = "typography.doubled-word"
    category = "typography"
    severity = "minor"
    options = {"allowed": ["dat", "die", "het", "er", "had", "is", "was", "zijn", "van"]}

    def check(self, doc, ctx):
        allowed = set(self.config["allowed"])
        body = doc.body_text
        for start, end, end1, start2 in _matches(doc, ctx):
            first, second = body[start:end1], body[start2:end]
            if first.lower() in allowed or len(first) < 2:
                continue
            if first[:1].isupper() and second[:1].isupper():
                continue  # a name ('Bora Bora') or a repeated heading word
            yield Finding(start, end, f"the word '{second}' is written twice", first)
