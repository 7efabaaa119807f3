"""A name or term from a known variant set written several ways in one book (Wit-Rusland / Belarus).

Machine translation through English mixes the Dutch exonym with the name the English text kept
(``Wit-Rusland`` and ``Belarus``), translates a proper name in one chapter and keeps it in the
next (``Great Stone``, ``Grote Steen``, ``Velikiy Kamen``), and transliterates one city several
ways (``Grodno``, ``Hrodna``). The sets live in the ``variants`` pack; the book's majority decides
the preferred form, unless the book's ``.mtqa.toml`` names one (``prefer = {belarus =
"Belarus"}``). Every other rendering is flagged with the counts. URLs are not counted.

Bad:   Wit-Rusland en China tekenden. Wit-Rusland groeit. De Republiek Belarus exporteert.
Good:  Wit-Rusland en China tekenden. Wit-Rusland groeit. De Republiek Wit-Rusland exporteert.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from qa.rules._variants import in_english_name, like_case, masked_text, message, preferred, squash
from qa.rules.base import Finding, Rule

LETTER = r"[^\W\d_]"


def _form_pattern(form: str) -> str:
    return r"\s+".join(map(re.escape, form.split()))


def set_table(pack: dict) -> dict:
    """The pack's variant sets by group name (``g<i>``): (set name, entry, forms longest first)."""
    sets = {}
    for i, (name, entry) in enumerate(sorted(pack.items())):
        if isinstance(entry, dict) and entry.get("forms"):
            sets[f"g{i}"] = (name, entry, sorted(entry["forms"], key=len, reverse=True))
    return sets


def compile_sets(pack: dict):
    """One alternation for the whole pack: a named group per set. Returns (regex, sets by group).

    The reference matcher (``find_variants`` uses the faster :func:`_compile_fast` and falls
    back on this one when it cannot prove the same result)."""
    parts, sets, initials = [], {}, set()
    for group, (name, entry, forms) in set_table(pack).items():
        for f in forms:
            initials.update({f[0], f[0].swapcase()} if entry.get("ignore-case") else {f[0]})
        body = "|".join(_form_pattern(f) for f in forms)
        suffix = f"(?:{entry['suffix']})?" if entry.get("suffix") else ""
        tail = "" if entry.get("compound") else f"(?!{LETTER})"
        flags = "(?i:" if entry.get("ignore-case") else "(?:"
        parts.append(f"(?P<{group}>{flags}{body}){suffix}{tail})")
        sets[group] = (name, entry, forms)
    if not parts:
        return None, sets
    first = "[" + "".join(sorted(map(re.escape, initials))) + "]"  # a cheap first test at each position
    return re.compile(f"(?={first})(?<!{LETTER})(?:" + "|".join(parts) + ")"), sets


# Under (?i) an ASCII letter matches its two cases and, for i, k and s only, İ ı, the Kelvin
# sign and ſ. The Kelvin sign lowers to k, İ lowers to two characters (the text's length
# changes) and ı ſ stay as they are: in a text without ı, ſ and length-changing lower case, a
# run of ASCII letters of an ignore-case form, lowered, finds every match by str.find.
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyz")
_ODD = ("\u0131", "\u017f")  # ı ſ


_SAFE_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_AFTER_JOINER = re.compile(r"[-'’](?=([^\n]{1,4}))")  # the (up to) four characters after a joiner


