"""What a guide's source says and what its bank's author added, in words for people.

Every view (listings, dry-run, paper guide, live screens, reports) takes these words from
here, so an addition reads the same everywhere: "proposé par visitguide" (or the author the
guide names in `additions_by`), an equivalent "à confirmer" until it names its source.
"""

from __future__ import annotations

from visitguide.bank.guide import Checkpoint, Equivalent, GuideMeta, Question
from visitguide.messages import t


def added_label(meta: GuideMeta) -> str:
    """ "proposé par visitguide": how an addition of this guide is marked."""
    return t("provenance.added", author=meta.additions_by or "?")


def mark(meta: GuideMeta, item: Question | Checkpoint, field: str) -> str | None:
    """The addition mark of `item`'s `field`, or None when the field is the source's."""
    return added_label(meta) if item.is_added(field) else None


def equivalent_status(equivalent: Equivalent) -> str:
    """ "source : …" when the equivalent names one, else "à confirmer"."""
    if equivalent.source:
        return t("provenance.source", source=equivalent.source)
    return t("provenance.to_confirm")


def referentiel_label(meta: GuideMeta) -> str:
    """The guide's référentiel, said to be the author's reading when it is marked so."""
    if meta.is_added("referentiel"):
        return t("provenance.referentiel", referentiel=meta.referentiel, author=meta.additions_by or "?")
    return meta.referentiel


def caveat_line(meta: GuideMeta) -> str | None:
    """The source's own caveat, quoted, or None when the guide keeps none."""
    return t("provenance.caveat", caveat=meta.caveat) if meta.caveat else None
