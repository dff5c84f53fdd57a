"""The interview at the speed of the conversation (issue 14), in a real pseudo-terminal: the
keys a visitor presses, counted, and what the screen shows.

Keystrokes measured here and written in docs/entretien.md: answering in order costs the note
plus 2 keys (Esc, Enter); going to any question costs 2 keys plus its number (Tab, the number,
Enter); rating a checkpoint costs 4 keys from the note (Ctrl-P, o, Enter, Esc), then 2 per
further checkpoint (o, Enter) while the list is open.
"""

from __future__ import annotations

import io
import re
import subprocess
import time
from pathlib import Path

import pytest

from tests.helpers import (
    CTRL_P,
    ESC_ENTER,
    PTY_CONTEXT,
    Q1,
    Q2,
    Q3,
    finished,
    interrupted,
    note,
    read,
    require_tool,
    spawn,
)

pytestmark = pytest.mark.slow

ESC = "\x1b"
GOUV = ("interview", "--audience", "gouvernance", "--out", "g.json", *PTY_CONTEXT)
TECH = ("interview", "--audience", "technique", "--out", "e.json", *PTY_CONTEXT)


def keys(child: object, *sequence: str, pause: float = 0.15) -> int:
    """Send each key of `sequence` on its own (an Esc alone needs a moment to be told from an
    arrow key); the number of keys pressed."""
    for key in sequence:
        child.send(key)  # type: ignore[attr-defined]
        time.sleep(pause)
    return len(sequence)


def test_escape_leaves_the_menu_the_question_list_and_the_checkpoint_list(tmp_path: Path) -> None:
    child = spawn(*GOUV, cwd=tmp_path)
    child.expect("Tab : menu")
    keys(child, "\t")
    child.expect("Que faire")
    keys(child, ESC)  # the menu: back to the note
    child.expect("Tab : menu")
    keys(child, "\t", "l", "\r")
    child.expect("Aller à la question")
    keys(child, ESC)  # the question list: back to the question
    child.expect("Question 1/6")
    child.expect("Tab : menu")
    keys(child, CTRL_P)
    child.expect(r"Points de vérification \(0/15 cotés\)")
    keys(child, ESC)  # the checkpoint list: back too
    child.expect("Question 1/6")
    child.expect("Tab : menu")
    assert interrupted(child) == 130


def test_any_question_by_its_number_in_two_keys_plus_the_number(tmp_path: Path) -> None:
    child = spawn(*GOUV, cwd=tmp_path)
    child.expect("Tab : menu")
    pressed = keys(child, "\t", "5", "\r")  # from the note: Tab, the number, Enter
    child.expect("Question 5/6")
    assert pressed - 1 == 2
    child.expect("Tab : menu")
    keys(child, "\t", "l", "\r")  # in the question list too, the number moves the pointer
    child.expect("Aller à la question")
    keys(child, "2", "\r")
    child.expect("Question 2/6")
    child.expect("Tab : menu")
    assert interrupted(child) == 130


def test_a_checkpoint_rated_in_four_keys_with_the_basis_kept(tmp_path: Path) -> None:
    child = spawn(*GOUV, cwd=tmp_path)
    child.expect("Tab : menu")
    pressed = keys(child, CTRL_P)  # the checkpoints, pointer on the first unrated one
    child.expect(r"\(0/15 cotés\)")
    pressed += keys(child, "o")  # oui, at once
    child.expect(r"Commentaire \(facultatif\)")
    child.expect(r"\[entretien\]")
    pressed += keys(child, "\r")  # no comment, basis entretien
    child.expect(r"\(1/15 cotés\)")  # the list again, pointer on the next unrated
    pressed += keys(child, ESC)
    child.expect("Question 1/6")
    assert pressed == 4
    data = read(tmp_path / "g.json")
    assert data["checkpoints"] == {
        "plan-actions-evolution-sih": {**data["checkpoints"]["plan-actions-evolution-sih"], "rating": "oui"}
    }
    assert data["checkpoints"]["plan-actions-evolution-sih"]["basis"] == "entretien"
    # The next ones: 2 keys each while the list is open; Tab / Shift+Tab choose the basis.
    child.expect("Tab : menu")
    keys(child, CTRL_P)
    child.expect(r"\(1/15 cotés\)")
    keys(child, "n", "\t", "\r")  # non, observed
    child.expect(r"\(2/15 cotés\)")
    keys(child, "a", "\x1b[Z")  # na, Shift+Tab: a document
    child.send("Charte lue" + "\r")
    child.expect(r"\(3/15 cotés\)")
    keys(child, ESC)
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    rated = read(tmp_path / "g.json")["checkpoints"]
    assert {k: (v["rating"], v["basis"], v["comment"]) for k, v in rated.items()} == {
        "plan-actions-evolution-sih": ("oui", "entretien", ""),
        "exercices-crise-cyber": ("non", "observation", ""),
        "audits-annuaires-exposition-internet": ("na", "document", "Charte lue"),
    }


def test_finish_anyway_defaults_to_no(tmp_path: Path) -> None:
    child = spawn(*TECH, cwd=tmp_path)
    child.expect("Tab : menu")
    keys(child, "\t", "t", "\r")
    child.expect(r"Terminer quand même \?")
    child.expect(r"\(o/N\)")
    keys(child, "\r")  # Enter: no, the interview goes on
    child.expect("Question 1/3")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["status"] == "in_progress"


ENGLISH = re.compile(r"\bdone\b|selections?\b|Use arrow|arrow keys|Cancelled|\(Y/n\)|\(y/N\)|Invalid input")


