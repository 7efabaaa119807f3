"""MQM scoring (qa/mqm.py) and the engine's chapter word counts."""

from conftest import BOOK0, BOOK1

import synth
from qa import mqm
from qa.config import Config
from qa.engine import Engine
from qa.load import load


class I:  # the only attribute scoring reads
    def __init__(self, severity):
        self.severity = severity


def test_formula_and_signature():
    s = mqm.score([I("minor"), I("major"), I("major")], 2000)
    assert s["penalty"] == 11 and s["per_1000"] == 5.5 and s["score"] == 94.5 and s["passed"] is False
    assert mqm.score([I("major")], 1000)["passed"] is True  # exactly at 95
    assert mqm.score([I("major")], 1000, threshold=96)["passed"] is False
    assert mqm.score([], 500)["score"] == 100.0
    assert mqm.signature() == "mqm|words:target|rwc:1000|weights:0-1-5-25|pt:95|v:1"
    assert mqm.signature(97.5).endswith("|pt:97.5|v:1")


def test_any_critical_fails_even_in_a_long_text():
    s = mqm.score([I("critical")], 1_000_000)
    assert s["score"] > 99.9 and s["passed"] is False


def test_no_words_has_no_score():
    assert mqm.score([I("minor")], 0) == {"words": 0, "penalty": 1, "per_1000": None, "score": None,
                                          "passed": True, "critical": 0, "major": 0, "minor": 1}
    assert mqm.score([I("critical")], 0)["passed"] is False


def test_scores_per_chapter_add_up_to_the_book():
    res = synth.result()
    scores = mqm.for_file(res)
    parts = [scores["front_matter"], *scores["chapters"].values()]
    assert sum(p["penalty"] for p in parts) == scores["book"]["penalty"]
    assert sum(p["words"] for p in parts) == scores["book"]["words"] == res.words


def test_engine_fills_chapter_words():
    for path in (BOOK0, BOOK1):
        doc = load(path)
        res = Engine(Config(), registry={}).check(doc)
        words = [c.words for c in res.chapters]
        assert all(w > 0 for w in words)
        assert sum(words) <= res.words and sum(words) > 0.95 * res.words