def _compile_fast(pack: dict, present=None):
    """The same matches as :func:`compile_sets`, found faster.

    Case-sensitive forms: one alternation per literal first letter (re then skips to that
    letter in C; a leading look-around or a class of first letters would make it test every
    position), the forms in pack order, the look-behind moved after the letter. A form whose
    first word ``present`` says the book never writes cannot match and is left out (a branch
    that never matches changes no match). Ignore-case forms: a lower-case run of their first
    word is looked up (see :func:`_scan`) and the form's pattern is tried only there. Each
    branch ends in an empty named group ``g<set>_<form>`` that tells which form matched. As in
    compile_sets, a match starts only on a form's first letter or (ignore-case) its other case.
    Returns (regexes by first letter, groups, probes, ignore-case regex, initials) where probes
    are (piece, offset in the form); None when some ignore-case form has no usable piece."""
    by_first: dict[str, list[str]] = {}
    groups, probes, ic_alts, initials = {}, [], [], set()
    for group, (name, entry, forms) in set_table(pack).items():
        suffix = f"(?:{entry['suffix']})?" if entry.get("suffix") else ""
        tail = "" if entry.get("compound") else f"(?!{LETTER})"
        for j, f in enumerate(forms):
            g = f"{group}_{j}"
            groups[g] = group
            if entry.get("ignore-case"):
                initials.update({f[0], f[0].swapcase()})
                word = f.split()[0].lower()
                if len(word) != len(f.split()[0]):
                    return None
                runs = re.findall("[" + "".join(sorted(_PLAIN)) + "]+", word)
                piece = max(runs, key=len) if runs else ""
                if len(piece) < 3:
                    return None
                probes.append((piece, word.index(piece)))
                ic_alts.append(f"(?i:{_form_pattern(f)}){suffix}{tail}(?P<{g}>)")
                continue
            words = f.split()
            if present is not None and not present(words[0]):
                continue
            initials.add(f[0])
            rest = r"\s+".join([re.escape(words[0][1:])] + [re.escape(w) for w in words[1:]])
            by_first.setdefault(f[0], []).append(f"{rest}{suffix}{tail}(?P<{g}>)")
    regexes = [re.compile(f"{re.escape(c)}(?<!{LETTER}[\\s\\S])(?:{'|'.join(alts)})")
               for c, alts in by_first.items()]
    ic = re.compile(f"(?<!{LETTER})(?:" + "|".join(ic_alts) + ")") if ic_alts else None
    return regexes, groups, probes, ic, frozenset(initials)


def _tokens(doc, ctx):
    """The book's distinct words (``doc.word_counts``, the whole text) joined by line breaks, and
    a test whether a word of letters (joined by hyphens or apostrophes) occurs in the text: such
    a word lies inside one counted word wherever it stands."""

    def make():
        words = doc.word_counts
        joined = "\n".join(words)
        # where a form can start inside a word: at its start or after a joiner (a letter stands
        # before every other place); their first four letters rule out most absent forms fast
        heads = {w[:4] for w in words}
        heads.update(_AFTER_JOINER.findall(joined))
        seen: dict[str, bool] = {}

        def present(word: str) -> bool:
            got = seen.get(word)
            if got is None:
                got = seen[word] = (not _SAFE_WORD.fullmatch(word) or word in words
                                    or (len(word) < 4 or word[:4] in heads) and word in joined)
            return got

        return joined, present

    return ctx.cached("variants:tokens", make)


def _case_variants(joined: str, low: str, piece: str) -> set[str]:
    """Every spelling in ``joined`` (``low`` is its lower case) whose per-character lower case is
    ``piece`` (ASCII letters): where no character lowers to two, those are the pieces of the text
    that lower to ``piece``."""
    out, pos = set(), low.find(piece)
    while pos >= 0:
        out.add(joined[pos:pos + len(piece)])
        pos = low.find(piece, pos + 1)
    return out


