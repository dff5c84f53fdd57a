"""End to end in a real pseudo-terminal: the installed program, typed at like a person would.

`PROMPT_TOOLKIT_NO_CPR=1` keeps prompt_toolkit from waiting for a cursor-position answer
that pexpect never gives.
"""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pexpect
import pytest

from tests.helpers import (
    CTRL_C,
    DOWN,
    ESC_ENTER,
    PTY_CONTEXT,
    Q1,
    Q2,
    Q3,
    finished,
    interrupted,
    note,
    read,
    spawn,
)

pytestmark = pytest.mark.slow

CONTEXT_ARGS = PTY_CONTEXT


def test_a_short_interview_typed_to_the_end(tmp_path: Path) -> None:
    child = spawn("interview", cwd=tmp_path)
    child.expect("Public interrogé")
    child.send(DOWN + "\r")  # technique
    child.expect("Établissement")
    child.send("CH Exemple\r")
    child.expect("Secteur")
    child.send("\r")
    child.expect("jamais un nom")
    child.send("DSI\r")
    child.expect("Expert-visiteur")
    child.send("EV\r")
    child.expect("Date de l'entretien")
    child.send("\r")
    child.expect(r"Entretien enregistré dans : (entretiens/\S+\.json)")
    path = tmp_path / child.match.group(1)
    note(child, 1, "Habilitations par profil\rArrivées/départs via RH")
    note(child, 2, "VPN + MFA")
    note(child, 3, "Carte CPS")
    child.expect("Plus aucune question en attente")
    child.send("\r")  # the pointer is on "Terminer"
    child.expect("Bilan par critère")
    child.expect("Entretien terminé")
    assert finished(child) == 0
    data = read(path)
    assert data["status"] == "completed"
    assert data["context"]["establishment"] == "CH Exemple"
    assert data["context"]["interviewee_role"] == "DSI"
    assert {k: a["notes"] for k, a in data["answers"].items()} == {
        Q1: "Habilitations par profil\nArrivées/départs via RH",
        Q2: "VPN + MFA",
        Q3: "Carte CPS",
    }


def test_ctrl_c_then_resume_keeps_every_answer(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path)
    note(child, 1, "première note")
    child.expect("Question 2/3")
    child.expect("Tab : menu")
    child.send("coupée en plein")
    child.send(CTRL_C)
    child.expect(r"Pour reprendre :\s+(visitguide interview --resume \S+)")
    command = child.match.group(1).split()
    assert finished(child) == 130
    data = read(tmp_path / "e.json")
    assert data["answers"][Q1]["notes"] == "première note"
    assert data["answers"][Q2] == {**data["answers"][Q2], "status": "revisit", "notes": "coupée en plein"}

    assert command[:3] == ["visitguide", "interview", "--resume"]
    child = spawn(*command[1:], cwd=tmp_path)
    child.expect("Reprise de l'entretien : e.json")
    child.expect("Question 2/3")  # the question being typed, not the next pending one
    child.expect("Tab : menu")
    child.expect("coupée en plein")  # the note is there, ready to be completed
    child.send(" puis complétée" + ESC_ENTER)
    note(child, 3, "troisième")
    child.expect("Plus aucune question en attente")
    child.send("\r")
    child.expect("Entretien terminé")
    assert finished(child) == 0
    answers = read(tmp_path / "e.json")["answers"]
    assert {k: (a["status"], a["notes"]) for k, a in answers.items()} == {
        Q1: ("answered", "première note"),
        Q2: ("answered", "coupée en plein puis complétée"),
        Q3: ("answered", "troisième"),
    }


