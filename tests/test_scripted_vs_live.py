"""A scripted run writes the same interview file as the same interview typed in the live
interview (driven by the issue-3 `StandInAsker`): ids and timestamps aside."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console

from tests.helpers import Invoke, comparable
from visitguide.interview import live
from visitguide.interview.asker import Picked
from visitguide.interview.stand_in import ENTER, ESC, Menu, StandInAsker

CONTEXT = {
    "establishment": "CH Exemple",
    "sector": "Direction",
    "interviewee_role": "DSI",
    "visitor": "EV-12",
    "date": "2026-11-29",
}

# What the visitor types, prompt after prompt, in the live interview of the governance.
TYPED: list[object] = [
    Menu("Audit AD fait en 2025."),  # Q1: the note, then Tab for the menu
    "evidence",
    Picked("d:Rapport d'audit de sécurité numérique", "vu"),  # v: seen
    ESC,  # back at the note
    ENTER,  # submitted as it is
    Menu(""),  # Q2: nothing said
    "skip",
    Menu("Volet cyber à compléter"),  # Q3
    "flag",
    "Deux référents formés.",  # Q4, Q5: the note and Esc Enter
    "Campagne annuelle.",
    Menu(""),  # Q6: a question of the visitor's own first
    "add",
    "Qui pilote la PSSI ?",
    ["3.6-02"],
    "Le RSSI.",
    "Incident déclaré au CERT Santé.",  # back at Q6
    "checkpoints",  # the end menu
    "exercices-crise-cyber",
    "oui",
    "Exercice de mars.",
    "veille-securite-numerique",
    "non",
    "",
    ":back",
    "finish",
    False,  # do not rate the other checkpoints now
]

# The same interview as an answers file.
ANSWERS = """\
audience: gouvernance
context:
  establishment: CH Exemple
  sector: Direction
  interviewee_role: DSI
  visitor: EV-12
  date: 2026-11-29
answers:
  audit-securite-numerique:
    notes: Audit AD fait en 2025.
    evidence: [Rapport d'audit de sécurité numérique]
  exercice-crise-cyber: {status: skipped}
  plan-blanc-pca-pra: {notes: Volet cyber à compléter, status: revisit}
  referents-securite-si: {notes: Deux référents formés.}
  sensibilisation-plan-formation: {notes: Campagne annuelle.}
  incident-securite-declaration: {notes: Incident déclaré au CERT Santé.}
checkpoints:
  exercices-crise-cyber: {rating: oui, comment: Exercice de mars.}
  veille-securite-numerique: {rating: non}
added_questions:
  - {text: Qui pilote la PSSI ?, criteria: ["3.6-02"], notes: Le RSSI.}
"""


def type_interview(out: Path) -> StandInAsker:
    asker = StandInAsker(TYPED)
    console = Console(file=io.StringIO(), width=200, no_color=True)
    code = live.run("risques-numeriques", "gouvernance", out, None, CONTEXT, [], asker=asker, console=console)
    assert code == 0
    assert asker.remaining == 0
    return asker


def test_a_scripted_run_equals_the_typed_interview(cli: Invoke, tmp_path: Path) -> None:
    type_interview(tmp_path / "tape.json")
    (tmp_path / "r.yaml").write_text(ANSWERS, encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--out", "script.json")
    assert result.exit_code == 0, result.stderr
    typed, scripted = comparable(tmp_path / "tape.json"), comparable(tmp_path / "script.json")
    assert typed["status"] == "completed"
    assert (
        len(typed["answers"]) == 6 and len(typed["checkpoints"]) == 2 and len(typed["added_questions"]) == 1
    )
    assert scripted == typed
    assert json.loads((tmp_path / "tape.json").read_text())["format_version"] == 2
    assert (tmp_path / "script.json").stat().st_mode & 0o777 == (
        tmp_path / "tape.json"
    ).stat().st_mode & 0o777


def test_resuming_a_typed_interview_with_an_answers_file(cli: Invoke, tmp_path: Path) -> None:
    """Half typed, half scripted: the answers file carries on the typed file."""
    type_interview(tmp_path / "e.json")
    more = "answers:\n  exercice-crise-cyber: {notes: Exercice fait en mars.}\n"
    (tmp_path / "m.yaml").write_text(more, encoding="utf-8")
    result = cli("interview", "--answers", "m.yaml", "--resume", "e.json")
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data["answers"]["exercice-crise-cyber"]["status"] == "answered"
    assert data["answers"]["exercice-crise-cyber"]["notes"] == "Exercice fait en mars."
    assert data["answers"]["audit-securite-numerique"]["notes"] == "Audit AD fait en 2025."
    assert data["added_questions"][0]["id"] == f"perso-1-{data['id'][:8]}"
