"""The consolidated visit: pure data, computed once by `build` and read by every format.

Plain frozen dataclasses, so that the JSON export is a dump of this tree and its JSON Schema
(`visitguide/schemas/visit.schema.json`) is generated from these classes. Every text taken
from an interview file is kept as written (formats escape it for their own syntax).
Attribution is by role, sector and date (`Who`), never by a person's name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

FORMAT: Literal["visitguide.visit"] = "visitguide.visit"
FORMAT_VERSION: Literal[1] = 1

EcartKind = Literal["audiences", "sectors", "within"]


@dataclass(frozen=True, slots=True)
class Who:
    """Whom a note or a rating comes from: an interview, by role, never by name."""

    interview: str
    audience: str
    sector: str | None
    role: str
    date: str


@dataclass(frozen=True, slots=True)
class GuideInfo:
    id: str
    title: str
    version: str
    source: str
    referentiel: str
    digest: str


@dataclass(frozen=True, slots=True)
class SectorCount:
    sector: str | None
    interviews: int


@dataclass(frozen=True, slots=True)
class AudienceCount:
    audience: str
    label: str
    interviews: int
    sectors: list[SectorCount]


@dataclass(frozen=True, slots=True)
class Header:
    establishments: list[str]
    first_date: str | None
    last_date: str | None
    visitors: list[str]
    guide: GuideInfo
    interviews: int
    audiences: list[AudienceCount]
    guide_changed: list[str]
    """Files recorded against another version of the guide (digest differs)."""
    ignored: list[str]
    """Files of other guides left out because `--guide` chose this one."""
    duplicates: list[str]
    """Identical copies of an interview already read, counted once."""
    redacted: bool


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer of one interview, as recorded (guide question or the visitor's own)."""

    question: str
    text: str
    criteria: list[str]
    status: str
    notes: str
    evidence: list[str]
    added: bool
    in_guide: bool


@dataclass(frozen=True, slots=True)
class RatingRow:
    checkpoint: str
    text: str
    criteria: list[str]
    rating: str
    comment: str
    in_guide: bool


@dataclass(frozen=True, slots=True)
class InterviewInfo:
    """One interview of the visit, with everything it records."""

    id: str
    file: str
    audience: str
    audience_label: str
    establishment: str
    sector: str | None
    role: str
    visitor: str
    date: str
    status: str
    guide_changed: bool
    answers: list[AnswerRow]
    ratings: list[RatingRow]


@dataclass(frozen=True, slots=True)
class Rated:
    who: Who
    rating: str
    comment: str


@dataclass(frozen=True, slots=True)
class CheckpointView:
    id: str
    section: str
    text: str
    audience: str
    audience_label: str
    evidence: list[str]
    ratings: list[Rated]
    oui: int
    non: int
    na: int
    share: float | None
    """oui / (oui + non); "na" left out; None when nothing was rated oui or non."""


@dataclass(frozen=True, slots=True)
class Note:
    who: Who
    status: str
    notes: str
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class QuestionNotes:
    id: str
    text: str
    added: bool
    notes: list[Note]


@dataclass(frozen=True, slots=True)
class NoteGroup:
    """The notes of one audience in one sector (sector None: no sector given)."""

    audience: str
    audience_label: str
    sector: str | None
    questions: list[QuestionNotes]


@dataclass(frozen=True, slots=True)
class Document:
    """A document: requested by the guide, seen during interviews, or both."""

    text: str
    requested: bool
    seen: list[Who]


@dataclass(frozen=True, slots=True)
class Equivalent:
    referentiel: str
    id: str
    title: str | None


@dataclass(frozen=True, slots=True)
class CriterionView:
    id: str
    title: str
    equivalent: Equivalent | None
    checkpoints: list[CheckpointView]
    groups: list[NoteGroup]
    documents: list[Document]
    oui: int
    non: int
    na: int
    share: float | None
    ecarts: int


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an écart: an audience, a sector or one interview, and its ratings."""

    label: str
    audience: str | None
    sector: str | None
    oui: int
    non: int
    share: float | None


@dataclass(frozen=True, slots=True)
class Ecart:
    """A discrepancy between ratings, its agreeing sides (`high`: mostly "oui") against
    its other sides (`low`: mostly "non").

    - `audiences`: audiences disagree on a criterion (its checkpoints taken together);
    - `sectors`: sectors disagree on one checkpoint;
    - `within`: interviews of one audience in one sector are split on one checkpoint.
    """

    kind: EcartKind
    criteria: list[str]
    checkpoint: str | None
    checkpoint_text: str | None
    audience: str | None
    sector: str | None
    high: list[Side]
    low: list[Side]


@dataclass(frozen=True, slots=True)
class Cell:
    """Criterion × audience: coverage and ratings."""

    audience: str
    questions_total: int
    questions_asked: int
    checkpoints_total: int
    checkpoints_rated: int
    oui: int
    non: int
    na: int
    share: float | None
    ecarts: int


@dataclass(frozen=True, slots=True)
class MatrixRow:
    criterion: str
    title: str
    share: float | None
    oui: int
    non: int
    cells: list[Cell]


@dataclass(frozen=True, slots=True)
class Ref:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Pending:
    """What was never put to an audience (in one sector, or in all when `sector` is None)."""

    audience: str
    audience_label: str
    sector: str | None
    by_sector: bool
    interviews: int
    questions: list[Ref]
    checkpoints: list[Ref]


@dataclass(frozen=True, slots=True)
class Flagged:
    """A question skipped or flagged "à revoir" in one interview."""

    who: Who
    question: str
    text: str
    status: str
    notes: str
    added: bool


@dataclass(frozen=True, slots=True)
class Added:
    """A question of the visitor's own."""

    who: Who
    id: str
    text: str
    criteria: list[str]
    status: str | None
    notes: str
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class Orphan:
    """An answer or a rating whose id is not (or no longer) in the guide."""

    who: Who
    kind: Literal["question", "checkpoint"]
    id: str
    status: str
    notes: str
    evidence: list[str]


@dataclass(frozen=True, slots=True)
class Coverage:
    pending: list[Pending]
    revisit: list[Flagged]
    skipped: list[Flagged]
    added: list[Added]
    outside_guide: list[Orphan]


@dataclass(frozen=True, slots=True)
class Audience:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Visit:
    """The whole visit, consolidated."""

    format: Literal["visitguide.visit"]
    format_version: Literal[1]
    header: Header
    audiences: list[Audience]
    matrix: list[MatrixRow]
    ecarts: list[Ecart]
    criteria: list[CriterionView]
    coverage: Coverage
    interviews: list[InterviewInfo]
