"""The command line: options in, one library call, an exit code out.

Every command module below this one is free of Typer. The one catch point for user errors
is `App.main`: a `VisitguideError` becomes a red sentence on stderr and its exit code;
Click's usage errors become a sentence of the catalog and exit 2.

No `from __future__ import annotations` here: Typer reads the annotations of every command
at start, and string annotations would cost it an `eval` each (about 5 ms per start).
"""

import contextlib
import os
import sys
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from visitguide import __version__
from visitguide.cli import completion, typer_patches
from visitguide.errors import BankError, ExitCode, Interrupted, UsageError, VisitguideError, problem_lines
from visitguide.messages import t

typer_patches.install()


class App(typer_patches.Group):
    """The root group: the single place where errors become messages and exit codes."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        code = self._run(args, prog_name, complete_var, **extra)
        if standalone_mode:
            sys.exit(code)
        return code

    def _run(
        self, args: Sequence[str] | None, prog_name: str | None, complete_var: str | None, **extra: Any
    ) -> int:
        try:
            rv = super().main(args, prog_name or "visitguide", complete_var, standalone_mode=False, **extra)
        except BankError as exc:
            report_bank_error(exc)
            return int(exc.exit_code)
        except Interrupted as exc:  # not an error: what was typed is safe, here is how to go on
            return _interrupted(exc)
        except VisitguideError as exc:
            _error(exc.message)
            return int(exc.exit_code)
        except typer_patches.NoArgsIsHelp:  # a bare `visitguide`: the help is printed, nothing is wrong
            return int(ExitCode.OK)
        except typer_patches.ClickUsageError as exc:
            _error(typer_patches.usage_message(exc))
            return int(ExitCode.USAGE)
        except (typer.Abort, KeyboardInterrupt):
            return int(ExitCode.INTERRUPTED)
        except OSError as exc:  # writing the output failed: closed pipe, full disk...
            return _os_failure(exc)
        try:
            sys.stdout.flush()  # a full disk shows here, not at exit as a traceback
        except OSError as exc:
            return _os_failure(exc)
        return rv if isinstance(rv, int) else 0


def _interrupted(exc: Interrupted) -> int:
    """The resume command on stderr, if anything can still be printed: after SIGHUP the
    terminal is gone, and a failed write must not turn the exit code into a traceback's."""
    from visitguide.console import notice

    try:
        notice(exc.message)
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.dup2(devnull, sys.stderr.fileno())
    return int(exc.exit_code)


def _os_failure(exc: OSError) -> int:
    """A closed pipe ends quietly (`visitguide questions | head`); any other failure is said."""
    if isinstance(exc, BrokenPipeError):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return int(ExitCode.OK)
    from visitguide.errors import os_reason

    if exc.filename:  # a file the command read or wrote without saying so itself
        _error(t("error.os_file", path=exc.filename, reason=os_reason(exc)))
    else:
        _error(t("error.os", where=t("error.stdout"), reason=os_reason(exc)))
    return int(ExitCode.USAGE)


def _not_together(first: str, first_given: bool, second: str, second_given: bool) -> None:
    """Options that contradict each other are refused rather than one silently ignored."""
    if first_given and second_given:
        raise UsageError(t("usage.not_together", first=first, second=second))


def _needs(option: str, given: bool, needed: str, needed_given: bool) -> None:
    if given and not needed_given:
        raise UsageError(t("usage.needs", option=option, needed=needed))


def _error(message: str) -> None:
    from visitguide.console import error  # imported on error only: start-up stays light

    error(message)


def report_bank_error(exc: BankError) -> None:
    """The bank's problems on stderr: the first `MAX_SHOWN`, then how many more."""
    from visitguide.console import err, error, escape

    error(t("error.bank_header", count=len(exc.problems)))
    console = err()
    for line in problem_lines(exc.problems):
        console.print(escape(line), soft_wrap=True)


app = typer.Typer(
    cls=App,
    name="visitguide",
    help=t("help.app"),
    add_completion=True,
    no_args_is_help=True,
    rich_markup_mode="rich",
    subcommand_metavar=t("chrome.command_metavar"),
    options_metavar="[OPTIONS]",
    context_settings={"help_option_names": ["-h", "--help"]},
)

BankOpt = Annotated[
    list[Path] | None, typer.Option("--bank", help=t("help.bank"), metavar=t("metavar.folder"))
]
GuideOpt = Annotated[
    str | None,
    typer.Option(
        "--guide", "-g", help=t("help.guide"), metavar=t("metavar.guide"), autocompletion=completion.guides
    ),
]
AudienceOpt = Annotated[
    str | None,
    typer.Option(
        "--audience",
        "-a",
        help=t("help.audience"),
        metavar=t("metavar.audience"),
        autocompletion=completion.audiences,
    ),
]


