"""A URL path segment translated into Dutch (``/pagina/`` for ``/page/``).

Machine translation treats the words of a path as text: ``/embassy/news/`` became
``/ambassade/nieuws/`` and ``/page/`` became ``/pagina/``, and the link is broken. The rule fires on
a segment that is a Dutch word from the ``url_words`` pack when the site is not a Dutch-language
one (its top-level domain is not .nl, .be, .sr …), or when the book prints the same host with the
English word. Consecutive translated segments make one finding.

Bad:   URL: https://cis.minsk.by/pagina/19142
Good:  URL: https://cis.minsk.by/page/19142
"""

from __future__ import annotations

from qa.rules._urls import bare_host, char_offsets, lowered_segments, path_segments, real_tld
from qa.rules.base import Finding, Rule

LANG_SEGMENTS = {"ru", "en", "by", "be", "de", "fr", "zh", "cn", "kz", "uz", "ua", "pl", "it", "es", "eng", "rus"}


class TranslatedUrlPath(Rule):
    id = "translated-url.path"
    category = "translated-url"
    severity = "critical"
    options = {"pack": "url_words", "tlds_pack": "tlds"}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        dutch = {k.lower(): v for k, v in pack["dutch"].items() if k.lower() != v.lower()}
        native = pack.get("native", {})
        dutch_tlds = set(pack["dutch_tlds"]["tlds"])
        generic = set(pack["generic_tlds"]["tlds"])
        translated = ctx.pack(self.config["tlds_pack"])["translated"]
        seen: dict[str, set[str]] = {}
        urls = []  # each URL's path lower-cased and split once; segments with offsets on a hit
        for u in doc.urls:
            low = lowered_segments(u)
            host = bare_host(u.host, translated)
            urls.append((u, low, host))
            seen.setdefault(host, set()).update(low)
        for u, low, host in urls:
            if dutch.keys().isdisjoint(low):
                continue
            segs = path_segments(u)
            hits = [i for i, s in enumerate(low) if s in dutch]
            u_host = u.host
            tld = real_tld(u_host, translated)
            offsets = None
            for run in _runs(hits):
                words = [segs[i][0] for i in run]
                english = [dutch[w.lower()] for w in words]
                evidence = self._evidence(words, english, host, tld, segs, seen[host], native, dutch_tlds, generic)
                if not evidence:
                    continue
                offsets = offsets or char_offsets(doc, u)
                a = segs[run[0]][1] - 1  # the slash before
                b = segs[run[-1]][2]
                b_incl = b < len(u.text) and u.text[b] == "/"
                start = offsets[a]
                end = offsets[b] + 1 if b_incl else offsets[b - 1] + 1
                fixed = "/" + "/".join(english) + ("/" if b_incl else "")
                shown = "/".join(words)
                yield Finding(start, end,
                              f"the URL path '{shown}' was translated into Dutch; the site's path is "
                              f"'{'/'.join(english)}' ({evidence})", fixed, safe=True)

    @staticmethod
    def _evidence(words, english, host, tld, segs, host_segments, native, dutch_tlds, generic):
        if all(e in host_segments for e in english):
            return f"the book has {host} with '{'/'.join(english)}' elsewhere"
        if tld in dutch_tlds:
            return None
        for w in words:
            allowed = native.get(w.lower(), [])
            if "*" in allowed or tld in allowed:
                return None
        if tld in generic:
            langs = [s for s, _, _ in segs if s.lower() in LANG_SEGMENTS]
            if not langs:
                return None
            return f"the path is in the '/{langs[0]}/' section of a site on .{tld}"
        return f"a .{tld} site does not use Dutch path words"


def _runs(indexes):
    run = [indexes[0]]
    for i in indexes[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            yield run
            run = [i]
    yield run
