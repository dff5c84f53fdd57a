"""The stand-in asker: replays a list of answers, checked one by one against the prompts.

Tests, and anything that drives an interview without a terminal, go through exactly the
same interview code as a typed session; `tests/test_asker.py` checks it key for key against
the real widgets.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from visitguide.interview.asker import Note, NoteInterrupted, Option, Validator, choosable


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
    """A prompt a `StandInAsker` was given (for tests to check what was asked)."""

    kind: str
    message: str
    default: Any = None
    options: tuple[Option, ...] = ()
    instruction: str | None = None


class StandInError(AssertionError):
    """A scripted answer that does not fit the prompt it was given to (a mistake in a script)."""


@dataclass
class StandInAsker:
    """Replays `answers` in order, one per prompt, checking each against the prompt.

    An answer is the value a person would have chosen: an option value for `select`, a list
    of values for `checkbox`, a string for `text`, `note` and `editor`, a bool for `confirm`,
    `ENTER` (None) for the default, `Menu(text)` for a note ended with Tab, `CtrlC()` or an
    `EOFError` for Ctrl-C or Ctrl-D. Running out of answers is a `StandInError`.
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
            raise StandInError(f"no scripted answer left for {prompt.kind} prompt {prompt.message!r}")
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

    def _mismatch(self, prompt: Prompt, answer: object) -> StandInError:
        values = choosable(prompt.options)
        return StandInError(f"{answer!r} does not fit {prompt.kind} prompt {prompt.message!r} {values or ''}")

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
            raise StandInError(f"{value!r} refused at {message!r}: {problem}")
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
