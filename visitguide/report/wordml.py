"""WordprocessingML written as text: runs, paragraphs, headings, internal links, tables, and
the splice of a body into the package python-docx makes.

Building thousands of table cells through python-docx's object API grows slow on a large
visit, so the report's body is written here as XML text. Text from the interviews is
XML-escaped, and characters XML cannot hold (control characters, lone surrogates) are shown as
visible escapes instead of breaking the document. The package itself (styles, A4 page, running
header and page numbers, language) comes from python-docx.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from visitguide.messages import t
from visitguide.text import clean

DOCUMENT_PART = "word/document.xml"
BODY_OPEN = "<w:body>"
SECTION_OPEN = "<w:sectPr"
TEXT_WIDTH = 9638  # A4 with 2 cm margins, in twentieths of a point
A4 = (11906, 16838)
MARGIN = 1134
HEADER_FILL = "EEF1F5"
CHAR_WIDTH = 130  # twips per character of 9 pt bold text, generous: office suites may substitute a wide font
CELL_PADDING = 260  # twips of cell margins and borders around a cell's text
SHORT_HEADER = 12  # a header up to this long stays on one line ("% oui", "Vérifiés")
NARROW = 0.2  # columns up to this fraction of the width fit their longest word too
NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def safe(text: str) -> str:
    """Text XML can hold: control characters and lone surrogates made visible, then escaped."""
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = NOT_XML.sub(lambda mt: f"\\u{ord(mt.group()):04x}", text)
    return escape(text)


def runs(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    color: str = "",
    underline: bool = False,
) -> str:
    """Runs of `text`, line breaks kept as `<w:br/>`."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += f'<w:color w:val="{color}"/>' if color else ""
    props += '<w:u w:val="single"/>' if underline else ""
    props += f'<w:sz w:val="{size}"/>' if size else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    lines = safe(text).split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:r>{rpr}{inner}</w:r>"


def paragraph(
    *runs: str, style: str | None = None, keep_next: bool = False, page_before: bool = False
) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    props += "<w:pageBreakBefore/>" if page_before else ""
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def heading(text: str, level: int, *, mark: str = "", page_before: bool = False) -> str:
    """A heading; `mark` is the raw XML of a bookmark that wraps its text."""
    style = "Title" if level == 0 else f"Heading{level}"
    return paragraph(
        mark.replace("{}", runs(text)) if mark else runs(text), style=style, page_before=page_before
    )


def link(text: str, anchor: str, **kw: object) -> str:
    """Runs of `text` that jump to the bookmark `anchor` when clicked."""
    run = runs(text, color="23527C", underline=True, **kw)  # type: ignore[arg-type]
    return f'<w:hyperlink w:anchor="{anchor}" w:history="1">{run}</w:hyperlink>'


def text_paragraph(text: str, **kw: object) -> str:
    return paragraph(runs(text), **kw)  # type: ignore[arg-type]


def label_value(label: str, value: str) -> str:
    return paragraph(runs(label + " : ", bold=True), runs(value))


def bullet(*runs: str) -> str:
    return paragraph(*runs, style="ListBullet")


def cell(content: str, width: int, fill: str | None = None, *, bold: bool = False) -> str:
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    paragraphs = content if content.startswith("<w:p>") else paragraph(runs(content, bold=bold, size=18))
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>{paragraphs}</w:tc>'


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    fractions: Sequence[float],
    fills: Iterable[Sequence[str | None]] | None = None,
) -> str:
    """A table with a repeated header row; `fills` gives a background per cell (hex or None).
    Columns keep the widths asked for, widened where a header word would not fit."""
    table_rows = [list(row) for row in rows]
    widths = fit(header, fractions, table_rows)
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(cell(h, w, HEADER_FILL, bold=True) for h, w in zip(header, widths, strict=True))
    body = []
    fill_rows = iter(fills) if fills is not None else None
    for row in table_rows:
        row_fills = next(fill_rows) if fill_rows is not None else [None] * len(row)
        cells = "".join(cell(c, w, f) for c, w, f in zip(row, widths, row_fills, strict=True))
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    props = (
        f'<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        '<w:tblLayout w:type="fixed"/></w:tblPr>'
    )
    return (
        f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head}</w:tr>{''.join(body)}</w:tbl>"
    )


