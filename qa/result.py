"""Plain result values: stamped issues, one book's result, a run's report.

These are what formatters read and what ``qa.check_text`` returns (as dicts), so they hold only
plain data: they pickle, they compare, they serialise to the JSON of SPEC.md.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from operator import attrgetter

SEVERITY_RANK = {"minor": 1, "major": 2, "critical": 3, "never": 99}


@dataclass(slots=True)
class Issue:
    rule: str
    category: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    suggestion: str | None
    message: str
    chapter: int | None
    page: int | None
    start: int = field(repr=False, default=0)  # character offsets, for tools that need them
    end: int = field(repr=False, default=0)
    safe: bool = False
    context_hash: str = ""  # identifies the finding across edits elsewhere (qa.baseline)
    location: dict | None = None  # the source format's own terms (PDF page, DOCX paragraph ...)

    def to_dict(self) -> dict:
        # by hand: dataclasses.asdict deep-copies every value and costs more than the rules;
        # one C-level attrgetter call for all fields (a catalogue formats 500,000 of these)
        d = dict(zip(ISSUE_FIELDS, issue_values(self)))
        if self.location is not None:
            d["location"] = dict(self.location)
        return d


    def __reduce__(self):
        # pickled as its field values, rebuilt by __init__: a third of the time of restoring an
        # instance dict, paid in the main process for every finding of a --jobs catalogue run
        return Issue, _all_values(self)


ISSUE_FIELDS = [f for f in Issue.__dataclass_fields__ if f != "location"]  # to_dict's keys, in order
issue_values = attrgetter(*ISSUE_FIELDS)  # an issue's values for them, as a tuple
_all_values = attrgetter(*Issue.__dataclass_fields__)


@dataclass
class ChapterInfo:
    index: int
    title: str
    line: int
    words: int = 0


@dataclass
class FileResult:
    path: str
    words: int = 0
    chapters: list[ChapterInfo] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    error: str | None = None
    text: str | None = field(default=None, repr=False)  # kept for reports that show context
    unused_accepts: list[dict] = field(default_factory=list)
    accepted: int = 0  # findings dropped by the book's [[accept]] entries
    baselined: int = 0  # findings dropped by --baseline

    def to_dict(self, with_issues: bool = True) -> dict:
        d = {"path": self.path, "words": self.words,
             "chapters": [asdict(c) for c in self.chapters],
             "issues": [i.to_dict() for i in self.issues] if with_issues else None}
        if self.error:
            d["error"] = self.error
        return d


@dataclass
class Report:
    files: list[FileResult]
    fail_on: str = "major"

    @property
    def failed(self) -> bool:
        """True when some issue is at or above the fail-on severity."""
        limit = SEVERITY_RANK[self.fail_on]
        return any(SEVERITY_RANK[i.severity] >= limit for f in self.files for i in f.issues)

    @property
    def errors(self) -> list[FileResult]:
        return [f for f in self.files if f.error]
