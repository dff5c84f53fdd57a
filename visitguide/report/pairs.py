"""Governance <-> terrain pairs of the guide, set side by side with the visit's ratings.

A pair's verdict: `disagree` when its two checkpoints make an écart (one mostly "oui", the
other mostly "non", see `ecarts`), `to_confirm` when they would but one side rests on a single
rating, `agree` when both lean the same way, `mixed` when a side leans neither way, and
`not_rated` when a checkpoint side has no "oui"/"non" rating yet, and `not_comparable` when a
side is a question (notes, not ratings: the reader compares them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from visitguide.report import ecarts as ecarts_mod
from visitguide.report import visit as m

if TYPE_CHECKING:
    from visitguide.bank.loader import Guide
    from visitguide.report.ecarts import Entry, Ratings

    Notes = Mapping[str, Sequence[tuple[Entry, m.Note]]]

ASKED = ("answered", "revisit")


def views(
    guide: Guide, ratings: Ratings, notes: Notes, labels: Mapping[str, str], differences: Sequence[m.Ecart]
) -> list[m.PairView]:
    """Every pair of the guide, its two sides and its verdict."""
    by_pair = {(e.checkpoint, e.related): e for e in differences if e.kind == "pairs"}
    rank = {c.id: i for i, c in enumerate(guide.meta.criteria)}
    found = []
    for pair in guide.meta.pairs:
        declared = _side(guide, pair.declared, ratings, notes, labels)
        observed = _side(guide, pair.observed, ratings, notes, labels)
        if declared is None or observed is None:
            continue
        criteria = _criteria(guide, pair.declared) + _criteria(guide, pair.observed)
        criteria = sorted(dict.fromkeys(criteria), key=lambda c: rank.get(c, len(rank)))
        ecart = by_pair.get((pair.declared, pair.observed))
        found.append(
            m.PairView(
                declared,
                observed,
                pair.source,
                criteria,
                _verdict(declared, observed, ecart),
                ecart.id if ecart else None,
            )
        )
    return found


def _verdict(declared: m.PairSide, observed: m.PairSide, ecart: m.Ecart | None) -> m.PairVerdict:
    if ecart is not None:
        return "disagree" if ecart.id.startswith("ecart") else "to_confirm"
    if "question" in (declared.kind, observed.kind):
        return "not_comparable"
    if declared.share is None or observed.share is None:
        return "not_rated"
    leanings = {_leaning(declared.share), _leaning(observed.share)}
    return "agree" if len(leanings) == 1 and None not in leanings else "mixed"


def _leaning(share: float) -> str | None:
    return "oui" if share >= ecarts_mod.HIGH else "non" if share <= ecarts_mod.LOW else None


def _criteria(guide: Guide, item: str) -> list[str]:
    checkpoint = next((c for c in guide.meta.checkpoints if c.id == item), None)
    if checkpoint is not None:
        return list(checkpoint.criteria)
    found = guide.find_question(item)
    return list(found[1].criteria) if found else []


def _side(
    guide: Guide, item: str, ratings: Ratings, notes: Notes, labels: Mapping[str, str]
) -> m.PairSide | None:
    checkpoint = next((c for c in guide.meta.checkpoints if c.id == item), None)
    if checkpoint is not None:
        rated = [r for _, r in ratings.get(item, [])]
        counts = {k: sum(r.rating == k for r in rated) for k in ("oui", "non", "na")}
        return m.PairSide(
            "checkpoint",
            item,
            checkpoint.text,
            checkpoint.audience,
            labels.get(checkpoint.audience, checkpoint.audience),
            counts["oui"],
            counts["non"],
            counts["na"],
            ecarts_mod.share(counts["oui"], counts["non"]),
            0,
            _codes(r.who for r in rated),
        )
    found = guide.find_question(item)
    if found is None:
        return None
    audience, question = found
    answered = [n for _, n in notes.get(item, []) if n.status in ASKED]
    return m.PairSide(
        "question",
        item,
        question.text,
        audience,
        labels.get(audience, audience),
        0,
        0,
        0,
        None,
        len(answered),
        _codes(n.who for n in answered),
    )


def _codes(whos: Iterable[m.Who]) -> list[str]:
    """Interview codes once each, in their order (E2 before E10)."""
    return sorted({w.code for w in whos}, key=code_number)


def code_number(code: str) -> int:
    return int(code[1:]) if code[1:].isdigit() else 0
