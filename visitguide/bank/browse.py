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
    """One row per guide: its id, title and version together (the title wraps by words in the
    room the counts leave it, at 80 columns too), its audiences, checkpoints and folder."""
    from rich.table import Table

    table = Table(title=t("guides.title"), show_lines=True)
    table.add_column(t("col.guide"), ratio=2, min_width=24)
    table.add_column(t("col.audiences"), no_wrap=True)
    table.add_column(t("col.checkpoints"), justify="right", no_wrap=True)
    table.add_column(t("col.folder"), overflow="fold", ratio=1)
    for guide in load_all(banks):
        audiences = "\n".join(f"{a.id} ({len(guide.questions_for(a.id))})" for a in guide.audiences)
        folder = t("bundled") if guide.source.bundled else str(guide.source.folder)
        version = t("guides.version", version=guide.meta.version)
        table.add_row(
            f"[bold]{escape(guide.id)}[/]\n{escape(guide.meta.title)}\n[dim]{escape(version)}[/]",
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
    """Criteria × audiences: how many questions (Q) and checkpoints (PV) each.

    A table when the terminal leaves the titles room to wrap by words; on a narrow one (80
    columns, or piped), one block per criterion instead, its counts on the line below.
    """
    console = out()
    ref = EQUIVALENT_REFERENTIEL
    for guide in guides:
        title = escape(t("criteria.title", title=guide.meta.title, ref=guide.meta.referentiel))
        rows = [_criterion_row(guide, c.id) for c in guide.meta.criteria]
        fixed = 12 + sum(max(len(a.id), 11) + 3 for a in guide.audiences) + 14 + 4
        if console.width - fixed >= CRITERIA_TITLE_ROOM:
            console.print(_criteria_table(guide, rows, title))
        else:
            console.print(f"[bold]{title}[/]")
            for row in rows:
                console.print(_criterion_block(guide, row), soft_wrap=False)
        console.print(f"[dim]{escape(t('criteria.legend', ref=ref))}[/]")


CRITERIA_TITLE_ROOM = 30
"""Columns a criterion title needs in the table; with less, the titles go on their own line."""


def _criterion_row(guide: Guide, code: str) -> tuple[str, str, list[str], str]:
    """The code, its equivalent, one cell per audience and the total, in one notation."""
    counts = [criterion_counts(guide, code, a.id) for a in guide.audiences]
    total = (sum(q for q, _ in counts), sum(p for _, p in counts))
    criterion = guide.criterion(code)
    equivalent = criterion.equivalent(EQUIVALENT_REFERENTIEL) if criterion else None
    return code, equivalent.id if equivalent else "", [_counts(q, p) for q, p in counts], _counts(*total)


def _counts(questions: int, checkpoints: int) -> str:
    """`Q 2 · PV 5`; a count of zero is left out, nothing at all is a dash."""
    parts = []
    if questions:
        parts.append(t("criteria.cell.questions", count=questions))
    if checkpoints:
        parts.append(t("criteria.cell.checkpoints", count=checkpoints))
    return " · ".join(parts) or "—"


def _criteria_table(guide: Guide, rows: list[tuple[str, str, list[str], str]], title: str) -> object:
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    table.add_column(t("col.criterion"), no_wrap=True)
    table.add_column(EQUIVALENT_REFERENTIEL, no_wrap=True)
    table.add_column(t("col.title"), ratio=1, min_width=CRITERIA_TITLE_ROOM)
    for a in guide.audiences:
        table.add_column(escape(a.id), justify="center", no_wrap=True)
    table.add_column(t("col.total"), justify="center", no_wrap=True)
    for code, equivalent, cells, total in rows:
        criterion = guide.criterion(code)
        table.add_row(
            escape(code),
            escape(equivalent) or "—",
            escape(criterion.title if criterion else ""),
            *(escape(c) for c in cells),
            escape(total),
        )
    return table


def _criterion_block(guide: Guide, row: tuple[str, str, list[str], str]) -> str:
    code, equivalent, cells, total = row
    criterion = guide.criterion(code)
    head = f"[bold]{escape(code)}[/]"
    if equivalent:
        head += f" [dim]({escape(EQUIVALENT_REFERENTIEL)} : {escape(equivalent)})[/]"
    head += " " + escape(criterion.title if criterion else "")
    counts = [f"{escape(a.id)} {escape(c)}" for a, c in zip(guide.audiences, cells, strict=True) if c != "—"]
    counts.append(f"{escape(t('col.total'))} {escape(total)}")
    return head + "\n    " + " · ".join(counts) + "\n"


def criterion_counts(guide: Guide, criterion: str, audience: str) -> tuple[int, int]:
    """How many questions and checkpoints of `audience` cite `criterion`."""
    questions = sum(criterion in q.criteria for q in guide.questions_for(audience))
    checkpoints = sum(criterion in c.criteria for c in guide.checkpoints_for(audience))
    return questions, checkpoints
