"""What the live interview shows: the question screen, checkpoint screen, list labels, summary.

Pure rendering on a rich console, no prompts. Every text that comes from a guide or from
notes goes through `console.escape`, so a note cannot drive the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitguide.bank.guide import EQUIVALENT_REFERENTIEL
from visitguide.console import escape
from visitguide.identifiers import Found
from visitguide.interview.session import PENDING, Item, Session
from visitguide.messages import t
from visitguide.text import clean

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from visitguide.bank.guide import Checkpoint

MARKS = {PENDING: "○", "answered": "✓", "skipped": "–", "revisit": "⚑"}
RATING_MARKS = {"oui": "oui", "non": "non", "na": "na "}


def status_label(status: str) -> str:
    return t(f"live.status.{status}")


def short(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    line = " ".join(clean(text).split())
    return line if len(line) <= width else line[: max(width - 1, 1)] + "…"


def label_width(console: Console) -> int:
    return max(console.width - 14, 30)


def question_label(session: Session, item: Item, width: int) -> str:
    """`✓ 3. Comment les professionnels… [3.6-06]` for the question list."""
    number = session.position(item.id) + 1
    tail = f" [{', '.join(item.criteria)}]" if item.criteria else ""
    added = " " + t("live.added_mark") if item.added else ""
    head = f"{MARKS[session.status(item.id)]} {number}. "
    return head + short(item.text, width - len(head) - len(tail) - len(added)) + added + tail


def checkpoint_label(session: Session, checkpoint: Checkpoint, width: int, section: bool = False) -> str:
    """`oui l'établissement réalise…` (its rating, or ○), with its section when asked."""
    rated = session.interview.checkpoints.get(checkpoint.id)
    mark = RATING_MARKS[rated.rating.value] if rated else "○  "
    text = f"{checkpoint.section} · {checkpoint.text}" if section else checkpoint.text
    return f"{mark} " + short(text, width - 4)


def progress_line(session: Session) -> str:
    counts = session.counts()
    answered, total = session.progress()
    return t(
        "live.progress",
        answered=answered,
        total=total,
        revisit=counts["revisit"],
        skipped=counts["skipped"],
    )


def criteria_lines(session: Session, criteria: tuple[str, ...] | list[str]) -> list[str]:
    """One line per criterion: code, title, and the 2025 equivalent where the guide has one
    (`EQUIVALENT_REFERENTIEL`)."""
    lines = []
    for code in criteria:
        criterion = session.guide.criterion(code)
        if criterion is None:
            lines.append(f"[bold]{escape(code)}[/]")
            continue
        line = f"[bold]{escape(code)}[/] {escape(criterion.title)}"
        equivalent = criterion.equivalent(EQUIVALENT_REFERENTIEL)
        if equivalent is not None:
            # The new title is shown only when it says something the old one does not.
            same = equivalent.title in (None, criterion.title)
            title = "" if same else f" {escape(equivalent.title or '')}"
            heading = t("live.equivalent", referentiel=EQUIVALENT_REFERENTIEL)
            line += f"\n[dim]{heading} {escape(equivalent.id)}{title}[/]"
        lines.append(line)
    return lines


def _sheet(text: str, rows: list[tuple[str, str]]) -> RenderableType:
    """The text in bold, then labelled rows whose long lines wrap under their own column."""
    from rich.console import Group
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(ratio=1)
    for label, content in rows:
        grid.add_row(label, content)
    return Group(f"[bold]{escape(text)}[/]", "", grid)


def _documents(evidence: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"• {escape(e)}" for e in evidence)


def show_question(console: Console, session: Session, item: Item) -> None:
    """The question screen: text, criteria, hint, documents, status and progress."""
    from rich.panel import Panel

    number, total = session.position(item.id) + 1, len(session.items())
    rows = [
        (
            t("live.criteria_heading"),
            "\n".join(criteria_lines(session, item.criteria)) or t("live.no_criteria"),
        )
    ]
    if item.hint:
        rows.append((t("live.hint_heading"), f"[italic]{escape(item.hint)}[/]"))
    if item.evidence:
        rows.append((t("live.evidence_heading"), _documents(item.evidence)))
    seen = session.evidence(item.id)
    if seen:
        shown = [
            e.document if e.state == "vu" else t("live.document_requested", document=e.document) for e in seen
        ]
        rows.append((t("live.seen_heading"), _documents(shown)))
    status = session.status(item.id)
    if status != PENDING:
        line = f"{MARKS[status]} {status_label(status)}"
        if session.notes(item.id):
            line += f" [dim]· {t('live.notes_below')}[/]"
        rows.append((t("live.status_heading"), line))
    title = t("live.question_title", number=number, total=total, id=escape(item.id))
    if item.added:
        title += " · " + t("live.added_mark")
    console.print()
    console.print(
        Panel(_sheet(item.text, rows), title=title, title_align="left", subtitle=progress_line(session))
    )


def show_checkpoint(console: Console, session: Session, checkpoint: Checkpoint) -> None:
    from rich.panel import Panel

    rows = [(t("live.criteria_heading"), "\n".join(criteria_lines(session, checkpoint.criteria)))]
    if checkpoint.hint:
        rows.append((t("live.hint_heading"), f"[italic]{escape(checkpoint.hint)}[/]"))
    if checkpoint.evidence:
        rows.append((t("live.evidence_heading"), _documents(checkpoint.evidence)))
    rated = session.interview.checkpoints.get(checkpoint.id)
    if rated is not None:
        rows.append((t("live.rated_heading"), rated.rating.value))
        if rated.comment:
            rows.append((t("live.comment_heading"), escape(rated.comment)))
    title = t("live.checkpoint_title", section=escape(checkpoint.section))
    console.print()
    console.print(Panel(_sheet(checkpoint.text, rows), title=title, title_align="left"))


def show_identifiers(console: Console, found: list[Found]) -> None:
    """A warning naming what looks like personal identifiers, masked."""
    listed = ", ".join(f"{t(f'live.kind.{f.kind}')} {f.masked}" for f in found)
    console.print(f"[bold yellow]{t('live.identifiers_warning', found=escape(listed))}[/]")


def show_summary(console: Console, session: Session) -> None:
    """Per criterion: answered, skipped, flagged, not asked, checkpoints rated."""
    from rich.table import Table

    table = Table(title=t("live.summary_title"), title_justify="left", show_lines=False)
    table.add_column(t("live.col_criterion"))
    for key in ("answered", "skipped", "revisit", "pending"):
        table.add_column(t(f"live.col_{key}"), justify="right")
    table.add_column(t("live.col_checkpoints"), justify="right")
    for row in session.summary():
        criterion = session.guide.criterion(row.criterion)
        title = f"{row.criterion} {criterion.title}" if criterion else row.criterion
        checkpoints = f"{row.checkpoints_rated}/{row.checkpoints_total}" if row.checkpoints_total else "—"
        table.add_row(
            escape(title),
            str(row.answered),
            str(row.skipped),
            str(row.revisit),
            str(row.pending),
            checkpoints,
        )
    console.print()
    console.print(table)
    console.print(progress_line(session))
    unlinked = [i for i in session.added_items() if not i.criteria]
    if unlinked:
        console.print(t("live.summary_unlinked", count=len(unlinked)))
    orphans = session.orphan_answers()
    if orphans:
        console.print(t("live.summary_orphans", count=len(orphans)))


def show_orphans(console: Console, session: Session) -> None:
    """Answers (and ratings) whose question is gone from the guide: kept, and shown in full."""
    orphans = session.orphan_answers()
    ratings = session.orphan_ratings()
    if not orphans and not ratings:
        return
    console.print(f"[bold yellow]{t('live.orphans_heading', count=len(orphans) + len(ratings))}[/]")
    for qid, answer in orphans.items():
        console.print(f"  • {escape(qid)} ({status_label(answer.status.value)})")
        if answer.notes:
            console.print("    " + escape(answer.notes).replace("\n", "\n    "))
    for cid, rating in ratings.items():
        comment = f" : {escape(rating.comment)}" if rating.comment else ""
        console.print(f"  • {escape(cid)} ({rating.rating.value}){comment}")


def show_overview(console: Console, session: Session) -> None:
    """Every question with its mark and the start of its notes: where things stand."""
    width = label_width(console)
    for item in session.items():
        label = question_label(session, item, width // 2)
        notes = session.notes(item.id)
        excerpt = f"  [dim]« {escape(short(notes, width // 2 - 4))} »[/]" if notes else ""
        console.print(f"  {escape(label)}{excerpt}", soft_wrap=True)
