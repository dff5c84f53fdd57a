"""The scripted stand-in answers as the real prompts do, key for key.

Most interview tests drive the program through `StandInAsker`; they prove something only if
a scripted answer gives what the same answer typed in the real prompt (`QuestionaryAsker`,
keys through prompt_toolkit's pipe input) gives. Each case here runs both and compares.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.helpers import CTRL_C, CTRL_D, DOWN, ESC_ENTER, typed
from visitguide.interview.asker import Asker, NoteInterrupted, Option, heading
from visitguide.interview.stand_in import ENTER, CtrlC, Menu, StandInAsker, StandInError

OPTIONS = [Option("a", "Premier"), Option("b", "Second"), Option("c", "Troisième")]
GROUPED = [heading("── Un"), Option("a", "Premier"), heading("── Deux"), Option("b", "Second")]

Prompt = Callable[[Asker], Any]

# (what is asked, the keys a person types, the scripted answer meant to be the same)
SAME: dict[str, tuple[Prompt, str, object]] = {
    "select, Enter on the default": (lambda a: a.select("Choix", OPTIONS, default="b"), "\r", ENTER),
    "select, no default": (lambda a: a.select("Choix", OPTIONS), "\r", ENTER),
    "select, another option": (lambda a: a.select("Choix", OPTIONS, default="b"), DOWN + "\r", "c"),
    "select, headings skipped": (lambda a: a.select("Choix", GROUPED), "\r", ENTER),
    "checkbox, Enter keeps the ticks": (lambda a: a.checkbox("Cases", OPTIONS, checked=["b"]), "\r", ENTER),
    "checkbox, ticked in order": (
        lambda a: a.checkbox("Cases", OPTIONS),
        " " + DOWN + DOWN + " \r",
        ["c", "a"],
    ),
    "text": (lambda a: a.text("Texte"), "CH Exemple\r", "CH Exemple"),
    "text, Enter on the default": (lambda a: a.text("Date", default="2026-11-29"), "\r", ENTER),
    "note": (lambda a: a.note("Notes"), "ligne 1\rligne 2" + ESC_ENTER, "ligne 1\nligne 2"),
    "note, kept as it was": (lambda a: a.note("Notes", default="déjà"), ESC_ENTER, ENTER),
    "note, Tab for the menu": (lambda a: a.note("Notes"), "brouillon\t", Menu("brouillon")),
    "confirm": (lambda a: a.confirm("Sûr ?", default=False), "o", True),
    "confirm, Enter on the default": (lambda a: a.confirm("Sûr ?", default=False), "\r", ENTER),
    "editor that fails: text unchanged": (lambda a: a.editor("inchangé"), "", ENTER),
}


@pytest.mark.parametrize("case", list(SAME))
def test_a_scripted_answer_gives_what_the_keys_give(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "false")
    prompt, keys, answer = SAME[case]
    assert prompt(StandInAsker([answer])) == typed(keys, prompt)


# (what is asked, keys, scripted answer): both must raise the same exception
SAME_INTERRUPTION: dict[str, tuple[Prompt, str, object, type[BaseException]]] = {
    "Ctrl-C at a select": (lambda a: a.select("Choix", OPTIONS), CTRL_C, CtrlC(), KeyboardInterrupt),
    "Ctrl-C at a checkbox": (lambda a: a.checkbox("Cases", OPTIONS), CTRL_C, CtrlC(), KeyboardInterrupt),
    "Ctrl-C at a text": (lambda a: a.text("Texte"), CTRL_C, CtrlC(), KeyboardInterrupt),
    "Ctrl-C at a confirm": (lambda a: a.confirm("Sûr ?"), CTRL_C, CtrlC(), KeyboardInterrupt),
    "Ctrl-D at a text": (lambda a: a.text("Texte"), CTRL_D, EOFError, EOFError),
    "Ctrl-D at a confirm": (lambda a: a.confirm("Sûr ?"), CTRL_D, EOFError, EOFError),
    "Ctrl-D at an empty note": (lambda a: a.note("Notes"), CTRL_D, EOFError, EOFError),
}


@pytest.mark.parametrize("case", list(SAME_INTERRUPTION))
def test_a_scripted_interruption_is_the_same_exception(case: str) -> None:
    prompt, keys, answer, expected = SAME_INTERRUPTION[case]
    with pytest.raises(expected) as scripted:
        prompt(StandInAsker([answer]))
    with pytest.raises(expected) as real:
        typed(keys, prompt)
    assert type(scripted.value) is type(real.value)


@pytest.mark.parametrize(
    ("default", "keys", "answer", "draft"),
    [
        ("", "à moitié" + CTRL_C, CtrlC("à moitié"), "à moitié"),
        ("ancien", CTRL_C, CtrlC(), "ancien"),  # nothing typed: the note as it was
        ("ancien", " et plus" + CTRL_C, CtrlC("ancien et plus"), "ancien et plus"),
    ],
)
def test_ctrl_c_in_a_note_carries_the_same_draft(default: str, keys: str, answer: CtrlC, draft: str) -> None:
    def prompt(a: Asker) -> object:
        return a.note("Notes", default=default)

    with pytest.raises(NoteInterrupted) as scripted:
        prompt(StandInAsker([answer]))
    with pytest.raises(NoteInterrupted) as real:
        typed(keys, prompt)
    assert scripted.value.draft == real.value.draft == draft


def test_what_a_person_cannot_answer_a_script_cannot_either() -> None:
    """The real prompts refuse a value the validator refuses (they ask again) and offer only
    their options; a script that tries is a mistake in the test, so it fails loudly."""

    def refuse(value: str) -> str | None:
        return "AAAA-MM-JJ" if value == "hier" else None

    with pytest.raises(EOFError):  # asked again; the keys ran out before a good value
        typed("hier\r", lambda a: a.text("Date", validate=refuse))
    with pytest.raises(StandInError, match="AAAA-MM-JJ"):
        StandInAsker(["hier"]).text("Date", validate=refuse)
    with pytest.raises(StandInError):
        StandInAsker(["z"]).select("Choix", OPTIONS)
    with pytest.raises(StandInError):
        StandInAsker([""]).select("Choix", GROUPED)  # a heading is never chosen
    with pytest.raises(StandInError):
        StandInAsker([["a", "z"]]).checkbox("Cases", OPTIONS)
    with pytest.raises(StandInError):
        StandInAsker(["oui"]).confirm("Sûr ?")