class ListFormat(StrEnum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"visitguide {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", help=t("help.version"), callback=_version, is_eager=True)
    ] = False,
) -> None:
    """Guide d'entretien des experts-visiteurs."""


@app.command("guides", help=t("cmd.guides"), cls=typer_patches.Command)
def guides_cmd(bank: BankOpt = None) -> None:
    from visitguide.bank import browse

    browse.show_guides(bank or [])


@app.command("questions", help=t("cmd.questions"), cls=typer_patches.Command)
def questions_cmd(
    guide: GuideOpt = None,
    audience: AudienceOpt = None,
    criterion: Annotated[
        str | None,
        typer.Option(
            "--criterion",
            "-c",
            help=t("help.criterion"),
            metavar=t("metavar.criterion"),
            autocompletion=completion.criteria,
        ),
    ] = None,
    search: Annotated[
        str | None, typer.Option("--search", "-s", help=t("help.search"), metavar=t("metavar.text"))
    ] = None,
    fmt: Annotated[
        ListFormat, typer.Option("--format", "-f", help=t("help.format_table_json"))
    ] = ListFormat.table,
    bank: BankOpt = None,
) -> None:
    from visitguide.bank import browse, typed

    banks = bank or []
    guides = browse.selected_guides(typed.guide_id(guide, banks), banks)
    if audience is not None:
        audience = typed.resolve(
            audience, list({a.id: 0 for g in guides for a in g.audiences}), "audience.unknown"
        )
    criterion = typed.criterion_id(guides, criterion)
    browse.show_questions(browse.find_questions(guides, audience, criterion, search), fmt.value)


@app.command("criteria", help=t("cmd.criteria"), cls=typer_patches.Command)
def criteria_cmd(guide: GuideOpt = None, bank: BankOpt = None) -> None:
    from visitguide.bank import browse, typed

    browse.show_criteria(browse.selected_guides(typed.guide_id(guide, bank or []), bank or []))


@app.command("validate", help=t("cmd.validate"), cls=typer_patches.Command)
def validate_cmd(
    dirs: Annotated[
        list[Path] | None,
        typer.Argument(help=t("help.validate_dirs"), metavar=t("metavar.folder"), show_default=False),
    ] = None,
    bank: BankOpt = None,
) -> int:
    from visitguide.bank import validate

    return validate.show(validate.check(dirs or [], bank or []))


class DryRunFormat(StrEnum):
    text = "text"
    yaml = "yaml"


class ExportFormat(StrEnum):
    md = "md"
    html = "html"
    csv = "csv"
    json = "json"
    docx = "docx"


class ExportPart(StrEnum):
    documents = "documents"


ContextOpts = dict[str, str | None]


@app.command("interview", help=t("cmd.interview"), cls=typer_patches.Command)
def interview_cmd(
    guide: GuideOpt = None,
    audience: AudienceOpt = None,
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=t("help.out"), metavar=t("metavar.file"))
    ] = None,
    resume: Annotated[
        Path | None,
        typer.Option(
            "--resume",
            "-r",
            help=t("help.resume"),
            metavar=t("metavar.file"),
            autocompletion=completion.interview_files,
        ),
    ] = None,
    answers: Annotated[
        Path | None, typer.Option("--answers", help=t("help.answers"), metavar=t("metavar.file"))
    ] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=t("help.dry_run"))] = False,
    fmt: Annotated[
        DryRunFormat, typer.Option("--format", "-f", help=t("help.dry_run_format"))
    ] = DryRunFormat.text,
    establishment: Annotated[
        str | None, typer.Option("--establishment", help=t("help.establishment"), metavar=t("metavar.text"))
    ] = None,
    sector: Annotated[
        str | None, typer.Option("--sector", help=t("help.sector"), metavar=t("metavar.text"))
    ] = None,
    role: Annotated[
        str | None, typer.Option("--role", help=t("help.role"), metavar=t("metavar.text"))
    ] = None,
    visitor: Annotated[
        str | None, typer.Option("--visitor", help=t("help.visitor"), metavar=t("metavar.text"))
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help=t("help.date"), metavar=t("metavar.date"))
    ] = None,
    duration: Annotated[
        str | None, typer.Option("--duration", help=t("help.duration"), metavar=t("metavar.minutes"))
    ] = None,
    bank: BankOpt = None,
) -> int | None:
    context: ContextOpts = {
        "establishment": establishment,
        "sector": sector,
        "interviewee_role": role,
        "visitor": visitor,
        "date": date,
    }
    overrides = {k: v for k, v in context.items() if v is not None}
    _needs("--format", fmt != DryRunFormat.text, "--dry-run", dry_run)
    for option, given in (("--answers", answers), ("--dry-run", dry_run or None)):
        _not_together("--duration", duration is not None, option, given is not None)
    minutes = _minutes(duration)
    banks = bank or []
    _not_together("--out", out is not None, "--resume", resume is not None)
    for option, given in (("--answers", answers), ("--resume", resume), ("--out", out)):
        _not_together("--dry-run", dry_run, option, given is not None)
    if dry_run:
        from visitguide.outline import dryrun

        guide, audience = _guide_and_audience(guide, audience, banks)
        return dryrun.run(guide, audience, fmt.value, banks)
    if answers is not None:
        from visitguide.bank import typed
        from visitguide.interview import scripted

        return scripted.run(answers, typed.guide_id(guide, banks), audience, out, resume, overrides, banks)
    from visitguide.interview import live

    return live.run(guide, audience, out, resume, overrides, banks, duration=minutes)


