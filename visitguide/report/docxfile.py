"""The Word export: a heading per criterion, tables for checkpoints, notes as paragraphs.

python-docx gives the package: its template with the styles used here (Title, Heading 1-4,
Table Grid, List Bullet, List Number), the A4 page and the document properties. The body is
written as WordprocessingML text and spliced into that package, because building thousands
of table cells through python-docx's object API grows slow on a large visit. Text
from the interviews is XML-escaped, and characters XML cannot hold (control characters, lone
surrogates) are shown as visible escapes instead of breaking the document.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape

from visitguide.messages import language, t
from visitguide.report import display as view
from visitguide.report import visit as m
from visitguide.text import clean

DOCUMENT_PART = "word/document.xml"
BODY_OPEN = "<w:body>"
SECTION_OPEN = "<w:sectPr"
TEXT_WIDTH = 9638  # A4 with 2 cm margins, in twentieths of a point
A4 = (11906, 16838)
MARGIN = 1134
HEADER_FILL = "EEF1F5"
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _safe(text: str) -> str:
    """Text XML can hold: control characters and lone surrogates made visible, then escaped."""
    text = clean(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _NOT_XML.sub(lambda mt: f"\\u{ord(mt.group()):04x}", text)
    return escape(text)


def _runs(
    text: str, *, bold: bool = False, italic: bool = False, size: int | None = None, color: str = ""
) -> str:
    """Runs of `text`, line breaks kept as `<w:br/>`."""
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    props += f'<w:color w:val="{color}"/>' if color else ""
    props += f'<w:sz w:val="{size}"/>' if size else ""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    lines = _safe(text).split("\n")
    inner = "<w:br/>".join(f'<w:t xml:space="preserve">{line}</w:t>' for line in lines)
    return f"<w:r>{rpr}{inner}</w:r>"


def _p(*runs: str, style: str | None = None, keep_next: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    ppr = f"<w:pPr>{props}</w:pPr>" if props else ""
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def _heading(text: str, level: int) -> str:
    return _p(_runs(text), style="Title" if level == 0 else f"Heading{level}")


def _text(text: str, **kw: object) -> str:
    return _p(_runs(text), **kw)  # type: ignore[arg-type]


def _label_value(label: str, value: str) -> str:
    return _p(_runs(label + " : ", bold=True), _runs(value))


def _bullet(*runs: str) -> str:
    return _p(*runs, style="ListBullet")


def _cell(content: str, width: int, fill: str | None = None, *, bold: bool = False) -> str:
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' if fill else ""
    paragraphs = content if content.startswith("<w:p>") else _p(_runs(content, bold=bold, size=18))
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{shd}</w:tcPr>{paragraphs}</w:tc>'


def _table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    fractions: Sequence[float],
    fills: Iterable[Sequence[str | None]] | None = None,
) -> str:
    """A table with a repeated header row; `fills` gives a background per cell (hex or None)."""
    widths = [round(TEXT_WIDTH * f) for f in fractions]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    head = "".join(_cell(h, w, HEADER_FILL, bold=True) for h, w in zip(header, widths, strict=True))
    body = []
    fill_rows = iter(fills) if fills is not None else None
    for row in rows:
        row_fills = next(fill_rows) if fill_rows is not None else [None] * len(row)
        cells = "".join(_cell(c, w, f) for c, w, f in zip(row, widths, row_fills, strict=True))
        body.append(f"<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>")
    props = '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
    return (
        f"<w:tbl>{props}<w:tblGrid>{grid}</w:tblGrid>"
        f"<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>{head}</w:tr>{''.join(body)}</w:tbl>"
    )


class Writer:
    """Builds the body of the document, section by section."""

    def __init__(self, visit: m.Visit) -> None:
        self.visit = visit
        self.labels = {a.id: a.label for a in visit.audiences}
        self.seen_label = t("report.documents_seen")
        self.parts: list[str] = []

    def body(self) -> str:
        for section in (
            self._header,
            self._ecarts,
            self._matrix,
            self._coverage,
            self._criteria,
            self._outside,
            self._interviews,
        ):
            section()
        return "".join(self.parts)

    def add(self, *xml: str) -> None:
        self.parts.extend(xml)

    def aud(self, audience: str) -> str:
        return self.labels.get(audience, audience)

    # --- sections ------------------------------------------------------------------------

    def _header(self) -> None:
        h = self.visit.header
        title = t("report.title") + (" — " + ", ".join(h.establishments) if h.establishments else "")
        self.add(_heading(title, 0), _text(h.guide.title))
        counts = "; ".join(f"{a.label} {a.interviews}" for a in h.audiences)
        from visitguide.report.text import dates

        self.add(
            _label_value(t("report.h.dates"), dates(h)),
            _label_value(t("report.h.visitors"), ", ".join(h.visitors) or "—"),
            _label_value(
                t("report.h.guide"),
                f"{h.guide.id}, {t('report.h.version', version=h.guide.version)} — {h.guide.source}",
            ),
            _label_value(t("report.h.referentiel"), h.guide.referentiel),
            _label_value(t("report.h.interviews"), f"{h.interviews} : {counts}"),
        )
        for a in h.audiences:
            sectors = [f"{view.sector(s.sector)} {s.interviews}" for s in a.sectors if s.sector]
            if sectors:
                self.add(_bullet(_runs(f"{a.label} : {', '.join(sectors)}")))
        if h.guide_changed:
            message = t("report.guide_changed", count=len(h.guide_changed)) + " " + ", ".join(h.guide_changed)
            self.add(_p(_runs(message, bold=True, color="A03A1E")))
        if h.ignored:
            self.add(_text(t("report.ignored", count=len(h.ignored)) + " " + ", ".join(h.ignored)))
        if h.duplicates:
            self.add(_text(t("report.duplicates", count=len(h.duplicates)) + " " + ", ".join(h.duplicates)))
        if h.redacted:
            self.add(_text(t("report.redacted_note")))

    def _ecarts(self) -> None:
        titles = view.criterion_titles(self.visit)
        self.add(_heading(f"{t('report.ecarts')} ({len(self.visit.ecarts)})", 1))
        if not self.visit.ecarts:
            self.add(_text(t("report.no_ecart")))
        for e in self.visit.ecarts:
            runs = [
                _runs(t(f"report.kind.{e.kind}") + " — ", bold=True, color="A03A1E"),
                _runs(view.ecart_title(e, titles, self.labels), bold=True),
            ]
            if e.checkpoint_text:
                runs.append(_runs("\n" + e.checkpoint_text, italic=True))
            runs.append(_runs("\n" + view.ecart_detail(e)))
            self.add(_p(*runs, style="ListNumber"))
        self.add(_p(_runs(t("report.ecart_rules"), italic=True, size=18)))

    def _matrix(self) -> None:
        self.add(_heading(t("report.summary"), 1), _text(t("report.heat_caption")))
        audiences = self.visit.audiences
        header = [t("report.col.criterion"), *(a.label for a in audiences), t("report.col.share")]
        rows, fills = [], []
        for row in self.visit.matrix:
            cells = [f"{row.criterion}\n{row.title}"]
            row_fills: list[str | None] = [None]
            for c in row.cells:
                empty = not (c.questions_total or c.checkpoints_total)
                cells.append(view.cell_summary(c, "\n"))
                row_fills.append(None if empty else view.fill(c.share).lstrip("#"))
            cells.append(f"{view.pct(row.share)} ({row.oui}/{row.oui + row.non})")
            row_fills.append(view.fill(row.share).lstrip("#"))
            rows.append(cells)
            fills.append(row_fills)
        share_w = 0.14
        aud_w = (1 - 0.3 - share_w) / max(len(audiences), 1)
        self.add(_table(header, rows, [0.3, *([aud_w] * len(audiences)), share_w], fills))

    def _coverage(self) -> None:
        cov = self.visit.coverage
        self.add(_heading(t("report.coverage"), 1), _heading(t("report.pending"), 2))
        header = [
            t("report.col.audience"),
            t("report.col.sector"),
            t("report.col.interviews"),
            t("report.col.questions_left"),
            t("report.col.checkpoints_left"),
        ]
        rows = [
            [
                p.audience_label,
                view.sector(p.sector) if p.by_sector else t("report.all_sectors"),
                str(p.interviews),
                "\n".join(q.id for q in p.questions) or t("report.nothing_left"),
                ", ".join(c.id for c in p.checkpoints) or t("report.nothing_left"),
            ]
            for p in cov.pending
        ]
        self.add(_table(header, rows, [0.17, 0.15, 0.1, 0.3, 0.28]))
        for title, items in ((t("report.revisit"), cov.revisit), (t("report.skipped"), cov.skipped)):
            self.add(_heading(f"{title} ({len(items)})", 2))
            if not items:
                self.add(_text(t("report.none")))
            for f in items:
                added = f" ({t('report.added_badge')})" if f.added else ""
                runs = [
                    _runs(f.question + added, bold=True),
                    _runs(f" — {self.aud(f.who.audience)}, {view.who(f.who)}"),
                ]
                if f.notes:
                    runs.append(_runs("\n" + f.notes))
                self.add(_bullet(*runs))
        self.add(_heading(f"{t('report.added')} ({len(cov.added)})", 2))
        if not cov.added:
            self.add(_text(t("report.none")))
        for a in cov.added:
            criteria = f" ; {', '.join(a.criteria)}" if a.criteria else ""
            runs = [
                _runs(a.text, bold=True),
                _runs(f" ({a.id}{criteria}) — {self.aud(a.who.audience)}, {view.who(a.who)}"),
                _runs(f", {view.status(a.status)}"),
            ]
            if a.notes:
                runs.append(_runs("\n" + a.notes))
            if a.evidence:
                runs.append(_runs(f"\n{t('report.documents_seen')} : {' ; '.join(a.evidence)}", italic=True))
            self.add(_bullet(*runs))

    def _criteria(self) -> None:
        for c in self.visit.criteria:
            self.add(_heading(f"{c.id} — {c.title}", 1))
            if c.equivalent:
                self.add(_p(_runs(view.equivalent(c.equivalent), italic=True)))
            share = t("report.criterion_share", pct=view.pct(c.share), oui=c.oui, non=c.non, na=c.na)
            if c.ecarts:
                share += " — ⚠ " + t("report.n_ecarts", count=c.ecarts)
            self.add(_text(share))
            self._checkpoints(c)
            self._notes(c)
            self._documents(c)

    def _checkpoints(self, c: m.CriterionView) -> None:
        self.add(_heading(t("report.checkpoints"), 2))
        if not c.checkpoints:
            self.add(_text(t("report.no_checkpoint")))
            return
        header = [
            t("report.col.checkpoint"),
            t("report.col.audience"),
            "oui",
            "non",
            "na",
            t("report.col.share"),
        ]
        rows = [
            [f"{k.id}\n{k.text}", k.audience_label, str(k.oui), str(k.non), str(k.na), view.pct(k.share)]
            for k in c.checkpoints
        ]
        self.add(_table(header, rows, [0.52, 0.18, 0.07, 0.07, 0.07, 0.09]))
        header = [
            t("report.col.rating"),
            t("report.col.who"),
            t("report.col.comment"),
        ]
        for k in c.checkpoints:
            if k.ratings:
                self.add(_heading(f"{k.id} ({k.audience_label})", 3))
                rows = [[r.rating, self._rater(r.who, k.audience), r.comment] for r in k.ratings]
                fills = [[view.fill(_rating_share(r.rating)).lstrip("#"), None, None] for r in k.ratings]
                self.add(_table(header, rows, [0.1, 0.38, 0.52], fills))

    def _rater(self, who: m.Who, audience: str) -> str:
        """Who rated, with the audience only when it is not the checkpoint's own."""
        text = view.who(who)
        return text if who.audience == audience else f"{text} ({self.aud(who.audience)})"

    def _notes(self, c: m.CriterionView) -> None:
        self.add(_heading(t("report.notes"), 2))
        if not c.groups:
            self.add(_text(t("report.no_notes")))
        for g in c.groups:
            self.add(_heading(view.place(g.audience_label, g.sector), 3))
            for q in g.questions:
                added = f" — {t('report.added_badge')}" if q.added else ""
                self.add(_p(_runs(q.text, bold=True), _runs(f" ({q.id}{added})", size=18), keep_next=True))
                for n in q.notes:
                    state = "" if n.status == "answered" else f" — {view.status(n.status)}"
                    runs = [_runs(view.who(n.who, with_sector=False) + state, italic=True, color="5B6575")]
                    if n.notes:
                        runs.append(_runs("\n" + n.notes))
                    if n.evidence:
                        runs.append(_runs(f"\n{self.seen_label} : {' ; '.join(n.evidence)}", size=18))
                    self.add(_bullet(*runs))

    def _documents(self, c: m.CriterionView) -> None:
        self.add(_heading(t("report.documents"), 2))
        if not c.documents:
            self.add(_text(t("report.no_document")))
            return
        header = [t("report.col.document"), t("report.col.requested"), t("report.col.seen_by")]
        rows = [
            [
                d.text,
                t("report.yes") if d.requested else "",
                " ; ".join(view.who(w) for w in d.seen) or t("report.not_seen"),
            ]
            for d in c.documents
        ]
        self.add(_table(header, rows, [0.45, 0.12, 0.43]))

    def _outside(self) -> None:
        orphans = self.visit.coverage.outside_guide
        if not orphans:
            return
        self.add(_heading(t("report.outside_guide"), 1), _text(t("report.outside_guide_note")))
        header = [
            t("report.col.id"),
            t("report.col.audience"),
            t("report.col.who"),
            t("report.col.status"),
            t("report.col.notes"),
        ]
        rows = [
            [
                o.id,
                self.aud(o.who.audience),
                view.who(o.who),
                o.status,
                "\n".join([o.notes, *o.evidence]).strip(),
            ]
            for o in orphans
        ]
        self.add(_table(header, rows, [0.18, 0.14, 0.2, 0.1, 0.38]))

    def _interviews(self) -> None:
        self.add(_heading(f"{t('report.interviews')} ({len(self.visit.interviews)})", 1))
        header = [
            t("report.col.file"),
            t("report.col.audience"),
            t("report.col.sector"),
            t("report.col.role"),
            t("report.col.date"),
            t("report.col.visitor"),
            t("report.col.state"),
        ]
        rows = [
            [
                i.file,
                i.audience_label,
                i.sector or "",
                i.role,
                i.date,
                i.visitor,
                t(f"report.state.{i.status}") + (" ⚠" if i.guide_changed else ""),
            ]
            for i in self.visit.interviews
        ]
        self.add(_table(header, rows, [0.24, 0.14, 0.13, 0.14, 0.11, 0.12, 0.12]))


def _rating_share(rating: str) -> float | None:
    return {"oui": 1.0, "non": 0.0}.get(rating)


def render(visit: m.Visit) -> bytes:
    """The .docx file's bytes."""
    from docx import Document
    from docx.shared import Twips

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = (Twips(x) for x in A4)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(MARGIN))
    document.core_properties.title = t("report.title")
    document.core_properties.language = "fr-FR" if language() == "fr" else "en-GB"
    template = io.BytesIO()
    document.save(template)
    return with_body(template.getvalue(), Writer(visit).body())


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
                data = _splice(data.decode("utf-8"), body).encode("utf-8")
            target.writestr(item, data)
    return out.getvalue()


def _splice(document_xml: str, body: str) -> str:
    start = document_xml.index(BODY_OPEN) + len(BODY_OPEN)
    section = document_xml.index(SECTION_OPEN, start)
    return document_xml[:start] + body + document_xml[section:]
