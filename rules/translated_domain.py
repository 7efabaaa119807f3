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
        pack_name = self.config["pack"]
        pack = ctx.pack(pack_name)
        words = pack["translated"]
        labels = set(pack["domain_labels"]["labels"])
        pattern, probe = ctx.cached(f"translated-url.domain:{pack_name}", lambda: _patterns(words))
        hosts = None
        for m in _matches(pattern, probe, doc.text):
            full, prefix, word = m[1], m[2], m[3]
            tld = words.get(word.lower())
            if tld is None:  # matched only through re.I folding ı or ſ onto i or s ('bıj'): not the word
                continue
            bare = prefix.lower().removeprefix("www.")
            evidence = None
            if full.lower().startswith(("http://", "https://")) or prefix.lower().startswith("www."):
                evidence = "it stands in a URL"
            elif set(prefix.lower().rstrip(".").split(".")) & labels:
                evidence = f"'{prefix.rstrip('.').split('.')[-1]}.' only occurs in domain names"
            elif bare + tld in (hosts := _hosts(doc) if hosts is None else hosts):
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


def _patterns(words) -> tuple[re.Pattern, re.Pattern]:
    """The domain pattern, and a probe for its end (``.door``) that ``re`` finds by scanning for
    the full stop: the pattern itself starts with a lookbehind and is tried at every word."""
    alts = "|".join(map(re.escape, words))
    pattern = re.compile(r"(?<![\w.@-])((?:https?://)?((?:[a-z0-9][a-z0-9-]*\.)+)(" + alts + r"))"
                         r"(?![\w-])(?!\.[a-z])", re.I)
    probe = re.compile(r"\.(?:" + alts + r")(?![\w-])(?!\.[a-z])", re.I)
    return pattern, probe


# what the pattern can match: ASCII letters (and the four characters that re.I folds onto them),
# digits, "-", "." and the "://" of a scheme; a match never crosses any other character
_HOSTLIKE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.:/\u0130\u0131\u017f\u212a")


def _matches(pattern, probe, text):
    """``pattern.finditer(text)``, run only on the runs of host-like characters that hold a probe
    hit (a match lies inside one such run and its lookaheads read at most two characters on)."""
    n, done = len(text), -1
    for hit in probe.finditer(text):
        if hit.start() < done:
            continue
        lo = hit.start()
        while lo and text[lo - 1] in _HOSTLIKE:
            lo -= 1
        hi = hit.end()
        while hi < n and text[hi] in _HOSTLIKE:
            hi += 1
        for m in pattern.finditer(text, lo, min(n, hi + 2)):
            if m.start() >= hi:
                break
            yield m
        done = hi


def _hosts(doc) -> set[str]:
    return {u.host.removeprefix("www.") for u in doc.urls}


def _label_start(prefix: str) -> int:
    """Offset in ``prefix`` of the label just before the TLD's second-level part (``belta.``)."""
    parts = prefix.rstrip(".").split(".")
    keep = parts[-2:] if parts[-1].lower() in {"gov", "com", "org", "net", "edu", "co", "ac"} and len(parts) > 1 else parts[-1:]
    return len(prefix) - len(".".join(keep)) - 1
