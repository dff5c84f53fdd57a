"""`visitguide check`: identifiers in every free-text field, damage of every kind, read-only."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.data import interviews
from tests.data.interviews import VALID_NIR, WRONG_KEY_NIR, question_ids, snapshot, write
from tests.helpers import BUNDLED, Invoke

NIR_DIGITS = re.compile(r"95\D?10\D?99")  # any spelling of the middle of VALID_NIR


def test_a_clean_file_gives_exit_0_and_says_so(cli: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "e.json", {"first": "Audit fait en 2025, plan à 6, 12 et 18 mois (critère 3.6-02)."})
    result = cli("check", "e.json")
    assert result.exit_code == 0, result.stdout
    assert "1 fichier(s) examiné(s) : aucun identifiant personnel, aucun fichier endommagé." in result.stdout


def test_a_valid_nir_is_flagged_masked_and_a_wrong_key_is_not(cli: Invoke, tmp_path: Path) -> None:
    first, second = question_ids()[:2]
    write(tmp_path / "e.json", {first: f"Patient NIR {VALID_NIR} cité.", second: f"Dossier {WRONG_KEY_NIR}."})
    result = cli("check", "e.json")
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if line.startswith("e.json")]
    assert lines == [f"e.json — {first} (notes) : NIR/INS « 2 •• •• •• ••• ••• •• »"]
    assert not NIR_DIGITS.search(result.stdout)
    assert WRONG_KEY_NIR not in result.stdout
    assert "1 problème(s) dans 1 fichier(s) sur 1 examiné(s)." in result.stdout
    assert "--redact" in result.stdout  # the advice


def test_every_free_text_field_is_searched_and_named(cli: Invoke, tmp_path: Path) -> None:
    write(
        tmp_path / "e.json",
        {"first": "Joindre le 06 12 34 56 78."},
        evidence=["Courriel de jean.dupont@chu-exemple.fr"],
        comment="Vu avec le RPPS 10101234567",
        context={"establishment": "CH Exemple 01 23 45 67 89", "interviewee_role": "DSI"},
        added=("Le 0033612345678 est-il joignable ?", f"NIR {VALID_NIR}"),
    )
    result = cli("check", "e.json")
    assert result.exit_code == 1
    added = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))["added_questions"][0]["id"]
    assert re.fullmatch(r"perso-1-[0-9a-f]{8}", added)
    first = question_ids()[0]
    checkpoint = interviews.checkpoint_ids()[0]
    assert result.stdout.splitlines()[:6] == [
        "e.json — contexte (établissement) : numéro de téléphone « 01 •• •• •• •• »",
        f"e.json — {first} (notes) : numéro de téléphone « 06 •• •• •• •• »",
        f"e.json — {first} (documents) : adresse électronique « je••.••••••@•••-•••••••.•• »",
        f"e.json — point {checkpoint} (commentaire) : numéro RPPS « 10••••••••• »",
        f"e.json — question ajoutée {added} (texte de la question) : numéro de téléphone « 00••••••••••• »",
        f"e.json — question ajoutée {added} (notes) : NIR/INS « 2 •• •• •• ••• ••• •• »",
    ]
    for secret in ("12 34 56 78", "jean.dupont", "10101234567", "0033612345678", "45 67 89"):
        assert secret not in result.stdout


# --- damage --------------------------------------------------------------------------------


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:200])


def _set(key: str, value: Any) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        interviews.edit(path, lambda data: data.__setitem__(key, value))

    return change


def _bad_status(path: Path) -> None:
    interviews.edit(path, lambda data: data["answers"].__setitem__("x", {"status": "peut-être"}))


def _guide(field: str, value: str) -> Callable[[Path], None]:
    def change(path: Path) -> None:
        interviews.edit(path, lambda data: data["guide"].__setitem__(field, value))

    return change


DAMAGE = [
    ("truncated", _truncate, " : fichier d'entretien endommagé : JSON illisible (tronqué ?)"),
    ("not utf-8", lambda p: p.write_bytes(b'{"format": "\xff\xfe"}'), "ligne 1 : octets invalides"),
    ("empty", lambda p: p.write_bytes(b""), "fichier d'entretien vide"),
    ("blank", lambda p: p.write_bytes(b"  \n\n"), "fichier d'entretien vide"),
    ("array", lambda p: p.write_text("[1, 2]"), "ligne 1 : ce n'est pas un fichier d'entretien (objet JSON"),
    ("wrong format", _set("format", "autre.chose"), "« format » doit valoir « visitguide.interview »"),
    ("no format", lambda p: p.write_text('{"a": 1}'), "« format » doit valoir"),
    ("newer version", _set("format_version", 3), "version plus récente de visitguide (format 3"),
    ("version as text", _set("format_version", "1"), "version de format inconnue : '1'"),
    ("version zero", _set("format_version", 0), "version de format inconnue : 0"),
    ("version true", _set("format_version", True), "version de format inconnue : True"),
    ("bad status", _bad_status, "fichier d'entretien invalide : « answers.x.status »"),
    ("unknown key", _set("patient", "x"), "fichier d'entretien invalide : « patient »"),
    ("missing key", lambda p: interviews.edit(p, lambda d: d.pop("audience")), "« audience »"),
    ("guide changed", _guide("digest", "sha256:0000"), "le guide « risques-numeriques » a changé depuis"),
    ("guide missing", _guide("id", "guide-disparu"), "guide « guide-disparu » introuvable dans les banques"),
    ("audience", _set("audience", "cuisine"), "public « cuisine » absent du guide « risques-numeriques »"),
    (
        "huge int",
        lambda p: p.write_text('{"format": "visitguide.interview", "format_version": ' + "9" * 5000 + "}"),
        "JSON illisible",
    ),
    ("deep", lambda p: p.write_text("[" * 100_000), "imbrication trop profonde"),
]


@pytest.mark.parametrize(
    ("damage", "expected"), [(d, e) for _, d, e in DAMAGE], ids=[n for n, _, _ in DAMAGE]
)
def test_each_kind_of_damage_is_reported_and_the_file_left_exactly_as_it_is(
    cli: Invoke, tmp_path: Path, damage: Callable[[Path], None], expected: str
) -> None:
    path = write(tmp_path / "e.json", {"first": "Rien de personnel."})
    damage(path)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # a mtime any write would change
    before = snapshot(path)
    result = cli("check", "e.json")
    assert result.exit_code == 1, result.stdout
    assert result.stdout.startswith("e.json — ")
    assert expected in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(path) == before
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == ["e.json"]  # no temp, no lock


def test_a_damage_located_under_an_identifier_shows_it_masked(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "Rien."})
    key = "jean.dupont@chu.fr"
    interviews.edit(path, lambda data: data["answers"].__setitem__(key, {"status": "peut-être"}))
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert "fichier d'entretien invalide : « answers.je••.••••••@•••.••.status »" in result.stdout
    assert "dupont" not in result.stdout
    redacted = cli("export", "e.json", "--redact", "--format", "md")
    assert redacted.exit_code == 2
    assert "« answers.je••.••••••@•••.••.status »" in redacted.stderr
    assert "dupont" not in redacted.stdout + redacted.stderr


def test_a_bad_format_version_holding_an_identifier_shows_it_masked(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "Rien."})
    interviews.edit(path, lambda data: data.__setitem__("format_version", "joindre le 06 12 34 56 78"))
    result = cli("check", "e.json")
    assert "version de format inconnue : 'joindre le 06 •• •• •• ••'" in result.stdout
    assert "12 34 56 78" not in result.stdout


@pytest.mark.parametrize("field", ["audience", "guide"])
def test_an_unknown_guide_or_audience_holding_an_identifier_shows_it_masked(
    cli: Invoke, tmp_path: Path, field: str
) -> None:
    path = write(tmp_path / "e.json", {"first": "Rien."})
    if field == "guide":
        _guide("id", "jean.dupont@chu.fr")(path)
    else:
        _set("audience", "jean.dupont@chu.fr")(path)
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert "« je••.••••••@•••.•• »" in result.stdout
    assert "dupont" not in result.stdout


def test_a_damaged_file_is_still_searched_for_identifiers_line_by_line(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": f"NIR {VALID_NIR}"})
    text = path.read_text(encoding="utf-8")
    line = text[: text.index("NIR ")].count("\n") + 1
    path.write_text(text[: text.index("NIR ") + 40], encoding="utf-8")  # cut after the NIR
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert "JSON illisible" in result.stdout
    assert f"e.json — ligne {line} : NIR/INS « 2 •• •• •• ••• ••• •• »" in result.stdout


def test_an_invalid_but_readable_file_is_searched_by_key(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": f"NIR {VALID_NIR}"})
    interviews.edit(path, lambda data: data.__setitem__("format_version", 9))
    result = cli("check", "e.json")
    first = question_ids()[0]
    assert f"e.json — « answers.{first}.notes » : NIR/INS « 2 •• •• •• ••• ••• •• »" in result.stdout


def test_a_report_of_this_program_is_searched_but_not_called_damaged(cli: Invoke, tmp_path: Path) -> None:
    report = {"format": "visitguide.visit", "notes": ["Contact : a.b@chu.fr"]}
    (tmp_path / "rapport.json").write_text(json.dumps(report), encoding="utf-8")
    result = cli("check", "rapport.json")
    assert result.exit_code == 1
    assert (
        result.stdout.splitlines()[0] == "rapport.json — « notes[0] » : adresse électronique « a.•@•••.•• »"
    )
    assert "endommagé" not in result.stdout


def test_the_guide_is_looked_up_in_the_banks_given(cli: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "e.json", {"first": "Rien."})
    bank = tmp_path / "banque"
    shutil.copytree(BUNDLED / "risques-numeriques", bank / "risques-numeriques")
    assert cli("check", "e.json", "--bank", bank).exit_code == 0
    with (bank / "risques-numeriques" / "gouvernance.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# une ligne de plus change l'empreinte\n")
    result = cli("check", "e.json", "--bank", bank)
    assert result.exit_code == 1
    assert "e.json — le guide « risques-numeriques » a changé depuis l'entretien" in result.stdout
    (bank / "risques-numeriques" / "guide.yaml").write_text("id: [", encoding="utf-8")
    result = cli("check", "e.json", "--bank", bank)
    assert result.exit_code == 1
    assert "le guide « risques-numeriques » est invalide (voir « visitguide validate »)" in result.stdout


# --- which files ---------------------------------------------------------------------------


def test_folders_are_searched_recursively_for_json_files_hidden_ones_skipped(
    cli: Invoke, tmp_path: Path
) -> None:
    visit = tmp_path / "visite"
    write(visit / "gouvernance.json", {"first": "Rien."})
    write(visit / "jour2" / "dsi.json", {"first": "mail a.b@chu.fr"})
    (visit / "jour2" / "notes.txt").write_text(f"NIR {VALID_NIR}", encoding="utf-8")
    (visit / ".brouillon.json").write_text("{", encoding="utf-8")
    (visit / ".cache").mkdir()
    (visit / ".cache" / "x.json").write_text("{", encoding="utf-8")
    (visit / "boucle").symlink_to(visit)  # a loop is not followed
    result = cli("check", "visite")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "visite/jour2/dsi.json — question-x (notes) : adresse électronique « a.•@•••.•• »".replace(
            "question-x", question_ids()[0]
        ),
        "1 problème(s) dans 1 fichier(s) sur 2 examiné(s).",
        "Retirez les identifiants des notes (décrivez les personnes par leur fonction) ; "
        "« visitguide export --redact » les masque dans un rapport.",
    ]


# One way of finding interview files for check, export and status (interview_file.find).


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "json"], ["status"]])
def test_an_upper_case_suffix_is_found_by_every_command(
    cli: Invoke, tmp_path: Path, command: list[str]
) -> None:
    write(tmp_path / "visite" / "jour1" / "GOUVERNANCE.JSON", {"first": "mail a.b@chu.fr"})
    write(tmp_path / "visite" / "dsi.json", {"first": "Rien."})
    result = cli(*command, "visite")
    assert "Traceback" not in result.stdout + result.stderr
    if command[0] == "check":
        assert "visite/jour1/GOUVERNANCE.JSON — " in result.stdout
        assert "sur 2 examiné(s)" in result.stdout
    elif command[0] == "export":
        assert result.exit_code == 0, result.stderr
        assert json.loads(result.stdout)["header"]["interviews"] == 2
    else:
        assert result.exit_code == 0, result.stderr
        assert "2 entretien(s)" in result.stdout


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "md"], ["status"]])
def test_a_missing_path_is_the_same_sentence_for_every_command(
    cli: Invoke, tmp_path: Path, command: list[str]
) -> None:
    result = cli(*command, "absent")
    assert result.exit_code == 2
    assert result.stderr == "Erreur : absent : fichier ou dossier introuvable\n"


@pytest.mark.parametrize("command", [["check"], ["export", "--format", "md"], ["status"]])
def test_an_unreadable_folder_is_named_with_a_french_reason(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    write(tmp_path / "visite" / "e.json", {"first": "Rien."})
    (tmp_path / "visite" / "prive").mkdir()
    real_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:  # root can read anything: refuse this one folder
        if str(path).endswith("prive"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = cli(*command, "visite")
    assert result.exit_code == 2
    assert "visite/prive : dossier illisible (droits d'accès insuffisants)" in result.stderr


def test_find_names_each_file_once_in_walk_order(tmp_path: Path) -> None:
    from visitguide.interview import file as interview_file

    for name in ("b.json", "a/z.Json", "a/.cache/x.json", ".cache.json", "notes.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    found = interview_file.find([Path("."), Path("b.json"), Path("notes.txt")]).files
    assert found == [Path("b.json"), Path("a/z.Json"), Path("notes.txt")]


def test_a_file_named_twice_is_scanned_once(cli: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "e.json")
    result = cli("check", "e.json", ".", "e.json")
    assert result.exit_code == 0
    assert "1 fichier(s) examiné(s)" in result.stdout


def test_a_pipe_named_like_an_interview_is_reported_not_read(cli: Invoke, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.json")
    result = cli("check", ".")
    assert result.exit_code == 1
    assert "tube.json — ce n'est pas un fichier ordinaire" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["absent.json"], "absent.json : fichier ou dossier introuvable"),
        (["vide"], "aucun fichier d'entretien (*.json) trouvé dans : vide"),
        (["e.json", "--bank", "pas-de-banque"], "dossier de banque introuvable : pas-de-banque"),
    ],
)
def test_bad_usage_gives_exit_2_and_one_sentence(
    cli: Invoke, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "vide").mkdir()
    write(tmp_path / "e.json")
    result = cli("check", *args)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"Erreur : {message}"
    assert result.stdout == ""


def test_check_needs_a_path(cli: Invoke) -> None:
    result = cli("check")
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_in_english(cli: Invoke, tmp_path: Path) -> None:
    write(tmp_path / "e.json", {"first": f"NIR {VALID_NIR}"})
    result = cli("check", "e.json", env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 1
    assert f"e.json — {question_ids()[0]} (notes): NIR/INS '2 •• •• •• ••• ••• ••'" in result.stdout
    assert "1 problem(s) in 1 of 1 file(s) scanned." in result.stdout


# --- hostile content -----------------------------------------------------------------------

HOSTILE = "\x1b]0;pwned\x07\x1b[2J"


def test_control_characters_in_ids_and_file_names_never_reach_the_terminal(
    cli: Invoke, tmp_path: Path
) -> None:
    path = write(tmp_path / "e.json")
    interviews.edit(
        path,
        lambda data: data["answers"].__setitem__(
            f"q{HOSTILE}", {"status": "answered", "notes": f"{HOSTILE} NIR {VALID_NIR}"}
        ),
    )
    hostile_name = tmp_path / f"x{HOSTILE}.json"
    path.rename(hostile_name)
    result = cli("check", ".")
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "q\\x1b]0;pwned\\x07\\x1b[2J (notes) : NIR/INS" in result.stdout


def test_an_identifier_hidden_in_an_id_is_found_and_the_id_shown_masked(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    entry = {"status": "answered", "notes": "tél. 0612345678"}
    interviews.edit(path, lambda data: data["answers"].__setitem__("contact-jean.dupont@chu.fr", entry))
    result = cli("check", "e.json")
    assert result.exit_code == 1
    assert "jean.dupont" not in result.stdout and "12345678" not in result.stdout
    assert result.stdout.splitlines()[:2] == [
        "e.json — co•••••-••••.••••••@•••.•• (identifiant) : adresse électronique "
        "« co•••••-••••.••••••@•••.•• »",
        "e.json — co•••••-••••.••••••@•••.•• (notes) : numéro de téléphone « 06•••••••• »",
    ]
    interviews.edit(path, lambda data: data.__setitem__("format_version", 7))  # now invalid
    result = cli("check", "e.json")
    assert "jean.dupont" not in result.stdout and "12345678" not in result.stdout
    assert "« answers.co•••••-••••.••••••@•••.••.notes » : numéro de téléphone" in result.stdout
