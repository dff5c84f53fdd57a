"""The parser of a fiche's logical lines (`fiche_text.paragraphs`) into a `Draft`.

It knows the layout HAS uses for every theme: the parts ("Exemples de questions…", "Les
points clés…", "Pour aller plus loin"), the audience headings, the "(Crit.X ; Crit.Y)" of
each question, the "vous vérifierez que…" lists closed by their numbered section heading,
the references. Every choice is reported as a finding; nothing is reworded or invented.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum

from visitguide.bank.fiche_draft import (
    Draft,
    DraftAudience,
    DraftCheckpoint,
    DraftCriterion,
    DraftQuestion,
    DraftReference,
    Finding,
    Kind,
    finding,
    french,
)
from visitguide.bank.fiche_text import (
    LEADIN_VERB,
    NUMBERED,
    URL,
    FicheText,
    Para,
    Where,
    fold,
    paragraphs,
    split_bullet,
)
from visitguide.errors import FicheError
from visitguide.messages import t

CRITERION_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)*(-[0-9]+)?$")


def parse_fiche(fiche: FicheText) -> tuple[Draft, list[Finding]]:
    """The draft and the findings of a fiche's text; `FicheError` when it is not a fiche."""
    paras, dropped = paragraphs(fiche)
    parser = _Parser(fiche.name, paras)
    for line, pages in dropped:
        parser.note(line.where, Kind.INTERPRETATION, "header", pages=pages, text=_short(line.text))
    return parser.run(), parser.findings


# --- small helpers -----------------------------------------------------------------------


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _finish(text: str) -> str:
    """A list item as a checkpoint: final punctuation dropped, "etc." and "..." kept."""
    text = text.strip()
    if text.endswith(("etc.", "...", "…")):
        return text
    return text.rstrip(" ;.,:").rstrip()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


_SENTENCE_ENDS = tuple(".;:?!,")


# --- part markers ------------------------------------------------------------------------


class Part(StrEnum):
    PREAMBLE = "preamble"
    POINTS = "points"
    REFERENCES = "references"
    QUESTIONS = "questions"
    TAIL = "tail"


_PART_MARKERS: list[tuple[re.Pattern[str], Part]] = [
    (re.compile(r"^(?:exemples? de questions|aide au questionnement)"), Part.QUESTIONS),
    (re.compile(r"^les points cles"), Part.POINTS),
    (
        re.compile(r"^(?:pour aller plus loin|references has|references legales|autres references)"),
        Part.REFERENCES,
    ),
    (
        re.compile(r"^(?:scannez-moi|patients, soignants, un engagement|retrouvez tous nos travaux)"),
        Part.TAIL,
    ),
]
_CAVEAT = re.compile(r"^les questions suivantes ne sont ni opposables")
_DATE_LINE = re.compile(r"^date (?:de )?validation")


def _parts(paras: list[Para]) -> list[Part]:
    """The part each logical line belongs to, from the markers that open each part."""
    part = Part.PREAMBLE
    found = []
    for para in paras:
        if para.bullet is None:
            folded = fold(para.text)
            part = next((p for pattern, p in _PART_MARKERS if pattern.match(folded)), part)
        found.append(part)
    return found


# --- ids ---------------------------------------------------------------------------------

_STOP_WORDS = """le la les l un une des de du d au aux a et ou en dans sur pour par avec sans sous chez entre
    vers que qu qui quoi dont ce cet cette ces se s son sa ses leur leurs votre vos notre nos mon ma mes
    il ils elle elles on nous vous je j me m te t y est sont etre ete avez avons ont as ai pouvez
    pourriez peut peuvent diriez faites quel quelle quels quelles comment pourquoi combien quand ne n
    pas plus tres si oui non tout tous toute toutes etc ex exemple ainsi aussi meme deja comme lors
    afin alors donc mais car existe ya etablissement etes dire laquelle lequel lesquels lesquelles
    auxquels auxquelles"""
