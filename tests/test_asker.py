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
from visitguide.interview.asker import Asker, NoteInterrupted, Option, Picked, Tagged, heading
from visitguide.interview.stand_in import (
    ENTER,
    ESC,
    CtrlC,
    Menu,
    Number,
    Shortcut,
    StandInAsker,
    StandInError,
)

OPTIONS = [Option("a", "Premier"), Option("b", "Second"), Option("c", "Troisième")]
GROUPED = [heading("── Un"), Option("a", "Premier"), heading("── Deux"), Option("b", "Second")]

JUMPS = {"1": Option("a", "1. Premier"), "2": Option("b", "2. Second"), "12": Option("z", "12. Douzième")}
ACTIONS = [Option("oui", "oui", "o"), Option("non", "non", "n")]
TAGS = [
    Option("entretien", "entretien"),
    Option("observation", "observation"),
    Option("document", "document"),
]
ESCAPE = "\x1b"
SHIFT_TAB = "\x1b[Z"

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
    "select, Échap leaves": (lambda a: a.select("Choix", OPTIONS, default="b", escape=":back"), ESCAPE, ESC),
    "select, a number then Enter": (lambda a: a.select("Choix", OPTIONS, jumps=JUMPS), "12\r", Number(12)),
    "select, a number of the list": (lambda a: a.select("Choix", OPTIONS, jumps=JUMPS), "2\r", Number(2)),
    "pick, Enter on the default": (
        lambda a: a.pick("Points", OPTIONS, default="b", actions=ACTIONS),
        "\r",
        ENTER,
    ),
    "pick, one key acts on the pointed option": (
        lambda a: a.pick("Points", OPTIONS, default="b", actions=ACTIONS),
        "n",
        Picked("b", "non"),
    ),
    "pick, Échap": (lambda a: a.pick("Points", OPTIONS, escape=":back", actions=ACTIONS), ESCAPE, ESC),
    "checkbox, Échap leaves the ticks as they were": (
        lambda a: a.checkbox("Cases", OPTIONS, checked=["b"]),
        " " + DOWN + " " + ESCAPE,
        ESC,
    ),
    "tagged, Enter keeps the tag": (lambda a: a.tagged("Commentaire", TAGS, "entretien"), "vu\r", "vu"),
    "tagged, Tab for the next tag": (
        lambda a: a.tagged("Commentaire", TAGS, "entretien"),
        "\t\r",
        Tagged("", "observation"),
    ),
    "tagged, Shift+Tab for the previous tag": (
        lambda a: a.tagged("Commentaire", TAGS, "entretien", default="lu"),
        SHIFT_TAB + "\r",
        Tagged("lu", "document"),
    ),
    "note, Ctrl-P for the checkpoints": (
        lambda a: a.note("Notes"),
        "brouillon\x10",
        Shortcut("checkpoints", "brouillon"),
    ),
    "note, Ctrl-O for the whole panel": (
        lambda a: a.note("Notes"),
        "brouillon\x0f",
        Shortcut("detail", "brouillon"),
    ),
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
    "Ctrl-C at a pick": (
        lambda a: a.pick("Points", OPTIONS, actions=ACTIONS),
        CTRL_C,
        CtrlC(),
        KeyboardInterrupt,
    ),
    "Ctrl-C at a tagged text": (
        lambda a: a.tagged("Commentaire", TAGS, "entretien"),
        CTRL_C,
        CtrlC(),
        KeyboardInterrupt,
    ),
    "Ctrl-D at a select": (lambda a: a.select("Choix", OPTIONS), CTRL_D, EOFError, EOFError),
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
    with pytest.raises(StandInError):  # Échap where it does nothing
        StandInAsker([ESC]).select("Choix", OPTIONS)
    with pytest.raises(StandInError):  # a number no one can type there
        StandInAsker([Number(7)]).select("Choix", OPTIONS, jumps=JUMPS)
    with pytest.raises(StandInError):
        StandInAsker([Picked("a", "peut-être")]).pick("Points", OPTIONS, actions=ACTIONS)
    with pytest.raises(StandInError):
        StandInAsker([Tagged("x", "rumeur")]).tagged("Commentaire", TAGS, "entretien")
