"""`interview --dry-run`: everything the interview would ask, in order, nothing written; and the
answers-file skeleton (`--format yaml`), which `--answers` accepts as it is."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.bankfactory import GUIDE as GUIDE_TEMPLATE
from tests.bankfactory import write_guide
from tests.helpers import REPO, Invoke
from visitguide.bank import loader as bank
from visitguide.bank import yamlsafe
from visitguide.interview import file as ifile

GUIDE = bank.resolve("risques-numeriques")
AUDIENCES = [a.id for a in GUIDE.audiences]


def flat(text: str) -> str:
    """`text` with every run of white space as one space (wrapping aside)."""
    return " ".join(text.split())


def everything_in(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if ".cache" not in p.parts)


@pytest.mark.parametrize("audience", AUDIENCES)
def test_every_question_and_checkpoint_in_order_with_criteria_and_hints(
    cli: Invoke, tmp_path: Path, audience: str
) -> None:
    before = everything_in(tmp_path)
    result = cli("interview", "--dry-run", "--audience", audience)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    out = flat(result.stdout)
    questions = GUIDE.questions_for(audience)
    checkpoints = GUIDE.checkpoints_for(audience)
    positions = []
    for q in questions:
        assert flat(q.text) in out
        assert f"identifiant : {q.id}" in out
        if q.hint:  # an addition of the bank's author says so, right before it
            label = "Repère (proposé par visitguide)" if q.is_added("hint") else "Repère"
            assert flat(f"{label} : {q.hint}") in out
        if q.evidence:
            label = "Documents à demander (proposé par visitguide)" if q.is_added("evidence") else "Documents"
            assert flat(f"{label} : {' ; '.join(q.evidence)}") in out
        positions.append(out.index(f"identifiant : {q.id}"))
    for c in checkpoints:
        assert flat(c.text) in out
        positions.append(out.index(f"identifiant : {c.id} "))
    assert positions == sorted(positions)  # questions in order, then checkpoints
    for item in [*questions, *checkpoints]:
        label = "Critère (proposé par visitguide) :" if item.is_added("criteria") else "Critère"
        for code in item.criteria:
            criterion = GUIDE.criterion(code)
            assert criterion is not None
            assert flat(f"{label} {code} {criterion.title}") in out
            equivalent = criterion.equivalent("2025")
            if equivalent is not None:
                other = f" {equivalent.title}" if equivalent.title not in (None, criterion.title) else ""
                assert flat(f"(2025 : {equivalent.id}{other}, à confirmer)") in out  # no source yet
    assert flat("Référentiel : 2021 (proposé par visitguide, non précisé par la source)") in out
    assert flat("Avertissement de la source : « Les questions suivantes ne sont ni opposables") in out
    if checkpoints:
        assert f"{len(questions)} question(s), puis {len(checkpoints)} point(s)" in out
    else:
        assert f"{len(questions)} question(s) ; aucun point de vérification pour ce public." in out
    assert "aucun fichier n'a été écrit" in out
    assert everything_in(tmp_path) == before


def test_every_audience_when_none_is_given(cli: Invoke) -> None:
    result = cli("interview", "--dry-run")
    assert result.exit_code == 0
    out = flat(result.stdout)
    headings = [out.index(f"Entretien « {a.label} » ({a.id})") for a in GUIDE.audiences]
    assert headings == sorted(headings)
    for _, q in GUIDE.all_questions():
        assert f"identifiant : {q.id}" in out
    assert sum(f"identifiant : {c.id} " in out for c in GUIDE.meta.checkpoints) == 28


def test_no_line_ends_with_spaces_and_none_starts_with_a_question_mark(cli: Invoke) -> None:
    result = cli("interview", "--dry-run", "-a", "gouvernance", env={"COLUMNS": "60"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert all(line == line.rstrip() for line in lines)
    assert all(len(line) <= 60 for line in lines)
    assert not [line for line in lines if line.strip().startswith(("?", ":", ";"))]


def test_works_without_a_terminal_and_writes_nothing(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("VISITGUIDE_BANK",)}
    env["PYTHONPATH"] = str(REPO)
    done = subprocess.run(
        [sys.executable, "-m", "visitguide", "interview", "--dry-run", "-a", "technique"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "regles-acces-si" in done.stdout
    assert everything_in(tmp_path) == []


def test_an_unknown_audience_names_the_closest(cli: Invoke) -> None:
    result = cli("interview", "--dry-run", "--audience", "techniques")
    assert result.exit_code == 2
    assert "public inconnu « techniques ». Vouliez-vous dire « technique » ?" in result.stderr


def test_a_user_bank_guide(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "banque", "essai")
    result = cli("interview", "--dry-run", "--guide", "essai", "--bank", tmp_path / "banque")
    assert result.exit_code == 0, result.stderr
    out = flat(result.stdout)
    for text in ("Première question ?", "Question de terrain ?", "Repère : Une aide.", "un point à vérifier"):
        assert text in out
    assert "Documents à demander : Un document" in out


# --- the answers-file skeleton ---------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_skeleton_lists_every_id_with_its_text_in_comments(cli: Invoke, audience: str) -> None:
    result = cli("interview", "--dry-run", "--format", "yaml", "--audience", audience)
    assert result.exit_code == 0, result.stderr
    data = yamlsafe.parse(result.stdout, "squelette.yaml")
    assert data["guide"] == "risques-numeriques" and data["audience"] == audience
    assert list(data["answers"] or {}) == [q.id for q in GUIDE.questions_for(audience)]
    assert list(data["checkpoints"] or {}) == [c.id for c in GUIDE.checkpoints_for(audience)]
    comments = flat(" ".join(line.strip().lstrip("#") for line in result.stdout.splitlines() if "#" in line))
    for q in GUIDE.questions_for(audience):
        assert flat(q.text) in comments
    for c in GUIDE.checkpoints_for(audience):
        assert flat(c.text) in comments


@pytest.mark.parametrize("audience", AUDIENCES)
def test_the_skeleton_loads_back_unchanged(cli: Invoke, tmp_path: Path, audience: str) -> None:
    skeleton = cli("interview", "--dry-run", "-f", "yaml", "-a", audience).stdout
    (tmp_path / "s.yaml").write_text(skeleton, encoding="utf-8")
    result = cli("interview", "--answers", "s.yaml", "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "e.json")
    assert interview.audience == audience
    assert interview.answers == {} and interview.checkpoints == {} and interview.added_questions == []
    assert interview.status == "in_progress"
    assert interview.context.date == ifile.today()


def test_a_filled_in_skeleton_gives_the_answers(cli: Invoke, tmp_path: Path) -> None:
    skeleton = cli("interview", "--dry-run", "-f", "yaml", "-a", "gouvernance").stdout
    filled = skeleton.replace('establishment: ""', "establishment: CH Exemple", 1)
    filled = filled.replace(
        '  audit-securite-numerique:\n    notes: ""',
        "  audit-securite-numerique:\n    notes: |\n      Audit AD fait en 2025.\n      Plan à 18 mois.",
    )
    filled = filled.replace(
        "  exercices-crise-cyber:\n    rating:", "  exercices-crise-cyber:\n    rating: oui"
    )
    assert filled.count("CH Exemple") == 1 and "rating: oui" in filled and "Plan à 18 mois" in filled
    (tmp_path / "f.yaml").write_text(filled, encoding="utf-8")
    result = cli("interview", "--answers", "f.yaml", "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    interview = ifile.read(tmp_path / "e.json")
    assert interview.context.establishment == "CH Exemple"
    assert interview.answers["audit-securite-numerique"].notes == "Audit AD fait en 2025.\nPlan à 18 mois."
    assert list(interview.answers) == ["audit-securite-numerique"]
    assert interview.checkpoints["exercices-crise-cyber"].rating == "oui"


def test_a_user_bank_skeleton_round_trips(cli: Invoke, tmp_path: Path) -> None:
    hostile = """\
