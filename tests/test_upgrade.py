"""Format versions: a v1 interview file, kept in the tests, loads in this and every later version.

`tests/data/v1/gouvernance.json` was written by format 1's code and is never regenerated
(its SHA-256 is pinned below); each reader must accept it: `read`, `check`, `export`,
`status` and a scripted `--resume`, which carries it on in the current format.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tests.helpers import Invoke
from visitguide.errors import InterviewFileError
from visitguide.interview import file as ifile

V1 = Path(__file__).parent / "data" / "v1"
V1_FILE = V1 / "gouvernance.json"
V1_BANK = V1 / "bank"
V1_SHA256 = "e3a1506e362b6b459f793b5d69b0c5d6a9c227bf0645211d6a86076ca8b4d503"
NOTES = {
    "audit-securite-numerique": "Plan d'actions à 6, 12 et 18 mois : 14 actions, 9 soldées.",
    "exercice-crise-cyber": "retour d'expérience écrit — 12 actions.",
    "referents-securite-si": "Référents nommés dans 8 pôles sur 11",
    "sensibilisation-plan-formation": "Formation « <script> » en e-learning 😀.",
}


def test_the_v1_file_is_the_one_written_by_format_1() -> None:
    """Never regenerate it: a later version must read the old bytes, not new ones."""
    assert hashlib.sha256(V1_FILE.read_bytes()).hexdigest() == V1_SHA256
    assert json.loads(V1_FILE.read_text(encoding="utf-8"))["format_version"] == 1


def test_the_v1_file_loads_with_everything_it_holds() -> None:
    interview = ifile.read(V1_FILE)
    assert interview.format_version == ifile.FORMAT_VERSION
    assert interview.id == "98f3e724-e68d-487a-a7c5-5dbb1769ade0"
    assert interview.audience == "gouvernance" and interview.status == "completed"
    assert interview.context.interviewee_role == "DSI et RSSI"
    statuses = {qid: a.status.value for qid, a in interview.answers.items()}
    assert statuses == {
        "audit-securite-numerique": "answered",
        "exercice-crise-cyber": "answered",
        "plan-blanc-pca-pra": "skipped",
        "referents-securite-si": "revisit",
        "sensibilisation-plan-formation": "answered",
    }
    for qid, fragment in NOTES.items():
        assert fragment in interview.answers[qid].notes
    assert [(e.document, e.state) for e in interview.answers["audit-securite-numerique"].evidence] == [
        ("Rapport d'audit 2025", "vu"),
        ("Plan d'actions (version 3)", "vu"),
    ]
    assert {c: r.rating.value for c, r in interview.checkpoints.items()} == {
        "plan-actions-evolution-sih": "oui",
        "exercices-crise-cyber": "oui",
        "audits-annuaires-exposition-internet": "non",
        "veille-securite-numerique": "na",
    }
    [added] = interview.added_questions
    assert (added.id, added.status, added.criteria) == (
        "perso-1-98f3e724",
        ifile.AnswerStatus.answered,
        ["3.6-02"],
    )


def test_check_finds_the_v1_file_clean_against_its_own_guide(cli: Invoke) -> None:
    result = cli("check", V1, "--bank", V1_BANK)
    assert result.exit_code == 0, result.stdout
    assert "aucun identifiant personnel, aucun fichier endommagé" in result.stdout


def test_check_finds_no_damage_in_the_v1_file_against_todays_guide(cli: Invoke) -> None:
    """Today's bundled guide may have changed since (then check says so, and only that)."""
    result = cli("check", V1_FILE)
    findings = [line for line in result.stdout.splitlines() if line.startswith(str(V1_FILE))]
    assert all("a changé depuis l'entretien" in line for line in findings), findings
    assert result.exit_code == (1 if findings else 0)


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_the_v1_file_exports_with_every_note(cli: Invoke, fmt: str) -> None:
    result = cli("export", V1_FILE, "--format", fmt)
    assert result.exit_code == 0, result.stderr
    text = result.stdout if fmt != "json" else json.dumps(json.loads(result.stdout), ensure_ascii=False)
    for fragment in ("14 actions, 9 soldées", "retour d'expérience écrit", "8 pôles sur 11", "e-learning 😀"):
        assert fragment in text, fragment
    assert "Comment les sauvegardes hors ligne sont-elles testées ?" in text