def _scan(doc, ctx, pack: dict, text: str):
    """(start, end, set group, match) of every form in ``text``, as compile_sets' regex finds them."""
    joined, present = _tokens(doc, ctx)
    fast = _compile_fast(pack, present)
    # Under (?i) only ASCII letters, the Kelvin sign, İ, ı and ſ meet an ASCII piece; with no
    # character that lowers to two (İ) and no ı ſ, a piece's occurrences are its spellings
    # among the book's words (which the text's letters all belong to), found case-sensitively.
    if fast is not None and not any(c in doc.chars for c in _ODD) \
            and all(len(c.lower()) == 1 for c in doc.chars):
        regexes, groups, probes, ic, initials = fast
        cs = [(m.start(), m.end(), groups[m.lastgroup], m) for r in regexes for m in r.finditer(text)]
        if len(regexes) > 1:
            cs.sort(key=lambda h: h[0])
        if all(a[1] <= b[0] for a, b in zip(cs, cs[1:])):  # else the one alternation decides
            starts = set()
            source = doc.text
            spellings: dict[str, list[int]] = {}  # spelling -> offsets of the probes it spells
            low = joined.lower() if probes else ""
            for piece, offset in probes:
                for spelling in _case_variants(joined, low, piece):
                    spellings.setdefault(spelling, []).append(offset)
            by_first: dict[str, list[str]] = {}
            for spelling in spellings:
                by_first.setdefault(spelling[0], []).append(spelling)
            for first, group in by_first.items():
                # every position where one of them starts (one scan for a literal first letter)
                ahead = re.compile(re.escape(first) + "(?=" + "|".join(re.escape(g[1:]) for g in group) + ")")
                for hit in ahead.finditer(source):
                    pos = hit.start()
                    for spelling in group:
                        if source.startswith(spelling, pos):
                            for offset in spellings[spelling]:
                                if pos >= offset and text[pos - offset] in initials:
                                    starts.add(pos - offset)
            found, last = [], -1
            for s in sorted(starts):
                if s < last:
                    continue
                m = ic.match(text, s)
                if m and m.end() > s:
                    found.append((s, m.end(), groups[m.lastgroup], m))
                    last = m.end()
            if not found:
                return cs
            merged = sorted(cs + found, key=lambda h: h[0])
            if all(a[1] <= b[0] for a, b in zip(merged, merged[1:])):
                return merged  # no overlaps: the one alternation would find the same
    regex, _ = compile_sets(pack)
    return [(m.start(), m.end(), m.lastgroup, m) for m in regex.finditer(text)] if regex else []


def find_variants(doc, ctx, pack_name: str = "variants"):
    """Every occurrence of a pack form in the book (URLs blanked): (start, end, set, form, suffix)."""

    def make():
        pack = ctx.pack(pack_name)
        sets = set_table(pack)
        out = []
        if not sets:
            return out, sets
        known = {}  # (set group, matched text) -> (set name, form, suffix): the same each time
        for start, end, group, m in _scan(doc, ctx, pack, masked_text(doc, ctx)):
            key = (group, m[0])
            got = known.get(key)
            if got is None:
                name, entry, forms = sets[group]
                shown = squash(m[0])
                fold = entry.get("ignore-case")
                form = next((f for f in forms if (shown.casefold().startswith(f.casefold()) if fold
                                                  else shown.startswith(f))), None)
                # None: matched only because re.I folds ı onto i ('Wıt-Rusland'), which casefold
                # does not; such a spelling is no form of the set
                got = known[key] = (name, form, shown[len(form):]) if form is not None else False
            if got:
                out.append((start, end) + got)
        return out, sets

    return ctx.cached(f"variants:found:{pack_name}", make)


class InconsistentVariant(Rule):
    id = "inconsistent-term.variant"
    category = "inconsistent-term"
    severity = "minor"
    options = {"pack": "variants", "prefer": {}, "min_count": 2}

    def check(self, doc, ctx):
        found, sets = find_variants(doc, ctx, self.config["pack"])
        entries = {name: entry for name, entry, _ in sets.values()}
        counts: dict[str, Counter] = defaultdict(Counter)
        for _, _, name, form, _ in found:
            counts[name][form] += 1
        prefer = self.config["prefer"] or {}
        for name, c in counts.items():
            entry = entries[name]
            # prefer: {set name: form}, or simply the forms this book uses (a string or a list)
            wanted = (prefer.get(name) if isinstance(prefer, dict) else prefer) or entry.get("prefer") or ()
            best, chosen = preferred(c, wanted, self.config["min_count"])
            if best is None:
                continue
            what = entry.get("what", f"'{name}'")
            for start, end, set_name, form, suffix in found:
                if set_name != name or form == best:
                    continue
                if not suffix and not entry.get("ignore-case") and in_english_name(doc.text, start, end):
                    continue  # an English name keeps its spelling (the untranslated rules judge it)
                fix = (like_case(doc.text[start:end], best) if entry.get("ignore-case") else best) + suffix
                if entry.get("compound") and " " in best and re.match(LETTER, doc.text[end:end + 1]):
                    fix += "-"
                yield Finding(start, end, message(form, c[form], best, c[best], what, chosen), fix,
                              safe=chosen)
