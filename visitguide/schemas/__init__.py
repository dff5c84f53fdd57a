"""JSON Schemas shipped with the package, generated from the models.

`python -m visitguide.schemas` rewrites the bank schemas; a test checks that the shipped
files equal what the models generate, so they cannot drift.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from visitguide.bank.models import AudienceFile, GuideFile

FOLDER = Path(__file__).resolve().parent


def bank_schemas() -> dict[str, dict[str, Any]]:
    """File name -> schema, for `guide.yaml` and the audience files."""

    return {
        "guide.schema.json": _schema(GuideFile, "visitguide guide.yaml"),
        "audience.schema.json": _schema(AudienceFile, "visitguide <audience>.yaml"),
    }


def _schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write() -> list[Path]:
    written = []
    for name, schema in bank_schemas().items():
        path = FOLDER / name
        path.write_text(render(schema), encoding="utf-8")
        written.append(path)
    return written
