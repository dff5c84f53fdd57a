"""The interview logic, free of any prompt: one audience of one guide, one interview file.

Both the live interview (through an asker) and scripted runs (answers files) go through
these methods, so a typed answer and a scripted answer are checked the same way. Every
change is saved at once when the session has a path.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from visitguide.bank.guide import Checkpoint
from visitguide.bank.loader import Guide, unknown_id_message
from visitguide.errors import UsageError
from visitguide.interview import file as ifile
from visitguide.interview.file import (
    AddedQuestion,
    Answer,
    AnswerStatus,
    Basis,
    CheckpointRating,
    Evidence,
    Interview,
    Rating,
    evidence_of,
)
from visitguide.messages import t

PENDING = "pending"
ADDED_PREFIX = "perso-"

T = TypeVar("T")


def wrapping_after(ids: Sequence[T], after: T | None) -> list[T]:
    """`ids` from the one just after `after`, wrapping round to `after` itself (last).

    From the start when `after` is None or not in `ids`: "the next one after this,
    going round" for questions and checkpoints alike.
    """
    start = ids.index(after) + 1 if after is not None and after in ids else 0
    return [*ids[start:], *ids[:start]]


@dataclass(frozen=True)
class Item:
    """A question of the session: from the guide, or added by the visitor."""

    id: str
    text: str
    criteria: tuple[str, ...]
    hint: str | None
    evidence: tuple[str, ...]
    added: bool = False


@dataclass(frozen=True)
class _Index:
    """The session's questions in order, with lookups by id (see `Session._indexed`)."""

    items: tuple[Item, ...]
    positions: dict[str, int]
    added: dict[str, AddedQuestion]


@dataclass(frozen=True)
class CriterionSummary:
    criterion: str
    answered: int
    skipped: int
    revisit: int
    pending: int
    checkpoints_rated: int
    checkpoints_total: int


def new_interview(guide: Guide, audience: str, context: ifile.Context | None = None) -> Interview:
    """A fresh interview of `audience` in `guide`; `UsageError` for an unknown audience."""
    guide.require_audience(audience)
    ref = ifile.GuideRef(id=guide.id, version=guide.meta.version, digest=guide.digest)
    return Interview(guide=ref, audience=audience, context=context or ifile.Context())


