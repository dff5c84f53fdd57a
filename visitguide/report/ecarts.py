"""Écarts: where the ratings of a visit contradict each other.

The HAS "audit système" checks that what the management declares is known and applied on
the ground, so the report looks for three kinds of contradiction, all on checkpoint
ratings ("oui" / "non"; "na" never counts):

- `audiences`: on one criterion, one audience rates its checkpoints mostly "oui" (at least
  two thirds) while another rates its own mostly "non" (at most one third);
- `sectors`: on one checkpoint, one sector mostly "oui" and another mostly "non";
- `within`: on one checkpoint, the interviews of one audience in one sector are split, the
  minority holding at least a third of the oui+non ratings (one dissenting voice among
  many is not an écart; two people of the same service saying opposite things is).

Notes are free text: no écart is inferred from them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from visitguide.bank.guide import Checkpoint
from visitguide.bank.loader import Guide
from visitguide.report import visit as m

if TYPE_CHECKING:
    from visitguide.interview.file import Interview

HIGH = 2 / 3
LOW = 1 / 3
MINORITY = 1 / 3


class Entry(Protocol):
    """One interview as the écarts see it (`build.Entry`, without importing `build`)."""

    @property
    def who(self) -> m.Who: ...

    @property
    def sector(self) -> str | None: ...

    @property
    def interview(self) -> Interview: ...


Ratings = Mapping[str, Sequence[tuple[Entry, m.Rated]]]


def share(oui: int, non: int) -> float | None:
    """The share of "oui" among "oui" + "non"; None when there is neither ("na" never counts)."""
    return oui / (oui + non) if oui + non else None


def find(
    guide: Guide, ratings: Ratings, labels: Mapping[str, str], sector_names: Mapping[str, str]
) -> list[m.Ecart]:
    """Every écart of the visit: between audiences first, then sectors, then split opinions;
    in guide order within each kind."""
    found: list[m.Ecart] = []
    for criterion in guide.meta.criteria:
        citing = [c for c in guide.meta.checkpoints if criterion.id in c.criteria]
        ecart = _audiences(criterion.id, citing, ratings, labels)
        if ecart is not None:
            found.append(ecart)
    for checkpoint in guide.meta.checkpoints:
        rated = ratings.get(checkpoint.id, [])
        ecart = _sectors(checkpoint, rated, sector_names)
        if ecart is not None:
            found.append(ecart)
        found.extend(_within(checkpoint, rated, labels, sector_names))
    rank = {c.id: i for i, c in enumerate(guide.meta.criteria)}
    kinds = {"audiences": 0, "sectors": 1, "within": 2}
    return sorted(found, key=lambda e: (kinds[e.kind], min(rank.get(c, 0) for c in e.criteria)))


def concerns(ecart: m.Ecart, criterion: str, audience: str, checkpoints: Mapping[str, Checkpoint]) -> bool:
    """Whether `ecart` belongs in the matrix cell (criterion, audience)."""
    if criterion not in ecart.criteria:
        return False
    if ecart.kind == "audiences":
        return any(side.audience == audience for side in (*ecart.high, *ecart.low))
    checkpoint = checkpoints.get(ecart.checkpoint or "")
    return checkpoint is not None and checkpoint.audience == audience


def _count(rated: Iterable[tuple[Entry, m.Rated]], key: Callable[[Entry], Any]) -> dict[Any, list[int]]:
    """[oui, non] per key of the rating's interview."""
    counts: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    for entry, rating in rated:
        if rating.rating == "oui":
            counts[key(entry)][0] += 1
        elif rating.rating == "non":
            counts[key(entry)][1] += 1
    return counts


def _split(sides: list[m.Side]) -> tuple[list[m.Side], list[m.Side]] | None:
    high = [s for s in sides if s.share is not None and s.share >= HIGH]
    low = [s for s in sides if s.share is not None and s.share <= LOW]
    return (high, low) if high and low else None


def _audiences(
    criterion: str, citing: list[Checkpoint], ratings: Ratings, labels: Mapping[str, str]
) -> m.Ecart | None:
    rated = [pair for c in citing for pair in ratings.get(c.id, [])]
    counts = _count(rated, lambda e: e.interview.audience)
    order = list(labels)
    sides = [
        m.Side(labels.get(aud, aud), aud, None, oui, non, share(oui, non))
        for aud, (oui, non) in sorted(counts.items(), key=lambda kv: _rank(order, kv[0]))
    ]
    split = _split(sides)
    if split is None:
        return None
    return m.Ecart("audiences", [criterion], None, None, None, None, *split)


def _sectors(
    checkpoint: Checkpoint, rated: Sequence[tuple[Entry, m.Rated]], names: Mapping[str, str]
) -> m.Ecart | None:
    counts = _count((pair for pair in rated if pair[0].sector is not None), lambda e: e.sector)
    sides = [
        m.Side(names.get(key, key), None, names.get(key, key), oui, non, share(oui, non))
        for key, (oui, non) in sorted(counts.items())
    ]
    split = _split(sides)
    if split is None:
        return None
    return m.Ecart(
        "sectors",
        list(checkpoint.criteria),
        checkpoint.id,
        checkpoint.text,
        checkpoint.audience,
        None,
        *split,
    )


def _within(
    checkpoint: Checkpoint,
    rated: Sequence[tuple[Entry, m.Rated]],
    labels: Mapping[str, str],
    names: Mapping[str, str],
) -> list[m.Ecart]:
    places: dict[tuple[str, str | None], list[tuple[Entry, m.Rated]]] = defaultdict(list)
    for entry, rating in rated:
        if rating.rating in ("oui", "non"):
            places[(entry.interview.audience, entry.sector)].append((entry, rating))
    found = []
    order = list(labels)
    for (audience, sector), pairs in sorted(
        places.items(), key=lambda kv: (_rank(order, kv[0][0]), kv[0][1] or "")
    ):
        oui = sum(r.rating == "oui" for _, r in pairs)
        non = len(pairs) - oui
        if not oui or not non or min(oui, non) / (oui + non) < MINORITY:
            continue
        sides = [_interview_side(entry, rating) for entry, rating in pairs]
        found.append(
            m.Ecart(
                "within",
                list(checkpoint.criteria),
                checkpoint.id,
                checkpoint.text,
                audience,
                names.get(sector, sector) if sector else None,
                [s for s in sides if s.oui],
                [s for s in sides if s.non],
            )
        )
    return found


def _interview_side(entry: Entry, rating: m.Rated) -> m.Side:
    who = entry.who
    label = f"{who.role} ({who.date})" if who.role else who.date
    oui = int(rating.rating == "oui")
    return m.Side(label, who.audience, who.sector, oui, 1 - oui, float(oui))


def _rank(order: list[str], audience: str) -> tuple[int, str]:
    return (order.index(audience) if audience in order else len(order), audience)
