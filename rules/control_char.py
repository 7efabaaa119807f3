r"""A control character in the text (other than TAB, line feed, carriage return, form feed).

C0 controls (U+0000-U+001F), DEL and the C1 controls (U+0080-U+009F) never belong in a book:
they come from a broken conversion or a copy from a PDF, are invisible in most viewers and break
typesetting. A vertical tab (Word's manual line break) should become a space; everything else is
deleted. One finding per run.

Bad:   De BUTB\x07 is hierop geen uitzondering.
Good:  De BUTB is hierop geen uitzondering.
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

# the class twice rather than "+": a pattern that starts with a class lets re skip to its characters
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f][\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]*")
CONTROL_CHARS = frozenset(c for c in map(chr, range(0xA0)) if CONTROL.match(c))


class ControlChar(Rule):
    id = "encoding.control-char"
    category = "encoding"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        text = doc.text
        if not any(c in CONTROL_CHARS for c in doc.chars):
            return  # the book's distinct characters (known to the model) have none: no scan
        for m in CONTROL.finditer(text):
            run = m.group()
            if re.search(r"[\x80-\x9f]", run) and _in_mojibake(text, m.start()):
                continue  # part of a mojibake word: encoding.mojibake reports (and repairs) it
            names = ", ".join(sorted({f"U+{ord(c):04X}" for c in run}))
            if set(run) == {"\x0b"}:
                yield Finding(m.start(), m.end(), f"vertical tab ({names}): a manual line break from a word "
                                                  "processor", " ")
            else:
                yield Finding(m.start(), m.end(), f"control character{'s' if len(run) > 1 else ''} ({names}) "
                                                  "in the text", "", safe=True)


def _in_mojibake(text: str, at: int) -> bool:
    from qa.rules.mojibake import SUSPECT

    a = at
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = at
    while b < len(text) and not text[b].isspace():
        b += 1
    return bool(SUSPECT.search(text, a, b))