class Session:
    """An interview in progress; saves after every change when `path` is set."""

    def __init__(self, guide: Guide, interview: Interview, path: Path | None = None) -> None:
        if interview.guide.id != guide.id:
            raise UsageError(t("session.other_guide", file_guide=interview.guide.id, guide=guide.id))
        guide.require_audience(interview.audience)
        ifile.refuse_guide_clashes(interview, guide, path if path is not None else "—")
        self.guide = guide
        self.interview = interview
        self.path = path
        self._guide_ids = frozenset(q.id for q in guide.questions_for(interview.audience))
        self._checkpoints = guide.checkpoints_for(interview.audience)
        self._checkpoint_ids = frozenset(c.id for c in self._checkpoints)
        self._index: _Index | None = None

    # --- what there is to ask ------------------------------------------------------------

    @property
    def audience(self) -> str:
        return self.interview.audience

    def guide_items(self) -> list[Item]:
        return [
            Item(q.id, q.text, tuple(q.criteria), q.hint, tuple(q.evidence))
            for q in self.guide.questions_for(self.audience)
        ]

    def added_items(self) -> list[Item]:
        return [
            Item(a.id, a.text, tuple(a.criteria), None, (), added=True)
            for a in self.interview.added_questions
        ]

    def items(self) -> tuple[Item, ...]:
        """Every question of the session in order: the guide's, then the visitor's own."""
        return self._indexed().items

    def item(self, question_id: str) -> Item:
        return self.items()[self.position(question_id)]

    def position(self, question_id: str) -> int:
        """Where `question_id` comes in `items()` (0 for the first); `UsageError` if unknown."""
        found = self._indexed().positions.get(question_id)
        if found is None:
            raise UsageError(self._unknown_question(question_id))
        return found

    def checkpoints(self) -> list[Checkpoint]:
        return self._checkpoints

    def check_question(self, question_id: str) -> None:
        """`UsageError` (naming the closest id, or the other audience) unless the session asks it."""
        if self._added(question_id) is None:
            self._check_question(question_id)

    def check_checkpoint(self, checkpoint_id: str) -> None:
        """`UsageError` naming the closest id unless `checkpoint_id` is a checkpoint of the session."""
        if checkpoint_id not in self._checkpoint_ids:
            raise UsageError(self._unknown_checkpoint(checkpoint_id))

    def orphan_answers(self) -> dict[str, Answer]:
        """Answers whose question is no longer in the guide (the guide changed): kept as is."""
        known = self._guide_ids
        return {qid: a for qid, a in self.interview.answers.items() if qid not in known}

    def orphan_ratings(self) -> dict[str, CheckpointRating]:
        known = self._checkpoint_ids
        return {cid: r for cid, r in self.interview.checkpoints.items() if cid not in known}

    def guide_changed(self) -> bool:
        return self.interview.guide.digest != self.guide.digest

    def adopt_guide(self) -> None:
        """Record that the interview now follows the loaded guide (after a change was shown).

        Answers stay matched by id; those whose question left the guide are kept as they are.
        """
        if self.guide_changed():
            self.interview.guide = ifile.GuideRef(
                id=self.guide.id, version=self.guide.meta.version, digest=self.guide.digest
            )
            self.save()

    # --- statuses ------------------------------------------------------------------------

    def status(self, question_id: str) -> str:
        """pending, answered, skipped or revisit."""
        added = self._added(question_id)
        if added is not None:
            return added.status.value if added.status else PENDING
        answer = self.interview.answers.get(question_id)
        return answer.status.value if answer else PENDING

    def notes(self, question_id: str) -> str:
        added = self._added(question_id)
        if added is not None:
            return added.notes
        answer = self.interview.answers.get(question_id)
        return answer.notes if answer else ""

    def evidence(self, question_id: str) -> list[Evidence]:
        added = self._added(question_id)
        if added is not None:
            return list(added.evidence)
        answer = self.interview.answers.get(question_id)
        return list(answer.evidence) if answer else []

    def counts(self) -> Counter[str]:
        return Counter(self.status(i.id) for i in self.items())

    def progress(self) -> tuple[int, int]:
        """(answered, total) over the session's questions."""
        items = self.items()
        return sum(self.status(i.id) == "answered" for i in items), len(items)

    def next_pending(self, after: str | None = None) -> str | None:
        """The first pending question after `after` (wrapping), else a flagged one, else None."""
        ordered = wrapping_after([i.id for i in self.items()], after)
        for status in (PENDING, AnswerStatus.revisit.value):
            for qid in ordered:
                if self.status(qid) == status:
                    return qid
        return None

    def previous(self, question_id: str) -> str | None:
        position = self._indexed().positions.get(question_id)
        if position is None or position == 0:
            return None
        return self.items()[position - 1].id

    # --- changes (each saved at once) ----------------------------------------------------

    def answer(self, question_id: str, notes: str, evidence: Iterable[Evidence | str] = ()) -> None:
        """Notes and documents (a plain string is a document seen) of an answered question."""
        self._set(question_id, AnswerStatus.answered, notes, evidence_of(evidence))

    def skip(self, question_id: str) -> None:
        self._set(question_id, AnswerStatus.skipped, self.notes(question_id), self.evidence(question_id))

    def flag(self, question_id: str, notes: str | None = None) -> None:
        """Mark "à revoir", keeping (or replacing) the notes taken so far."""
        kept = self.notes(question_id) if notes is None else notes
        self._set(question_id, AnswerStatus.revisit, kept, self.evidence(question_id))

    def set_status(
        self, question_id: str, status: AnswerStatus, notes: str = "", evidence: Iterable[Evidence | str] = ()
    ) -> None:
        self._set(question_id, status, notes, evidence_of(evidence))

    def rate(
        self,
        checkpoint_id: str,
        rating: Rating | str,
        comment: str = "",
        basis: Basis | str = Basis.entretien,
    ) -> None:
        """Rate a checkpoint; `basis` says what the rating rests on (what was said by default)."""
        self.check_checkpoint(checkpoint_id)
        try:
            value = Rating(rating)
        except ValueError:
            raise UsageError(t("session.bad_rating", value=rating)) from None
        try:
            resting = Basis(basis)
        except ValueError:
            raise UsageError(t("session.bad_basis", value=basis)) from None
        self.interview.checkpoints[checkpoint_id] = CheckpointRating(
            rating=value, comment=comment, basis=resting
        )
        self.save()

    def set_open_question(self, question_id: str | None) -> None:
        """Record the question on screen, so that a resume after an interruption opens it.

        Saved with the next write (a note, a status), not on its own: moving around costs no
        disk write.
        """
        self.interview.open_question = question_id

    def add_question(self, text: str, criteria: Iterable[str] = ()) -> str:
        """Add a question of the visitor's own; returns its id.

        Criteria may come later (`set_criteria`): the live interview saves the question as
        soon as its text is typed, before the criteria are ticked.
        """
        text = text.strip()
        if not text:
            raise UsageError(t("session.empty_question"))
        cited = self._criteria(criteria)
        qid = self._new_added_id()
        self.interview.added_questions.append(AddedQuestion(id=qid, text=text, criteria=cited))
        self._index = None
        self.save()
        return qid

    def set_criteria(self, question_id: str, criteria: Iterable[str]) -> None:
        """Tie a question of the visitor's own to `criteria` (criteria of the guide)."""
        added = self._added(question_id)
        if added is None:
            raise UsageError(self._unknown_question(question_id))
        added.criteria = self._criteria(criteria)
        self._index = None
        self.save()

    def complete(self) -> None:
        self.interview.status = "completed"
        self.save()

    def reopen(self) -> None:
        if self.interview.status != "in_progress":
            self.interview.status = "in_progress"
            self.save()

    def save(self) -> None:
        if self.path is not None:
            ifile.save(self.path, self.interview)
        else:
            self.interview.updated_at = ifile.now()

    # --- summary -------------------------------------------------------------------------

    def summary(self) -> list[CriterionSummary]:
        """Per criterion of the guide cited by this audience: statuses and ratings."""
        rows = []
        for criterion in self.guide.meta.criteria:
            items = [i for i in self.items() if criterion.id in i.criteria]
            checkpoints = [c for c in self.checkpoints() if criterion.id in c.criteria]
            if not items and not checkpoints:
                continue
            statuses = Counter(self.status(i.id) for i in items)
            rated = sum(c.id in self.interview.checkpoints for c in checkpoints)
            rows.append(
                CriterionSummary(
                    criterion.id,
                    statuses["answered"],
                    statuses["skipped"],
                    statuses["revisit"],
                    statuses[PENDING],
                    rated,
                    len(checkpoints),
                )
            )
        return rows

    # --- internals -----------------------------------------------------------------------

    def _set(self, question_id: str, status: AnswerStatus, notes: str, evidence: list[Evidence]) -> None:
        added = self._added(question_id)
        if added is not None:
            added.status, added.notes, added.evidence = status, notes, evidence
            added.updated_at = ifile.now()
        else:
            self._check_question(question_id)
            self.interview.answers[question_id] = Answer(status=status, notes=notes, evidence=evidence)
        self.save()

    def _indexed(self) -> _Index:
        """The questions and their lookups, built once and again only after a change.

        Counting statuses, finding the next pending question and labelling a list of
        questions then cost one pass each, not one pass per question. Added questions
        change only through `add_question` and `set_criteria`, which drop the index.
        """
        if self._index is None:
            items = (*self.guide_items(), *self.added_items())
            self._index = _Index(
                items=items,
                positions={item.id: n for n, item in enumerate(items)},
                added={a.id: a for a in self.interview.added_questions},
            )
        return self._index

    def _added(self, question_id: str) -> AddedQuestion | None:
        return self._indexed().added.get(question_id)

    def _criteria(self, criteria: Iterable[str]) -> list[str]:
        """`criteria` trimmed, each once; `UsageError` naming the closest for one the guide lacks."""
        cited = list(dict.fromkeys(c.strip() for c in criteria if c.strip()))
        declared = [c.id for c in self.guide.meta.criteria]
        for crit in cited:
            if self.guide.criterion(crit) is None:
                raise UsageError(unknown_id_message("criterion.unknown", crit, declared))
        return cited

    def _check_question(self, question_id: str) -> None:
        if question_id in self._guide_ids:
            return
        found = self.guide.find_question(question_id)
        if found is not None:
            raise UsageError(
                t("session.other_audience", id=question_id, audience=found[0], current=self.audience)
            )
        raise UsageError(self._unknown_question(question_id))

    def _unknown_question(self, question_id: str) -> str:
        return unknown_id_message("question.unknown", question_id, [i.id for i in self.items()])

    def _unknown_checkpoint(self, checkpoint_id: str) -> str:
        return unknown_id_message("checkpoint.unknown", checkpoint_id, [c.id for c in self.checkpoints()])

    def _new_added_id(self) -> str:
        """`perso-N-<short id>`: unique in the interview (N) and across a visit (the short id)."""
        short = self.interview.short_id
        used = {a.id for a in self.interview.added_questions}
        pattern = re.escape(ADDED_PREFIX) + r"(\d+)(?:-.*)?"
        numbers = [int(m.group(1)) for u in used if (m := re.fullmatch(pattern, u))]
        n = max(numbers, default=0) + 1
        while f"{ADDED_PREFIX}{n}-{short}" in used:
            n += 1
        return f"{ADDED_PREFIX}{n}-{short}"
