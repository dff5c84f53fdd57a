"""Scripted interviews: an answers file (CONTRACT.md §3) becomes an interview file, no prompt.

All or nothing: the whole file is applied first to an interview held in memory, through the
`Session` methods that check typed answers; every problem is collected, and only a file
without any is written (a new interview file, or the resumed one, locked meanwhile).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visitguide import identifiers
from visitguide.bank import loader as bank
from visitguide.bank import typed
from visitguide.console import err, escape, plain
from visitguide.dates import parse_day
from visitguide.errors import InputError, Problem, UsageError, VisitguideError, problem_lines
from visitguide.interview import answers as af
from visitguide.interview import file as ifile
from visitguide.interview.file import AnswerStatus, DocumentState, Evidence, Interview
from visitguide.interview.session import Session, new_interview
from visitguide.messages import t
from visitguide.paths import CONTEXT_KEYS, default_interview_path, refuse_folder
from visitguide.text import clean


@dataclass
class Script:
    """An answers file being applied: its data, its marks and the problems found so far."""

    path: Path
    data: Any
    marks: Any
    header: af.Header = field(default_factory=af.Header)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def problem(self, message: str, *keys: str | int) -> None:
        self.problems.append(Problem(self.path, af.line(self.marks, *keys), message))


def run(
    answers_path: Path,
    guide_id: str | None,
    audience: str | None,
    out: Path | None,
    resume: Path | None,
    overrides: dict[str, str],
    banks: Sequence[Path],
) -> int:
    """Apply `answers_path` to a new interview (or to `resume`) and write it; 0 when written."""
    script = load(answers_path)
    if resume is not None:
        if out is not None:
            raise UsageError(t("scripted.out_and_resume"))
        return _resume(script, resume, guide_id, audience, overrides, banks)
    if out is not None:
        refuse_folder(out)  # before the answers are applied, and before "already exists"
    guide = _guide(script, guide_id, banks)
    audience = _audience(script, guide, audience)
    interview = new_interview(guide, audience)
    session = apply(script, Session(guide, interview), overrides)
    context = session.interview.context
    path = out if out is not None else default_interview_path(context.date, audience, interview.id)
    ifile.create(path, session.interview)
    _report(script, path, session)
    return 0


def load(path: Path) -> Script:
    """The answers file read and its top level checked; `InputError` if it is not usable."""
    try:
        data, marks = af.read(path)
    except af.AnswersError as exc:
        raise InputError(_refusal(exc.problems)) from None
    if data is None:  # an empty file, or comments only: surely not what was meant
        raise InputError(_refusal([Problem(path, None, t("scripted.empty"))]))
    script = Script(path, data, marks)
    header = af.check(af.Header, data, path, marks, ())
    if isinstance(header, list):
        script.problems.extend(header)
        _refuse_if_problems(script)
    else:
        script.header = header
    return script


def apply(script: Script, session: Session, overrides: dict[str, str]) -> Session:
    """Every part of the file applied to `session` (kept in memory); `InputError` on any problem."""
    _apply_context(script, session.interview, overrides)
    _apply_answers(script, session)
    _apply_added(script, session)
    _apply_checkpoints(script, session)
    _apply_status(script, session)
    _refuse_if_problems(script)
    return session


# --- guide, audience, resume ---------------------------------------------------------------


def _guide(script: Script, guide_id: str | None, banks: Sequence[Path]) -> bank.Guide:
    if guide_id is not None or script.header.guide is None:
        return bank.resolve(guide_id, banks)
    try:
        return bank.resolve(script.header.guide, banks)
    except UsageError as exc:
        script.problem(exc.message, "guide")
        raise InputError(_refusal(script.problems)) from None


def _audience(script: Script, guide: bank.Guide, audience: str | None) -> str:
    if audience is not None:  # typed on the command line: any case, a unique prefix
        return typed.resolve(audience, [a.id for a in guide.audiences], "audience.unknown")
    if script.header.audience is None:
        ids = ", ".join(a.id for a in guide.audiences)
        raise UsageError(t("scripted.no_audience", path=script.path, ids=ids))
    try:
        guide.require_audience(script.header.audience)
    except UsageError as exc:
        script.problem(exc.message, "audience")
        raise InputError(_refusal(script.problems)) from None
    return script.header.audience


def _resume(
    script: Script,
    path: Path,
    guide_id: str | None,
    audience: str | None,
    overrides: dict[str, str],
    banks: Sequence[Path],
) -> int:
    with ifile.Lock(path):
        interview = ifile.read(path)
        guide = bank.resolve(interview.guide.id, banks)
        ifile.refuse_guide_clashes(interview, guide, path)
        _check_same(script, "guide", interview.guide.id, guide_id)
        _check_same(script, "audience", interview.audience, audience)
        session = apply(script, Session(guide, copy.deepcopy(interview)), overrides)
        ifile.save(path, session.interview)
    _report(script, path, session)
    return 0


def _check_same(script: Script, key: str, expected: str, given: str | None) -> None:
    """The resumed interview decides guide and audience; the file and options must agree."""
    if given is not None and given != expected:
        raise UsageError(t(f"scripted.resume_other_{key}", given=given, expected=expected))
    in_file = getattr(script.header, key)
    if in_file is not None and in_file != expected:
        script.problem(t(f"scripted.resume_other_{key}", given=in_file, expected=expected), key)


# --- the parts of the file -----------------------------------------------------------------


def _apply_context(script: Script, interview: Interview, overrides: dict[str, str]) -> None:
    """Context from the file, then from the command line; empty values are not given."""
    raw = script.header.context
    entry = af.check(af.ContextEntry, raw, script.path, script.marks, ("context",)) if raw else None
    if isinstance(entry, list):
        script.problems.extend(entry)
        entry = None
    values = {k: v for k, v in (entry.model_dump() if entry else {}).items() if v and v.strip()}
    for key, value in values.items():
        if key == "date" and parse_day(value) is None:
            script.problem(t("scripted.bad_date", value=value), "context", "date")
    date = overrides.get("date")
    if date is not None and parse_day(date) is None:
        script.problems.append(Problem("--date", None, t("scripted.bad_date", value=date)))
    values.update(overrides)
    update = {k: v.strip() for k, v in values.items() if k in CONTEXT_KEYS}
    for key, message in identifiers.context_warnings(dict(update)).items():
        if key in overrides:  # typed on the command line
            script.warnings.append(str(Problem(_OPTIONS[key], None, message)))
        else:
            script.warnings.append(str(Problem(script.path, af.line(script.marks, "context", key), message)))
    interview.context = interview.context.model_copy(update=update)


# The command-line option of each context field (for warnings about what was typed there).
_OPTIONS = {
    "establishment": "--establishment",
    "sector": "--sector",
    "interviewee_role": "--role",
    "visitor": "--visitor",
}


def _checked(script: Script, model: Any, raw: Any, at: tuple[str | int, ...]) -> Any:
    """The entry at `at` checked against `model`; None when empty or invalid (the problems
    are kept, so that every one of the file is reported at once)."""
    if raw is None:
        return None
    entry = af.check(model, raw, script.path, script.marks, at)
    if isinstance(entry, list):
        script.problems.extend(entry)
        return None
    return entry


def _apply_answers(script: Script, session: Session) -> None:
    for qid, raw in (script.header.answers or {}).items():
        at = ("answers", qid)
        entry = _checked(script, af.AnswerEntry, raw, at)
        try:
            session.check_question(qid)
            if entry is not None:
                _answer(script, session, qid, entry, at)
        except VisitguideError as exc:
            script.problem(exc.message, *at)


def _answer(script: Script, session: Session, qid: str, entry: Any, at: tuple[str | int, ...]) -> None:
    """One answer, through the session; an entry with nothing in it leaves the question as it was."""
    notes = _notes(entry.notes)
    evidence = _evidence(script, entry.evidence, at)
    if entry.status is None and not notes and not evidence:
        return
    status = _status(script, entry.status, at)
    if status is None:
        return
    _warn_identifiers(script, notes, (*at, "notes"))
    for i, item in enumerate(evidence):
        _warn_field(script, "evidence", item.document, (*at, "evidence", i))
    notes = notes or session.notes(qid)
    evidence = evidence or session.evidence(qid)
    if status is AnswerStatus.answered:
        session.answer(qid, notes, evidence)
    else:
        session.set_status(qid, status, notes, evidence)


def _apply_added(script: Script, session: Session) -> None:
    for i, raw in enumerate(script.header.added_questions or []):
        at = ("added_questions", i)
        entry = af.check(af.AddedEntry, raw, script.path, script.marks, at)
        if isinstance(entry, list):
            script.problems.extend(entry)
            continue
        _warn_field(script, "text", entry.text, (*at, "text"))
        try:
            qid = session.add_question(entry.text, entry.criteria or [])
        except VisitguideError as exc:
            script.problem(exc.message, *at)
            continue
        _answer(script, session, qid, entry, at)


def _apply_checkpoints(script: Script, session: Session) -> None:
    for cid, raw in (script.header.checkpoints or {}).items():
        at = ("checkpoints", cid)
        entry = _checked(script, af.CheckpointEntry, raw, at)
        try:
            _rate(script, session, cid, entry, at)
        except VisitguideError as exc:
            script.problem(exc.message, *at)


def _rate(script: Script, session: Session, cid: str, entry: Any, at: tuple[str | int, ...]) -> None:
    owner = next((c.audience for c in session.guide.meta.checkpoints if c.id == cid), None)
    if owner is not None and owner != session.audience:
        raise UsageError(
            t("scripted.checkpoint_other_audience", id=cid, audience=owner, current=session.audience)
        )
    comment = (entry.comment or "").strip() if entry is not None else ""
    rating = entry.rating if entry is not None else None
    if rating is None:
        session.check_checkpoint(cid)
        if comment:
            script.problem(t("scripted.comment_without_rating", id=cid), *at)
        return
    _warn_identifiers(script, comment, (*at, "comment"))
    basis = (entry.basis or "entretien").strip()
    if basis not in af.BASES:
        script.problem(t("scripted.bad_basis", value=entry.basis, allowed=", ".join(af.BASES)), *at, "basis")
        return
    session.rate(cid, rating.strip(), comment, basis)


def _apply_status(script: Script, session: Session) -> None:
    """The file's `status`, else completed when no question is left unasked."""
    wanted = script.header.status
    if wanted is None:
        wanted = "in_progress" if session.counts()["pending"] else "completed"
    elif wanted not in af.FILE_STATUSES:
        allowed = ", ".join(af.FILE_STATUSES)
        script.problem(t("scripted.bad_file_status", value=wanted, allowed=allowed), "status")
        return
    if wanted == "completed":
        session.complete()
    else:
        session.reopen()


