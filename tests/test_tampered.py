"""Tampered interview files (issue 11, point 8) and what `--redact` and `check` show of them
(point 6): refused when read, with a French sentence that shows identifiers masked; reported
by `check` (exit 1); never written to.

A tampered file is one a person or a tool edited by hand: keys given twice (a JSON reader keeps
the last one silently), a date that does not exist or is a path, an added question that takes
a guide question's id (a later `--answers --resume` would write into the wrong one), an `id`
that is not a UUID (it names default files and added questions' ids).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.data.interviews import edit, question_ids, snapshot, write
from tests.helpers import Invoke
from visitguide.errors import InterviewFileError
from visitguide.interview import check
from visitguide.interview import file as ifile

EMAIL = "jean.dupont@chu-exemple.fr"


def _duplicate_answers(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    first = question_ids()[0]
    text = text.replace('"answers": {', f'"answers": {{"{first}": {{"status": "skipped"}},', 1)
    path.write_text(text, encoding="utf-8")


def _duplicate_top_key(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"status": "in_progress"', '"status": "in_progress", "status": "completed"'))


def _set(*keys: str, value: Any) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        def apply(data: dict[str, Any]) -> None:
            target = data
            for key in keys[:-1]:
                target = target[key]
            target[keys[-1]] = value

        edit(path, apply)

    return change


def _added_takes_a_guide_id(path: Path) -> None:
    edit(path, lambda data: data["added_questions"][0].__setitem__("id", question_ids()[1]))


# name -> (how the file is tampered with, what the refusal says)
TAMPERED: dict[str, tuple[Callable[[Path], None], str]] = {
    "duplicate answer": (_duplicate_answers, f"clé « {question_ids()[0]} » en double"),
    "duplicate top-level key": (_duplicate_top_key, "clé « status » en double"),
    "impossible date": (_set("context", "date", value="2026-02-30"), "date « 2026-02-30 » invalide"),
    "date as a path": (_set("context", "date", value="../../x"), "date « ../../x » invalide"),
    "date with a time": (_set("context", "date", value="2026-11-29T10:00"), "date « 2026-11-29T10:00 »"),
    "id not a uuid": (_set("id", value="entretien-1"), "identifiant « entretien-1 » qui n'est pas un UUID"),
    "id holding an e-mail": (_set("id", value=EMAIL), "identifiant « je••.••••••@"),
}


def _tampered(tmp_path: Path, name: str) -> Path:
    path = write(tmp_path / "e.json", {"first": "Notes."}, added=("Qui pilote la PSSI ?", "Le RSSI."))
    TAMPERED[name][0](path)
    return path


@pytest.mark.parametrize("name", list(TAMPERED))
def test_a_tampered_file_is_refused_when_read_and_reported_by_check(
    cli: Invoke, tmp_path: Path, name: str
) -> None:
    path = _tampered(tmp_path, name)
    before = snapshot(path)
    expected = TAMPERED[name][1]
    with pytest.raises(InterviewFileError, match="fichier d'entretien altéré") as refused:
        ifile.read(path)
    assert expected in refused.value.message
    assert EMAIL not in refused.value.message
    for args in (["export", "e.json", "--format", "md"], ["status", "e.json"]):
        result = cli(*args)
        assert result.exit_code == 2, (args, result.stdout)
        assert expected in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "r.yaml").write_text("answers: {}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "e.json")
    assert result.exit_code == 2 and expected in result.stderr
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert expected in result.stdout
    assert EMAIL not in result.stdout + result.stderr
    assert snapshot(path) == before


def test_an_added_question_with_a_guide_question_id_is_refused_where_the_guide_is_known(
    cli: Invoke, tmp_path: Path
) -> None:
    path = write(tmp_path / "e.json", {"first": "Notes."}, added=("Qui pilote la PSSI ?", "Le RSSI."))
    _added_takes_a_guide_id(path)
    before = snapshot(path)
    taken = question_ids()[1]
    expected = f"la question ajoutée « {taken} » porte l'identifiant d'une question du guide"
    qid = question_ids()[1]
    (tmp_path / "r.yaml").write_text(f"answers:\n  {qid}: {{notes: Dans la mauvaise.}}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "e.json")
    assert result.exit_code == 2
    assert expected in result.stderr
    for args in (["export", "e.json", "--format", "json"], ["status", "e.json"]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert expected in result.stderr
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert f"e.json — fichier d'entretien altéré : {expected}" in result.stdout
    assert snapshot(path) == before


def test_a_live_resume_refuses_the_same_clash(tmp_path: Path) -> None:
    from visitguide.console import out
    from visitguide.interview import live
    from visitguide.interview.stand_in import StandInAsker

    path = write(tmp_path / "e.json", added=("Qui pilote la PSSI ?", "Le RSSI."))
    _added_takes_a_guide_id(path)
    asker = StandInAsker([])
    with pytest.raises(InterviewFileError, match="porte l'identifiant d'une question du guide"):
        live.run(None, None, None, path, {}, [], asker=asker, console=out())
    assert asker.prompts == []


def test_a_date_with_spaces_around_is_read_as_the_day() -> None:
    context = ifile.Context.model_validate({"date": " 2026-11-29 "})
    assert context.date == "2026-11-29"


# --- point 6: what --redact and check show -----------------------------------------------


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_an_e_mail_in_a_tampered_id_never_leaks_through_redact(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    _tampered(tmp_path, "id holding an e-mail")
    result = cli("export", "e.json", "--format", fmt, "--redact")
    assert "jean.dupont" not in result.stdout + result.stderr
    assert result.exit_code == 2
    assert "qui n'est pas un UUID" in result.stderr


def test_redact_masks_every_path_in_errors(cli: Invoke, tmp_path: Path) -> None:
    missing = f"visite-{EMAIL}"
    result = cli("export", missing, "--format", "md", "--redact")
    assert result.exit_code == 2
    assert "jean.dupont" not in result.stderr
    assert "Erreur : [adresse électronique masquée] : fichier ou dossier introuvable" in result.stderr
    write(tmp_path / "e.json")
    result = cli("export", "e.json", "--format", "md", "--redact", "-o", f"{missing}/r.md")
    assert result.exit_code == 2
    assert "jean.dupont" not in result.stderr


def test_check_shows_file_names_masked(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "tél. 06 12 34 56 78"})
    path.rename(tmp_path / f"{EMAIL}.json")
    (tmp_path / f"copie-{EMAIL}.json").write_text("{", encoding="utf-8")
    result = cli("check", ".")
    assert result.exit_code == 1
    assert "jean.dupont" not in result.stdout + result.stderr
    assert "je••.••••••@" in result.stdout and "co•••-••••.••••••@" in result.stdout


# --- compute, then show ------------------------------------------------------------------


def test_check_returns_findings_without_printing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "propre.json", {"first": "Rien."})
    path = write(tmp_path / "e.json", {"first": "Notes."})
    _set("context", "date", value="../../x")(path)
    write(tmp_path / "nir.json", {"first": "NIR 2 95 10 99 126 111 93"})
    report = check.scan([tmp_path], [])
    assert capsys.readouterr() == ("", "")
    assert sorted(p.name for p in report.files) == ["e.json", "nir.json", "propre.json"]
    assert [(f.path.name, f.identifier) for f in report.findings] == [("e.json", False), ("nir.json", True)]
    assert report.bad_files == 2 and not report.clean
    assert check.show(report) == 1
    assert "nir.json" in capsys.readouterr().out


def test_the_tampering_cases_are_real_json(tmp_path: Path) -> None:
    """The duplicate-key files still parse as JSON (the last key winning): only a strict reader sees them."""
    for name in ("duplicate answer", "duplicate top-level key"):
        json.loads(_tampered(tmp_path / name, name).read_text(encoding="utf-8"))
