"""The external editor: `$VISUAL`, `$EDITOR`, then the usual ones, for long notes."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from visitguide.errors import os_reason
from visitguide.messages import t
from visitguide.text import clean


@dataclass(frozen=True)
class EditorChoice:
    """The editor command found, and the variables passed over because they do not parse."""

    command: list[str]  # empty when there is no editor at all
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (variable, value)


def choose_editor() -> EditorChoice:
    """`$VISUAL`, else `$EDITOR`, else Debian's `editor`, else nano or vi.

    A variable that does not split as a command line (`vim "`: a quote left open) is
    passed over for the next editor, never a traceback.
    """
    unreadable: list[tuple[str, str]] = []
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if not value:
            continue
        try:
            words = shlex.split(value)
        except ValueError:
            words = []
        if words:
            return EditorChoice(words, unreadable)
        unreadable.append((name, value))
    fallback = next((name for name in ("editor", "nano", "vi") if shutil.which(name)), None)
    return EditorChoice([fallback] if fallback else [], unreadable)


def editor_command() -> list[str]:
    """The editor command `edit_in_editor` runs (empty when there is none)."""
    return choose_editor().command


def edit_in_editor(text: str) -> str:
    """`text` after the user edited it; unchanged when there is no editor or it fails.

    A variable passed over is named on stderr, with the editor used instead. The
    temporary file is private (0600) and removed afterwards: notes may be sensitive.
    """
    choice = choose_editor()
    command = choice.command
    _say_why(choice)
    if not command:
        return text
    fd, name = tempfile.mkstemp(prefix="visitguide-note-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            done = _run_editor([*command, str(path)])
        except (OSError, ValueError) as exc:  # ValueError: a NUL byte in $EDITOR
            _say_editor_failed(command[0], exc)
            return text
        if done.returncode != 0:
            return text
        return path.read_text(encoding="utf-8", errors="replace").rstrip("\n")
    finally:
        path.unlink(missing_ok=True)


def _run_editor(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run the editor with Ctrl-C left to it, as git does.

    On POSIX the editor gets Ctrl-C's default behaviour back before it runs (`preexec_fn`).
    Windows refuses `preexec_fn` (ValueError); a new process there does not inherit Python's
    handlers anyway, so it is left out.

    The terminal sends Ctrl-C to the whole process group: without this, an editor that does
    not read it as a key (code --wait, gedit, a wrapper script) would be killed and the
    interview ended with the note lost. The editor itself gets the default behaviour back.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be set, run as is
        return subprocess.run(argv, check=False)
    try:
        if sys.platform == "win32":  # preexec_fn is refused there
            return subprocess.run(argv, check=False)
        return subprocess.run(argv, check=False, preexec_fn=_default_sigint)
    finally:
        signal.signal(signal.SIGINT, previous)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _say_editor_failed(program: str, exc: OSError | ValueError) -> None:
    reason = os_reason(exc) if isinstance(exc, OSError) else t("live.editor_bad_command")
    sys.stderr.write(clean(t("live.editor_failed", program=program, reason=reason)) + "\n")


def _say_why(choice: EditorChoice) -> None:
    """On stderr: each variable passed over and the editor used instead, or that none was found."""

    lines = [t("live.editor_unreadable", name=name, value=value) for name, value in choice.unreadable]
    if not choice.command:
        lines.append(t("live.editor_none"))
    elif lines:
        lines.append(t("live.editor_used", editor=" ".join(choice.command)))
    for line in lines:
        sys.stderr.write(clean(line) + "\n")
    sys.stderr.flush()
