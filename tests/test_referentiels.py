"""Both référentiels: `--criterion` takes a code of either and says which it read; `criteria`
gives each référentiel its own labelled column; listings mark the bank's additions."""

from __future__ import annotations

import json
from pathlib import Path

from tests.bankfactory import GUIDE, write_guide
from tests.helpers import Invoke
from visitguide.bank import loader as bank
from visitguide.bank import referentiels

META = bank.resolve("risques-numeriques").meta
WIDE = {"COLUMNS": "250"}
SECURE_ACCESS = [
    "regles-acces-si",
    "acces-distance-mobilite",
    "identification-professionnels-si",
    "connexion-sih",
]


def ids(stdout: str) -> list[str]:
    return [row["id"] for row in json.loads(stdout)]


def test_a_code_of_both_referentiels_has_both_readings() -> None:
    found = referentiels.readings(META, "3.1-07")
    assert [(r.referentiel, r.criterion.id) for r in found] == [("2021", "3.1-07"), ("2025", "3.6-02")]
    reading = referentiels.read(META, "3.1-08")
    assert reading is not None and reading.others == ()
    assert (reading.read.referentiel, reading.read.criterion.id) == ("2025", "3.6-06")
    assert referentiels.read(META, "9.9-99") is None


def test_a_2025_code_lists_the_questions_of_its_2021_criterion(cli: Invoke) -> None:
    result = cli("questions", "--criterion", "3.1-08", "--format", "json")
    assert result.exit_code == 0, result.output
    assert ids(result.stdout) == SECURE_ACCESS  # the same as 3.6-06
    assert ids(cli("questions", "--criterion", "3.6-06", "--format", "json").stdout) == SECURE_ACCESS
    said = " ".join(result.stderr.split())  # JSON stays plain on stdout; the reading is said aside
    assert said.startswith(
        "Critère 3.1-08 lu dans le référentiel 2025 : l'équivalent (à confirmer) de 3.6-06"
    )
    assert "(référentiel 2021)" in said


def test_the_table_says_which_referentiel_it_read(cli: Invoke) -> None:
    result = cli("questions", "--criterion", "3.1-08", env=WIDE)
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("Critère 3.1-08 lu dans le référentiel 2025")
    assert "4 question(s)" in result.stdout
    own = cli("questions", "--criterion", "3.6-06", env=WIDE)
    assert own.stdout.splitlines()[0].startswith(
        "Critère 3.6-06 lu dans le référentiel 2021 (proposé par visitguide, non précisé par la source)"
    )


def test_a_code_in_both_is_read_in_the_guides_own_and_names_the_other(cli: Invoke) -> None:
    result = cli("questions", "--criterion", "3.1-07", "--format", "json")
    assert result.exit_code == 0
    assert ids(result.stdout) == []  # 2021's 3.1-07 (communication): no question cites it
    said = " ".join(result.stderr.split())
    assert "Critère 3.1-07 lu dans le référentiel 2021" in said
    assert "Les modalités de communication" in said
    assert (
        "Dans le référentiel 2025, 3.1-07 désigne un autre critère : l'équivalent (à confirmer) de 3.6-02"
        in said
    )
    assert "--criterion 3.6-02" in said


def test_a_unique_prefix_is_enough_an_ambiguous_one_is_refused(cli: Invoke) -> None:
    result = cli("questions", "--criterion", "2.2", "--format", "json")
    assert result.exit_code == 0
    assert ids(result.stdout) == ["outils-acces-si", "formation-nouvel-outil"]
    ambiguous = cli("questions", "--criterion", "3.1-0")
    assert ambiguous.exit_code == 2
    assert "« 3.1-0 » peut désigner plusieurs identifiants : 3.1-05, 3.1-07, 3.1-08" in ambiguous.stderr
    unknown = cli("questions", "--criterion", "9.9-99")
    assert unknown.exit_code == 2
    assert "critère inconnu « 9.9-99 »" in unknown.stderr


def _cells(stdout: str, first: str) -> list[str]:
    """The cells of the table row whose first cell is `first`."""
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│┃ ").split("│")]
        if cells and cells[0] == first:
            return cells
    raise AssertionError(f"no row {first}")


def test_criteria_gives_each_referentiel_its_labelled_column(cli: Invoke) -> None:
    result = cli("criteria", env=WIDE)
    assert result.exit_code == 0
    header = next(line for line in result.stdout.splitlines() if "Référentiel 2021" in line)
    columns = [c.strip() for c in header.strip("┃ ").split("┃")]
    assert columns[:3] == ["Référentiel 2021", "Référentiel 2025", "Titre"]
    security = _cells(result.stdout, "3.6-02")
    assert security[1] == "3.1-07" and security[2].startswith("Les risques de sécurité")
    communication = _cells(result.stdout, "3.1-07")  # the 2021 code: no 2025 equivalent known
    assert communication[1] == "—" and communication[2].startswith("Les modalités de communication")
    out = " ".join(result.stdout.split())
    assert out.count("à confirmer") >= 3
    assert "Référentiel 2025 : chaque équivalent est proposé par visitguide et reste « à confirmer »" in out
    assert "Le rattachement des points de vérification aux critères est proposé par visitguide." in out


def test_checkpoints_without_criteria_are_counted_in_their_own_row(cli: Invoke, tmp_path: Path) -> None:
    guide = GUIDE.format(gid="essai").replace('    criteria: ["1.1-01"]\n', "")
    write_guide(tmp_path / "bank", guide=guide)
    result = cli("criteria", "--bank", tmp_path / "bank", "--guide", "essai", env=WIDE)
    assert result.exit_code == 0, result.output
    row = _cells(result.stdout, "—")
    assert row[1] == "points de vérification sans critère"
    assert row[2:] == ["PV 1", "—", "PV 1"]
    assert "à confirmer" not in result.stdout and "proposé par" not in result.stdout


def test_questions_table_marks_additions_and_ends_with_the_caveat(cli: Invoke) -> None:
    result = cli("questions", "--audience", "professionnels", env=WIDE)
    assert result.exit_code == 0
    out = " ".join(result.stdout.replace("│", " ").split())
    assert "Repère (proposé par visitguide) : Noter la fonction du référent, jamais son nom." in out
    assert "Documents à demander (proposé par visitguide) : Documents papier du mode dégradé" in out
    assert out.endswith("Elles ne se substituent pas aux grilles. »")
    assert out.count("proposé par visitguide") == 3  # two hints and one list of documents


def test_english_interface(cli: Invoke) -> None:
    result = cli("questions", "--criterion", "3.1-08", env={**WIDE, "VISITGUIDE_LANG": "en"})
    assert result.exit_code == 0
    assert result.stdout.startswith(
        "Criterion 3.1-08 read in référentiel 2025: the equivalent (to be confirmed)"
    )
    assert "Hint (added by visitguide):" in result.stdout


def test_a_criterion_without_title_is_read_without_one(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank", guide=GUIDE.format(gid="essai").replace("    title: Second critère\n", ""))
    result = cli(
        "questions", "--bank", tmp_path / "bank", "--guide", "essai", "--criterion", "1.1-02", env=WIDE
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "Critère 1.1-02 lu dans le référentiel 2021."
