"""What the live interview shows: the question screen, checkpoint screen, list labels, summary.

Pure rendering on a rich console, no prompts. Every text that comes from a guide or from
notes goes through `console.escape`, so a note cannot drive the terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from visitguide.bank import provenance
from visitguide.bank.guide import EQUIVALENT_REFERENTIEL
from visitguide.console import escape
from visitguide.identifiers import Found
from visitguide.interview.session import PENDING, Item, Session
from visitguide.messages import t
from visitguide.text import clean

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from visitguide.bank.guide import Checkpoint, GuideMeta, Question

MARKS = {PENDING: "○", "answered": "✓", "skipped": "–", "revisit": "⚑"}
RATING_MARKS = {"oui": "oui", "non": "non", "na": "na "}


def status_label(status: str) -> str:
    return t(f"live.status.{status}")


def short(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    line = " ".join(clean(text).split())
    return line if len(line) <= width else line[: max(width - 1, 1)] + "…"


def label_width(console: Console) -> int:
    """Room for an option's label in a list: the pointer and a key go before it."""
    return max(console.width - 8, 30)


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


def short_progress(session: Session) -> str:
    """`répondues 2/6 · à revoir 1`: the progress line without its zeros (a panel's border)."""
    counts = session.counts()
    answered, total = session.progress()
    parts = [t("live.progress_short", answered=answered, total=total)]
    for status in ("revisit", "skipped"):
        if counts[status]:
            parts.append(t(f"live.progress_{status}", count=counts[status]))
    return " · ".join(parts)


def criteria_lines(session: Session, criteria: tuple[str, ...] | list[str]) -> list[str]:
    """One line per criterion: code, title, and the 2025 equivalent where the guide has one
    (`EQUIVALENT_REFERENTIEL`), with its source or "à confirmer"."""
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
            status = escape(provenance.equivalent_status(equivalent))
            line += f"\n[dim]{heading} {escape(equivalent.id)}{title} ({status})[/]"
        lines.append(line)
    return lines


def _sheet(text: str, rows: list[tuple[str, str]], gap: bool = True) -> RenderableType:
    """The text in bold, then labelled rows whose long lines wrap under their own column."""
    from rich.console import Group
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="cyan", no_wrap=True)
    grid.add_column(ratio=1)
    for label, content in rows:
        grid.add_row(label, content)
    return Group(f"[bold]{escape(text)}[/]", *([""] if gap else []), grid)


def _documents(evidence: tuple[str, ...] | list[str]) -> str:
    return "\n".join(f"• {escape(e)}" for e in evidence)


def _marked(text: str, meta: GuideMeta, item: Question | Checkpoint | None, field: str) -> str:
    """`text`, then "(proposé par visitguide)" when the bank's author added `field`."""
    mark = provenance.mark(meta, item, field) if item is not None else None
    return f"{text}\n[dim italic]({escape(mark)})[/]" if mark else text


def show_caveat(console: Console, meta: GuideMeta) -> None:
    """The source's own caveat ("ni opposables, ni exhaustives…"), where the questions start."""
    line = provenance.caveat_line(meta)
    if line:
        console.print(f"[italic]{escape(line)}[/]")


NOTE_ROOM = 8
"""Lines kept under the question panel: a blank line, the note's key hint and prompt, and five
lines of note."""


def show_question(
    console: Console, session: Session, item: Item, *, pace: str = "", full: bool = False
) -> None:
    """The question screen: text, criteria, hint, documents, status, progress and pace.

    On a short terminal (a laptop's 24 lines) the panel is folded unless `full`: the question
    and its criteria codes, the rest on Ctrl-O, so that the question and five lines of note
    stay in view together, with the menu under them.
    """
    panel = _question_panel(session, item, pace, folded=False)
    if not full and _height(console, panel) + NOTE_ROOM > console.height:
        panel = _question_panel(session, item, pace, folded=True)
    else:
        console.print()
    console.print(panel)


def _height(console: Console, renderable: RenderableType) -> int:
    return len(console.render_lines(renderable, console.options, pad=False))


