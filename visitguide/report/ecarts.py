"""Écarts: where the ratings of a visit contradict each other.

The HAS "audit système" checks that what the management declares is known and applied on
the ground, so the report looks for four kinds of contradiction, all on checkpoint ratings
("oui" / "non"; "na" never counts):

- `audiences`: on one criterion, one audience rates its checkpoints mostly "oui" (at least
  two thirds) while another rates its own mostly "non" (at most one third);
- `sectors`: on one checkpoint, one sector mostly "oui" and another mostly "non";
- `within`: on one checkpoint, the interviews of one audience in one sector are split, the
  minority holding at least a third of the oui+non ratings (one dissenting voice among
  many is not an écart; two people of the same service saying opposite things is);
- `pairs`: the two checkpoints of a governance <-> terrain pair of the guide, one mostly
  "oui", the other mostly "non".

Weight: a difference between sectors, or between the two sides of a pair, that rests on a
single rating on either side is not an écart: it is kept apart, "à confirmer".

Notes are free text: no écart is inferred from them.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from visitguide.bank.guide import Checkpoint, Pair
from visitguide.bank.loader import Guide
from visitguide.report import visit as m

if TYPE_CHECKING:
    from visitguide.interview.file import Interview

HIGH = 2 / 3
LOW = 1 / 3
MINORITY = 1 / 3
SOLID = 2
"""Ratings (oui + non) a side needs for a sector or pair difference to be an écart."""


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
) -> tuple[list[m.Ecart], list[m.Ecart]]:
    """Every écart of the visit, and every difference "à confirmer" (one rating on a side).

    Écarts between audiences first, then sectors, split opinions and pairs; in guide order
    within each kind. Ids are given in that order (`ecart-1`…, `confirmer-1`…).
    """
    rank = {c.id: i for i, c in enumerate(guide.meta.criteria)}
    found: list[m.Ecart] = []
    doubtful: list[m.Ecart] = []
    for criterion in guide.meta.criteria:
        citing = [c for c in guide.meta.checkpoints if criterion.id in c.criteria]
        ecart = _audiences(criterion.id, citing, ratings, labels)
        if ecart is not None:
            found.append(ecart)
    for checkpoint in guide.meta.checkpoints:
        rated = ratings.get(checkpoint.id, [])
        _keep(_sectors(checkpoint, rated, sector_names, rank), found, doubtful)
        found.extend(_within(checkpoint, rated, labels, sector_names, rank))
    checkpoints = {c.id: c for c in guide.meta.checkpoints}
    for pair in guide.meta.pairs:
        _keep(_pair(pair, checkpoints, ratings, labels, rank), found, doubtful)
    return _numbered(found, rank, "ecart"), _numbered(doubtful, rank, "confirmer")


def _keep(result: tuple[m.Ecart, bool] | None, found: list[m.Ecart], doubtful: list[m.Ecart]) -> None:
    if result is not None:
        (found if result[1] else doubtful).append(result[0])


def _numbered(ecarts: list[m.Ecart], rank: Mapping[str, int], prefix: str) -> list[m.Ecart]:
    kinds = {"audiences": 0, "sectors": 1, "within": 2, "pairs": 3}
    ordered = sorted(ecarts, key=lambda e: (kinds[e.kind], min(rank.get(c, 0) for c in e.criteria or [""])))
    return [dataclasses.replace(e, id=f"{prefix}-{i}") for i, e in enumerate(ordered, 1)]


def involved(ecart: m.Ecart) -> list[str]:
    """The checkpoints whose rows an écart marks.

    For an écart between audiences, the checkpoints whose own ratings lean the way of their
    side (mostly "oui" on the "oui" side, mostly "non" on the other); otherwise its one or two
    checkpoints.
    """
    if ecart.kind != "audiences":
        return [c for c in (ecart.checkpoint, ecart.related) if c]
    marked = []
    for sides, leaning in ((ecart.high, lambda x: x >= HIGH), (ecart.low, lambda x: x <= LOW)):
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for side in sides:
            for r in side.ratings:
                counts[r.checkpoint][0 if r.rating == "oui" else 1] += 1
        marked += [cid for cid, (oui, non) in counts.items() if leaning(oui / (oui + non))]
    return list(dict.fromkeys(marked))


def concerns(ecart: m.Ecart, criterion: str, audience: str, checkpoints: Mapping[str, Checkpoint]) -> bool:
    """Whether `ecart` belongs in the matrix cell (criterion, audience)."""
    if criterion not in ecart.criteria:
        return False
    if ecart.kind == "audiences":
        return any(side.audience == audience for side in (*ecart.high, *ecart.low))
    found = [checkpoints.get(c) for c in (ecart.checkpoint, ecart.related) if c]
    return any(c is not None and c.audience == audience for c in found)


def _split(sides: list[m.Side]) -> tuple[list[m.Side], list[m.Side]] | None:
    high = [s for s in sides if s.share is not None and s.share >= HIGH]
    low = [s for s in sides if s.share is not None and s.share <= LOW]
    return (high, low) if high and low else None


def _sorted_criteria(criteria: Iterable[str], rank: Mapping[str, int]) -> list[str]:
    return sorted(dict.fromkeys(criteria), key=lambda c: rank.get(c, len(rank)))


def _oui_non(rated: Iterable[tuple[Entry, m.Rated]]) -> list[m.Rated]:
    return [r for _, r in rated if r.rating in ("oui", "non")]


def _side(label: str, audience: str | None, sector: str | None, rated: list[m.Rated]) -> m.Side:
    oui = sum(r.rating == "oui" for r in rated)
    non = sum(r.rating == "non" for r in rated)
    return m.Side(label, audience, sector, oui, non, share(oui, non), rated)


def _ecart(kind: m.EcartKind, criteria: list[str], checkpoint: Checkpoint | None, **rest: Any) -> m.Ecart:
    return m.Ecart(
        id="",
        kind=kind,
        criteria=criteria,
        checkpoint=checkpoint.id if checkpoint else None,
        checkpoint_text=checkpoint.text if checkpoint else None,
        **{"audience": None, "sector": None, "related": None, **rest},
    )


def _audiences(
    criterion: str, citing: list[Checkpoint], ratings: Ratings, labels: Mapping[str, str]
) -> m.Ecart | None:
    by_audience: dict[str, list[m.Rated]] = defaultdict(list)
    for c in citing:
        for entry, rated in ratings.get(c.id, []):
            if rated.rating in ("oui", "non"):
                by_audience[entry.interview.audience].append(rated)
    order = list(labels)
    sides = [
        _side(labels.get(aud, aud), aud, None, rated)
        for aud, rated in sorted(by_audience.items(), key=lambda kv: _rank(order, kv[0]))
    ]
    split = _split(sides)
    if split is None:
        return None
    return _ecart("audiences", [criterion], None, high=split[0], low=split[1])


def _sectors(
    checkpoint: Checkpoint,
    rated: Sequence[tuple[Entry, m.Rated]],
    names: Mapping[str, str],
    rank: Mapping[str, int],
) -> tuple[m.Ecart, bool] | None:
    """The sectors' difference on `checkpoint`, and whether it is an écart (else: to confirm)."""
    by_sector: dict[str, list[m.Rated]] = defaultdict(list)
    for entry, rating in rated:
        if entry.sector is not None and rating.rating in ("oui", "non"):
            by_sector[entry.sector].append(rating)
    sides = [
        _side(names.get(key, key), None, names.get(key, key), ratings)
        for key, ratings in sorted(by_sector.items())
    ]
    return _weighed(
        sides,
        lambda high, low: _ecart(
            "sectors",
            _sorted_criteria(checkpoint.criteria, rank),
            checkpoint,
            audience=checkpoint.audience,
            high=high,
            low=low,
        ),
    )