_STOP = frozenset(_STOP_WORDS.split())
_AUDIENCE_STOP_WORDS = "a au aux avec aupres chez pour de des du d la le les l et en sur plan"
_AUDIENCE_STOP = frozenset(_AUDIENCE_STOP_WORDS.split())
_KNOWN_AUDIENCES = {"gouvernance", "technique", "professionnels"}


def slug(
    text: str, stop: frozenset[str] = _STOP, words: int = 4, limit: int = 40, verbs: bool = False
) -> str:
    """A short `[a-z0-9-]+` id from the significant words of `text`; with `verbs`, the verbs
    a question opens with ("Avez-vous réalisé…", "menez-vous") are left out too."""
    kept: list[str] = []
    auxiliary = False
    for word in re.findall(r"[^\W_]+", text.casefold()):
        auxiliary = auxiliary or word in _AUXILIARIES
        if verbs and not kept and (word.endswith("ez") or (auxiliary and _PARTICIPLE.search(word))):
            continue
        folded = fold(word)
        if folded in stop or (len(folded) == 1 and folded.isalpha()) or not folded.isascii():
            continue
        if len("-".join([*kept, folded])) > limit:
            break
        kept.append(folded)
        if len(kept) == words:
            break
    return "-".join(kept)


# "Menez-vous", "Avez-vous réalisé": verbs, not what the question is about.
_AUXILIARIES = frozenset(["avez", "avons", "ont", "été", "êtes", "a"])
_PARTICIPLE = re.compile(r"(?:é|ée|és|ées)$")


class _Ids:
    """Unique ids across questions and checkpoints (a bank rule): `x`, `x-2`, `x-3`…"""

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def make(self, text: str, question: bool = False) -> str:
        base = slug(text, verbs=question) or "point"
        made, n = base, 2
        while made in self.taken:
            made, n = f"{base}-{n}", n + 1
        self.taken.add(made)
        return made


def audience_id(label: str) -> str:
    """The audience id of a heading: "À la gouvernance" → gouvernance, "Au plan technique" →
    technique, "Aux représentants des usagers" → representants-usagers: articles and
    prepositions dropped."""
    return slug(label, _AUDIENCE_STOP, words=4, limit=40)


def guide_id(title: str) -> str:
    """An id from the title's subject: "Évaluation de la gestion des risques numériques dans
    les pratiques…" → risques-numeriques."""
    subject = re.sub(r"^[ée]valuation\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)", "", title, flags=re.I)
    subject = re.sub(r"^gestion\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)", "", subject, flags=re.I)
    subject = re.split(r"\s+(?:dans|selon|au sein|en lien)\s+", subject, maxsplit=1)[0]
    return slug(subject, words=4, limit=40)


# --- the parser --------------------------------------------------------------------------

_CRIT_STATED = re.compile(r"\(\s*crit[èe]res?\s*:?\s*([^()]*)\)", re.IGNORECASE)
_CRIT_GROUP = re.compile(r"\(\s*(crit[^()]*)\)\s*[.;]?\s*$", re.IGNORECASE)
_CRIT_CODE = re.compile(r"crit[a-zè]*\.?\s*\d", re.IGNORECASE)
_CODE = re.compile(r"(\d+(?:\s*\.\s*\d+)+)(?:\s*-\s*(\d+))?")
_VALIDATION = re.compile(
    r"(?:date\s+(?:de\s+)?validation|valid[ée]e?\s+par)\s+(?:du\s+|par\s+le\s+|le\s+)?coll[èe]ge\b"
    r"[^0-9]{0,40}?(\d{1,2})(?:er)?(?:\s+([^\W\d_]+)\s+|[/.](\d{1,2})[/.])(\d{4})",
    re.IGNORECASE,
)
_MONTH_NAMES = "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
_MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES.split(), 1)}
_REFERENTIEL = re.compile(
    r"r[ée]f[ée]rentiel\s+(?:de\s+(?:la\s+)?certification\s+)?(?:version\s+|v\s*)?(20\d\d)\b", re.IGNORECASE
)
_HEADING_START = re.compile(r"^(?:À|A|Au|Aux|Avec|Auprès|Aupres|Chez|Pour|Côté|Du côté)\s", re.IGNORECASE)
_SUITE = re.compile(r"\s*[(\[]\s*suite[^)\]]*[)\]]\s*|\s+[-–—]\s*suite\s*$", re.IGNORECASE)
_LEADIN_AUDIENCE = re.compile(
    r"^((?:Avec|Auprès|Aupres|Chez|Aux|Au|À)\s+.+?)(?:\s*,|\s+vous\b)", re.IGNORECASE
)
_TAIL = re.compile(
    r"\bvous\s+(?:v[ée]rifierez|v[ée]rifiez|vous\s+assurez|vous\s+assurerez|assurerez)\b\s*"
    r"(?:que\b|qu['’])?\s*(.*)$",
    re.IGNORECASE,
)
_CONJUNCTION = re.compile(r"^(?:que\s+|qu['’]\s*)", re.IGNORECASE)
_ESTABLISHMENT = re.compile(r"\bl['’]\s*établissement\b", re.IGNORECASE)


