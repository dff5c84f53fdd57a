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


def test_windows_starts_the_editor_without_preexec_fn(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Windows refuses `preexec_fn` with a ValueError: the editor must start without it."""
    from visitguide.interview import editor

    real_run = subprocess.run

    def windows_run(argv: list[str], **options: object) -> subprocess.CompletedProcess[bytes]:
        if "preexec_fn" in options:
            raise ValueError("preexec_fn is not supported on Windows platforms")
        return real_run(argv, **options)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(editor.sys, "platform", "win32")
    monkeypatch.setattr(editor.subprocess, "run", windows_run)
    monkeypatch.setenv("EDITOR", str(editor_script(tmp_path, 'printf "écrit" > "$1"\n')))
    assert edit_in_editor("note") == "écrit"


def test_an_editor_variable_with_a_nul_byte_keeps_the_note(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from visitguide.interview import editor

    monkeypatch.setattr(editor, "choose_editor", lambda: editor.EditorChoice(["vi\x00m"]))
    assert edit_in_editor("note") == "note"
    assert "n'a pas pu être lancé (commande illisible)" in capsys.readouterr().err
