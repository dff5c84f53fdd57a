"""What every format shows the same way: labels, percentages, écart sentences, chart geometry.

Pure functions over the model; the words come from the message catalog, so that the five
formats say the same thing in the same language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from visitguide.messages import t
from visitguide.report import visit as m
from visitguide.report.pairs import code_number

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
    """The interview's code, then the interviewee by role (never a name), sector and date."""
    parts = [w.role or t("report.no_role")]
    if with_sector and w.sector:
        parts.append(w.sector)
    parts.append(w.date)
    return f"{w.code} · " + ", ".join(parts)


def codes(whos: Iterable[m.Who]) -> str:
    """The codes of some interviews, once each, in order: "E1, E4"."""
    return ", ".join(sorted({w.code for w in whos}, key=code_number))


def basis(value: str) -> str:
    """What a rating rests on: declared (the interview) or verified (an observation, a document)."""
    return t(f"report.basis.{value}")


def basis_labels() -> dict[str, str]:
    """`basis` of each value, looked up once (a report shows thousands of ratings)."""
    return {value: basis(value) for value in ("entretien", "observation", "document")}


def doc_state(value: str) -> str:
    return t(f"report.doc_state.{value}")


def verdict(value: str) -> str:
    return t(f"report.verdict.{value}")


def anchor(criterion_id: str) -> str:
    """The HTML id of a criterion's section (criterion codes are digits, dots and a hyphen)."""
    return f"critere-{criterion_id}"


def bookmark(name: str) -> str:
    """A Word bookmark name for an anchor: letters, digits and underscores only."""
    return "".join(ch if ch.isalnum() else "_" for ch in name)[:40]


def by_id(visit: m.Visit) -> dict[str, m.Ecart]:
    """Écarts and differences to confirm, by id."""
    return {e.id: e for e in (*visit.ecarts, *visit.to_confirm)}


def home(e: m.Ecart) -> str | None:
    """The criterion whose section holds the écart's anchor: its first criterion."""
    return e.criteria[0] if e.criteria else None


def pair_side(s: m.PairSide) -> str:
    """How one side of a pair stands: its share of "oui", or its answers for a question."""
    if s.kind == "question":
        return f"{t('report.pair.question')}, {t('report.pair.answers', count=s.answers)}"
    if not (s.oui or s.non or s.na):
        return t("report.pair.not_rated")
    return f"{pct(s.share)} ({s.oui}/{s.oui + s.non})"


def audience_shares(visit: m.Visit, criterion_id: str) -> list[str]:
    """ "Label : 80 % (4/5)" for each audience that rated the criterion's checkpoints."""
    labels = audience_labels(visit)
    row = next((r for r in visit.matrix if r.criterion == criterion_id), None)
    if row is None:
        return []
    return [
        t(
            "report.audience_share",
            label=labels.get(c.audience, c.audience),
            pct=pct(c.share),
            oui=c.oui,
            total=c.oui + c.non,
        )
        for c in row.cells
        if c.oui + c.non
    ]


def side_ratings(s: m.Side) -> list[tuple[str, list[m.Rated]]]:
    """A side's ratings grouped by checkpoint, in the order they come."""
    groups: dict[str, list[m.Rated]] = defaultdict(list)
    for r in s.ratings:
        groups[r.checkpoint].append(r)
    return list(groups.items())


def empty_criteria(visit: m.Visit) -> str:
    """One line naming the criteria with nothing to show, or "" when there are none."""
    empty = [f"{c.id} ({c.title})" for c in visit.criteria if c.empty]
    return t("report.empty_criteria", items="; ".join(empty)) if empty else ""


def dates(header: m.Header) -> str:
    """The visit's dates: one day, or "du … au …"."""
    if header.first_date is None:
        return "—"
    if header.first_date == header.last_date:
        return header.first_date
    return t("report.h.date_range", first=header.first_date, last=header.last_date)


def running_header(visit: m.Visit, dates: str) -> str:
    """The line printed at the top of every page: the report, the establishment, the dates."""
    where = ", ".join(visit.header.establishments)
    return " — ".join(part for part in (t("report.title"), where, dates) if part)


def place(label: str, sector_name: str | None) -> str:
    return f"{label} — {sector(sector_name)}"


def equivalent(e: m.Equivalent | None) -> str:
    """`Référentiel 2025 : 3.1-07 (à confirmer)`: with its source, or to be confirmed."""
    if e is None:
        return ""
    text = t("report.equivalent", referentiel=e.referentiel, id=e.id)
    text = f"{text} : {e.title}" if e.title else text
    return f"{text} ({equivalent_status(e)})"


def equivalent_status(e: m.Equivalent) -> str:
    """ "source : …" when the equivalent names one, else "à confirmer"."""
    return t("provenance.source", source=e.source) if e.source else t("provenance.to_confirm")


# --- provenance: what the source says, what the bank's author added -----------------------


def added(author: str) -> str:
    """ "proposé par visitguide": the mark of an addition of the bank's author."""
    return t("provenance.added", author=author)


def suggested(d: m.Document) -> str:
    """Who suggests a document of the guide: its author when the source does not, else the guide."""
    return added(d.added_by) if d.added_by else t("report.requested")


