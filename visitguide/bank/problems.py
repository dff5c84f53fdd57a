"""Pydantic's validation errors as French `file:line: message` problems.

Used for bank files and answers files: every error keeps the line of the key or item it is
about (the marks of `marks.py`), and says in the catalog's words what is wrong.
"""

from __future__ import annotations

import datetime
import difflib
from functools import cache as memoize
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitguide.bank import marks
from visitguide.errors import Problem
from visitguide.messages import t

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError


@memoize
def _known_keys() -> list[str]:
    """Every key of every bank model, to suggest the one meant by an unknown key."""
    from visitguide.bank import models

    classes: list[type[BaseModel]] = [models.GuideFile, models.AudienceFile, models.Question]
    classes += [models.Checkpoint, models.Criterion, models.Audience, models.Reference, models.Equivalent]
    return sorted({name for m in classes for name in m.model_fields})


def validation_problems(
    path: Path | str, raw: Any, exc: ValidationError, kinds: frozenset[str] | None = None
) -> list[Problem]:
    """One French `file:line: message` per pydantic error (of `kinds` only, when given),
    without duplicates."""
    seen: set[tuple[int | None, str]] = set()
    problems = []
    for error in exc.errors(include_url=False):
        if kinds is not None and error["type"] not in kinds:
            continue
        # Union members and validators add parts such as "str" or "Reference" to the path.
        keys = tuple(
            p
            for p in error["loc"]
            if isinstance(p, int) or (p not in ("str", "int") and not p[:1].isupper() and "[" not in p)
        )
        line = marks.line_of(raw, keys)
        message = error_message(error["type"], keys, error.get("input"), error.get("ctx") or {})
        if (line, message) not in seen:
            seen.add((line, message))
            problems.append(Problem(path, line, message))
    return problems


def field_label(keys: tuple[Any, ...]) -> str:
    names = [str(p) for p in keys if isinstance(p, str)]
    return names[-1] if names else "document"


def error_message(kind: str, keys: tuple[Any, ...], value: Any, ctx: dict[str, Any]) -> str:
    name = field_label(keys)
    if kind == "missing":
        return t("model.missing", key=name)
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, _known_keys(), n=1, cutoff=0.75)
        suffix = " " + t("did_you_mean", id=close[0]) if close else ""
        return t("model.unknown_key", key=name) + suffix
    if kind == "string_pattern_mismatch":
        if "criteria" in keys:
            return t("model.bad_criterion", value=value)
        return t("model.bad_id", key=name, value=value)
    if kind == "string_type":
        return t("model.not_text_quote" if _looks_scalar(value) else "model.not_text", key=name)
    if kind == "string_too_short":
        return t("model.empty", key=name)
    if kind == "too_short":
        return t("model.empty_list", key=name)
    if kind in ("list_type", "tuple_type"):
        return t("model.not_list", key=name)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return t("model.not_mapping", key=name)
    if kind in ("literal_error", "enum"):
        return t("model.not_allowed", key=name, value=value, expected=ctx.get("expected", ""))
    if kind in ("bool_type", "bool_parsing"):
        return t("model.not_bool", key=name)
    if kind in ("int_type", "int_parsing", "greater_than_equal", "less_than_equal"):
        return t("model.not_int", key=name)
    return t("model.invalid", key=name)


def _looks_scalar(value: Any) -> bool:
    return isinstance(value, int | float | bool | datetime.date)