def test_no_english_word_from_the_prompt_library(tmp_path: Path) -> None:
    child = spawn(*TECH, cwd=tmp_path)
    seen = io.StringIO()
    child.logfile_read = seen
    child.expect("Tab : menu")
    keys(child, "\t", "j", "\r")  # add a question: text, then its criteria (a checkbox)
    child.expect("Votre question")
    child.send("Qui pilote la PSSI ?\r")
    child.expect("Critères de cette question")
    keys(child, " ", "\x1b[B", " ", "\r")
    child.expect(r"\d cochés")
    child.expect("Tab : menu")
    keys(child, "\t", "d", "\r")  # documents: a list with keys
    child.expect("Documents vus ou demandés")
    keys(child, ESC)
    child.expect("Tab : menu")
    keys(child, "\t", "t", "\r")
    child.expect("Terminer quand même")
    keys(child, "n")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    assert ENGLISH.search(seen.getvalue()) is None, ENGLISH.findall(seen.getvalue())


def test_command_line_context_is_never_asked_again(tmp_path: Path) -> None:
    child = spawn(
        "interview", "-a", "tech", "--establishment", "X", "--role", "DSI", "--visitor", "EV", cwd=tmp_path
    )
    index = child.expect(["Secteur", "Date de l'entretien", "Tab : menu"])
    assert index == 2, "sector and date take their defaults"
    assert interrupted(child) == 130
    (path,) = (tmp_path / "entretiens").glob("*.json")
    context = read(path)["context"]
    assert context["sector"] is None and context["interviewee_role"] == "DSI"


def test_the_pace_with_and_without_a_duration(tmp_path: Path) -> None:
    child = spawn(*TECH, "--duration", "45", cwd=tmp_path)
    child.expect(r"reste 45 min sur 45 · 3 à poser")
    child.expect("Tab : menu")
    child.send("vite" + ESC_ENTER)
    child.expect(r"reste 4\d min sur 45 · 2 à poser")
    assert interrupted(child) == 130
    child = spawn("interview", "--resume", "e.json", cwd=tmp_path)
    child.expect(r"0 min · 2 à poser")
    assert interrupted(child) == 130


def test_resume_with_a_changed_context_says_so_and_reopens(tmp_path: Path) -> None:
    child = spawn(*TECH, cwd=tmp_path)
    note(child, 1, "un")
    note(child, 2, "deux")
    note(child, 3, "trois")
    child.expect("Plus aucune question en attente")
    child.send("\r")
    assert finished(child) == 0
    assert read(tmp_path / "e.json")["status"] == "completed"
    child = spawn("interview", "--resume", "e.json", "--role", "Directeur", cwd=tmp_path)
    child.expect("fonction : DSI → Directeur")
    child.expect("repasse « en cours »")
    child.expect("Plus aucune question en attente")
    assert interrupted(child) == 130
    data = read(tmp_path / "e.json")
    assert data["context"]["interviewee_role"] == "Directeur"
    assert data["status"] == "in_progress"
    assert {k: a["notes"] for k, a in data["answers"].items()} == {Q1: "un", Q2: "deux", Q3: "trois"}


# --- a laptop's terminal: 80 columns, 24 lines, looked at through tmux --------------------------


SOCKET = "visitguide-tests"  # a tmux server of the tests' own, not the user's


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=True, capture_output=True, text=True).stdout


def screen(session: str, waiting_for: str, timeout: float = 15) -> list[str]:
    """The 24 lines on screen once `waiting_for` shows (polled, not slept)."""
    deadline = time.monotonic() + timeout
    while True:
        lines = tmux("capture-pane", "-t", session, "-p").splitlines()
        if any(waiting_for in line for line in lines) or time.monotonic() > deadline:
            return lines
        time.sleep(0.2)


def test_a_laptop_terminal_keeps_the_question_five_lines_of_note_and_the_menu_in_view(tmp_path: Path) -> None:
    require_tool("tmux")
    from tests.helpers import program

    session = f"vg-{tmp_path.name}"[:40]
    command = " ".join([*program(), *GOUV, "--duration", "45"])
    tmux(
        "new-session", "-d", "-s", session, "-x", "80", "-y", "24", "-c", str(tmp_path),
        f"env -u COLUMNS -u LINES -u NO_COLOR TERM=xterm-256color {command}; sleep 30",
    )  # fmt: skip
    try:
        first = screen(session, "Tab : menu")
        assert any("Question 1/6" in line for line in first)
        assert any("Ctrl-O : tout afficher" in line for line in first)  # hint and documents folded
        for n in range(1, 6):
            tmux("send-keys", "-t", session, "-l", f"ligne {n} de la note")
            tmux("send-keys", "-t", session, "Enter")
        tmux("send-keys", "-t", session, "BSpace", "Tab")
        shown = screen(session, "Que faire")
        text = "\n".join(shown)
        assert len(shown) <= 24
        assert "Avez-vous réalisé un audit de sécurité numérique" in text  # the question's start
        assert all(f"ligne {n} de la note" in text for n in range(1, 6))
        assert "Que faire" in text and "q) Quitter" in text  # the whole menu, beside it
        assert "reste 45 min sur 45" in text
        assert all(len(line) <= 80 for line in shown)
        tmux("send-keys", "-t", session, "Escape")
        screen(session, "Tab : menu")
        tmux("send-keys", "-t", session, "C-o")
        full = "\n".join(screen(session, "Conseil"))
        assert "Conseil" in full and "Rapport d'audit" in full  # everything, on demand
    finally:
        subprocess.run(
            ["tmux", "-L", SOCKET, "kill-session", "-t", session], check=False, capture_output=True
        )