def _weighed(
    sides: list[m.Side], make: Callable[[list[m.Side], list[m.Side]], m.Ecart]
) -> tuple[m.Ecart, bool] | None:
    """An écart between the sides resting on at least `SOLID` ratings each; failing that, a
    difference to confirm when the sides with fewer ratings would make one."""
    split = _split([s for s in sides if s.oui + s.non >= SOLID])
    if split is not None:
        return make(*split), True
    split = _split(sides)
    return (make(*split), False) if split is not None else None


def _pair(
    pair: Pair,
    checkpoints: Mapping[str, Checkpoint],
    ratings: Ratings,
    labels: Mapping[str, str],
    rank: Mapping[str, int],
) -> tuple[m.Ecart, bool] | None:
    """The disagreement of the two checkpoints of a pair (a question side is never rated)."""
    declared, observed = checkpoints.get(pair.declared), checkpoints.get(pair.observed)
    if declared is None or observed is None:
        return None
    sides = [
        _side(
            f"{labels.get(c.audience, c.audience)} ({c.id})",
            c.audience,
            None,
            _oui_non(ratings.get(c.id, [])),
        )
        for c in (declared, observed)
    ]
    criteria = _sorted_criteria([*declared.criteria, *observed.criteria], rank)
    return _weighed(
        sides,
        lambda high, low: _ecart("pairs", criteria, declared, high=high, low=low, related=observed.id),
    )


def _within(
    checkpoint: Checkpoint,
    rated: Sequence[tuple[Entry, m.Rated]],
    labels: Mapping[str, str],
    names: Mapping[str, str],
    rank: Mapping[str, int],
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
            _ecart(
                "within",
                _sorted_criteria(checkpoint.criteria, rank),
                checkpoint,
                audience=audience,
                sector=names.get(sector, sector) if sector else None,
                high=[s for s in sides if s.oui],
                low=[s for s in sides if s.non],
            )
        )
    return found


def _interview_side(entry: Entry, rating: m.Rated) -> m.Side:
    who = entry.who
    label = f"{who.code} · " + (f"{who.role} ({who.date})" if who.role else who.date)
    oui = int(rating.rating == "oui")
    return m.Side(label, who.audience, who.sector, oui, 1 - oui, float(oui), [rating])


def _rank(order: list[str], audience: str) -> tuple[int, str]:
    return (order.index(audience) if audience in order else len(order), audience)
