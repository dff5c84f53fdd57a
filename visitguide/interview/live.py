"""`visitguide interview`: the interactive interview, from the first prompt to the last save.

Starting asks what the command line did not give (guide, audience, context), creates the
interview file (never over an existing one) and prints its path; `--resume` reopens a file
where the visitor left off (the question being typed, else the next pending one). The file
is locked while the interview runs, and the session saves it after every change, so Ctrl-C
(exit 130, with the command that resumes), a closed terminal or SIGTERM (129, 143: the note
being typed kept as a draft) or a killed process loses at most the note being typed.

Everything the command line names is checked before anything else, the terminal included:
a wrong audience, date or file is named first, even without a terminal.
"""

from __future__ import annotations

import contextlib
import shlex
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide import collector, dates, identifiers
from visitguide.bank import loader as bank
from visitguide.bank import typed
from visitguide.console import escape, out
from visitguide.errors import Interrupted, InterviewFileError, UsageError
from visitguide.interview import hangup
from visitguide.interview.asker import Option
from visitguide.interview.asker import required as asker_required
from visitguide.interview.widgets import QuestionaryAsker
from visitguide.messages import t
from visitguide.paths import CONTEXT_KEYS, default_interview_dir, default_interview_path, refuse_folder
from visitguide.text import clean

if TYPE_CHECKING:
    from rich.console import Console

    from visitguide.interview import file as ifile
    from visitguide.interview.asker import Asker
    from visitguide.interview.session import Session

# The interview file and session modules (pydantic) and rich are imported once the first
# question has been put: the visitor sees the first prompt as soon as the libraries that
# draw it are loaded (issue 7 measures that).


def run(
    guide_id: str | None,
    audience: str | None,
    out: Path | None,
    resume: Path | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    *,
    asker: Asker | None = None,
    console: Console | None = None,
    duration: int | None = None,
) -> int:
    """Run a live interview; 0 when finished or left for later, `Interrupted` on Ctrl-C (or
    SIGHUP, SIGTERM).

    `asker` and `console` replace the terminal (tests, scripted replays); without them a
    terminal is required on both stdin and stdout, once the command line has been checked.
    """
    overrides = command_line_context(overrides)
    if resume is not None and out is not None:
        raise UsageError(t("live.out_with_resume"))
    named = _preflight(guide_id, audience, out, resume, banks)
    if asker is None:
        require_terminal()
        collector.resume()  # paused for short commands by `entry`; an interview lasts hours

        with hangup.catching():
            return _run(named, audience, out, resume, overrides, banks, QuestionaryAsker(), console, duration)
    return _run(named, audience, out, resume, overrides, banks, asker, console, duration)


def _run(
    guide: bank.Guide | str | None,
    audience: str | None,
    out: Path | None,
    resume: Path | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    asker: Asker,
    console: Console | None,
    duration: int | None,
) -> int:
    if resume is not None:
        console = console or _console()
        with _interruptions(banks, console) as where:
            where.path = resume
            return resume_interview(resume, guide, audience, overrides, banks, asker, console, duration)
    return new_interview_run(guide, audience, out, overrides, banks, asker, console, duration)


def command_line_context(overrides: Mapping[str, str]) -> dict[str, str]:
    """The context options, the date as written in files (`01/12/2026` → `2026-12-01`)."""
    given = {k: v for k, v in overrides.items() if k in CONTEXT_KEYS}
    if "date" in given:
        day = dates.typed_day(given["date"])
        if day is None:
            raise UsageError(t("live.bad_date", value=given["date"]))
        given["date"] = day
    return given


