"""Write ``rules/packs/compiled.json``: every term pack parsed, with the CRC-32 of its TOML.

    python scripts/compile_packs.py          # after editing a pack
    python scripts/compile_packs.py --check  # exit 1 if the compiled file is out of date

The TOML files are the source. ``qa.context`` uses a compiled pack only while its CRC matches the
TOML beside it and parses the TOML otherwise, so a forgotten run costs time, not correctness;
``tests/test_registry.py`` fails until the file is brought up to date.
"""

from __future__ import annotations

import json
import pathlib
import sys
import tomllib
import zlib

PACKS = pathlib.Path(__file__).resolve().parent.parent / "rules" / "packs"
OUT = PACKS / "compiled.json"


def compiled() -> str:
    packs = {}
    for path in sorted(PACKS.glob("*.toml")):
        source = path.read_bytes()
        data = tomllib.loads(source.decode("utf-8"))
        if json.loads(json.dumps(data)) != data:  # dates and times have no JSON form
            raise SystemExit(f"{path.name}: holds values that JSON cannot carry")
        packs[path.stem] = {"crc32": zlib.crc32(source), "data": data}
    return json.dumps({"format": 1, "packs": packs}, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    text = compiled()
    if "--check" in argv:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is out of date: run python scripts/compile_packs.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(text) // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