def _question_panel(session: Session, item: Item, pace: str, *, folded: bool) -> RenderableType:
    from rich.panel import Panel

    number, total = session.position(item.id) + 1, len(session.items())
    rows = _folded_rows(session, item) if folded else _full_rows(session, item)
    status = session.status(item.id)
    if status != PENDING:
        line = f"{MARKS[status]} {status_label(status)}"
        if session.notes(item.id):
            line += f" [dim]· {t('live.notes_below')}[/]"
        rows.append((t("live.status_heading"), line))
    title = t("live.question_title", number=number, total=total, id=escape(item.id))
    if item.added:
        title += " · " + t("live.added_mark")
    subtitle = " · ".join(p for p in (short_progress(session), pace) if p)
    body = _sheet(item.text, rows, gap=not folded)
    if folded:
        more = _more(session, item)
        if more:
            from rich.console import Group

            body = Group(body, f"[dim]{t('live.more_on_key', what=more)}[/]")
    return Panel(body, title=title, title_align="left", subtitle=subtitle)


def _full_rows(session: Session, item: Item) -> list[tuple[str, str]]:
    meta, found = session.guide.meta, session.guide.find_question(item.id)
    source = found[1] if found is not None and not item.added else None  # the bank's question
    criteria = "\n".join(criteria_lines(session, item.criteria)) or t("live.no_criteria")
    rows = [(t("live.criteria_heading"), _marked(criteria, meta, source, "criteria"))]
    if item.hint:
        hint = f"[italic]{escape(item.hint)}[/]"
        rows.append((t("live.hint_heading"), _marked(hint, meta, source, "hint")))
    if item.evidence:
        rows.append(
            (t("live.evidence_heading"), _marked(_documents(item.evidence), meta, source, "evidence"))
        )
    seen = session.evidence(item.id)
    if seen:
        shown = [
            e.document if e.state == "vu" else t("live.document_requested", document=e.document) for e in seen
        ]
        rows.append((t("live.seen_heading"), _documents(shown)))
    return rows


def _folded_rows(session: Session, item: Item) -> list[tuple[str, str]]:
    """The criteria codes only; documents noted as a count."""
    codes = " · ".join(f"[bold]{escape(c)}[/]" for c in item.criteria) or t("live.no_criteria")
    rows = [(t("live.criteria_heading"), codes)]
    seen = session.evidence(item.id)
    if seen:
        rows.append((t("live.seen_heading"), str(len(seen))))
    return rows


def _more(session: Session, item: Item) -> str:
    """What the folded panel leaves out, named for the Ctrl-O line."""
    parts = []
    if item.hint:
        parts.append(t("live.more.hint"))
    if item.evidence or session.evidence(item.id):
        parts.append(t("live.more.evidence"))
    if item.criteria:
        parts.append(t("live.more.titles"))
    return ", ".join(parts)


def note_keys(console: Console) -> str:
    """The note prompt's key hint, short enough for the terminal's width."""
    full = t("live.keys_note")
    prompt = len(t("live.note_prompt")) + 4  # "? Notes  "
    return full if len(full.split("\n")[0]) + prompt <= console.width else t("live.keys_note_short")


def document_label(name: str, state: str | None, width: int) -> str:
    """`vu       Rapport d'audit`: the document's state, then its name."""
    marks = {key: t(f"live.document_mark.{key}") for key in ("vu", "demande", "none")}
    pad = max(len(m) for m in marks.values())
    mark = marks.get(state or "none", marks["none"])
    return f"{mark:<{pad}} " + short(name, width - pad - 1)


def show_checkpoint(console: Console, session: Session, checkpoint: Checkpoint) -> None:
    from rich.panel import Panel

    meta = session.guide.meta
    criteria = "\n".join(criteria_lines(session, checkpoint.criteria)) or t("provenance.no_criteria")
    rows = [(t("live.criteria_heading"), _marked(criteria, meta, checkpoint, "criteria"))]
    if checkpoint.hint:
        hint = f"[italic]{escape(checkpoint.hint)}[/]"
        rows.append((t("live.hint_heading"), _marked(hint, meta, checkpoint, "hint")))
    if checkpoint.evidence:
        documents = _documents(checkpoint.evidence)
        rows.append((t("live.evidence_heading"), _marked(documents, meta, checkpoint, "evidence")))
    rated = session.interview.checkpoints.get(checkpoint.id)
    if rated is not None:
        rows.append(
            (t("live.rated_heading"), f"{rated.rating.value} · {t(f'live.basis.{rated.basis.value}')}")
        )
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
