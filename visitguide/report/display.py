"""What every format shows the same way: labels, percentages, écart sentences, chart geometry.

Pure functions over the model; the words come from the message catalog, so that the five
formats say the same thing in the same language.
"""

from __future__ import annotations

from dataclasses import dataclass

from visitguide.messages import t
from visitguide.report import visit as m

# Pastel scale from "non" to "oui", readable with dark text on screen and on paper.
_LOW = (0xF2, 0x9E, 0x9E)
_MID = (0xFA, 0xE0, 0x8C)
_HIGH = (0x9F, 0xD8, 0xA4)
EMPTY_FILL = "#eeeeee"
COVERAGE_BAR = 150  # pixels: the width of a heat-map cell's coverage bar when all is covered
NONE_FILL = "#ffffff"


def pct(share: float | None) -> str:
    """A share as a rounded percentage, or a dash when there is nothing to count."""
    return "—" if share is None else f"{round(share * 100)} %"


def sector(name: str | None) -> str:
    return name if name else t("report.no_sector")


def status(value: str | None) -> str:
    """The label of an answer status (answered, skipped, revisit, pending)."""
    return t(f"report.status.{value or 'pending'}")


def rating(value: str) -> str:
    return t(f"report.rating.{value}") if value in ("oui", "non", "na") else value


def who(w: m.Who, *, with_sector: bool = True) -> str:
    """The interviewee by role (never a name), sector and date."""
    parts = [w.role or t("report.no_role")]
    if with_sector and w.sector:
        parts.append(w.sector)
    parts.append(w.date)
    return ", ".join(parts)


def place(label: str, sector_name: str | None) -> str:
    return f"{label} — {sector(sector_name)}"


def equivalent(e: m.Equivalent | None) -> str:
    if e is None:
        return ""
    text = t("report.equivalent", referentiel=e.referentiel, id=e.id)
    return f"{text} : {e.title}" if e.title else text


def side(s: m.Side) -> str:
    """ "Label : 80 % (4/5)": the share of oui, oui out of oui + non."""
    return t("report.side", label=s.label, pct=pct(s.share), oui=s.oui, total=s.oui + s.non)


def ecart_counts(ecarts: list[m.Ecart]) -> str:
    kinds = [e.kind for e in ecarts]
    return t(
        "report.ecart_counts",
        audiences=kinds.count("audiences"),
        sectors=kinds.count("sectors"),
        within=kinds.count("within"),
    )


def ecart_title(e: m.Ecart, titles: dict[str, str], labels: dict[str, str]) -> str:
    """One line naming what the écart is about."""
    criteria = ", ".join(e.criteria)
    if e.kind == "audiences":
        title = titles.get(e.criteria[0], "")
        return t("report.ecart.audiences", criteria=criteria, title=title)
    if e.kind == "sectors":
        return t("report.ecart.sectors", checkpoint=e.checkpoint, criteria=criteria)
    where = labels.get(e.audience or "", e.audience or "")
    where += f", {e.sector}" if e.sector else ""
    return t("report.ecart.within", checkpoint=e.checkpoint, criteria=criteria, place=where)


def ecart_detail(e: m.Ecart) -> str:
    """ "mostly oui: …; mostly non: …"."""
    high = "; ".join(side(s) if e.kind != "within" else s.label for s in e.high)
    low = "; ".join(side(s) if e.kind != "within" else s.label for s in e.low)
    return t("report.ecart.detail", high=high, low=low)


def criterion_titles(visit: m.Visit) -> dict[str, str]:
    return {c.id: c.title for c in visit.criteria}


def audience_labels(visit: m.Visit) -> dict[str, str]:
    return {a.id: a.label for a in visit.audiences}


def fill(share: float | None) -> str:
    """The heat-map colour of a share of "oui"."""
    if share is None:
        return EMPTY_FILL
    a, b, x = (_LOW, _MID, share * 2) if share < 0.5 else (_MID, _HIGH, share * 2 - 1)
    return "#" + "".join(f"{round(p + (q - p) * x):02x}" for p, q in zip(a, b, strict=True))


