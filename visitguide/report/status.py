"""`visitguide status`: the visit's coverage at a glance, in the terminal.

The same consolidation as the report (`report.inputs`, `report.build`), shown as a coloured
criterion × audience table (questions asked / total, checkpoints rated / total, share of
"oui", écarts), then what is still to ask and of whom, by audience and by sector, so that
the visitor can plan the next interviews. Every text from the files goes through
`console.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide.console import escape, out
from visitguide.messages import t
from visitguide.report.display import pct, truncate

if TYPE_CHECKING:
    from rich.table import Table
    from rich.text import Text

    from visitguide.report import visit as m

SHORT_TEXT = 55


def run(paths: Sequence[Path], guide: str | None, banks: Sequence[Path]) -> int:
    """Show the coverage of the visit under `paths`; the exit code."""
    from visitguide.report import build, inputs

    visit = build.build(inputs.load(paths, guide, banks))
    console = out()
    console.print(rich_text(_title(visit)))
    console.print(matrix(visit))
    console.print(rich_text(f"[dim]{escape(t('status.legend'))}[/]"))
    for line in left_to_ask(visit, console.width):
        console.print(rich_text(line))
    return 0


def rich_text(markup: str) -> Text:
    """Our markup as rich text, without emoji codes: a note's ":100:" stays ":100:"."""
    from rich.text import Text

    return Text.from_markup(markup, emoji=False)


def _title(visit: m.Visit) -> str:
    h = visit.header
    where = ", ".join(h.establishments) or h.guide.title
    dates = h.first_date if h.first_date == h.last_date else f"{h.first_date} → {h.last_date}"
    return "[bold]" + escape(t("status.title", where=where, count=h.interviews, dates=dates or "—")) + "[/]"


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


def matrix(visit: m.Visit) -> Table:
    """Criteria down, audiences across, coverage and ratings in each cell."""
    from rich.table import Table

    table = Table(show_lines=True, title=rich_text(escape(t("status.matrix_title"))), title_justify="left")
    table.add_column(rich_text(escape(t("status.col.criterion"))), ratio=1, min_width=20)
    for audience in visit.audiences:
        count = next((a.interviews for a in visit.header.audiences if a.audience == audience.id), 0)
        table.add_column(rich_text(escape(f"{audience.id} ({count})")), min_width=14)
    table.add_column(rich_text(escape(t("status.col.ecarts"))), justify="right")
    for row in visit.matrix:
        if _empty(row):
            continue
        label = f"[bold]{escape(row.criterion)}[/]\n[dim]{escape(row.title)}[/]"  # wraps: the width is used
        ecarts = sum(1 for e in visit.ecarts if row.criterion in e.criteria)
        cells = [label, *(_cell(c) for c in row.cells), f"[bold red]{ecarts}[/]" if ecarts else "[dim]0[/]"]
        table.add_row(*(rich_text(cell) for cell in cells))
    empty = [row.criterion for row in visit.matrix if _empty(row)]
    if empty:
        table.caption = rich_text(escape(t("status.empty_criteria", ids=", ".join(empty))))
        table.caption_justify = "left"
    return table


def left_to_ask(visit: m.Visit, width: int = 80) -> list[str]:
    """Lines of rich markup: what each audience (and sector) has not been asked yet; question
    texts cut to one line of `width`."""
    lines = ["", "[bold]" + escape(t("status.left_title")) + "[/]"]
    for pending in visit.coverage.pending:
        lines.extend(_pending_lines(pending, width))
    cov = visit.coverage
    lines.append("")
    lines.append(
        escape(
            t(
                "status.counts",
                revisit=len(cov.revisit),
                skipped=len(cov.skipped),
                added=len(cov.added),
                ecarts=len(visit.ecarts),
            )
        )
    )
    for flagged in cov.revisit:
        who = f"{flagged.who.role}, {flagged.who.sector}" if flagged.who.sector else flagged.who.role
        lines.append("  " + escape(t("status.revisit_line", question=flagged.question, who=who or "—")))
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
