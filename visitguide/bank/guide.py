"""A checked guide as plain, read-only data: what every command reads.

The pydantic models of `models.py` only *check* bank files. Once a guide is clean, it is
held in these plain classes, built from the same raw data whether it was just parsed or
comes from the cache. So a command that reads a cached guide never imports pydantic
(about 60 ms of the start), and every reader sees the same objects. They are read-only by
convention: plain dataclasses build three times faster than frozen ones, and a cached
5,000-question guide builds thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# The référentiel whose equivalents are shown beside each criterion code (the 2025 one,
# where the same code can mean something else than in the 2021 numbering of the fiches).
EQUIVALENT_REFERENTIEL = "2025"


@dataclass
class Equivalent:
    """The same criterion in another référentiel; `source` None: to be confirmed."""

    id: str
    title: str | None = None
    source: str | None = None


@dataclass
class Criterion:
    id: str
    title: str  # "" when the source gives the code without a title
    equivalents: dict[str, Equivalent] = field(default_factory=dict)

    def equivalent(self, referentiel: str) -> Equivalent | None:
        return self.equivalents.get(referentiel)


@dataclass
class Audience:
    id: str
    label: str


@dataclass
class Checkpoint:
    """A "vous vérifierez que…" item, rated oui / non / na during interviews."""

    id: str
    section: str
    audience: str
    text: str
    criteria: list[str]
    hint: str | None = None
    evidence: list[str] = field(default_factory=list)
    added: tuple[str, ...] = ()  # fields the bank's author added: hint, evidence, criteria

    def is_added(self, name: str) -> bool:
        return name in self.added


@dataclass
class Reference:
    title: str
    url: str | None = None
    category: str | None = None


@dataclass
class Pair:
    """Two checkpoints or questions checking the same thing from two sides (declared, observed)."""

    declared: str
    observed: str
    source: str | None = None


@dataclass
class Question:
    id: str
    criteria: list[str]
    text: str
    hint: str | None = None
    evidence: list[str] = field(default_factory=list)
    added: tuple[str, ...] = ()  # fields the bank's author added: hint, evidence, criteria

    def is_added(self, name: str) -> bool:
        return name in self.added


@dataclass
class GuideMeta:
    """What `guide.yaml` holds."""

    id: str
    title: str
    source: str
    version: str
    referentiel: str
    language: str
    description: str | None
    criteria: list[Criterion]
    audiences: list[Audience]
    checkpoints: list[Checkpoint]
    references: list[str | Reference]
    caveat: str | None = None
    pairs: list[Pair] = field(default_factory=list)
    additions_by: str | None = None  # who added what `added` marks
    added: tuple[str, ...] = ()  # guide fields that are the author's reading: referentiel

    def is_added(self, name: str) -> bool:
        return name in self.added


def _text(value: Any) -> str:
    """`value` when it is a string; a TypeError otherwise (a damaged cache entry is a miss)."""
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _maybe(value: Any) -> str | None:
    return None if value is None else _text(value)


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError(value)
    return [_text(v) for v in value]


def _added(value: Any) -> tuple[str, ...]:
    return tuple(_texts(value or []))


def _equivalent(value: Any) -> Equivalent:
    if isinstance(value, str):
        return Equivalent(value)
    return Equivalent(_text(value["id"]), _maybe(value.get("title")), _maybe(value.get("source")))


def meta_from(raw: dict[str, Any]) -> GuideMeta:
    """The guide from the raw data of a `guide.yaml` that the models accepted."""
    return GuideMeta(
        id=_text(raw["id"]),
        title=_text(raw["title"]),
        source=_text(raw["source"]),
        version=_text(raw["version"]),
        referentiel=_text(raw["referentiel"]),
        language=_text(raw.get("language", "fr")),
        description=_maybe(raw.get("description")),
        criteria=[
            Criterion(
                _text(c["id"]),
                _text(c.get("title") or ""),
                {_text(ref): _equivalent(v) for ref, v in (c.get("equivalents") or {}).items()},
            )
            for c in raw["criteria"]
        ],
        audiences=[Audience(_text(a["id"]), _text(a["label"])) for a in raw["audiences"]],
        checkpoints=[
            Checkpoint(
                _text(c["id"]),
                _text(c["section"]),
                _text(c["audience"]),
                _text(c["text"]),
                _texts(c.get("criteria") or []),
                _maybe(c.get("hint")),
                _texts(c.get("evidence") or []),
                _added(c.get("added")),
            )
            for c in raw.get("checkpoints") or []
        ],
        references=[
            _text(r)
            if isinstance(r, str)
            else Reference(_text(r["title"]), _maybe(r.get("url")), _maybe(r.get("category")))
            for r in raw.get("references") or []
        ],
        caveat=_maybe(raw.get("caveat")),
        pairs=[
            Pair(_text(p["declared"]), _text(p["observed"]), _maybe(p.get("source")))
            for p in raw.get("pairs") or []
        ],
        additions_by=_maybe(raw.get("additions_by")),
        added=_added(raw.get("added")),
    )


def questions_from(raw: dict[str, Any]) -> tuple[Question, ...]:
    """The questions of an audience file that the models accepted."""
    return tuple(
        Question(
            _text(q["id"]),
            _texts(q["criteria"]),
            _text(q["text"]),
            _maybe(q.get("hint")),
            _texts(q.get("evidence") or []),
            _added(q.get("added")),
        )
        for q in raw["questions"]
    )
