"""`interview --answers`: an answers file becomes the interview file a typed interview writes.

Every refusal names the file and the line, exits 2 and writes nothing.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

from tests.bankfactory import write_guide
from tests.helpers import Invoke, comparable, documents
from visitguide.bank import loader as bank
from visitguide.interview import file as ifile

GUIDE = "risques-numeriques"


def guide() -> bank.Guide:
    return bank.resolve(GUIDE)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def files_under(folder: Path) -> list[str]:
    """Every file below `folder`, relative, sorted (the answers files aside)."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if p.is_file() and p.suffix not in (".yaml", ".yml", ".txt") and ".cache" not in p.parts
    )


def full_gouvernance() -> str:
    """An answers file answering every gouvernance question and rating every checkpoint."""
    g = guide()
    lines = [
        "audience: gouvernance",
        "context:",
        "  establishment: CH Exemple",
        "  sector: Direction",
        "  interviewee_role: Directeur des systèmes d'information",
        "  visitor: EV-12",
        "  date: 2026-11-29",
        "answers:",
    ]
    for i, q in enumerate(g.questions_for("gouvernance")):
        lines.append(f"  {q.id}:")
        lines.append(f'    notes: "Réponse {i} : plan à 6, 12 et 18 mois."')
        lines.append(f'    evidence: ["Document {i}"]')
    lines.append("checkpoints:")
    for i, c in enumerate(g.checkpoints_for("gouvernance")):
        rating = ("oui", "non", "na")[i % 3]
        lines.append(f"  {c.id}: {{rating: {rating}, comment: 'Vu le {i}.'}}")
    lines += [
        "added_questions:",
        '  - {text: "Qui pilote la PSSI ?", criteria: ["3.6-02"], notes: "Le RSSI."}',
    ]
    return "\n".join(lines) + "\n"


# --- what a scripted run writes ------------------------------------------------------------


def test_a_yaml_file_gives_a_complete_interview(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "reponses.yaml", full_gouvernance())
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert (
        "e.json (7/7 réponses, 0 passée(s), 0 à revoir, 15 point(s) coté(s), statut : terminé)"
        in result.stdout
    )
    interview = ifile.read(tmp_path / "e.json")
    g = guide()
    assert interview.status == "completed"
    assert interview.audience == "gouvernance"
    assert interview.guide.id == GUIDE and interview.guide.digest == g.digest
    assert interview.context.model_dump() == {
        "establishment": "CH Exemple",
        "sector": "Direction",
        "interviewee_role": "Directeur des systèmes d'information",
        "visitor": "EV-12",
        "date": "2026-11-29",
    }
    assert list(interview.answers) == [q.id for q in g.questions_for("gouvernance")]
    first = interview.answers["audit-securite-numerique"]
    assert (first.status, first.notes, documents(first.evidence)) == (
        "answered",
        "Réponse 0 : plan à 6, 12 et 18 mois.",
        ["Document 0"],
    )
    assert len(interview.checkpoints) == len(g.checkpoints_for("gouvernance")) == 15
    assert interview.checkpoints["plan-actions-evolution-sih"].rating == "oui"
    assert interview.checkpoints["exercices-crise-cyber"].comment == "Vu le 1."
    [added] = interview.added_questions
    assert (added.id, added.text, added.criteria, added.status, added.notes) == (
        f"perso-1-{interview.short_id}",
        "Qui pilote la PSSI ?",
        ["3.6-02"],
        "answered",
        "Le RSSI.",
    )
    assert (tmp_path / "e.json").stat().st_mode & 0o777 == 0o600


