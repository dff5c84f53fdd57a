"""Strict models of the bank files (CONTRACT.md §1).

Unknown keys are errors and nothing is coerced: a version written as a date or a criterion
written as a number is reported, not silently converted. The JSON Schemas shipped in
`visitguide/schemas/` are generated from these models (`python -m visitguide.schemas`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CRITERION_PATTERN = r"^[0-9]+(\.[0-9]+)*(-[0-9]+)?$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
CriterionId = Annotated[str, StringConstraints(pattern=CRITERION_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]

# Provenance (docs/formats.md): what a question or checkpoint holds that its source does not
# say, named field by field in `added`; who added it is the guide's `additions_by`.
AddedField = Literal["hint", "evidence", "criteria"]
ADDED_DESCRIPTION = (
    "Fields of this item that the bank's author added (not in the source): "
    "hint, evidence, criteria. Shown as additions, never as the source's words."
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Equivalent(Strict):
    """The same criterion in another référentiel."""

    id: CriterionId
    title: Text | None = None
    source: Text | None = Field(
        default=None,
        description="Where this correspondence comes from; without one it is shown « à confirmer ».",
    )


class Criterion(Strict):
    """A certification criterion the guide's questions and checkpoints may cite."""

    id: CriterionId
    title: Text | None = Field(default=None, description="As the source states it; none when it states none.")
    equivalents: dict[str, CriterionId | Equivalent] = Field(
        default_factory=dict,
        description='Same criterion in another référentiel, e.g. {"2025": "3.1-07"}.',
    )


class Audience(Strict):
    """One kind of interviewee (gouvernance, technique, professionnels...)."""

    id: Id
    label: Text


class Checkpoint(Strict):
    """A "vous vérifierez que…" item, rated oui / non / na during interviews."""

    id: Id
    section: Text
    audience: Id
    text: Text
    criteria: list[CriterionId] = Field(
        default_factory=list, description="May be empty: HAS fiches attach no criterion to checkpoints."
    )
    hint: Text | None = None
    evidence: list[Text] = Field(default_factory=list)
    added: list[AddedField] = Field(default_factory=list, description=ADDED_DESCRIPTION)


class Reference(Strict):
    """A reference of "Pour aller plus loin"."""

    title: Text
    url: Text | None = None
    category: Text | None = None


class Pair(Strict):
    """Two items (checkpoints or questions) that check the same thing from two sides: what one
    audience declares (typically the governance) and what another shows on the ground."""

    declared: Id = Field(description="The checkpoint or question id of the side that declares.")
    observed: Id = Field(description="The checkpoint or question id of the side that shows it.")
    source: Text | None = Field(
        default=None,
        description='Who proposes the pair (e.g. "visitguide" for the bank\'s addition); none: the source.',
    )


class GuideFile(Strict):
    """`guide.yaml`: criteria, audiences, checkpoints and references of one guide."""

    id: Id
    title: Text
    source: Text
    version: Text
    referentiel: Text
    language: Text = "fr"
    description: Text | None = None
    caveat: Text | None = Field(
        default=None, description='The source\'s own caveat ("ni opposables, ni exhaustives…").'
    )
    additions_by: Text | None = Field(
        default=None,
        description="Who added what `added` marks (visitguide, or the bank author's name); "
        "required when anything is marked.",
    )
    added: list[Literal["referentiel"]] = Field(
        default_factory=list,
        description="Guide fields that are the bank author's reading, not the source's words.",
    )
    criteria: list[Criterion] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    checkpoints: list[Checkpoint] = Field(default_factory=list)
    references: list[Text | Reference] = Field(default_factory=list)
    pairs: list[Pair] = Field(default_factory=list)


class Question(Strict):
    """One example question of the aide au questionnement."""

    id: Id
    criteria: list[CriterionId] = Field(min_length=1)
    text: Text
    hint: Text | None = None
    evidence: list[Text] = Field(default_factory=list)
    added: list[AddedField] = Field(default_factory=list, description=ADDED_DESCRIPTION)


class AudienceFile(Strict):
    """`<audience>.yaml`: the questions put to one audience, in interview order."""

    audience: Id
    questions: list[Question] = Field(
        description="May be empty only for an audience that has checkpoints (bank rule)."
    )
