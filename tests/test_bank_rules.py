"""Each loader rule of CONTRACT.md §1 has a broken bank that fails with its message and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.bankfactory import GOUVERNANCE, GUIDE, TERRAIN, write_guide
from tests.helpers import Invoke

G = GUIDE.format(gid="essai")


def _replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# (case name, files to override, expected "file:line: message" fragment)
CASES = [
    (
        "unknown key in guide",
        {"guide": G + "auteur: moi\n"},
        "guide.yaml:22: clé inconnue « auteur »",
    ),
    (
        "unknown key in question, with suggestion",
        {"terrain": _replace(TERRAIN, "    hint:", "    hnit:")},
        "terrain.yaml:6: clé inconnue « hnit » Vouliez-vous dire « hint » ?",
    ),
    (
        "missing required key",
        {"gouvernance": _replace(GOUVERNANCE, "    text: Première question ?\n", "")},
        "gouvernance.yaml:3: clé obligatoire manquante : « text »",
    ),
    (
        "missing title in guide",
        {"guide": _replace(G, "title: Guide d'essai\n", "")},
        "guide.yaml:1: clé obligatoire manquante : « title »",
    ),
    (
        "duplicate criterion id",
        {"guide": _replace(G, '  - id: "1.1-02"', '  - id: "1.1-01"')},
        "guide.yaml:9: identifiant « 1.1-01 » en double (déjà défini ligne 7)",
    ),
    (
        "duplicate question id across files",
        {"terrain": _replace(TERRAIN, "id: question-terrain", "id: question-un")},
        "terrain.yaml:3: question « question-un » en double (déjà définie dans gouvernance.yaml:3)",
    ),
    (
        "undeclared criterion in a question",
        {"gouvernance": _replace(GOUVERNANCE, 'criteria: ["1.1-02"]', 'criteria: ["9.9-99"]')},
        "gouvernance.yaml:7: critère « 9.9-99 » non déclaré dans criteria de guide.yaml",
    ),
    (
        "undeclared criterion in a checkpoint",
        {"guide": _replace(G, '    criteria: ["1.1-01"]\n', '    criteria: ["1.1-09"]\n')},
        "guide.yaml:21: critère « 1.1-09 » non déclaré dans criteria de guide.yaml",
    ),
    (
        "undeclared checkpoint audience",
        {"guide": _replace(G, "    audience: gouvernance", "    audience: direction")},
        "guide.yaml:19: public « direction » non déclaré dans audiences de guide.yaml",
    ),
    (
        "audience without its file",
        {"guide": _replace(G, "checkpoints:", "  - id: usagers\n    label: Usagers\ncheckpoints:")},
        "guide.yaml:16: le public « usagers » n'a pas de fichier usagers.yaml",
    ),
    (
        "file without its audience",
        {"usagers": "audience: usagers\nquestions:\n  - id: q\n    criteria: ['1.1-01']\n    text: x\n"},
        "usagers.yaml: fichier sans public : « usagers » n'est pas déclaré",
    ),
    (
        "audience name differs from file name",
        {"terrain": _replace(TERRAIN, "audience: terrain", "audience: gouvernance")},
        "terrain.yaml:1: audience « gouvernance » doit être le nom du fichier terrain.yaml",
    ),
    (
        "id not matching its pattern",
        {"gouvernance": _replace(GOUVERNANCE, "id: question-un", "id: Question_Un")},
        "gouvernance.yaml:3: identifiant « Question_Un » invalide",
    ),
    (
        "criterion code not matching its pattern",
        {"gouvernance": _replace(GOUVERNANCE, 'criteria: ["1.1-01"]', 'criteria: ["crit 1"]')},
        "gouvernance.yaml:4: code de critère « crit 1 » invalide",
    ),
    (
        "guide id differs from its folder",
        {"guide": _replace(G, "id: essai", "id: autre")},
        "guide.yaml:1: l'identifiant du guide « autre » doit être le nom de son dossier « essai »",
    ),
    (
        "python tag",
        {"terrain": _replace(TERRAIN, "hint: Une aide.", "hint: !!python/object/apply:os.system [ls]")},
        "terrain.yaml:6: étiquette YAML « !!python/object/apply:os.system » interdite",
    ),
    (
        "custom tag",
        {"terrain": _replace(TERRAIN, "hint: Une aide.", "hint: !secret x")},
        "terrain.yaml:6: étiquette YAML « !secret » interdite",
    ),
    (
        "anchor and alias",
        {
            "terrain": _replace(
                TERRAIN, '    criteria: ["1.1-01", "1.1-02"]', '    criteria: &c ["1.1-01"]\n    evidence: *c'
            )
        },
        "terrain.yaml:5: ancres et alias YAML (& et *) interdits",
    ),
    (
        "alias bomb",
        {
            "terrain": "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        },
        "terrain.yaml:2: ancres et alias YAML (& et *) interdits",
    ),
    (
        "non-string key",
        {"terrain": TERRAIN + "1: un\n"},
        "terrain.yaml:8: clé qui n'est pas un texte",
    ),
    (
        "duplicate key",
        {"terrain": _replace(TERRAIN, "    hint: Une aide.\n", "    hint: Une aide.\n    hint: Deux.\n")},
        "terrain.yaml:7: clé « hint » en double",
    ),
    (
        "version written as a date",
        {"guide": _replace(G, 'version: "1"', "version: 2024-11-07")},
        "guide.yaml:4: « version » doit être un texte : mettez la valeur entre guillemets",
    ),
    (
        "bad YAML syntax",
        {"terrain": "audience: terrain\nquestions:\n  - id: q\n    text: a: b\n"},
        "terrain.yaml:4: syntaxe YAML invalide",
    ),
    (
        "unclosed bracket",
        {"terrain": "audience: terrain\nquestions: [\n"},
        "terrain.yaml:3: syntaxe YAML invalide",
    ),
    (
        "empty guide.yaml",
        {"guide": ""},
        "guide.yaml: fichier vide",
    ),
    (
        "guide.yaml that is a list",
        {"guide": "- a\n- b\n"},
        "guide.yaml:1: le fichier doit contenir un dictionnaire",
    ),
    (
        "empty question list",
        {"terrain": "audience: terrain\nquestions: []\n"},
        "terrain.yaml:2: « questions » doit contenir au moins un élément (ou le public doit avoir des points",
    ),
    (
        "added names a field the question does not have",
        {
            "guide": _replace(G, "criteria:\n", "additions_by: visitguide\ncriteria:\n"),
            "gouvernance": _replace(
                GOUVERNANCE,
                "    text: Première question ?\n",
                "    text: Première question ?\n    added: [hint]\n",
            ),
        },
        "gouvernance.yaml:6: « added » nomme « hint », que cet élément n'a pas",
    ),
    (
        "added names a field twice",
        {
            "guide": _replace(G, "criteria:\n", "additions_by: visitguide\ncriteria:\n"),
            "terrain": TERRAIN + "    added: [hint, evidence, hint]\n",
        },
        "terrain.yaml:8: « hint » nommé deux fois dans « added »",
    ),
    (
        "added field outside the list",
        {
            "guide": _replace(G, "criteria:\n", "additions_by: visitguide\ncriteria:\n"),
            "terrain": TERRAIN + "    added: [text]\n",
        },
        "terrain.yaml:8: valeur « text » non autorisée pour « added »",
    ),
    (
        "additions marked without their author",
        {"terrain": TERRAIN + "    added: [hint]\n"},
        "terrain.yaml:8: « added » marque des ajouts : nommez leur auteur dans additions_by",
    ),
    (
        "checkpoint criteria marked without their author",
        {"guide": G + "    added: [criteria]\n"},
        "guide.yaml:22: « added » marque des ajouts : nommez leur auteur",
    ),
    (
        "question id that is also a checkpoint id",
        {"terrain": _replace(TERRAIN, "id: question-terrain", "id: point-un")},
        "terrain.yaml:3: l'identifiant « point-un » est déjà celui d'un point de vérification",
    ),
    (
        "pair naming an unknown id",
        {
            "guide": G + "pairs:\n  - {declared: point-un, observed: question-terrain}\n"
            "  - {declared: point-un, observed: point-absent, source: visitguide}\n"
        },
        "guide.yaml:24: paire : « point-absent » n'est ni un point de vérification ni une question du guide",
    ),
    (
        "pair with an unknown key",
        {"guide": G + "pairs:\n  - {declared: point-un, observed: question-terrain, sens: x}\n"},
        "guide.yaml:23: clé inconnue « sens »",
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_bank(cli: Invoke, tmp_path: Path, files: dict[str, str], expected: str) -> None:
    bank = tmp_path / "bank"
    write_guide(bank, **files)
    result = cli("validate", bank)
    assert result.exit_code == 1, result.output
    assert expected in result.stdout, result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)

    used = cli("questions", "--bank", bank, "--guide", "essai")
    assert used.exit_code == 2, used.output
    assert expected in used.stderr
    assert "Traceback" not in used.output


def _bytes_case(tmp_path: Path, name: str, data: bytes) -> Path:
    bank = tmp_path / "bank"
    folder = write_guide(bank)
    (folder / f"{name}.yaml").write_bytes(data)
    return bank


def test_non_utf8_bytes_name_their_line(cli: Invoke, tmp_path: Path) -> None:
    bank = _bytes_case(tmp_path, "terrain", TERRAIN.encode() + b"    # caf\xe9\n")
    result = cli("validate", bank)
    assert result.exit_code == 1
    assert "terrain.yaml:8: octets invalides : le fichier n'est pas encodé en UTF-8" in result.stdout


def test_file_over_one_mebibyte_refused_before_parsing(cli: Invoke, tmp_path: Path) -> None:
    # Invalid YAML beyond the cap: only the size may be reported, proving nothing was parsed.
    bank = _bytes_case(tmp_path, "terrain", b"audience: terrain\n" + b"[" * (1024 * 1024 + 1))
    result = cli("validate", bank)
    assert result.exit_code == 1
    assert "terrain.yaml: fichier trop volumineux" in result.stdout
    assert "syntaxe" not in result.stdout


def test_every_problem_of_every_file_in_one_run(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    write_guide(
        bank,
        guide=G + "auteur: moi\n",
        gouvernance=_replace(GOUVERNANCE, 'criteria: ["1.1-02"]', 'criteria: ["9.9-99"]'),
        terrain=_replace(TERRAIN, "hint: Une aide.", "hint: !!python/name:os.system"),
    )
    result = cli("validate", bank)
    assert result.exit_code == 1
    assert "guide.yaml:22: clé inconnue « auteur »" in result.stdout
    assert "gouvernance.yaml:7: critère « 9.9-99 »" in result.stdout
    assert "terrain.yaml:6: étiquette YAML" in result.stdout
    assert "3 problème(s) trouvé(s)." in result.stdout


def test_valid_factory_bank_is_clean(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    write_guide(bank)
    result = cli("validate", bank)
    assert result.exit_code == 0, result.stdout
    assert "1 guide(s) vérifié(s) : aucun problème." in result.stdout


def test_validate_a_single_guide_folder(cli: Invoke, tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "bank", guide=G + "auteur: moi\n")
    result = cli("validate", folder)
    assert result.exit_code == 1
    assert "clé inconnue « auteur »" in result.stdout


def test_missing_guide_folder_of_bank(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    write_guide(bank)
    (bank / "brouillon").mkdir()
    result = cli("validate", bank)
    assert result.exit_code == 1
    assert "brouillon: dossier sans guide.yaml" in result.stdout


def test_missing_bank_folder(cli: Invoke, tmp_path: Path) -> None:
    result = cli("questions", "--bank", tmp_path / "nulle-part")
    assert result.exit_code == 2
    assert "dossier de banque introuvable" in result.stderr


def test_line_numbers_are_never_read_as_emoji_nor_wrapped(cli: Invoke, tmp_path: Path) -> None:
    padding = "".join(f"# ligne {i}\n" for i in range(92))
    bank = tmp_path / "bank"
    write_guide(
        bank, terrain=padding + TERRAIN + "auteur-du-fichier-avec-un-nom-tres-long-pour-depasser: x\n"
    )
    result = cli("questions", "--bank", bank, "--guide", "essai", env={"COLUMNS": "60"})
    assert result.exit_code == 2
    assert "terrain.yaml:100: clé inconnue « auteur-du-fichier-avec-un-nom-tres-long-pour-depasser »" in (
        result.stderr
    )


def test_two_files_for_one_audience(cli: Invoke, tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "bank")
    (folder / "terrain.yml").write_text(TERRAIN.replace("question-terrain", "autre"), encoding="utf-8")
    result = cli("validate", tmp_path / "bank")
    assert result.exit_code == 1
    assert "terrain.yml: deux fichiers pour le public « terrain » (avec terrain.yaml)" in result.stdout


def test_validate_a_missing_folder_is_bad_usage(cli: Invoke, tmp_path: Path) -> None:
    result = cli("validate", tmp_path / "absent")
    assert result.exit_code == 2
    assert "dossier de banque introuvable" in result.stderr


def test_an_unreadable_guide_folder_is_named_not_a_traceback(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root nothing is unreadable: the permission error is simulated where it arises."""
    bank = tmp_path / "bank"
    write_guide(bank)
    locked = bank / "verrouille"
    locked.mkdir()
    original = Path.is_file

    def is_file(self: Path) -> bool:
        if self.parent == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "is_file", is_file)
    listed = cli("guides", "--bank", bank)
    assert listed.exit_code == 2
    assert "verrouille: fichier illisible (droits d'accès insuffisants)" in listed.stderr
    checked = cli("validate", bank)
    assert checked.exit_code == 1
    assert "verrouille: fichier illisible (droits d'accès insuffisants)" in checked.stdout


