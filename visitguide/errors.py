"""One exception hierarchy for everything a user can get wrong.

Each error carries a message already translated for the user and the exit code of the
contract (CONTRACT.md §5). The CLI catches `VisitguideError` in one place; any other
exception is a bug and keeps its traceback.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path

from visitguide.messages import t


class ExitCode(IntEnum):
    """Exit codes of CONTRACT.md §5."""

    OK = 0
    PROBLEMS = 1
    USAGE = 2
    HANGUP = 129  # SIGHUP: the terminal was closed
    INTERRUPTED = 130
    TERMINATED = 143  # SIGTERM


# Problems listed in one report; the count says how many more there are (a file of
# thousands of mistakes must give a readable report, quickly).
MAX_SHOWN = 100


@dataclass(frozen=True)
class Problem:
    """One located problem: `file:line: message`."""

    path: Path | str
    line: int | None
    message: str

    def __str__(self) -> str:
        """One line whatever the file held: a line break in an id or a path is shown escaped,
        so that every `file:line: message` stays one line for people and for tools."""
        where = str(self.path)
        if self.line is not None:
            where += f":{self.line}"
        return one_line(f"{where}: {self.message}")


_LINE_BREAKS = str.maketrans(
    {"\n": "\\n", "\r": "\\r", "\x85": "\\x85", "\u2028": "\\u2028", "\u2029": "\\u2029"}
)


def one_line(text: str) -> str:
    """`text` with its line breaks shown as escapes (`\\n`)."""
    return text.translate(_LINE_BREAKS)


def problem_lines(problems: list[Problem]) -> list[str]:
    """`file:line: message` for the first `MAX_SHOWN` problems, then how many more there are."""

    lines = [str(p) for p in problems[:MAX_SHOWN]]
    if len(problems) > MAX_SHOWN:
        lines.append(t("problems.more", count=len(problems) - MAX_SHOWN))
    return lines


def os_reason(exc: OSError) -> str:
    """Why a file operation failed, in the interface language (never the system's English)."""

    known = {
        errno.ENOENT: "os.not_found",
        errno.EACCES: "os.permission",
        errno.EPERM: "os.permission",
        errno.EISDIR: "os.is_directory",
        errno.ENOTDIR: "os.not_directory",
        errno.ENOSPC: "os.no_space",
        errno.EDQUOT: "os.no_space",
        errno.EROFS: "os.read_only",
        errno.EEXIST: "os.exists",
        errno.ENAMETOOLONG: "os.name_too_long",
        errno.ELOOP: "os.loop",
        errno.EIO: "os.io",
        errno.EXDEV: "os.cross_device",
    }
    key = known.get(exc.errno or 0)
    return t(key) if key else t("os.other", code=exc.errno if exc.errno is not None else "?")


class VisitguideError(Exception):
    """Base of every error meant for the user."""

    exit_code: ExitCode = ExitCode.USAGE

    def __init__(self, message: str, *, exit_code: ExitCode | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class UsageError(VisitguideError):
    """Bad usage: an unknown id, a missing option, no terminal."""


class InputError(VisitguideError):
    """An input file that cannot be used: unreadable, invalid, too large."""


class BankError(InputError):
    """One or more problems in question banks, each located by file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class FicheError(InputError):
    """A file given to `import` that cannot be read as a HAS fiche, or a draft that cannot be written."""


class InterviewFileError(InputError):
    """An interview file that is damaged, of an unknown format, or locked."""


class Interrupted(VisitguideError):
    """Ctrl-C: everything typed so far is on disk; the message says how to resume."""

    exit_code = ExitCode.INTERRUPTED
