"""The annotated book: recall and precision must not fall below what the rules reached.

Floors are the measured values rounded down a little; raise them when the rules improve. The
same rules are scored on books nobody here sees, so floors guard against regressions, not
targets to tune to.
"""

import pytest

from qa.api import check_text
from scoring import score

from conftest import BOOK0, GOLD0

# certain-artefact recall per category on corpus/000 (see README, "Quality")
RECALL_FLOORS = {
    "citation": 1.0,          # 146/146
    "encoding": 1.0,          # 8/8
    "entity-confusion": 1.0,  # 9/9
    "footnote-glue": 1.0,     # 20/20
    "inconsistent-term": 1.0,  # 55/55
    "mistranslation": 0.98,   # 63/64
    "number": 1.0,            # 3/3
    "other": 1.0,             # 4/4
    "translated-acronym": 1.0,  # 6/6
    "translated-url": 1.0,    # 11/11
    "typography": 1.0,        # 23/23
    "untranslated": 1.0,      # 45/45
}
OVERALL_FLOOR = 0.99  # 393/394
PRECISION_FLOOR = 0.99  # 182/182 major/critical findings on an annotated artefact


@pytest.fixture(scope="module")
def scored():
    text = BOOK0.read_text(encoding="utf-8")
    return score(text, GOLD0, check_text(text, str(BOOK0))["issues"])


@pytest.mark.parametrize("category,floor", sorted(RECALL_FLOORS.items()))
def test_recall_per_category(scored, category, floor):
    assert scored["recall"].get(category, 0.0) >= floor, scored


def test_overall_recall(scored):
    assert scored["overall"] >= OVERALL_FLOOR, scored


def test_major_and_critical_findings_land_on_artefacts(scored):
    assert scored["serious"] > 0
    assert scored["precision"] >= PRECISION_FLOOR, scored
