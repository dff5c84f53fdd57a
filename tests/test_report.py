"""`visitguide export`: every word reaches every format, écarts, inputs, CSV and HTML safety."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import (
    BUNDLED,
    MARKERS,
    Invoke,
    content_visit,
    ecart_visit,
    read_back,
    save,
    session,
)
from visitguide.bank import loader as bank
from visitguide.report import jsonfile

FORMATS = ["md", "html", "csv", "json", "docx"]


def export(cli: Invoke, *args: str | Path, fmt: str, out: Path) -> bytes:
    result = cli("export", *args, "--format", fmt, "--output", out, "--force")
    assert result.exit_code == 0, result.stderr
    return out.read_bytes()


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_note_evidence_comment_and_added_question_reaches_the_format(
    cli: Invoke, tmp_path: Path, fmt: str
) -> None:
    visit = content_visit(tmp_path / "visite")
    text = read_back(fmt, export(cli, visit, fmt=fmt, out=tmp_path / f"rapport.{fmt}"))
    missing = [what for what, marker in MARKERS.items() if marker not in text]
    assert not missing, f"{fmt} lost: {missing}"


def test_the_report_goes_to_standard_output_for_text_formats(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    for fmt in ("md", "csv", "json", "html"):
        result = cli("export", visit, "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert MARKERS["note gouvernance"] in result.stdout


def test_docx_needs_an_output_file(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", content_visit(tmp_path / "visite"), "--format", "docx")
    assert result.exit_code == 2
    assert "--output" in result.stderr
    assert not result.stdout


# --- écarts ----------------------------------------------------------------------------------


def ecarts(cli: Invoke, folder: Path) -> list[dict[str, object]]:
    result = cli("export", folder, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["ecarts"]  # type: ignore[no-any-return]


def test_ecarts_are_found_on_a_crafted_visit(cli: Invoke, tmp_path: Path) -> None:
    found = ecarts(cli, ecart_visit(tmp_path / "visite"))
    summary = [(e["kind"], e["criteria"], e["checkpoint"], e["sector"]) for e in found]
    assert summary == [
        ("audiences", ["3.6-06"], None, None),
        ("sectors", ["3.6-02"], "conduite-en-cas-de-doute", None),
        ("within", ["3.6-02"], "connaissance-risques-prevention", "Réanimation"),
    ]
    audiences = found[0]
    assert [s["audience"] for s in audiences["high"]] == ["gouvernance"]  # type: ignore[index]
    assert [s["audience"] for s in audiences["low"]] == ["professionnels"]  # type: ignore[index]
    assert [(s["label"], s["oui"], s["non"]) for s in found[1]["low"]] == [("Urgences", 0, 2)]  # type: ignore[index]
    assert [s["label"] for s in found[2]["low"]] == ["E3 · Médecin (2026-11-24)"]  # type: ignore[index]


def test_no_ecart_on_a_consistent_visit(cli: Invoke, tmp_path: Path) -> None:
    folder = ecart_visit(tmp_path / "visite", consistent=True)
    assert ecarts(cli, folder) == []
    html = export(cli, folder, fmt="html", out=tmp_path / "r.html").decode()
    assert "Aucun écart" in html


def test_the_html_report_shows_the_ecarts_before_the_criteria(cli: Invoke, tmp_path: Path) -> None:
    html = export(cli, ecart_visit(tmp_path / "visite"), fmt="html", out=tmp_path / "r.html").decode()
    top = html.index('id="ecarts"')
    assert top < html.index("<svg") < html.index('class="criterion"')
    section = html[top : html.index("</section>", top)]
    for expected in (
        "Entre publics",
        "Entre secteurs",
        "Avis partagés",
        "conduite-en-cas-de-doute",
        "Urgences : 0 % (0/2)",
    ):
        assert expected in section


def test_the_matrix_counts_coverage_and_ecarts(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", ecart_visit(tmp_path / "visite"), "--format", "json")
    visit = json.loads(result.stdout)
    row = next(r for r in visit["matrix"] if r["criterion"] == "3.6-06")
    cells = {c["audience"]: c for c in row["cells"]}
    assert (cells["gouvernance"]["checkpoints_rated"], cells["gouvernance"]["checkpoints_total"]) == (2, 2)
    assert (cells["gouvernance"]["share"], cells["professionnels"]["share"]) == (1.0, 0.0)
    assert cells["gouvernance"]["ecarts"] == cells["professionnels"]["ecarts"] == 1
    assert (cells["professionnels"]["questions_asked"], cells["professionnels"]["questions_total"]) == (1, 1)
    assert cells["technique"]["questions_asked"] == 0


# --- inputs ----------------------------------------------------------------------------------


def test_an_identical_copy_is_counted_once(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    (visit / "copie").mkdir()
    shutil.copy(visit / "gouvernance.json", visit / "copie" / "gouvernance.json")
    result = cli("export", visit, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["header"]["interviews"] == 3
    copies = {str(visit / "copie" / "gouvernance.json"), str(visit / "gouvernance.json")}
    assert len(data["header"]["duplicates"]) == 1 and data["header"]["duplicates"][0] in copies


def test_a_differing_copy_stops_the_export_naming_both_files(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    other = tmp_path / "portable-2"
    other.mkdir()
    data = json.loads((visit / "gouvernance.json").read_text(encoding="utf-8"))
    data["answers"]["audit-securite-numerique"]["notes"] = "version du second portable"
    (other / "gouvernance.json").write_text(json.dumps(data), encoding="utf-8")
    result = cli("export", visit, other, "--format", "md")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert str(visit / "gouvernance.json") in message and str(other / "gouvernance.json") in message
    assert "Traceback" not in result.stderr


def test_a_damaged_file_stops_the_export_and_is_left_as_it_is(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    damaged = visit / "abime.json"
    damaged.write_bytes(b'{"format": "visitguide.interview", "format_version": 1, "id": ')
    before = {p: p.read_bytes() for p in visit.glob("*.json")}
    result = cli("export", visit, "--format", "html", "--output", tmp_path / "r.html")
    assert result.exit_code == 2
    assert "abime.json" in result.stderr
    assert not (tmp_path / "r.html").exists()
    assert {p: p.read_bytes() for p in visit.glob("*.json")} == before


def test_hidden_files_and_folders_are_ignored(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    (visit / ".gouvernance.json.lock").write_text("")
    (visit / ".cache").mkdir()
    (visit / ".cache" / "x.json").write_text("not json")
    result = cli("export", visit, "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["header"]["interviews"] == 3


def test_no_interview_and_missing_paths_are_clear_errors(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "vide").mkdir()
    result = cli("export", tmp_path / "vide", "--format", "md")
    assert result.exit_code == 2 and "aucun fichier d'entretien" in result.stderr
    result = cli("export", tmp_path / "absent", "--format", "md")
    assert result.exit_code == 2 and "absent" in result.stderr
    result = cli("export", "--format", "md")
    assert result.exit_code == 2 and "entretiens" in result.stderr


def test_the_output_never_overwrites_an_interview(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    before = (visit / "technique.json").read_bytes()
    result = cli("export", visit, "--format", "json", "--output", visit / "technique.json")
    assert result.exit_code == 2
    assert "c'est un fichier d'entretien, que visitguide n'écrase jamais" in result.stderr
    assert (visit / "technique.json").read_bytes() == before


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_the_output_never_overwrites_an_interview_outside_the_visit(
    cli: Invoke, tmp_path: Path, fmt: str
) -> None:
    visit = content_visit(tmp_path / "visite")
    other = tmp_path / "autre.json"
    shutil.copy(visit / "technique.json", other)
    before = other.read_bytes()
    result = cli("export", visit / "gouvernance.json", "--format", fmt, "-o", other)
    assert result.exit_code == 2, result.stderr
    assert f"impossible d'écrire {other} : c'est un fichier d'entretien" in result.stderr
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".visitguide")) == []


def test_an_interview_with_its_keys_sorted_is_still_recognised(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    data = json.loads((visit / "technique.json").read_text(encoding="utf-8"))
    data["context"]["establishment"] = "Centre hospitalier " * 300
    sorted_keys = tmp_path / "trie.json"  # `jq -S`: "format" comes after long notes
    sorted_keys.write_text(json.dumps(data, sort_keys=True, indent=2), encoding="utf-8")
    assert sorted_keys.read_bytes().index(b"visitguide.interview") > 4096
    result = cli("export", visit / "gouvernance.json", "--format", "md", "-o", sorted_keys)
    assert result.exit_code == 2
    assert json.loads(sorted_keys.read_text(encoding="utf-8")) == data


def test_a_report_replaces_an_older_report_atomically_and_privately(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    target = tmp_path / "rapport.json"
    target.write_text('{"format": "visitguide.visit"}', encoding="utf-8")
    target.chmod(0o644)
    report = json.loads(export(cli, visit, fmt="json", out=target))
    assert report["header"]["interviews"] == 3
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_write_says_why_in_french_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    from visitguide import files as outputs
    from visitguide.errors import InputError

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError, match=r"impossible d'écrire r\.md \(disque plein\)"):
        outputs.write(Path("r.md"), b"# Rapport")
    assert list(tmp_path.iterdir()) == []


def test_a_json_report_saved_in_the_visit_folder_is_not_read_as_an_interview(
    cli: Invoke, tmp_path: Path
) -> None:
    visit = content_visit(tmp_path / "visite")
    export(cli, visit, fmt="json", out=visit / "rapport.json")
    again = json.loads(export(cli, visit, fmt="json", out=tmp_path / "again.json"))
    assert again["header"]["interviews"] == 3


def _other_guide_bank(tmp_path: Path) -> Path:
    """A user bank holding a copy of the bundled guide under another id."""
    folder = tmp_path / "banque" / "autre-guide"
    shutil.copytree(BUNDLED / "risques-numeriques", folder)
    guide_yaml = folder / "guide.yaml"
    guide_yaml.write_text(
        guide_yaml.read_text(encoding="utf-8").replace("id: risques-numeriques", "id: autre-guide"),
        encoding="utf-8",
    )
    return tmp_path / "banque"


def test_interviews_of_two_guides_are_refused_unless_one_is_chosen(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    user_bank = _other_guide_bank(tmp_path)
    other = bank.resolve("autre-guide", [user_bank])
    s = session("technique", "Ingénieur", the_guide=other)
    s.answer("regles-acces-si", "NOTE-AUTRE-GUIDE")
    save(s, visit, "autre.json")

    refused = cli("export", visit, "--format", "json", "--bank", user_bank)
    assert refused.exit_code == 2
    assert "--guide" in refused.stderr and "autre-guide" in refused.stderr

    chosen = cli("export", visit, "--format", "json", "--bank", user_bank, "--guide", "autre-guide")
    assert chosen.exit_code == 0, chosen.stderr
    data = json.loads(chosen.stdout)
    assert data["header"]["guide"]["id"] == "autre-guide"
    assert data["header"]["interviews"] == 1
    assert len(data["header"]["ignored"]) == 3
    assert "NOTE-AUTRE-GUIDE" in chosen.stdout and MARKERS["note gouvernance"] not in chosen.stdout
    assert "3 entretien(s) d'autres guides" in " ".join(chosen.stderr.split())

    unknown = cli("export", visit, "--format", "json", "--bank", user_bank, "--guide", "absent")
    assert unknown.exit_code == 2


def test_an_interview_of_another_guide_version_is_reported_by_id(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    path = visit / "professionnels.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["guide"]["digest"] = "sha256:" + "0" * 64
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("export", visit, "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert "autre version du guide" in " ".join(result.stderr.split())
    header = result.stdout.split("## Écarts")[0]
    assert "autre version du guide" in header and "professionnels.json" in header
    assert MARKERS["note professionnels"] in result.stdout
    outside = result.stdout.split("## Questions absentes du guide")[1]
    assert "question-retiree" in outside and MARKERS["note outside the guide"] in outside


# --- CSV -------------------------------------------------------------------------------------


def test_csv_has_a_bom_one_row_per_answer_and_rating_and_keeps_line_breaks(
    cli: Invoke, tmp_path: Path
) -> None:
    data = export(cli, content_visit(tmp_path / "visite"), fmt="csv", out=tmp_path / "r.csv")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[0] == "type" and all(len(row) == len(header) for row in body)
    # answers: governance 2 (one outside the guide) + 2 added, professionals 3, technical 1;
    # ratings: one per interview (the technical one outside the guide)
    assert len(body) == (4 + 3 + 1) + 3
    notes = header.index("notes ou commentaire")
    multi = [row for row in body if MARKERS["note gouvernance"] in row[notes]]
    assert len(multi) == 1
    assert "\n" in multi[0][notes] and MARKERS["second line of a note"] in multi[0][notes]


def test_csv_cells_cannot_be_formulas(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", '=HYPERLINK("http://x")', "+secteur")
    s.answer("audit-securite-numerique", "=1+1", ["@SUM(A1)"])
    s.answer("exercice-crise-cyber", "-2+3")
    s.rate("exercices-crise-cyber", "oui", "\t=cmd")
    save(s, folder, "g.json")
    data = export(cli, folder, fmt="csv", out=tmp_path / "r.csv")
    cells = [cell for row in csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))]
    for value in ("'=1+1", "'@SUM(A1)", "'-2+3", '\'=HYPERLINK("http://x")', "'+secteur"):
        assert value in cells


# --- HTML ------------------------------------------------------------------------------------


def test_html_escapes_everything_from_the_files(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "<b>DG</b>", "<img src=x onerror=alert(1)>")
    s.answer("audit-securite-numerique", "<script>alert('note')</script> & co", ["<iframe src=//evil>"])
    s.rate("exercices-crise-cyber", "non", '"><script>alert(2)</script>')
    s.add_question("<svg onload=alert(3)>", ["3.6-02"])
    save(s, folder, "g.json")
    html = export(cli, folder, fmt="html", out=tmp_path / "r.html").decode()
    assert "<script" not in html and "<iframe" not in html and "<img" not in html and "<b>DG" not in html
    assert "<svg onload" not in html
    assert "&lt;script&gt;alert(&#39;note&#39;)&lt;/script&gt; &amp; co" in html
    assert "&lt;b&gt;DG&lt;/b&gt;" in html


def test_html_loads_nothing_from_the_network(cli: Invoke, tmp_path: Path) -> None:
    html = export(cli, content_visit(tmp_path / "visite"), fmt="html", out=tmp_path / "r.html").decode()
    assert not re.search(r"""(src|href|action|poster|data)\s*=\s*["']?\s*(https?:)?//""", html, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(https?:)?//", html, re.I)
    assert "@import" not in html and "<link" not in html and "<script" not in html
    assert "default-src 'none'" in html
    assert html.count("<svg") == 2  # the heat map and the bar chart, inline


def test_html_shows_control_characters_instead_of_emitting_them(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "DG")
    s.answer("audit-securite-numerique", "avant\x1b[31mapres\x07")
    save(s, folder, "g.json")
    for fmt in ("html", "md"):
        text = export(cli, folder, fmt=fmt, out=tmp_path / f"r.{fmt}").decode()
        assert "\x1b" not in text and "\x07" not in text
        assert "\\x1b" in text


# --- Markdown --------------------------------------------------------------------------------


def test_markdown_keeps_notes_literal(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "DG")
    s.answer("audit-securite-numerique", "# pas un titre\n- pas une liste\n*gras* [lien](x) <b>")
    save(s, folder, "g.json")
    md = export(cli, folder, fmt="md", out=tmp_path / "r.md").decode()
    # escaped, and each line ends with a hard break so that the lines stay lines
    assert "  > \\# pas un titre  \n  > \\- pas une liste  \n  > \\*gras\\* \\[lien\\](x) \\<b\\>\n" in md


@pytest.mark.parametrize(
    "note",
    ["1. pas une liste", "2) non plus", "# pas un titre", "- ni une puce", "~~pas barré~~", "===", "---"],
)
def test_markdown_escapes_read_back_as_the_note_itself(note: str) -> None:
    """Rendered by a CommonMark parser, the escaped note is the note, with no stray backslash."""
    from markdown_it import MarkdownIt

    from visitguide.templating import md_escape

    html = MarkdownIt("commonmark").enable("strikethrough").render(md_escape(note))
    assert html == f"<p>{note}</p>\n"


# --- JSON ------------------------------------------------------------------------------------


def test_the_shipped_schema_is_generated_from_the_model() -> None:
    shipped = jsonfile.SCHEMA_PATH.read_text(encoding="utf-8")
    assert shipped == jsonfile.schema_text(), "run: python -m visitguide.report.jsonfile"


def test_the_json_export_validates_against_the_shipped_schema(cli: Invoke, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads(jsonfile.SCHEMA_PATH.read_text(encoding="utf-8"))
    for folder in (content_visit(tmp_path / "a"), ecart_visit(tmp_path / "b")):
        data = json.loads(export(cli, folder, fmt="json", out=tmp_path / "r.json"))
        jsonschema.validate(data, schema)
        assert data["format"] == "visitguide.visit"
    broken = {**data, "header": {**data["header"], "interviews": "trois"}}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_english_interface_translates_the_report(cli: Invoke, tmp_path: Path) -> None:
    visit = ecart_visit(tmp_path / "visite")
    result = cli("export", visit, "--format", "md", env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 0
    assert "# Visit report" in result.stdout and "Discrepancies" in result.stdout
    assert "Rapport de visite" not in result.stdout


# --- one definition of each small rule -------------------------------------------------------


def _functions(module: str) -> set[str]:
    import ast

    path = Path(__file__).resolve().parent.parent / "visitguide" / module
    return {
        n.name
        for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(n, ast.FunctionDef)
    }


def test_small_rules_are_defined_once() -> None:
    """The share of "oui" (ecarts.share), shortening a text (view.truncate) and the référentiel
    of the equivalents shown (bank.guide) each live in one place."""
    assert "share" in _functions("report/ecarts.py")
    assert not {"share", "_share"} & (_functions("report/build.py") | _functions("report/status.py"))
    assert "_short" not in _functions("report/status.py")
    holders = [
        p.name
        for p in (Path(__file__).resolve().parent.parent / "visitguide").rglob("*.py")
        if "EQUIVALENT_REFERENTIEL =" in p.read_text(encoding="utf-8")
    ]
    assert holders == ["guide.py"]


def test_truncate_folds_spaces_and_line_breaks_then_shortens() -> None:
    from visitguide.report.display import truncate

    assert truncate("Les risques\n  de sécurité", 40) == "Les risques de sécurité"
    assert truncate("Les risques de sécurité numérique", 15) == "Les risques de…"
