"""`visitguide status`: the criterion × audience matrix and what is left to ask, by sector."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import Invoke, answers_visit, save, session
from visitguide.report import status


def two_sectors(folder: Path, sector: str = "Réanimation") -> Path:
    """The governance and professionals of two sectors, part-way through the visit."""
    folder.mkdir()
    gov = session("gouvernance", "Directeur général")
    gov.answer("audit-securite-numerique", "Audit fait en 2025.")
    gov.answer("exercice-crise-cyber", "Exercice en mars.")
    gov.rate("politique-regles-acces", "oui")
    gov.rate("gestion-arrivees-departs", "oui")
    save(gov, folder, "gouvernance.json")
    rea = session("professionnels", "IDE", sector)
    rea.answer("connexion-sih", "Carte CPS.")
    rea.answer("risques-cyber-conduite", "Signalement au service informatique.")
    rea.rate("connaissance-regles-acces", "non")
    rea.rate("pas-identifiant-generique", "non")
    save(rea, folder, "rea.json")
    urg = session("professionnels", "Cadre de santé", "Urgences")
    urg.answer("outils-acces-si", "Trois postes pour douze soignants.")
    urg.flag("referent-securite-si-contact", "Ne connaît pas le référent : revoir avec l'IDE.")
    urg.rate("connaissance-regles-acces", "non")
    save(urg, folder, "urgences.json")
    return folder


def line_with(output: str, start: str) -> int:
    lines = output.splitlines()
    return next(i for i, line in enumerate(lines) if line.strip().startswith(start))


def test_status_shows_the_matrix(cli: Invoke, tmp_path: Path) -> None:
    result = cli("status", two_sectors(tmp_path / "visite"))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "3 entretien(s)" in out
    for header in ("gouvernance (1)", "technique (0)", "professionnels (2)"):
        assert header in out
    row = out.splitlines()[line_with(out, "│ 3.6-06")]
    cells = [c.strip() for c in row.split("│")[1:-1]]
    assert cells == ["3.6-06", "PV 2/2", "Q 0/3", "Q 1/1 · PV 2/4", "1"]
    shares = [c.strip() for c in out.splitlines()[line_with(out, "│ 3.6-06") + 1].split("│")[1:-1]]
    assert shares[1] == "100 % oui ⚠ 1" and shares[3] == "0 % oui ⚠ 1"
    assert "2.3-01, 3.1-07" in out  # criteria with nothing to ask are named, not drawn


def test_status_says_what_is_left_to_ask_and_of_whom(cli: Invoke, tmp_path: Path) -> None:
    out = cli("status", two_sectors(tmp_path / "visite")).stdout
    lines = out.splitlines()
    tech = line_with(out, "Au plan technique (0 entretien(s))")
    assert "3 question(s) jamais posée(s)" in lines[tech]
    assert [lines[tech + i].split()[1] for i in (1, 2, 3)] == [
        "regles-acces-si",
        "acces-distance-mobilite",
        "identification-professionnels-si",
    ]
    pros = line_with(out, "Avec les professionnels (2 entretien(s))")
    assert "3 question(s) jamais posée(s)" in lines[pros]
    rea = line_with(out, "— Réanimation (1 entretien(s))")
    assert "5 question(s) jamais posée(s)" in lines[rea] and "11 point(s) jamais coté(s)" in lines[rea]
    assert lines[rea + 1].split() == [
        "outils-acces-si,",
        "formation-nouvel-outil,",
        "referent-securite-si-contact,",
        "continuite-mode-degrade,",
        "documents-sante-poste",
    ]
    urgences = line_with(out, "— Urgences (1 entretien(s))")
    assert "connexion-sih" in lines[urgences + 1] and "risques-cyber-conduite" in lines[urgences + 1]
    assert "à revoir : referent-securite-si-contact (E3, Cadre de santé, Urgences)" in out


def test_status_cleans_text_from_the_files(cli: Invoke, tmp_path: Path) -> None:
    folder = two_sectors(tmp_path / "visite", sector="Réa\x1b]0;titre\x07[bold]x[/]:100:")
    result = cli("status", folder)
    assert result.exit_code == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "Réa\\x1b]0;titre\\x07[bold]x[/]:100:" in result.stdout  # no markup, no emoji


def test_status_refuses_what_export_refuses(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = cli("status", tmp_path / "vide")
    assert result.exit_code == 2 and "aucun fichier d'entretien" in result.stderr
    folder = two_sectors(tmp_path / "visite")
    (folder / "abime.json").write_text("{")
    result = cli("status", folder)
    assert result.exit_code == 2 and "abime.json" in result.stderr


def test_status_uses_the_width_and_leaves_empty_cells_empty(cli: Invoke, tmp_path: Path) -> None:
    out = cli("status", two_sectors(tmp_path / "visite")).stdout  # COLUMNS=200
    assert (
        "L'identification des utilisateurs et des patients dans le système d'information est sécurisée" in out
    )
    assert "— oui" not in out  # no rating yet: no share of "oui" either
    narrow = cli("status", tmp_path / "visite", env={"COLUMNS": "80"}).stdout
    assert all(len(line) <= 80 for line in narrow.splitlines()[:40])


# --- compute, then show ------------------------------------------------------------------


def test_findings_are_data_computed_without_printing(tmp_path: Path, capsys: object) -> None:
    found = status.findings([two_sectors(tmp_path / "visite")], None, [])
    assert (found.where, found.interviews) == ("CH de Valmont", 3)
    assert found.audiences == [("gouvernance", 1), ("technique", 0), ("professionnels", 2)]
    row = next(r for r in found.rows if r.criterion == "3.6-06")
    assert [(c.audience, c.checkpoints_rated, c.checkpoints_total) for c in row.cells] == [
        ("gouvernance", 2, 2),
        ("technique", 0, 0),
        ("professionnels", 2, 4),
    ]
    assert row.ecarts == 1 and found.empty_criteria == ["2.3-01", "3.1-07"]
    assert [(f.question, f.who.code) for f in found.revisit] == [("referent-securite-si-contact", "E3")]
    assert capsys.readouterr() == ("", "")  # type: ignore[attr-defined]


def test_status_names_added_questions_by_their_visit_wide_ids_and_lists_documents_awaited(
    cli: Invoke, tmp_path: Path
) -> None:
    folder = answers_visit(cli, tmp_path / "visite")
    found = status.findings([folder], None, [])
    added = [f for f in found.revisit if f.added]
    assert len(added) == 1 and added[0].question.startswith("perso-1-") and added[0].who.code == "E6"
    assert ("À la gouvernance", "Plan d'actions à 6, 12 et 18 mois", ["E1"]) in found.awaited
    assert ("Au plan technique", "Liste des utilisateurs en mobilité", ["E3"]) in found.awaited
    assert (found.ecarts, found.to_confirm) == (7, 2)
    out = cli("status", folder).stdout
    assert f"à revoir : {added[0].question} (E6, IDE, Urgences)" in out
    assert "Plan d'actions à 6, 12 et 18 mois — À la gouvernance (E1)" in out
