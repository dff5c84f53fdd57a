"""`visitguide interview`: the interactive interview, from the first prompt to the last save.

Starting asks what the command line did not give (guide, audience, context), creates the
interview file (never over an existing one) and prints its path; `--resume` reopens a file
where the visitor left off. The file is locked while the interview runs, and the session
saves it after every change, so Ctrl-C (exit 130, with the command that resumes) or a
killed process loses at most the note being typed.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide import collector, dates
from visitguide.bank import loader as bank
from visitguide.errors import Interrupted, InterviewFileError, UsageError
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
) -> int:
    """Run a live interview; 0 when finished or left for later, `Interrupted` on Ctrl-C.

    `asker` and `console` replace the terminal (tests, scripted replays); without them a
    terminal is required on both stdin and stdout.
    """
    if asker is None:
        require_terminal()
        collector.resume()  # paused for short commands by `entry`; an interview lasts hours
        from visitguide.interview.widgets import QuestionaryAsker

        asker = QuestionaryAsker()
    _check_date(overrides.get("date"))
    if resume is not None:
        if out is not None:
            raise UsageError(t("live.out_with_resume"))
        console = console or _console()
        with _interruptions(banks, console) as where:
            where.path = resume
            return resume_interview(resume, guide_id, audience, overrides, banks, asker, console)
    return new_interview_run(guide_id, audience, out, overrides, banks, asker, console)


def _console() -> Console:
    from visitguide.console import out

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
    """Ctrl-C or Ctrl-D anywhere inside: `Interrupted`, with the exact command that resumes
    once the interview file exists (a resume announcement, the "guide changed" screen, a
    question), else saying that no file was written."""
    where = _Where(console=console)
    try:
        yield where
    except (KeyboardInterrupt, EOFError):
        path = where.path
        if path is None or not (path.exists() or path.is_symlink()):
            raise Interrupted(t("live.interrupted_before_file")) from None
        if where.console is not None:
            where.console.print()  # the interrupted prompt's line ends here
        command = resume_command(path, banks)
        raise Interrupted(t("live.interrupted", path=path, command=command)) from None


# --- a new interview -----------------------------------------------------------------------


def new_interview_run(
    guide_id: str | None,
    audience: str | None,
    out: Path | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    asker: Asker,
    console: Console | None,
) -> int:
    """Ask what is missing, create the file (never over another), then run the questions."""
    if out is not None:
        refuse_folder(out)
        if out.exists() or out.is_symlink():
            raise InterviewFileError(t("ifile.exists", path=out))
    with _interruptions(banks, console) as where:
        guide = choose_guide(guide_id, banks, asker)
        chosen = choose_audience(guide, audience, asker)
        folder = out.parent if out is not None else default_interview_dir()
        context = ask_context(overrides, asker, previous_context(folder))
        from visitguide.interview import file as ifile
        from visitguide.interview.session import Session, new_interview

        where.console = console = console or _console()
        interview = new_interview(guide, chosen, context)
        path = out if out is not None else default_interview_path(context.date, chosen, interview.id)
        where.path = path
        ifile.create(path, interview)
        console.print(t("live.file_created", path=_shown(path)), soft_wrap=True)
        with ifile.Lock(path):
            session = Session(guide, interview, path)
            first = session.items()[0].id
            return _interview(session, first, asker, console, banks)


def choose_guide(guide_id: str | None, banks: Sequence[Path], asker: Asker) -> bank.Guide:
    """The guide named, the only one found, or the one the visitor picks."""
    from visitguide.interview.asker import Option

    if guide_id is None:
        sources = bank.discover(banks)
        if len(sources) > 1:
            options = [Option(s.id, clean(f"{s.id}  ({_origin(s)})")) for s in sources.values()]
            guide_id = asker.select(t("live.choose_guide"), options)
    return bank.resolve(guide_id, banks)


def _origin(source: bank.GuideSource) -> str:
    return t("live.bundled") if source.bundled else str(source.folder)


def choose_audience(guide: bank.Guide, audience: str | None, asker: Asker) -> str:
    from visitguide.interview.asker import Option

    if audience is not None:
        guide.require_audience(audience)
        return audience
    options = [
        Option(
            a.id,
            clean(t("live.audience_option", label=a.label, id=a.id, count=len(guide.questions_for(a.id)))),
        )
        for a in guide.audiences
    ]
    return asker.select(t("live.choose_audience"), options)


def ask_context(overrides: Mapping[str, str], asker: Asker, previous: ifile.Context | None) -> ifile.Context:
    """The context of the interview: what the command line gave, the rest asked.

    The establishment and the visitor default to those of the last interview in the same
    folder (the same visit); the interviewee is described by a role, never a name.
    """
    from visitguide.interview.asker import required as asker_required

    values: dict[str, str | None] = {k: v for k, v in overrides.items() if k in CONTEXT_KEYS}

    def ask(key: str, default: str = "", required: bool = False) -> None:
        if key in values:
            return
        answer = asker.text(
            t(f"live.context.{key}"),
            default=default,
            validate=asker_required if required else None,
            instruction=t(f"live.context_hint.{key}"),
        )
        values[key] = answer.strip()

    ask("establishment", previous.establishment if previous else "", required=True)
    ask("sector")
    ask("interviewee_role", required=True)
    ask("visitor", previous.visitor if previous else "")
    if "date" not in values:
        values["date"] = asker.text(
            t("live.context.date"),
            default=dates.today(),
            validate=_date_problem,
            instruction=t("live.context_hint.date"),
        ).strip()
    if not values.get("sector"):
        values["sector"] = None
    from visitguide.interview import file as ifile

    return ifile.Context.model_validate(values)


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
    """The date written AAAA-MM-JJ, as in scripted runs: `20261129` would name files oddly."""
    return None if dates.parse_day(value) is not None else t("live.bad_date", value=value)


def _check_date(value: str | None) -> None:
    if value is not None and _date_problem(value) is not None:
        raise UsageError(t("live.bad_date", value=value))


# --- resuming ------------------------------------------------------------------------------


def resume_interview(
    path: Path,
    guide_id: str | None,
    audience: str | None,
    overrides: Mapping[str, str],
    banks: Sequence[Path],
    asker: Asker,
    console: Console,
) -> int:
    """Carry on `path` where it was left: its guide and audience, the next pending question."""
    from visitguide.interview import file as ifile
    from visitguide.interview.session import Session

    ifile.read(path)  # a damaged or missing file is reported before anything is locked
    with ifile.Lock(path):
        interview = ifile.read(path)
        if guide_id is not None and guide_id != interview.guide.id:
            raise UsageError(t("live.resume_other_guide", path=path, file=interview.guide.id, given=guide_id))
        if audience is not None and audience != interview.audience:
            raise UsageError(
                t("live.resume_other_audience", path=path, file=interview.audience, given=audience)
            )
        guide = bank.resolve(interview.guide.id, banks)
        session = Session(guide, interview, path)
        _apply_overrides(session, overrides)
        _announce_resume(session, path, console)
        start = session.next_pending()
        return _interview(session, start or ":end", asker, console, banks)


def _apply_overrides(session: Session, overrides: Mapping[str, str]) -> None:
    """Context options given with --resume correct the file's context."""
    given = {k: v for k, v in overrides.items() if k in CONTEXT_KEYS}
    if not given:
        return
    context = session.interview.context.model_copy(update=given)
    if context != session.interview.context:
        session.interview.context = context
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


def _interview(session: Session, start: str, asker: Asker, console: Console, banks: Sequence[Path]) -> int:
    """The loop (Ctrl-C and Ctrl-D are left to `_interruptions`)."""
    from visitguide.interview.loop import InterviewUI

    assert session.path is not None
    command = resume_command(session.path, banks)
    finished = InterviewUI(session, asker, console).run(start)
    if finished:
        console.print(t("live.finished", path=_shown(session.path)), soft_wrap=True)
    else:
        console.print(t("live.left", path=_shown(session.path), command=_shown(command)), soft_wrap=True)
    return 0


def _shown(text: Path | str) -> str:
    """A path (or command) for the rich console: control characters and markup escaped."""
    from visitguide.console import escape

    return escape(str(text))