def _minutes(value: str | None) -> int | None:
    """`--duration`: a whole number of minutes, at least 1."""
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise UsageError(t("usage.bad_duration", value=value))
    return int(value)


def _guide_and_audience(guide: str | None, audience: str | None, banks: list[Path]) -> tuple[str, str | None]:
    """The guide and audience ids the command line means, as people type them."""
    from visitguide.bank import loader, typed

    loaded = loader.resolve(typed.guide_id(guide, banks), banks)
    return loaded.id, typed.audience_id(loaded, audience)


@app.command("export", help=t("cmd.export"), cls=typer_patches.Command)
def export_cmd(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=t("help.export_paths"), metavar=t("metavar.paths"), show_default=False),
    ] = None,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help=t("help.export_format"))
    ] = ExportFormat.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=t("help.output"), metavar=t("metavar.file"))
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=t("help.force"))] = False,
    guide: GuideOpt = None,
    redact: Annotated[bool, typer.Option("--redact", help=t("help.redact"))] = False,
    blank: Annotated[bool, typer.Option("--blank", help=t("help.blank"))] = False,
    audience: AudienceOpt = None,
    only: Annotated[ExportPart | None, typer.Option("--only", help=t("help.only"))] = None,
    separator: Annotated[
        str | None, typer.Option("--separator", help=t("help.separator"), metavar=t("metavar.separator"))
    ] = None,
    referentiel: Annotated[
        str | None,
        typer.Option("--referentiel", help=t("help.referentiel"), metavar=t("metavar.referentiel")),
    ] = None,
    bank: BankOpt = None,
) -> int | None:
    _not_together("--blank", blank, t("metavar.paths"), bool(paths))
    _not_together("--blank", blank, "--referentiel", referentiel is not None)
    _not_together("--blank", blank, "--only", only is not None)
    _not_together("--blank", blank, "--separator", separator is not None)
    _not_together("--blank", blank, "--redact", redact)
    _needs("--audience", audience is not None, "--blank", blank)
    _needs("--force", force, "--output", output is not None)
    if blank:
        from visitguide.outline import paper

        guide, audience = _guide_and_audience(guide, audience, bank or [])
        return paper.run(guide, audience, fmt.value, output, bank or [], force=force)
    from visitguide.bank import typed
    from visitguide.report import export as report

    guide = typed.guide_id(guide, bank or [])
    return report.run(
        paths or [],
        fmt.value,
        output,
        guide,
        redact,
        bank or [],
        force=force,
        only=only.value if only else None,
        separator=separator,
        referentiel=referentiel,
    )


@app.command("status", help=t("cmd.status"), cls=typer_patches.Command)
def status_cmd(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=t("help.status_paths"), metavar=t("metavar.paths"), show_default=False),
    ] = None,
    guide: GuideOpt = None,
    bank: BankOpt = None,
) -> int | None:
    if not paths:
        raise UsageError(t("usage.status_no_path"))
    from visitguide.bank import typed
    from visitguide.report import status

    return status.run(paths, typed.guide_id(guide, bank or []), bank or [])


@app.command("import", help=t("cmd.import"), cls=typer_patches.Command)
def import_cmd(
    fiche: Annotated[
        Path, typer.Argument(help=t("help.import_fiche"), metavar=t("metavar.fiche"), show_default=False)
    ],
    out: Annotated[
        Path | None, typer.Option("--out", "-o", help=t("help.import_out"), metavar=t("metavar.folder"))
    ] = None,
    guide_id: Annotated[
        str | None, typer.Option("--id", help=t("help.import_id"), metavar=t("metavar.id"))
    ] = None,
) -> int | None:
    from visitguide.bank import fiche_show

    return fiche_show.run(fiche, out or Path(), guide_id)


@app.command("check", help=t("cmd.check"), cls=typer_patches.Command)
def check_cmd(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help=t("help.check_paths"), metavar=t("metavar.paths"), show_default=False),
    ] = None,
    bank: BankOpt = None,
) -> int | None:
    if not paths:
        raise UsageError(t("usage.check_no_path"))
    from visitguide.interview import check

    return check.show(check.scan(paths, bank or []))


def main() -> None:
    """Console-script entry point."""
    app()