@dataclass
class _List:
    """A "vous vérifierez…" list being read: its lead-in and its items (parent + sub-items)."""

    leadin: Para
    named_by: Para | None = None  # the paragraph just before, which may name the audience
    items: list[list[Para]] = field(default_factory=list)

    def unfinished(self) -> bool:
        """Whether the last item stops mid-sentence (HAS items end with ";" or ".")."""
        return bool(self.items) and not self.items[-1][-1].text.endswith((".", ";", "!", "?", "…"))

    def add(self, para: Para) -> None:
        if self.items and self._is_sub(para):
            self.items[-1].append(para)
        else:
            self.items.append([para])

    def _is_sub(self, para: Para) -> bool:
        top = self.items[0][0]
        return para.indent > top.indent or para.bullet != top.bullet


class _Parser:
    def __init__(self, name: str, paras: list[Para]) -> None:
        self.name = name
        self.paras = paras
        self.parts = _parts(paras)
        self.findings: list[Finding] = []
        self.ids = _Ids()
        self.audiences: dict[str, DraftAudience] = {}
        self.criteria: dict[str, DraftCriterion] = {}
        self.title = ""

    def note(self, where: Where | None, kind: Kind, key: str, **values: object) -> None:
        self.findings.append(finding(self.name, where, kind, key, **values))

    def run(self) -> Draft:
        if Part.QUESTIONS not in self.parts:
            raise FicheError(t("fiche.not_a_fiche", path=self.name))
        title, title_where = self._title()
        self.title = title
        draft = Draft(
            name=self.name,
            id=guide_id(title),
            title=title,
            title_where=title_where,
            source="",
            version="",
            version_where=None,
            referentiel="",
            caveat=None,
            caveat_where=None,
        )
        self._metadata(draft)
        self._stated_criteria()
        draft.questions = self._questions()
        if not draft.questions:
            raise FicheError(t("fiche.no_question", path=self.name))
        draft.checkpoints = self._checkpoints()
        draft.references = self._references()
        draft.audiences = self._declared_audiences(draft)
        draft.criteria = self._declared_criteria(draft)
        return draft

    # -- title, version, référentiel, caveat ----------------------------------------------

    def _title(self) -> tuple[str, Where | None]:
        for i, para in enumerate(self.paras):
            if _DATE_LINE.match(fold(para.text)):
                before = [p for p in self.paras[:i] if p.bullet is None and len(p.text.split()) >= 3]
                if before:
                    return before[-1].text, before[-1].where
        fallback = next(
            (p for p in self.paras if p.bullet is None and len(p.text.split()) >= 3 and len(p.text) < 250),
            self.paras[0],
        )
        self.note(fallback.where, Kind.INTERPRETATION, "no_title", title=_short(fallback.text))
        return fallback.text, fallback.where

    def _metadata(self, draft: Draft) -> None:
        for para in self.paras:
            found = _VALIDATION.search(para.text)
            if found and (version := _version(found)):
                validation = para.text if _DATE_LINE.match(fold(para.text)) else found.group(0)
                draft.version, draft.version_where = version, para.where
                draft.source = french("fiche.source", file=self.name, validation=validation)
                break
        else:
            draft.version = french("fiche.version_not_stated")
            draft.source = french("fiche.source_undated", file=self.name)
            self.note(None, Kind.INTERPRETATION, "no_version")
        referentiel = next((m for p in self.paras if (m := _REFERENTIEL.search(p.text))), None)
        draft.referentiel = referentiel.group(1) if referentiel else french("fiche.not_stated")
        if referentiel is None:
            self.note(None, Kind.INTERPRETATION, "no_referentiel")
        caveat = next((p for p in self.paras if _CAVEAT.match(fold(p.text))), None)
        if caveat is None:
            self.note(None, Kind.INTERPRETATION, "no_caveat")
        else:
            draft.caveat, draft.caveat_where = caveat.text, caveat.where

    # -- criteria -------------------------------------------------------------------------

    def _stated_criteria(self) -> None:
        """Criteria the fiche states with their titles: "… sont maîtrisés (critère 3.6-02)"."""
        for para, part in zip(self.paras, self.parts, strict=True):
            if part is Part.QUESTIONS:
                continue
            for found in _CRIT_STATED.finditer(para.text):
                codes = _codes(found.group(1))
                title = _criterion_title(para.text[: found.start()])
                if len(codes) > 1 and title:
                    self.note(para.where, Kind.INTERPRETATION, "shared_title", codes=", ".join(codes))
                    title = None
                for code in codes:
                    self._state_criterion(code, title, para.where)

    def _state_criterion(self, code: str, title: str | None, where: Where) -> None:
        known = self.criteria.get(code)
        if known is None:
            self.criteria[code] = DraftCriterion(code, title, where)
        elif known.title is None:
            known.title = title
        elif title and fold(title) != fold(known.title):
            self.note(where, Kind.INTERPRETATION, "title_conflict", code=code, first=known.where)

    def _declared_criteria(self, draft: Draft) -> list[DraftCriterion]:
        for question in draft.questions:
            for code in question.criteria:
                if code not in self.criteria:
                    self.criteria[code] = DraftCriterion(code, None, question.where)
        for criterion in self.criteria.values():
            if criterion.title is None:
                self.note(criterion.where, Kind.INTERPRETATION, "untitled_criterion", code=criterion.id)
        return sorted(self.criteria.values(), key=lambda c: [int(n) for n in re.findall(r"\d+", c.id)])

    # -- questions ------------------------------------------------------------------------

    def _questions(self) -> list[DraftQuestion]:
        questions: list[DraftQuestion] = []
        seen: dict[tuple[str, str], Where] = {}
        audience: DraftAudience | None = None
        pending: Para | None = None  # a question whose "(Crit.…)" has not come yet
        indexes = [i for i, part in enumerate(self.parts) if part is Part.QUESTIONS]
        for n, i in enumerate(indexes):
            para = self.paras[i]
            following = self.paras[indexes[n + 1]] if n + 1 < len(indexes) else None
            if pending is not None and para.bullet is None and not self._is_heading(para, following):
                if not self._skippable(para):
                    pending.text = f"{pending.text} {para.text}"
                    pending.last = para.text
                    if _CRIT_GROUP.search(pending.text):
                        pending = self._question(pending, audience, questions, seen)
                continue
            if pending is not None:
                pending = self._question(pending, audience, questions, seen, final=True)
            if para.bullet is not None:
                pending = self._question(para, audience, questions, seen)
            elif self._is_heading(para, following):
                audience = self._audience(para)
            elif not self._skippable(para):
                self.note(para.where, Kind.UNPLACED, "unplaced_question_line", text=_short(para.text))
        if pending is not None:
            self._question(pending, audience, questions, seen, final=True)
        return questions

    def _question(
        self,
        para: Para,
        audience: DraftAudience | None,
        questions: list[DraftQuestion],
        seen: dict[tuple[str, str], Where],
        final: bool = False,
    ) -> Para | None:
        """Add the question of `para`; the para back when its criteria may still come."""
        found = _CRIT_GROUP.search(para.text)
        if found is None:
            if not final:
                return Para(para.text, para.where, para.bullet, para.indent, para.last)
            self.note(para.where, Kind.UNPLACED, "question_without_criteria", text=_short(para.text))
            return None
        if audience is None:
            self.note(para.where, Kind.UNPLACED, "question_without_audience", text=_short(para.text))
            return None
        text = para.text[: found.start()].rstrip()
        codes = _codes(found.group(1))
        for code, count in Counter(codes).items():
            if count > 1:
                self.note(para.where, Kind.INTERPRETATION, "repeated_code", code=code)
        key = (audience.id, fold(text))
        if key in seen:
            self.note(para.where, Kind.INTERPRETATION, "duplicate_question", first=seen[key])
            return None
        seen[key] = para.where
        unique = list(dict.fromkeys(codes))
        questions.append(
            DraftQuestion(self.ids.make(text, question=True), audience.id, text, unique, para.where)
        )
        return None

    def _is_heading(self, para: Para, following: Para | None) -> bool:
        """An audience heading: a short line without final punctuation, before a list or
        marked "(suite)"."""
        text = para.text
        if para.bullet is not None or len(text) > 90 or text.endswith(_SENTENCE_ENDS):
            return False
        if "?" in text or _CRIT_CODE.search(text) or text.count("(") != text.count(")"):
            return False  # the end of a wrapped question
        if not text[:1].isupper() or self._skippable(para):
            return False
        if _SUITE.search(text):
            return True
        return (following is not None and following.bullet is not None) or bool(_HEADING_START.match(text))

    def _skippable(self, para: Para) -> bool:
        """Lines of the question part that are not questions: markers, the caveat, the title
        repeated, the HAS back-page words."""
        folded = fold(para.text)
        if _CAVEAT.match(folded) or any(p.match(folded) for p, _ in _PART_MARKERS):
            return True
        return folded == fold(self.title)

    def _audience(self, para: Para) -> DraftAudience:
        label = _SUITE.sub("", para.text).strip().rstrip(" :")
        return self._declare_audience(label, para.where)

    def _declare_audience(self, label: str, where: Where | None) -> DraftAudience:
        made = audience_id(label) or "public"
        if made not in self.audiences:
            self.audiences[made] = DraftAudience(made, label, where)
        return self.audiences[made]

    # -- checkpoints ----------------------------------------------------------------------

    def _checkpoints(self) -> list[DraftCheckpoint]:
        reader = _CheckpointReader(self)
        for i, (para, part) in enumerate(zip(self.paras, self.parts, strict=True)):
            if part in (Part.PREAMBLE, Part.POINTS):
                reader.read(para, part, self._next_in_part(i))
            else:
                reader.close()
        return reader.finish()

    def _next_in_part(self, i: int) -> Para | None:
        if i + 1 < len(self.paras) and self.parts[i + 1] is self.parts[i]:
            return self.paras[i + 1]
        return None

    # -- references -----------------------------------------------------------------------

    def _references(self) -> list[DraftReference]:
        references: list[DraftReference] = []
        category: str | None = None
        for para, part in zip(self.paras, self.parts, strict=True):
            if part is not Part.REFERENCES or fold(para.text).startswith("pour aller plus loin"):
                continue
            if para.bullet is not None:
                references.append(DraftReference(para.text, None, category, para.where))
            elif URL.match(para.text) and references and references[-1].url is None:
                references[-1].url = para.text
            elif len(para.text) <= 90 and not para.text.endswith(_SENTENCE_ENDS):
                category = para.text
            else:
                self.note(para.where, Kind.IGNORED, "reference_line", text=_short(para.text))
        return references

    # -- audiences ------------------------------------------------------------------------

    def _declared_audiences(self, draft: Draft) -> list[DraftAudience]:
        asked = {q.audience for q in draft.questions}
        for audience in self.audiences.values():
            if audience.id not in _KNOWN_AUDIENCES:
                self.note(
                    audience.where, Kind.INTERPRETATION, "audience", label=audience.label, id=audience.id
                )
            if audience.id not in asked:
                self.note(
                    audience.where,
                    Kind.INTERPRETATION,
                    "audience_without_question",
                    label=audience.label,
                    id=audience.id,
                )
        return list(self.audiences.values())


