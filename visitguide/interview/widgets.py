"""The real prompts: questionary and prompt_toolkit widgets, the only module that imports them.

Lists (`select`, `pick`, `checkbox`) are our own prompt_toolkit application, so that every word
on screen is the catalog's (questionary's lists print English: "done (2 selections)", "Use
arrow keys"), Échap leaves a list, a typed number jumps, one key can act on the pointed
option, and a menu folds into columns on a short terminal. Text prompts are questionary's.

Every prompt runs through `_run`: Ctrl-C raises `KeyboardInterrupt` (never swallowed), and so
does SIGINT arriving between two prompts, before the terminal is in raw mode (prompt_toolkit
then turns it into a `<sigint>` key that questionary's prompts do not bind: the program hung).
SIGHUP and SIGTERM reach the prompt the same way (`hangup.deliver`).
"""

from __future__ import annotations

import locale
import math
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from visitguide.interview import hangup
from visitguide.interview.asker import (
    Note,
    NoteInterrupted,
    Option,
    Picked,
    Tagged,
    Validator,
    _EditRequest,
    choosable,
)
from visitguide.interview.editor import edit_in_editor
from visitguide.messages import t

ESCAPE_DELAY = 0.1  # seconds: a lone Esc is told from an arrow key's sequence this quickly


class QuestionaryAsker:
    """Prompts in the terminal; never swallows Ctrl-C."""

    def select(
        self,
        message: str,
        options: Sequence[Option],
        default: str | None = None,
        *,
        escape: str | None = None,
        jumps: Mapping[str, Option] | None = None,
    ) -> str:
        state = _ListState(message, list(options), default, escape=escape, jumps=dict(jumps or {}))
        result = _run(_list_application(state))
        return result.value if isinstance(result, Picked) else str(result)

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
        state = _ListState(
            message, list(options), default, escape=escape, actions=list(actions), instruction=instruction
        )
        result = _run(_list_application(state))
        assert isinstance(result, Picked)
        return result

    def checkbox(self, message: str, options: Sequence[Option], checked: Collection[str] = ()) -> list[str]:
        state = _ListState(message, list(options), None, multi=True, checked=list(checked))
        result = _run(_list_application(state))
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
            problem = validate(_readable(value)) if validate else None
            return True if problem is None else problem

        question = questionary.text(message, default=default, validate=check, instruction=instruction)
        return _readable(str(_run(question.application)))

    def tagged(
        self,
        message: str,
        tags: Sequence[Option],
        tag: str,
        default: str = "",
        instruction: str | None = None,
    ) -> Tagged:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.document import Document

        values = [o.value for o in tags]
        chosen = {"index": values.index(tag) if tag in values else 0}

        def prompt() -> Any:
            tokens = [("class:qmark", "?"), ("class:question", f" {message} ")]
            tokens.append(("class:answer", f"[{tags[chosen['index']].label}] "))
            if instruction:
                tokens.append(("class:instruction", f"{instruction} "))
            return tokens

        bindings = _bindings()

        def move(step: int) -> Callable[[Any], None]:
            def handler(event: Any) -> None:
                chosen["index"] = (chosen["index"] + step) % len(tags)
                event.app.invalidate()

            return handler

        bindings.add("tab")(move(1))
        bindings.add("s-tab")(move(-1))
        session: Any = PromptSession(prompt, key_bindings=bindings, style=_style())
        session.default_buffer.reset(Document(default))
        text = _readable(str(_run(session.app)))
        return Tagged(text, values[chosen["index"]])

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
            app = question.application
            try:
                result = _run(app)
            except NoteInterrupted as exc:
                raise NoteInterrupted(_readable(exc.draft)) from None
            except (EOFError, OSError):
                # The terminal went away with a note on screen (input closed, or output
                # refused after SIGHUP): what was typed is a draft, as with Ctrl-C.
                draft = _readable(app.current_buffer.text)
                if (draft.strip() and draft != default) or hangup.received is not None:
                    raise NoteInterrupted(draft) from None
                raise
            if not isinstance(result, _EditRequest):
                note = result if isinstance(result, Note) else Note(str(result))
                return Note(_readable(note.text), note.menu, note.shortcut)
            text = edit_in_editor(result.text)

    def confirm(self, message: str, default: bool = True) -> bool:
        return bool(_run(_confirm_application(message, default)))

    def editor(self, text: str) -> str:
        return edit_in_editor(text)


# --- running a prompt -----------------------------------------------------------------------


