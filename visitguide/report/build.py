"""Consolidation: the interviews of a visit become one `visit.Visit`, in one pass.

Each interview is walked once to fill indexes (ratings by checkpoint, notes by question,
what each audience and sector was asked, documents seen and asked for); criteria, the
matrix, écarts, pairs, documents and coverage are then read off those indexes, so the cost
grows linearly with the number of answers.

Every interview gets its code first (`E1`, `E2`… by date, then start time), carried by
every `Who` so that each note and rating is traced to its interview.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from visitguide import text as textsearch
from visitguide.bank.guide import EQUIVALENT_REFERENTIEL, Checkpoint, Criterion, Question
from visitguide.bank.loader import Guide
from visitguide.errors import UsageError
from visitguide.interview.file import AnswerStatus, DocumentState, Evidence, Interview
from visitguide.messages import t
from visitguide.report import documents as documents_mod
from visitguide.report import ecarts as ecarts_mod
from visitguide.report import pairs as pairs_mod
from visitguide.report import visit as m
from visitguide.report.inputs import Inputs, Source

ASKED = frozenset({AnswerStatus.answered.value, AnswerStatus.revisit.value})

SectorKey = str | None


def sector_key(sector: str | None) -> SectorKey:
    """Sectors compared without case, accents or extra spaces; None when not given."""
    if sector is None or not sector.strip():
        return None
    return textsearch.fold(" ".join(sector.split()))


@dataclass
class Entry:
    """One interview as the consolidation sees it."""

    source: Source
    who: m.Who
    sector: SectorKey

    @property
    def interview(self) -> Interview:
        return self.source.interview


SEEN = DocumentState.vu  # looked up once: an enum member's access is a descriptor call


def documents(evidence: Sequence[Evidence]) -> tuple[list[str], list[str]]:
    """The documents seen, and those asked for and not seen yet."""
    if not evidence:
        return [], []
    seen = [e.document for e in evidence if e.state is SEEN]
    return seen, [e.document for e in evidence if e.state is not SEEN]


def codes(sources: Iterable[Source]) -> dict[str, str]:
    """Interview id -> `E1`, `E2`…, in the order of the interviews' dates, then start times."""
    ordered = sorted(
        sources, key=lambda s: (s.interview.context.date, s.interview.started_at, s.display, s.interview.id)
    )
    return {s.interview.id: f"E{n}" for n, s in enumerate(ordered, 1)}


@dataclass
class Index:
    """What the single pass over the interviews collects."""

    ratings: dict[str, list[tuple[Entry, m.Rated]]] = field(default_factory=lambda: defaultdict(list))
    notes: dict[str, list[tuple[Entry, m.Note]]] = field(default_factory=lambda: defaultdict(list))
    added: list[tuple[Entry, m.Added]] = field(default_factory=list)
    asked: dict[tuple[str, SectorKey], set[str]] = field(default_factory=lambda: defaultdict(set))
    rated: dict[tuple[str, SectorKey], set[str]] = field(default_factory=lambda: defaultdict(set))
    revisit: list[m.Flagged] = field(default_factory=list)
    skipped: list[m.Flagged] = field(default_factory=list)
    orphans: list[m.Orphan] = field(default_factory=list)