audience: terrain
questions:
  - id: "no"
    criteria: ["1.1-01"]
    text: "Deux lignes ?\\nSeconde ligne: avec # et « : » — ok"
  - id: "2024-01-01"
    criteria: ["1.1-02"]
    text: Une question dont l'identifiant ressemble à une date ?
"""
    write_guide(tmp_path / "banque", "essai", terrain=hostile)
    args = ("--guide", "essai", "--bank", tmp_path / "banque")
    result = cli("interview", "--dry-run", "-f", "yaml", "-a", "terrain", *args)
    assert result.exit_code == 0, result.stderr
    data = yamlsafe.parse(result.stdout, "s.yaml")
    assert list(data["answers"]) == ["no", "2024-01-01"]
    assert "# 1. Deux lignes ?\n  # Seconde ligne: avec # et « : » — ok" in result.stdout
    (tmp_path / "s.yaml").write_text(result.stdout, encoding="utf-8")
    assert cli("interview", "--answers", "s.yaml", "--out", "e.json", *args).exit_code == 0


def test_the_skeleton_needs_one_audience(cli: Invoke, tmp_path: Path) -> None:
    result = cli("interview", "--dry-run", "--format", "yaml")
    assert result.exit_code == 2
    assert "précisez --audience (gouvernance, technique, professionnels)" in result.stderr
    assert result.stdout == ""
    # a guide with one audience needs none
    write_guide(tmp_path / "banque", "solo", guide=SOLO_GUIDE, gouvernance=SOLO_QUESTIONS, terrain="")
    (tmp_path / "banque" / "solo" / "terrain.yaml").unlink()
    result = cli("interview", "--dry-run", "-f", "yaml", "-g", "solo", "--bank", tmp_path / "banque")
    assert result.exit_code == 0, result.stderr
    assert "audience: gouvernance" in result.stdout


SOLO_GUIDE = """\
id: solo
title: Un seul public
source: Essai
version: "1"
referentiel: "2021"
criteria:
  - {id: "1.1-01", title: Premier critère}
