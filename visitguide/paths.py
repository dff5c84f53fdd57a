"""Where banks are found: bundled, then `VISITGUIDE_BANK`, then `--bank` (CONTRACT.md §1)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

ENV_BANK = "VISITGUIDE_BANK"


def bundled_bank() -> Path:
    """The bank shipped with the program.

    In a wheel it is force-included as `visitguide/questions`; in a source checkout
    (editable install) it is `questions/` at the repository root.
    """
    package = Path(__file__).resolve().parent
    installed = package / "questions"
    if installed.is_dir():
        return installed
    return package.parent / "questions"


def user_banks(cli_banks: Sequence[Path] = ()) -> list[Path]:
    """User banks: those of `VISITGUIDE_BANK` (separated by ':'), then those given by `--bank`."""
    from_env = [Path(p) for p in os.environ.get(ENV_BANK, "").split(os.pathsep) if p.strip()]
    return [*from_env, *cli_banks]


def default_interview_dir() -> Path:
    """Where new interview files go when `--out` is not given."""
    return Path("entretiens")