def test_without_out_the_file_goes_to_entretiens_like_a_live_interview(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", full_gouvernance())
    result = cli("interview", "--answers", answers)
    assert result.exit_code == 0, result.stderr
    [name] = os.listdir(tmp_path / "entretiens")
    assert re.fullmatch(r"2026-11-29-gouvernance-[0-9a-f]{8}\.json", name)
    assert f"entretiens/{name}" in result.stdout
    interview = ifile.read(tmp_path / "entretiens" / name)
    assert name.endswith(interview.id[:8] + ".json")
    assert (tmp_path / "entretiens").stat().st_mode & 0o777 == 0o700


def test_json_and_yaml_give_the_same_file(cli: Invoke, tmp_path: Path) -> None:
    import yaml

    text = full_gouvernance()
    data = yaml.safe_load(text)
    data["context"]["date"] = "2026-11-29"
    write(tmp_path / "r.yaml", text)
    write(tmp_path / "r.json", json.dumps(data, ensure_ascii=False, indent=1))
    write(tmp_path / "r-json.txt", json.dumps(data))  # no suffix to go by: the content says JSON
    write(tmp_path / "r-yaml.txt", text)
    for name, out in (
        ("r.yaml", "a.json"),
        ("r.json", "b.json"),
        ("r-json.txt", "c.json"),
        ("r-yaml.txt", "d.json"),
    ):
        result = cli("interview", "--answers", tmp_path / name, "--out", out)
        assert result.exit_code == 0, (name, result.stderr)
    first = comparable(tmp_path / "a.json")
    for out in ("b.json", "c.json", "d.json"):
        assert comparable(tmp_path / out) == first


def test_statuses_skip_and_revisit_and_multiline_notes(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        """\
audience: technique
answers:
  regles-acces-si:
    notes: |
      Politique d'habilitation revue en 2025.
      Arrivées et départs : procédure RH.
    evidence: [Politique d'accès, " Politique d'accès ", ""]
  acces-distance-mobilite: {status: skipped}
  identification-professionnels-si: {notes: "À vérifier avec le RSSI.", status: revisit}
""",
    )
    result = cli("interview", "--answers", answers, "--out", "t.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "t.json")
    answers_written = {k: (a.status, a.notes, documents(a.evidence)) for k, a in interview.answers.items()}
    assert answers_written == {
        "regles-acces-si": (
            "answered",
            "Politique d'habilitation revue en 2025.\nArrivées et départs : procédure RH.",
            ["Politique d'accès"],
        ),
        "acces-distance-mobilite": ("skipped", "", []),
        "identification-professionnels-si": ("revisit", "À vérifier avec le RSSI.", []),
    }
    assert interview.status == "completed"  # no question left unasked


def test_empty_entries_are_not_asked_and_leave_the_interview_in_progress(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        """\
audience: gouvernance
context: {establishment: "", sector: "", date: ""}
answers:
  audit-securite-numerique:
  exercice-crise-cyber: {notes: "", evidence: []}
  plan-blanc-pca-pra: {notes: "Volet cyber du plan blanc."}
checkpoints:
  exercices-crise-cyber:
  veille-securite-numerique: {rating: , comment: ""}
""",
    )
    result = cli("interview", "--answers", answers, "--out", "g.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "g.json")
    assert list(interview.answers) == ["plan-blanc-pca-pra"]
    assert interview.checkpoints == {}
    assert interview.status == "in_progress"
    assert interview.context.date == ifile.today()
    assert interview.context.sector is None


def test_the_file_status_wins(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", full_gouvernance() + "status: in_progress\n")
    assert cli("interview", "--answers", answers, "--out", "a.json").exit_code == 0
    assert ifile.read(tmp_path / "a.json").status == "in_progress"
    partial = write(tmp_path / "p.yaml", "audience: technique\nstatus: completed\n")
    assert cli("interview", "--answers", partial, "--out", "b.json").exit_code == 0
    assert ifile.read(tmp_path / "b.json").status == "completed"


def test_command_line_options_override_the_file(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml", full_gouvernance().replace("audience: gouvernance", "audience: technique")
    )
    result = cli(
        "interview",
        "--answers",
        answers,
        "--audience",
        "gouvernance",
        "--establishment",
        "CHU Autre",
        "--date",
        "2026-12-01",
        "--out",
        "o.json",
    )
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "o.json")
    assert interview.audience == "gouvernance"
    assert interview.context.establishment == "CHU Autre"
    assert interview.context.date == "2026-12-01"
    assert interview.context.visitor == "EV-12"  # not overridden: from the file


def test_a_user_bank_guide(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "banque", "essai")
    answers = write(
        tmp_path / "r.yaml",
        """\
guide: essai
audience: terrain
context: {establishment: Clinique Essai, interviewee_role: IDE}
answers:
  question-terrain: {notes: "Vu sur le terrain.", evidence: [Un document]}
added_questions:
  - {text: "Et la nuit ?", criteria: ["1.1-02"], status: revisit}
""",
    )
    result = cli("interview", "--answers", answers, "--bank", tmp_path / "banque", "--out", "u.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "u.json")
    assert interview.guide.id == "essai"
    assert interview.answers["question-terrain"].notes == "Vu sur le terrain."
    assert interview.added_questions[0].status == "revisit"
    assert interview.status == "completed"
    # the checkpoint of the other audience is refused, naming its audience
    wrong = write(
        tmp_path / "w.yaml", "guide: essai\naudience: terrain\ncheckpoints:\n  point-un: {rating: oui}\n"
    )
    refused = cli("interview", "--answers", wrong, "--bank", tmp_path / "banque", "--out", "w.json")
    assert refused.exit_code == 2
    assert "w.yaml:4: le point de vérification « point-un » se vérifie avec le public « gouvernance »" in (
        refused.stderr
    )
    assert not (tmp_path / "w.json").exists()


def test_identifiers_in_notes_are_warned_about_not_refused(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        'audience: technique\nanswers:\n  regles-acces-si: {notes: "Voir jean.dupont@ch-exemple.fr"}\n',
    )
    result = cli("interview", "--answers", answers, "--out", "i.json")
    assert result.exit_code == 0
    assert "r.yaml:3: attention, la note semble contenir un identifiant personnel (adresse électronique)" in (
        result.stderr
    )
    assert (tmp_path / "i.json").exists()


# --- refusals: exit 2, a French message with the line, nothing written ---------------------

REFUSALS = {
    "unknown question": (
        "audience: gouvernance\nanswers:\n  audit-securite-numerque: {notes: x}\n",
        "r.yaml:3: question inconnue « audit-securite-numerque ». "
        "Vouliez-vous dire « audit-securite-numerique » ?",
    ),
    "unknown checkpoint": (
        "audience: gouvernance\ncheckpoints:\n  exercice-crise: {rating: oui}\n",
        "r.yaml:3: point de vérification inconnu « exercice-crise ». "
        "Vouliez-vous dire « exercices-crise-cyber » ?",
    ),
    "unknown checkpoint without rating": (
        "audience: gouvernance\ncheckpoints:\n  exercice-crise:\n",
        "r.yaml:3: point de vérification inconnu « exercice-crise ».",
    ),
    "question of another audience": (
        "audience: gouvernance\nanswers:\n  regles-acces-si: {notes: x}\n",
        "r.yaml:3: la question « regles-acces-si » est posée au public « technique », pas à « gouvernance »",
    ),
    "checkpoint of another audience": (
        "audience: gouvernance\ncheckpoints:\n  connaissance-referent-securite: {rating: oui}\n",
        "r.yaml:3: le point de vérification « connaissance-referent-securite » se vérifie avec le public "
        "« professionnels », pas « gouvernance »",
    ),
    "rating outside oui/non/na": (
        "audience: gouvernance\ncheckpoints:\n  exercices-crise-cyber: {rating: peut-être}\n",
        "r.yaml:3: cotation « peut-être » invalide : oui, non ou na",
    ),
    "rating that YAML reads as a boolean": (
        "audience: gouvernance\ncheckpoints:\n  exercices-crise-cyber:\n    rating: no\n",
        "r.yaml:4: « rating » doit être un texte : mettez la valeur entre guillemets",
    ),
    "notes that are a number": (
        "audience: technique\nanswers:\n  regles-acces-si:\n    notes: 42\n",
        "r.yaml:4: « notes » doit être un texte : mettez la valeur entre guillemets",
    ),
    "evidence that is not a list": (
        "audience: technique\nanswers:\n  regles-acces-si:\n    evidence: Politique\n",
        "r.yaml:4: « evidence » doit être une liste",
    ),
    "an answer that is not a mapping": (
        "audience: technique\nanswers:\n  regles-acces-si: Politique vue\n",
        "r.yaml:3: « regles-acces-si » doit être un dictionnaire (clé : valeur)",
    ),
    "answers that are a list": (
        "audience: technique\nanswers:\n  - regles-acces-si\n",
        "r.yaml:3: « answers » doit être un dictionnaire (clé : valeur)",
    ),
    "unknown key at the top": (
        "audience: technique\nreponses: {}\n",
        "r.yaml:2: clé inconnue « reponses » (clés possibles : guide, audience, status, context, answers, "
        "checkpoints, added_questions).",
    ),
    "unknown key in an answer": (
        "audience: technique\nanswers:\n  regles-acces-si:\n    note: x\n",
        "r.yaml:4: clé inconnue « note » (clés possibles : notes, evidence, status). "
        "Vouliez-vous dire « notes » ?",
    ),
    "unknown key in the context": (
        "audience: technique\ncontext:\n  role: DSI\n",
        "r.yaml:3: clé inconnue « role »",
    ),
    "bad answer status": (
        "audience: technique\nanswers:\n  regles-acces-si: {status: done}\n",
        "r.yaml:3: statut « done » invalide (attendu : answered, skipped, revisit)",
    ),
    "bad interview status": (
        "audience: technique\nstatus: fini\n",
        "r.yaml:2: statut d'entretien « fini » invalide (attendu : completed, in_progress)",
    ),
    "bad date": (
        "audience: technique\ncontext: {date: 29/11/2026}\n",
        "r.yaml:2: date « 29/11/2026 » invalide : attendu AAAA-MM-JJ",
    ),
    "comment without rating": (
        "audience: gouvernance\ncheckpoints:\n  exercices-crise-cyber: {comment: Vu}\n",
        "r.yaml:3: commentaire sans cotation pour « exercices-crise-cyber »",
    ),
    "added question with an unknown criterion": (
        "audience: technique\nadded_questions:\n  - {text: Et alors ?, criteria: ['3.6-99']}\n",
        "r.yaml:3: critère inconnu « 3.6-99 ».",
    ),
    "added question without text": (
        "audience: technique\nadded_questions:\n  - {notes: x}\n",
        "r.yaml:3: clé obligatoire manquante : « text »",
    ),
    "unknown audience": (
        "audience: gouvernanse\n",
        "r.yaml:1: public inconnu « gouvernanse ». Vouliez-vous dire « gouvernance » ?",
    ),
    "unknown guide": (
        "guide: risques-numerique\naudience: technique\n",
        "r.yaml:1: guide inconnu « risques-numerique ». Vouliez-vous dire « risques-numeriques » ?",
    ),
    "broken YAML": (
        "audience: technique\nanswers:\n  regles-acces-si: {notes: x\n",
        "r.yaml:4: syntaxe YAML invalide",
    ),
    "YAML tag": (
        "audience: technique\nanswers:\n  regles-acces-si: !!python/object:os.system {notes: x}\n",
        "r.yaml:3: étiquette YAML « !!python/object:os.system » interdite",
    ),
    "YAML alias": (
        "audience: technique\nanswers:\n  regles-acces-si: &a {notes: x}\n  acces-distance-mobilite: *a\n",
        "r.yaml:4: ancres et alias YAML (& et *) interdits",
    ),
    "duplicate key": (
        "audience: technique\naudience: gouvernance\n",
        "r.yaml:2: clé « audience » en double",
    ),
    "a list instead of a mapping": (
        "- audience: technique\n",
        "r.yaml:1: « document » doit être un dictionnaire (clé : valeur)",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refusals(cli: Invoke, tmp_path: Path, case: str) -> None:
    text, message = REFUSALS[case]
    answers = write(tmp_path / "r.yaml", text)
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 2, result.stdout
    assert message in result.stderr
    assert "rien n'a été écrit" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert files_under(tmp_path) == []


def test_without_out_a_refusal_creates_no_folder(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", REFUSALS["unknown question"][0])
    assert cli("interview", "--answers", answers).exit_code == 2
    assert not (tmp_path / "entretiens").exists()


def test_every_problem_is_reported_at_once_in_line_order(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        """\
audience: gouvernance
context: {establishment: CH Exemple, role: DSI}
answers:
  audit-securite-numerque: {notes: "x"}
  regles-acces-si: {notes: "x"}
  exercice-crise-cyber: {notes: 42, evidnce: []}
  plan-blanc-pca-pra: {notes: "Bien."}
checkpoints:
  exercices-crise-cyber: {rating: peut-être}
  exercice-crise: {rating: oui}
  veille-securite-numerique: {rating: oui}
status: fini
""",
    )
    result = cli("interview", "--answers", answers.name, "--out", "e.json")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("r.yaml:")]
    assert [int(line.split(":")[1]) for line in lines] == [2, 4, 5, 6, 6, 9, 10, 12]
    assert "fichier de réponses refusé (8 problème(s)) ; rien n'a été écrit" in result.stderr
    assert files_under(tmp_path) == []


def test_json_refusals_name_the_line(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.json",
        '{\n  "audience": "gouvernance",\n  "answers": {\n'
        '    "audit-securite-numerque": {"notes": "x"}\n  }\n}\n',
    )
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 2
    assert "r.json:4: question inconnue « audit-securite-numerque »" in result.stderr
    broken = write(tmp_path / "b.json", '{\n  "audience": "gouvernance",\n  "answers": {\n}\n')
    result = cli("interview", "--answers", broken, "--out", "e.json")
    assert result.exit_code == 2
    assert "b.json:5: JSON invalide" in result.stderr
    duplicate = write(tmp_path / "d.json", '{"audience": "technique", "audience": "gouvernance"}')
    result = cli("interview", "--answers", duplicate, "--out", "e.json")
    assert result.exit_code == 2
    assert "clé « audience » en double" in result.stderr
    nan = write(tmp_path / "n.json", '{"audience": "technique", "status": NaN}')
    assert cli("interview", "--answers", nan, "--out", "e.json").exit_code == 2
    number = write(
        tmp_path / "x.json", '{"audience": "technique", "answers": {"regles-acces-si": {"notes": 1e5}}}'
    )
    result = cli("interview", "--answers", number, "--out", "e.json")
    assert result.exit_code == 2
    assert "« notes » doit être un texte" in result.stderr
    assert files_under(tmp_path) == ["b.json", "d.json", "n.json", "r.json", "x.json"]


def test_unreadable_files_are_refused(cli: Invoke, tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("audience: technique\n# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    result = cli("interview", "--answers", big, "--out", "e.json")
    assert result.exit_code == 2
    assert "big.yaml: fichier trop volumineux" in result.stderr
    latin = tmp_path / "latin.yaml"
    latin.write_bytes("audience: technique\ncontext: {establishment: Hôpital}\n".encode("latin-1"))
    result = cli("interview", "--answers", latin, "--out", "e.json")
    assert result.exit_code == 2
    assert "latin.yaml:2: octets invalides" in result.stderr
    result = cli("interview", "--answers", tmp_path / "absent.yaml", "--out", "e.json")
    assert result.exit_code == 2
    assert "absent.yaml: fichier introuvable" in result.stderr
    assert not (tmp_path / "e.json").exists()


def test_the_audience_is_required_from_the_file_or_the_command_line(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", "context: {establishment: CH}\n")
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 2
    assert "public à préciser : --audience, ou la clé « audience »" in result.stderr
    assert "gouvernance, technique, professionnels" in result.stderr
    assert cli("interview", "--answers", answers, "-a", "technique", "--out", "e.json").exit_code == 0


def test_an_existing_out_file_is_never_overwritten(cli: Invoke, tmp_path: Path) -> None:
    existing = write(tmp_path / "e.json", "précieux")
    answers = write(tmp_path / "r.yaml", "audience: technique\n")
    result = cli("interview", "--answers", answers, "--out", existing)
    assert result.exit_code == 2
    assert "existe déjà" in result.stderr and "--resume" in result.stderr
    assert existing.read_text(encoding="utf-8") == "précieux"


def test_a_bad_date_option_is_refused(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", "audience: technique\n")
    result = cli("interview", "--answers", answers, "--date", "demain", "--out", "e.json")
    assert result.exit_code == 2
    assert "date « demain » invalide" in result.stderr
    assert not (tmp_path / "e.json").exists()


# Python's ISO parser reads these; the live interview refuses them, and so do scripted runs.
@pytest.mark.parametrize("value", ["20261129", "2026-W48-1"])
def test_dates_only_python_reads_are_refused(cli: Invoke, tmp_path: Path, value: str) -> None:
    answers = write(tmp_path / "r.yaml", f'audience: technique\ncontext: {{date: "{value}"}}\n')
    in_file = cli("interview", "--answers", answers, "--out", "e.json")
    assert in_file.exit_code == 2
    assert f"r.yaml:2: date « {value} » invalide : attendu AAAA-MM-JJ" in in_file.stderr
    plain = write(tmp_path / "s.yaml", "audience: technique\n")
    option = cli("interview", "--answers", plain, "--date", value, "--out", "e.json")
    assert option.exit_code == 2
    assert f"--date: date « {value} » invalide" in option.stderr
    assert not (tmp_path / "e.json").exists()


def test_an_out_folder_is_named_as_a_folder(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", "audience: technique\n")
    (tmp_path / "visite").mkdir()
    result = cli("interview", "--answers", answers, "--out", "visite")
    assert result.exit_code == 2
    assert "--out visite est un dossier" in result.stderr
    assert "existe déjà" not in result.stderr
    assert list((tmp_path / "visite").iterdir()) == []


# --- --resume: adding to an existing interview ------------------------------------------------


def test_resume_adds_to_the_interview_and_keeps_what_is_not_given(cli: Invoke, tmp_path: Path) -> None:
    first = write(
        tmp_path / "un.yaml",
        """\
audience: technique
context: {establishment: CH Exemple, interviewee_role: RSSI}
answers:
  regles-acces-si: {notes: "Procédure d'habilitation.", evidence: [Procédure]}
""",
    )
    assert cli("interview", "--answers", first, "--out", "t.json").exit_code == 0
    before = ifile.read(tmp_path / "t.json")
    assert before.status == "in_progress"
    second = write(
        tmp_path / "deux.yaml",
        """\
audience: technique
context: {visitor: EV-3}
answers:
  regles-acces-si: {status: revisit}
  acces-distance-mobilite: {notes: "VPN avec second facteur."}
  identification-professionnels-si: {status: skipped}
""",
    )
    result = cli("interview", "--answers", second, "--resume", "t.json", "--role", "DSI")
    assert result.exit_code == 0, result.stderr
    after = ifile.read(tmp_path / "t.json")
    assert after.id == before.id and after.started_at == before.started_at
    kept = after.answers["regles-acces-si"]
    assert (kept.status, kept.notes, documents(kept.evidence)) == (
        "revisit",
        "Procédure d'habilitation.",
        ["Procédure"],
    )
    assert after.answers["acces-distance-mobilite"].notes == "VPN avec second facteur."
    assert after.answers["identification-professionnels-si"].status == "skipped"
    assert after.context.establishment == "CH Exemple"
    assert after.context.visitor == "EV-3"
    assert after.context.interviewee_role == "DSI"
    assert after.status == "completed"
    assert (tmp_path / "t.json").stat().st_mode & 0o777 == 0o600


def test_a_refused_resume_leaves_the_file_untouched(cli: Invoke, tmp_path: Path) -> None:
    assert (
        cli(
            "interview", "--answers", write(tmp_path / "a.yaml", "audience: technique\n"), "--out", "t.json"
        ).exit_code
        == 0
    )
    before = (tmp_path / "t.json").read_bytes()
    stamp = (tmp_path / "t.json").stat().st_mtime_ns
    bad = write(
        tmp_path / "b.yaml",
        "answers:\n  acces-distance-mobilite: {notes: ok}\n  regles-acces: {notes: x}\n",
    )
    result = cli("interview", "--answers", bad, "--resume", "t.json")
    assert result.exit_code == 2
    assert (
        "b.yaml:3: question inconnue « regles-acces ». Vouliez-vous dire « regles-acces-si » ?"
        in result.stderr
    )
    assert (tmp_path / "t.json").read_bytes() == before
    assert (tmp_path / "t.json").stat().st_mtime_ns == stamp
    other = write(tmp_path / "c.yaml", "audience: gouvernance\n")
    result = cli("interview", "--answers", other, "--resume", "t.json")
    assert result.exit_code == 2
    assert (
        "c.yaml:1: public « gouvernance » demandé, mais l'entretien repris est celui du public « technique »"
        in (result.stderr)
    )
    result = cli("interview", "--answers", bad, "--resume", "t.json", "--out", "x.json")
    assert result.exit_code == 2
    assert (tmp_path / "t.json").read_bytes() == before
    assert not (tmp_path / "x.json").exists()


def test_resume_waits_for_no_one_when_the_file_is_open_elsewhere(cli: Invoke, tmp_path: Path) -> None:
    assert (
        cli(
            "interview", "--answers", write(tmp_path / "a.yaml", "audience: technique\n"), "--out", "t.json"
        ).exit_code
        == 0
    )
    before = (tmp_path / "t.json").read_bytes()
    more = write(tmp_path / "b.yaml", "answers:\n  regles-acces-si: {notes: ok}\n")
    with ifile.Lock(tmp_path / "t.json"):
        result = cli("interview", "--answers", more, "--resume", "t.json")
    assert result.exit_code == 2
    assert "déjà ouvert par un autre processus" in result.stderr
    assert (tmp_path / "t.json").read_bytes() == before


# --- no input reaches a traceback ----------------------------------------------------------

KEYS = [
    "guide",
    "audience",
    "status",
    "context",
    "answers",
    "checkpoints",
    "added_questions",
    "notes",
    "evidence",
    "rating",
    "comment",
    "text",
    "criteria",
    "date",
    "regles-acces-si",
    "exercices-crise-cyber",
    "technique",
    "gouvernance",
    "oui",
    "x",
]


def _values() -> Any:
    from hypothesis import strategies as st

    scalars = (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False)
        | st.sampled_from(KEYS)
        | st.text(max_size=8)
    )
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=3)
            | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=5), inner, max_size=4)
        ),
        max_leaves=12,
    )


@pytest.mark.slow
def test_no_answers_file_reaches_a_traceback(tmp_path: Path) -> None:
    """Random data in the shape of an answers file: written (0) or refused (2), never a crash."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from typer.testing import CliRunner

    from visitguide.cli.app import app

    runner = CliRunner()
    counter = iter(range(10**6))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.dictionaries(st.sampled_from(KEYS), _values(), max_size=5), st.booleans())
    def check(data: dict[str, Any], as_json: bool) -> None:
        import yaml

        n = next(counter)
        path = tmp_path / (f"r{n}.json" if as_json else f"r{n}.yaml")
        text = json.dumps(data) if as_json else yaml.safe_dump(data, allow_unicode=True)
        path.write_text(text, encoding="utf-8")
        result = runner.invoke(
            app, ["interview", "--answers", str(path), "--out", str(tmp_path / f"o{n}.json")]
        )
        assert result.exit_code in (0, 2), (text, result.stdout, result.stderr, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), text
        assert (tmp_path / f"o{n}.json").exists() == (result.exit_code == 0)

    check()


def test_the_readme_example_is_accepted(cli: Invoke, tmp_path: Path) -> None:
    from tests.helpers import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Répétitions, entretiens scriptés et trame papier", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    write(tmp_path / "r.yaml", example)
    result = cli("interview", "--answers", "r.yaml", "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "e.json")
    assert interview.status == "in_progress"
    assert interview.added_questions[0].criteria == ["3.6-02"]


def test_an_empty_file_is_refused(cli: Invoke, tmp_path: Path) -> None:
    for name, text in (("vide.yaml", ""), ("commentaires.yaml", "# rien\n"), ("vide.json", "")):
        write(tmp_path / name, text)
        result = cli("interview", "--answers", name, "-a", "technique", "--out", "e.json")
        assert result.exit_code == 2, name
        assert name in result.stderr
        assert not (tmp_path / "e.json").exists()
    assert (
        "vide.yaml: fichier de réponses vide"
        in cli("interview", "--answers", "vide.yaml", "-a", "technique").stderr
    )


def test_thousands_of_mistakes_give_a_short_report(cli: Invoke, tmp_path: Path) -> None:
    lines = "".join(f"  inconnue-{i}: {{notes: x}}\n" for i in range(2000))
    write(tmp_path / "r.yaml", f"audience: technique\nanswers:\n{lines}")
    result = cli("interview", "--answers", "r.yaml", "--out", "e.json")
    assert result.exit_code == 2
    report = result.stderr.splitlines()
    assert "fichier de réponses refusé (2000 problème(s))" in report[0]
    assert sum("question inconnue « inconnue-" in line for line in report) == 100
    assert report[1].startswith("r.yaml:3: question inconnue « inconnue-0 »")
    assert report[-1] == "… et 1900 autre(s) problème(s) : corrigez d'abord ceux-ci"
    assert not (tmp_path / "e.json").exists()


def test_format_2_documents_asked_for_and_rating_basis(cli: Invoke, tmp_path: Path) -> None:
    """An evidence item is a string (seen) or {document, state}; a rating may say its basis."""
    answers = write(
        tmp_path / "r.yaml",
        """\
audience: gouvernance
answers:
  audit-securite-numerique:
    notes: Audit fait.
    evidence: [Rapport d'audit, {document: Plan d'actions, state: demande}, {document: PSSI}]
checkpoints:
  exercices-crise-cyber: {rating: oui, basis: document}
  plan-actions-evolution-sih: {rating: non}
""",
    )
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert data["answers"]["audit-securite-numerique"]["evidence"] == [
        {"document": "Rapport d'audit", "state": "vu"},
        {"document": "Plan d'actions", "state": "demande"},
        {"document": "PSSI", "state": "vu"},
    ]
    assert data["checkpoints"]["exercices-crise-cyber"]["basis"] == "document"
    assert data["checkpoints"]["plan-actions-evolution-sih"]["basis"] == "entretien"


def test_format_2_bad_state_and_basis_are_refused_with_their_line(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        """\
audience: gouvernance
answers:
  audit-securite-numerique: {evidence: [{document: Plan, state: lu}]}
checkpoints:
  exercices-crise-cyber: {rating: oui, basis: rumeur}
""",
    )
    result = cli("interview", "--answers", answers, "--out", "e.json")
    assert result.exit_code == 2
    assert "r.yaml:3:" in result.stderr and "état de document « lu » invalide" in result.stderr
    assert "r.yaml:5:" in result.stderr and "base de cotation « rumeur » invalide" in result.stderr
    assert not (tmp_path / "e.json").exists()


# --- issue 11, point 4: every free-text field is checked, context included ----------------

ROLE = "Directeur, joignable au 06 12 34 56 78"
ROLE_WARNING = (
    "attention, le champ « fonction de la personne interrogée » semble contenir un identifiant "
    "personnel : numéro de téléphone « 06 •• •• •• •• » ; vérifiez-le"
)


def test_an_identifier_in_the_context_is_warned_about_masked(cli: Invoke, tmp_path: Path) -> None:
    answers = write(
        tmp_path / "r.yaml",
        "audience: gouvernance\ncontext:\n  establishment: CH Exemple\n"
        f"  interviewee_role: {ROLE}\nanswers: {{}}\n",
    )
    result = cli("interview", "--answers", answers, "--out", "i.json")
    assert result.exit_code == 0, result.stderr
    assert f"r.yaml:4: {ROLE_WARNING}" in " ".join(result.stderr.split())
    assert "12 34 56 78" not in result.stderr
    assert ifile.read(tmp_path / "i.json").context.interviewee_role == ROLE  # a warning, not a refusal


def test_an_identifier_in_a_context_option_is_warned_about_masked(cli: Invoke, tmp_path: Path) -> None:
    answers = write(tmp_path / "r.yaml", "audience: gouvernance\nanswers: {}\n")
    result = cli(
        "interview", "--answers", answers, "--out", "i.json", "--role", ROLE, "--visitor", "a.b@has.fr"
    )
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert f"--role: {ROLE_WARNING}" in said
    assert "--visitor: attention, le champ « expert-visiteur » semble contenir" in said
    assert "12 34 56 78" not in result.stderr and "a.b@has.fr" not in result.stderr


def test_identifiers_in_documents_and_added_questions_are_warned_about_masked(
    cli: Invoke, tmp_path: Path
) -> None:
    answers = write(
        tmp_path / "r.yaml",
        "audience: technique\n"
        "answers:\n"
        "  regles-acces-si: {notes: Rien., evidence: [Courrier de jean.dupont@ch-exemple.fr]}\n"
        "added_questions:\n"
        "  - {text: Appeler le 0612345678 ?, criteria: ['3.6-02'], notes: Oui.}\n",
    )
    result = cli("interview", "--answers", answers, "--out", "i.json")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "r.yaml:3: attention, le champ « documents » semble contenir" in said
    assert "r.yaml:5: attention, le champ « texte de la question » semble contenir" in said
    assert "jean.dupont" not in said and "12345678" not in said


def test_check_names_an_identifier_in_the_context(cli: Invoke, tmp_path: Path) -> None:
    from tests.data.interviews import write as write_interview

    write_interview(tmp_path / "e.json", context={"interviewee_role": ROLE})
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert (
        "e.json — contexte (fonction de la personne interrogée) : numéro de téléphone « 06 •• •• •• •• »"
        in result.stdout
    )
