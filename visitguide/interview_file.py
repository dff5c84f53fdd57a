"""The interview file (CONTRACT.md §2): model, reading with upgrades, atomic private writes.

Writes go to a temporary file in the same folder (mode 0600), are fsynced, renamed over the
target, and the folder is fsynced: a reader or a power cut never sees half a file. A new file
is linked into place, so an existing file is never overwritten. A lock beside the file keeps
two processes from writing the same interview.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from visitguide.errors import InterviewFileError, Problem
from visitguide.messages import t

FORMAT = "visitguide.interview"
FORMAT_VERSION = 1
MAX_BYTES = 16 * 1024 * 1024
FILE_MODE = 0o600
DIR_MODE = 0o700


def now() -> str:
    """The current time, ISO 8601 with the local offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def today() -> str:
    return datetime.now().astimezone().date().isoformat()


class AnswerStatus(StrEnum):
    answered = "answered"
    skipped = "skipped"
    revisit = "revisit"


class Rating(StrEnum):
    oui = "oui"
    non = "non"
    na = "na"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Answer(_Model):
    status: AnswerStatus
    notes: str = ""
    evidence: list[str] = Field(default_factory=list)
    updated_at: str = Field(default_factory=now)


class CheckpointRating(_Model):
    rating: Rating
    comment: str = ""
    updated_at: str = Field(default_factory=now)


class AddedQuestion(_Model):
    id: str
    text: str
    criteria: list[str] = Field(default_factory=list)
    status: AnswerStatus | None = None
    notes: str = ""
    evidence: list[str] = Field(default_factory=list)
    updated_at: str = Field(default_factory=now)


class Context(_Model):
    establishment: str = ""
    sector: str | None = None
    interviewee_role: str = ""
    visitor: str = ""
    date: str = Field(default_factory=today)


class GuideRef(_Model):
    id: str
    version: str
    digest: str


class Interview(_Model):
    format: Literal["visitguide.interview"] = "visitguide.interview"
    format_version: Literal[1] = 1
    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    guide: GuideRef
    audience: str
    context: Context = Field(default_factory=Context)
    status: Literal["in_progress", "completed"] = "in_progress"
    started_at: str = Field(default_factory=now)
    updated_at: str = Field(default_factory=now)
    answers: dict[str, Answer] = Field(default_factory=dict)
    checkpoints: dict[str, CheckpointRating] = Field(default_factory=dict)
    added_questions: list[AddedQuestion] = Field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


# --- reading -------------------------------------------------------------------------------


def upgrade(data: dict[str, Any], path: Path | str) -> dict[str, Any]:
    """Bring an older `format_version` up to the current one (v1 is current)."""
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InterviewFileError(str(Problem(path, None, t("ifile.bad_version", version=version))))
    if version > FORMAT_VERSION:
        raise InterviewFileError(
            str(Problem(path, None, t("ifile.newer_version", version=version, current=FORMAT_VERSION)))
        )
    if version < 1:
        raise InterviewFileError(str(Problem(path, None, t("ifile.bad_version", version=version))))
    return data


def parse(text: str, path: Path | str) -> Interview:
    """An interview from JSON text; `InterviewFileError` naming the file (and line)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterviewFileError(str(Problem(path, exc.lineno, t("ifile.bad_json")))) from None
    except RecursionError:
        raise InterviewFileError(str(Problem(path, None, t("ifile.too_deep")))) from None
    if not isinstance(data, dict):
        raise InterviewFileError(str(Problem(path, 1, t("ifile.not_object"))))
    if data.get("format") != FORMAT:
        raise InterviewFileError(str(Problem(path, None, t("ifile.bad_format", format=FORMAT))))
    data = upgrade(data, path)
    try:
        return Interview.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InterviewFileError(
            str(Problem(path, None, t("ifile.invalid", where=where, count=exc.error_count())))
        ) from None


def read(path: Path) -> Interview:
    """Read and check one interview file."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InterviewFileError(str(Problem(path, None, t("file.too_large", size=size, max=MAX_BYTES))))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InterviewFileError(str(Problem(path, None, t("file.not_found")))) from None
    except IsADirectoryError:
        raise InterviewFileError(str(Problem(path, None, t("file.is_directory")))) from None
    except OSError as exc:
        raise InterviewFileError(str(Problem(path, None, t("file.os_error", error=exc.strerror)))) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InterviewFileError(str(Problem(path, line, t("file.not_utf8")))) from None
    if not text.strip():
        raise InterviewFileError(str(Problem(path, None, t("ifile.empty"))))
    return parse(text, path)


# --- writing -------------------------------------------------------------------------------


def ensure_folder(folder: Path) -> None:
    """Create `folder` (and missing parents) private to the owner."""
    if not folder.exists():
        folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        os.chmod(folder, DIR_MODE)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_temp(folder: Path, text: str) -> str:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".visitguide-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, FILE_MODE)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def create(path: Path, interview: Interview) -> None:
    """Write a new interview file; `InterviewFileError` if `path` already exists."""
    folder = path.parent if str(path.parent) else Path(".")
    ensure_folder(folder)
    if path.exists():
        raise InterviewFileError(t("ifile.exists", path=path))
    tmp = _write_temp(folder, interview.to_json())
    try:
        os.link(tmp, path)  # atomic, and fails if the target exists
    except FileExistsError:
        raise InterviewFileError(t("ifile.exists", path=path)) from None
    except OSError as exc:
        raise InterviewFileError(str(Problem(path, None, t("file.os_error", error=exc.strerror)))) from None
    finally:
        Path(tmp).unlink(missing_ok=True)
    _fsync_folder(folder)


def save(path: Path, interview: Interview) -> None:
    """Replace the interview file atomically (temp file, fsync, rename, fsync folder)."""
    folder = path.parent if str(path.parent) else Path(".")
    interview.updated_at = now()
    tmp = _write_temp(folder, interview.to_json())
    try:
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InterviewFileError(str(Problem(path, None, t("file.os_error", error=exc.strerror)))) from None
    _fsync_folder(folder)


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class Lock:
    """An exclusive, non-blocking lock on one interview file (released on exit or crash)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: Any = None

    def __enter__(self) -> Lock:
        from filelock import FileLock, Timeout

        lock = FileLock(str(lock_path(self.path)), timeout=0, mode=FILE_MODE)
        try:
            lock.acquire()
        except Timeout:
            raise InterviewFileError(t("ifile.locked", path=self.path)) from None
        except OSError as exc:
            raise InterviewFileError(
                str(Problem(self.path, None, t("file.os_error", error=exc.strerror)))
            ) from None
        self._lock = lock
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
