"""`visitguide status`: the visit's coverage at a glance, in the terminal.

Compute, then show: `findings` reads the visit with the same consolidation as the report
(`report.inputs`, `report.build`) and returns what status reports, as data usable from
Python; `show` renders it: a coloured criterion × audience table (questions asked / total,
checkpoints rated / total, share of "oui", écarts), then what is still to ask and of whom,
by audience and by sector, the questions to revisit (by their ids, unique across the visit,
and the interview's code) and the documents awaited. Every text from the files goes through
`console.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide.console import escape, out
from visitguide.messages import t
from visitguide.report import build, inputs
from visitguide.report.display import pct, truncate
from visitguide.report.pairs import code_number

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from visitguide.report import visit as m

SHORT_TEXT = 55


@dataclass(frozen=True)
class Row:
    """One criterion of the matrix: a cell per audience, and its écarts."""

    criterion: str
    title: str
    cells: list[m.Cell]
    ecarts: int


@dataclass(frozen=True)
class Findings:
    """What `status` reports about a visit."""

    where: str
    interviews: int
    first_date: str | None
    last_date: str | None
    audiences: list[tuple[str, int]]
    """(audience id, interviews), in the guide's order."""
    rows: list[Row]
    """Criteria with a question or a checkpoint for some audience."""
    empty_criteria: list[str]
    pending: list[m.Pending]
    revisit: list[m.Flagged]
    skipped: int
    added: int
    ecarts: int
    to_confirm: int
    awaited: list[tuple[str, str, list[str]]]
    """Documents asked for and not seen: (audience label, document, interview codes)."""
    unlinked: list[tuple[str, int, int, int]] = field(default_factory=list)
    """Checkpoints citing no criterion (imported fiches), by section: (section, rated, total,
    écarts)."""


def findings(paths: Sequence[Path], guide: str | None, banks: Sequence[Path]) -> Findings:
    """The coverage of the visit under `paths`, computed, not shown."""
    return of_visit(build.build(inputs.load(paths, guide, banks)))


def of_visit(visit: m.Visit) -> Findings:
    """The findings of a consolidated visit."""
    h = visit.header
    counts = {a.audience: a.interviews for a in h.audiences}
    rows = [
        Row(r.criterion, r.title, r.cells, sum(1 for e in visit.ecarts if r.criterion in e.criteria))
        for r in visit.matrix
        if not _empty(r)
    ]
    cov = visit.coverage
    awaited = [
        (g.audience_label, d.text, sorted({w.code for w in d.asked}, key=code_number))
        for g in visit.documents_to_request
        for d in g.documents
        if d.asked
    ]
    return Findings(
        where=", ".join(h.establishments) or h.guide.title,
        interviews=h.interviews,
        first_date=h.first_date,
        last_date=h.last_date,
        audiences=[(a.id, counts.get(a.id, 0)) for a in visit.audiences],
        rows=rows,
        empty_criteria=[r.criterion for r in visit.matrix if _empty(r)],
        pending=cov.pending,
        revisit=cov.revisit,
        skipped=len(cov.skipped),
        added=len(cov.added),
        ecarts=len(visit.ecarts),
        to_confirm=len(visit.to_confirm),
        awaited=awaited,
        unlinked=[
            (
                s.section,
                sum(1 for c in s.checkpoints if c.ratings),
                len(s.checkpoints),
                len({e for c in s.checkpoints for e in c.ecarts}),
            )
            for s in visit.unlinked
        ],
    )


def run(paths: Sequence[Path], guide: str | None, banks: Sequence[Path]) -> int:
    """Show the coverage of the visit under `paths`; the exit code."""
    show(findings(paths, guide, banks), out())
    return 0


def show(found: Findings, console: Console) -> None:
    """Render the findings in the terminal."""
    console.print(rich_text(_title(found)))
    console.print(matrix(found))
    if found.unlinked:
        console.print(rich_text("[bold]" + escape(t("status.unlinked_title")) + "[/]"))
        for section, rated, total, ecarts in found.unlinked:
            line = "  " + escape(t("status.unlinked", section=section, rated=rated, total=total))
            console.print(rich_text(line + (f" [bold red]⚠ {ecarts}[/]" if ecarts else "")))
    console.print(rich_text(f"[dim]{escape(t('status.legend'))}[/]"))
    for line in left_to_ask(found, console.width):
        console.print(rich_text(line))


def rich_text(markup: str) -> Text:
    """Our markup as rich text, without emoji codes: a note's ":100:" stays ":100:"."""
    from rich.text import Text

    return Text.from_markup(markup, emoji=False)


def _title(found: Findings) -> str:
    first, last = found.first_date, found.last_date
    dates = first if first == last else f"{first} → {last}"
    return (
        "[bold]"
        + escape(t("status.title", where=found.where, count=found.interviews, dates=dates or "—"))
        + "[/]"
    )


