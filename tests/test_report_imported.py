"""A visit on a bank imported from a fiche: its checkpoints have no criterion, and the report
still names, places and links everything it shows."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import FICHE, Invoke

ANSWERS = """\
audience: professionnels
context: {{establishment: CH Exemple, sector: Urgences, interviewee_role: {role}, date: 2026-11-2{day}}}
checkpoints:
  {checkpoint}: {{rating: {rating}}}
"""


def imported_visit(cli: Invoke, tmp_path: Path) -> tuple[Path, str]:
    assert cli("import", FICHE, "--out", tmp_path / "bank").exit_code == 0
    guide = tmp_path / "bank" / "risques-numeriques" / "guide.yaml"
    checkpoint = re.search(r"- id: (connaissent-referent\S*)", guide.read_text(encoding="utf-8"))
    assert checkpoint, "the imported guide has the référent checkpoint"
    for day, (role, rating) in enumerate(
        (("IDE", "non"), ("Cadre", "oui"), ("AS", "non"), ("Médecin", "oui"))
    ):
        answers = tmp_path / f"r{day}.yaml"
        answers.write_text(
            ANSWERS.format(role=role, day=day + 1, checkpoint=checkpoint.group(1), rating=rating),
            encoding="utf-8",
        )
        out = tmp_path / "visite" / f"e{day}.json"
        result = cli("interview", "--bank", tmp_path / "bank", "--answers", answers, "--out", out)
        assert result.exit_code == 0, result.stderr
    return tmp_path / "visite", checkpoint.group(1)


def test_an_ecart_on_a_checkpoint_without_criterion_is_named_and_never_linked_nowhere(
    cli: Invoke, tmp_path: Path
) -> None:
    visit, checkpoint = imported_visit(cli, tmp_path)
    md = cli("export", "--bank", tmp_path / "bank", visit, "--format", "md")
    assert md.exit_code == 0, md.stderr
    assert f"point « {checkpoint} » (sans critère)" in md.stdout
    assert "critère )" not in md.stdout and "None" not in md.stdout
    html = cli("export", "--bank", tmp_path / "bank", visit, "--format", "html")
    assert html.exit_code == 0, html.stderr
    targets = set(re.findall(r'href="#([^"]+)"', html.stdout))
    anchors = set(re.findall(r'id="([^"]+)"', html.stdout))
    assert targets <= anchors, targets - anchors
    assert "critère )" not in html.stdout
    docx = cli(
        "export", "--bank", tmp_path / "bank", visit, "--format", "docx", "--output", tmp_path / "r.docx"
    )
    assert docx.exit_code == 0, docx.stderr


def test_status_shows_the_checkpoints_without_criterion_by_section(cli: Invoke, tmp_path: Path) -> None:
    from visitguide.report import status

    visit, _ = imported_visit(cli, tmp_path)
    found = status.findings([visit], None, [tmp_path / "bank"])
    assert found.unlinked and found.ecarts == 1
    section = next(u for u in found.unlinked if u[1])
    assert section[1:] == (1, section[2], 1)  # one checkpoint rated, its écart counted
    out = cli("status", "--bank", tmp_path / "bank", visit).stdout
    assert "Points de vérification sans critère, par section" in out
    assert f"{section[0]} : PV 1/{section[2]} ⚠ 1" in " ".join(out.split())
