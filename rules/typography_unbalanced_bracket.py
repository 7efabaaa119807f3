"""A bracket that is never closed, or closed without being opened, within a passage.

Extraction and translation drop one half of a pair: ``(R&D centrum`` with no ``)``. List markers
(``1)``, ``a)``) are not brackets and are skipped. A pair is looked for within ``window``
characters of running text.

Bad:   een research engineering (R&D centrum en een prototyping laboratorium.
Good:  een research engineering (R&D) centrum en een prototyping laboratorium.
"""

from __future__ import annotations

import heapq
import re

from qa.rules.base import Finding, Rule

BRACKET = re.compile(r"[()\[\]]")
# BRACKET for each bracket: re scans for one literal character several times faster than for a class
BRACKETS = tuple(re.compile(re.escape(c)) for c in "()[]")
LIST_MARK = re.compile(r"(?:^|[\s:;,])(?:\d{1,2}|[a-z])$")


class UnbalancedBracket(Rule):
    id = "typography.unbalanced-bracket"
    category = "typography"
    severity = "minor"
    options = {"window": 400}

    def check(self, doc, ctx):
        body = doc.body_text
        window = self.config["window"]
        pairs = {")": "(", "]": "["}
        stack: list[int] = []
        for m in heapq.merge(*(p.finditer(body) for p in BRACKETS), key=lambda m: m.start()):
            ch, at = m.group(), m.start()
            while stack and at - stack[-1] > window:
                yield _unclosed(body, stack.pop())
            if ch in "([":
                stack.append(at)
            elif stack and body[stack[-1]] == pairs[ch]:
                stack.pop()
            elif ch == ")" and LIST_MARK.search(body, max(0, at - 4), at):
                continue
            else:
                yield Finding(at, at + 1, f"'{ch}' closes a bracket that was never opened", None)
        for at in stack:
            yield _unclosed(body, at)


def _unclosed(body: str, at: int) -> Finding:
    closer = ")" if body[at] == "(" else "]"
    return Finding(at, at + 1, f"'{body[at]}' is never closed by '{closer}'", None)