def test_imported_shapes_are_valid(cli: Invoke, tmp_path: Path) -> None:
    """What `visitguide import` writes: a checkpoint without criteria, a criterion without a
    title, an audience with checkpoints and no question, the fiche's caveat."""
    guide = GUIDE.format(gid="essai").replace('    criteria: ["1.1-01"]\n', "")  # the checkpoint's
    guide = guide.replace("    title: Second critère\n", "")
    caveat = "caveat: Les questions suivantes ne sont ni opposables.\n"
    guide = guide.replace("audiences:\n", caveat + "audiences:\n")
    guide = guide.replace("audience: gouvernance\n    text", "audience: terrain\n    text")
    bank = tmp_path / "bank"
    write_guide(bank, guide=guide, terrain="audience: terrain\nquestions: []\n")
    result = cli("validate", bank)
    assert result.exit_code == 0, result.output
    shown = cli("questions", "--bank", bank, "--guide", "essai", "--format", "json")
    assert shown.exit_code == 0, shown.output
    assert '"audience": "terrain"' not in shown.stdout


# --- issue 11, point 11: messages that tell the truth ---------------------------------------


def test_every_error_before_a_yaml_syntax_error_is_still_reported(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    broken = _replace(GOUVERNANCE, "  - id: question-deux\n", "  - id: Question_Deux\n    hintz: x\n")
    write_guide(bank, gouvernance=broken + "  - id: q3\n    text: a: b\n")
    result = cli("validate", bank)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any("gouvernance.yaml:6: identifiant « Question_Deux » invalide" in line for line in lines)
    assert any("gouvernance.yaml:7: clé inconnue « hintz »" in line for line in lines)
    assert any("gouvernance.yaml:11: syntaxe YAML invalide" in line for line in lines)
    assert not any("question-un" in line or ":10:" in line for line in lines)
    assert len(lines) == 4  # three problems and the count: nothing made up from the cut


def test_every_alias_of_a_file_is_reported_and_the_rest_checked(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    aliased = '    criteria: &c ["1.1-01"]\n    evidence: *c'
    terrain = _replace(TERRAIN, '    criteria: ["1.1-01", "1.1-02"]', aliased)
    write_guide(bank, terrain=terrain + "    hintz: *c\n")
    result = cli("validate", bank)
    assert result.exit_code == 1
    assert "terrain.yaml:5: ancres et alias YAML (& et *) interdits" in result.stdout
    assert "terrain.yaml:9: ancres et alias YAML (& et *) interdits" in result.stdout
    assert "terrain.yaml:9: clé inconnue « hintz »" in result.stdout


def test_a_line_break_in_an_id_never_splits_a_file_line(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    hostile = 'id: "question\\nun\\r\\u2028deux"'
    write_guide(bank, gouvernance=_replace(GOUVERNANCE, "id: question-un", hostile))
    for result in (cli("validate", bank), cli("questions", "--bank", bank, "--guide", "essai")):
        lines = (result.stdout + result.stderr).splitlines()
        assert any("identifiant « question\\nun\\r\\u2028deux » invalide" in line for line in lines), lines
        bad = [line for line in lines if "deux" in line and "gouvernance.yaml:3:" not in line]
        assert bad == []


def test_a_file_given_as_a_bank_is_called_a_file_not_missing(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "banque.yaml").write_text("id: x\n", encoding="utf-8")
    for args in (["validate", "banque.yaml"], ["guides", "--bank", "banque.yaml"]):
        result = cli(*args)
        assert result.exit_code == 2, args
        assert "banque.yaml n'est pas un dossier" in result.stderr
        assert "introuvable" not in result.stderr
    assert "dossier de banque introuvable : absente" in cli("guides", "--bank", "absente").stderr


def test_an_unlistable_bank_is_named_not_skipped(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = tmp_path / "bank"
    write_guide(bank)
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> Any:  # root can read anything: refuse this one folder
        if self == bank:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    result = cli("questions", "--bank", bank, "--guide", "essai")
    assert result.exit_code == 2
    assert f"{bank} : dossier de banque illisible (droits d'accès insuffisants)" in result.stderr
    assert "guide inconnu" not in result.stderr