# --- small helpers -------------------------------------------------------------------------


def _notes(value: str | None) -> str:
    """Notes trimmed as the live interview trims a typed note (a YAML `|` block ends with a
    newline nobody typed)."""
    return (value or "").strip()


def _evidence(script: Script, values: list[Any] | None, at: tuple[str | int, ...]) -> list[Evidence]:
    """Documents trimmed, empty ones dropped, each kept once (its last state wins); a string
    is a document seen."""
    kept: dict[str, DocumentState] = {}
    for i, value in enumerate(values or []):
        document, state = (value, None) if isinstance(value, str) else (value.document, value.state)
        if state is not None and state.strip() not in af.DOCUMENT_STATES:
            allowed = ", ".join(af.DOCUMENT_STATES)
            script.problem(t("scripted.bad_document_state", value=state, allowed=allowed), *at, "evidence", i)
            continue
        if document.strip():
            kept[document.strip()] = DocumentState((state or "vu").strip())
    return [Evidence(document=d, state=s) for d, s in kept.items()]


def _status(script: Script, value: str | None, at: tuple[str | int, ...]) -> AnswerStatus | None:
    if value is None:
        return AnswerStatus.answered
    if value.strip() in af.STATUSES:
        return AnswerStatus(value.strip())
    allowed = ", ".join(af.STATUSES)
    script.problem(t("scripted.bad_status", value=value, allowed=allowed), *at, "status")
    return None


