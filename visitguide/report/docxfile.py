"""The Word export: a heading per criterion, tables for checkpoints, notes as paragraphs.

Pages carry a running header (the report, the establishment, the dates) and "Page N / M" at
the foot; the text is tagged French (fr-FR), so that Word spell-checks it as French. The
écarts at the top link to their headings in the criteria (bookmarks), as do the criteria of
the matrix; the documents to request start and end a page, so that they print on their own.

python-docx gives the package: its template with the styles used here (Title, Heading 1-4,
Table Grid, List Bullet, List Number), the A4 page and the document properties; the body is
written as WordprocessingML text (`wordml`) and spliced into it.
"""

from __future__ import annotations

import io

from visitguide.messages import language, t
from visitguide.report import display as view
from visitguide.report import synthesis
from visitguide.report import visit as m
from visitguide.report import wordml as w


class Writer:
    """Builds the body of the document, section by section."""

    def __init__(self, visit: m.Visit) -> None:
        self.visit = visit
        self.labels = {a.id: a.label for a in visit.audiences}
        self.titles = view.criterion_titles(visit)
        self.codes = view.shown_codes(visit)
        self.diffs = view.by_id(visit)
        self.seen_label = t("report.documents_seen")
        self.asked_label = t("report.documents_asked")
        self.parts: list[str] = []
        self.marks = 0
        self.basis = view.basis_labels()

    def body(self) -> str:
        for section in (
            self._header,
            self._ecarts,
            self._matrix,
            self._to_request,
            self._coverage,
            self._criteria,
            self._unlinked,
            self._outside,
            self._interviews,
        ):
            section()
        return "".join(self.parts)

    def documents_only(self) -> str:
        """The body of `export --only documents`: a title, the dates, the documents to request."""
        h = self.visit.header
        where = ", ".join(h.establishments) or h.guide.title
        self.add(w.heading(t("report.to_request_title", where=where), 0))
        self.add(
            w.label_value(t("report.h.dates"), view.dates(h)),
            w.label_value(t("report.h.visitors"), ", ".join(h.visitors) or "—"),
            w.label_value(t("report.h.interviews"), str(h.interviews)),
        )
        self._to_request(standalone=True)
        return "".join(self.parts)

    def add(self, *xml: str) -> None:
        self.parts.extend(xml)

    def aud(self, audience: str) -> str:
        return self.labels.get(audience, audience)

    def bookmark(self, name: str) -> str:
        """A bookmark wrapping `{}` (the runs it marks)."""
        self.marks += 1
        n, mark = self.marks, view.bookmark(name)
        return f'<w:bookmarkStart w:id="{n}" w:name="{mark}"/>{{}}<w:bookmarkEnd w:id="{n}"/>'

    # --- sections ------------------------------------------------------------------------

    def _header(self) -> None:
        h = self.visit.header
        title = t("report.title") + (" — " + ", ".join(h.establishments) if h.establishments else "")
        self.add(w.heading(title, 0), w.text_paragraph(h.guide.title))
        counts = "; ".join(f"{a.label} {a.interviews}" for a in h.audiences)
        self.add(
            w.label_value(t("report.h.dates"), view.dates(h)),
            w.label_value(t("report.h.visitors"), ", ".join(h.visitors) or "—"),
            w.label_value(
                t("report.h.guide"),
                f"{h.guide.id}, {t('report.h.version', version=h.guide.version)} — {h.guide.source}",
            ),
            w.label_value(t("report.h.referentiel"), view.referentiel(h)),
            w.label_value(t("report.h.interviews"), f"{h.interviews} : {counts}"),
        )
        caveat = view.caveat(h)
        if caveat:
            self.add(w.paragraph(w.runs(caveat, italic=True, size=18)))
        for a in h.audiences:
            sectors = [f"{view.sector(s.sector)} {s.interviews}" for s in a.sectors if s.sector]
            if sectors:
                self.add(w.bullet(w.runs(f"{a.label} : {', '.join(sectors)}")))
        if h.guide_changed:
            message = t("report.guide_changed", count=len(h.guide_changed)) + " " + ", ".join(h.guide_changed)
            self.add(w.paragraph(w.runs(message, bold=True, color="A03A1E")))
        if h.ignored:
            self.add(w.text_paragraph(t("report.ignored", count=len(h.ignored)) + " " + ", ".join(h.ignored)))
        if h.duplicates:
            self.add(
                w.text_paragraph(
                    t("report.duplicates", count=len(h.duplicates)) + " " + ", ".join(h.duplicates)
                )
            )
        if h.redacted:
            self.add(w.text_paragraph(t("report.redacted_note")))

    def _title_link(self, e: m.Ecart, *, bold: bool = False) -> str:
        """The écart's title, linked to its detail in its criterion (none without a criterion)."""
        title = view.ecart_title(e, self.titles, self.labels)
        if view.home(e) is None:
            return w.runs(title, bold=bold)
        return w.link(title, view.bookmark(e.id), bold=bold)

    def _ecarts(self) -> None:
        self.add(w.heading(f"{t('report.ecarts')} ({len(self.visit.ecarts)})", 1))
        if self.visit.ecarts:
            self.add(w.text_paragraph(view.ecart_counts(self.visit.ecarts)))
        else:
            self.add(w.text_paragraph(t("report.no_ecart")))
        for e in self.visit.ecarts:
            runs = [
                w.runs(t(f"report.kind.{e.kind}") + " — ", bold=True, color="A03A1E"),
                self._title_link(e, bold=True),
            ]
            if e.checkpoint_text:
                runs.append(w.runs("\n" + e.checkpoint_text, italic=True))
            runs.append(w.runs("\n" + view.ecart_detail(e)))
            self.add(w.paragraph(*runs, style="ListNumber"))
        if self.visit.to_confirm:
            self.add(w.text_paragraph(t("report.to_confirm_count", count=len(self.visit.to_confirm))))
            for e in self.visit.to_confirm:
                title = f"{t('report.kind.' + e.kind)} — {view.ecart_title(e, self.titles, self.labels)}"
                self.add(
                    w.bullet(
                        w.runs(t("report.to_confirm") + " — ", bold=True, color="5B6575"),
                        w.link(title, view.bookmark(e.id)) if view.home(e) else w.runs(title),
                        w.runs("\n" + view.ecart_detail(e), size=18),
                    )
                )
        self.add(w.paragraph(w.runs(t("report.ecart_rules"), italic=True, size=18)))

    def _matrix(self) -> None:
        self.add(w.heading(t("report.summary"), 1), w.text_paragraph(t("report.heat_caption")))
        audiences = self.visit.audiences
        header = [t("report.col.criterion"), *(a.label for a in audiences), t("report.col.share")]
        rows, fills = [], []
        for row in self.visit.matrix:
            criterion = next(c for c in self.visit.criteria if c.id == row.criterion)
            label = f"{self.codes[row.criterion]}\n{row.title}"
            cells = [
                label
                if criterion.empty
                else w.paragraph(w.link(label, view.bookmark(view.anchor(row.criterion)), size=18))
            ]
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
        self.add(w.table(header, rows, [0.3, *([aud_w] * len(audiences)), share_w], fills))

    def _to_request(self, standalone: bool = False) -> None:
        """The documents to request, by audience; in the report, on pages of their own."""
        if not standalone:
            self.add(w.heading(t("report.to_request"), 1, page_before=True))
        self.add(w.paragraph(w.runs(t("report.to_request_intro"), italic=True, size=18)))
        if not self.visit.documents_to_request:
            self.add(w.text_paragraph(t("report.to_request_none")))
        header = [t("report.col.document"), t("report.col.why"), t("report.col.doc_criteria")]
        for g in self.visit.documents_to_request:
            self.add(w.heading(f"{g.audience_label} ({len(g.documents)})", 2))
            rows = []
            for d in g.documents:
                why = [t("report.asked_in", codes=view.codes(d.asked))] if d.asked else []
                if d.suggested:
                    why.append(view.suggested_for(d))
                rows.append(["☐ " + d.text, "\n".join(why) or ", ".join(d.items), ", ".join(d.criteria)])
            fills = [["FFF3D6" if d.asked else None, None, None] for d in g.documents]
            self.add(w.table(header, rows, [0.44, 0.38, 0.18], fills))
        if not standalone:
            self.add(w.paragraph(page_before=True))

    def _coverage(self) -> None:
        cov = self.visit.coverage
        self.add(w.heading(t("report.coverage"), 1), w.heading(t("report.pending"), 2))
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
        self.add(w.table(header, rows, [0.17, 0.15, 0.1, 0.3, 0.28]))
        for title, items in ((t("report.revisit"), cov.revisit), (t("report.skipped"), cov.skipped)):
            self.add(w.heading(f"{title} ({len(items)})", 2))
            if not items:
                self.add(w.text_paragraph(t("report.none")))
            for f in items:
                added = f" ({t('report.added_badge')})" if f.added else ""
                runs = [
                    w.runs(f.question + added, bold=True),
                    w.runs(f" — {self.aud(f.who.audience)}, {view.who(f.who)}"),
                ]
                if f.notes:
                    runs.append(w.runs("\n" + f.notes))
                self.add(w.bullet(*runs))
        self.add(w.heading(f"{t('report.added')} ({len(cov.added)})", 2))
        if not cov.added:
            self.add(w.text_paragraph(t("report.none")))
        for a in cov.added:
            criteria = f" ; {', '.join(a.criteria)}" if a.criteria else ""
            runs = [
                w.runs(a.text, bold=True),
                w.runs(f" ({a.id}{criteria}) — {self.aud(a.who.audience)}, {view.who(a.who)}"),
                w.runs(f", {view.status(a.status)}"),
            ]
            if a.notes:
                runs.append(w.runs("\n" + a.notes))
            runs += self._documents_runs(a.evidence, a.requested)
            self.add(w.bullet(*runs))

    def _documents_runs(self, seen: list[str], asked: list[str]) -> list[str]:
        runs = []
        if seen:
            runs.append(w.runs(f"\n{self.seen_label} : {' ; '.join(seen)}", italic=True, size=18))
        if asked:
            runs.append(
                w.runs(f"\n{self.asked_label} : {' ; '.join(asked)}", italic=True, size=18, color="7A5200")
            )
        return runs

    def _criteria(self) -> None:
        empty = view.empty_criteria(self.visit)
        if empty:
            self.add(w.paragraph(w.runs(empty, italic=True)))
        for c in self.visit.criteria:
            if c.empty:
                continue
            title = f"{self.codes[c.id]} — {c.title}" + (f"  ⚠ {c.ecarts}" if c.ecarts else "")
            self.add(w.heading(title, 1, mark=self.bookmark(view.anchor(c.id))))
            if c.equivalent:
                self.add(w.paragraph(w.runs(view.equivalent(c.equivalent), italic=True)))
            shares = " · ".join(view.audience_shares(self.visit, c.id)) or t("report.nothing_rated")
            self.add(w.paragraph(w.runs(shares, bold=True)))
            self._synthesis(c)
            self._differences(c)
            self._pairs(c)
            self._checkpoints(c)
            self._notes(c)
            self._documents(c)

    def _synthesis(self, c: m.CriterionView) -> None:
        self.add(w.heading(t("report.synthesis"), 2))
        self.add(w.paragraph(w.runs(t("report.synthesis_note"), italic=True, size=18, color="5B6575")))
        for s in synthesis.statements(self.visit, c):
            codes = f" [{', '.join(s.codes)}]" if s.codes else ""
            self.add(
                w.bullet(
                    w.runs(s.label + " : ", bold=True),
                    w.runs(s.text),
                    w.runs(codes, bold=True, color="23527C"),
                )
            )

    def _differences(self, c: m.CriterionView) -> None:
        """Each écart and difference to confirm of the criterion, in full: both sides, each
        rating with who gave it, what it rests on and its comment."""
        if not (c.ecart_ids or c.to_confirm):
            return
        self.add(w.heading(t("report.ecarts_here"), 2))
        for id_ in [*c.ecart_ids, *c.to_confirm]:
            e = self.diffs[id_]
            kind = t(f"report.kind.{e.kind}")
            title = f"⚠ {kind}" if id_ in c.ecart_ids else f"{t('report.to_confirm')} — {kind}"
            title += f" — {view.ecart_title(e, self.titles, self.labels)}"
            mark = self.bookmark(e.id) if view.home(e) == c.id else ""
            self.add(w.heading(title, 3, mark=mark))
            if e.checkpoint_text:
                self.add(w.paragraph(w.runs(e.checkpoint_text, italic=True, size=18)))
            for side_title, sides in ((t("report.col.high"), e.high), (t("report.col.low"), e.low)):
                for s in sides:
                    full = t(
                        "report.side_full",
                        label=s.label,
                        pct=view.pct(s.share),
                        oui=s.oui,
                        total=s.oui + s.non,
                    )
                    self.add(w.paragraph(w.runs(f"{side_title} — {full}", bold=True), keep_next=True))
                    for checkpoint, ratings in view.side_ratings(s):
                        for r in ratings:
                            text = f"{checkpoint} : {r.rating} — {view.who(r.who)} — {self.basis[r.basis]}"
                            runs = [w.runs(text, size=18)]
                            if r.comment:
                                runs.append(w.runs("\n" + r.comment, italic=True, size=18))
                            self.add(w.bullet(*runs))

    def _pairs(self, c: m.CriterionView) -> None:
        if not c.pairs:
            return
        self.add(
            w.heading(t("report.pairs"), 2), w.paragraph(w.runs(t("report.pairs_note"), italic=True, size=18))
        )
        header = [t("report.col.declared"), t("report.col.observed"), t("report.col.verdict")]
        rows, fills = [], []
        for p in c.pairs:
            cells = []
            for s in (p.declared, p.observed):
                codes = f" [{', '.join(s.codes)}]" if s.codes else ""
                cells.append(
                    f"{s.id} ({s.audience_label})\n{view.truncate(s.text, 140)}\n{view.pair_side(s)}{codes}"
                )
            source = "\n" + t("report.pair_source", source=p.source) if p.source else ""
            cells.append(view.verdict(p.verdict) + source)
            rows.append(cells)
            fills.append([None, None, "FDECEA" if p.verdict == "disagree" else None])
        self.add(w.table(header, rows, [0.38, 0.38, 0.24], fills))

    def _checkpoints(self, c: m.CriterionView) -> None:
        self.add(w.heading(t("report.checkpoints"), 2))
        if not c.checkpoints:
            self.add(w.text_paragraph(t("report.no_checkpoint")))
            return
        verified = sum(k.verified for k in c.checkpoints)
        rated = c.oui + c.non + c.na
        self.add(
            w.paragraph(
                w.runs(t("report.declared_verified", declared=rated - verified, verified=verified), size=18)
            )
        )
        added = view.checkpoints_added(c)
        if added:
            self.add(w.paragraph(w.runs(added, italic=True, size=18)))
        self._checkpoint_tables(c.checkpoints)

    def _unlinked(self) -> None:
        """Checkpoints citing no criterion, under their sections."""
        if not self.visit.unlinked:
            return
        self.add(w.heading(t("report.unlinked"), 1), w.text_paragraph(t("report.unlinked_intro")))
        for section in self.visit.unlinked:
            self.add(w.heading(section.section, 2))
            self._checkpoint_tables(section.checkpoints)

    def _checkpoint_tables(self, checkpoints: list[m.CheckpointView]) -> None:
        """The checkpoints' table, then each one's ratings."""
        header = [
            t("report.col.checkpoint"),
            t("report.col.audience"),
            "oui",
            "non",
            "na",
            t("report.col.share"),
            t("report.col.verified"),
            t("report.col.marks"),
        ]
        rows, fills = [], []
        for k in checkpoints:
            marks = " ".join([*(f"⚠ {i}" for i in k.ecarts), *(f"? {i}" for i in k.to_confirm)])
            rows.append(
                [
                    f"{k.id}\n{k.text}",
                    k.audience_label,
                    str(k.oui),
                    str(k.non),
                    str(k.na),
                    view.pct(k.share),
                    str(k.verified),
                    marks,
                ]
            )
            fill = "FDECEA" if k.ecarts else "F3F4F6" if k.to_confirm else None
            fills.append([fill] * len(header))
        self.add(w.table(header, rows, [0.4, 0.15, 0.06, 0.06, 0.06, 0.08, 0.09, 0.1], fills))
        header = [t("report.col.rating"), t("report.col.basis"), t("report.col.who"), t("report.col.comment")]
        for k in checkpoints:
            if k.ratings:
                self.add(w.heading(f"{k.id} ({k.audience_label})", 3))
                rows = [
                    [r.rating, self.basis[r.basis], self._rater(r.who, k.audience), r.comment]
                    for r in k.ratings
                ]
                fills = [
                    [view.fill(_rating_share(r.rating)).lstrip("#"), None, None, None] for r in k.ratings
                ]
                self.add(w.table(header, rows, [0.11, 0.19, 0.3, 0.4], fills))

    def _rater(self, who: m.Who, audience: str) -> str:
        """Who rated, with the audience only when it is not the checkpoint's own."""
        text = view.who(who)
        return text if who.audience == audience else f"{text} ({self.aud(who.audience)})"

    def _notes(self, c: m.CriterionView) -> None:
        self.add(w.heading(t("report.notes"), 2))
        if not c.groups:
            self.add(w.text_paragraph(t("report.no_notes")))
        for g in c.groups:
            self.add(w.heading(view.place(g.audience_label, g.sector), 3))
            for q in g.questions:
                added = f" — {t('report.added_badge')}" if q.added else ""
                self.add(
                    w.paragraph(
                        w.runs(q.text, bold=True), w.runs(f" ({q.id}{added})", size=18), keep_next=True
                    )
                )
                for n in q.notes:
                    state = "" if n.status == "answered" else f" — {view.status(n.status)}"
                    runs = [w.runs(view.who(n.who, with_sector=False) + state, italic=True, color="5B6575")]
                    if n.notes:
                        runs.append(w.runs("\n" + n.notes))
                    runs += self._documents_runs(n.evidence, n.requested)
                    self.add(w.bullet(*runs))

    def _documents(self, c: m.CriterionView) -> None:
        self.add(w.heading(t("report.documents"), 2))
        if not c.documents:
            self.add(w.text_paragraph(t("report.no_document")))
            return
        header = [
            t("report.col.document"),
            t("report.col.requested"),
            t("report.col.doc_state"),
            t("report.col.seen_by"),
            t("report.col.asked_in"),
        ]
        rows = [
            [
                d.text,
                view.added(d.added_by) if d.added_by else t("report.suggested") if d.requested else "",
                view.doc_state(d.state),
                " ; ".join(view.who(w) for w in d.seen),
                view.codes(d.asked),
            ]
            for d in c.documents
        ]
        fills = [
            [None, None, {"vu": "EEF8EF", "demande": "FFF3D6"}.get(d.state), None, None] for d in c.documents
        ]
        self.add(w.table(header, rows, [0.36, 0.1, 0.14, 0.26, 0.14], fills))

    def _outside(self) -> None:
        orphans = self.visit.coverage.outside_guide
        if not orphans:
            return
        self.add(w.heading(t("report.outside_guide"), 1), w.text_paragraph(t("report.outside_guide_note")))
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
                "\n".join([o.notes, *o.evidence, *o.requested]).strip(),
            ]
            for o in orphans
        ]
        self.add(w.table(header, rows, [0.18, 0.14, 0.2, 0.1, 0.38]))

    def _interviews(self) -> None:
        self.add(w.heading(f"{t('report.interviews')} ({len(self.visit.interviews)})", 1))
        header = [
            t("report.col.code"),
            t("report.col.file"),
            t("report.col.audience"),
            t("report.col.sector"),
            t("report.col.role"),
            t("report.col.date"),
            t("report.col.visitor"),
            t("report.col.state"),
        ]
        ordered = sorted(self.visit.interviews, key=lambda i: view.code_number(i.code))
        rows = [
            [
                i.code,
                i.file,
                i.audience_label,
                i.sector or "",
                i.role,
                i.date,
                i.visitor,
                t(f"report.state.{i.status}") + (" ⚠" if i.guide_changed else ""),
            ]
            for i in ordered
        ]
        self.add(w.table(header, rows, [0.07, 0.22, 0.14, 0.12, 0.13, 0.1, 0.12, 0.1]))


def _rating_share(rating: str) -> float | None:
    return {"oui": 1.0, "non": 0.0}.get(rating)


def render(visit: m.Visit, only: str | None = None) -> bytes:
    """The .docx file's bytes; `only="documents"`: the documents to request alone."""
    from docx import Document
    from docx.shared import Twips

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = (Twips(x) for x in w.A4)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Twips(w.MARGIN))
    document.core_properties.title = t("report.title")
    w.language(document, "fr-FR" if language() == "fr" else "en-GB")
    w.running_header(section, view.running_header(visit, view.dates(visit.header)))
    template = io.BytesIO()
    document.save(template)
    writer = Writer(visit)
    return w.with_body(template.getvalue(), writer.documents_only() if only else writer.body())