def _style(share: float | None) -> str:
    if share is None:
        return "dim"
    if share >= 2 / 3:
        return "green"
    return "yellow" if share > 1 / 3 else "red"


def _cell(cell: m.Cell) -> str:
    """Two short lines: coverage, then the share of "oui" (coloured) and the écarts."""
    if not (cell.questions_total or cell.checkpoints_total):
        return "[dim]—[/]"
    parts = []
    if cell.questions_total:
        parts.append(t("status.cell.questions", asked=cell.questions_asked, total=cell.questions_total))
    if cell.checkpoints_total:
        parts.append(t("status.cell.checkpoints", rated=cell.checkpoints_rated, total=cell.checkpoints_total))
    text = escape(" · ".join(parts))
    if cell.checkpoints_total and cell.share is not None:  # nothing rated: no share to show
        text += f"\n[{_style(cell.share)}]{escape(t('status.cell.share', pct=pct(cell.share)))}[/]"
    if cell.ecarts:
        text += f" [bold red]⚠ {cell.ecarts}[/]"
    return text


def _empty(row: m.MatrixRow) -> bool:
    return all(not (c.questions_total or c.checkpoints_total) for c in row.cells)


def matrix(found: Findings) -> Table:
    """Criteria down, audiences across, coverage and ratings in each cell."""
    from rich.table import Table

    table = Table(show_lines=True, title=rich_text(escape(t("status.matrix_title"))), title_justify="left")
    table.add_column(rich_text(escape(t("status.col.criterion"))), ratio=1, min_width=12)
    for audience, count in found.audiences:
        table.add_column(rich_text(escape(f"{audience} ({count})")))
    table.add_column(rich_text(escape(t("status.col.ecarts"))), justify="right")
    for row in found.rows:
        label = f"[bold]{escape(row.criterion)}[/]\n[dim]{escape(row.title)}[/]"  # wraps: the width is used
        ecarts = f"[bold red]{row.ecarts}[/]" if row.ecarts else "[dim]0[/]"
        cells = [label, *(_cell(c) for c in row.cells), ecarts]
        table.add_row(*(rich_text(cell) for cell in cells))
    if found.empty_criteria:
        table.caption = rich_text(escape(t("status.empty_criteria", ids=", ".join(found.empty_criteria))))
        table.caption_justify = "left"
    return table


def left_to_ask(found: Findings, width: int = 80) -> list[str]:
    """Lines of rich markup: what each audience (and sector) has not been asked yet (question
    texts cut to one line of `width`), the questions to revisit and the documents awaited."""
    lines = ["", "[bold]" + escape(t("status.left_title")) + "[/]"]
    for pending in found.pending:
        lines.extend(_pending_lines(pending, width))
    lines.append("")
    counts = t(
        "status.counts",
        revisit=len(found.revisit),
        skipped=found.skipped,
        added=found.added,
        ecarts=found.ecarts,
        to_confirm=found.to_confirm,
    )
    lines.append(escape(counts))
    for flagged in found.revisit:
        w = flagged.who
        who = ", ".join(part for part in (w.code, w.role, w.sector) if part)
        lines.append("  " + escape(t("status.revisit_line", question=flagged.question, who=who)))
    if found.awaited:
        lines.append(escape(t("status.awaited", count=len(found.awaited))))
        for audience, document, codes in found.awaited:
            lines.append(
                "  "
                + escape(
                    t("status.awaited_line", document=document, audience=audience, codes=", ".join(codes))
                )
            )
    return lines


def _pending_lines(p: m.Pending, width: int = 80) -> list[str]:
    if p.by_sector:
        head = "  " + escape(
            t("status.sector_head", sector=p.sector or t("report.no_sector"), count=p.interviews)
        )
    else:
        head = (
            "[bold]"
            + escape(t("status.audience_head", audience=p.audience_label, count=p.interviews))
            + "[/]"
        )
    if not p.questions and not p.checkpoints:
        return [f"{head} [green]{escape(t('status.all_asked'))}[/]"]
    todo = []
    if p.questions:
        todo.append(t("status.questions_left", count=len(p.questions)))
    if p.checkpoints:
        todo.append(t("status.checkpoints_to_rate", count=len(p.checkpoints)))
    lines = [f"{head} [yellow]{escape(', '.join(todo))}[/]"]
    if p.by_sector:  # in a sector, ids are enough: the texts are listed for the audience
        if p.questions:
            lines.append("    [cyan]" + escape(", ".join(q.id for q in p.questions)) + "[/]")
    else:
        for q in p.questions:
            room = max(width - len(q.id) - 6, SHORT_TEXT)
            lines.append(f"  • [cyan]{escape(q.id)}[/] [dim]{escape(truncate(q.text, room))}[/]")
    if p.checkpoints:
        ids = ", ".join(c.id for c in p.checkpoints)
        indent = "    " if p.by_sector else "  "
        lines.append(f"{indent}[dim]{escape(t('status.checkpoints_left', ids=ids))}[/]")
    return lines
