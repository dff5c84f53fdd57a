"""`visitguide validate`: every problem of every bank, as `file:line: message`.

Compute, then show (issue 10): `check` returns the findings and prints nothing, for Python
callers and tests; `show` renders them and returns the exit code. The command calls both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide.bank import loader as bank
from visitguide.console import escape, out
from visitguide.errors import ExitCode, Problem, UsageError, problem_lines
from visitguide.messages import t
from visitguide.paths import bundled_bank, user_banks

if TYPE_CHECKING:
    from rich.console import Console


@dataclass(frozen=True)
class Findings:
    """What `check` found: the folders checked, how many guides they hold, every problem."""

    folders: tuple[Path, ...]
    guides: int
    problems: tuple[Problem, ...] = field(default=())

    @property
    def clean(self) -> bool:
        return not self.problems

    @property
    def exit_code(self) -> int:
        return int(ExitCode.OK if self.clean else ExitCode.PROBLEMS)


def targets(dirs: Sequence[Path], banks: Sequence[Path]) -> list[Path]:
    """The folders to check: those given, else the bundled bank and every user bank."""
    if dirs:
        return list(dirs)
    return [bundled_bank(), *user_banks(banks)]


def check(dirs: Sequence[Path], banks: Sequence[Path] = ()) -> Findings:
    """Check every folder (a bank or a single guide), always from the files, never the cache.

    `UsageError` when there is nothing to check or a folder is missing: bad input, not a
    finding (exit 2, like every command that reads banks).
    """
    folders = targets(dirs, banks)
    if not folders:
        raise UsageError(t("validate.nothing"))
    for folder in folders:
        refused = bank.not_a_bank(folder)
        if refused is not None:  # bad input, not a finding: exit 2 like every reader
            raise UsageError(refused)
    problems: list[Problem] = []
    for folder in folders:
        problems.extend(bank.check_bank(folder))
    return Findings(tuple(folders), sum(_count_guides(f) for f in folders), tuple(problems))


def show(findings: Findings, console: Console | None = None) -> int:
    """Print one line per problem (the first hundred, then a count) and a closing line; the
    exit code: 0 when clean, 1 with problems."""

    console = console or out()
    for line in problem_lines(list(findings.problems)):
        console.print(escape(line), soft_wrap=True)
    if findings.problems:
        console.print(f"[red]{t('validate.problems', count=len(findings.problems))}[/]")
    else:
        console.print(f"[green]{t('validate.ok', count=findings.guides)}[/]")
    return findings.exit_code


def _count_guides(folder: Path) -> int:
    if (folder / bank.GUIDE_FILE).is_file():
        return 1
    try:
        return sum(1 for c in folder.iterdir() if (c / bank.GUIDE_FILE).is_file())
    except OSError:
        return 0
