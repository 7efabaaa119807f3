"""Errors that end a run with exit code 2 and one line on stderr."""


class MtqaError(Exception):
    """A problem the user can fix: bad input, bad configuration. Never shown as a traceback."""


class InputError(MtqaError):
    """A book that cannot be read: missing, empty, binary, not valid text in its encoding."""

    def __init__(self, path, problem):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):  # rebuilt from its two arguments (it crosses process boundaries)
        return InputError, (self.path, self.problem)


class ConfigError(MtqaError):
    """An unknown rule, option or severity, in setup.cfg, a book file or on the command line."""


class RuleError(MtqaError):
    """A rule failed on a book: a bug in mtqa, reported in one line with the rule's id."""
