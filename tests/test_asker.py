"""The scripted asker: replays answers, checks them against each prompt, raises Ctrl-C and EOF."""

from __future__ import annotations

import pytest

from visitguide.asker import (
    ENTER,
    CtrlC,
    Menu,
    Note,
    NoteInterrupted,
    Option,
    ScriptedAsker,
    ScriptError,
    heading,
)

OPTIONS = [Option("a", "Premier"), Option("b", "Second")]


def test_each_prompt_kind_returns_the_scripted_answer() -> None:
    asker = ScriptedAsker(["b", ["b"], "texte", "une note", True, "édité"])
    assert asker.select("Choix", OPTIONS) == "b"
    assert asker.checkbox("Cases", OPTIONS) == ["b"]
    assert asker.text("Texte") == "texte"
    assert asker.note("Note") == Note("une note")
    assert asker.confirm("Sûr ?", default=False) is True
    assert asker.editor("avant") == "édité"
    assert asker.remaining == 0
    assert [p.kind for p in asker.prompts] == ["select", "checkbox", "text", "note", "confirm", "editor"]


def test_enter_takes_each_prompts_default() -> None:
    asker = ScriptedAsker([ENTER] * 6)
    assert asker.select("Choix", OPTIONS, default="b") == "b"
    assert asker.checkbox("Cases", OPTIONS, checked=["a"]) == ["a"]
    assert asker.text("Texte", default="défaut") == "défaut"
    assert asker.note("Note", default="déjà") == Note("déjà")
    assert asker.confirm("Sûr ?", default=False) is False
    assert asker.editor("inchangé") == "inchangé"


def test_menu_answer_ends_the_note_with_the_menu_key() -> None:
    assert ScriptedAsker([Menu("brouillon")]).note("Note") == Note("brouillon", menu=True)


def test_ctrl_c_at_a_note_carries_the_draft() -> None:
    asker = ScriptedAsker([CtrlC("tapé"), CtrlC()])
    with pytest.raises(NoteInterrupted) as typed:
        asker.note("Note")
    assert typed.value.draft == "tapé"
    with pytest.raises(NoteInterrupted) as untouched:
        asker.note("Note", default="ancien")
    assert untouched.value.draft == "ancien"


def test_ctrl_c_and_eof_elsewhere() -> None:
    asker = ScriptedAsker([CtrlC(), EOFError])
    with pytest.raises(KeyboardInterrupt):
        asker.select("Choix", OPTIONS)
    with pytest.raises(EOFError):
        asker.text("Texte")


def test_a_value_that_is_not_an_option_is_a_script_error() -> None:
    with pytest.raises(ScriptError, match="'c'"):
        ScriptedAsker(["c"]).select("Choix", OPTIONS)
    with pytest.raises(ScriptError):
        ScriptedAsker([["a", "z"]]).checkbox("Cases", OPTIONS)
    with pytest.raises(ScriptError):
        ScriptedAsker(["oui"]).confirm("Sûr ?")


def test_a_value_the_validator_refuses_is_a_script_error() -> None:
    asker = ScriptedAsker(["mauvais"])
    with pytest.raises(ScriptError, match="refusé"):
        asker.text("Date", validate=lambda v: "refusé" if v == "mauvais" else None)


def test_running_out_of_answers_names_the_prompt() -> None:
    with pytest.raises(ScriptError, match="Encore"):
        ScriptedAsker([]).text("Encore ?")


def test_headings_are_shown_but_never_chosen() -> None:
    options = [heading("── Groupe"), *OPTIONS]
    asker = ScriptedAsker([ENTER, ""])
    assert asker.select("Choix", options) == "a"
    with pytest.raises(ScriptError):
        asker.select("Choix", options)
