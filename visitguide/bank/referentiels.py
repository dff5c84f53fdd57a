"""Criterion codes of either référentiel a guide knows (CONTRACT.md §4, `--criterion`).

A guide's codes follow its own référentiel; its criteria may name equivalents in others
("2025"). A code typed on the command line is read in the guide's own référentiel when it is
one of its codes, else in the référentiel whose equivalent it is; every other reading of the
same code is kept, so the answer can name it (3.1-07 is a criterion of the 2021 numbering, and
the 2025 code of another one).
"""

from __future__ import annotations

from dataclasses import dataclass

from visitguide.bank.guide import Criterion, Equivalent, GuideMeta


@dataclass(frozen=True)
class Reading:
    """One meaning of a code: the guide's `criterion`, read in `referentiel` (the guide's own,
    or another one through `equivalent`)."""

    code: str
    referentiel: str
    criterion: Criterion
    equivalent: Equivalent | None = None  # None: a code of the guide's own référentiel


@dataclass(frozen=True)
class CodeReading:
    """How a code was read in one guide, and what else it means there."""

    read: Reading
    others: tuple[Reading, ...]


def readings(meta: GuideMeta, code: str) -> list[Reading]:
    """Every meaning of `code` in the guide: its own criterion first, then equivalents."""
    found = [Reading(code, meta.referentiel, c) for c in meta.criteria if c.id == code]
    for criterion in meta.criteria:
        for referentiel in sorted(criterion.equivalents):
            equivalent = criterion.equivalents[referentiel]
            if equivalent.id == code:
                found.append(Reading(code, referentiel, criterion, equivalent))
    return found


def read(meta: GuideMeta, code: str) -> CodeReading | None:
    """`code` as the guide reads it, or None when no référentiel of the guide has it."""
    found = readings(meta, code)
    if not found:
        return None
    return CodeReading(found[0], tuple(found[1:]))


def known_codes(meta: GuideMeta) -> set[str]:
    """Every code of every référentiel the guide knows."""
    codes = {c.id for c in meta.criteria}
    codes |= {e.id for c in meta.criteria for e in c.equivalents.values()}
    return codes


def complete(code: str, known: set[str]) -> list[str]:
    """`code` itself when known, else the known codes it is a prefix of (one: the code meant)."""
    code = code.strip()
    if code in known:
        return [code]
    return sorted(k for k in known if k.startswith(code)) if code else []
