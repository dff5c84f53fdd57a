"""Files: size-capped reads and atomic private writes, for every reader and writer of the program.

Reading (`read_capped`): the file is opened without blocking (opening a FIFO nobody writes to
waits forever), what was opened is checked (`fstat` on the descriptor: the file itself, not
what its name pointed to a moment before), and at most `limit + 1` bytes are read, whatever
size the file claims: a device (`/dev/zero`) claims 0 bytes, a sparse file gigabytes it does
not hold. Inside folders only regular files are read (`regular_file` tells which ones to
skip); a path named on the command line may be a pipe (`--answers <(…)`), read under the cap.

Writing (`write_atomic`): a temporary file of mode 0600 beside the target, flushed to the
disk, renamed over the target (or linked into place, which never replaces anything, for a
new interview file), then the folder flushed: a reader or a power cut never sees half a file.
Interview files, the guide cache and the files written for people all go through it.

Files written for people (`check`, `write`: reports and paper guides) are never written over
an interview file, whatever its encoding, and an existing file is replaced only with `--force`.
This module does not import `interview.file` (pydantic): `INTERVIEW_FORMAT` and
`INTERVIEW_MAX_BYTES` are its `FORMAT` and `MAX_BYTES`, and a test keeps them equal.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Any

from visitguide.errors import InputError, UsageError, os_reason
from visitguide.messages import t

FILE_MODE = 0o600
CHUNK = 1024 * 1024

INTERVIEW_FORMAT = "visitguide.interview"
INTERVIEW_MAX_BYTES = 16 * 1024 * 1024
# The largest interview file in the widest encoding a user's tools may give it (UTF-32): a
# larger file is no encoding of an interview.
SNIFF_MAX_BYTES = 4 * INTERVIEW_MAX_BYTES + 4


# --- reading -------------------------------------------------------------------------------


class NotRegularFile(Exception):
    """A pipe, device or socket where only a regular file may be read (inside a folder)."""


class TooLarge(Exception):
    """More than `limit` bytes; `size` is the size the file claims, None for a stream."""

    def __init__(self, size: int | None, limit: int) -> None:
        super().__init__(size, limit)
        self.size = size
        self.limit = limit


def regular_file(path: Path) -> bool:
    """Whether `path` is a regular file (following links): what a folder walk may read."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except (OSError, ValueError):
        return False


