"""Files written for people (`export --output`, `export --blank --output`): an existing file is
replaced only with `--force`, never when it is an interview file by any reading, never when it
is not a regular file (issue 11, point 2)."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest

from tests.data.interviews import write
from tests.helpers import Invoke, content_visit
from visitguide import files
from visitguide.interview import file as ifile

IS_INTERVIEW = "c'est un fichier d'entretien, que visitguide n'écrase jamais"


def _interview_text(tmp_path: Path) -> str:
    return write(tmp_path / "source" / "e.json", {"first": "Notes précieuses."}).read_text(encoding="utf-8")


def _disguises(text: str) -> dict[str, bytes]:
    """The same interview as other tools may have written it."""
    data = json.loads(text)
    escaped = text.replace('"visitguide.interview"', '"visitguide\\u002einterview"')
    all_escaped = json.dumps(data, ensure_ascii=True).replace(".", "\\u002E")
    return {
        "json escape": escaped.encode("utf-8"),
        "every dot escaped": all_escaped.encode("ascii"),
        "utf-16 with bom": text.encode("utf-16"),
        "utf-16-le without bom": text.encode("utf-16-le"),
        "utf-16-be without bom": text.encode("utf-16-be"),
        "utf-32 with bom": text.encode("utf-32"),
        "utf-32-be without bom": text.encode("utf-32-be"),
        "utf-8 bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "truncated": text.encode("utf-8")[: len(text) // 2 + 40],
        "escaped and truncated": escaped.encode("utf-8")[:200],
        "utf-16 truncated at an odd byte": text.encode("utf-16-le")[:301],
        "sorted keys after long notes": json.dumps(
            {**data, "answers": {"x": {"notes": "n" * 100_000}}}, sort_keys=True
        ).encode("utf-8"),
        "sorted, escaped, utf-16": json.dumps(data, sort_keys=True)
        .replace("visitguide.interview", "visitguide\\u002einterview")
        .encode("utf-16"),
        "duplicate format, last one other": text.replace(
            '"format": "visitguide.interview",', '"format": "visitguide.interview", "format": "autre",'
        ).encode("utf-8"),
    }


@pytest.mark.parametrize("fmt", ["md", "json", "docx"])
def test_an_interview_in_any_disguise_is_never_replaced_even_with_force(
    cli: Invoke, tmp_path: Path, fmt: str
) -> None:
    visit = content_visit(tmp_path / "visite")
    for name, data in _disguises(_interview_text(tmp_path)).items():
        target = tmp_path / "cible.out"
        target.write_bytes(data)
        for force in ([], ["--force"]):
            result = cli("export", visit, "--format", fmt, "--output", target, *force)
            assert result.exit_code == 2, (name, force, result.stderr)
            assert IS_INTERVIEW in result.stderr, name
            assert target.read_bytes() == data, name


def test_a_paper_guide_never_replaces_a_disguised_interview(cli: Invoke, tmp_path: Path) -> None:
    for name, data in _disguises(_interview_text(tmp_path)).items():
        target = tmp_path / "trame.html"
        target.write_bytes(data)
        result = cli("export", "--blank", "--format", "html", "--output", target, "--force")
        assert result.exit_code == 2, (name, result.stderr)
        assert IS_INTERVIEW in result.stderr
        assert target.read_bytes() == data


def test_is_interview_readings() -> None:
    assert not files._names_interview('{"format": "visitguide.visit", "note": "visitguide.interview"}')
    assert files._names_interview('{"format": "visitguide\\u002einterview", "id": ')
    assert not files._names_interview("# Rapport\n\nvisitguide.interview est le format des entretiens")


def test_an_existing_report_is_replaced_only_with_force(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    target = tmp_path / "rapport.md"
    target.write_text("# Ancien rapport\n", encoding="utf-8")
    refused = cli("export", visit, "--format", "md", "--output", target)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == f"Erreur : {target} existe déjà : ajoutez --force pour le remplacer"
    assert target.read_text(encoding="utf-8") == "# Ancien rapport\n"
    done = cli("export", visit, "--format", "md", "--output", target, "--force")
    assert done.exit_code == 0, done.stderr
    assert target.read_text(encoding="utf-8").startswith("# Rapport de visite")


def test_an_existing_paper_guide_is_replaced_only_with_force(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "trame.md"
    target.write_text("ancienne trame", encoding="utf-8")
    assert cli("export", "--blank", "--format", "md", "-o", target).exit_code == 2
    assert target.read_text(encoding="utf-8") == "ancienne trame"
    result = cli("export", "--blank", "--format", "md", "-o", target, "--force")
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8") != "ancienne trame"


def test_force_needs_an_output(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", content_visit(tmp_path / "visite"), "--format", "md", "--force")
    assert result.exit_code == 2
    assert "--force ne s'emploie qu'avec --output" in result.stderr


def test_a_target_that_is_not_a_regular_file_is_refused_even_with_force(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    os.mkfifo(tmp_path / "tube")
    (tmp_path / "lien").symlink_to("/dev/null")
    for target in (tmp_path / "tube", tmp_path / "lien"):
        result = cli("export", visit, "--format", "md", "--output", target, "--force")
        assert result.exit_code == 2, result.stderr
        assert f"impossible d'écrire {target} : ce n'est pas un fichier ordinaire" in result.stderr
    assert (tmp_path / "lien").is_symlink()


def test_the_interview_format_and_limit_are_known_to_files() -> None:
    assert files.INTERVIEW_FORMAT == ifile.FORMAT
    assert files.INTERVIEW_MAX_BYTES == ifile.MAX_BYTES