def _run(app: Any) -> Any:
    """Run a prompt_toolkit application; interruptions always raise.

    A `<sigint>` key (SIGINT caught by prompt_toolkit while the terminal was not yet raw) ends
    it like Ctrl-C; SIGHUP and SIGTERM are delivered to it the same way.
    """
    from prompt_toolkit.key_binding import merge_key_bindings

    app.key_bindings = merge_key_bindings([_interrupt_bindings(), app.key_bindings or _bindings()])
    app.ttimeoutlen = ESCAPE_DELAY

    def deliver() -> bool:
        loop = app.loop
        if not app.is_running or loop is None:
            return False
        loop.call_soon_threadsafe(app.key_processor.send_sigint)
        return True

    hangup.deliver = deliver
    try:
        result = app.run()
    finally:
        hangup.deliver = None
    if hangup.received is not None:  # the signal came as the prompt was ending
        raise KeyboardInterrupt
    return result


def _bindings() -> Any:
    from prompt_toolkit.key_binding import KeyBindings

    return KeyBindings()


def _interrupt_bindings() -> Any:
    """`<sigint>`: KeyboardInterrupt. Merged first, so a prompt's own binding wins (the note's
    keeps its draft)."""
    bindings = _bindings()

    @bindings.add("<sigint>")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    return bindings


def _readable(text: str) -> str:
    """`text` without lone surrogates: a terminal that is not UTF-8 sends bytes that Python
    decodes as surrogates, which could then not be written to the interview file. They are
    read again in the terminal's own encoding."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = text.encode("utf-8", "surrogateescape")
        encoding = getattr(sys.stdin, "encoding", None) or locale.getpreferredencoding(False)
        try:
            return raw.decode(encoding, "replace")
        except LookupError:
            return raw.decode("utf-8", "replace")


# --- lists ------------------------------------------------------------------------------------


@dataclass
class _ListState:
    """A list prompt: its options, where the pointer is, what is ticked or typed."""

    message: str
    options: list[Option]
    default: str | None
    multi: bool = False
    checked: list[str] = field(default_factory=list)
    escape: str | None = None
    jumps: dict[str, Option] = field(default_factory=dict)
    actions: list[Option] = field(default_factory=list)
    instruction: str | None = None
    pointed: int = 0
    number: str = ""
    answer: str | None = None  # shown after the prompt once answered

    def __post_init__(self) -> None:
        values = choosable(self.options)
        start = self.default if self.default in values else (values[0] if values else None)
        self.pointed = next((i for i, o in enumerate(self.options) if not o.heading and o.value == start), 0)
        self.ticked = [v for v in values if v in self.checked]

    @property
    def keyed(self) -> bool:
        """Whether every option has a shortcut key (menus): keys are then shown before them."""
        return bool(self.options) and all(o.key or o.heading for o in self.options)

    def move(self, step: int) -> None:
        """The pointer to the next (or previous) option that is not a heading, wrapping."""
        if not choosable(self.options):
            return
        position = self.pointed
        for _ in range(len(self.options)):
            position = (position + step) % len(self.options)
            if not self.options[position].heading:
                self.pointed = position
                return

    def go_to(self, value: str) -> bool:
        for i, option in enumerate(self.options):
            if not option.heading and option.value == value:
                self.pointed = i
                return True
        return False

    def typed_target(self) -> Option | None:
        return self.jumps.get(self.number) if self.number else None

    def type_digit(self, digit: str) -> None:
        longest = max((len(n) for n in self.jumps), default=0)
        candidate = (self.number + digit)[-longest:] if longest else ""
        if candidate not in self.jumps and digit in self.jumps:
            candidate = digit  # a new number starts
        self.number = candidate
        target = self.typed_target()
        if target is not None:
            self.go_to(target.value)

    def current(self) -> Option:
        return self.options[self.pointed]

    def toggle(self) -> None:
        value = self.current().value
        if value in self.ticked:
            self.ticked.remove(value)
        else:
            self.ticked.append(value)

    def ticked_in_order(self) -> list[str]:
        return [v for v in choosable(self.options) if v in self.ticked]


def _instruction(state: _ListState) -> str:
    parts = []
    if state.multi:
        parts.append(t("live.keys_checkbox"))
    elif state.instruction:
        parts.append(state.instruction)
    else:
        parts.append(t("live.keys_select_shortcuts" if state.keyed else "live.keys_select"))
    if state.jumps:
        parts.append(t("live.keys_number"))
    if state.escape is not None or state.multi:
        parts.append(t("live.keys_escape"))
    return "(" + " · ".join(parts) + ")"


def _prompt_tokens(state: _ListState, columns: int) -> Any:
    tokens = [("class:qmark", "?"), ("class:question", f" {state.message} ")]
    if state.answer is not None:
        tokens.append(("class:answer", state.answer))
        return tokens
    instruction = _instruction(state)
    if len(state.message) + len(instruction) + 3 > columns:  # its own line, not cut mid-word
        instruction = "\n  " + instruction
    tokens.append(("class:instruction", instruction))
    if state.number:
        target = state.typed_target()
        shown = f" → {state.number}" + (f" {target.label}" if target else " ?")
        tokens.append(("class:answer", shown))
    return tokens


def _option_tokens(state: _ListState, index: int, width: int) -> list[tuple[str, str]]:
    """One option's line: pointer, tick box, shortcut key, label, cut to `width`."""
    option = state.options[index]
    if option.heading:
        return [("class:separator", _cut(option.label, width))]
    here = index == state.pointed
    head = " » " if here else "   "
    if state.multi:
        head += "◉ " if option.value in state.ticked else "○ "
    if state.keyed and option.key:
        head += f"{option.key}) "
    label = _cut(option.label, max(width - len(head), 8))
    tokens: list[tuple[str, str]] = [("class:pointer" if here else "class:text", head)]
    if here:
        tokens.append(("[SetCursorPosition]", ""))
    style = "class:highlighted" if here else "class:text"
    if state.multi and option.value in state.ticked and not here:
        style = "class:selected"
    tokens.append((style, label))
    return tokens


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 1)] + "…"


