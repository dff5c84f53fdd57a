"""The synthesis of a criterion, ready to paste into the visit report.

A few statements, each traced to the interviews it rests on (their codes): what each audience
says, sector by sector (ratings by checkpoint, how many rest on more than what was said), what
was verified (documents seen, ratings on an observation or a document), the écarts and the
differences to confirm, the governance <-> terrain pairs, and what is left to do (questions to
revisit, documents awaited or never asked for, questions and checkpoints never put). Pure
functions over the model; the words come from the message catalog.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from visitguide.messages import t
from visitguide.report import display as view
from visitguide.report import visit as m
from visitguide.report.ecarts import HIGH, LOW, share
from visitguide.report.pairs import code_number

Place = tuple[str, str | None]


@dataclass(frozen=True)
class Statement:
    label: str
    text: str
    codes: list[str]

    def line(self) -> str:
        """The statement as one line of plain text: "Label : text [E1, E3]"."""
        traced = f" [{', '.join(self.codes)}]" if self.codes else ""
        return f"{self.label} : {self.text}{traced}"


def _codes(whos: Iterable[m.Who]) -> list[str]:
    return sorted({w.code for w in whos}, key=code_number)


def statements(visit: m.Visit, c: m.CriterionView) -> list[Statement]:
    """The synthesis of criterion `c`, statement by statement."""
    found = [*_places(visit, c), _verified(c)]
    differences = view.by_id(visit)
    titles, labels = view.criterion_titles(visit), view.audience_labels(visit)
    for ids, label in ((c.ecart_ids, t("report.ecarts_here")), (c.to_confirm, t("report.to_confirm"))):
        for e in (differences[i] for i in ids):
            whos = [r.who for s in (*e.high, *e.low) for r in s.ratings]
            title = view.ecart_title(e, titles, labels)
            text = f"{t('report.kind.' + e.kind)} — {title} : {view.ecart_detail(e)}"
            found.append(Statement(label, text, _codes(whos)))
    pairs = [p for p in c.pairs if p.declared.codes or p.observed.codes]
    if pairs:
        parts = [f"{p.declared.id} ↔ {p.observed.id} : {view.verdict(p.verdict)}" for p in pairs]
        codes = sorted({x for p in pairs for x in (*p.declared.codes, *p.observed.codes)}, key=code_number)
        found.append(Statement(t("synth.pairs"), " ; ".join(parts), codes))
    found.extend(_left(visit, c))
    return found


def _places(visit: m.Visit, c: m.CriterionView) -> list[Statement]:
    """One statement per audience and sector that rated or answered something of `c`."""
    ratings: dict[Place, list[m.Rated]] = defaultdict(list)
    for k in c.checkpoints:
        for r in k.ratings:
            ratings[(r.who.audience, r.who.sector)].append(r)
    notes: dict[Place, list[m.Note]] = defaultdict(list)
    for g in c.groups:
        for q in g.questions:
            notes[(g.audience, g.sector)].extend(n for n in q.notes if n.status in ("answered", "revisit"))
    rank = {a.id: i for i, a in enumerate(visit.audiences)}
    places = sorted(
        set(ratings) | set(notes), key=lambda p: (rank.get(p[0], len(rank)), p[1] is not None, p[1] or "")
    )
    labels = view.audience_labels(visit)
    found = []
    for place in places:
        label = labels.get(place[0], place[0]) + (f" — {place[1]}" if place[1] else "")
        parts = _rating_parts(ratings[place])
        if notes[place]:
            parts.append(t("synth.answers", count=len(notes[place])))
        text = " ; ".join(parts) or t("synth.nothing")
        whos = [r.who for r in ratings[place]] + [n.who for n in notes[place]]
        found.append(Statement(label, text, _codes(whos)))
    return found


def _rating_parts(rated: list[m.Rated]) -> list[str]:
    """ "oui : a, b (2/3) ; non : c ; dont 1 cotation vérifiée", for one place."""
    by_checkpoint: dict[str, list[m.Rated]] = defaultdict(list)
    for r in rated:
        by_checkpoint[r.checkpoint].append(r)
    buckets: dict[str, list[str]] = {"oui": [], "non": [], "split": [], "na": []}
    for checkpoint, rs in by_checkpoint.items():
        oui, non = sum(r.rating == "oui" for r in rs), sum(r.rating == "non" for r in rs)
        value = share(oui, non)
        bucket = "na" if value is None else "oui" if value >= HIGH else "non" if value <= LOW else "split"
        buckets[bucket].append(checkpoint if oui + non <= 1 else f"{checkpoint} ({oui}/{oui + non})")
    parts = [t(f"synth.{k}", items=", ".join(v)) for k, v in buckets.items() if v]
    if rated:
        verified = sum(r.basis != "entretien" for r in rated)
        parts.append(t("synth.some_verified", count=verified) if verified else t("synth.declared_only"))
    return parts


def _verified(c: m.CriterionView) -> Statement:
    """Documents seen, and the ratings resting on an observation or a document, by checkpoint."""
    docs = [d for d in c.documents if d.seen]
    parts = []
    if docs:
        parts.append(t("synth.docs_seen", items="; ".join(f"{d.text} ({view.codes(d.seen)})" for d in docs)))
    observed = []
    whos = [w for d in docs for w in d.seen]
    for k in c.checkpoints:
        rated = [r for r in k.ratings if r.basis != "entretien"]
        if rated:
            counts = ", ".join(
                f"{n} {value}"
                for value in ("oui", "non", "na")
                if (n := sum(r.rating == value for r in rated))
            )
            bases = ", ".join(sorted({r.basis for r in rated}))  # observation, document: the same in English
            observed.append(f"{k.id} : {counts} ({bases})")
            whos += [r.who for r in rated]
    if observed:
        parts.append(t("synth.observed", items="; ".join(observed)))
    return Statement(t("synth.verified"), " ; ".join(parts) or t("synth.nothing_verified"), _codes(whos))


def _left(visit: m.Visit, c: m.CriterionView) -> list[Statement]:
    """What is left: questions to revisit, documents awaited or to ask for, what was never put."""
    label = t("synth.left")
    found = []
    revisit = [f for f in visit.coverage.revisit if c.id in f.criteria]
    if revisit:
        items = "; ".join(f"{f.question} « {view.truncate(f.text, 70)} » ({f.who.code})" for f in revisit)
        found.append(Statement(label, t("synth.revisit", items=items), _codes(f.who for f in revisit)))
    awaited = [d for d in c.documents if d.state == "demande"]
    if awaited:
        items = "; ".join(f"{d.text} ({view.codes(d.asked)})" for d in awaited)
        found.append(
            Statement(label, t("synth.awaited", items=items), _codes(w for d in awaited for w in d.asked))
        )
    to_ask = [d.text for d in c.documents if d.state == "a_demander"]
    if to_ask:
        found.append(Statement(label, t("synth.to_ask", items="; ".join(to_ask)), []))
    for p in visit.coverage.pending:
        if p.by_sector:
            continue
        questions = [q.id for q in p.questions if c.id in q.criteria]
        checkpoints = [k.id for k in p.checkpoints if c.id in k.criteria]
        if questions:
            text = t("synth.never_asked", audience=p.audience_label, items=", ".join(questions))
            found.append(Statement(label, text, []))
        if checkpoints:
            text = t("synth.never_rated", audience=p.audience_label, items=", ".join(checkpoints))
            found.append(Statement(label, text, []))
    return found or [Statement(label, t("synth.nothing_left"), [])]
