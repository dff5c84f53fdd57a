"""The stand-in asker: replays a list of answers, checked one by one against the prompts.

Tests, and anything that drives an interview without a terminal, go through exactly the
same interview code as a typed session; `tests/test_asker.py` checks it key for key against
the real widgets.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from visitguide.interview.asker import Note, NoteInterrupted, Option, Picked, Tagged, Validator, choosable


@dataclass(frozen=True)
class Menu:
    """Scripted answer to a note prompt: the note ended with the menu key, holding `text`."""

    text: str = ""


@dataclass(frozen=True)
class Shortcut:
    """Scripted answer to a note prompt: the note left with a shortcut (`asker.NOTE_SHORTCUTS`:
    "checkpoints" for Ctrl-P, "detail" for Ctrl-O), holding `text`."""

    name: str
    text: str = ""


class _Escape:
    def __repr__(self) -> str:
        return "ESC"


ESC = _Escape()
"""Scripted Échap: leaves a list (its `escape` value), or a checkbox unchanged."""


@dataclass(frozen=True)
class Number:
    """Scripted number typed in a list that takes numbers, then Enter."""

    number: int


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

    An answer is the value a person would have chosen: an option value for `select` (or
    `Number(n)`, or `ESC`), a `Picked` for `pick`, a list of values for `checkbox`, a string for
    `text`, `note` and `editor`, a string or a `Tagged` for `tagged`, a bool for `confirm`,
    `ENTER` (None) for the default, `Menu(text)` or `Shortcut(name, text)` for a note ended
    with Tab or a shortcut, `CtrlC()` or an `EOFError` for Ctrl-C or Ctrl-D. Running out of
    answers is a `StandInError`.
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

    def select(
        self,
        message: str,
        options: Sequence[Option],
        default: str | None = None,
        *,
        escape: str | None = None,
        jumps: Mapping[str, Option] | None = None,
    ) -> str:
        prompt = Prompt("select", message, default, tuple(options))
        answer = self._next(prompt)
        if answer is ESC and escape is not None:
            return escape
        if isinstance(answer, Number) and jumps and str(answer.number) in jumps:
            return jumps[str(answer.number)].value
        if answer is ENTER:
            answer = default if default in choosable(options) else choosable(options)[0]
        if not isinstance(answer, str) or answer not in choosable(options):
            raise self._mismatch(prompt, answer)
        return answer

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
        prompt = Prompt("pick", message, default, tuple(options), instruction=instruction)
        answer = self._next(prompt)
        if answer is ESC and escape is not None:
            return Picked(escape)
        if answer is ENTER:
            answer = Picked(default if default in choosable(options) else choosable(options)[0])
        if isinstance(answer, str):
            answer = Picked(answer)
        if (
            not isinstance(answer, Picked)
            or answer.value not in choosable(options)
            or answer.action not in (None, *(a.value for a in actions))
        ):
            raise self._mismatch(prompt, answer)
        return answer

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        prompt = Prompt("checkbox", message, tuple(checked), tuple(options))
        answer = self._next(prompt)
        chosen = list(checked) if answer is ENTER or answer is ESC else answer
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

    def tagged(
        self,
        message: str,
        tags: Sequence[Option],
        tag: str,
        default: str = "",
        instruction: str | None = None,
    ) -> Tagged:
        prompt = Prompt("tagged", message, (default, tag), tuple(tags), instruction=instruction)
        answer = self._next(prompt)
        if answer is ENTER:
            answer = Tagged(default, tag)
        elif isinstance(answer, str):
            answer = Tagged(answer, tag)
        if not isinstance(answer, Tagged) or answer.tag not in choosable(tags):
            raise self._mismatch(prompt, answer)
        return answer

    def note(self, message: str, default: str = "", instruction: str | None = None) -> Note:
        prompt = Prompt("note", message, default, instruction=instruction)
        answer = self._next(prompt)
        if answer is ENTER:
            return Note(default)
        if isinstance(answer, Menu):
            return Note(answer.text, menu=True)
        if isinstance(answer, Shortcut):
            return Note(answer.text, shortcut=answer.name)
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