def cell_summary(cell: m.Cell, separator: str = " · ") -> str:
    """A matrix cell in words: share of oui, questions asked, checkpoints rated, écarts."""
    if not (cell.questions_total or cell.checkpoints_total):
        return "—"
    parts = [t("report.cell.share", pct=pct(cell.share)) if cell.share is not None else "—"]
    if cell.questions_total:
        parts.append(t("report.cell.questions", asked=cell.questions_asked, total=cell.questions_total))
    if cell.checkpoints_total:
        parts.append(t("report.cell.checkpoints", rated=cell.checkpoints_rated, total=cell.checkpoints_total))
    if cell.ecarts:
        parts.append(f"⚠ {cell.ecarts}")
    return separator.join(parts)


def truncate(text: str, size: int) -> str:
    """`text` on one line (runs of spaces and line breaks made one space), at most `size`
    characters, an ellipsis ending it when shortened."""
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"


# --- charts --------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    fill: str
    share: str
    questions: str
    checkpoints: str
    ecarts: int
    empty: bool
    tooltip: str
    coverage: int
    """Width in pixels of the coverage bar: share of questions asked and checkpoints rated."""


@dataclass(frozen=True)
class HeatMap:
    width: int
    height: int
    label_width: int
    cell_width: int
    cell_height: int
    columns: list[tuple[int, str]]
    rows: list[tuple[int, str, str]]
    cells: list[HeatCell]


def heat_map(visit: m.Visit) -> HeatMap:
    """Criterion × audience: colour = share of "oui", text = coverage and écarts."""
    label_w, cell_w, cell_h, top = 250, 170, 54, 40
    labels = {a.id: a.label for a in visit.audiences}
    columns = [(label_w + i * cell_w + cell_w // 2, labels[a.id]) for i, a in enumerate(visit.audiences)]
    rows, cells = [], []
    for r, row in enumerate(visit.matrix):
        y = top + r * cell_h
        rows.append((y + cell_h // 2, row.criterion, truncate(row.title, 38)))
        for c, cell in enumerate(row.cells):
            cells.append(
                _heat_cell(label_w + c * cell_w, y, cell, row, labels.get(cell.audience, cell.audience))
            )
    height = top + len(visit.matrix) * cell_h + 4
    return HeatMap(
        label_w + len(visit.audiences) * cell_w + 4, height, label_w, cell_w, cell_h, columns, rows, cells
    )


def _heat_cell(x: int, y: int, cell: m.Cell, row: m.MatrixRow, audience: str) -> HeatCell:
    empty = cell.questions_total == 0 and cell.checkpoints_total == 0
    questions = t("report.cell.questions", asked=cell.questions_asked, total=cell.questions_total)
    checkpoints = t("report.cell.checkpoints", rated=cell.checkpoints_rated, total=cell.checkpoints_total)
    tooltip = f"{row.criterion} × {audience} : {pct(cell.share)} oui ({cell.oui}/{cell.oui + cell.non}), "
    tooltip += f"{questions}, {checkpoints}"
    total = cell.questions_total + cell.checkpoints_total
    done = cell.questions_asked + cell.checkpoints_rated
    return HeatCell(
        x=x,
        y=y,
        fill=NONE_FILL if empty else fill(cell.share),
        share=pct(cell.share),
        questions=questions if cell.questions_total else "",
        checkpoints=checkpoints if cell.checkpoints_total else "",
        ecarts=cell.ecarts,
        empty=empty,
        tooltip=tooltip,
        coverage=round(COVERAGE_BAR * done / total) if total else 0,
    )


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    title: str
    width: int
    fill: str
    text: str


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_width: int
    bars: list[Bar]


def bar_chart(visit: m.Visit) -> BarChart:
    """The share of "oui" per criterion, all audiences together."""
    label_w, bar_w, bar_h = 250, 420, 30
    bars = []
    for i, row in enumerate(visit.matrix):
        text = t("report.bar.text", pct=pct(row.share), oui=row.oui, total=row.oui + row.non)
        width = 0 if row.share is None else round(bar_w * row.share)
        bars.append(Bar(12 + i * bar_h, row.criterion, truncate(row.title, 38), width, fill(row.share), text))
    return BarChart(label_w + bar_w + 150, 24 + len(bars) * bar_h, label_w, bar_w, bars)
