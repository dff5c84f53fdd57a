"""The one seam for prompts: the interview talks to an `Asker`, never to questionary.

`QuestionaryAsker` is the only code that imports questionary (and prompt_toolkit); it always
uses `unsafe_ask()`, so Ctrl-C raises `KeyboardInterrupt` instead of being swallowed.
`ScriptedAsker` replays a list of answers: tests, and anything that drives an interview
without a terminal, go through exactly the same interview code as a typed session.

Prompt kinds: `select` (one option), `checkbox` (several), `text` (one line), `note`
(multi-line, ends with Esc then Enter, or opens the menu with Tab), `confirm` (yes/no) and
`editor` (the text in `$VISUAL`/`$EDITOR`).
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import tempfile
from collections import deque
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from visitguide.messages import t

Validator = Callable[[str], str | None]
"""Returns an error message for a value that cannot be accepted, else None."""


def required(value: str) -> str | None:
    """The validator of an answer that cannot be left empty."""
    return None if value.strip() else t("live.required")


@dataclass(frozen=True)
class Option:
    """One choice of a `select` or `checkbox` prompt: the value returned and what is shown."""

    value: str
    label: str
    key: str | None = None  # a shortcut key that moves the pointer to this option
    heading: bool = False  # a group heading between options: shown, never chosen


def heading(label: str) -> Option:
    """A heading that groups the options after it."""
    return Option("", label, heading=True)


def choosable(options: Sequence[Option]) -> list[str]:
    return [o.value for o in options if not o.heading]


@dataclass(frozen=True)
class Note:
    """What the note prompt gave: the text, and whether it ended with the menu key (Tab)."""

    text: str
    menu: bool = False


@dataclass(frozen=True)
class _EditRequest:
    """The note prompt left with Ctrl-X Ctrl-E: `text` goes to the editor, then back."""

    text: str


class NoteInterrupted(KeyboardInterrupt):
    """Ctrl-C inside a note: carries the text typed so far, so that it can be kept."""

    def __init__(self, draft: str) -> None:
        super().__init__()
        self.draft = draft


class Asker(Protocol):
    """Everything the interview may ask. Each method raises `KeyboardInterrupt` on Ctrl-C
    and `EOFError` on Ctrl-D (end of input)."""

    def select(self, message: str, options: Sequence[Option], default: str | None = None) -> str:
        """The value of one option; `default` is where the pointer starts."""
        ...

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        """The values ticked, in the options' order."""
        ...

    def text(
        self,
        message: str,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        """One line of text; `validate` refuses a value with a message."""
        ...

    def note(self, message: str, default: str = "", instruction: str | None = None) -> Note:
        """Multi-line text, or the menu key; Ctrl-C raises `NoteInterrupted` with the draft."""
        ...

    def confirm(self, message: str, default: bool = True) -> bool: ...

    def editor(self, text: str) -> str:
        """`text` edited in the user's editor (unchanged if the editor fails)."""
        ...


# --- scripted answers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Menu:
    """Scripted answer to a note prompt: the note ended with the menu key, holding `text`."""

    text: str = ""


@dataclass(frozen=True)
class CtrlC:
    """Scripted Ctrl-C; at a note prompt, `draft` is the text typed before it."""

    draft: str | None = None


ENTER = None
"""Scripted answer meaning "just press Enter": the prompt's default."""


@dataclass(frozen=True)
class Prompt:
    """A prompt a `ScriptedAsker` was given (for tests to check what was asked)."""

    kind: str
    message: str
    default: Any = None
    options: tuple[Option, ...] = ()
    instruction: str | None = None


class ScriptError(AssertionError):
    """A scripted answer that does not fit the prompt it was given to (a mistake in a script)."""


@dataclass
class ScriptedAsker:
    """Replays `answers` in order, one per prompt, checking each against the prompt.

    An answer is the value a person would have chosen: an option value for `select`, a list
    of values for `checkbox`, a string for `text`, `note` and `editor`, a bool for `confirm`,
    `ENTER` (None) for the default, `Menu(text)` for a note ended with Tab, `CtrlC()` or an
    `EOFError` for Ctrl-C or Ctrl-D. Running out of answers is a `ScriptError`.
    """

    answers: Iterable[object]
    prompts: list[Prompt] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._queue: deque[object] = deque(self.answers)

    @property
    def remaining(self) -> int:
        return len(self._queue)

    def _next(self, prompt: Prompt) -> object:
        self.prompts.append(prompt)
        if not self._queue:
            raise ScriptError(f"no scripted answer left for {prompt.kind} prompt {prompt.message!r}")
        answer = self._queue.popleft()
        if isinstance(answer, CtrlC):
            if prompt.kind == "note":
                raise NoteInterrupted(prompt.default if answer.draft is None else answer.draft)
            raise KeyboardInterrupt
        if isinstance(answer, BaseException) or (
            isinstance(answer, type) and issubclass(answer, BaseException)
        ):
            raise answer
        return answer

    def _mismatch(self, prompt: Prompt, answer: object) -> ScriptError:
        values = choosable(prompt.options)
        return ScriptError(f"{answer!r} does not fit {prompt.kind} prompt {prompt.message!r} {values or ''}")

    def select(self, message: str, options: Sequence[Option], default: str | None = None) -> str:
        prompt = Prompt("select", message, default, tuple(options))
        answer = self._next(prompt)
        if answer is ENTER:
            answer = default if default is not None else choosable(options)[0]
        if not isinstance(answer, str) or answer not in choosable(options):
            raise self._mismatch(prompt, answer)
        return answer

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        prompt = Prompt("checkbox", message, tuple(checked), tuple(options))
        answer = self._next(prompt)
        chosen = list(checked) if answer is ENTER else answer
        values = choosable(options)
        if not isinstance(chosen, list | tuple) or any(v not in values for v in chosen):
            raise self._mismatch(prompt, answer)
        return [v for v in values if v in chosen]

    def text(
        self,
        message: str,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        prompt = Prompt("text", message, default, instruction=instruction)
        answer = self._next(prompt)
        value = default if answer is ENTER else answer
        if not isinstance(value, str):
            raise self._mismatch(prompt, answer)
        problem = validate(value) if validate else None
        if problem is not None:
            raise ScriptError(f"{value!r} refused at {message!r}: {problem}")
        return value

    def note(self, message: str, default: str = "", instruction: str | None = None) -> Note:
        prompt = Prompt("note", message, default, instruction=instruction)
        answer = self._next(prompt)
        if answer is ENTER:
            return Note(default)
        if isinstance(answer, Menu):
            return Note(answer.text, menu=True)
        if not isinstance(answer, str):
            raise self._mismatch(prompt, answer)
        return Note(answer)

    def confirm(self, message: str, default: bool = True) -> bool:
        prompt = Prompt("confirm", message, default)
        answer = self._next(prompt)
        value = default if answer is ENTER else answer
        if not isinstance(value, bool):
            raise self._mismatch(prompt, answer)
        return value

    def editor(self, text: str) -> str:
        prompt = Prompt("editor", "", text)
        answer = self._next(prompt)
        value = text if answer is ENTER else answer
        if not isinstance(value, str):
            raise self._mismatch(prompt, answer)
        return value


# --- the real prompts ----------------------------------------------------------------------


class QuestionaryAsker:
    """Prompts in the terminal with questionary; never swallows Ctrl-C (`unsafe_ask`)."""

    def select(self, message: str, options: Sequence[Option], default: str | None = None) -> str:
        import questionary

        shortcuts = bool(options) and all(o.key or o.heading for o in options)
        choices = [
            questionary.Separator(o.label)
            if o.heading
            else questionary.Choice(o.label, value=o.value, shortcut_key=o.key if shortcuts else False)
            for o in options
        ]
        instruction = t("live.keys_select_shortcuts" if shortcuts else "live.keys_select")
        question = questionary.select(
            message,
            choices,
            default=default if default in choosable(options) else None,
            qmark="?",
            use_shortcuts=shortcuts,
            use_jk_keys=False,
            instruction=instruction,
        )
        result = question.unsafe_ask()
        return str(result)

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        import questionary

        choices = [
            questionary.Separator(o.label)
            if o.heading
            else questionary.Choice(o.label, value=o.value, checked=o.value in checked)
            for o in options
        ]
        question = questionary.checkbox(
            message, choices, use_jk_keys=False, instruction=t("live.keys_checkbox")
        )
        result = question.unsafe_ask()
        return [str(v) for v in result]

    def text(
        self,
        message: str,
        default: str = "",
        validate: Validator | None = None,
        instruction: str | None = None,
    ) -> str:
        import questionary

        def check(value: str) -> bool | str:
            problem = validate(value) if validate else None
            return True if problem is None else problem

        question = questionary.text(message, default=default, validate=check, instruction=instruction)
        return str(question.unsafe_ask())

    def note(self, message: str, default: str = "", instruction: str | None = None) -> Note:
        """The note prompt; Ctrl-X Ctrl-E edits the text in the editor and comes back to it."""
        import questionary

        text = default
        while True:
            question = questionary.text(
                message,
                default=text,
                multiline=True,
                instruction=instruction or t("live.keys_note"),
                key_bindings=_note_bindings(),
            )
            result = question.unsafe_ask()
            if not isinstance(result, _EditRequest):
                return result if isinstance(result, Note) else Note(str(result))
            text = edit_in_editor(result.text)

    def confirm(self, message: str, default: bool = True) -> bool:
        question = _confirm_question(message, default)
        return bool(question.unsafe_ask())

    def editor(self, text: str) -> str:
        return edit_in_editor(text)


def _note_bindings() -> Any:
    """Tab opens the menu keeping the text; Ctrl-C raises `NoteInterrupted` with the draft;
    Ctrl-X Ctrl-E leaves the prompt for the editor (ours, not prompt_toolkit's, which
    dies on a `$EDITOR` it cannot split and knows no fallback)."""
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("tab")
    def _menu(event: Any) -> None:
        event.app.exit(result=Note(event.current_buffer.text, menu=True))

    @bindings.add("c-x", "c-e")
    def _editor(event: Any) -> None:
        event.app.exit(result=_EditRequest(event.current_buffer.text))

    @bindings.add("c-c")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=NoteInterrupted(event.current_buffer.text), style="class:aborting")

    return bindings


def _confirm_question(message: str, default: bool) -> Any:
    """A yes/no prompt answering to the interface's letters (o/n in French, y/n in English).

    questionary's own confirm only knows y/n and shows "Yes"/"No"; this one is the same
    prompt with the catalog's words.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys
    from questionary import Question
    from questionary.styles import merge_styles_default

    state: dict[str, bool | None] = {"answer": None}
    yes_keys, no_keys = t("live.yes_keys"), t("live.no_keys")

    def tokens() -> Any:
        parts: list[tuple[str, str]] = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if state["answer"] is None:
            parts.append(("class:instruction", t("live.yes_no" if default else "live.no_yes") + " "))
        else:
            parts.append(("class:answer", t("live.yes" if state["answer"] else "live.no")))
        return parts

    bindings = KeyBindings()

    def answer(value: bool) -> Callable[[Any], None]:
        def handler(event: Any) -> None:
            state["answer"] = value
            event.app.exit(result=value)

        return handler

    for key in yes_keys:
        bindings.add(key)(answer(True))
    for key in no_keys:
        bindings.add(key)(answer(False))
    bindings.add(Keys.ControlM, eager=True)(answer(default))

    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.ControlD, eager=True)
    def _eof(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Any other key does nothing."""

    session: Any = PromptSession(tokens, key_bindings=bindings, style=merge_styles_default([None]))
    return Question(session.app)


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
        except OSError as exc:
            _say_editor_failed(command[0], exc)
            return text
        if done.returncode != 0:
            return text
        return path.read_text(encoding="utf-8", errors="replace").rstrip("\n")
    finally:
        path.unlink(missing_ok=True)


def _run_editor(argv: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run the editor with Ctrl-C left to it, as git does.

    The terminal sends Ctrl-C to the whole process group: without this, an editor that does
    not read it as a key (code --wait, gedit, a wrapper script) would be killed and the
    interview ended with the note lost. The editor itself gets the default behaviour back.
    """
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals cannot be set, run as is
        return subprocess.run(argv, check=False)
    try:
        return subprocess.run(argv, check=False, preexec_fn=_default_sigint)
    finally:
        signal.signal(signal.SIGINT, previous)


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _say_editor_failed(program: str, exc: OSError) -> None:
    import sys

    from visitguide.console import clean
    from visitguide.errors import os_reason

    sys.stderr.write(clean(t("live.editor_failed", program=program, reason=os_reason(exc))) + "\n")


def _say_why(choice: EditorChoice) -> None:
    """On stderr: each variable passed over and the editor used instead, or that none was found."""
    import sys

    from visitguide.console import clean

    lines = [t("live.editor_unreadable", name=name, value=value) for name, value in choice.unreadable]
    if not choice.command:
        lines.append(t("live.editor_none"))
    elif lines:
        lines.append(t("live.editor_used", editor=" ".join(choice.command)))
    for line in lines:
        sys.stderr.write(clean(line) + "\n")
    sys.stderr.flush()
