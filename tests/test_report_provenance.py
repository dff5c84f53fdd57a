"""The report says what the bank added (issue 13): the référentiel's reading, the caveat, the
documents and checkpoint criteria of visitguide, equivalents "à confirmer"; it presents the
criteria by their 2025 codes on request, and reports checkpoints without criteria by section."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.bankfactory import GUIDE, write_guide
from tests.helpers import Invoke, answers_visit

CAVEAT = "Avertissement de la source : « Les questions suivantes ne sont ni opposables, ni exhaustives."
READING = "2021 (proposé par visitguide, non précisé par la source)"


@pytest.fixture
def visit(cli: Invoke, tmp_path: Path) -> Path:
    return answers_visit(cli, tmp_path / "visite")


def export(cli: Invoke, folder: Path, fmt: str, *extra: str) -> str:
    out = folder.parent / f"rapport-{len(list(folder.parent.glob('rapport-*')))}.{fmt}"
    result = cli("export", folder, "--format", fmt, "--output", out, *extra)
    assert result.exit_code == 0, result.stderr
    if fmt == "docx":
        return zipfile.ZipFile(io.BytesIO(out.read_bytes())).read("word/document.xml").decode()
    return out.read_text(encoding="utf-8")


def test_json_records_what_the_bank_added(cli: Invoke, visit: Path) -> None:
    data = json.loads(export(cli, visit, "json"))
    guide = data["header"]["guide"]
    assert guide["caveat"].startswith("Les questions suivantes ne sont ni opposables")
    assert guide["additions_by"] == "visitguide" and guide["referentiel_added"] is True
    assert data["header"]["presented_in"] is None
    by_id = {c["id"]: c for c in data["criteria"]}
    equivalent = by_id["3.6-06"]["equivalent"]
    assert (equivalent["referentiel"], equivalent["id"]) == ("2025", "3.1-08")
    assert equivalent["source"] is None  # to be confirmed
    checkpoints = [k for c in data["criteria"] for k in c["checkpoints"]]
    assert checkpoints and all(k["criteria_added_by"] == "visitguide" for k in checkpoints)
    suggested = [d for c in data["criteria"] for d in c["documents"] if d["requested"]]
    assert suggested and all(d["added_by"] == "visitguide" for d in suggested)
    noted = [d for c in data["criteria"] for d in c["documents"] if not d["requested"]]
    assert all(d["added_by"] is None for d in noted)  # a visitor's document is nobody's addition
    assert data["unlinked"] == []


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_every_format_shows_the_reading_the_caveat_and_the_marks(cli: Invoke, visit: Path, fmt: str) -> None:
    text = export(cli, visit, fmt).replace("&#39;", "'").replace("&apos;", "'")
    assert READING in text
    assert CAVEAT in text
    assert "Rattachement de ces points de vérification au critère : proposé par visitguide." in text
    assert "(à confirmer)" in text
    assert "proposé par visitguide (audit-securite-numerique" in text  # documents to request
    assert "proposé par le guide" not in text  # nothing the bank added passes for the source's


def test_criteria_presented_by_their_2025_codes(cli: Invoke, visit: Path) -> None:
    md = export(cli, visit, "md", "--referentiel", "2025")
    assert "· critères présentés par leurs codes du référentiel 2025 quand un équivalent existe" in md
    assert "\n## 3.1-08 (2021 : 3.6-06, à confirmer) — L'identification des utilisateurs" in md
    assert "\n## 2.2-05 (2021) — Les équipes de soins" in md  # no equivalent: its own code, labelled
    assert "| 3.1-07 (2021 : 3.6-02, à confirmer) |" in md  # the summary matrix
    assert "| 3.1-07 (2021) |" in md  # the fiche's own 3.1-07 cannot pass for the 2025 one
    data = json.loads(export(cli, visit, "json", "--referentiel", "2025"))
    assert data["header"]["presented_in"] == "2025"
    codes = {c["id"]: c["code"] for c in data["criteria"]}
    assert codes["3.6-06"] == "3.1-08" and codes["2.2-05"] == "2.2-05"
    assert {r["criterion"]: r["code"] for r in data["matrix"]}["3.6-02"] == "3.1-07"
    html = export(cli, visit, "html", "--referentiel", "2025")
    assert 'id="critere-3.6-06"' in html  # links keep the guide's codes
    assert "3.1-08 (2021 : 3.6-06, à confirmer) — L&#39;identification" in html


def test_an_unknown_referentiel_is_refused(cli: Invoke, visit: Path) -> None:
    result = cli("export", visit, "--referentiel", "2030")
    assert result.exit_code == 2
    assert "référentiel « 2030 » inconnu de ce guide (connus : 2021, 2025)" in result.stderr
    blank = cli("export", "--blank", "--referentiel", "2025")
    assert blank.exit_code == 2


def test_checkpoints_without_criteria_are_reported_under_their_section(cli: Invoke, tmp_path: Path) -> None:
    bank = tmp_path / "banque"
    write_guide(bank, guide=GUIDE.format(gid="essai").replace('    criteria: ["1.1-01"]\n', ""))
    answers = tmp_path / "reponses.yaml"
    answers.write_text(
        "guide: essai\naudience: gouvernance\ncontext: {establishment: CH, interviewee_role: DG}\n"
        "answers: {question-un: {notes: Fait.}}\n"
        "checkpoints: {point-un: {rating: non, comment: Pas encore.}}\n",
        encoding="utf-8",
    )
    visit = tmp_path / "visite"
    visit.mkdir()
    made = cli("interview", "--bank", bank, "--answers", answers, "--out", visit / "e1.json")
    assert made.exit_code == 0, made.stderr
    result = cli("export", visit, "--bank", bank, "--format", "json")
    assert result.exit_code == 0, result.stderr
    unlinked = json.loads(result.stdout)["unlinked"]
    assert [(s["section"], [k["id"] for k in s["checkpoints"]]) for s in unlinked] == [
        ("Section", ["point-un"])
    ]
    assert unlinked[0]["checkpoints"][0]["non"] == 1
    md = cli("export", visit, "--bank", bank).stdout
    part = md[md.index("## Points de vérification sans critère") :]
    assert "### Section" in part and "**point-un** : un point à vérifier" in part and "Pas encore." in part
