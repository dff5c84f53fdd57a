"""Browsing banks: the `guides`, `questions` and `criteria` views."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from visitguide import text as textsearch
from visitguide.bank import loader as bank
from visitguide.bank import provenance, referentiels
from visitguide.bank.guide import Criterion, GuideMeta, Question
from visitguide.bank.loader import Guide
from visitguide.console import err, escape, out, plain
from visitguide.errors import UsageError
from visitguide.messages import t
from visitguide.text import json_rows

if TYPE_CHECKING:
    from rich.table import Table


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


@dataclass
class Listing:
    """What `questions` found: the rows, each row's question (hint, documents, provenance),
    how each guide read `--criterion`, and the guides (their caveats)."""

    rows: list[QuestionRow]
    questions: list[tuple[Guide, Question]]
    readings: list[tuple[Guide, referentiels.CodeReading]] = field(default_factory=list)
    guides: Sequence[Guide] = ()


def find_questions(
    guides: Sequence[Guide], audience: str | None, criterion: str | None, search: str | None
) -> Listing:
    """The questions of `guides` that match every filter given. `criterion` is a code of either
    référentiel a guide knows (`typed.criterion_id` completes what was typed); each guide reads
    it as `referentiels.read` says, and the listing keeps how."""
    _check_audience(guides, audience)
    code = criterion
    listing = Listing([], [], [], guides)
    for guide in guides:
        wanted: str | None = None
        if code is not None:
            reading = referentiels.read(guide.meta, code)
            if reading is None:
                continue
            listing.readings.append((guide, reading))
            wanted = reading.read.criterion.id
        for aud, q in guide.all_questions():
            if audience is not None and aud != audience:
                continue
            if wanted is not None and wanted not in q.criteria:
                continue
            if search and not textsearch.matches(search, q.id, q.text, q.hint, *q.evidence):
                continue
            listing.rows.append(
                QuestionRow(guide=guide.id, audience=aud, id=q.id, text=q.text, criteria=q.criteria)
            )
            listing.questions.append((guide, q))
    return listing


def _check_audience(guides: Sequence[Guide], audience: str | None) -> None:
    if audience is not None:
        known = sorted({a.id for g in guides for a in g.audiences})
        if audience not in known:
            raise UsageError(bank.unknown_id_message("audience.unknown", audience, known))


def reading_lines(guide: Guide, reading: referentiels.CodeReading) -> list[str]:
    """How a guide read a criterion code, then what else the same code means there."""
    meta, first = guide.meta, reading.read
    criterion = first.criterion
    if first.equivalent is None:
        ref = provenance.referentiel_label(meta)
        key = "criterion.read_own" if criterion.title else "criterion.read_own_untitled"
        lines = [t(key, code=first.code, ref=ref, title=criterion.title)]
    else:
        lines = [
            t(
                "criterion.read_other",
                code=first.code,
                ref=first.referentiel,
                status=provenance.equivalent_status(first.equivalent),
                own=criterion.id,
                own_ref=meta.referentiel,
                title=criterion.title,
            )
        ]
    for other in reading.others:
        if other.equivalent is not None:
            status = provenance.equivalent_status(other.equivalent)
            lines.append(
                t(
                    "criterion.also",
                    code=other.code,
                    ref=other.referentiel,
                    status=status,
                    own=other.criterion.id,
                    title=other.criterion.title,
                )
            )
    return lines


def show_questions(listing: Listing, fmt: str) -> None:
    """The listing as JSON (the rows, plainly; how `--criterion` was read goes to stderr) or as
    a table after how `--criterion` was read, each addition marked, then the source's caveat."""
    several = len(listing.guides) > 1
    said = [
        (f"{guide.id} : " if several else "") + line
        for guide, reading in listing.readings
        for line in reading_lines(guide, reading)
    ]
    if fmt == "json":
        if said:
            err().print(escape("\n".join(said)), soft_wrap=True)
        plain(json_rows(listing.rows))
        return
    console = out()
    for line in said:
        console.print(escape(line), soft_wrap=True)
    if not listing.rows:
        console.print(t("questions.none"))
        return
    console.print(_questions_table(listing))
    for guide in listing.guides:
        caveat = provenance.caveat_line(guide.meta)
        if caveat and any(g is guide for g, _ in listing.questions):
            console.print(f"[italic]{escape((guide.id + ' — ' if several else '') + caveat)}[/]")


