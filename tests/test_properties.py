"""Property tests over all registered rules: for any text, checking never raises and every finding
points at exactly its own text with valid line and column numbers.

Derandomised and bounded (the ``mtqa-properties`` profile) so that runs are reproducible and CI
time stays flat; rules added later are covered automatically.
"""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa import api
from qa.rules import CATEGORIES, SEVERITIES

settings.register_profile("mtqa-properties", derandomize=True, max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = settings.get_profile("mtqa-properties")

FRAGMENTS = [
    "\n", "\n\n", " \n", "\t", "\ufffd", "\x00", "\x07", "\x1b", "\r\n", "\r", "\x0b", "\x0c", "\u2028", "\u00ad",
    "\u200b", "\ufeff", "Hoofdstuk 1\n", "Inhoud\n", "Inleiding ........ 5\ufffd\n", "\n\n12\n\n",
    "belta.door", "https://www.belta.door/economics/", "www.president.gov.door/",
    "https://belta.by/economics/view/butb-provedet-pervye-torgi-123456-2020/",
    "1 Titel [Elektronische hulpbron]. - – 2020. - URL: https://www.belta.door/x-y-",
    "\nzet-op-123/\n", "2 Noot zonder URL.\n", "de EAEU en de EU", "Белорусская", "Ελληνικά",
    "中文", "עברית", "😀", "e\u0301", "ﬁ", "MAAR", "woord12", "„citaat”", "‘zo’", " – ", "...", "…",
    "Dr. J.F. Nikitina", "bijv. 3,5 mln.", "1.000.000", "2020-2025", "(", ")", "[", "]",
]

# passages that the rules find something in, so that most examples have findings to check
TRIGGERS = [
    "Dat meldde persbureau belta.door dinsdag (https://www.belta.door/economics/).\n",
    "Zie https://www.president.gov.door/ en www.belta.door voor meer.",
    " \n1 Nieuws [Elektronische hulpbron]. - 2020. - URL: https://www.belta.door/economics/view/butb-\nprovedet-123/\n",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
        st.text(alphabet="abcdefghij .,\n", min_size=0, max_size=200),
        st.integers(1, 20_000).map(lambda n: "lange regel zonder einde " * (n // 25 + 1)),
    ),
    max_size=40,
).map("".join)

books = st.tuples(texts, st.sampled_from(TRIGGERS), texts, st.lists(st.sampled_from(TRIGGERS), max_size=3)).map(
    lambda t: t[0] + t[1] + t[2] + "".join(t[3]))


def _slice(lines, line, column, end_line, end_column):
    """The text's characters from (line, column) up to (end_line, end_column); lines split at LF."""
    if line == end_line:
        return lines[line - 1][column - 1 : end_column - 1]
    parts = [lines[line - 1][column - 1 :], *lines[line : end_line - 1], lines[end_line - 1][: end_column - 1]]
    return "\n".join(parts)


@PROFILE
@given(st.one_of(books, texts))
def test_findings_point_at_their_text(text):
    result = api.check_text(text, "prop.txt")
    lines = text.split("\n")
    for chapter in result["chapters"]:
        assert 1 <= chapter["line"] <= len(lines)
    chapter_ids = {c["index"] for c in result["chapters"]}
    for issue in result["issues"]:
        line, col, end_line, end_col = issue["line"], issue["column"], issue["end_line"], issue["end_column"]
        assert 1 <= line <= end_line <= len(lines), issue
        assert 1 <= col <= len(lines[line - 1]) + 1, issue
        assert 1 <= end_col <= len(lines[end_line - 1]) + 1, issue
        assert (line, col) < (end_line, end_col), issue
        assert issue["text"] == _slice(lines, line, col, end_line, end_col), issue
        assert issue["text"] == text[issue["start"] : issue["end"]]
        assert issue["category"] in CATEGORIES and issue["severity"] in SEVERITIES
        assert issue["chapter"] is None or issue["chapter"] in chapter_ids
        assert isinstance(issue["message"], str) and issue["message"]


@PROFILE
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_characters_never_raise(text):
    result = api.check_text(text)
    assert result["words"] >= 0
