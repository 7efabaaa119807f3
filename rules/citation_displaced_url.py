"""A footnote that ends with ``URL:`` while its URL stands elsewhere, or nowhere.

Extraction moved the tail of a note away from it: the note ends in ``URL:`` and the URL turns up
at the head of the next footnote block, past a chapter heading, where it reads as part of the
next chapter's notes. Continuations inside one chapter are ordinary page breaks and not reported.

Bad:   97 De opgegeven investeringen ... [Elektronische bron]. - – 2020. - URL:  (URL in chapter 9)
Good:  97 De opgegeven investeringen ... [Elektronische bron]. - – 2020. - URL: https://www.belta.by/...
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule

ENDS_IN_LABEL = re.compile(r"URL:\s*$", re.I)


class DisplacedUrl(Rule):
    id = "citation.displaced-url"
    category = "citation"
    severity = "major"
    options = {}

    def check(self, doc, ctx):
        for note in doc.footnotes:
            m = ENDS_IN_LABEL.search(note.text)
            if not m:
                continue
            label_start = note.start + m.start()
            own_chapter = doc.chapter_at(note.start)
            if note.extra:
                a, b = note.extra[0]
                there = doc.chapter_at(a)
                lead = doc.text[a:b].lstrip()
                if there is not own_chapter and re.match(r"https?://|www\.", lead, re.I):
                    url = next((u for u in note.urls if a <= u.start < b), None)
                    start = url.start if url else a + len(doc.text[a:b]) - len(lead)
                    end = url.end if url else b
                    yield Finding(start, end,
                                  f"this URL belongs to footnote {note.number}, which ends with 'URL:' in chapter "
                                  f"{own_chapter.index if own_chapter else '-'}; it was displaced past the heading of "
                                  f"chapter {there.index if there else '-'}", None)
                continue
            yield Finding(label_start, label_start + 4,
                          f"footnote {note.number} ends with 'URL:' but no URL follows", None)
