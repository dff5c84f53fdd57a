"""The interview file (CONTRACT.md §2): model, reading with upgrades, atomic private writes.

Writes go to a temporary file in the same folder (mode 0600), are fsynced, renamed over the
target, and the folder is fsynced: a reader or a power cut never sees half a file. A new file
is linked into place, so an existing file is never overwritten. A lock beside the file keeps
two processes from writing the same interview.

Reading never trusts the file: a regular file of at most `MAX_BYTES`, UTF-8, JSON without
absurd nesting or numbers, the right `format`, a known `format_version` (older ones upgraded
in memory), then the strict model. Anything else is a `DamagedFile` naming the file, and
nothing in this module ever writes to a file it could not read.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from visitguide import dates, files, identifiers
from visitguide.errors import InputError, InterviewFileError, Problem, os_reason
from visitguide.messages import t
from visitguide.text import safe_json_text

if TYPE_CHECKING:
    from visitguide.bank.loader import Guide

FORMAT = "visitguide.interview"
FORMAT_VERSION = 2
MAX_BYTES = files.INTERVIEW_MAX_BYTES
FILE_MODE = files.FILE_MODE
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


class DocumentState(StrEnum):
    """A document seen by the visitor, or asked for and not seen yet."""

    vu = "vu"
    demande = "demande"


class Basis(StrEnum):
    """What a checkpoint rating rests on: what was said, what the visitor saw, a document read."""

    entretien = "entretien"
    observation = "observation"
    document = "document"


_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Evidence(_Model):
    document: str
    state: DocumentState = DocumentState.vu


def evidence_of(items: Iterable[Evidence | str]) -> list[Evidence]:
    """Evidence items from items or from plain strings (a string is a document seen)."""
    return [item if isinstance(item, Evidence) else Evidence(document=item) for item in items]


class Answer(_Model):
    status: AnswerStatus
    notes: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    updated_at: str = Field(default_factory=now)


class CheckpointRating(_Model):
    rating: Rating
    comment: str = ""
    basis: Basis = Basis.entretien
    updated_at: str = Field(default_factory=now)


class AddedQuestion(_Model):
    id: str
    text: str
    criteria: list[str] = Field(default_factory=list)
    status: AnswerStatus | None = None
    notes: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    updated_at: str = Field(default_factory=now)


class Context(_Model):
    establishment: str = ""
    sector: str | None = None
    interviewee_role: str = ""
    visitor: str = ""
    date: str = Field(default_factory=today)

    @field_validator("date")
    @classmethod
    def _a_real_day(cls, value: str) -> str:
        """AAAA-MM-JJ, a day that exists: the date names default files (never `../../x`)."""
        if dates.parse_day(value) is None:
            raise ValueError("not a day")
        return value.strip()


class GuideRef(_Model):
    id: str
    version: str
    digest: str


class Interview(_Model):
    format: Literal["visitguide.interview"] = "visitguide.interview"
    format_version: Literal[2] = 2
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
    open_question: str | None = None  # the question on screen when last written: a resume opens it

    @field_validator("id")
    @classmethod
    def _a_uuid(cls, value: str) -> str:
        """A UUID: the id names default files and ends added questions' ids."""
        if not _UUID.fullmatch(value):
            raise ValueError("not a UUID")
        return value

    @property
    def short_id(self) -> str:
        """The first part of the id: in default file names and in added questions' ids."""
        return self.id.split("-", 1)[0][:8]

    def to_json(self) -> str:
        """The file's text: UTF-8 JSON, readable, with nothing that cannot be encoded nor
        anything a terminal would obey (the file may be `cat`)."""

        text = json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)
        return safe_json_text(scrub(text)) + "\n"


# --- reading -------------------------------------------------------------------------------


