"""Nothing lost, nothing leaked, in a real pseudo-terminal: a closed terminal (SIGHUP) or
SIGTERM ends the interview like Ctrl-C, and an identifier never reaches the disk before the
visitor has been warned about it."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tests.helpers import CTRL_C, ESC_ENTER, PTY_CONTEXT, Q1, Q2, finished, interrupted, note, read, spawn

pytestmark = pytest.mark.slow

NIR = "2 95 10 99 126 111 93"  # a valid key (NOTES.md)
LOCK = Path("e.json.lock")


def typing_on_question_2(tmp_path: Path) -> object:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    note(child, 1, "première note")
    child.expect("Question 2/3")
    child.expect("Tab : menu")
    child.send("tapée quand le terminal se ferme")
    child.expect("se ferme")  # on screen: prompt_toolkit has it in its buffer
    return child


def lock_is_free(tmp_path: Path) -> bool:
    from visitguide.interview import file as ifile

    try:
        with ifile.Lock(tmp_path / "e.json"):
            return True
    except Exception:
        return False


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGHUP, 129), (signal.SIGTERM, 143)])
def test_a_signal_keeps_the_draft_releases_the_lock_and_says_how_to_resume(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    child = typing_on_question_2(tmp_path)
    os.kill(child.pid, sig)  # type: ignore[attr-defined]
    child.expect("La note en cours est gardée")
    child.expect(r"Pour reprendre :\s+visitguide interview --resume e\.json")
    assert finished(child) == code
    answers = read(tmp_path / "e.json")["answers"]
    assert answers[Q1]["notes"] == "première note"
    assert answers[Q2]["status"] == "revisit"
    assert answers[Q2]["notes"] == "tapée quand le terminal se ferme"
    assert lock_is_free(tmp_path)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_closed_terminal_keeps_the_draft(tmp_path: Path) -> None:
    """The terminal itself goes away: nothing can be printed any more, the draft is saved."""
    child = typing_on_question_2(tmp_path)
    os.close(child.child_fd)  # type: ignore[attr-defined]  # the terminal's side is gone: SIGHUP
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and child.isalive():  # type: ignore[attr-defined]
        time.sleep(0.1)
    assert not child.isalive()  # type: ignore[attr-defined]
    assert child.exitstatus == 129  # type: ignore[attr-defined]
    answers = read(tmp_path / "e.json")["answers"]
    assert answers[Q2]["notes"] == "tapée quand le terminal se ferme"
    assert answers[Q2]["status"] == "revisit"
    assert lock_is_free(tmp_path)


def test_resume_after_a_signal_opens_the_question_that_was_being_typed(tmp_path: Path) -> None:
    child = typing_on_question_2(tmp_path)
    os.kill(child.pid, signal.SIGTERM)  # type: ignore[attr-defined]
    assert finished(child) == 143
    child = spawn("interview", "--resume", "e.json", cwd=tmp_path)
    child.expect("Question 2/3")
    child.expect("Tab : menu")
    child.expect("se ferme")
    assert interrupted(child) == 130


def test_a_signal_at_a_menu_ends_the_interview_too(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    child.expect("Tab : menu")
    child.send("\t")
    child.expect("Que faire")
    os.kill(child.pid, signal.SIGHUP)  # type: ignore[attr-defined]
    assert finished(child) == 129
    assert lock_is_free(tmp_path)


def test_an_identifier_is_not_written_before_the_warning(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    note(child, 1, f"le patient {NIR} appelle")
    child.expect(r"Le modifier maintenant \?")
    assert NIR not in (tmp_path / "e.json").read_text(encoding="utf-8")
    assert "2 95" not in (tmp_path / "e.json").read_text(encoding="utf-8")
    child.send(CTRL_C)  # interrupted at the warning: kept masked, to revisit
    child.expect("identifiants masqués")
    assert finished(child) == 130
    text = (tmp_path / "e.json").read_text(encoding="utf-8")
    assert NIR not in text
    answer = read(tmp_path / "e.json")["answers"][Q1]
    assert answer["status"] == "revisit"
    assert answer["notes"] == "le patient 2 •• •• •• ••• ••• •• appelle"


def test_an_identifier_closed_terminal_at_the_warning_is_masked(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    note(child, 1, f"NIR {NIR}")
    child.expect(r"Le modifier maintenant \?")
    os.kill(child.pid, signal.SIGHUP)  # type: ignore[attr-defined]
    assert finished(child) == 129
    answer = read(tmp_path / "e.json")["answers"][Q1]
    assert answer["notes"] == "NIR 2 •• •• •• ••• ••• ••"
    assert answer["status"] == "revisit"


def test_an_identifier_kept_on_purpose_after_the_warning(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    note(child, 1, "standard 01 23 45 67 89")
    child.expect(r"Le modifier maintenant \?")
    child.send("n")
    child.expect("Question 2/3")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["answers"][Q1]["notes"] == "standard 01 23 45 67 89"


def test_a_typed_context_field_is_checked_for_identifiers(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", cwd=tmp_path)
    child.expect("Établissement")
    child.send("CH Exemple\r")
    child.expect("Secteur")
    child.send("\r")
    child.expect("jamais un nom")
    child.send("Directeur, joignable au 06 12 34 56 78\r")
    child.expect("numéro de téléphone 06 •• •• •• ••")
    child.expect(r"Le modifier maintenant \?")
    assert not (tmp_path / "e.json").exists()
    child.send("o")
    child.expect("Fonction")
    child.send("\x15Directeur\r")  # Ctrl-U clears the line
    child.expect("Expert-visiteur")
    child.send("\r")
    child.expect("Date")
    child.send("\r")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["context"]["interviewee_role"] == "Directeur"


def test_the_note_after_an_identifier_warning_is_edited_then_saved(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT, cwd=tmp_path)
    note(child, 1, f"NIR {NIR}")
    child.expect(r"Le modifier maintenant \?")
    child.send("o")
    child.expect("Tab : menu")
    child.send("\x7f" * len(NIR) + "retiré" + ESC_ENTER)
    child.expect("Question 2/3")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["answers"][Q1]["notes"] == "NIR retiré"


def test_a_terminal_that_is_not_utf8_degrades_characters_and_never_crashes(tmp_path: Path) -> None:
    """Latin-1 cannot show "œ" (in the first question) nor "…"; typed Latin-1 letters still
    reach the file as the letters they are."""
    env = {"PYTHONIOENCODING": "iso-8859-1", "LANG": "C", "LC_ALL": "C"}
    args = ("interview", "--audience", "gouvernance", "--out", "g.json", *PTY_CONTEXT)
    child = spawn(*args, cwd=tmp_path, env_extra=env, encoding="iso-8859-1")
    child.expect("Question 1/6")
    child.expect("mettre en ")  # "œuvre" follows, degraded
    child.expect("Tab : menu")
    child.send("réseau coupé" + "\x1b\r")
    child.expect("Question 2/6")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    assert "Traceback" not in child.before  # type: ignore[attr-defined]
    assert read(tmp_path / "g.json")["answers"]["audit-securite-numerique"]["notes"] == "réseau coupé"