class _CheckpointReader:
    """Reads "vous vérifierez…" lists, para by para, and files each item under its section.

    The section is the numbered heading "1. …". HAS prints it *after* the items it closes;
    other layouts print it before. The first numbered heading tells which: if items came
    before it, headings close sections ("after"); otherwise they open them.
    """

    def __init__(self, parser: _Parser) -> None:
        self.parser = parser
        self.open: _List | None = None
        self.in_zone = False  # from "Les points clés…" or the first lead-in
        self.zone_title: str | None = None
        self.after: bool | None = None
        self.section: str | None = None
        self.pending: list[DraftCheckpoint] = []
        self.done: list[DraftCheckpoint] = []
        self.in_force: str | None = None
        self.previous: Para | None = None

    def read(self, para: Para, part: Part, following: Para | None) -> None:
        previous, self.previous = self.previous, para
        if part is Part.POINTS and self.zone_title is None and para.bullet is None:
            self.zone_title, self.in_zone = para.text, True
            return
        if para.bullet is None and LEADIN_VERB.search(para.text):
            if not self.in_zone and previous is not None and NUMBERED.match(previous.text):
                self._heading(previous)  # the zone opens with "1. …" just before the first lead-in
            self._leadin(para, previous)
        elif para.bullet is None and self.in_zone and NUMBERED.match(para.text):
            self.close()
            self._heading(para)
        elif para.bullet is not None and self.open is not None:
            self.open.add(para)
        elif para.bullet is not None and self.in_zone:
            self.parser.note(para.where, Kind.IGNORED, "box_item", text=_short(para.text))
        elif self.open is not None and following is not None and following.bullet is not None:
            self.parser.note(para.where, Kind.UNPLACED, "inside_list", text=_short(para.text))
        elif self.open is not None and self.open.unfinished() and not _is_box_label(para.text):
            self.open.items[-1][-1].text += " " + para.text  # an item wrapped without a bullet
            self.parser.note(para.where, Kind.INTERPRETATION, "item_goes_on", text=_short(para.text))
        else:
            was_open = self.open is not None and bool(self.open.items)
            self.close()
            if was_open and not _is_box_label(para.text):
                self.parser.note(para.where, Kind.IGNORED, "after_list", text=_short(para.text))

    def _leadin(self, para: Para, previous: Para | None) -> None:
        self.close()
        self.in_zone = True
        # "Avec les professionnels vous évaluez… ." + "Ainsi, vous vérifierez que :"
        named_by = previous if previous is not None and previous.bullet is None else None
        if para.text.rstrip().endswith(":"):
            self.open = _List(para, named_by)
            return
        tail = _leadin_tail(para.text)
        if tail:
            self._add(para, [(para.where, _finish(tail))], para.text, named_by)
        else:
            self.parser.note(para.where, Kind.UNPLACED, "empty_list", text=_short(para.text))

    def close(self) -> None:
        listed, self.open = self.open, None
        if listed is None:
            return
        leadin = listed.leadin
        if not listed.items:
            self.parser.note(leadin.where, Kind.UNPLACED, "empty_list", text=_short(leadin.text))
            return
        tail = _leadin_tail(listed.leadin.text)
        texts = []
        for parent, *subs in listed.items:
            own = " ".join(p.text for p in (parent, *subs))
            texts.append((parent.where, _finish(_with_tail(tail, own))))
        context = " ".join([listed.leadin.text, *(own for _, own in texts)])
        self._add(listed.leadin, texts, context, listed.named_by)

    def _add(self, leadin: Para, texts: list[tuple[Where, str]], context: str, named_by: Para | None) -> None:
        audience = self._audience(leadin, context, named_by)
        for where, text in texts:
            checkpoint = DraftCheckpoint(
                self.parser.ids.make(_own_words(text, leadin.text)), self.section, audience, text, where
            )
            (self.pending if checkpoint.section is None else self.done).append(checkpoint)

    def _audience(self, leadin: Para, context: str, named_by: Para | None) -> str:
        named = _LEADIN_AUDIENCE.match(leadin.text)
        if named is None and named_by is not None and not LEADIN_VERB.search(named_by.text):
            named = _LEADIN_AUDIENCE.match(named_by.text)
        if named:
            audience = self.parser._declare_audience(named.group(1).strip(), leadin.where).id
            self.in_force = audience
            return audience
        if _ESTABLISHMENT.search(context) and "gouvernance" in self.parser.audiences:
            audience, why = "gouvernance", "establishment"
        elif self.in_force is not None:
            audience, why = self.in_force, "in_force"
        else:
            audience, why = next(iter(self.parser.audiences)), "first"
        self.parser.note(
            leadin.where,
            Kind.INTERPRETATION,
            "leadin_audience",
            leadin=_short(leadin.text, 60),
            audience=audience,
            why=t(f"fiche.why.{why}"),
        )
        return audience

    def _heading(self, para: Para) -> None:
        match = NUMBERED.match(para.text)
        assert match is not None
        title = _finish(match.group(2))
        if self.after is None:
            self.after = bool(self.pending)
            if self.after:
                self.parser.note(para.where, Kind.INTERPRETATION, "sections_after")
        if self.after:
            for checkpoint in self.pending:
                checkpoint.section = title
            self.done.extend(self.pending)
            self.pending = []
        else:
            self.section = title

    def finish(self) -> list[DraftCheckpoint]:
        self.close()
        fallback = self.zone_title or french("fiche.default_section")
        for checkpoint in self.pending:
            checkpoint.section = fallback
            self.parser.note(checkpoint.where, Kind.INTERPRETATION, "no_section", section=_short(fallback))
        return sorted([*self.done, *self.pending], key=lambda c: c.where.key())