audiences:
  - {id: gouvernance, label: À la gouvernance}
"""

SOLO_QUESTIONS = """\
audience: gouvernance
questions:
  - {id: seule, criteria: ["1.1-01"], text: La seule question ?}
"""


# --- issue 11, point 12: whatever a bank's texts hold, the skeleton loads back ---------------


GUIDE_YAML_WITH_LABEL = GUIDE_TEMPLATE.format(gid="essai").replace("label: Sur le terrain", "label: LABEL")


def test_a_line_break_in_an_audience_label_cannot_break_out_of_its_comment(
    cli: Invoke, tmp_path: Path
) -> None:
    guide = GUIDE_YAML_WITH_LABEL.replace("LABEL", '"Terrain\\nguide: pirate\\u2028checkpoints: 1"')
    write_guide(tmp_path / "banque", "essai", guide=guide)
    args = ("--guide", "essai", "--bank", tmp_path / "banque")
    result = cli("interview", "--dry-run", "-f", "yaml", "-a", "terrain", *args)
    assert result.exit_code == 0, result.stderr
    data = yamlsafe.parse(result.stdout, "s.yaml")
    assert data["guide"] == "essai" and data["audience"] == "terrain"


NASTY = list(
    "\n\r\x85\u2028\u2029\t\x00\x07\x1b\x7f\x9b\u202e\ud800\udfff\ufffe\uffff\ufeff#:'\"&*!|>%@`{}[]-? "
)
texts = st.text(alphabet=st.one_of(st.sampled_from(NASTY), st.characters()), max_size=30)


@settings(max_examples=150, deadline=None)
@given(
    title=texts,
    label=texts,
    section=texts,
    question=texts,
    checkpoint=texts,
    evidence=st.lists(texts, max_size=2),
    code=texts,
)
def test_any_texts_give_a_skeleton_that_loads_back(
    title: str, label: str, section: str, question: str, checkpoint: str, evidence: list[str], code: str
) -> None:
    from visitguide.outline import views
    from visitguide.outline.dryrun import skeleton

    criterion = views.CriterionView(code=code, title=title, equivalents=())
    audience = views.AudienceView(
        id="terrain",
        label=label,
        questions=(views.QuestionView(1, "q-un", question, (criterion,), None, tuple(evidence)),),
        sections=(
            views.Section(section, (views.CheckpointView("point-un", checkpoint, (criterion,), None, ()),)),
        ),
    )
    view = views.GuideView("essai", title, "1", "source", "2021", (audience,), ())
    text = skeleton(view, audience)
    text.encode("utf-8")  # printable: no lone surrogate
    data = yamlsafe.parse(text, "s.yaml")
    assert data["guide"] == "essai" and data["audience"] == "terrain"
    assert list(data["answers"]) == ["q-un"] and list(data["checkpoints"]) == ["point-un"]
    assert data["context"]["date"] == "" and data["added_questions"] == []


def test_the_skeleton_elides_que_before_a_vowel(cli: Invoke) -> None:
    out = cli("interview", "--dry-run", "--format", "yaml", "--audience", "gouvernance").stdout
    assert "# Vous vérifierez qu'il existe une stratégie de gestion des accès" in out
    assert "# Vous vérifierez que l'établissement réalise régulièrement" in out
    assert "que il" not in out and "que i" not in out


def test_que_is_elided_before_vowels_only() -> None:
    from visitguide.text import elided

    lead = "Vous vérifierez que "
    assert elided(lead, "il existe") == "Vous vérifierez qu'il existe"
    assert elided(lead, "Écoute") == "Vous vérifierez qu'Écoute"
    assert elided(lead, "les outils") == "Vous vérifierez que les outils"
    assert elided(lead, "hier") == "Vous vérifierez que hier"
    assert elided("Check that ", "il existe") == "Check that il existe"
