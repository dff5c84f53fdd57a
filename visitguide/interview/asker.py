"""The one seam for prompts: the interview talks to an `Asker`, never to questionary.

`QuestionaryAsker` is the only code that imports questionary (and prompt_toolkit); it always
uses `unsafe_ask()`, so Ctrl-C raises `KeyboardInterrupt` instead of being swallowed.
`StandInAsker` replays a list of answers: tests, and anything that drives an interview
without a terminal, go through exactly the same interview code as a typed session.

Prompt kinds: `select` (one option), `checkbox` (several), `text` (one line), `note`
(multi-line, ends with Esc then Enter, or opens the menu with Tab), `confirm` (yes/no) and
`editor` (the text in `$VISUAL`/`$EDITOR`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

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