# --- pure text helpers -------------------------------------------------------------------


def _codes(listed: str) -> list[str]:
    """Criterion codes of "Crit.3.6-01 ; Crit. 3.6-02", spaces inside a code removed."""
    codes = []
    for found in _CODE.finditer(listed):
        code = re.sub(r"\s+", "", found.group(1)) + (f"-{found.group(2)}" if found.group(2) else "")
        if CRITERION_PATTERN.match(code):
            codes.append(code)
    return codes


def _criterion_title(before: str) -> str | None:
    """The words before "(critère X)", from the start of their clause."""
    clause = re.split(r"[:;]\s|\.\s+(?=[A-ZÀ-Ý])", before)[-1]
    clause = clause.strip()
    clause = (split_bullet(clause) or ("", clause))[1].strip(" -–")
    return _cap(clause) if clause else None


def _version(found: re.Match[str]) -> str | None:
    day, month_name, month_number, year = found.groups()
    month = int(month_number) if month_number else _MONTHS.get(fold(month_name or ""))
    if not month or not 1 <= month <= 12 or not 1 <= int(day) <= 31:
        return None
    return f"{year}-{month:02d}-{int(day):02d}"


def _leadin_tail(leadin: str) -> str:
    """What follows "vous vérifierez que" in a lead-in: "l'établissement", "ils", "il existe
    une stratégie…, à savoir", or the whole checkpoint of a one-sentence lead-in."""
    found = list(_TAIL.finditer(leadin))
    if not found:
        return ""
    return found[-1].group(1).strip().rstrip(":").strip().rstrip(",").strip()


def _with_tail(tail: str, item: str) -> str:
    """The item completed by the lead-in's words ("l'établissement" + "forme…"), without
    repeating the conjunction an item may start with ("qu'ils savent…")."""
    item = _CONJUNCTION.sub("", item, count=1) if _CONJUNCTION.match(item) else item
    if not tail or fold(item).startswith(fold(tail)):
        return item
    return f"{tail} {item}"


def _own_words(text: str, leadin: str) -> str:
    """The words that make an item's id: its own, without the lead-in's shared start."""
    tail = _leadin_tail(leadin)
    if tail and fold(text).startswith(fold(tail)) and len(text) > len(tail) + 3:
        return text[len(tail) :]
    return text


def _is_box_label(text: str) -> bool:
    return fold(text).startswith(("experts-visiteurs", "expert-visiteur"))
