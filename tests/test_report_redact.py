"""`export --redact`: no personal identifier survives, in any format, in any field."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.helpers import Invoke, read_back, save, session
from visitguide.interview.file import Answer, AnswerStatus

NIR = "2 95 10 99 126 111 93"
EMAIL = "jean.dupont@chu-exemple.fr"
PHONE = "06 12 34 56 78"
RPPS = "10101234567"
FORMS = (NIR, NIR.replace(" ", ""), EMAIL, "jean.dupont", PHONE, PHONE.replace(" ", ""), RPPS)


def leaky_visit(folder: Path) -> Path:
    """Identifiers in every field a visitor could type them into, and in a file name."""
    folder.mkdir()
    ids = f"NIR {NIR}, courriel {EMAIL}, tél. {PHONE}, RPPS {RPPS}"
    gov = session(
        "gouvernance", f"DG ({EMAIL})", None, establishment=f"CH ({PHONE})", visitor=f"V. ({EMAIL})"
    )
    gov.answer("audit-securite-numerique", f"Patient {NIR}\nrappeler {PHONE}", [f"Mail de {EMAIL}"])
    gov.rate("exercices-crise-cyber", "oui", f"contact {ids}")
    added = gov.add_question(f"Qui appelle le {PHONE} ?", ["3.6-02"])
    gov.answer(added, f"le médecin RPPS {RPPS}", [f"liste {NIR}"])
    loose = gov.add_question(f"Question sur {EMAIL}", [])
    gov.flag(loose, ids)
    gov.interview.answers[f"contact-{EMAIL}"] = Answer(status=AnswerStatus.answered, notes=ids)
    save(gov, folder, f"entretien-{EMAIL}.json")
    pro = session("professionnels", f"IDE {PHONE}", f"Réa {NIR}")
    pro.answer("connexion-sih", ids, [ids])
    pro.rate("pas-identifiant-generique", "non", ids)
    save(pro, folder, "pro.json")
    return folder


def raw_texts(fmt: str, data: bytes) -> list[str]:
    """What the file holds, as its reader sees it and as raw bytes (every part of a .docx)."""
    texts = [read_back(fmt, data)]
    if fmt == "docx":
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            texts.extend(package.read(name).decode("utf-8", "replace") for name in package.namelist())
    else:
        texts.append(data.decode("utf-8"))
    return texts


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "json", "docx"])
def test_redact_leaves_no_identifier_in_any_format(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    visit = leaky_visit(tmp_path / "visite")
    out = tmp_path / f"rapport.{fmt}"
    result = cli("export", visit, "--format", fmt, "--output", out, "--redact")
    assert result.exit_code == 0, result.stderr
    texts = raw_texts(fmt, out.read_bytes())
    for text in texts:
        leaked = [form for form in FORMS if form in text]
        assert not leaked, f"{fmt} leaks {leaked}"
    shown = texts[0].replace("\\", "")  # Markdown escapes the brackets
    for placeholder in (
        "[NIR/INS masqué]",
        "[adresse électronique masquée]",
        "[numéro de téléphone masqué]",
        "[numéro RPPS masqué]",
    ):
        assert placeholder in shown


def test_without_redact_the_notes_are_kept_word_for_word(cli: Invoke, tmp_path: Path) -> None:
    visit = leaky_visit(tmp_path / "visite")
    result = cli("export", visit, "--format", "json")
    assert result.exit_code == 0
    assert NIR in result.stdout and EMAIL in result.stdout and PHONE in result.stdout


def test_redact_never_touches_the_interview_files(cli: Invoke, tmp_path: Path) -> None:
    visit = leaky_visit(tmp_path / "visite")
    before = {p: p.read_bytes() for p in visit.iterdir()}
    assert cli("export", visit, "--format", "md", "--redact").exit_code == 0
    assert {p: p.read_bytes() for p in visit.iterdir()} == before


def _guide_changed(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["guide"]["digest"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_redact_leaves_no_identifier_on_stderr_either(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    visit = leaky_visit(tmp_path / "visite")
    _guide_changed(visit / f"entretien-{EMAIL}.json")  # the note on stderr names the file
    result = cli("export", "visite", "--format", fmt, "--redact", "-o", f"r.{fmt}")
    assert result.exit_code == 0, result.stderr
    assert "visite/[adresse électronique masquée]" in result.stderr  # the name looks like an address
    assert "jean.dupont" not in result.stderr
    plain = cli("export", "visite", "--format", fmt, "-o", f"r.{fmt}", "--force")
    assert f"entretien-{EMAIL}.json" in plain.stderr  # without --redact, the real name


def test_redact_masks_the_file_named_by_an_error(cli: Invoke, tmp_path: Path) -> None:
    visit = leaky_visit(tmp_path / "visite")
    (visit / f"copie-{EMAIL}.json").write_text("{", encoding="utf-8")
    result = cli("export", "visite", "--format", "md", "--redact")
    assert result.exit_code == 2
    assert "visite/[adresse électronique masquée]:1: fichier d'entretien endommagé" in result.stderr
    assert "jean.dupont" not in result.stdout + result.stderr
