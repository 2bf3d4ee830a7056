"""Write data/briefing.schema.json from the pydantic models: `python -m macros.engine.schema_export`."""

from __future__ import annotations

import json
from pathlib import Path

from .schema import json_schema

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "data" / "briefing.schema.json"


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    SCHEMA_FILE.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_FILE}")


if __name__ == "__main__":
    main()
