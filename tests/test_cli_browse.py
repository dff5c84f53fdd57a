"""guides, questions, criteria, validate through Typer's CliRunner: exit codes, stdout, stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.bankfactory import write_guide
from tests.helpers import Invoke
from visitguide import __version__


def test_version(cli: Invoke) -> None:
    result = cli("--version")
    assert result.exit_code == 0
    assert result.stdout == f"visitguide {__version__}\n"


def test_guides_lists_the_bundled_guide(cli: Invoke) -> None:
    result = cli("guides")
    assert result.exit_code == 0
    assert "risques-numeriques" in result.stdout
    assert "gouvernance (6)" in result.stdout
    assert "technique (3)" in result.stdout
    assert "professionnels (7)" in result.stdout
    assert "intégré" in result.stdout
    assert result.stderr == ""


def test_questions_json_is_plain_and_complete(cli: Invoke) -> None:
    result = cli("questions", "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert len(rows) == 16
    assert set(rows[0]) == {"guide", "audience", "id", "text", "criteria"}
    assert rows[0]["id"] == "audit-securite-numerique"
    assert rows[0]["criteria"] == ["3.6-01", "3.6-02"]


def test_questions_filters(cli: Invoke) -> None:
    def ids(*args: str) -> list[str]:
        result = cli("questions", "--format", "json", *args)
        assert result.exit_code == 0, result.output
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids("--audience", "technique") == [
        "regles-acces-si",
        "acces-distance-mobilite",
        "identification-professionnels-si",
    ]
    assert ids("--criterion", "2.2-05") == ["outils-acces-si", "formation-nouvel-outil"]
    assert len(ids("--criterion", "3.6-06")) == 4
    assert ids("--audience", "gouvernance", "--criterion", "3.6-01") == [
        "audit-securite-numerique",
        "exercice-crise-cyber",
    ]


def test_search_ignores_case_and_accents(cli: Invoke) -> None:
    for query in ("EMARGEMENT", "émargement", "Emargément"):
        result = cli("questions", "--format", "json", "--search", query)
        assert result.exit_code == 0
        assert [r["id"] for r in json.loads(result.stdout)] == ["sensibilisation-plan-formation"]
    both = cli("questions", "--format", "json", "--search", "mode degrade")
    assert {r["id"] for r in json.loads(both.stdout)} == {
        "sensibilisation-plan-formation",
        "continuite-mode-degrade",
    }


def test_questions_table(cli: Invoke) -> None:
    result = cli("questions", "--audience", "technique")
    assert result.exit_code == 0
    assert "Comment les professionnels s'identifient-ils dans le SI ?" in result.stdout
    assert "3 question(s)" in result.stdout
    empty = cli("questions", "--search", "introuvablexyz")
    assert empty.exit_code == 0
    assert "Aucune question ne correspond." in empty.stdout


def test_unknown_ids_name_the_closest(cli: Invoke) -> None:
    result = cli("questions", "--audience", "technicien")
    assert result.exit_code == 2
    assert "public inconnu « technicien ». Vouliez-vous dire « technique » ?" in result.stderr
    assert result.stdout == ""
    result = cli("questions", "--guide", "risque-numeriques")
    assert result.exit_code == 2
    assert "guide inconnu « risque-numeriques ». Vouliez-vous dire « risques-numeriques » ?" in result.stderr
    result = cli("questions", "--criterion", "9.9-99")
    assert result.exit_code == 2
    assert "critère inconnu « 9.9-99 »" in result.stderr


def test_criteria_matrix(cli: Invoke) -> None:
    result = cli("criteria")
    assert result.exit_code == 0
    out = result.stdout
    for code in ("2.2-05", "2.3-01", "3.1-07", "3.6-01", "3.6-02", "3.6-06"):
        assert code in out
    row = next(line for line in out.splitlines() if "3.6-02" in line)
    assert "3.1-07" in row  # its 2025 equivalent, beside the code
    assert "Q 5 · PV 12" in row and "Q 4 · PV 5" in row and "Q 9 · PV 17" in row  # one notation
    assert "Les risques de sécurité numérique sont maîtrisés" in row  # the whole title, at 200 columns
    row = next(line for line in out.splitlines() if line.strip("│ ").startswith("3.6-06"))
    assert "3.1-08" in row and "Q 3 │" in row.replace("  ", " ").replace("  ", " ")
    assert "Q : nombre de questions · PV : nombre de points de vérification" in " ".join(out.split())


@pytest.mark.parametrize("columns", ["80", None])
def test_criteria_and_guides_keep_words_whole_at_80_columns_or_piped(
    cli: Invoke, columns: str | None
) -> None:
    env = {"COLUMNS": columns} if columns else {"COLUMNS": ""}
    for command in ("criteria", "guides"):
        out = cli(command, env=env).stdout
        lines = out.splitlines()
        assert all(len(line) <= 80 for line in lines), command
        cells = [cell.strip() for line in lines for cell in line.strip("│┃ ").split("│")]
        assert not [c for c in cells if c.endswith("…")], command  # no word cut
        single_words = [c for c in cells if c and " " not in c and c.isalpha() and c.islower()]
        assert len(single_words) < 5, (command, single_words)  # not one word per line
    criteria = cli("criteria", env=env).stdout
    assert "Les équipes de soins ont accès aux informations du patient" in " ".join(criteria.split())
    assert "professionnels Q 2 · PV 5" in criteria


def test_validate_bundled(cli: Invoke) -> None:
    result = cli("validate")
    assert result.exit_code == 0
    assert "aucun problème" in result.stdout


def test_user_bank_with_option_and_environment(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "mabanque"
    write_guide(bank, gid="second-guide")
    for args, env in (((("--bank", str(bank))), None), ((), {"VISITGUIDE_BANK": str(bank)})):
        guides = cli("guides", *args, env={**(env or {}), "COLUMNS": "400"})
        assert guides.exit_code == 0
        assert "second-guide" in guides.stdout and "risques-numeriques" in guides.stdout
        assert str(bank / "second-guide") in guides.stdout
        questions = cli("questions", "--guide", "second-guide", "--format", "json", *args, env=env)
        assert questions.exit_code == 0
        assert [r["id"] for r in json.loads(questions.stdout)] == [
            "question-un",
            "question-deux",
            "question-terrain",
        ]
        several = cli("questions", "--format", "json", *args, env=env)
        assert {r["guide"] for r in json.loads(several.stdout)} == {"second-guide", "risques-numeriques"}


def test_user_guide_replaces_bundled_one(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "b"
    write_guide(bank, gid="risques-numeriques")
    result = cli("questions", "--bank", bank, "--format", "json")
    assert result.exit_code == 0
    assert {r["id"] for r in json.loads(result.stdout)} == {
        "question-un",
        "question-deux",
        "question-terrain",
    }
    guides = cli("guides", "--bank", bank)
    assert "intégré" not in guides.stdout


def test_same_id_in_two_user_banks_is_an_error(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "a", gid="double")
    write_guide(tmp_path / "b", gid="double")
    result = cli("guides", "--bank", tmp_path / "a", "--bank", tmp_path / "b")
    assert result.exit_code == 2
    assert "le guide « double » est défini dans deux banques" in result.stderr


def test_english_interface(cli: Invoke) -> None:
    result = cli("questions", "--audience", "technic", env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 2
    assert "unknown audience 'technic'. Did you mean 'technique'?" in result.stderr
    help_text = cli("--help", env={"VISITGUIDE_LANG": "en"})
    assert help_text.exit_code == 0


def test_usage_errors_are_french(cli: Invoke) -> None:
    result = cli("questions", "--formt", "json")
    assert result.exit_code == 2
    assert "option inconnue : --formt." in result.stderr
    result = cli("questions", "--format", "xml")
    assert result.exit_code == 2
    assert "valeur invalide pour --format" in result.stderr
    result = cli("questionz")
    assert result.exit_code == 2
    assert "commande inconnue : « questionz »" in result.stderr
    assert "Traceback" not in result.output


def test_choice_refusal_names_the_possible_values(cli: Invoke) -> None:
    result = cli("questions", "--format", "xml")
    assert result.exit_code == 2
    assert "valeur invalide pour --format : « xml » n'est pas permis (valeurs possibles : table, json)." in (
        result.stderr
    )


def test_every_option_is_converted_without_pydantic() -> None:
    """Typer would import pydantic (~80 ms) to convert options; ours are all simple types."""
    import typing

    from typer.main import get_command

    from visitguide.cli import typer_patches as cli_chrome
    from visitguide.cli.app import app

    for name, command in get_command(app).commands.items():  # type: ignore[attr-defined]
        for param in command.params:
            descriptor = getattr(param, "type_descriptor", None)
            if descriptor is None or param.name == "help":
                continue
            annotation = descriptor.annotation
            assert cli_chrome._light_converter(annotation) is not None, (name, param.name, annotation)
    import typer.core

    assert typer.core.build_runtime_param.__module__ == "visitguide.cli.typer_patches", (
        "patch no longer applies"
    )
    assert cli_chrome._light_converter(dict[str, int]) is None
    assert cli_chrome._light_converter(typing.Optional[int]) is None  # noqa: UP045


def test_json_rows_one_object_per_line_whatever_the_text() -> None:
    from visitguide.text import json_rows

    rows = [
        {"id": "a", "text": 'guillemets " et }, {"id": faux', "criteria": ["1"]},
        {"id": "b", "text": "\x1b]0;titre\x07 \x9b31m \u202e", "criteria": []},
    ]
    text = json_rows(rows)
    assert json.loads(text) == rows
    assert text.count("\n") == 3
    assert text.isascii()  # nothing a terminal could take for a command, in any encoding
    assert json_rows([]) == "[]"


def test_typer_is_the_release_the_patches_were_tested_against() -> None:
    """Fails loudly when Typer moves: pyproject pins the release, typer_patches is gated on it."""
    import re
    import tomllib

    import typer

    from visitguide.cli import typer_patches
    from visitguide.cli.app import app  # noqa: F401 - importing the app installs the patches

    assert typer_patches.supported(), (
        f"Typer {typer.__version__} is not {typer_patches.TESTED}: review typer_patches"
    )
    assert typer_patches._installed
    pyproject = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text())
    pin = next(d for d in pyproject["project"]["dependencies"] if d.startswith("typer"))
    major, minor = typer_patches.TESTED
    assert re.fullmatch(rf"typer>={major}\.{minor},<{major}\.{minor + 1}", pin.split(";")[0].strip())


def test_only_typer_patches_touches_typer_internals() -> None:
    """typer._click, typer.core, typer.rich_utils, typer._coercion: one module imports them."""
    import ast

    package = Path(__file__).resolve().parent.parent / "visitguide"
    offenders = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            internal = [n for n in names if n.startswith(("typer.", "click")) or n in ("typer._click",)]
            if internal and path.name != "typer_patches.py":
                offenders.append((path.relative_to(package).as_posix(), internal))
    assert offenders == []


def test_ids_on_the_command_line_as_people_type_them(cli: Invoke) -> None:
    exact = cli("questions", "--guide", "risques-numeriques", "--audience", "technique", "--format", "json")
    for args in (["--guide", "RISQUES", "-a", "Tech"], ["-g", "risques-num", "-a", "téchnique"]):
        typed = cli("questions", *args, "--format", "json")
        assert typed.exit_code == 0, typed.stderr
        assert typed.stdout == exact.stdout
    result = cli("questions", "--criterion", "3.6-06", "-a", "tech", "--format", "json")
    assert {row["id"] for row in json.loads(result.stdout)} == {
        "regles-acces-si",
        "acces-distance-mobilite",
        "identification-professionnels-si",
    }
    ambiguous = cli("questions", "--criterion", "3.6-0")
    assert ambiguous.exit_code == 2
    assert "« 3.6-0 » peut désigner plusieurs identifiants : 3.6-01, 3.6-02, 3.6-06" in ambiguous.stderr
