"""A URL broken in two by a space inside a slug word (``brest-na meren-investirovat``).

The extraction (or the translation) split a transliterated slug word with a space, so the printed
link stops in the middle of the slug. The rule fires when a URL ends in a bare slug word (no ``/``,
no file name, no article id) and the text right after one space goes on as a lower-case slug
with hyphens: the two pieces belong together. The fix joins them.

Bad:   URL: https://www.belta.by/economics/view/novyj-rezident-sez-brest-na meren-investirovat-v-proizvodstvo-394124-2020/
Good:  URL: https://www.belta.by/economics/view/novyj-rezident-sez-brest-nameren-investirovat-v-proizvodstvo-394124-2020/
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

TAIL = re.compile(r"[-_]([a-z]+)$")
# the continuation: a slug piece with at least one more hyphen (may wrap at a hyphen)
NEXT = re.compile(r" ([a-z]+)((?:[-_](?:\n)?[a-z0-9]+)+)[-_/]?")


class UrlSpace(Rule):
    id = "typography.url-space"
    category = "typography"
    severity = "major"
    options = {"min_hyphens": 2}

    def check(self, doc, ctx):
        text = doc.text
        for u in doc.urls:
            tail = TAIL.search(u.text)
            if not tail or u.end >= len(text) or text[u.end] != " ":
                continue
            m = NEXT.match(text, u.end)
            if not m or m[2].count("-") + m[2].count("_") < self.config["min_hyphens"]:
                continue
            start = u.end - len(tail[1])
            end = m.end(1)
            joined = tail[1] + m[1]
            yield Finding(start, end,
                          f"a space splits the URL slug word '{joined}'; the link stops at '{tail[1]}'",
                          joined, safe=True)
