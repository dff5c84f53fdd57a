"""What an interview asks, in order: the plain outline behind the dry-run, the answers-file
skeleton and the paper guide.

Texts from the bank pass through `console.clean` here, once: control characters become
visible escapes before any output format sees them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from visitguide.bank import provenance
from visitguide.bank.guide import Reference
from visitguide.bank.loader import Guide
from visitguide.messages import t
from visitguide.text import clean

ADDED_QUESTIONS = 2  # blank blocks on paper for questions of the visitor's own


@dataclass(frozen=True)
class Equivalent:
    referentiel: str
    code: str
    title: str | None
    status: str  # "à confirmer", or "source : …"


@dataclass(frozen=True)
class CriterionView:
    code: str
    title: str
    equivalents: tuple[Equivalent, ...]


@dataclass(frozen=True)
class QuestionView:
    number: int
    id: str
    text: str
    criteria: tuple[CriterionView, ...]
    hint: str | None
    evidence: tuple[str, ...]
    added: tuple[str, ...] = ()  # fields the bank's author added: hint, evidence, criteria


@dataclass(frozen=True)
class CheckpointView:
    id: str
    text: str
    criteria: tuple[CriterionView, ...]
    hint: str | None
    evidence: tuple[str, ...]
    added: tuple[str, ...] = ()  # fields the bank's author added: hint, evidence, criteria


@dataclass(frozen=True)
class Section:
    title: str
    checkpoints: tuple[CheckpointView, ...]


@dataclass(frozen=True)
class AudienceView:
    id: str
    label: str
    questions: tuple[QuestionView, ...]
    sections: tuple[Section, ...]

    @property
    def checkpoints(self) -> list[CheckpointView]:
        return [c for s in self.sections for c in s.checkpoints]

    @property
    def cited_criteria(self) -> list[CriterionView]:
        """Every criterion cited by a question or checkpoint of the audience, by code."""
        items: list[QuestionView | CheckpointView] = [*self.questions, *self.checkpoints]
        cited = {c.code: c for item in items for c in item.criteria}
        return [cited[code] for code in sorted(cited)]


@dataclass(frozen=True)
class ReferenceView:
    title: str
    url: str | None
    category: str | None


@dataclass(frozen=True)
class GuideView:
    id: str
    title: str
    version: str
    source: str
    referentiel: str
    audiences: tuple[AudienceView, ...]
    references: tuple[ReferenceView, ...]
    referentiel_label: str = ""  # the référentiel, said to be the author's reading when it is
    added_label: str = ""  # "proposé par visitguide": the mark of every addition
    caveat: str | None = None  # the source's own caveat, word for word


def build(guide: Guide, audience: str | None) -> GuideView:
    """The outline of one audience, or of every audience in interview order when None."""
    if audience is not None:
        guide.require_audience(audience)
    ids = [audience] if audience is not None else [a.id for a in guide.audiences]
    meta = guide.meta
    return GuideView(
        id=guide.id,
        title=clean(meta.title),
        version=clean(meta.version),
        source=clean(meta.source),
        referentiel=clean(meta.referentiel),
        audiences=tuple(_audience(guide, aid) for aid in ids),
        references=tuple(_reference(r) for r in meta.references),
        referentiel_label=clean(provenance.referentiel_label(meta)),
        added_label=clean(provenance.added_label(meta)),
        caveat=clean(meta.caveat) if meta.caveat else None,
    )


def _audience(guide: Guide, audience_id: str) -> AudienceView:
    found = guide.audience(audience_id)
    label = found.label if found is not None else audience_id
    questions = tuple(
        QuestionView(
            number=n,
            id=q.id,
            text=clean(q.text),
            criteria=criteria(guide, q.criteria),
            hint=clean(q.hint) if q.hint else None,
            evidence=tuple(clean(e) for e in q.evidence),
            added=q.added,
        )
        for n, q in enumerate(guide.questions_for(audience_id), start=1)
    )
    return AudienceView(audience_id, clean(label), questions, _sections(guide, audience_id))


def _sections(guide: Guide, audience_id: str) -> tuple[Section, ...]:
    """Checkpoints grouped by section, sections in the order they first appear."""
    grouped: dict[str, list[CheckpointView]] = {}
    for c in guide.checkpoints_for(audience_id):
        view = CheckpointView(
            id=c.id,
            text=clean(c.text),
            criteria=criteria(guide, c.criteria),
            hint=clean(c.hint) if c.hint else None,
            evidence=tuple(clean(e) for e in c.evidence),
            added=c.added,
        )
        grouped.setdefault(clean(c.section), []).append(view)
    return tuple(Section(title, tuple(items)) for title, items in grouped.items())


def criteria(guide: Guide, codes: Iterable[str]) -> tuple[CriterionView, ...]:
    """Each cited criterion with its title and its equivalents in other référentiels."""
    views = []
    for code in codes:
        found = guide.criterion(code)
        if found is None:  # the loader forbids it; keep the code rather than fail
            views.append(CriterionView(clean(code), "", ()))
            continue
        equivalents = []
        for ref in sorted(found.equivalents):
            eq = found.equivalent(ref)
            if eq is not None:
                title = clean(eq.title) if eq.title and eq.title != found.title else None
                status = clean(provenance.equivalent_status(eq))
                equivalents.append(Equivalent(clean(ref), clean(eq.id), title, status))
        views.append(CriterionView(clean(found.id), clean(found.title), tuple(equivalents)))
    return tuple(views)


def criterion_text(c: CriterionView) -> str:
    """`3.6-02 Les risques… (2025 : 3.1-07, à confirmer)`: code, title and equivalents in other
    référentiels, each with its source or "à confirmer"."""
    text = f"{c.code} {c.title}".strip()
    for eq in c.equivalents:
        text += f" ({equivalent_text(eq)})"
    return text


def equivalent_text(eq: Equivalent) -> str:
    """`2025 : 3.1-05 La gestion…, à confirmer`: the title only where it differs."""
    same = t("paper.equivalent", referentiel=eq.referentiel, code=eq.code)
    return f"{same} {eq.title}, {eq.status}" if eq.title else f"{same}, {eq.status}"


def _reference(ref: str | Reference) -> ReferenceView:
    if isinstance(ref, str):
        return ReferenceView(clean(ref), None, None)
    return ReferenceView(
        clean(ref.title),
        clean(ref.url) if ref.url else None,
        clean(ref.category) if ref.category else None,
    )