def _questions_table(listing: Listing) -> Table:
    from rich.table import Table

    table = Table(show_lines=True, caption=t("questions.count", count=len(listing.rows)))
    several = len({r["guide"] for r in listing.rows}) > 1
    if several:
        table.add_column(t("col.guide"))
    table.add_column(t("col.audience"))
    table.add_column(t("col.id"), overflow="fold")
    table.add_column(t("col.criteria"), no_wrap=True)
    table.add_column(t("col.question"), ratio=1)
    for r, (guide, q) in zip(listing.rows, listing.questions, strict=True):
        text = escape(r["text"]) + "".join(f"\n[dim]{escape(line)}[/]" for line in _details(guide, q))
        cells = [escape(r["audience"]), escape(r["id"]), escape("\n".join(r["criteria"])), text]
        table.add_row(*([escape(r["guide"])] if several else []), *cells)
    return table


def _details(guide: Guide, q: Question) -> list[str]:
    """The hint and the documents to ask for, each marked when the bank's author added it."""
    lines = []
    if q.hint:
        mark = provenance.mark(guide.meta, q, "hint")
        lines.append(
            t("questions.hint_added", mark=mark, hint=q.hint) if mark else t("questions.hint", hint=q.hint)
        )
    if q.evidence:
        mark, items = provenance.mark(guide.meta, q, "evidence"), " ; ".join(q.evidence)
        lines.append(
            t("questions.evidence_added", mark=mark, items=items)
            if mark
            else t("questions.evidence", items=items)
        )
    return lines


def show_criteria(guides: Sequence[Guide]) -> None:
    """Criteria × audiences: how many questions (Q) and checkpoints (PV) each, one labelled
    column per référentiel the guide knows (its own, then those of its equivalents).

    A table when the terminal leaves the titles room to wrap by words; on a narrow one (80
    columns, or piped), one block per criterion instead, its counts on the line below. The
    legend says what the bank's author added (the référentiel's reading, the equivalents,
    the checkpoints' criteria).
    """
    console = out()
    for guide in guides:
        others = sorted({ref for c in guide.meta.criteria for ref in c.equivalents})
        rows = [_criterion_row(guide, c.id) for c in guide.meta.criteria]
        if any(not c.criteria for c in guide.meta.checkpoints):
            rows.append(_criterion_row(guide, None))
        fixed = 12 + 16 * len(others) + sum(max(len(a.id), 11) + 3 for a in guide.audiences) + 14 + 4
        if console.width - fixed >= CRITERIA_TITLE_ROOM:
            console.print(_criteria_table(guide, others, rows))
        else:
            console.print(f"[bold]{escape(guide.meta.title)}[/]")
            console.print(escape(t("criteria.block_codes", ref=guide.meta.referentiel)))
            for row in rows:
                console.print(_criterion_block(guide, others, row), soft_wrap=False)
        console.print(f"[dim]{escape(' '.join(_criteria_legend(guide, others)))}[/]")


CRITERIA_TITLE_ROOM = 30
"""Columns a criterion title needs in the table; with less, the titles go on their own line."""


def _criterion_row(guide: Guide, code: str | None) -> tuple[str | None, list[str], str]:
    """The code (None: the checkpoints citing no criterion), one cell per audience and the
    total, in one notation."""
    counts = [criterion_counts(guide, code, a.id) for a in guide.audiences]
    total = (sum(q for q, _ in counts), sum(p for _, p in counts))
    return code, [_counts(q, p) for q, p in counts], _counts(*total)


