"""Configuration: defaults < setup.cfg ``[mtqa]`` < the book's own file < the command line.

setup.cfg (or the file given with ``--config``)::

    [mtqa]
    select = translated-url, encoding      # rule ids or categories; empty means all
    ignore = typography.doubled-word
    fail-on = major

    [mtqa:rule:translated-acronym.but]
    severity = major                       # override the rule's default severity
    min-evidence = 2                       # a rule option (declared by the rule)

The book's own file sits beside it as ``<book stem>.mtqa.toml``::

    [rules."inconsistent-term.variant"]
    severity = "minor"

    [packs.variants]                       # entries added to a rule pack for this book
    ...

Everything is validated against the rule registry: an unknown rule, category, option or
severity is a :class:`~qa.errors.ConfigError` naming it.
"""

from __future__ import annotations

import ast
import configparser
import pathlib
from dataclasses import dataclass, field, replace

from qa.errors import ConfigError

SEVERITIES = ("minor", "major", "critical")
FAIL_ON = (*SEVERITIES, "never")


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None  # None: not given here; the run's default is "major"
    severities: dict = field(default_factory=dict)  # rule id -> severity
    options: dict = field(default_factory=dict)  # rule id -> {option: value}
    packs: dict = field(default_factory=dict)  # pack name -> additions
    accepted: tuple = ()  # accepted findings from the book's own file
    source: str = "defaults"

    def merged(self, other: "Config") -> "Config":
        """``other`` on top of ``self``: lists and scalars replace when given, tables merge."""
        opts = {k: dict(v) for k, v in self.options.items()}
        for rule, values in other.options.items():
            opts.setdefault(rule, {}).update(values)
        packs = {k: dict(v) for k, v in self.packs.items()}
        for name, values in other.packs.items():
            packs.setdefault(name, {}).update(values)
        return Config(
            select=other.select or self.select,
            ignore=self.ignore + other.ignore,
            fail_on=other.fail_on or self.fail_on,
            severities={**self.severities, **other.severities},
            options=opts,
            packs=packs,
            accepted=self.accepted + other.accepted,
            source=other.source,
        )

    @property
    def threshold(self) -> str:
        """The severity at or above which a run fails (``never``: it does not)."""
        return self.fail_on or "major"


def _split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.replace("\n", ",").split(",") if x.strip())


def _literal(value: str):
    try:
        return ast.literal_eval(value)
    except (ValueError, SyntaxError):
        return value


def from_setup_cfg(path: str | pathlib.Path, required: bool = False) -> Config:
    """Read ``[mtqa]`` and ``[mtqa:rule:ID]`` sections of an ini file (setup.cfg, tox.ini)."""
    path = pathlib.Path(path)
    if not path.is_file():
        if required:
            raise ConfigError(f"{path}: configuration file not found")
        return Config()
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot parse configuration: {str(exc).splitlines()[0]}") from None
    cfg = Config(source=str(path))
    if parser.has_section("mtqa"):
        sec = parser["mtqa"]
        unknown = set(sec) - {"select", "ignore", "fail-on", "fail_on"}
        if unknown:
            raise ConfigError(f'{path}: unknown option "{sorted(unknown)[0]}" in [mtqa]')
        fail_on = sec.get("fail-on", sec.get("fail_on", "")).strip()
        cfg = replace(cfg, select=_split(sec.get("select", "")), ignore=_split(sec.get("ignore", "")),
                      fail_on=_check_fail_on(fail_on, path) if fail_on else None)
    severities, options = {}, {}
    for name in parser.sections():
        if not name.startswith("mtqa:rule:"):
            continue
        rule = name[len("mtqa:rule:"):]
        for key, value in parser[name].items():
            if key == "severity":
                severities[rule] = value.strip()
            else:
                options.setdefault(rule, {})[key.replace("-", "_")] = _literal(value)
    return replace(cfg, severities=severities, options=options)


def from_book_file(book_path: str | pathlib.Path) -> Config:
    """Read ``<stem>.mtqa.toml`` beside a book, if there is one."""
    book_path = pathlib.Path(book_path)
    path = book_path.with_name(book_path.stem + ".mtqa.toml")
    if not path.is_file():
        return Config()
    import tomllib  # only for a book with its own file (9 ms of imports)

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    unknown = set(data) - {"select", "ignore", "fail-on", "rules", "packs", "accept"}
    if unknown:
        raise ConfigError(f'{path}: unknown key "{sorted(unknown)[0]}"')
    severities, options = {}, {}
    for rule, table in data.get("rules", {}).items():
        for key, value in table.items():
            if key == "severity":
                severities[rule] = value
            else:
                options.setdefault(rule, {})[key.replace("-", "_")] = value
    accepted = tuple(data.get("accept", ()))
    for entry in accepted:
        if not isinstance(entry, dict) or not entry.get("reason"):
            raise ConfigError(f"{path}: every [[accept]] entry needs a reason")
    fail_on = data.get("fail-on")
    return Config(select=tuple(data.get("select", ())), ignore=tuple(data.get("ignore", ())),
                  fail_on=_check_fail_on(fail_on, path) if fail_on else None,
                  severities=severities, options=options, packs=data.get("packs", {}),
                  accepted=accepted, source=str(path))


def _check_fail_on(value: str, where) -> str:
    if value not in FAIL_ON:
        raise ConfigError(f'{where}: fail-on must be one of {", ".join(FAIL_ON)}, not "{value}"')
    return value


def validate(cfg: Config, registry: dict) -> None:
    """Raise ConfigError for anything that names no rule, category, option or severity."""
    from qa.rules import CATEGORIES

    def known(sel: str) -> bool:
        return sel in registry or sel in CATEGORIES or sel == "all"

    for sel in (*cfg.select, *cfg.ignore):
        if not known(sel):
            raise ConfigError(f'unknown rule or category "{sel}" ({cfg.source})')
    for rule, sev in cfg.severities.items():
        if rule not in registry and rule not in CATEGORIES:
            raise ConfigError(f'unknown rule "{rule}" ({cfg.source})')
        if sev not in SEVERITIES:
            raise ConfigError(f'severity for "{rule}" must be one of {", ".join(SEVERITIES)}, not "{sev}"')
    for rule, opts in cfg.options.items():
        if rule not in registry:
            raise ConfigError(f'unknown rule "{rule}" ({cfg.source})')
        for opt in opts:
            if opt not in registry[rule].options:
                raise ConfigError(f'unknown option "{opt}" for rule "{rule}" ({cfg.source})')


def selected(cfg: Config, rule_id: str, category: str) -> bool:
    def hit(sels):
        return any(s in (rule_id, category, "all") for s in sels)

    if cfg.select and not hit(cfg.select):
        return False
    return not hit(cfg.ignore)


def severity_for(cfg: Config, rule_id: str, category: str, default: str) -> str:
    return cfg.severities.get(rule_id) or cfg.severities.get(category) or default