def _preflight(
    guide_id: str | None, audience: str | None, out: Path | None, resume: Path | None, banks: Sequence[Path]
) -> bank.Guide | str | None:
    """Check what the command line names before anything is asked: the file to resume, or the
    guide and audience and the file to create. The guide when it is known already (else its
    id, or None when the visitor will choose it)."""
    if resume is not None:
        from visitguide.interview import file as ifile

        ifile.read(resume)  # a damaged or missing file is reported before anything else
        return guide_id
    if out is not None:
        refuse_folder(out)
        if out.exists() or out.is_symlink():
            raise InterviewFileError(t("ifile.exists", path=out))
    sources = bank.discover(banks)
    if guide_id is None and len(sources) != 1:
        return None
    named = typed.guide_id(guide_id, banks) if guide_id is not None else next(iter(sources))
    guide = bank.resolve(named, banks)
    typed.audience_id(guide, audience)
    return guide


def _console() -> Console:
    return out()


def require_terminal() -> None:
    """`UsageError` naming `--answers` unless both stdin and stdout are terminals."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(t("live.no_terminal"))


def resume_command(path: Path, banks: Sequence[Path]) -> str:
    """The exact command that carries this interview on."""
    words = ["visitguide", "interview", "--resume", str(path)]
    for folder in banks:
        words += ["--bank", str(folder)]
    return shlex.join(words)


@dataclass
class _Where:
    """How far the interview got: its file (once named) and the console (once made)."""

    path: Path | None = None
    console: Console | None = None


@contextmanager
def _interruptions(banks: Sequence[Path], console: Console | None) -> Iterator[_Where]:
    """Ctrl-C or Ctrl-D anywhere inside (or SIGHUP, SIGTERM: see `hangup`): `Interrupted`,
    with the exact command that resumes once the interview file exists (a resume
    announcement, the "guide changed" screen, a question), else saying that no file was
    written."""
    where = _Where(console=console)
    try:
        yield where
    except (KeyboardInterrupt, EOFError):
        code = hangup.exit_code()
        path = where.path
        if path is None or not (path.exists() or path.is_symlink()):
            raise Interrupted(t("live.interrupted_before_file"), exit_code=code) from None
        if where.console is not None:
            with contextlib.suppress(OSError):  # the terminal may be gone (SIGHUP)
                where.console.print()  # the interrupted prompt's line ends here
        command = resume_command(path, banks)
        raise Interrupted(t("live.interrupted", path=path, command=command), exit_code=code) from None


# --- a new interview -----------------------------------------------------------------------


def new_interview_run(
    guide: bank.Guide | str | None,
    audience: str | None,
    out: Path | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    asker: Asker,
    console: Console | None,
    duration: int | None = None,
) -> int:
    """Ask what is missing, create the file (never over another), then run the questions."""
    if out is not None:
        refuse_folder(out)
        if out.exists() or out.is_symlink():
            raise InterviewFileError(t("ifile.exists", path=out))
    with _interruptions(banks, console) as where:
        chosen_guide = guide if isinstance(guide, bank.Guide) else choose_guide(guide, banks, asker)
        chosen = choose_audience(chosen_guide, audience, asker)
        folder = out.parent if out is not None else default_interview_dir()
        context = ask_context(overrides, asker, previous_context(folder), console)
        from visitguide.interview import file as ifile
        from visitguide.interview.session import Session, new_interview

        where.console = console = console or _console()
        interview = new_interview(chosen_guide, chosen, context)
        path = out if out is not None else default_interview_path(context.date, chosen, interview.id)
        where.path = path
        ifile.create(path, interview)
        console.print(t("live.file_created", path=_shown(path)), soft_wrap=True)
        with ifile.Lock(path):
            session = Session(chosen_guide, interview, path)
            first = session.items()[0].id
            return _interview(session, first, asker, console, banks, duration)


def choose_guide(guide_id: str | None, banks: Sequence[Path], asker: Asker) -> bank.Guide:
    """The guide named, the only one found, or the one the visitor picks."""

    if guide_id is None:
        sources = bank.discover(banks)
        if len(sources) > 1:
            options = [Option(s.id, clean(f"{s.id}  ({_origin(s)})")) for s in sources.values()]
            guide_id = asker.select(t("live.choose_guide"), options)
    else:
        guide_id = typed.guide_id(guide_id, banks)
    return bank.resolve(guide_id, banks)


def _origin(source: bank.GuideSource) -> str:
    return t("live.bundled") if source.bundled else str(source.folder)


def choose_audience(guide: bank.Guide, audience: str | None, asker: Asker) -> str:
    if audience is not None:
        return typed.resolve(audience, [a.id for a in guide.audiences], "audience.unknown")
    options = [
        Option(
            a.id,
            clean(t("live.audience_option", label=a.label, id=a.id, count=len(guide.questions_for(a.id)))),
        )
        for a in guide.audiences
    ]
    return asker.select(t("live.choose_audience"), options)


FREE_TEXT = ("establishment", "sector", "interviewee_role", "visitor")
"""Context fields typed freely: checked for personal identifiers like notes."""


def ask_context(
    overrides: Mapping[str, str],
    asker: Asker,
    previous: ifile.Context | None,
    console: Console | None = None,
) -> ifile.Context:
    """The context of the interview: what the command line gave, the rest asked.

    What the command line gives is never asked again; when it gave any of the context, the
    optional fields it left out (sector, visitor, date) take their defaults without a prompt.
    The establishment and the visitor default to those of the last interview in the same
    folder (the same visit); the interviewee is described by a role, never a name. A field
    holding what looks like a personal identifier is shown masked and offered for editing
    before anything is written.
    """

    values: dict[str, str | None] = {k: v for k, v in overrides.items() if k in CONTEXT_KEYS}
    quiet = bool(values)
    defaults = {
        "establishment": previous.establishment if previous else "",
        "visitor": previous.visitor if previous else "",
        "date": dates.today(),
    }
    for key in CONTEXT_KEYS:
        value = values.get(key)
        if value is not None:
            values[key] = _without_identifiers(key, value, asker, console)
            continue
        required = key in ("establishment", "interviewee_role")
        if quiet and not required:
            values[key] = defaults.get(key, "")
            continue
        answer = _ask_field(key, defaults.get(key, ""), asker, asker_required if required else None)
        values[key] = _without_identifiers(key, answer, asker, console)
    if not values.get("sector"):
        values["sector"] = None
    from visitguide.interview import file as ifile

    return ifile.Context.model_validate(values)


def _ask_field(key: str, default: str, asker: Asker, validate: Callable[[str], str | None] | None) -> str:
    if key == "date":
        answer = asker.text(
            t("live.context.date"),
            default=default,
            validate=_date_problem,
            instruction=t("live.context_hint.date"),
        )
        return dates.typed_day(answer) or answer.strip()
    answer = asker.text(
        t(f"live.context.{key}"),
        default=default,
        validate=validate,
        instruction=t(f"live.context_hint.{key}"),
    )
    return answer.strip()


def _without_identifiers(key: str, value: str, asker: Asker, console: Console | None) -> str:
    """`value`, after the visitor was warned of any identifier in it and offered to edit it."""
    if key not in FREE_TEXT:
        return value
    while True:
        found = identifiers.find(value)
        if not found:
            return value
        from visitguide.interview import screens as view

        view.show_identifiers(console or _console(), found)
        if not asker.confirm(t("live.identifiers_edit"), default=True):
            return value
        value = asker.text(t(f"live.context.{key}"), default=value).strip()


def previous_context(folder: Path) -> ifile.Context | None:
    """The context of the most recent readable interview file in `folder`, if any."""
    try:
        files = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:
        return None
    if not files:
        return None
    from visitguide.interview import file as ifile

    for path in files[:20]:
        try:
            return ifile.read(path).context
        except (InterviewFileError, OSError):
            continue
    return None


def _date_problem(value: str) -> str | None:
    """The date written AAAA-MM-JJ or JJ/MM/AAAA: `20261129` would name files oddly."""
    return None if dates.typed_day(value) is not None else t("live.bad_date", value=value)


# --- resuming ------------------------------------------------------------------------------


def resume_interview(
    path: Path,
    guide: bank.Guide | str | None,
    audience: str | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    asker: Asker,
    console: Console,
    duration: int | None = None,
) -> int:
    """Carry on `path` where it was left: its guide and audience, the question being typed
    when it was left, else the next pending one."""
    from visitguide.interview import file as ifile
    from visitguide.interview.session import Session

    ifile.read(path)  # a damaged or missing file is reported before anything is locked
    with ifile.Lock(path):
        interview = ifile.read(path)
        guide_id = guide.id if isinstance(guide, bank.Guide) else guide
        if guide_id is not None and typed.candidates(guide_id, [interview.guide.id]) != [interview.guide.id]:
            raise UsageError(t("live.resume_other_guide", path=path, file=interview.guide.id, given=guide_id))
        if audience is not None and typed.candidates(audience, [interview.audience]) != [interview.audience]:
            raise UsageError(
                t("live.resume_other_audience", path=path, file=interview.audience, given=audience)
            )
        loaded = bank.resolve(interview.guide.id, banks)
        session = Session(loaded, interview, path)
        _announce_resume(session, path, console)
        _apply_overrides(session, overrides, asker, console)
        return _interview(session, resume_point(session), asker, console, banks, duration)


def resume_point(session: Session) -> str:
    """The question open when the file was last written (being typed when the interview was
    interrupted), else the next pending question, else the end."""
    from visitguide.interview.loop import END

    opened = session.interview.open_question
    if opened is not None and any(item.id == opened for item in session.items()):
        return opened
    return session.next_pending() or END


def _apply_overrides(session: Session, overrides: Mapping[str, str], asker: Asker, console: Console) -> None:
    """Context options given with --resume correct the file's context: each change is shown
    ("fonction : DSI → Directeur") and a completed interview is reopened."""
    given = {k: v for k, v in overrides.items() if k in CONTEXT_KEYS}
    before = session.interview.context
    changed = {k: v for k, v in given.items() if getattr(before, k) != v}
    if not changed:
        return
    for key, value in changed.items():
        changed[key] = _without_identifiers(key, value, asker, console)
        old = getattr(before, key) or "—"
        console.print(
            t(
                "live.context_changed",
                field=t(f"live.field.{key}"),
                old=_shown(old),
                new=_shown(changed[key]),
            ),
            soft_wrap=True,
        )
    session.interview.context = before.model_copy(update=changed)
    if session.interview.status == "completed":
        session.interview.status = "in_progress"
        console.print(t("live.reopened"))
    session.save()


def _announce_resume(session: Session, path: Path, console: Console) -> None:
    from visitguide.interview import screens as view

    console.print(t("live.file_resumed", path=_shown(path)), soft_wrap=True)
    console.print(view.progress_line(session))
    view.show_overview(console, session)
    if session.interview.status == "completed":
        console.print(t("live.resume_completed"))
    if session.guide_changed():
        console.print(
            t(
                "live.guide_changed",
                old=session.interview.guide.version,
                new=session.guide.meta.version,
            )
        )
    view.show_orphans(console, session)
    session.adopt_guide()


# --- running -------------------------------------------------------------------------------


def _interview(
    session: Session,
    start: str,
    asker: Asker,
    console: Console,
    banks: Sequence[Path],
    duration: int | None = None,
) -> int:
    """The loop (Ctrl-C and Ctrl-D are left to `_interruptions`)."""
    from visitguide.interview.loop import InterviewUI
    from visitguide.interview.screens import show_caveat

    assert session.path is not None
    command = resume_command(session.path, banks)
    show_caveat(console, session.guide.meta)  # the source's own words, before its questions
    finished = InterviewUI(session, asker, console, duration=duration).run(start)
    if finished:
        console.print(t("live.finished", path=_shown(session.path)), soft_wrap=True)
    else:
        console.print(t("live.left", path=_shown(session.path), command=_shown(command)), soft_wrap=True)
    return 0


def _shown(text: Path | str) -> str:
    """A path (or command) for the rich console: control characters and markup escaped."""

    return escape(str(text))