def suggested_for(d: m.DocumentToRequest) -> str:
    """ "proposé par visitguide (items)" for the bank's suggestion, else "proposé par le guide (…)"."""
    items = ", ".join(d.items)
    if d.added_by:
        return t("report.suggested_by", mark=added(d.added_by), items=items)
    return t("report.suggested_for", items=items)


def referentiel(h: m.Header) -> str:
    """The guide's référentiel, said to be the author's reading when it is, and the one the
    criteria are presented in (`export --referentiel`)."""
    g = h.guide
    text = g.referentiel
    if g.referentiel_added:
        text = t("provenance.referentiel", referentiel=g.referentiel, author=g.additions_by or "?")
    if h.presented_in:
        text += " · " + t("report.presented_in", referentiel=h.presented_in)
    return text


def caveat(h: m.Header) -> str | None:
    """The source's own caveat, quoted."""
    return t("provenance.caveat", caveat=h.guide.caveat) if h.guide.caveat else None


def checkpoints_added(c: m.CriterionView) -> str | None:
    """Said above a criterion's checkpoints when the bank's author tied them to it."""
    authors = sorted({k.criteria_added_by for k in c.checkpoints if k.criteria_added_by})
    return t("report.checkpoints_added", mark=added(", ".join(authors))) if authors else None


def shown_codes(visit: m.Visit) -> dict[str, str]:
    """Criterion id -> how it is shown: its code, or, presented in another référentiel
    (`export --referentiel`), `3.1-07 (2021 : 3.6-02, à confirmer)`."""
    h = visit.header
    shown = {}
    for c in visit.criteria:
        if h.presented_in is None:
            shown[c.id] = c.id
        elif c.code != c.id and c.equivalent is not None and c.equivalent.referentiel == h.presented_in:
            own = h.guide.referentiel
            status = equivalent_status(c.equivalent)
            shown[c.id] = t("report.code_presented", code=c.code, referentiel=own, id=c.id, status=status)
        else:
            shown[c.id] = t("report.code_kept", id=c.id, referentiel=h.guide.referentiel)
    return shown


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
        pairs=kinds.count("pairs"),
    )


def ecart_title(e: m.Ecart, titles: dict[str, str], labels: dict[str, str]) -> str:
    """One line naming what the écart is about."""
    codes = ", ".join(e.criteria)
    if e.kind == "audiences":
        title = titles.get(e.criteria[0], "")
        return t("report.ecart.audiences", criteria=codes, title=title)
    # a checkpoint of an imported fiche may have no criterion: say so
    criteria = t("report.of_criteria", codes=codes) if codes else t("report.no_criterion")
    if e.kind == "sectors":
        return t("report.ecart.sectors", checkpoint=e.checkpoint, criteria=criteria)
    if e.kind == "pairs":
        return t("report.ecart.pairs", declared=e.checkpoint, observed=e.related, criteria=criteria)
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
    parts = [t("report.cell.share", pct=pct(cell.share))] if cell.share is not None else []
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
    href: str
    """Where a click leads: the criterion's section ("" when the criterion has none)."""


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
    shown = {c.id for c in visit.criteria if not c.empty}
    rows, cells = [], []
    for r, row in enumerate(visit.matrix):
        y = top + r * cell_h
        rows.append((y + cell_h // 2, row.code or row.criterion, truncate(row.title, 38)))
        href = "#" + anchor(row.criterion) if row.criterion in shown else ""
        for c, cell in enumerate(row.cells):
            label = labels.get(cell.audience, cell.audience)
            cells.append(_heat_cell(label_w + c * cell_w, y, cell, row, label, href))
    height = top + len(visit.matrix) * cell_h + 4
    return HeatMap(
        label_w + len(visit.audiences) * cell_w + 4, height, label_w, cell_w, cell_h, columns, rows, cells
    )


def _heat_cell(x: int, y: int, cell: m.Cell, row: m.MatrixRow, audience: str, href: str) -> HeatCell:
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
        href=href,
    )


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    width: int
    fill: str
    text: str


@dataclass(frozen=True)
class BarGroup:
    y: int
    criterion: str
    title: str
    href: str
    bars: list[Bar]


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bar_width: int
    groups: list[BarGroup]


def bar_chart(visit: m.Visit) -> BarChart:
    """The share of "oui" per criterion, one bar per audience that rated its checkpoints."""
    label_w, bar_w, bar_h, head_h, gap = 250, 420, 22, 20, 10
    labels = audience_labels(visit)
    groups, y = [], 8
    for row in visit.matrix:
        cells = [c for c in row.cells if c.oui + c.non]
        if not cells:
            continue
        bars = []
        for n, cell in enumerate(cells):
            text = t("report.bar.text", pct=pct(cell.share), oui=cell.oui, total=cell.oui + cell.non)
            width = 0 if cell.share is None else round(bar_w * cell.share)
            label = truncate(labels.get(cell.audience, cell.audience), 34)
            bars.append(Bar(y + head_h + n * bar_h, label, width, fill(cell.share), text))
        code = row.code or row.criterion  # the code shown (`export --referentiel`)
        groups.append(BarGroup(y, code, truncate(row.title, 60), "#" + anchor(row.criterion), bars))
        y += head_h + len(bars) * bar_h + gap
    return BarChart(label_w + bar_w + 110, y, label_w, bar_w, groups)
