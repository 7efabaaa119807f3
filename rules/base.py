"""What every rule is: a class that finds, and the small value it yields.

Rules find; the engine stamps. A rule yields :class:`Finding` objects (character offsets into the
book's text, a message, an optional suggestion) and never decides its own severity, category,
line, column, chapter or page: the engine adds those from the rule's class attributes and the
run's configuration.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar, Iterable, Iterator, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from qa.context import Context
    from qa.document import Document

CATEGORIES = (
    "translated-url", "translated-acronym", "entity-confusion", "encoding", "untranslated",
    "inconsistent-term", "footnote-glue", "number", "mistranslation", "citation", "typography",
    "other",
)
SEVERITIES = ("minor", "major", "critical")


class Finding(NamedTuple):
    """One artefact: ``text[start:end]`` of the book, what is wrong, and what to write instead.

    ``safe`` marks a suggestion that ``mtqa fix`` may apply without an editor (a translated
    domain, a dash run): the rule knows, from its evidence, that the replacement is right.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    safe: bool = False


class Rule:
    """Base class of all rules. Subclasses set the class attributes and implement ``check``.

    ``id`` is ``category.name``; ``severity`` is only the default (setup.cfg, the book's own file
    and the command line may override it); ``options`` declares every option with its default,
    so that configuration can be validated centrally.
    """

    id: ClassVar[str] = ""
    category: ClassVar[str] = ""
    severity: ClassVar[str] = "minor"
    options: ClassVar[dict] = {}

    def __init__(self, **options):
        self.config = {**self.options, **options}

    @classmethod
    def summary(cls) -> str:
        """The one-line description: the first line of the class's or else the module's docstring."""
        import sys

        doc = cls.__doc__ if cls.__doc__ and cls.__doc__ is not Rule.__doc__ else sys.modules[cls.__module__].__doc__
        return (doc or "").strip().splitlines()[0] if (doc or "").strip() else ""

    def check(self, doc: "Document", ctx: "Context") -> Iterable[Finding]:  # pragma: no cover
        raise NotImplementedError


def spans(pattern: re.Pattern, text: str, start: int = 0, end: int | None = None) -> Iterator[re.Match]:
    """``pattern.finditer`` over a slice of ``text`` with offsets into the whole text."""
    return pattern.finditer(text, start, len(text) if end is None else end)


def context(doc: "Document", start: int, end: int, width: int = 200) -> str:
    """Running text around a span, one line, whitespace collapsed (for evidence in messages)."""
    a, b = max(0, start - width), min(len(doc.body_text), end + width)
    return " ".join(doc.body_text[a:b].split())
