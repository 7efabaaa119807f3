"""Write the README's rule table from the registry (between the ``rules:start``/``rules:end``
markers), so the table can never drift from ``mtqa rules``. A test checks it is current.

    python scripts/rule_table.py          # rewrite README.md
    python scripts/rule_table.py --check  # exit 1 when README.md is out of date
"""

from __future__ import annotations

import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
START, END = "<!-- rules:start -->", "<!-- rules:end -->"


def table() -> str:
    sys.path.insert(0, str(ROOT))
    from qa.rules import all_rules

    rows = ["| rule | category | default severity | finds |", "|---|---|---|---|"]
    for rid, cls in all_rules().items():
        summary = cls.summary().replace("|", "\\|")
        rows.append(f"| `{rid}` | {cls.category} | {cls.severity} | {summary} |")
    return "\n".join(rows)


def render(readme: str) -> str:
    block = f"{START}\n{table()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: block, readme, flags=re.S)


def main() -> int:
    path = ROOT / "README.md"
    text = path.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    path.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
