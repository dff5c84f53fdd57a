"""Ids as people type them on the command line: any case, accents optional, a unique prefix.

`--audience Technique`, `-a tech` and `--guide risques` name what they obviously mean. Only
what the command line gives goes through here: ids inside files (answers files, interview
files) stay exact, so a file never changes meaning when a bank gains an id.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide.bank import loader
from visitguide.bank.loader import unknown_id_message
from visitguide.bank.referentiels import known_codes
from visitguide.errors import UsageError
from visitguide.messages import t
from visitguide.text import fold

if TYPE_CHECKING:
    from visitguide.bank.loader import Guide


def candidates(typed: str, ids: Sequence[str]) -> list[str]:
    """The ids `typed` may mean: itself; else the one equal without case and accents; else
    every id it begins (without case and accents)."""
    if typed in ids:
        return [typed]
    folded = fold(typed.strip())
    same = [i for i in ids if fold(i) == folded]
    if same or not folded:
        return same
    return [i for i in ids if fold(i).startswith(folded)]


def resolve(typed: str, ids: Sequence[str], unknown_key: str) -> str:
    """The one id `typed` means; `UsageError` naming the candidates when several begin with it,
    or the closest id when none does (`unknown_key`: the catalog's "unknown …" message)."""

    found = candidates(typed, ids)
    if len(found) == 1:
        return found[0]
    if found:
        raise UsageError(t("typed.ambiguous", id=typed, ids=", ".join(found)))
    raise UsageError(unknown_id_message(unknown_key, typed, list(ids)))


def guide_id(typed: str | None, banks: Sequence[Path]) -> str | None:
    """The guide id `typed` means among the guides found (None stays None)."""
    if typed is None:
        return None

    return resolve(typed, sorted(loader.discover(banks)), "guide.unknown")


def audience_id(guide: Guide, typed: str | None) -> str | None:
    """The audience of `guide` that `typed` means (None stays None)."""
    if typed is None:
        return None
    return resolve(typed, [a.id for a in guide.audiences], "audience.unknown")


def criterion_id(guides: Sequence[Guide], typed: str | None) -> str | None:
    """The criterion code of `guides` that `typed` means, in any référentiel they know (their
    own codes and their equivalents'): `3.6-2` is not `3.6-02`, but case, spaces and a unique
    prefix are forgiven as for other ids (None stays None). Which référentiel it is read in is
    `referentiels.read`'s business."""
    if typed is None:
        return None

    codes = sorted(set().union(*(known_codes(g.meta) for g in guides)))
    return resolve(typed, codes, "criterion.unknown")
