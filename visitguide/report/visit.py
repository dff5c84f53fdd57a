"""The consolidated visit: pure data, computed once by `build` and read by every format.

Plain frozen dataclasses, so that the JSON export is a dump of this tree and its JSON Schema
(`visitguide/schemas/visit.schema.json`) is generated from these classes. Every text taken
from an interview file is kept as written (formats escape it for their own syntax).
Attribution is by role, sector and date (`Who`), never by a person's name, and by the
interview's code (`E1`, `E2`… in the order of the interviews' dates, then start times).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

FORMAT: Literal["visitguide.visit"] = "visitguide.visit"
FORMAT_VERSION: Literal[1] = 1

EcartKind = Literal["audiences", "sectors", "within", "pairs"]
Basis = Literal["entretien", "observation", "document"]
DocumentState = Literal["vu", "demande", "a_demander"]
PairVerdict = Literal["agree", "disagree", "to_confirm", "mixed", "not_rated", "not_comparable"]


@dataclass(frozen=True, slots=True)
class Who:
    """Whom a note or a rating comes from: an interview, by role, never by name."""

    interview: str
    code: str
    """`E1`, `E2`…: the interview's code in this report (by date, then start time)."""
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
    caveat: str | None = None
    """The source's own caveat, word for word ("ni opposables, ni exhaustives…")."""
    additions_by: str | None = None
    """Who added what the source does not say (shown "proposé par …"); None: nothing marked."""
    referentiel_added: bool = False
    """The référentiel is the bank author's reading: the source does not state it."""


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
    """Sorted alphabetically."""
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
    presented_in: str | None = None
    """The référentiel whose codes present the criteria (`export --referentiel`); None: the
    guide's own. Ids and keys stay the guide's codes."""


@dataclass(frozen=True, slots=True)
class AnswerRow:
    """One answer of one interview, as recorded (guide question or the visitor's own)."""

    question: str
    text: str
    criteria: list[str]
    status: str
    notes: str
    evidence: list[str]
    """Documents seen."""
    added: bool
    in_guide: bool
    requested: list[str]
    """Documents asked for and not seen yet."""


@dataclass(frozen=True, slots=True)
class RatingRow:
    checkpoint: str
    text: str
    criteria: list[str]
    rating: str
    comment: str
    in_guide: bool
    basis: Basis


@dataclass(frozen=True, slots=True)
class InterviewInfo:
    """One interview of the visit, with everything it records."""

    id: str
    code: str
    file: str
    started_at: str
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
    basis: Basis
    """What the rating rests on: `entretien` (declared), `observation` or `document` (verified)."""
    checkpoint: str


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
    verified: int
    """Ratings resting on an observation or a document rather than on what was said."""
    ecarts: list[str]
    """Ids of the écarts this checkpoint's ratings take part in."""
    to_confirm: list[str]
    """Ids of the differences "à confirmer" it takes part in."""
    criteria_added_by: str | None = None
    """Who tied it to its criteria when the source does not (None: the source did, or none)."""


@dataclass(frozen=True, slots=True)
class Note:
    who: Who
    status: str
    notes: str
    evidence: list[str]
    """Documents seen."""
    requested: list[str]
    """Documents asked for and not seen yet."""


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
    """A document: suggested by the guide (`requested`), seen or asked for during interviews."""

    text: str
    requested: bool
    seen: list[Who]
    asked: list[Who]
    """Interviews where it was asked for and not seen."""
    state: DocumentState
    """`vu` (seen at least once), `demande` (asked for, awaited), `a_demander` (neither yet)."""
    added_by: str | None = None
    """Who suggested it when the source does not (`requested` by the bank's author)."""


@dataclass(frozen=True, slots=True)
class Equivalent:
    referentiel: str
    id: str
    title: str | None
    source: str | None = None
    """Where the correspondence comes from; None: to be confirmed ("à confirmer")."""


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
    ecart_ids: list[str]
    to_confirm: list[str]
    """Ids of the differences "à confirmer" (`Visit.to_confirm`) that concern it."""
    pairs: list[PairView]
    empty: bool
    """Nothing to show: no checkpoint, no note, no document, no pair."""
    code: str = ""
    """The code shown: `id`, or its equivalent in `Header.presented_in` where there is one."""


