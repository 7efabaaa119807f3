"""A web domain whose top-level part was translated as a word.

Machine translation through English read the Belarusian domain ``.by`` as the English word "by"
and wrote ``door`` (or ``bij``); ``.it`` became ``het``, ``.us`` became ``ons``. The link is
broken. The rule fires on a host name ending in such a word when it stands in a URL (after
``://`` or ``www.``), after a label that only domains have (``gov.``), or when the same book has
the untranslated host elsewhere (``belta.by`` beside ``belta.door``).

Bad:   Dat meldde persbureau belta.door dinsdag (https://www.belta.door/economics/).
Good:  Dat meldde persbureau belta.by dinsdag (https://www.belta.by/economics/).
"""

from __future__ import annotations

import re

from qa.rules.base import Finding, Rule


class TranslatedDomain(Rule):
    id = "translated-url.domain"
    category = "translated-url"
    severity = "critical"
    options = {"pack": "tlds"}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        words = pack["translated"]
        labels = set(pack["domain_labels"]["labels"])
        pattern = re.compile(
            r"(?<![\w.@-])((?:https?://)?((?:[a-z0-9][a-z0-9-]*\.)+)(" + "|".join(map(re.escape, words)) + r"))"
            r"(?![\w-])(?!\.[a-z])", re.I)
        hosts = {u.host for u in doc.urls}
        for m in pattern.finditer(doc.text):
            full, prefix, word = m[1], m[2], m[3]
            tld = words[word.lower()]
            bare = prefix.lower().removeprefix("www.")
            evidence = None
            if full.lower().startswith(("http://", "https://")) or prefix.lower().startswith("www."):
                evidence = "it stands in a URL"
            elif set(prefix.lower().rstrip(".").split(".")) & labels:
                evidence = f"'{prefix.rstrip('.').split('.')[-1]}.' only occurs in domain names"
            elif any(h.removeprefix("www.") == bare + tld for h in hosts):
                evidence = f"the book has the host {bare + tld} elsewhere"
            if not evidence:
                continue
            start = m.start(1) + (len(full) - len(prefix) - len(word)) + _label_start(prefix)
            end = m.end(1)
            text = doc.text[start:end]
            fixed = text[: len(text) - len(word)] + (tld.upper() if word.isupper() else tld)
            yield Finding(start, end,
                          f"'.{tld}' was translated as the word '{word}'; the domain is {fixed} ({evidence})",
                          fixed, safe=True)


def _label_start(prefix: str) -> int:
    """Offset in ``prefix`` of the label just before the TLD's second-level part (``belta.``)."""
    parts = prefix.rstrip(".").split(".")
    keep = parts[-2:] if parts[-1].lower() in {"gov", "com", "org", "net", "edu", "co", "ac"} and len(parts) > 1 else parts[-1:]
    return len(prefix) - len(".".join(keep)) - 1