def fit(header: Sequence[str], fractions: Sequence[float], rows: Sequence[Sequence[str]] = ()) -> list[int]:
    """Column widths (twips) from `fractions` of the text width, each wide enough for its
    header ("Cotation", "% oui" never break) and, in narrow columns, for the longest word of
    its cells ("professionnels"); the room is taken from the columns that have more."""
    widths = [round(TEXT_WIDTH * f) for f in fractions]
    need = [room_for(h if len(h) <= SHORT_HEADER else max(h.split(), key=len, default="")) for h in header]
    for i, fraction in enumerate(fractions):
        if fraction <= NARROW:
            words = (w for row in rows if not row[i].startswith("<") for w in row[i].split())
            need[i] = max(need[i], room_for(max(words, key=len, default="")))
    short = sum(max(n - w, 0) for n, w in zip(need, widths, strict=True))
    spare = {i: w - n for i, (n, w) in enumerate(zip(need, widths, strict=True)) if w > n}
    room = sum(spare.values())
    if not short or room <= 0:
        return widths
    take = min(short, room)
    return [
        w - round(take * spare[i] / room) if i in spare else max(w, n)
        for i, (n, w) in enumerate(zip(need, widths, strict=True))
    ]


def room_for(text: str) -> int:
    return len(text) * CHAR_WIDTH + CELL_PADDING if text else 0


def language(document: Any, tag: str) -> None:
    """The language of the text (what Word spell-checks against) and of the document."""
    from docx.oxml.ns import qn

    document.core_properties.language = tag
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    settings = document.settings.element.find(qn("w:themeFontLang"))
    if settings is not None:
        settings.set(qn("w:val"), tag)


def running_header(section: Any, text: str) -> None:
    """The report, the establishment and the dates at the top of each page; the page number
    and the page count at the foot."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    header = section.header.paragraphs[0]
    header._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr>{SMALL}</w:rPr><w:t xml:space="preserve">{safe(text)}</w:t></w:r>'
        )
    )
    footer = section.footer.paragraphs[0]
    footer._p.insert(0, parse_xml(f'<w:pPr {nsdecls("w")}><w:jc w:val="right"/></w:pPr>'))
    pieces = re.split(r"\{(page|pages)\}", t("report.page", page="{page}", pages="{pages}"))
    for n, piece in enumerate(pieces):
        if n % 2:
            field = "PAGE" if piece == "page" else "NUMPAGES"
            run = f"<w:r><w:rPr>{SMALL}</w:rPr><w:t>1</w:t></w:r>"
            xml = f'<w:fldSimple {nsdecls("w")} w:instr=" {field} ">{run}</w:fldSimple>'
        elif piece:
            text = f'<w:t xml:space="preserve">{safe(piece)}</w:t>'
            xml = f"<w:r {nsdecls('w')}><w:rPr>{SMALL}</w:rPr>{text}</w:r>"
        else:
            continue
        footer._p.append(parse_xml(xml))


SMALL = '<w:color w:val="5B6575"/><w:sz w:val="16"/>'


def with_body(package: bytes, body: str) -> bytes:
    """The package with `body` as the content of `word/document.xml`'s `<w:body>`.

    The body is spliced in as text, before the section properties (page size, margins):
    parsing a large body and moving it into python-docx's tree costs time that grows faster
    than the body (lxml re-homes every node), and the text needs no parsing at all.
    """
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == DOCUMENT_PART:
                data = splice(data.decode("utf-8"), body).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def splice(document_xml: str, body: str) -> str:
    start = document_xml.index(BODY_OPEN) + len(BODY_OPEN)
    section = document_xml.index(SECTION_OPEN, start)
    return document_xml[:start] + body + document_xml[section:]
