"""Files written for people: visit reports (`export`) and paper guides (`export --blank`).

One check before anything is rendered, and one way of writing. The check refuses a folder,
a missing folder, and any existing interview file: an interview is carried on with
`--resume`, never replaced, least of all by a report (`-o visite/dsi.json` is an easy slip).
The write is atomic and private, since a report holds interview notes: a temporary file of
mode 0600 beside the target, flushed to the disk, renamed over it.

This module does not import `interview_file` (it loads pydantic, which a paper guide has
no other need for): `INTERVIEW_MARK` is its `FORMAT`, quoted, and a test keeps them equal.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from visitguide.errors import InputError, UsageError, os_reason
from visitguide.messages import t

INTERVIEW_MARK = b'"visitguide.interview"'
# An interview file is at most interview_file.MAX_BYTES; one larger is not an interview.
MAX_SNIFF = 16 * 1024 * 1024 + 1
_BOM = b"\xef\xbb\xbf"


def check(output: Path) -> None:
    """Refuse `output` when it is a folder, in a missing folder, or an interview file."""
    if output.is_dir():
        raise UsageError(t("output.is_folder", path=output))
    folder = output.parent if str(output.parent) else Path(".")
    if not folder.resolve().is_dir():
        raise UsageError(t("output.folder_missing", path=output, folder=output.parent))
    if is_interview(output):
        raise UsageError(t("output.is_interview", path=output))


def is_interview(path: Path) -> bool:
    """Whether `path` is an existing interview file (or what is left of one).

    A JSON object holding the interview format anywhere, not only in its first bytes: a file
    whose keys were sorted (`jq -S`) has its "format" near the end. Only regular files are
    opened (opening a FIFO would block); anything unreadable counts as not an interview, and
    the write that follows reports why it failed.
    """
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            raw = handle.read(MAX_SNIFF)
    except OSError:
        return False
    body = raw.removeprefix(_BOM).lstrip()
    return body.startswith(b"{") and INTERVIEW_MARK in body


def write(output: Path, data: bytes) -> None:
    """Write `data` to `output` atomically, readable by its owner only."""
    folder = (output.parent if str(output.parent) else Path(".")).resolve()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".visitguide-", suffix=".tmp")
    except OSError as exc:
        raise InputError(t("output.cannot_write", path=output, error=os_reason(exc))) from None
    try:
        with os.fdopen(fd, "wb") as handle:  # mkstemp made it 0600 already
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(t("output.cannot_write", path=output, error=os_reason(exc))) from None
