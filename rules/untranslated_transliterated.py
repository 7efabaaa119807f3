"""A transliterated Russian word left in Dutch running text: ``leskhoz``, ``torgovy dom``.

Machine translation through English keeps Russian common nouns it cannot translate in their
English transliteration. Names are capitalised and legitimately transliterated, so only
lower-case words count: the known words of the ``transliterated`` pack (with their Dutch
rendering) and any other word with letter groups that English transliteration of Russian uses
and Dutch spelling does not (``kh``, ``zh``, ``shch``, ``-yy``). URL slugs never count.

Bad:   In het bijzonder heeft Verkhneketsky leskhoz in december 2017 een zagerij geopend.
Good:  In het bijzonder heeft het bosbedrijf Verchneketski in december 2017 een zagerij geopend.
"""

from __future__ import annotations

import re

from qa.rules import _untranslated
from qa.rules.base import Finding, Rule


class UntranslatedTransliterated(Rule):
    id = "untranslated.transliterated"
    category = "untranslated"
    severity = "minor"
    options = {"pack": "transliterated"}

    def check(self, doc, ctx):
        pack = ctx.pack(self.config["pack"])
        known = pack["words"]

        text = doc.text

        def make():
            alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(known, key=len, reverse=True))
            letters = pack["pattern"]["letters"]
            starts = _literal_starts(letters)
            firsts = [w.split()[0] for w in known if w[:1].strip()]
            if not known or len(firsts) < len(known) or starts is None:
                starts = None  # scan with re
            return re.compile(alts), re.compile(letters), starts, firsts
        known_re, letters_re, starts, firsts = ctx.cached("transliterated.patterns", make)
        in_url = _untranslated.in_url(doc, ctx)
        spans = {}
        if starts is None:
            known_hits, letter_hits = known_re.finditer(text), letters_re.finditer(text)
        else:
            # re tries these alternations at every position; every match begins with a literal
            # (a known word's first word, a letter group's leading letters), so try them only
            # where str.find puts those literals, leftmost first and not overlapping, as re does
            occ = ctx.cached("transliterated.occurrences",
                             lambda: _occurrences(text, firsts + starts, _words_blob(doc)))
            known_hits = _leftmost(known_re, text, {p for w in firsts for p in occ[w]})
            letter_hits = _leftmost(letters_re, text, {p for w in starts for p in occ[w]})
        for m in known_hits:
            spans.setdefault(m.start(), m.end())
        for m in letter_hits:  # grow the letter group to its whole word
            a, b = m.start(), m.end()
            while a > 0 and text[a - 1].isalpha():
                a -= 1
            while b < len(text) and text[b].isalpha():
                b += 1
            spans.setdefault(a, b)
        for a, b in sorted(spans.items()):
            word = text[a:b]
            before, after = text[a - 1:a], text[b:b + 1]
            if not word.islower() and " " not in word and "\n" not in word or \
                    (before and (before.isalnum() or before in "/.-_")) or after.isalnum() or after in "/-_":
                continue
            if in_url(a):
                continue
            word = " ".join(word.split())
            fixed = known.get(word)
            evidence = "a known transliteration" if fixed else "its letters are English transliteration of Russian"
            yield Finding(a, b, f"'{word}' is transliterated Russian left untranslated ({evidence})", fixed)


def _leftmost(regex: re.Pattern, text: str, candidates):
    """``regex.finditer(text)`` when every match starts at one of ``candidates``."""
    last = 0
    for p in sorted(candidates):
        if p >= last:
            m = regex.match(text, p)
            if m and m.end() > p:
                yield m
                last = m.end()


def _occurrences(text: str, literals, words: str | None = None) -> dict[str, list[int]]:
    """Every start of each literal in ``text`` (overlapping too). A literal that contains a
    shorter one is looked up only where that one occurs (leskhoz where kh is); one with a letter
    that running Dutch text rarely has (the y of the -yy, -aya endings) only where that letter is,
    found once by a one-character search (far faster than a search per literal). A literal of
    letters that none of the book's distinct ``words`` (joined) holds is in no word of the text."""
    occ: dict[str, list[int]] = {}
    rare: dict[str, list[int]] = {}
    for x in sorted(set(literals), key=len):
        base = next((y for y in occ if y in x), None)
        if base is not None:
            off = x.index(base)
            occ[x] = [p - off for p in occ[base] if p >= off and text.startswith(x, p - off)]
            continue
        if words is not None and x.isalpha() and x not in words:
            occ[x] = []
            continue
        c = next((c for c in _RARE if c in x), None)
        if c is not None:
            if c not in rare:
                found, pos = rare.setdefault(c, []), text.find(c)
                while pos >= 0:
                    found.append(pos)
                    pos = text.find(c, pos + 1)
            off = x.index(c)
            occ[x] = [p - off for p in rare[c] if p >= off and text.startswith(x, p - off)]
            continue
        found, pos = [], text.find(x)
        while pos >= 0:
            found.append(pos)
            pos = text.find(x, pos + 1)
        occ[x] = found
    return occ


_RARE = "yqx"  # letters rare in Dutch running text


def _words_blob(doc) -> str | None:
    """The book's distinct words (``doc.word_counts``, shared with other rules), joined: a run of
    letters in the text lies inside one of them. None when the model's words are not runs of
    letters joined by - ' ’ (then every literal is searched in the text)."""
    from qa import document

    if document.WORD.pattern != r"[^\W\d_]+(?:[-'’][^\W\d_]+)*":
        return None
    return "\n".join(doc.word_counts)


def _literal_starts(pattern: str) -> list[str] | None:
    """The literal letters every branch of ``pattern`` begins with (``kh`` of
    ``kh(?!eid|eden)``, ``aya`` of ``aya\\b``), or None when a branch does not begin with one
    or the pattern sets flags."""
    if re.search(r"\(\?[a-zA-Z]", pattern):
        return None
    if pattern.startswith("(?:") and _closing(pattern, 0) == len(pattern) - 1:
        pattern = pattern[3:-1]
    branches, depth, start, i = [], 0, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            return None  # a class: keep it simple
        depth += (c == "(") - (c == ")")
        if c == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    out = []
    for b in branches:
        lit = re.match(r"[a-z]*", b)[0]
        if b[len(lit):len(lit) + 1] in ("?", "*", "+", "{"):
            lit = lit[:-1]  # the last letter is optional or repeated
        if not lit:
            return None
        out.append(lit)
    return out


def _closing(pattern: str, i: int) -> int:
    """The index of the parenthesis that closes the one at ``i``."""
    depth = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        depth += (c == "(") - (c == ")")
        if depth == 0:
            return i
        i += 1
    return -1