def test_kill_9_leaves_a_readable_file_with_every_saved_answer(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path)
    note(child, 1, "note 1")
    note(child, 2, "note 2")
    child.expect("Question 3/3")
    child.expect("Tab : menu")
    child.send("en cours de frappe")
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    data = read(tmp_path / "e.json")
    assert {k: a["notes"] for k, a in data["answers"].items()} == {Q1: "note 1", Q2: "note 2"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]

    # The lock died with the process: the interview carries on at once.
    child = spawn("interview", "--resume", "e.json", cwd=tmp_path)
    note(child, 3, "note 3")
    child.expect("Plus aucune question en attente")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["answers"][Q3]["notes"] == "note 3"


def test_tab_menu_skip_and_flag_by_shortcut_keys(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path)
    child.expect("Tab : menu")
    child.send("\t")
    child.expect("Que faire")
    child.send("p\r")  # p) Passer
    child.expect("Question 2/3")
    child.expect("Tab : menu")
    child.send("à vérifier\t")
    child.expect("Que faire")
    child.send("r\r")  # r) À revoir
    child.expect("Question 3/3")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    answers = read(tmp_path / "e.json")["answers"]
    assert answers[Q1]["status"] == "skipped"
    assert answers[Q2] == {**answers[Q2], "status": "revisit", "notes": "à vérifier"}


def test_personal_identifier_warning_is_masked(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path)
    note(child, 1, "joindre le 06 12 34 56 78")
    child.expect(r"identifiants personnels : ([^\r\n]*)")
    warning = child.match.group(1)
    assert "numéro de téléphone 06 •• •• •• ••" in warning
    assert "12" not in warning
    child.expect(r"Le modifier maintenant \?")
    child.send("o")
    child.expect("Tab : menu")
    child.send("\x7f" * len("06 12 34 56 78") + "le standard" + ESC_ENTER)
    child.expect("Question 2/3")
    assert interrupted(child) == 130
    assert read(tmp_path / "e.json")["answers"][Q1]["notes"] == "joindre le le standard"


def test_typing_ahead_of_the_screen_loses_nothing(tmp_path: Path) -> None:
    child = spawn("interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path)
    child.expect("Tab : menu")
    # Everything at once, before any next screen is drawn: three notes, then "Terminer".
    child.send(f"vite 1{ESC_ENTER}vite 2\rsuite{ESC_ENTER}vite 3{ESC_ENTER}\r")
    child.expect("Entretien terminé")
    assert finished(child) == 0
    answers = read(tmp_path / "e.json")["answers"]
    assert {k: a["notes"] for k, a in answers.items()} == {Q1: "vite 1", Q2: "vite 2\nsuite", Q3: "vite 3"}


def test_a_malformed_editor_variable_gives_way_to_the_next_editor(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    editor = bin_dir / "editor"
    editor.write_text("#!/bin/sh\nprintf 'écrit dans l’éditeur' > \"$1\"\n", encoding="utf-8")
    editor.chmod(0o755)
    env = {"EDITOR": 'vim "', "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    child = spawn(
        "interview", "--audience", "technique", "--out", "e.json", *CONTEXT_ARGS, cwd=tmp_path, env_extra=env
    )
    child.expect("Tab : menu")
    child.send("\t")  # the menu names the editor it would use: this used to be a traceback
    child.expect(r"l'éditeur \(editor\)")
    child.send("e\r")
    child.expect("ne se lit pas comme une commande")
    child.expect("Éditeur utilisé : editor")
    child.expect("écrit dans l’éditeur")  # back at the note, edited
    child.send(ESC_ENTER)
    child.expect("Question 2/3")
    child.expect("Tab : menu")
    child.send("\x18\x05")  # Ctrl-X Ctrl-E in the note: prompt_toolkit's own key died here too
    child.expect("Éditeur utilisé : editor")
    child.expect("écrit dans l’éditeur")
    child.send(ESC_ENTER)
    child.expect("Question 3/3")
    child.expect("Tab : menu")
    assert interrupted(child) == 130
    answers = read(tmp_path / "e.json")["answers"]
    assert {k: a["notes"] for k, a in answers.items()} == {
        Q1: "écrit dans l’éditeur",
        Q2: "écrit dans l’éditeur",
    }