class Builder:
    """Builds the consolidated visit from checked inputs."""

    def __init__(self, inputs: Inputs, referentiel: str | None = None) -> None:
        self.inputs = inputs
        self.guide: Guide = inputs.guide
        self.referentiel = presented_in(self.guide, referentiel)
        self.author = self.guide.meta.additions_by
        self.labels = {a.id: a.label for a in self.guide.audiences}
        self.checkpoints = {c.id: c for c in self.guide.meta.checkpoints}
        self.sector_names: dict[str, str] = {}
        self.codes = codes(inputs.sources)
        self.entries = [self._entry(s) for s in inputs.sources]
        self.index = Index()

    def _by_code(self) -> list[Entry]:
        """The interviews in the order of their codes (E1, E2…), as the interviews table lists them."""
        return sorted(self.entries, key=lambda e: int(self.codes[e.interview.id][1:]))

    def build(self) -> m.Visit:
        for entry in self.entries:
            self._walk(entry)
        found, doubtful = ecarts_mod.find(self.guide, self.index.ratings, self.labels, self.sector_names)
        marks = _marks(found, doubtful)
        pairs = pairs_mod.views(
            self.guide, self.index.ratings, self.index.notes, self.labels, found + doubtful
        )
        criteria = [self._criterion(c, found, doubtful, marks, pairs) for c in self.guide.meta.criteria]
        return m.Visit(
            format=m.FORMAT,
            format_version=m.FORMAT_VERSION,
            header=self._header(),
            audiences=[m.Audience(a.id, a.label) for a in self.guide.audiences],
            matrix=[
                self._matrix_row(c, view, found)
                for c, view in zip(self.guide.meta.criteria, criteria, strict=True)
            ],
            ecarts=found,
            criteria=criteria,
            coverage=self._coverage(),
            interviews=[self._interview_info(e) for e in self._by_code()],
            to_confirm=doubtful,
            documents_to_request=documents_mod.to_request(
                self.guide, self.entries, self._audience_ids(), self.labels
            ),
            unlinked=self._unlinked(marks),
        )

    # --- the single pass ---------------------------------------------------------------

    def _entry(self, source: Source) -> Entry:
        ctx = source.interview.context
        key = sector_key(ctx.sector)
        if key is not None:
            self.sector_names.setdefault(key, " ".join((ctx.sector or "").split()))
        sector = self.sector_names.get(key) if key is not None else None
        interview = source.interview
        who = m.Who(
            interview.id, self.codes[interview.id], interview.audience, sector, ctx.interviewee_role, ctx.date
        )
        return Entry(source, who, key)

    def _walk(self, entry: Entry) -> None:
        interview, index = entry.interview, self.index
        place = (interview.audience, entry.sector)
        for qid, answer in interview.answers.items():
            note = m.Note(entry.who, answer.status.value, answer.notes, *documents(answer.evidence))
            found = self.guide.find_question(qid)
            if found is None:
                index.orphans.append(
                    m.Orphan(
                        entry.who, "question", qid, note.status, note.notes, note.evidence, note.requested
                    )
                )
                continue
            index.notes[qid].append((entry, note))
            if note.status in ASKED:
                index.asked[place].add(qid)
            self._flag(entry, qid, found[1].text, note, found[1].criteria, added=False)
        for cid, rating in interview.checkpoints.items():
            if cid not in self.checkpoints:
                index.orphans.append(
                    m.Orphan(entry.who, "checkpoint", cid, rating.rating.value, rating.comment, [], [])
                )
                continue
            rated = m.Rated(entry.who, rating.rating.value, rating.comment, rating.basis.value, cid)
            index.ratings[cid].append((entry, rated))
            index.rated[place].add(cid)
        for added in interview.added_questions:
            status = added.status.value if added.status else None
            seen, asked = documents(added.evidence)
            view = m.Added(
                entry.who, added.id, added.text, list(added.criteria), status, added.notes, seen, asked
            )
            index.added.append((entry, view))
            if status is not None:
                note = m.Note(entry.who, status, added.notes, seen, asked)
                self._flag(entry, added.id, added.text, note, added.criteria, added=True)

    def _flag(
        self, entry: Entry, qid: str, text: str, note: m.Note, criteria: Iterable[str], *, added: bool
    ) -> None:
        if note.status not in (AnswerStatus.revisit.value, AnswerStatus.skipped.value):
            return
        flagged = m.Flagged(entry.who, qid, text, note.status, note.notes, added, list(criteria))
        (self.index.revisit if note.status == AnswerStatus.revisit.value else self.index.skipped).append(
            flagged
        )

    # --- header and interviews ---------------------------------------------------------

    def _header(self) -> m.Header:
        meta = self.guide.meta
        contexts = [e.interview.context for e in self.entries]
        dates = sorted(c.date for c in contexts if c.date)
        return m.Header(
            establishments=_distinct(c.establishment for c in contexts),
            first_date=dates[0] if dates else None,
            last_date=dates[-1] if dates else None,
            visitors=sorted(_distinct(c.visitor for c in contexts), key=textsearch.fold),
            guide=m.GuideInfo(
                meta.id,
                meta.title,
                meta.version,
                meta.source,
                meta.referentiel,
                self.guide.digest,
                caveat=meta.caveat,
                additions_by=meta.additions_by,
                referentiel_added=meta.is_added("referentiel"),
            ),
            interviews=len(self.entries),
            audiences=self._audience_counts(),
            guide_changed=self.inputs.guide_changed(),
            ignored=list(self.inputs.ignored),
            duplicates=list(self.inputs.duplicates),
            redacted=self.inputs.redacted,
            presented_in=self.referentiel,
        )

    def _audience_counts(self) -> list[m.AudienceCount]:
        counts = []
        for audience in self._audience_ids():
            entries = [e for e in self.entries if e.interview.audience == audience]
            by_sector: dict[SectorKey, int] = defaultdict(int)
            for e in entries:
                by_sector[e.sector] += 1
            sectors = [m.SectorCount(self._sector_name(k), n) for k, n in self._sorted_sectors(by_sector)]
            counts.append(m.AudienceCount(audience, self._label(audience), len(entries), sectors))
        return counts

    def _interview_info(self, entry: Entry) -> m.InterviewInfo:
        interview, ctx = entry.interview, entry.interview.context
        return m.InterviewInfo(
            id=interview.id,
            code=entry.who.code,
            file=entry.source.display,
            started_at=interview.started_at,
            audience=interview.audience,
            audience_label=self._label(interview.audience),
            establishment=ctx.establishment,
            sector=entry.who.sector,
            role=ctx.interviewee_role,
            visitor=ctx.visitor,
            date=ctx.date,
            status=interview.status,
            guide_changed=interview.guide.digest != self.guide.digest,
            answers=self._answer_rows(interview),
            ratings=self._rating_rows(interview),
        )

    def _answer_rows(self, interview: Interview) -> list[m.AnswerRow]:
        rows = []
        for qid, answer in interview.answers.items():
            found = self.guide.find_question(qid)
            text, criteria = (found[1].text, list(found[1].criteria)) if found else ("", [])
            seen, asked = documents(answer.evidence)
            rows.append(
                m.AnswerRow(
                    qid,
                    text,
                    criteria,
                    answer.status.value,
                    answer.notes,
                    seen,
                    False,
                    found is not None,
                    asked,
                )
            )
        for a in interview.added_questions:
            status = a.status.value if a.status else ""
            seen, asked = documents(a.evidence)
            rows.append(
                m.AnswerRow(a.id, a.text, list(a.criteria), status, a.notes, seen, True, False, asked)
            )
        return rows

    def _rating_rows(self, interview: Interview) -> list[m.RatingRow]:
        rows = []
        for cid, rating in interview.checkpoints.items():
            checkpoint = self.checkpoints.get(cid)
            text, criteria = (checkpoint.text, list(checkpoint.criteria)) if checkpoint else ("", [])
            rows.append(
                m.RatingRow(
                    cid,
                    text,
                    criteria,
                    rating.rating.value,
                    rating.comment,
                    checkpoint is not None,
                    rating.basis.value,
                )
            )
        return rows

    # --- criteria ------------------------------------------------------------------------

    def _criterion(
        self,
        criterion: Criterion,
        found: list[m.Ecart],
        doubtful: list[m.Ecart],
        marks: dict[str, tuple[list[str], list[str]]],
        pairs: list[m.PairView],
    ) -> m.CriterionView:
        checkpoints = [
            self._checkpoint(c, marks) for c in self.guide.meta.checkpoints if criterion.id in c.criteria
        ]
        groups = self._note_groups(criterion.id)
        oui = sum(c.oui for c in checkpoints)
        non = sum(c.non for c in checkpoints)
        equivalent = criterion.equivalent(EQUIVALENT_REFERENTIEL)
        ecart_ids = [e.id for e in found if criterion.id in e.criteria]
        mine = [p for p in pairs if criterion.id in p.criteria]
        docs = documents_mod.of_criterion(self._suggested(criterion.id), groups, self._added_documents())
        return m.CriterionView(
            id=criterion.id,
            title=criterion.title,
            equivalent=m.Equivalent(
                EQUIVALENT_REFERENTIEL, equivalent.id, equivalent.title, equivalent.source
            )
            if equivalent
            else None,
            checkpoints=checkpoints,
            groups=groups,
            documents=docs,
            oui=oui,
            non=non,
            na=sum(c.na for c in checkpoints),
            share=ecarts_mod.share(oui, non),
            ecarts=len(ecart_ids),
            ecart_ids=ecart_ids,
            to_confirm=[e.id for e in doubtful if criterion.id in e.criteria],
            pairs=mine,
            empty=not (checkpoints or groups or docs or mine),
            code=self._code(criterion),
        )

    def _checkpoint(
        self, checkpoint: Checkpoint, marks: dict[str, tuple[list[str], list[str]]]
    ) -> m.CheckpointView:
        ratings = [rated for _, rated in self.index.ratings.get(checkpoint.id, [])]
        counts = {"oui": 0, "non": 0, "na": 0}
        for rated in ratings:
            counts[rated.rating] += 1
        ecarts, doubtful = marks.get(checkpoint.id, ([], []))
        return m.CheckpointView(
            id=checkpoint.id,
            section=checkpoint.section,
            text=checkpoint.text,
            audience=checkpoint.audience,
            audience_label=self._label(checkpoint.audience),
            evidence=list(checkpoint.evidence),
            ratings=ratings,
            oui=counts["oui"],
            non=counts["non"],
            na=counts["na"],
            share=ecarts_mod.share(counts["oui"], counts["non"]),
            verified=sum(r.basis != "entretien" for r in ratings),
            ecarts=ecarts,
            to_confirm=doubtful,
            criteria_added_by=self.author
            if checkpoint.is_added("criteria") and checkpoint.criteria
            else None,
        )

    def _unlinked(self, marks: dict[str, tuple[list[str], list[str]]]) -> list[m.SectionCheckpoints]:
        """Checkpoints citing no criterion, under their sections in the guide's order."""
        sections: dict[str, list[m.CheckpointView]] = {}
        for checkpoint in self.guide.meta.checkpoints:
            if not checkpoint.criteria:
                sections.setdefault(checkpoint.section, []).append(self._checkpoint(checkpoint, marks))
        return [m.SectionCheckpoints(section, views) for section, views in sections.items()]

    def _code(self, criterion: Criterion) -> str:
        """The code the criterion is shown by: its equivalent in the référentiel presented."""
        if self.referentiel is None:
            return criterion.id
        equivalent = criterion.equivalent(self.referentiel)
        return equivalent.id if equivalent is not None else criterion.id

    def _added_documents(self) -> dict[str, str]:
        """Document key -> who suggested it, for the documents the bank's author added."""
        if self.author is None:
            return {}
        items = [q for _, q in self.guide.all_questions()] + list(self.guide.meta.checkpoints)
        return {
            documents_mod.key(d): self.author for i in items if i.is_added("evidence") for d in i.evidence
        }

    def _questions_citing(self, criterion_id: str) -> list[Question]:
        return [q for _, q in self.guide.all_questions() if criterion_id in q.criteria]

    def _note_groups(self, criterion_id: str) -> list[m.NoteGroup]:
        """Notes of the criterion's questions, by (audience, sector), questions in guide order."""
        groups: dict[tuple[str, SectorKey], dict[str, m.QuestionNotes]] = defaultdict(dict)
        for question in self._questions_citing(criterion_id):
            for entry, note in self.index.notes.get(question.id, []):
                block = groups[(entry.interview.audience, entry.sector)].setdefault(
                    question.id, m.QuestionNotes(question.id, question.text, False, [])
                )
                block.notes.append(note)
        for entry, added in self.index.added:
            if criterion_id in added.criteria:
                group = groups[(entry.interview.audience, entry.sector)]
                note = m.Note(added.who, added.status or "", added.notes, added.evidence, added.requested)
                group[added.id] = m.QuestionNotes(added.id, added.text, True, [note])
        return [
            m.NoteGroup(
                audience,
                self._label(audience),
                self._sector_name(sector),
                list(groups[(audience, sector)].values()),
            )
            for audience, sector in self._sorted_places(groups)
        ]

    def _suggested(self, criterion_id: str) -> list[str]:
        """Documents the guide suggests for the criterion: its questions', then its checkpoints'."""
        docs = [d for q in self._questions_citing(criterion_id) for d in q.evidence]
        return docs + [
            d for c in self.guide.meta.checkpoints if criterion_id in c.criteria for d in c.evidence
        ]

    # --- matrix and coverage -------------------------------------------------------------

    def _matrix_row(self, criterion: Criterion, view: m.CriterionView, found: list[m.Ecart]) -> m.MatrixRow:
        cells = [self._cell(criterion.id, a.id, found) for a in self.guide.audiences]
        return m.MatrixRow(
            criterion.id, criterion.title, view.share, view.oui, view.non, cells, code=view.code
        )

    def _cell(self, criterion_id: str, audience: str, found: list[m.Ecart]) -> m.Cell:
        questions = [q.id for q in self.guide.questions_for(audience) if criterion_id in q.criteria]
        checkpoints = [c.id for c in self.guide.checkpoints_for(audience) if criterion_id in c.criteria]
        asked = self._asked(audience, None, anywhere=True)
        rated = self._rated(audience, None, anywhere=True)
        counts = {"oui": 0, "non": 0, "na": 0}
        for cid in self._checkpoints_citing(criterion_id):
            for entry, rating in self.index.ratings.get(cid, []):
                if entry.interview.audience == audience:
                    counts[rating.rating] += 1
        return m.Cell(
            audience=audience,
            questions_total=len(questions),
            questions_asked=sum(q in asked for q in questions),
            checkpoints_total=len(checkpoints),
            checkpoints_rated=sum(c in rated for c in checkpoints),
            oui=counts["oui"],
            non=counts["non"],
            na=counts["na"],
            share=ecarts_mod.share(counts["oui"], counts["non"]),
            ecarts=sum(ecarts_mod.concerns(e, criterion_id, audience, self.checkpoints) for e in found),
        )

    def _checkpoints_citing(self, criterion_id: str) -> list[str]:
        return [c.id for c in self.guide.meta.checkpoints if criterion_id in c.criteria]

    def _asked(self, audience: str, sector: SectorKey, *, anywhere: bool = False) -> set[str]:
        """Questions asked of `audience` in `sector`, or in any sector when `anywhere`."""
        return _ids(self.index.asked, audience, sector, anywhere)

    def _rated(self, audience: str, sector: SectorKey, *, anywhere: bool = False) -> set[str]:
        """Checkpoints rated by `audience` in `sector`, or in any sector when `anywhere`."""
        return _ids(self.index.rated, audience, sector, anywhere)

    def _coverage(self) -> m.Coverage:
        return m.Coverage(
            pending=[p for a in self._audience_ids() for p in self._pending(a)],
            revisit=self.index.revisit,
            skipped=self.index.skipped,
            added=[added for _, added in self.index.added],
            outside_guide=self.index.orphans,
        )

    def _pending(self, audience: str) -> list[m.Pending]:
        """What `audience` was never asked: overall, then in each of its sectors."""
        entries = [e for e in self.entries if e.interview.audience == audience]
        rows = [self._pending_row(audience, None, False, len(entries))]
        sectors: dict[SectorKey, int] = defaultdict(int)
        for e in entries:
            sectors[e.sector] += 1
        if any(k is not None for k in sectors):
            for key, count in self._sorted_sectors(sectors):
                rows.append(self._pending_row(audience, key, True, count))
        return rows

    def _pending_row(self, audience: str, key: SectorKey, by_sector: bool, interviews: int) -> m.Pending:
        anywhere = not by_sector
        asked = self._asked(audience, key, anywhere=anywhere)
        rated = self._rated(audience, key, anywhere=anywhere)
        return m.Pending(
            audience=audience,
            audience_label=self._label(audience),
            sector=self._sector_name(key),
            by_sector=by_sector,
            interviews=interviews,
            questions=[
                m.Ref(q.id, q.text, list(q.criteria))
                for q in self.guide.questions_for(audience)
                if q.id not in asked
            ],
            checkpoints=[
                m.Ref(c.id, c.text, list(c.criteria))
                for c in self.guide.checkpoints_for(audience)
                if c.id not in rated
            ],
        )

    # --- helpers -------------------------------------------------------------------------

    def _label(self, audience: str) -> str:
        return self.labels.get(audience, audience)

    def _sector_name(self, key: SectorKey) -> str | None:
        return self.sector_names.get(key) if key is not None else None

    def _audience_ids(self) -> list[str]:
        """The guide's audiences, then any other audience found in the files."""
        ids = [a.id for a in self.guide.audiences]
        return ids + sorted({e.interview.audience for e in self.entries} - set(ids))

    def _sorted_sectors(self, counts: dict[SectorKey, int]) -> list[tuple[SectorKey, int]]:
        """Sectors in alphabetical order, interviews without a sector first."""
        return sorted(counts.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))

    def _sorted_places(self, places: Mapping[tuple[str, SectorKey], object]) -> list[tuple[str, SectorKey]]:
        rank = {a: i for i, a in enumerate(self._audience_ids())}
        return sorted(places, key=lambda p: (rank.get(p[0], len(rank)), p[1] is not None, p[1] or ""))


