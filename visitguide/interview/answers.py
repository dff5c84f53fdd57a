"""Reading answers files (CONTRACT.md §3): YAML or JSON in, marked data and strict models out.

The file is read as data first (strict YAML, or strict JSON with the YAML reader's marks for
line numbers), then each part is checked on its own so that one wrong entry does not hide
the others: `scripted` reports every problem of the file at once.
"""

from __future__ import annotations

import datetime
import difflib
import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from visitguide.bank import yamlsafe
from visitguide.bank.problems import error_message
from visitguide.errors import Problem
from visitguide.messages import t

JSON_SUFFIXES = (".json",)
YAML_SUFFIXES = (".yaml", ".yml")
STATUSES = ("answered", "skipped", "revisit")
DOCUMENT_STATES = ("vu", "demande")
BASES = ("entretien", "observation", "document")
FILE_STATUSES = ("completed", "in_progress")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class ContextEntry(_Strict):
    """The interview's context; an empty value means "not given"."""

    establishment: str | None = None
    sector: str | None = None
    interviewee_role: str | None = None
    visitor: str | None = None
    date: str | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: Any) -> Any:
        # An unquoted YAML date (2026-11-29) is read as a date: take it as the text it was.
        return value.isoformat() if isinstance(value, datetime.date) else value


class EvidenceEntry(_Strict):
    """A document with its state: `vu` (seen, the default) or `demande` (asked for, not seen)."""

    document: str
    state: str | None = None


class AnswerEntry(_Strict):
    """One guide question: notes, evidence, status (answered when there is something to say).

    A document is a string (seen) or `{document, state}`."""

    notes: str | None = None
    evidence: list[str | EvidenceEntry] | None = None
    status: str | None = None


class CheckpointEntry(_Strict):
    """One checkpoint: a rating (oui, non, na), a comment, and what it rests on (`basis`)."""

    rating: str | None = None
    comment: str | None = None
    basis: str | None = None


class AddedEntry(_Strict):
    """A question of the visitor's own, with its answer."""

    text: str
    criteria: list[str] | None = None
    notes: str | None = None
    evidence: list[str | EvidenceEntry] | None = None
    status: str | None = None


class Header(_Strict):
    """The top of the file; the three sections are checked entry by entry afterwards."""

    guide: str | None = None
    audience: str | None = None
    status: str | None = None
    context: dict[str, Any] | None = None
    answers: dict[str, Any] | None = None
    checkpoints: dict[str, Any] | None = None
    added_questions: list[Any] | None = None


class AnswersError(Exception):
    """The file cannot be read as data at all (syntax, size, encoding)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# --- reading -------------------------------------------------------------------------------


def read(path: Path) -> tuple[Any, Any]:
    """`(data, marks)`: the file's data, and the same data with line marks (may be None)."""
    try:
        text = yamlsafe.read_text(path)
    except yamlsafe.YamlProblems as exc:
        raise AnswersError(exc.problems) from None
    if _is_json(path, text):
        return _read_json(path, text)
    try:
        data = yamlsafe.parse(text, path)
    except yamlsafe.YamlProblems as exc:
        raise AnswersError(exc.problems) from None
    return data, data


def _is_json(path: Path, text: str) -> bool:
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        return True
    return suffix not in YAML_SUFFIXES and text.lstrip().startswith("{")


def _read_json(path: Path, text: str) -> tuple[Any, Any]:
    try:
        data = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise AnswersError([Problem(path, exc.lineno, t("scripted.bad_json", error=exc.msg))]) from None
    except _DuplicateKey as exc:
        raise AnswersError([Problem(path, None, t("yaml.duplicate_key", key=exc.key))]) from None
    except ValueError:
        raise AnswersError([Problem(path, None, t("scripted.json_constant"))]) from None
    except RecursionError:
        raise AnswersError([Problem(path, None, t("yaml.too_deep"))]) from None
    return data, _marks(text, path)


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _DuplicateKey(key)
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _marks(text: str, path: Path) -> Any:
    """The JSON text read again by the YAML reader, only for its line marks (None if it fails)."""
    try:
        return yamlsafe.parse(text, path)
    except (yamlsafe.YamlProblems, RecursionError):
        return None


# --- checking ------------------------------------------------------------------------------


def line(marks: Any, *keys: str | int) -> int | None:
    """The line of `keys` in the marked data, when there are marks."""
    return yamlsafe.line_of(marks, keys) if marks is not None else None


def check(model: type[_Strict], value: Any, path: Path, marks: Any, at: tuple[str | int, ...]) -> Any:
    """`value` validated by `model`, or the list of its problems (one line each, in French)."""
    try:
        return model.model_validate(value)
    except ValidationError as exc:
        return problems_of(exc, model, path, marks, at)


def problems_of(
    exc: ValidationError, model: type[_Strict], path: Path, marks: Any, at: tuple[str | int, ...]
) -> list[Problem]:
    found: list[Problem] = []
    for error in exc.errors(include_url=False):
        keys = at + tuple(p for p in error["loc"] if isinstance(p, int) or p not in ("str", "int"))
        where = line(marks, *keys)
        problem = Problem(path, where, _message(error, keys, model))
        if problem not in found:
            found.append(problem)
    return found


def _message(error: Any, keys: tuple[str | int, ...], model: type[_Strict]) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        name = str(keys[-1])
        close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
        message = t("scripted.unknown_key", key=name, allowed=", ".join(model.model_fields))
        return message + (" " + t("did_you_mean", id=close[0]) if close else "")
    if kind == "missing":
        return t("model.missing", key=keys[-1])
    named = tuple(k for k in keys if isinstance(k, str))
    return error_message(kind, named or keys, error.get("input"), error.get("ctx") or {})