def test_the_v1_file_shows_in_status(cli: Invoke) -> None:
    result = cli("status", V1_FILE)
    assert result.exit_code == 0, result.stderr
    assert "3.6-02" in result.stdout


def test_a_scripted_resume_carries_a_v1_file_on_in_the_current_format(cli: Invoke, tmp_path: Path) -> None:
    copy = tmp_path / "gouvernance.json"
    shutil.copyfile(V1_FILE, copy)
    (tmp_path / "r.yaml").write_text(
        "answers:\n  incident-securite-declaration: {notes: Déclarations faites à l'ARS.}\n", encoding="utf-8"
    )
    result = cli("interview", "--answers", "r.yaml", "--resume", copy)
    assert result.exit_code == 0, result.stderr
    data = json.loads(copy.read_text(encoding="utf-8"))
    assert data["format_version"] == ifile.FORMAT_VERSION
    resumed = ifile.read(copy)
    assert resumed.id == ifile.read(V1_FILE).id
    assert resumed.answers["incident-securite-declaration"].notes == "Déclarations faites à l'ARS."
    for qid, fragment in NOTES.items():
        assert fragment in resumed.answers[qid].notes


@pytest.mark.parametrize(
    ("version", "message"),
    [
        (
            ifile.FORMAT_VERSION + 1,
            "fichier écrit par une version plus récente de visitguide (format 3 ; cette version "
            "lit jusqu'au format 2) : mettez visitguide à jour",
        ),
        (0, "version de format inconnue : 0"),
        (-1, "version de format inconnue : -1"),
        ("1", "version de format inconnue : '1'"),
        (1.0, "version de format inconnue : 1.0"),
        (True, "version de format inconnue : True"),
        (None, "version de format inconnue : None"),
    ],
)
def test_format_version_is_checked_on_read(tmp_path: Path, version: object, message: str) -> None:
    data = json.loads(V1_FILE.read_text(encoding="utf-8"))
    data["format_version"] = version
    path = tmp_path / "e.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InterviewFileError) as raised:
        ifile.read(path)
    assert raised.value.message == f"{path}: {message}"


def test_a_missing_format_version_is_refused(tmp_path: Path) -> None:
    data = json.loads(V1_FILE.read_text(encoding="utf-8"))
    del data["format_version"]
    with pytest.raises(InterviewFileError, match="version de format inconnue : None"):
        ifile.upgrade(data, "e.json")


def test_upgrade_returns_a_current_file_unchanged() -> None:
    data = ifile.upgrade(json.loads(V1_FILE.read_text(encoding="utf-8")), "e.json")
    assert data["format_version"] == ifile.FORMAT_VERSION == 2
    assert ifile.upgrade(dict(data), "e.json") == data


def test_v1_upgrades_evidence_and_added_question_ids_in_memory_only(tmp_path: Path) -> None:
    """v1 -> v2: documents become {document, state: vu}; added ids get the interview's short id."""
    raw = json.loads(V1_FILE.read_text(encoding="utf-8"))
    raw["added_questions"] = [{"id": "perso-1", "text": "Qui pilote la PSSI ?", "evidence": ["Note"]}]
    path = tmp_path / "v1.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    before = path.read_bytes()
    interview = ifile.read(path)
    assert interview.format_version == 2
    assert interview.added_questions[0].id == "perso-1-98f3e724"
    assert [(e.document, e.state) for e in interview.added_questions[0].evidence] == [("Note", "vu")]
    assert path.read_bytes() == before  # never rewritten unasked