def _marks(found: list[m.Ecart], doubtful: list[m.Ecart]) -> dict[str, tuple[list[str], list[str]]]:
    """Checkpoint id -> (ids of the écarts, ids of the differences to confirm) marking its row."""
    marks: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for position, ecarts in enumerate((found, doubtful)):
        for ecart in ecarts:
            for checkpoint in ecarts_mod.involved(ecart):
                marks[checkpoint][position].append(ecart.id)
    return marks


def _ids(
    table: dict[tuple[str, SectorKey], set[str]], audience: str, sector: SectorKey, anywhere: bool
) -> set[str]:
    if anywhere:
        return set().union(*(ids for (aud, _), ids in table.items() if aud == audience))
    return table.get((audience, sector), set())


def _distinct(values: Iterable[str]) -> list[str]:
    """Non-empty values, stripped, once each, in first-seen order (ignoring case and accents)."""
    seen: dict[str, str] = {}
    for value in values:
        text = " ".join(value.split())
        if text:
            seen.setdefault(textsearch.fold(text), text)
    return list(seen.values())


def presented_in(guide: Guide, referentiel: str | None) -> str | None:
    """The référentiel to present criteria by (`export --referentiel`): None for the guide's
    own; `UsageError` naming those the guide knows when it knows no such référentiel."""
    if referentiel is None or referentiel == guide.meta.referentiel:
        return None
    known = sorted({ref for c in guide.meta.criteria for ref in c.equivalents})
    if referentiel not in known:
        choices = ", ".join([guide.meta.referentiel, *known])
        raise UsageError(t("report.unknown_referentiel", referentiel=referentiel, known=choices))
    return referentiel


def build(inputs: Inputs, referentiel: str | None = None) -> m.Visit:
    """The consolidated visit; `referentiel`: present the criteria by their codes in it."""
    return Builder(inputs, referentiel).build()
