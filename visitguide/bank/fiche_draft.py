"""What an imported fiche holds: the draft of a guide, each item with its line in the fiche,
and the findings of the import. Plain data, shared by the parser (`fiche_parse`), the
writer (`fiche_yaml`) and the report (`fiche_show`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from visitguide.bank.fiche_text import Where
from visitguide.messages import catalog, t


class Kind(StrEnum):
    """What a finding is: an interpretation to check, a line left out of a narrative part
    (both informational), or a line of the questions or of a checkpoint list that could not
    be placed (exit 1)."""

    INTERPRETATION = "interpretation"
    IGNORED = "ignored"
    UNPLACED = "unplaced"


@dataclass(frozen=True)
class Finding:
    """One line of the import report: `fiche:line: message`."""

    file: str
    where: Where | None
    message: str
    kind: Kind

    def __str__(self) -> str:
        return f"{self.file}:{self.where}: {self.message}" if self.where else f"{self.file}: {self.message}"


@dataclass
class DraftCriterion:
    id: str
    title: str | None
    where: Where | None


@dataclass
class DraftAudience:
    id: str
    label: str
    where: Where | None


@dataclass
class DraftQuestion:
    id: str
    audience: str
    text: str
    criteria: list[str]
    where: Where


@dataclass
class DraftCheckpoint:
    id: str
    section: str | None
    audience: str
    text: str
    where: Where


@dataclass
class DraftReference:
    title: str
    url: str | None
    category: str | None
    where: Where


@dataclass
class Draft:
    """What the fiche says, ready to be written as a guide folder; each item knows its line."""

    name: str  # the fiche's file name, as located in comments and findings
    id: str
    title: str
    title_where: Where | None
    source: str
    version: str
    version_where: Where | None
    referentiel: str
    caveat: str | None
    caveat_where: Where | None
    criteria: list[DraftCriterion] = field(default_factory=list)
    audiences: list[DraftAudience] = field(default_factory=list)
    questions: list[DraftQuestion] = field(default_factory=list)
    checkpoints: list[DraftCheckpoint] = field(default_factory=list)
    references: list[DraftReference] = field(default_factory=list)


def finding(name: str, where: Where | None, kind: Kind, key: str, **values: object) -> Finding:
    """A finding whose message is the catalog's `fiche.found.<key>`."""
    return Finding(name, where, t(f"fiche.found.{key}", **values), kind)


def french(key: str, **values: object) -> str:
    """A catalog text in French whatever the interface language: a bank's words are French."""
    text = catalog()[key][0]
    return text.format(**values) if values else text
