"""The external editor for long notes: Ctrl-C belongs to the editor, failures keep the note."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO
from visitguide.interview.editor import edit_in_editor

CHILD = """
from visitguide.interview.editor import edit_in_editor
print("RESULT=" + edit_in_editor("note"))
"""


def editor_script(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "editeur.sh"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def test_ctrl_c_while_the_editor_runs_does_not_end_the_interview(tmp_path: Path) -> None:
    # The terminal sends Ctrl-C to the whole process group. The editor reads it as a key (the
    # trap); the program waiting for it must not die of it. A new session keeps the signal
    # inside this test's own processes.
    editor = editor_script(tmp_path, 'trap "" INT\nkill -INT 0\nsleep 0.2\nprintf "note revue" > "$1"\n')
    env = {**os.environ, "EDITOR": str(editor), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        capture_output=True,
        text=True,
        start_new_session=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "RESULT=note revue" in done.stdout


def test_an_editor_that_cannot_start_keeps_the_note_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "absent"
    missing.write_text("", encoding="utf-8")  # exists but is not executable: it cannot start
    monkeypatch.setenv("EDITOR", str(missing))
    assert edit_in_editor("ma note") == "ma note"
    assert "n'a pas pu être lancé (droits d'accès insuffisants)" in capsys.readouterr().err
