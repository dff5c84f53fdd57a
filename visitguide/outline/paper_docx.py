"""The paper interview guide as a Word document (python-docx), same content as the HTML one.

A4 portrait; each audience starts on a new page; questions are followed by a box to write
in; checkpoints are tables with oui / non / na boxes and a comment column whose header row
repeats on each page. Texts come from `outline` (already cleaned of control characters,
which XML would refuse); python-docx escapes them.
"""

from __future__ import annotations

import io
from typing import Any

from visitguide.messages import t
from visitguide.outline.views import (
    ADDED_QUESTIONS,
    AudienceView,
    CheckpointView,
    GuideView,
    QuestionView,
    criterion_text,
)

ACCENT = (0x1F, 0x3A, 0x68)
MUTED = (0x55, 0x55, 0x55)
ADDED = (0x7A, 0x4A, 0x00)  # the mark of an addition of the bank's author, as in the HTML guide
PAGE_WIDTH_CM = 21.0
PAGE_HEIGHT_CM = 29.7
MARGIN_CM = 1.6
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
WRITING_BOX_CM = 3.6
HEADER_FILL = "EEF1F7"


def render(view: GuideView) -> bytes:
    """The document as the bytes of a .docx file (written by `outputs.write`, atomically)."""

    from docx import Document

    doc = Document()
    _page_setup(doc, view)
    _styles(doc)
    doc.core_properties.title = t("paper.title", title=view.title)
    doc.core_properties.subject = view.id
    for i, audience in enumerate(view.audiences):
        _audience(doc, view, audience, new_page=i > 0)
    if view.references:
        _references(doc, view)
    data = io.BytesIO()
    doc.save(data)
    return data.getvalue()


# --- page, styles, small pieces --------------------------------------------------------------


def _page_setup(doc: Any, view: GuideView) -> None:
    from docx.shared import Cm

    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    footer = section.footer.paragraphs[0]
    _run(footer, t("paper.footer", id=view.id, version=view.version) + " · ", size=7.5, color=MUTED)
    _page_field(footer)


def _page_field(paragraph: Any) -> None:
    """A PAGE field: Word and LibreOffice print the page number there."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "15")  # half-points: 7.5 pt, like the rest of the footer
    properties.append(size)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _styles(doc: Any) -> None:
    from docx.shared import Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Sans"
    normal.font.size = Pt(9.5)
    normal.paragraph_format.space_after = Pt(2)
    for name, size in (("Heading 1", 16), ("Heading 2", 12.5), ("Heading 3", 10.5)):
        style = doc.styles[name]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(*ACCENT)
        style.paragraph_format.space_before = Pt(10 if name != "Heading 1" else 0)
        style.paragraph_format.space_after = Pt(4)


def _run(
    paragraph: Any,
    text: str,
    bold: bool = False,
    size: float | None = None,
    color: Any = None,
    keep_hyphens: bool = False,
) -> Any:
    """A run of `text`; with `keep_hyphens`, a code such as 3.1-08 is never split at its hyphen."""
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run("" if keep_hyphens else text)
    if keep_hyphens:
        _unbreakable_hyphens(run, text)
    run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = RGBColor(*color)
    return run


def _unbreakable_hyphens(run: Any, text: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for i, piece in enumerate(text.split("-")):
        if i:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if piece:
            element = OxmlElement("w:t")
            element.set(qn("xml:space"), "preserve")
            element.text = piece
            run._r.append(element)


def _para(doc_or_cell: Any, text: str = "", keep: bool = False, **style: Any) -> Any:
    paragraph = doc_or_cell.add_paragraph()
    if text:
        _run(paragraph, text, **style)
    paragraph.paragraph_format.keep_with_next = keep
    return paragraph


def _table(doc: Any, widths_cm: list[float], header: list[str] | None = None) -> Any:
    from docx.shared import Cm

    table = doc.add_table(rows=0, cols=len(widths_cm))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    if header:
        cells = table.add_row().cells
        for cell, label in zip(cells, header, strict=True):
            _run(cell.paragraphs[0], label, bold=True, size=8.5)
        _repeat_header(table.rows[0])
    return table


def _row(table: Any, widths_cm: list[float], min_height_cm: float | None = None) -> Any:
    """A new row with its widths set on every cell (Word reads them there) and kept whole."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.oxml import OxmlElement
    from docx.shared import Cm

    row = table.add_row()
    for cell, width in zip(row.cells, widths_cm, strict=True):
        cell.width = Cm(width)
    if min_height_cm is not None:
        row.height = Cm(min_height_cm)
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    return row