def _list_tokens(state: _ListState, columns: int, rows: int) -> list[tuple[str, str]]:
    """The options, one per line; a keyed menu taller than half the screen goes in two columns
    (a laptop's 24 lines keep the question above it in view)."""
    count = len(state.options)
    two = state.keyed and count + 1 > rows // 2 and columns >= 60
    tokens: list[tuple[str, str]] = []
    if not two:
        for i in range(count):
            tokens += _option_tokens(state, i, columns - 1)
            tokens.append(("", "\n"))
        return tokens[:-1]
    height = math.ceil(count / 2)
    widest = max(_width(_option_tokens(state, row, columns)) for row in range(height))
    half = min(widest + 2, (columns - 1) // 2)
    for row in range(height):
        left = _option_tokens(state, row, half - 1)
        tokens += [*left, ("", " " * max(half - _width(left), 1))]
        if row + height < count:
            tokens += _option_tokens(state, row + height, columns - half - 1)
        tokens.append(("", "\n"))
    return tokens[:-1]


def _width(tokens: list[tuple[str, str]]) -> int:
    return sum(len(text) for style, text in tokens if not style.startswith("["))


def _list_application(state: _ListState) -> Any:
    from prompt_toolkit.application import Application, get_app
    from prompt_toolkit.filters import is_done
    from prompt_toolkit.layout import ConditionalContainer, HSplit, Layout, Window
    from prompt_toolkit.layout.controls import FormattedTextControl

    def listing() -> Any:
        size = get_app().output.get_size()
        return _list_tokens(state, size.columns, size.rows)

    def asking() -> Any:
        return _prompt_tokens(state, get_app().output.get_size().columns)

    prompt = Window(FormattedTextControl(asking), dont_extend_height=True, wrap_lines=True)
    body = ConditionalContainer(
        Window(FormattedTextControl(listing), always_hide_cursor=True), filter=~is_done
    )
    return Application(
        layout=Layout(HSplit([prompt, body])),
        key_bindings=_list_bindings(state),
        style=_style(),
        erase_when_done=False,
    )


def _list_bindings(state: _ListState) -> Any:
    from prompt_toolkit.keys import Keys

    bindings = _bindings()

    def done(event: Any, result: object, answer: str) -> None:
        state.answer = answer
        event.app.exit(result=result)

    @bindings.add(Keys.ControlC, eager=True)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    @bindings.add(Keys.ControlD, eager=True)
    def _eof(event: Any) -> None:
        event.app.exit(exception=EOFError, style="class:aborting")

    @bindings.add(Keys.Down, eager=True)
    @bindings.add(Keys.ControlN, eager=True)
    def _down(event: Any) -> None:
        state.number = ""
        state.move(1)

    @bindings.add(Keys.Up, eager=True)
    @bindings.add(Keys.ControlP, eager=True)
    def _up(event: Any) -> None:
        state.number = ""
        state.move(-1)

    @bindings.add(Keys.PageDown, eager=True)
    def _page_down(event: Any) -> None:
        for _ in range(10):
            state.move(1)

    @bindings.add(Keys.PageUp, eager=True)
    def _page_up(event: Any) -> None:
        for _ in range(10):
            state.move(-1)

    @bindings.add(Keys.ControlM, eager=True)
    def _enter(event: Any) -> None:
        target = state.typed_target()
        if state.multi:
            ticked = state.ticked_in_order()
            done(event, ticked, _ticked_answer(state, ticked))
        elif target is not None:
            done(event, Picked(target.value), target.label)
        elif not state.current().heading:
            done(event, Picked(state.current().value), state.current().label)

    @bindings.add(Keys.Escape, eager=True)
    def _escape(event: Any) -> None:
        if state.number:
            state.number = ""
        elif state.multi:
            done(event, [v for v in choosable(state.options) if v in state.checked], t("live.unchanged"))
        elif state.escape is not None:
            done(event, Picked(state.escape), t("live.list_back"))

    @bindings.add(Keys.Backspace, eager=True)
    def _backspace(event: Any) -> None:
        state.number = state.number[:-1]

    if state.multi:

        @bindings.add(" ", eager=True)
        def _toggle(event: Any) -> None:
            if not state.current().heading:
                state.toggle()

    if state.jumps:
        for digit in "0123456789":
            bindings.add(digit, eager=True)(lambda event, d=digit: state.type_digit(d))

    for action in state.actions:
        if action.key:
            bindings.add(action.key, eager=True)(_acting(state, action, done))

    if state.keyed and not state.actions:
        for option in state.options:
            if option.key and not option.heading:
                bindings.add(option.key, eager=True)(lambda event, v=option.value: state.go_to(v))

    @bindings.add(Keys.Any)
    def _other(event: Any) -> None:
        """Other keys do nothing."""

    return bindings


def _acting(
    state: _ListState, action: Option, done: Callable[[Any, object, str], None]
) -> Callable[[Any], None]:
    def handler(event: Any) -> None:
        option = state.current()
        if not option.heading:
            done(event, Picked(option.value, action.value), f"{action.label} · {option.label}")

    return handler


def _ticked_answer(state: _ListState, ticked: list[str]) -> str:
    if not ticked:
        return t("live.ticked_none")
    if len(ticked) == 1:
        return next(o.label for o in state.options if not o.heading and o.value == ticked[0])
    return t("live.ticked_count", count=len(ticked))


def _style() -> Any:
    """questionary's look (its default style), plus the pointed and grouped options; built here
    so that a list does not import questionary (about 190 ms before the first prompt)."""
    from prompt_toolkit.styles import Style

    return Style(
        [
            ("qmark", "fg:#5f819d"),
            ("question", "bold"),
            ("answer", "fg:#FF9D00 bold"),
            ("highlighted", "reverse"),
            ("pointer", "bold"),
            ("separator", "fg:ansicyan"),
        ]
    )


# --- the note and the yes/no prompt -------------------------------------------------------------


def _note_bindings() -> Any:
    """Tab opens the menu keeping the text; Ctrl-P the checkpoint list and Ctrl-O the question's
    full panel, likewise; Ctrl-C (or a signal) ends with `NoteInterrupted` carrying the draft;
    Ctrl-X Ctrl-E leaves the prompt for the editor (ours, not prompt_toolkit's, which dies on a
    `$EDITOR` it cannot split and knows no fallback)."""
    bindings = _bindings()

    @bindings.add("tab")
    def _menu(event: Any) -> None:
        event.app.exit(result=Note(event.current_buffer.text, menu=True))

    @bindings.add("c-p")
    def _checkpoints(event: Any) -> None:
        event.app.exit(result=Note(event.current_buffer.text, shortcut="checkpoints"))

    @bindings.add("c-o")
    def _detail(event: Any) -> None:
        event.app.exit(result=Note(event.current_buffer.text, shortcut="detail"))

    @bindings.add("c-x", "c-e")
    def _editor(event: Any) -> None:
        event.app.exit(result=_EditRequest(event.current_buffer.text))

    @bindings.add("c-c")
    @bindings.add("<sigint>")
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=NoteInterrupted(event.current_buffer.text), style="class:aborting")

    return bindings


def _confirm_application(message: str, default: bool) -> Any:
    """A yes/no prompt answering to the interface's letters (o/n in French, y/n in English).

    questionary's own confirm only knows y/n and shows "Yes"/"No"; this one is the same
    prompt with the catalog's words.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.keys import Keys

    state: dict[str, bool | None] = {"answer": None}
    yes_keys, no_keys = t("live.yes_keys"), t("live.no_keys")

    def tokens() -> Any:
        parts: list[tuple[str, str]] = [("class:qmark", "?"), ("class:question", f" {message} ")]
        if state["answer"] is None:
            parts.append(("class:instruction", t("live.yes_no" if default else "live.no_yes") + " "))
        else:
            parts.append(("class:answer", t("live.yes" if state["answer"] else "live.no")))
        return parts

    bindings = _bindings()

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

    session: Any = PromptSession(tokens, key_bindings=bindings, style=_style())
    return session.app
