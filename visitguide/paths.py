"""Where things live: banks (bundled, then `VISITGUIDE_BANK`, then `--bank`, CONTRACT.md §1)
and new interview files, named from their context."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from visitguide.errors import UsageError
from visitguide.messages import t

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


# The context of an interview (the fields of `interview_file.Context`, which a test keeps in
# step): the options that fill it, for the live and scripted interviews alike. Kept here, in
# a module without pydantic, because the live interview filters them before its first prompt.
CONTEXT_KEYS = ("establishment", "sector", "interviewee_role", "visitor", "date")


def default_interview_path(date: str, audience: str, interview_id: str) -> Path:
    """`entretiens/<date>-<audience>-<first 8 characters of the id>.json`."""
    return default_interview_dir() / f"{date}-{audience}-{interview_id[:8]}.json"


def refuse_folder(out: Path) -> None:
    """`UsageError` when `--out` names a folder: it takes the name of the file to create."""
    if out.is_dir():
        raise UsageError(t("live.out_is_folder", path=out, example=out / "entretien.json"))
