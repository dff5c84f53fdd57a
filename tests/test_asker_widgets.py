"""The real prompts (QuestionaryAsker) driven by keys through prompt_toolkit's pipe input."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.helpers import CTRL_C, CTRL_D, DOWN, ESC_ENTER, typed
from visitguide.interview import hangup
from visitguide.interview.asker import Note, NoteInterrupted, Option, heading
from visitguide.interview.widgets import QuestionaryAsker

OPTIONS = [Option("a", "Premier"), Option("b", "Second"), Option("c", "Troisième")]


@pytest.fixture(autouse=True)
def no_editor(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("EDITOR", "false")
    yield


def test_select_enter_takes_the_default() -> None:
    assert typed("\r", lambda a: a.select("Choix", OPTIONS, default="b")) == "b"


def test_select_arrow_moves_from_the_default() -> None:
    assert typed(DOWN + "\r", lambda a: a.select("Choix", OPTIONS, default="b")) == "c"


def test_select_shortcut_key_moves_the_pointer() -> None:
    keyed = [Option("n", "Suivante", "n"), Option("s", "Passer", "s"), Option("r", "À revoir", "r")]
    assert typed("r\r", lambda a: a.select("Action", keyed, default="n")) == "r"


def test_select_skips_headings() -> None:
    grouped = [heading("── Un"), Option("a", "Premier"), heading("── Deux"), Option("b", "Second")]
    assert typed(DOWN + "\r", lambda a: a.select("Choix", grouped)) == "b"


def test_select_ctrl_c_raises() -> None:
    with pytest.raises(KeyboardInterrupt):
        typed(CTRL_C, lambda a: a.select("Choix", OPTIONS))


def test_checkbox_ticks_with_space() -> None:
    assert typed(" " + DOWN + DOWN + " \r", lambda a: a.checkbox("Cases", OPTIONS)) == ["a", "c"]


def test_checkbox_keeps_what_was_checked() -> None:
    assert typed("\r", lambda a: a.checkbox("Cases", OPTIONS, checked=["b"])) == ["b"]


def test_text_returns_the_line() -> None:
    assert typed("CH Exemple\r", lambda a: a.text("Établissement")) == "CH Exemple"


def test_text_validator_refuses_until_fixed() -> None:
    def date(value: str) -> str | None:
        return None if value.count("-") == 2 else "AAAA-MM-JJ"

    answer = typed("hier\r" + "\x7f" * 4 + "2026-11-29\r", lambda a: a.text("Date", validate=date))
    assert answer == "2026-11-29"


def test_text_default_is_kept_on_enter() -> None:
    assert typed("\r", lambda a: a.text("Date", default="2026-11-29")) == "2026-11-29"


def test_note_enter_adds_a_line_and_esc_enter_submits() -> None:
    result = typed("ligne 1\rligne 2" + ESC_ENTER, lambda a: a.note("Notes"))
    assert result == Note("ligne 1\nligne 2")


def test_note_starts_from_the_notes_already_taken() -> None:
    assert typed(" suite" + ESC_ENTER, lambda a: a.note("Notes", default="début")) == Note("début suite")


def test_note_tab_opens_the_menu_keeping_the_text() -> None:
    assert typed("brouillon\t", lambda a: a.note("Notes")) == Note("brouillon", menu=True)


def test_note_ctrl_c_carries_the_draft() -> None:
    with pytest.raises(NoteInterrupted) as interrupted:
        typed("à moitié" + CTRL_C, lambda a: a.note("Notes"))
    assert interrupted.value.draft == "à moitié"


def test_note_ctrl_d_on_empty_note_is_eof() -> None:
    with pytest.raises(EOFError):
        typed(CTRL_D, lambda a: a.note("Notes"))


@pytest.mark.parametrize(("keys", "default", "expected"), [("o", False, True), ("n", True, False)])
def test_confirm_french_letters(keys: str, default: bool, expected: bool) -> None:
    assert typed(keys, lambda a: a.confirm("Sûr ?", default=default)) is expected


def test_confirm_enter_takes_the_default() -> None:
    assert typed("\r", lambda a: a.confirm("Sûr ?", default=False)) is False


def test_confirm_english_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    assert typed("y", lambda a: a.confirm("Sure?", default=False)) is True


def test_confirm_ctrl_c_and_ctrl_d() -> None:
    with pytest.raises(KeyboardInterrupt):
        typed(CTRL_C, lambda a: a.confirm("Sûr ?"))
    with pytest.raises(EOFError):
        typed(CTRL_D, lambda a: a.confirm("Sûr ?"))


def test_editor_failure_keeps_the_text() -> None:
    assert QuestionaryAsker().editor("inchangé") == "inchangé"


def test_editor_result_is_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "sed -i s/avant/après/")
    assert QuestionaryAsker().editor("avant\n") == "après"


CTRL_X_CTRL_E = "\x18\x05"


def test_ctrl_x_ctrl_e_edits_the_note_and_comes_back_to_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EDITOR", "sed -i s/avant/après/")
    result = typed("avant" + CTRL_X_CTRL_E + " et ensuite" + ESC_ENTER, lambda a: a.note("Notes"))
    assert result == Note("après et ensuite")


def test_an_editor_variable_that_does_not_split_gives_way_to_the_next(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("VISUAL", 'vim "')  # a quote left open
    monkeypatch.setenv("EDITOR", "sed -i s/avant/après/")
    assert QuestionaryAsker().editor("avant") == "après"
    said = capsys.readouterr().err
    assert 'VISUAL (« vim " ») ne se lit pas comme une commande' in said
    assert "Éditeur utilisé : sed -i s/avant/après/" in said
    # The same at Ctrl-X Ctrl-E in a note, where prompt_toolkit's own editor key died.
    assert typed("avant" + CTRL_X_CTRL_E + ESC_ENTER, lambda a: a.note("Notes")) == Note("après")


def test_no_editor_at_all_keeps_the_text_and_says_so(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("EDITOR", "'")
    monkeypatch.setenv("PATH", str(tmp_path))  # no editor, nano nor vi
    assert QuestionaryAsker().editor("inchangé") == "inchangé"
    said = capsys.readouterr().err.splitlines()
    assert said == [
        "EDITOR (« ' ») ne se lit pas comme une commande (un guillemet non fermé ?) : ignorée",
        "Aucun éditeur trouvé ($VISUAL, $EDITOR, editor, nano, vi) : la note reste telle quelle.",
    ]


# --- signals reaching a prompt ----------------------------------------------------------------


def _signalled(sig: int, keys: str, prompt: Callable[[QuestionaryAsker], object]) -> object:
    """Run `prompt` with `keys` typed, `sig` sent to this process once the prompt runs and has
    read them; the input is closed a few seconds later, so a signal that goes nowhere ends in
    EOFError instead of a hang."""
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    def send() -> None:
        deadline = time.monotonic() + 10
        while hangup.deliver is None and time.monotonic() < deadline:  # set while a prompt runs
            time.sleep(0.01)
        time.sleep(0.5)  # the keys typed ahead are read at once
        os.kill(os.getpid(), sig)

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        sender = threading.Thread(target=send, daemon=True)
        closer = threading.Timer(12, pipe.close)
        sender.start()
        closer.start()
        try:
            return prompt(QuestionaryAsker())
        finally:
            closer.cancel()
            sender.join()


@pytest.mark.parametrize("kind", ["select", "checkbox", "pick", "confirm", "text"])
def test_sigint_outside_raw_mode_ends_any_prompt(kind: str) -> None:
    """SIGINT that prompt_toolkit catches (Ctrl-C pressed while the terminal was between two
    prompts) arrives as a `<sigint>` key: questionary's lists did not bind it, and the
    interview hung there (the pseudo-terminal test of kill -9 then resume timed out)."""
    prompts: dict[str, Callable[[QuestionaryAsker], object]] = {
        "select": lambda a: a.select("Choix", OPTIONS),
        "checkbox": lambda a: a.checkbox("Cases", OPTIONS),
        "pick": lambda a: a.pick("Points", OPTIONS, actions=[Option("oui", "oui", "o")]),
        "confirm": lambda a: a.confirm("Sûr ?"),
        "text": lambda a: a.text("Texte"),
    }
    with pytest.raises(KeyboardInterrupt):
        _signalled(signal.SIGINT, "", prompts[kind])


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM])
def test_a_hangup_ends_the_note_with_its_draft(sig: int) -> None:
    with hangup.catching(), pytest.raises(NoteInterrupted) as interrupted:
        _signalled(sig, "à moitié tapée", lambda a: a.note("Notes"))
    assert interrupted.value.draft == "à moitié tapée"
    assert hangup.exit_code() == 128 + sig


def test_a_hangup_ends_a_list_too() -> None:
    with hangup.catching(), pytest.raises(KeyboardInterrupt):
        _signalled(signal.SIGTERM, "", lambda a: a.select("Choix", OPTIONS))
    assert hangup.exit_code() == 143