def _counts(questions: int, checkpoints: int) -> str:
    """`Q 2 · PV 5`; a count of zero is left out, nothing at all is a dash."""
    parts = []
    if questions:
        parts.append(t("criteria.cell.questions", count=questions))
    if checkpoints:
        parts.append(t("criteria.cell.checkpoints", count=checkpoints))
    return " · ".join(parts) or "—"


def _criteria_table(guide: Guide, others: list[str], rows: list[tuple[str | None, list[str], str]]) -> Table:
    from rich.table import Table

    table = Table(title=escape(guide.meta.title), show_lines=True)
    table.add_column(t("col.referentiel", ref=guide.meta.referentiel), no_wrap=True)
    for ref in others:
        table.add_column(t("col.referentiel", ref=ref), max_width=24)
    table.add_column(t("col.title"), ratio=1, min_width=CRITERIA_TITLE_ROOM)
    for a in guide.audiences:
        table.add_column(escape(a.id), justify="center", no_wrap=True)
    table.add_column(t("col.total"), justify="center", no_wrap=True)
    for code, cells, total in rows:
        criterion = guide.criterion(code) if code is not None else None
        if code is None:
            first, title, equivalents = "—", t("criteria.none_row"), ["" for _ in others]
        else:
            first, title = escape(code), escape(criterion.title if criterion else "")
            equivalents = [_equivalent_cell(criterion, ref) for ref in others]
        table.add_row(first, *equivalents, title, *(escape(c) for c in cells), escape(total))
    return table


def _equivalent_cell(c: Criterion | None, ref: str) -> str:
    """`3.1-07` and its status ("à confirmer", or its source); its title only where it differs."""
    equivalent = c.equivalent(ref) if c is not None else None
    if c is None or equivalent is None:
        return "—"
    title = f"\n{escape(equivalent.title)}" if equivalent.title and equivalent.title != c.title else ""
    return f"{escape(equivalent.id)}{title}\n[italic]{escape(provenance.equivalent_status(equivalent))}[/]"


def _criterion_block(guide: Guide, others: list[str], row: tuple[str | None, list[str], str]) -> str:
    code, cells, total = row
    if code is None:
        head = f"[bold]—[/] {escape(t('criteria.none_row'))}"
    else:
        criterion = guide.criterion(code)
        head = f"[bold]{escape(code)}[/] " + escape(criterion.title if criterion else "")
        for ref in others:
            equivalent = criterion.equivalent(ref) if criterion else None
            if equivalent is not None:
                status = provenance.equivalent_status(equivalent)
                said = t("criteria.block_equivalent", ref=ref, code=equivalent.id, status=status)
                head += f"\n    [dim]{escape(said)}[/]"
    counts = [f"{escape(a.id)} {escape(c)}" for a, c in zip(guide.audiences, cells, strict=True) if c != "—"]
    counts.append(f"{escape(t('col.total'))} {escape(total)}")
    return head + "\n    " + " · ".join(counts) + "\n"


def _criteria_legend(guide: Guide, others: list[str]) -> list[str]:
    meta = guide.meta
    legend = [t("criteria.legend")]
    if meta.is_added("referentiel"):
        legend.append(t("criteria.legend_own", ref=provenance.referentiel_label(meta)))
    for ref in others:
        legend.append(t("criteria.legend_other", ref=ref, mark=_mark_or_blank(meta)))
    if any(c.is_added("criteria") for c in meta.checkpoints):
        legend.append(t("criteria.legend_checkpoints", mark=provenance.added_label(meta)))
    return legend


def _mark_or_blank(meta: GuideMeta) -> str:
    return provenance.added_label(meta) if meta.additions_by else t("criteria.by_the_bank")


def criterion_counts(guide: Guide, criterion: str | None, audience: str) -> tuple[int, int]:
    """How many questions and checkpoints of `audience` cite `criterion` (None: cite none)."""
    if criterion is None:
        return 0, sum(not c.criteria for c in guide.checkpoints_for(audience))
    questions = sum(criterion in q.criteria for q in guide.questions_for(audience))
    checkpoints = sum(criterion in c.criteria for c in guide.checkpoints_for(audience))
    return questions, checkpoints
