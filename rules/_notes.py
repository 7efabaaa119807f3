"""Shared evidence for the footnote-glue rules: where each footnote is referenced, and how.

The book's own numbering is the evidence. ``doc.refs`` holds the references that follow the notes'
numbering; a footnote that has none was either never referenced or its number was damaged in the
text: glued to the next word (``. 3binnen``), merged with the next one (``bronnen5051`` for 50 and
51), or detached by a space (``" 36``). A damaged number is only accepted where it fits the
sequence: between the reference before it and the one after it.

Every reference, found or recovered, gets a ``kind`` that says what is wrong with it (or ``ok``).
One analysis per book, shared by the rules through ``ctx.cached``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# letters that may follow a number without being a glued word: ordinals, units, 3D, 5G ...
NOT_GLUED = {
    "e", "de", "ste", "st", "nd", "rd", "th", "x", "d", "g", "k", "m", "t", "h", "s",
    "km", "kg", "mg", "cm", "mm", "ml", "ha", "kw", "kwh", "mw", "mwh", "gw", "gwh", "tb", "gb",
    "mb", "mln", "mld", "mrd", "bln", "jr", "pct", "uur", "min", "sec", "ton", "gr", "ct", "kb",
}
# function words after which a reference mark cannot stand: the mark belongs elsewhere
FUNCTION_WORDS = {
    "de", "het", "een", "en", "of", "van", "in", "op", "aan", "met", "voor", "door", "bij", "uit",
    "naar", "om", "over", "tot", "te", "dan", "als", "dat", "die", "dit", "deze", "zijn", "haar",
    "hun", "er", "ook", "nog", "niet", "meer", "zo", "maar", "want", "onder", "tussen", "na", "zich",
}
# a number of up to six digits, not part of a longer one; look-behinds after the first digit so that re scans quickly
DIGITS = re.compile(r"\d(?<!\d\d)(?<!\d[.,]\d)\d{0,5}(?![\d])(?![.,]\d)")
WORD_AFTER = re.compile(r"[^\W\d_]+")
WORD_BEFORE = re.compile(r"[^\W\d_]+$")
QUOTES = "\"”’»'"
# lower-case words that continue the sentence after a comma: a full stop before them is spurious
COMMA_WORDS = {
    "evenals", "die", "dat", "wat", "welke", "welk", "waarvan", "waarin", "waarbij", "waardoor",
    "waarmee", "waarop", "waaronder", "zoals", "terwijl", "hoewel", "omdat", "zodat", "maar",
}


@dataclass
class RefSite:
    numbers: tuple[int, ...]
    start: int  # the digits in doc.text / doc.body_text
    end: int
    kind: str  # ok | glued | merged | detached | after-stop | on-number | year
    recovered: bool  # True when doc.refs did not list it (found by this analysis)


@dataclass
class NotesAnalysis:
    sites: list[RefSite]
    unreferenced: list[int]  # footnote numbers with no reference anywhere
    before_stop_style: bool  # the book puts marks before the full stop ("12.), not after (.12)


def analyse(doc, ctx=None) -> NotesAnalysis:
    if ctx is not None:
        return ctx.cached("notes-analysis", lambda: _analyse(doc))
    return _analyse(doc)


def word_after(text: str, pos: int) -> str:
    m = WORD_AFTER.match(text, pos)
    return m.group() if m else ""


def word_before(text: str, pos: int) -> str:
    m = WORD_BEFORE.search(text, max(0, pos - 40), pos)
    return m.group() if m else ""


def glued_word(text: str, end: int) -> str:
    """The word glued right after a number at ``end`` ('' when none or when it is a unit/ordinal)."""
    w = word_after(text, end)
    if len(w) < 2 or w in NOT_GLUED or (w.isupper() and w.lower() in NOT_GLUED):
        return ""  # '3de', '21ste', '10km', '5MB'; but '30De' is a glued sentence start
    return w


def _analyse(doc) -> NotesAnalysis:
    t = doc.body_text
    numbers = sorted({n.number for n in doc.footnotes})
    refs = list(doc.refs)
    sites: list[RefSite] = []
    before = after = 0
    for r in refs:
        prev, nxt = t[r.start - 1: r.start], t[r.end: r.end + 1]
        if nxt in ".,;:":
            before += 1
        elif prev == ".":
            after += 1
    before_stop = before > 2 * after
    for r in refs:
        sites.append(RefSite((r.number,), r.start, r.end, _kind_of_ref(t, r.start, r.end, before_stop), False))

    known = {r.number for r in refs}
    ref_numbers = [r.number for r in refs]
    missing = [n for n in numbers if n not in known]
    taken: set[int] = set()
    for n in missing:
        if n in taken:
            continue
        k = bisect.bisect_left(ref_numbers, n)
        lo = refs[k - 1].end if k else 0
        hi = refs[k].start if k < len(refs) else len(t)
        site = _recover(t, n, lo, hi, missing_set=set(missing) - taken)
        if site:
            sites.append(site)
            taken.update(site.numbers)
    unreferenced = [n for n in missing if n not in taken]
    sites.sort(key=lambda s: s.start)
    return NotesAnalysis(sites, unreferenced, before_stop)


def _kind_of_ref(t: str, start: int, end: int, before_stop: bool) -> str:
    prev = t[start - 1]
    if glued_word(t, end):
        return "glued"
    if prev.isalpha() and re.match(r" \d", t[end: end + 2]):
        return "glued"  # 'meer dan59 503.000': the mark reads as part of the amount
    if prev == "%":
        return "on-number"
    if prev == "." and before_stop and (end >= len(t) or t[end] in " \n\"”"):
        return "after-stop"
    return "ok"


def _recover(t: str, n: int, lo: int, hi: int, missing_set: set[int]) -> RefSite | None:
    """A damaged reference to footnote ``n`` between ``lo`` and ``hi``, or None."""
    want = str(n)
    merged = str(n) + str(n + 1)
    for m in DIGITS.finditer(t, lo, hi):
        s, e = m.start(), m.end()
        digits = m.group()
        prev = t[s - 1] if s else " "
        if digits == merged and n + 1 in missing_set:
            # 'bronnen5051', 'burgers. 78.': two marks run together
            if prev.isalpha() or prev in QUOTES or _after_sentence(t, s):
                return RefSite((n, n + 1), s, e, "merged", True)
            continue
        if digits != want:
            continue
        if glued_word(t, e) and (prev.isspace() or prev in QUOTES or prev in ".,;:"):
            return RefSite((n,), s, e, "glued", True)
        nxt = t[e: e + 1]
        if prev.isspace() and (nxt in ".,;[" or nxt.isspace() or not nxt):
            p = e
            while p < len(t) and t[p] in " .,;":
                p += 1
            follow = word_after(t, p)
            if follow[:1].islower():
                continue  # '. 14 landen': a sentence that starts with a number
            if _after_sentence(t, s) or t[max(0, s - 10): s].rstrip()[-1:] in QUOTES:
                return RefSite((n,), s, e, "detached", True)
    return _recover_year(t, n, lo, hi)


def _recover_year(t: str, n: int, lo: int, hi: int) -> RefSite | None:
    """The mark of footnote ``n`` glued to a year (``in 201926.`` = 2019 + 26), or None.

    Only a last resort, where no other damaged form of ``n`` stands in its place in the
    sequence: a number of a year (19xx/20xx) and the digits of ``n``, standing alone (a space
    or bracket before, no letter after). The returned span covers the mark only.
    """
    want = str(n)
    size = 4 + len(want)
    for m in DIGITS.finditer(t, lo, hi):
        s, e = m.start(), m.end()
        digits = m.group()
        if len(digits) != size or not digits.endswith(want) or digits[:2] not in ("19", "20"):
            continue
        prev = t[s - 1] if s else " "
        nxt = t[e: e + 1]
        if not (prev.isspace() or prev in "(["):
            continue
        if nxt and not (nxt.isspace() or nxt in ".,;:!?)]" + QUOTES):
            continue
        return RefSite((n,), s + 4, e, "year", True)
    return None


def _after_sentence(t: str, s: int) -> bool:
    """The number follows the end of a sentence or quotation (``." 14``, ``burgers. 78``)."""
    before = t[max(0, s - 6): s].rstrip()
    return bool(before) and before[-1] in ".!?" + QUOTES and not before[-2:-1].isdigit()


def suggestion_for_glued(t: str, site: RefSite) -> tuple[int, int, str | None]:
    """Span and suggestion for a mark glued to the next word.

    The mark is moved back to the word (or closing quote) it follows, keeping the punctuation:
    ``EAEU". 3binnen`` becomes ``EAEU"3. binnen``. After a function word (``Met 58andere``) the
    mark belongs somewhere else in the sentence: no suggestion.
    """
    s, e = site.start, site.end
    word = word_after(t, e)
    end = e + len(word)
    num = t[s:e]
    if t[e: e + 1] == " ":  # 'dan59 503.000'
        prev_word = word_before(t, s)
        return s - len(prev_word), e, None
    # what stands between the previous word and the number: quotes, punctuation, spaces
    k = s
    while k > 0 and (t[k - 1].isspace() or t[k - 1] in QUOTES + ".,;:!?"):
        k -= 1
    between = t[k:s]
    prev_word = word_before(t, k)
    if not word:
        return s, e, None
    if not between.strip():  # 'roepen 28en', 'Met 58andere', 'aan125potentiële'
        if not prev_word or prev_word.lower() in FUNCTION_WORDS:
            return s, end, None
        return k - len(prev_word), end, f"{prev_word}{num} {word}"
    marks = between.strip()
    quote = "".join(ch for ch in marks if ch in QUOTES)
    punct = "".join(ch for ch in marks if ch not in QUOTES)
    if punct == "." and word[:1].islower():
        # a lower-case word after the stop: either the sentence goes on (the stop is spurious:
        # 'evenals', 'die' take a comma, others none) or a new sentence lost its capital
        if word.lower() in COMMA_WORDS:
            return k, end, f"{quote}{num}, {word}"
        if word in FUNCTION_WORDS or not t[k:s].endswith(" "):  # '".21in', '".65en': no space, no stop
            return k, end, f"{quote}{num} {word}"
        return k, end, f"{quote}{num}. {word[0].upper()}{word[1:]}"
    return k, end, f"{quote}{num}{punct} {word}"
