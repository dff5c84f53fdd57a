"""Browsing banks: the `guides`, `questions` and `criteria` views."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TypedDict

from visitguide import text as textsearch
from visitguide.bank import loader as bank
from visitguide.bank.guide import EQUIVALENT_REFERENTIEL
from visitguide.bank.loader import Guide
from visitguide.console import escape, out, plain
from visitguide.errors import UsageError
from visitguide.messages import t
from visitguide.text import json_rows


def load_all(banks: Sequence[Path]) -> list[Guide]:
    sources = bank.discover(banks)
    return [bank.load_guide(sources[gid]) for gid in sorted(sources)]


def selected_guides(guide_id: str | None, banks: Sequence[Path]) -> list[Guide]:
    """One guide when `guide_id` is given, else every guide found."""
    if guide_id is not None:
        return [bank.resolve(guide_id, banks)]
    return load_all(banks)


def show_guides(banks: Sequence[Path]) -> None:
    from rich.table import Table

    table = Table(title=t("guides.title"), show_lines=True)
    table.add_column(t("col.guide"), overflow="fold")
    table.add_column(t("col.title"), ratio=2)
    table.add_column(t("col.version"), no_wrap=True)
    table.add_column(t("col.audiences"), no_wrap=True)
    table.add_column(t("col.checkpoints"), justify="right")
    table.add_column(t("col.folder"), overflow="fold", ratio=1)
    for guide in load_all(banks):
        audiences = "\n".join(f"{a.id} ({len(guide.questions_for(a.id))})" for a in guide.audiences)
        folder = t("bundled") if guide.source.bundled else str(guide.source.folder)
        table.add_row(
            escape(guide.id),
            escape(guide.meta.title),
            escape(guide.meta.version),
            escape(audiences),
            str(len(guide.meta.checkpoints)),
            escape(folder),
        )
    out().print(table)


class QuestionRow(TypedDict):
    """One row of the listing; `--format json` prints these as they are (CONTRACT.md §4)."""

    guide: str
    audience: str
    id: str
    text: str
    criteria: list[str]


def find_questions(
    guides: Sequence[Guide], audience: str | None, criterion: str | None, search: str | None
) -> list[QuestionRow]:
    _check_filters(guides, audience, criterion)
    rows: list[QuestionRow] = []
    for guide in guides:
        for aud, q in guide.all_questions():
            if audience is not None and aud != audience:
                continue
            if criterion is not None and criterion not in q.criteria:
                continue
            if search and not textsearch.matches(search, q.id, q.text, q.hint, *q.evidence):
                continue
            rows.append(QuestionRow(guide=guide.id, audience=aud, id=q.id, text=q.text, criteria=q.criteria))
    return rows


def _check_filters(guides: Sequence[Guide], audience: str | None, criterion: str | None) -> None:
    if audience is not None:
        known = sorted({a.id for g in guides for a in g.audiences})
        if audience not in known:
            raise UsageError(bank.unknown_id_message("audience.unknown", audience, known))
    if criterion is not None:
        known = sorted({c.id for g in guides for c in g.meta.criteria})
        if criterion not in known:
            raise UsageError(bank.unknown_id_message("criterion.unknown", criterion, known))


def show_questions(rows: list[QuestionRow], fmt: str) -> None:
    if fmt == "json":
        plain(json_rows(rows))
        return
    from rich.table import Table

    if not rows:
        out().print(t("questions.none"))
        return
    table = Table(show_lines=True, caption=t("questions.count", count=len(rows)))
    several = len({r["guide"] for r in rows}) > 1
    if several:
        table.add_column(t("col.guide"))
    table.add_column(t("col.audience"))
    table.add_column(t("col.id"), overflow="fold")
    table.add_column(t("col.criteria"), no_wrap=True)
    table.add_column(t("col.question"), ratio=1)
    for r in rows:
        cells = [escape(r["audience"]), escape(r["id"]), escape("\n".join(r["criteria"])), escape(r["text"])]
        table.add_row(*([escape(r["guide"])] if several else []), *cells)
    out().print(table)


def show_criteria(guides: Sequence[Guide]) -> None:
    from rich.table import Table

    ref = EQUIVALENT_REFERENTIEL
    for guide in guides:
        table = Table(
            title=escape(t("criteria.title", title=guide.meta.title, ref=guide.meta.referentiel)),
            caption=t("criteria.legend", ref=ref),
            show_lines=True,
        )
        table.add_column(t("col.criterion"), no_wrap=True)
        table.add_column(t("col.equivalent", ref=ref), no_wrap=True)
        table.add_column(t("col.title"), ratio=1)
        for a in guide.audiences:
            table.add_column(escape(a.id), justify="center")
        table.add_column(t("col.total"), justify="center")
        for c in guide.meta.criteria:
            equivalent = c.equivalent(ref)
            counts = [criterion_counts(guide, c.id, a.id) for a in guide.audiences]
            total = (sum(q for q, _ in counts), sum(p for _, p in counts))
            table.add_row(
                escape(c.id),
                escape(equivalent.id) if equivalent else "—",
                escape(c.title),
                *(f"{q} / {p}" for q, p in counts),
                f"{total[0]} / {total[1]}",
            )
        out().print(table)


def criterion_counts(guide: Guide, criterion: str, audience: str) -> tuple[int, int]:
    """How many questions and checkpoints of `audience` cite `criterion`."""
    questions = sum(criterion in q.criteria for q in guide.questions_for(audience))
    checkpoints = sum(criterion in c.criteria for c in guide.checkpoints_for(audience))
    return questions, checkpoints
