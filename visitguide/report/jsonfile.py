"""The JSON export: the consolidated visit as data, described by a shipped JSON Schema.

`visitguide/schemas/visit.schema.json` is generated from the model's dataclasses by pydantic
(`python -m visitguide.report.jsonfile` rewrites it); a test checks that the shipped file is
up to date and that exports validate against it.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from visitguide.report import visit as m
from visitguide.text import safe_json_text

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "visit.schema.json"
SCHEMA_ID = "https://visitguide.invalid/schemas/visit.schema.json"


def render(visit: m.Visit, only: str | None = None) -> str:
    """The visit as indented JSON (non-ASCII characters kept as they are, except those a
    terminal could take for commands, which are written as escapes). `only="documents"`:
    `{"documents_to_request": […]}` alone, each item as in the whole report."""

    data = dataclasses.asdict(visit)
    if only is not None:
        data = {"documents_to_request": data["documents_to_request"]}
    return safe_json_text(json.dumps(data, ensure_ascii=False, indent=2)) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of the export, generated from the model."""
    from pydantic import TypeAdapter

    generated = TypeAdapter(m.Visit).json_schema()
    for definition in [generated, *generated.get("$defs", {}).values()]:
        if definition.get("type") == "object":
            definition["additionalProperties"] = False
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **{k: v for k, v in generated.items() if k not in ("title", "description")},
        "title": "visitguide visit report",
        "description": "A visit consolidated by `visitguide export --format json`.",
    }


def schema_text() -> str:
    return json.dumps(schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
