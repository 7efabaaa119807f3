"""The rules' fast paths against the plain matchers they replace, on the corpus and on text with
the characters that make ``re``'s case folding special (İ ı ſ K). Speed work must never change a
finding: when a fast path cannot prove it finds the same, it falls back, and these tests run both."""

import pytest
from conftest import BOOK0, BOOK1

from qa.context import Context
from qa.document import Document
from qa.rules import _english, term_variant, untranslated_transliterated
from qa.rules._variants import masked_text

ODD = ("In de Belarus-studie schreef men ook BELARUS, belarus en Wit-Rusland; de İnstituten van "
       "Belarus noemen het ſtaatsbedrijf Belarus Kalium (K) en ıets Belarusian. Wit-Rusland en "
       "Wit-Russische bedrijven, Witrusland, de EAEU en de EAEU-landen.\n")


def _books():
    return [Document(p.read_text(encoding="utf-8"), p.name) for p in (BOOK0, BOOK1)] + [Document(ODD * 3, "odd.txt")]


@pytest.mark.parametrize("doc", _books(), ids=lambda d: d.path)
def test_variant_scan_finds_what_the_one_alternation_finds(doc):
    ctx = Context()
    pack = ctx.pack("variants")
    text = masked_text(doc, ctx)
    regex, _ = term_variant.compile_sets(pack)
    expected = [(m.start(), m.end(), m.lastgroup) for m in regex.finditer(text)]
    got = [(a, b, g) for a, b, g, _ in term_variant._scan(doc, ctx, pack, text)]
    assert got == expected


@pytest.mark.parametrize("doc", _books(), ids=lambda d: d.path)
def test_english_spans_do_not_depend_on_the_shared_word_counts(doc, monkeypatch):
    fast = [(s.start, s.end, s.kind, s.strong) for s in _english.find(doc, Context())]
    monkeypatch.setattr(_english, "WORD_PATTERN", "(?!)")  # the model's words differ: split the text
    plain = [(s.start, s.end, s.kind, s.strong) for s in _english.find(doc, Context())]
    assert fast == plain


@pytest.mark.parametrize("doc", _books(), ids=lambda d: d.path)
def test_transliterated_literals_do_not_depend_on_the_shared_word_counts(doc, monkeypatch):
    rule = untranslated_transliterated.UntranslatedTransliterated()
    fast = list(rule.check(doc, Context()))
    monkeypatch.setattr(untranslated_transliterated, "_words_blob", lambda doc: None)
    assert list(rule.check(doc, Context())) == fast


@pytest.mark.parametrize("swap", [("i", "ı"), ("s", "ſ"), ("k", "K")])
def test_case_folding_corners_do_not_break_rules(swap):
    """re.I matches ı, ſ and the Kelvin sign as i, s and k, str.casefold and dict look-ups do not:
    a book full of them (Turkish names) must be checked, not end in an internal error."""
    from qa.config import Config
    from qa.engine import Engine

    text = BOOK0.read_text(encoding="utf-8")[:60000].replace(*swap)
    result = Engine(Config()).check(Document(text, "odd.txt"), Context())
    assert result.words > 5000
