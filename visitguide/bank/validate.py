"""`visitguide validate`: every problem of every bank, as `file:line: message`."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from visitguide.bank import loader as bank
from visitguide.console import escape, out
from visitguide.errors import ExitCode, Problem, UsageError, problem_lines
from visitguide.messages import t
from visitguide.paths import bundled_bank, user_banks


def targets(dirs: Sequence[Path], banks: Sequence[Path]) -> list[Path]:
    """The folders to check: those given, else the bundled bank and every user bank."""
    if dirs:
        return list(dirs)
    return [bundled_bank(), *user_banks(banks)]


def run(dirs: Sequence[Path], banks: Sequence[Path]) -> int:
    folders = targets(dirs, banks)
    if not folders:
        raise UsageError(t("validate.nothing"))
    for folder in folders:
        refused = bank.not_a_bank(folder)
        if refused is not None:  # bad input, not a finding: exit 2 like every reader
            raise UsageError(refused)
    problems: list[Problem] = []
    guides = 0
    for folder in folders:
        found = bank.check_bank(folder)
        problems.extend(found)
        guides += _count_guides(folder)
    console = out()
    for line in problem_lines(problems):
        console.print(escape(line), soft_wrap=True)
    if problems:
        console.print(f"[red]{t('validate.problems', count=len(problems))}[/]")
        return int(ExitCode.PROBLEMS)
    console.print(f"[green]{t('validate.ok', count=guides)}[/]")
    return int(ExitCode.OK)


def _count_guides(folder: Path) -> int:
    if (folder / bank.GUIDE_FILE).is_file():
        return 1
    try:
        return sum(1 for c in folder.iterdir() if (c / bank.GUIDE_FILE).is_file())
    except OSError:
        return 0
