"""A word that lost its last letter where a footnote number was glued to it (``worde132``).

When the translation glued a footnote reference to the preceding word it sometimes swallowed the
word's last letter (``worden"132`` became ``worde132``). The rule fires on a word before a footnote
reference that occurs nowhere else in the book while the word plus one letter is frequent in it.

Bad:   Wit-Rusland kan daar een van worde132. De Chinese handelsmaatschappij besloot …
Good:  Wit-Rusland kan daar een van worden132. De Chinese handelsmaatschappij besloot …
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

WORD_BEFORE = re.compile(r"[^\W\d_]+$")
LETTERS = "abcdefghijklmnopqrstuvwxyzéëï"


class TruncatedWord(Rule):
    id = "other.truncated-word"
    category = "other"
    severity = "minor"
    options = {"min_uses": 3, "min_length": 3}

    def check(self, doc, ctx):
        counts = doc.word_counts
        text = doc.text
        for ref in doc.refs:
            m = WORD_BEFORE.search(text, max(0, ref.start - 40), ref.start)
            if not m or len(m[0]) < self.config["min_length"]:
                continue
            word = m[0]
            if counts[word] > 1 or counts[word.lower()] + counts[word.capitalize()] > (1 if word in (word.lower(), word.capitalize()) else 0):
                continue
            best = max(((counts[word + c], word + c) for c in LETTERS), default=(0, ""))
            if best[0] < self.config["min_uses"]:
                continue
            yield Finding(m.start(), ref.end,
                          f"'{word}' occurs nowhere else, '{best[1]}' {best[0]} times: the footnote number "
                          f"{ref.number} swallowed the word's last letter", best[1] + text[m.end():ref.end])
