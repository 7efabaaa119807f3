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


def compile_sets(pack: dict):
    """One alternation for the whole pack: a named group per set. Returns (regex, sets by group)."""
    parts, sets, initials = [], {}, set()
    for i, (name, entry) in enumerate(sorted(pack.items())):
        if not isinstance(entry, dict) or not entry.get("forms"):
            continue
        forms = sorted(entry["forms"], key=len, reverse=True)
        for f in forms:
            initials.update({f[0], f[0].swapcase()} if entry.get("ignore-case") else {f[0]})
        body = "|".join(_form_pattern(f) for f in forms)
        suffix = f"(?:{entry['suffix']})?" if entry.get("suffix") else ""
        tail = "" if entry.get("compound") else f"(?!{LETTER})"
        flags = "(?i:" if entry.get("ignore-case") else "(?:"
        group = f"g{i}"
        parts.append(f"(?P<{group}>{flags}{body}){suffix}{tail})")
        sets[group] = (name, entry, forms)
    if not parts:
        return None, sets
    first = "[" + "".join(sorted(map(re.escape, initials))) + "]"  # a cheap first test at each position
    return re.compile(f"(?={first})(?<!{LETTER})(?:" + "|".join(parts) + ")"), sets


def find_variants(doc, ctx, pack_name: str = "variants"):
    """Every occurrence of a pack form in the book (URLs blanked): (start, end, set, form, suffix)."""

    def make():
        regex, sets = compile_sets(ctx.pack(pack_name))
        out = []
        if regex is None:
            return out, sets
        for m in regex.finditer(masked_text(doc, ctx)):
            name, entry, forms = sets[m.lastgroup]
            got = squash(m[0])
            fold = entry.get("ignore-case")
            form = next(f for f in forms if (got.casefold().startswith(f.casefold()) if fold
                                             else got.startswith(f)))
            out.append((m.start(), m.end(), name, form, got[len(form):]))
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
