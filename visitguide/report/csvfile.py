"""The CSV export: one row per answer and per checkpoint rating, for spreadsheets.

UTF-8 with a byte-order mark (so that spreadsheets show the accents), CRLF between rows,
line breaks inside notes kept in quoted cells. A cell that begins with `=`, `+`, `-`, `@`,
a tab or a carriage return is prefixed with `'`, so that a spreadsheet never reads a note as a
formula (CSV injection).
"""

from __future__ import annotations

import csv
import io

from visitguide.messages import t
from visitguide.report import display as view
from visitguide.report import visit as m
from visitguide.text import clean

BOM = "\ufeff"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "kind",
    "file",
    "interview",
    "audience",
    "sector",
    "role",
    "date",
    "visitor",
    "establishment",
    "criteria",
    "id",
    "text",
    "status",
    "notes",
    "evidence",
    "in_guide",
)


def neutralise(value: str) -> str:
    """`value` safe for a spreadsheet: no formula, no control character."""
    text = clean(value.replace("\r\n", "\n"))
    return "'" + text if text.startswith(FORMULA_START) else text


def _rows(visit: m.Visit) -> list[list[str]]:
    rows = []
    for i in visit.interviews:
        common = [i.file, i.id, i.audience_label, i.sector or "", i.role, i.date, i.visitor, i.establishment]
        for a in i.answers:
            kind = t("report.csv.added" if a.added else "report.csv.answer")
            rows.append(
                [
                    kind,
                    *common,
                    ", ".join(a.criteria),
                    a.question,
                    a.text,
                    view.status(a.status or None),
                    a.notes,
                    "\n".join(a.evidence),
                    _yes_no(a.in_guide or a.added),
                ]
            )
        for r in i.ratings:
            rows.append(
                [
                    t("report.csv.rating"),
                    *common,
                    ", ".join(r.criteria),
                    r.checkpoint,
                    r.text,
                    r.rating,
                    r.comment,
                    "",
                    _yes_no(r.in_guide),
                ]
            )
    return rows


def _yes_no(value: bool) -> str:
    return t("report.yes") if value else t("report.no")


def render(visit: m.Visit) -> str:
    """The CSV text, byte-order mark first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([t(f"report.csv.col.{c}") for c in COLUMNS])
    writer.writerows([neutralise(cell) for cell in row] for row in _rows(visit))
    return BOM + buffer.getvalue()