def read_capped(path: Path, limit: int, *, pipes: bool = False) -> bytes:
    """The bytes of `path`: at most `limit`, else `TooLarge`; never blocks on opening.

    Only a regular file unless `pipes` (a path named on the command line), when anything but
    a folder is read as a stream. `IsADirectoryError` for a folder, `NotRegularFile` for a
    pipe or device when not `pipes`, `OSError` for the rest.
    """
    fd = _open(path)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        regular = stat.S_ISREG(info.st_mode)
        if not regular and not pipes:
            raise NotRegularFile(str(path))
        if regular and info.st_size > limit:
            raise TooLarge(info.st_size, limit)
        _blocking(fd)  # a pipe's writer may be slower than us: wait for it, up to the cap
        data = _read_at_most(fd, limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise TooLarge(len(data) if regular else None, limit)
    return data


def head(path: Path, count: int) -> bytes:
    """The first `count` bytes of a regular file; nothing when it is none or cannot be read."""
    try:
        fd = _open(path)
    except OSError:
        return b""
    try:
        return _read_at_most(fd, count) if stat.S_ISREG(os.fstat(fd).st_mode) else b""
    except OSError:
        return b""
    finally:
        os.close(fd)


def _open(path: Path) -> int:
    """A descriptor for reading `path`, opened without waiting for a FIFO's writer."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    return os.open(path, flags | getattr(os, "O_CLOEXEC", 0))


def _blocking(fd: int) -> None:
    set_blocking = getattr(os, "set_blocking", None)
    if set_blocking is not None and hasattr(os, "O_NONBLOCK"):
        with contextlib.suppress(OSError):
            set_blocking(fd, True)


def _read_at_most(fd: int, count: int) -> bytes:
    chunks: list[bytes] = []
    left = count
    while left > 0:
        chunk = os.read(fd, min(CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


# --- writing -------------------------------------------------------------------------------


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def write_atomic(
    target: Path,
    data: bytes,
    *,
    prefix: str | None = None,
    suffix: str = ".tmp",
    replace: bool = True,
    durable: bool = True,
) -> None:
    """Put `data` at `target` atomically, readable by its owner only (mode 0600).

    `replace=False` links the new file into place, which fails with `FileExistsError` when
    `target` exists (even as a dangling link): a new file that never overwrites. `durable`
    flushes the file and its folder to the disk (a cache entry does without). The temporary
    file is `<prefix><random><suffix>` beside `target` (default prefix `.<name>.`), removed
    whatever happens. `OSError` for the caller to put in its own words.
    """
    folder = folder_of(target)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix or f".{target.name}.", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as handle:
            _private(handle.fileno(), tmp)
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        if replace:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # atomic, and fails if the target exists
    finally:
        Path(tmp).unlink(missing_ok=True)
    if durable:
        fsync_folder(folder)


def _private(fd: int, path: str) -> None:
    """Mode 0600 whatever the umask (mkstemp gives it already; a reused name would not).

    `os.fchmod` is missing on Windows before Python 3.13: the path is changed instead.
    """
    fchmod = getattr(os, "fchmod", None)
    if fchmod is not None:
        fchmod(fd, FILE_MODE)
    else:
        os.chmod(path, FILE_MODE)


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a rename) to the disk, where the system allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # Windows cannot open a folder: its renames are durable enough
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- files written for people: reports and paper guides -----------------------------------


def check(output: Path, *, force: bool = False) -> None:
    """Refuse `output` when it cannot or must not be written.

    Refused whatever the options: a folder, a missing folder, a pipe or device, an interview
    file (by any reading: see `is_interview`). An existing file is replaced only with `force`.
    """
    if output.is_dir():
        raise UsageError(t("output.is_folder", path=output))
    if not folder_of(output).resolve().is_dir():
        raise UsageError(t("output.folder_missing", path=output, folder=output.parent))
    if not os.path.lexists(output):
        return
    if output.exists() and not regular_file(output):
        raise UsageError(t("output.not_regular", path=output))
    if is_interview(output):
        raise UsageError(t("output.is_interview", path=output))
    if not force:
        raise UsageError(t("output.exists", path=output))


def write(output: Path, data: bytes) -> None:
    """Write `data` to `output` atomically, readable by its owner only."""
    try:
        write_atomic(output, data, prefix=".visitguide-")
    except OSError as exc:
        raise InputError(t("output.cannot_write", path=output, error=os_reason(exc))) from None


def is_interview(path: Path) -> bool:
    """Whether the regular file `path` is an interview file, or what is left of one, by any reading.

    Read as UTF-8, and as UTF-16 and UTF-32 (either byte order, with or without a BOM) when
    it holds NUL bytes; each text is parsed as JSON, and any object in it whose "format" is
    the interview format makes it one; a text that is not JSON (truncated, mangled) is one
    when it holds the format, quoted, once its JSON escapes are decoded
    (`"visitguide\\u002einterview"`). A file that cannot be read is not one: the write that
    follows says why it fails.
    """
    try:
        raw = read_capped(path, SNIFF_MAX_BYTES)
    except (OSError, NotRegularFile, TooLarge):
        return False
    return any(_names_interview(text) for text in _readings(raw))


_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")


def _readings(raw: bytes) -> list[str]:
    """Every text `raw` may be: UTF-8, and the wide encodings when it holds a NUL byte."""
    encodings = ["utf-8"]
    if b"\x00" in raw:  # UTF-8 JSON never holds one (it would be escaped): a wide encoding
        encodings += _WIDE
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            raw = raw[len(bom) :]
            encodings = [encoding, *encodings]
            break
    return [raw.decode(encoding, errors="replace") for encoding in dict.fromkeys(encodings)]


_MARK = f'"{INTERVIEW_FORMAT}"'
_ESCAPE = re.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))", re.DOTALL)


class _Found(Exception):
    pass


def _format_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if any(key == "format" and value == INTERVIEW_FORMAT for key, value in pairs):
        raise _Found
    return {}


def _names_interview(text: str) -> bool:
    try:
        json.loads(text.lstrip("\ufeff"), object_pairs_hook=_format_pairs)
    except _Found:
        return True
    except (ValueError, RecursionError):  # not JSON (truncated, mangled): scan the text
        return _MARK in _ESCAPE.sub(_unescape, text)
    return False  # JSON, and no object of it has the interview format


def _unescape(match: re.Match[str]) -> str:
    code, char = match.groups()
    return chr(int(code, 16)) if code is not None else char
