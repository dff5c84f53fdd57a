"""The real prompts: questionary and prompt_toolkit widgets, the only module that imports them.

Always `unsafe_ask()`, so that Ctrl-C raises `KeyboardInterrupt` instead of being swallowed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import Any

from visitguide.interview.asker import Note, NoteInterrupted, Option, Validator, _EditRequest, choosable
from visitguide.interview.editor import edit_in_editor
from visitguide.messages import t


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