def _repeat_header(row: Any) -> None:
    """The header row repeats on each page, shaded like the HTML one."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    row._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)


# --- content -------------------------------------------------------------------------------


def _audience(doc: Any, view: GuideView, audience: AudienceView, new_page: bool) -> None:
    kicker = _para(doc, t("paper.kicker").upper(), bold=True, size=7.5, color=ACCENT)
    kicker.paragraph_format.page_break_before = new_page
    doc.add_heading(t("paper.heading", label=audience.label), level=1)
    _para(doc, view.title, bold=True, size=10.5)
    meta = " · ".join(
        [
            t("paper.meta_version", version=view.version),
            t("paper.meta_source", source=view.source),
            t("paper.meta_referentiel", referentiel=view.referentiel_label),
            t("paper.meta_guide", id=view.id, audience=audience.id),
        ]
    )
    _para(doc, meta, size=8, color=MUTED)
    _context(doc)
    _legend(doc, view, audience)
    doc.add_heading(t("paper.questions", count=len(audience.questions)), level=2)
    if view.caveat:
        _para(doc, t("provenance.caveat", caveat=view.caveat), size=8, color=MUTED)
    for q in audience.questions:
        _question(doc, q, view.added_label)
    for n in range(ADDED_QUESTIONS):
        _added_question(doc, len(audience.questions) + n + 1)
    if audience.sections:
        _checkpoints(doc, audience, view.added_label)


def _context(doc: Any) -> None:
    doc.add_heading(t("paper.context"), level=2)
    widths = [6.0, TEXT_WIDTH_CM - 6.0]
    table = _table(doc, widths)
    labels = [
        t("paper.context.establishment"),
        t("paper.context.sector"),
        t("paper.context.role") + " " + t("paper.context.role_aside"),
        t("paper.context.visitor"),
        t("paper.context.date"),
    ]
    for label in labels:
        row = _row(table, widths, min_height_cm=0.9)
        _run(row.cells[0].paragraphs[0], label, bold=True)
    _para(doc, t("paper.instructions"), size=8.5).paragraph_format.space_before = _pt(4)


def _legend(doc: Any, view: GuideView, audience: AudienceView) -> None:
    doc.add_heading(t("paper.legend"), level=2)
    widths = [2.4, 9.0, TEXT_WIDTH_CM - 11.4]
    header = [
        t("paper.legend.code", referentiel=view.referentiel),
        t("paper.legend.title"),
        t("paper.legend.equivalents"),
    ]
    table = _table(doc, widths, header)
    for c in audience.cited_criteria:
        cells = _row(table, widths).cells
        _run(cells[0].paragraphs[0], c.code, bold=True, size=8.5)
        _run(cells[1].paragraphs[0], c.title, size=8.5)
        equivalents = [
            t("paper.equivalent", referentiel=eq.referentiel, code=eq.code)
            + (f" {eq.title}" if eq.title else "")
            + f" ({eq.status})"
            for eq in c.equivalents
        ]
        _run(cells[2].paragraphs[0], "\n".join(equivalents), size=8.5)
        if equivalents:
            _added(cells[2].paragraphs[0], view.added_label)


def _added(paragraph: Any, label: str) -> None:
    """The mark of an addition ("proposé par visitguide"), after what it marks."""
    _run(paragraph, f"  {label}", size=7.5, color=ADDED).italic = True


def _question(doc: Any, q: QuestionView, added_label: str) -> None:
    _para(doc, f"{q.number}. {q.text}", keep=True, bold=True, size=10).paragraph_format.space_before = _pt(8)
    for c in q.criteria:
        line = _para(doc, keep=True)
        _run(line, t("paper.criterion_label") + " ", bold=True, size=8.5)
        _run(line, criterion_text(c), size=8.5, keep_hyphens=True)
        if "criteria" in q.added:
            _added(line, added_label)
    if q.hint:
        line = _para(doc, keep=True)
        _run(line, t("paper.hint_label") + " ", bold=True, size=8.5)
        _run(line, q.hint, size=8.5)
        if "hint" in q.added:
            _added(line, added_label)
    if q.evidence:
        line = _para(doc, keep=True)
        _run(line, t("paper.evidence") + " ", bold=True, size=8.5)
        _run(line, "   ".join(f"☐ {e}" for e in q.evidence), size=8.5)
        if "evidence" in q.added:
            _added(line, added_label)
    _para(doc, t("paper.id", id=q.id), keep=True, size=7, color=MUTED)
    _writing_box(doc, t("paper.notes"))


def _added_question(doc: Any, number: int) -> None:
    line = _para(doc, keep=True)
    line.paragraph_format.space_before = _pt(8)
    _run(line, f"{number}. {t('paper.added_question_label')} ", bold=True, size=10, color=MUTED)
    _run(line, t("paper.dots"), size=8, color=MUTED)
    line = _para(doc, keep=True)
    _run(line, t("paper.added_criteria") + " ", bold=True, size=8.5)
    _run(line, t("paper.dots_short"), size=8, color=MUTED)
    _writing_box(doc, t("paper.notes"))


def _writing_box(doc: Any, label: str) -> None:
    widths = [TEXT_WIDTH_CM]
    table = _table(doc, widths)
    row = _row(table, widths, min_height_cm=WRITING_BOX_CM)
    _run(row.cells[0].paragraphs[0], label, size=7.5, color=MUTED)


def _checkpoints(doc: Any, audience: AudienceView, added_label: str) -> None:
    doc.add_heading(t("paper.checkpoints", count=len(audience.checkpoints)), level=2)
    _para(doc, t("paper.checkpoints_help"), size=8.5)
    widths = [9.4, 2.4, TEXT_WIDTH_CM - 11.8]
    header = [t("paper.verify"), t("paper.rating"), t("paper.comment")]
    for section in audience.sections:
        doc.add_heading(section.title, level=3)
        table = _table(doc, widths, header)
        for c in section.checkpoints:
            cells = _row(table, widths, min_height_cm=1.6).cells
            _run(cells[0].paragraphs[0], c.text, size=9)
            _checkpoint_details(cells[0].add_paragraph(), c, added_label)
            _run(cells[1].paragraphs[0], "☐ oui\n☐ non\n☐ na", size=9.5)


def _checkpoint_details(paragraph: Any, c: CheckpointView, added_label: str) -> None:
    """Criteria, hint, documents and id under a checkpoint, each addition marked."""
    codes = ", ".join(x.code for x in c.criteria) or t("provenance.no_criteria")
    parts = [("criteria", t("paper.criteria_codes", codes=codes))]
    if c.hint:
        parts.append(("hint", t("paper.hint", hint=c.hint)))
    if c.evidence:
        parts.append(("evidence", t("paper.evidence") + " " + " ; ".join(c.evidence)))
    for field, text in parts:
        _run(paragraph, text, size=7.5, color=MUTED)
        if field in c.added:
            _added(paragraph, added_label)
        _run(paragraph, " · ", size=7.5, color=MUTED)
    _run(paragraph, c.id, size=7.5, color=MUTED)


def _references(doc: Any, view: GuideView) -> None:
    kicker = _para(doc, t("paper.kicker").upper(), bold=True, size=7.5, color=ACCENT)
    kicker.paragraph_format.page_break_before = True
    doc.add_heading(t("paper.references"), level=1)
    _para(doc, view.title, bold=True, size=10.5)
    category: str | None = None
    for ref in view.references:
        if ref.category and ref.category != category:
            doc.add_heading(ref.category, level=2)
            category = ref.category
        item = doc.add_paragraph(style="List Bullet")
        _run(item, ref.title, size=8.5)
        if ref.url:
            _run(item, "\n" + ref.url, size=7.5, color=ACCENT)


def _pt(value: float) -> Any:
    from docx.shared import Pt

    return Pt(value)
