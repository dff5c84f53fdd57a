"""The one seam for prompts: the interview talks to an `Asker`, never to questionary.

`QuestionaryAsker` is the only code that imports questionary (and prompt_toolkit); it always
uses `unsafe_ask()`, so Ctrl-C raises `KeyboardInterrupt` instead of being swallowed.
`StandInAsker` replays a list of answers: tests, and anything that drives an interview
without a terminal, go through exactly the same interview code as a typed session.

Prompt kinds: `select` (one option; Échap leaves it when the caller says where to, a typed
number jumps), `pick` (an option and, optionally, an action key pressed on it: the checkpoint
list rates with one key), `checkbox` (several), `text` (one line), `tagged` (one line plus a
tag chosen with Tab / Shift+Tab: a comment and the basis of its rating), `note` (multi-line,
ends with Esc then Enter, opens the menu with Tab), `confirm` (yes/no) and `editor` (the text
in `$VISUAL`/`$EDITOR`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
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
    """What the note prompt gave: the text, and whether it ended with the menu key (Tab) or
    with a shortcut (`shortcut`: one of `NOTE_SHORTCUTS`)."""

    text: str
    menu: bool = False
    shortcut: str | None = None


NOTE_SHORTCUTS = ("checkpoints", "detail")
"""Keys of the note prompt that leave it for one thing: the checkpoint list (Ctrl-P) and the
question's full panel (Ctrl-O)."""


@dataclass(frozen=True)
class Picked:
    """What a `pick` list gave: the option under the pointer, and the action key pressed on it
    (None for Enter)."""

    value: str
    action: str | None = None


@dataclass(frozen=True)
class Tagged:
    """What a `tagged` prompt gave: the line typed and the tag chosen."""

    text: str
    tag: str


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

    def select(
        self,
        message: str,
        options: Sequence[Option],
        default: str | None = None,
        *,
        escape: str | None = None,
        jumps: Mapping[str, Option] | None = None,
    ) -> str:
        """The value of one option; `default` is where the pointer starts.

        `escape`: the value returned on Échap (None: Échap does nothing). `jumps`: numbers
        that may be typed, then Enter, each giving its option's value (which need not be
        one of `options`).
        """
        ...

    def pick(
        self,
        message: str,
        options: Sequence[Option],
        default: str | None = None,
        *,
        escape: str | None = None,
        actions: Sequence[Option] = (),
        instruction: str | None = None,
    ) -> Picked:
        """An option, with Enter or with one of the `actions` keys pressed on it (the action's
        value is returned with it). Échap gives `Picked(escape)` when `escape` is set.
        `instruction` says what the keys do."""
        ...

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        """The values ticked, in the options' order; Échap leaves `checked` as it was."""
        ...

    def tagged(
        self,
        message: str,
        tags: Sequence[Option],
        tag: str,
        default: str = "",
        instruction: str | None = None,
    ) -> Tagged:
        """One line of text and one of `tags` (starting at `tag`): Tab moves to the next tag,
        Shift+Tab to the previous one, so any tag is one key away from the first."""
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
