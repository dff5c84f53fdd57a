"""The CSV export: one row per answer and per checkpoint rating, for spreadsheets (or, with
`--only documents`, one row per document to request).

Each row carries its interview's code (`E1`…, as in the other formats); documents seen and
documents asked for (not seen yet) have a column each; a rating says what it rests on.

UTF-8 with a byte-order mark (so that spreadsheets show the accents), CRLF between rows,
every text cell between double quotes, line breaks inside notes kept in those quoted cells.
The separator is `,` (default) or `;` (what a French spreadsheet expects).

**Formulas (CSV injection).** A spreadsheet must never read a note as a formula, and that
whatever separator *it* splits on: a file written with `,` and opened by a French LibreOffice
or Excel that splits on `;` (or the reverse) cuts a cell at every `;` and, its quotes now out
of step, at every line break; the piece after the cut is then a cell of its own, and the
quotes written around the original cell do not protect it. So each of these places is
neutralised (`neutralise`): the start of a cell, and the start of every piece of text that
follows a `,`, a `;` or a line break.

- `=` (the one character LibreOffice evaluates, even behind spaces when its import option
  "Supprimer les espaces" is ticked) gets an apostrophe before it, wherever a piece starts,
  behind any spaces: `x;=cmd` is written `x;'=cmd`. The apostrophe is the spreadsheets' own
  "this is text" mark, so a user recognises it, and it keeps the piece text whatever the
  import options.
- A cell starting with `+`, `-`, `@` or a tab is prefixed with an apostrophe too, as always.
- Inside the text, a `+`, `-`, `@` or tab right after a `,`, a `;` or a line break gets a
  space before it: `a,@SUM(1)` becomes `a, @SUM(1)`, and a note's bullet lines `- item`
  become ` - item`. That is ordinary typography, almost invisible in the cell, and enough:
  spreadsheets read these characters as a formula only when they are the very first
  character of a cell (the rule the usual CSV-injection advice rests on), and LibreOffice
  never does (checked with LibreOffice 7.4, "Évaluer les formules" and "Supprimer les
  espaces" both ticked).
- A number stays as it is: a cell `-2` or `+1,5`, or such a number between two separators
  (`a;-2;b`), is not changed.

Only these insertions are made; every other character of a note reaches the file unchanged
(control characters other than tab and line break are shown as escapes, as on screen).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence

from visitguide.messages import t
from visitguide.report import display as view
from visitguide.report import visit as m
from visitguide.text import clean

BOM = "\ufeff"
SEPARATORS = (",", ";")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    "kind",
    "file",
    "interview",
    "code",
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
    "rating",
    "basis",
    "notes",
    "evidence",
    "requested",
    "in_guide",
)
DOCUMENT_COLUMNS = ("audience", "document", "asked_in", "suggested", "items", "criteria")

# An "=" starting a cell or a piece after a separator or a line break, behind spaces or quotes.
_EQUALS = re.compile(r'(?:\A|(?<=[,;\n]))([ \t"]*)=')
# A "+", "-", "@" or tab right after a separator or a line break (behind quotes only).
_INNER = re.compile(r'(?<=[,;\n])("*)([-+@\t])')
_NUMBER = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?")
# What ends a piece for a reader splitting on "," and for one splitting on ";".
_PIECE_END = {",": re.compile(r"[,\n]"), ";": re.compile(r"[;\n]")}


def _inner_number(text: str, start: int, readers: str) -> bool:
    """Whether the piece of `text` from `start` is a number, as a cell of its own, for a
    reader splitting on each of `readers`: it must end at that separator or a line break (at
    the end of the text, a misreading spreadsheet glues the closing quote and more to it)."""
    for reader in readers:
        end = _PIECE_END[reader].search(text, start + 1)
        if end is None or not _NUMBER.fullmatch(text, start, end.start()):
            return False
    return True


def _space_before(match: re.Match[str]) -> str:
    quotes, char = match.groups()
    after = match.string[match.start() - 1]  # the separator or the line break
    readers = after if after in SEPARATORS else ",;"  # a piece after "," is a cell for "," only
    if char in "+-" and _inner_number(match.string, match.start(2), readers):
        return match.group()
    return f"{quotes} {char}"


def neutralise(value: str, *, row_start: bool = False) -> str:
    """`value` safe for a spreadsheet, whatever separator it splits on: no piece of it can
    be read as a formula, and no control character but tab and line break is kept.

    A cell that is a number (`-2`) is kept as it is, unless it starts a row (`row_start`):
    there, a reader splitting on the other separator glues the next cells to it (`-2,"…"`).
    """
    text = clean(value.replace("\r\n", "\n"))
    text = _EQUALS.sub(r"\1'=", text)
    text = _INNER.sub(_space_before, text)
    if text.startswith(FORMULA_START) and (row_start or not _NUMBER.fullmatch(text)):
        text = "'" + text
    return text


def _rows(visit: m.Visit) -> list[list[str]]:
    rows = []
    for i in visit.interviews:
        common = [
            i.file,
            i.id,
            i.code,
            i.audience_label,
            i.sector or "",
            i.role,
            i.date,
            i.visitor,
            i.establishment,
        ]
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
                    "",
                    "",
                    a.notes,
                    "\n".join(a.evidence),
                    "\n".join(a.requested),
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
                    "",
                    r.rating,
                    r.basis,
                    r.comment,
                    "",
                    "",
                    _yes_no(r.in_guide),
                ]
            )
    return rows


def _yes_no(value: bool) -> str:
    return t("report.yes") if value else t("report.no")


def render(visit: m.Visit, separator: str = ",", only: str | None = None) -> str:
    """The CSV text of `visit`, byte-order mark first, cells separated by `separator` (`,` or `;`);
    `only="documents"`: the documents to request, one row each."""
    if only is not None:
        header = [t(f"report.csv.doc.{c}") for c in DOCUMENT_COLUMNS]
        return write([header, *_document_rows(visit)], separator)
    header = [t(f"report.csv.col.{c}") for c in COLUMNS]
    return write([header, *_rows(visit)], separator)


def _document_rows(visit: m.Visit) -> list[list[str]]:
    return [
        [
            g.audience_label,
            d.text,
            view.codes(d.asked),
            _yes_no(d.suggested),
            ", ".join(d.items),
            ", ".join(d.criteria),
        ]
        for g in visit.documents_to_request
        for d in g.documents
    ]


def write(rows: Iterable[Sequence[str]], separator: str = ",") -> str:
    """`rows` as CSV text: byte-order mark, every cell neutralised and quoted, CRLF."""
    if separator not in SEPARATORS:
        raise ValueError(f"separator must be one of {SEPARATORS!r}, not {separator!r}")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=separator, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerows([neutralise(cell, row_start=i == 0) for i, cell in enumerate(row)] for row in rows)
    return BOM + buffer.getvalue()
