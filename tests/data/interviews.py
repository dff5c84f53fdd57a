"""Interview files written by the real code, for the reliability and security tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.interview import file as ifile
from visitguide.interview import session

GUIDE_ID = "risques-numeriques"
AUDIENCE = "gouvernance"
VALID_NIR = "2 95 10 99 126 111 93"
WRONG_KEY_NIR = "295109912611199"


def guide() -> Guide:
    return bank.load_guide(bank.discover([])[GUIDE_ID])


def question_ids(audience: str = AUDIENCE) -> list[str]:
    return [q.id for q in guide().questions_for(audience)]


def checkpoint_ids(audience: str = AUDIENCE) -> list[str]:
    return [c.id for c in guide().checkpoints_for(audience)]


def write(
    path: Path,
    notes: dict[str, str] | None = None,
    *,
    comment: str | None = None,
    context: dict[str, Any] | None = None,
    added: tuple[str, str] | None = None,
    evidence: list[str] | None = None,
) -> Path:
    """A real interview of the bundled guide's gouvernance audience at `path`.

    `notes` answers questions by id (the first question when the key is "first");
    `comment` rates the first checkpoint; `added` is (text, notes) of an added question.
    """
    g = guide()
    interview = session.new_interview(g, AUDIENCE, ifile.Context(**(context or {})))
    ifile.create(path, interview)
    s = session.Session(g, interview, path)
    first = question_ids()[0]
    for qid, text in (notes or {}).items():
        s.answer(first if qid == "first" else qid, text, evidence or [])
    if comment is not None:
        s.rate(checkpoint_ids()[0], "non", comment)
    if added is not None:
        qid = s.add_question(added[0], ["3.6-02"])
        s.answer(qid, added[1])
    return path


def edit(path: Path, change: Any) -> None:
    """Rewrite an interview file's JSON through `change(data)` (to build damaged files)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


def snapshot(path: Path) -> tuple[bytes, int, int]:
    """Bytes, modification time (ns) and mode: a file left alone keeps all three."""
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_mode