def _warn_identifiers(script: Script, text: str, at: tuple[str | int, ...]) -> None:
    """A warning (not a refusal) for what looks like a personal identifier in a note."""
    kinds = sorted({found.kind for found in identifiers.find(text)})
    if kinds:
        labels = ", ".join(t(f"scripted.identifier.{k}") for k in kinds)
        where = Problem(
            script.path, af.line(script.marks, *at), t("scripted.identifier_warning", kinds=labels)
        )
        script.warnings.append(str(where))


def _warn_field(script: Script, field: str, text: str, at: tuple[str | int, ...]) -> None:
    """A warning, identifiers masked, for an identifier in a free-text field other than a note."""
    message = identifiers.warning(field, text)
    if message is not None:
        script.warnings.append(str(Problem(script.path, af.line(script.marks, *at), message)))


def _refuse_if_problems(script: Script) -> None:
    if script.problems:
        raise InputError(_refusal(script.problems))


def _refusal(problems: list[Problem]) -> str:
    """One message: what happened, then each problem on its own `file:line: message` line
    (the first `MAX_SHOWN` of them: a file of thousands of mistakes gives a readable report)."""
    unique = sorted(dict.fromkeys(problems), key=lambda p: p.line or 0)
    return "\n".join([t("scripted.refused", count=len(unique)), *problem_lines(unique)])


def _report(script: Script, path: Path, session: Session) -> None:
    """The written file on stdout; warnings about personal identifiers on stderr."""

    for warning in script.warnings:
        err().print(escape(warning), soft_wrap=True)

    counts = session.counts()
    rated = len(session.interview.checkpoints)
    status = t(f"scripted.status.{session.interview.status}")
    plain(
        t(
            "scripted.written",
            path=clean(str(path)),
            answered=counts["answered"],
            skipped=counts["skipped"],
            revisit=counts["revisit"],
            total=len(session.items()),
            rated=rated,
            status=status,
        )
    )