class DamagedFile(InterviewFileError):
    """An interview file that cannot be used as it is; `problem` locates it (file, line)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def _damaged(path: Path | str, line: int | None, key: str, **values: object) -> DamagedFile:
    return DamagedFile(Problem(path, line, t(key, **values)))


def upgrade(data: dict[str, Any], path: Path | str) -> dict[str, Any]:
    """Bring an older `format_version` up to the current one, in memory (never rewritten unasked).

    v1 -> v2: an evidence item was a string (a document seen); an added question's id was
    unique in its interview only (`perso-1`), and gets the interview's short id appended so
    that it is unique across a visit. Files of a newer version than this program knows are
    refused with a message asking for an upgrade, never guessed at.
    """
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _damaged(path, None, "ifile.bad_version", version=_short(version))
    if version > FORMAT_VERSION:
        raise _damaged(path, None, "ifile.newer_version", version=version, current=FORMAT_VERSION)
    if version == 1:
        data = _v1_to_v2(data)
    return data


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """The v2 reading of a v1 file; anything of an unexpected shape is left for the model to refuse."""
    data = dict(data, format_version=2)
    answers = data.get("answers")
    if isinstance(answers, dict):
        data["answers"] = {k: _v1_evidence(v) for k, v in answers.items()}
    added = data.get("added_questions")
    short = str(data.get("id", "")).split("-", 1)[0][:8]
    if isinstance(added, list):
        data["added_questions"] = [_v1_added(a, short) for a in added]
    return data


def _v1_evidence(entry: Any) -> Any:
    if isinstance(entry, dict) and isinstance(entry.get("evidence"), list):
        items = [{"document": e, "state": "vu"} if isinstance(e, str) else e for e in entry["evidence"]]
        entry = dict(entry, evidence=items)
    return entry


def _v1_added(entry: Any, short: str) -> Any:
    entry = _v1_evidence(entry)
    old = entry.get("id") if isinstance(entry, dict) else None
    if isinstance(old, str) and short and not old.endswith(short):
        entry = dict(entry, id=f"{old}-{short}")
    return entry


def _short(value: object) -> str:
    """A value of the file as shown in a message: short, identifiers masked."""
    text = identifiers.masked_id(repr(value) if not isinstance(value, int) else str(value))
    return text if len(text) <= 40 else text[:40] + "…"


def read_bytes(path: Path, *, pipes: bool = False) -> bytes:
    """The raw bytes of an interview file: a regular file (or, named on the command line, a
    pipe: `pipes`) of at most `MAX_BYTES`, read without blocking on a FIFO."""
    try:
        return files.read_capped(path, MAX_BYTES, pipes=pipes)
    except files.TooLarge as exc:
        if exc.size is None:
            raise _damaged(path, None, "file.too_large_stream", max=MAX_BYTES) from None
        raise _damaged(path, None, "file.too_large", size=exc.size, max=MAX_BYTES) from None
    except files.NotRegularFile:
        raise _damaged(path, None, "ifile.not_regular") from None
    except FileNotFoundError:
        raise _damaged(path, None, "file.not_found") from None
    except IsADirectoryError:
        raise _damaged(path, None, "file.is_directory") from None
    except PermissionError:
        raise _damaged(path, None, "file.unreadable") from None
    except OSError as exc:
        raise _damaged(path, None, "file.os_error", error=os_reason(exc)) from None


def decode(raw: bytes, path: Path | str) -> str:
    """The text of an interview file: UTF-8 (a BOM is dropped), not blank."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise _damaged(path, line, "file.not_utf8") from None
    if not text.strip():
        raise _damaged(path, None, "ifile.empty")
    return text


# A \u escape of a surrogate: json.loads turns a lone one into a string that cannot be written.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _DuplicateKey(Exception):
    def __init__(self, key: str) -> None:
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object of the file; a key given twice is refused (a plain reader keeps the last)."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return data