@dataclass(frozen=True, slots=True)
class PairSide:
    """One side of a governance <-> terrain pair: a checkpoint (rated) or a question (noted)."""

    kind: Literal["checkpoint", "question"]
    id: str
    text: str
    audience: str
    audience_label: str
    oui: int
    non: int
    na: int
    share: float | None
    answers: int
    """Interviews that answered the question (question side)."""
    codes: list[str]
    """Codes of the interviews that rated or answered it."""


@dataclass(frozen=True, slots=True)
class PairView:
    """Two items checking the same thing from two sides, with the verdict of their ratings."""

    declared: PairSide
    observed: PairSide
    source: str | None
    """Who proposed the pair (e.g. "visitguide"); None: the guide's source itself."""
    criteria: list[str]
    verdict: PairVerdict
    ecart: str | None
    """The id of the écart or of the difference "à confirmer" it gave rise to."""


@dataclass(frozen=True, slots=True)
class Side:
    """One side of an écart: an audience, a sector or one interview, and its ratings."""

    label: str
    audience: str | None
    sector: str | None
    oui: int
    non: int
    share: float | None
    ratings: list[Rated]
    """The ratings behind the side, each with who gave it and its comment."""


@dataclass(frozen=True, slots=True)
class Ecart:
    """A discrepancy between ratings, its agreeing sides (`high`: mostly "oui") against
    its other sides (`low`: mostly "non").

    - `audiences`: audiences disagree on a criterion (its checkpoints taken together);
    - `sectors`: sectors disagree on one checkpoint;
    - `within`: interviews of one audience in one sector are split on one checkpoint;
    - `pairs`: the two sides of a governance <-> terrain pair disagree (`checkpoint`: the
      declared side, `related`: the observed one).
    """

    id: str
    """`ecart-N` in `Visit.ecarts`, `confirmer-N` in `Visit.to_confirm`."""
    kind: EcartKind
    criteria: list[str]
    checkpoint: str | None
    checkpoint_text: str | None
    audience: str | None
    sector: str | None
    high: list[Side]
    low: list[Side]
    related: str | None


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
    code: str = ""
    """The code shown (see `CriterionView.code`)."""


@dataclass(frozen=True, slots=True)
class Ref:
    id: str
    text: str
    criteria: list[str]


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
    criteria: list[str]


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
    requested: list[str]


@dataclass(frozen=True, slots=True)
class Orphan:
    """An answer or a rating whose id is not (or no longer) in the guide."""

    who: Who
    kind: Literal["question", "checkpoint"]
    id: str
    status: str
    notes: str
    evidence: list[str]
    requested: list[str]


@dataclass(frozen=True, slots=True)
class Coverage:
    pending: list[Pending]
    revisit: list[Flagged]
    skipped: list[Flagged]
    added: list[Added]
    outside_guide: list[Orphan]


@dataclass(frozen=True, slots=True)
class DocumentToRequest:
    """A document still to ask an audience for."""

    text: str
    asked: list[Who]
    """Interviews where it was asked for (state `demande`) and not seen since."""
    suggested: bool
    """The guide suggests it for this audience."""
    items: list[str]
    """The questions and checkpoints it was asked or suggested for."""
    criteria: list[str]
    added_by: str | None = None
    """Who suggested it when the source does not (`suggested` by the bank's author)."""


@dataclass(frozen=True, slots=True)
class DocumentsToRequest:
    """What to ask one audience for: documents asked for and not seen, then the guide's
    suggestions that no interview of the audience has seen."""

    audience: str
    audience_label: str
    documents: list[DocumentToRequest]


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
    to_confirm: list[Ecart]
    """Sector or pair differences resting on a single rating on one side: not écarts."""
    documents_to_request: list[DocumentsToRequest]
    unlinked: list[SectionCheckpoints] = field(default_factory=list)
    """Checkpoints citing no criterion (imported fiches give none), by section."""


@dataclass(frozen=True, slots=True)
class SectionCheckpoints:
    """The checkpoints of one section that cite no criterion: reported under their section."""

    section: str
    checkpoints: list[CheckpointView]