def load_json(text: str, path: Path | str) -> Any:
    """JSON data from `text`; `DamagedFile` naming the line for broken or hostile JSON, and for
    a key given twice in one object (a hand edit: which one was meant?)."""
    try:
        data = json.loads(scrub(text), object_pairs_hook=_unique_keys)
        if _SURROGATE_ESCAPE.search(text):
            data = json.loads(scrub(json.dumps(data, ensure_ascii=False)), object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise _damaged(path, exc.lineno, "ifile.bad_json") from None
    except _DuplicateKey as exc:
        raise _damaged(path, None, "ifile.duplicate_key", name=_shown(exc.key)) from None
    except RecursionError:
        raise _damaged(path, None, "ifile.too_deep") from None
    except ValueError:  # e.g. an integer of thousands of digits
        raise _damaged(path, None, "ifile.bad_json") from None
    return data


def from_data(data: Any, path: Path | str) -> Interview:
    """An interview from decoded JSON data: format, version (upgraded), then structure."""
    if not isinstance(data, dict):
        raise _damaged(path, 1, "ifile.not_object")
    if data.get("format") != FORMAT:
        raise _damaged(path, None, "ifile.bad_format", format=FORMAT)
    data = upgrade(data, path)
    try:
        return Interview.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        tampered = _TAMPERED.get(tuple(first["loc"]))
        if tampered is not None and first["type"] == "value_error":
            raise _damaged(path, None, tampered, value=_shown(first.get("input"))) from None
        # The location names keys of the file, which may be identifiers: shown masked.
        where = ".".join(identifiers.masked_id(str(p)) for p in first["loc"])
        raise _damaged(path, None, "ifile.invalid", where=_clip(where), count=exc.error_count()) from None
    except RecursionError:
        raise _damaged(path, None, "ifile.too_deep") from None


# Values a person edited by hand, with a message of their own (the model's checks fail).
_TAMPERED: dict[tuple[int | str, ...], str] = {("context", "date"): "ifile.bad_date", ("id",): "ifile.bad_id"}


def _shown(value: object) -> str:
    """A text of the file as shown in a message: one line, identifiers masked, clipped."""
    text = identifiers.masked_id(value if isinstance(value, str) else repr(value))
    return _clip(text.replace("\n", "\\n").replace("\r", "\\r"), 60)


def refuse_guide_clashes(interview: Interview, guide: Guide, path: Path | str) -> None:
    """`DamagedFile` when an added question has the id of a question of `guide`.

    Only a hand edit makes one (added ids are `perso-N-<short id>`); left in, an answer meant
    for the guide's question would be written into the added one, or the other way round.
    """
    for added in interview.added_questions:
        if guide.find_question(added.id) is not None:
            raise _damaged(path, None, "ifile.added_is_guide_question", id=_shown(added.id), guide=guide.id)


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def parse(text: str, path: Path | str) -> Interview:
    """An interview from JSON text; `InterviewFileError` naming the file (and line)."""
    return from_data(load_json(text, path), path)


def read(path: Path, *, pipes: bool = False) -> Interview:
    """Read and check one interview file; `InterviewFileError` (a `DamagedFile`) if unusable.

    `pipes`: the path was named on the command line and may be a pipe (`export <(…)`).
    """
    return parse(decode(read_bytes(path, pipes=pipes), path), path)


def scrub(text: str) -> str:
    """`text` with lone surrogates (undecodable bytes of a terminal or argv) made U+FFFD.

    Such characters cannot be written as UTF-8: left in, they would make a save fail.
    """
    if _SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


# --- finding -------------------------------------------------------------------------------

SUFFIX = ".json"


@dataclass(frozen=True)
class Found:
    """The interview files under some paths, and what was skipped in their folders (pipes,
    devices, sockets: anything but a regular file, which reading could hang on)."""

    files: list[Path]
    skipped: list[Path]
    named: frozenset[Path]  # the real paths of the files named on the command line

    def is_named(self, path: Path) -> bool:
        """Whether `path` was named on the command line (it may then be a pipe)."""
        return Path(os.path.realpath(path)) in self.named


def find(paths: Sequence[Path]) -> Found:
    """The interview files under `paths`, each once, as `check`, `export` and `status` see them.

    A file named is taken whatever its name and kind (reading it says whether it is an
    interview; it may be a pipe); a folder gives its regular `*.json` files (any case:
    `DSI.JSON` too) at any depth, sorted, hidden files and folders skipped (locks, temporary
    files, caches) and links to folders not followed (they could loop); anything else named
    `*.json` in a folder is skipped, unread, and listed in `skipped`. A path that does not
    exist, or a folder that cannot be listed, is an `InputError` naming it: a visit silently
    missing files would be worse.
    """
    found: dict[Path, Path] = {}
    skipped: list[Path] = []
    named: set[Path] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            raise InputError(t("find.path_missing", path=path))
        if path.is_dir():
            for file, regular in _walk(path):
                if regular:
                    found.setdefault(Path(os.path.realpath(file)), file)
                else:
                    skipped.append(file)
        else:
            real = Path(os.path.realpath(path))
            named.add(real)
            found.setdefault(real, path)
    return Found(list(found.values()), skipped, frozenset(named))


def _walk(folder: Path) -> Iterator[tuple[Path, bool]]:
    """`(path, regular)` for every `*.json` under `folder`; a broken link counts as regular,
    so that reading it says what is wrong."""

    def refuse(exc: OSError) -> None:
        raise InputError(t("find.folder_unreadable", path=exc.filename, error=os_reason(exc)))

    for root, dirs, names in os.walk(folder, onerror=refuse):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith(".") and name.lower().endswith(SUFFIX):
                path = Path(root) / name
                yield path, files.regular_file(path) or not path.exists()


# --- writing -------------------------------------------------------------------------------


def ensure_folder(folder: Path) -> None:
    """Create `folder` and its missing parents, each private to the owner (0700).

    Folders that already exist are left as they are: they belong to the user.
    """
    missing = []
    current = folder
    while not current.exists() and not current.is_symlink() and current != current.parent:
        missing.append(current)
        current = current.parent
    for created in reversed(missing):
        try:
            created.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # made by someone else meanwhile: not ours to change
        os.chmod(created, DIR_MODE)


TEMP_SUFFIX = ".tmp"


def temp_prefix(path: Path) -> str:
    """Temporary files of `path` are `.<name>.<random>.tmp` beside it: hidden, and known to
    belong to it, so that the next lock holder can clear what a crash left behind."""
    return f".{path.name}."


def _write(target: Path, interview: Interview, *, replace: bool) -> None:
    data = interview.to_json().encode("utf-8")
    files.write_atomic(target, data, prefix=temp_prefix(target), suffix=TEMP_SUFFIX, replace=replace)


def _clear_temps(path: Path) -> None:
    """Remove the temporary files a killed writer of `path` left (only the lock holder writes)."""
    prefix = temp_prefix(path)
    try:
        leftovers = [
            p for p in path.parent.iterdir() if p.name.startswith(prefix) and p.name.endswith(TEMP_SUFFIX)
        ]
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
    except OSError:
        pass  # only tidiness: never a reason to refuse the interview


def _lock_error(path: Path, exc: OSError) -> InterviewFileError:
    """The lock could not be taken: the message names the lock file, not the interview."""
    lock = lock_path(path)
    if lock.is_symlink():  # planted: filelock refuses to follow it, and so do we
        return InterviewFileError(t("ifile.lock_is_link", lock=lock, path=path))
    return InterviewFileError(t("ifile.lock_error", lock=lock, path=path, error=os_reason(exc)))


def _write_error(path: Path, exc: OSError) -> InterviewFileError:
    return InterviewFileError(str(Problem(path, None, t("file.write_error", error=os_reason(exc)))))


def _real(path: Path) -> Path:
    """The file a symbolic link points to, so that a save replaces the file, not the link."""
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def create(path: Path, interview: Interview) -> None:
    """Write a new interview file; `InterviewFileError` if `path` already exists.

    The file is linked into place (`files.write_atomic(replace=False)`), which fails when
    anything exists at `path`, even a file created a moment after the check below.
    """
    if path.exists() or path.is_symlink():
        raise InterviewFileError(t("ifile.exists", path=path))
    try:
        ensure_folder(files.folder_of(path))
        _write(path, interview, replace=False)
    except FileExistsError:
        raise InterviewFileError(t("ifile.exists", path=path)) from None
    except OSError as exc:
        raise _write_error(path, exc) from None


def save(path: Path, interview: Interview) -> None:
    """Replace the interview file atomically (temp file, fsync, rename, fsync folder)."""
    interview.updated_at = now()
    try:
        _write(_real(path), interview, replace=True)
    except OSError as exc:
        raise _write_error(path, exc) from None


def lock_path(path: Path) -> Path:
    """The lock file beside the interview file (beside the real file for a symbolic link)."""
    real = Path(os.path.realpath(path))
    return real.with_name(f".{real.name}.lock")


class Lock:
    """An exclusive, non-blocking lock on one interview file (released on exit or crash).

    The lock is an `flock` on a hidden file beside the interview: the system drops it when
    the process ends, however it ends, so a crash never leaves a stale lock behind; what
    it can leave, a temporary file, is cleared by the next holder. Only an existing
    interview file can be locked (a new one is created first, atomically).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: Any = None

    def __enter__(self) -> Lock:
        from filelock import FileLock, Timeout

        if not self.path.exists():  # and filelock would create the missing folders, 0755
            raise _damaged(self.path, None, "file.not_found")
        lock = FileLock(str(lock_path(self.path)), timeout=0, mode=FILE_MODE, is_singleton=False)
        try:
            lock.acquire()
        except Timeout:
            raise InterviewFileError(t("ifile.locked", path=self.path)) from None
        except OSError as exc:
            raise _lock_error(self.path, exc) from None
        self._lock = lock
        _clear_temps(Path(os.path.realpath(self.path)))
        return self

    def __exit__(self, *exc: object) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
