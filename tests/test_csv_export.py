"""The CSV export read by spreadsheets of either separator: no formula, every note intact.

A file written with `,` may be opened by a French spreadsheet that splits on `;`, and the
reverse; such a reader cuts cells inside the notes and, its quotes out of step, cuts rows at
their line breaks. Each file is therefore read here with both separators.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers import Invoke, save, session
from visitguide.report import build, csvfile, inputs
from visitguide.report import visit as m

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[-+]?[0-9]+(?:[.,][0-9]+)?")

# note -> what the cell holds when read back with the file's own separator
NOTES = {
    "x;=cmd|' /C calc'!A0": "x;'=cmd|' /C calc'!A0",
    "a,@SUM(1)": "a, @SUM(1)",
    "-2": "-2",
    "-x": "'-x",
    "=1+1": "'=1+1",
    "@SUM(A1)": "'@SUM(A1)",
    "+secteur": "'+secteur",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "\t=cmd": "'\t'=cmd",
    "x;-2+3+cmd|' /C calc'!A0": "x; -2+3+cmd|' /C calc'!A0",
    "total;-2;reste": "total;-2;reste",  # a number between two separators stays
    'a; =HYPERLINK("http://x")': 'a; \'=HYPERLINK("http://x")',
    'a,"=1+1"': 'a,"\'=1+1"',
    "Constats :\n- PRA testé\n- PCA absent\n=cmd\n@x": "Constats :\n - PRA testé\n - PCA absent\n'=cmd\n @x",
    "ligne 1\r\n+ligne 2": "ligne 1\n +ligne 2",
    # ordinary notes reach the cell exactly as written
    "Audit AD fait en 2025, plan à 6, 12 et 18 mois ; suivi trimestriel.": (
        "Audit AD fait en 2025, plan à 6, 12 et 18 mois ; suivi trimestriel."
    ),
    'Le RSSI dit "oui" ; la DSI, "non".\nSeconde ligne, avec; tout': (
        'Le RSSI dit "oui" ; la DSI, "non".\nSeconde ligne, avec; tout'
    ),
    "Budget : 1 250 000 €, -5 % sur un an": "Budget : 1 250 000 €, -5 % sur un an",
    "": "",
}


def formula_cells(cells: list[str]) -> list[str]:
    """Cells a spreadsheet would read as a formula: a formula character first, not a number.

    A reader out of step with the quotes may swallow a row end into a cell ("\r\n" then the
    next row's first cell, the kind column): that carriage return is the file's own row
    terminator (no note can put one there: `neutralise` shows a lone CR as an escape), so the
    cell is judged on what follows it.
    """
    found = []
    for cell in cells:
        start = cell.removeprefix("\r\n")
        if start.startswith(FORMULA_START) and not NUMBER.fullmatch(start):
            found.append(cell)
    return found


def read(text: str, delimiter: str) -> list[list[str]]:
    assert text.startswith(csvfile.BOM)
    return list(csv.reader(io.StringIO(text.removeprefix(csvfile.BOM), newline=""), delimiter=delimiter))


@pytest.fixture
def visit(tmp_path: Path) -> m.Visit:
    """One interview holding every note of NOTES, as answers of added questions, a rating
    comment, evidence, and in the context fields."""
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "-DSI;=cmd", "@secteur,+x", establishment="=CH", visitor="-2")
    for number, note in enumerate(NOTES, start=1):
        qid = s.add_question(f"Question {number}", ["3.6-02"])
        s.answer(qid, note, [note] if note else [])
    s.answer("audit-securite-numerique", "Audit fait.")
    s.rate("exercices-crise-cyber", "oui", "x;=cmd|' /C calc'!A0")
    save(s, folder, "g.json")
    return build.build(inputs.load([folder], None, []))


@pytest.mark.parametrize("separator", [",", ";"])
def test_no_cell_is_a_formula_whatever_separator_the_spreadsheet_splits_on(
    visit: m.Visit, separator: str
) -> None:
    text = csvfile.render(visit, separator)
    for reader in (",", ";"):
        cells = [cell for row in read(text, reader) for cell in row]
        assert not formula_cells(cells), (separator, reader)


@pytest.mark.parametrize("separator", [",", ";"])
def test_every_note_round_trips_with_the_files_own_separator(visit: m.Visit, separator: str) -> None:
    rows = read(csvfile.render(visit, separator), separator)
    header, body = rows[0], rows[1:]
    assert len(header) == len(csvfile.COLUMNS)
    assert all(len(row) == len(header) for row in body)
    notes = header.index("notes ou commentaire")
    evidence = header.index("documents vus")
    cells = {row[notes] for row in body}
    documents = {row[evidence] for row in body}
    for note, expected in NOTES.items():
        assert expected in cells, note
        assert expected in documents, note
    # the context fields, neutralised the same way, in every row
    role, sector = header.index("fonction"), header.index("secteur")
    assert {(row[role], row[sector]) for row in body} == {("'-DSI;'=cmd", "'@secteur, +x")}
    assert {row[header.index("établissement")] for row in body} == {"'=CH"}
    assert {row[header.index("expert-visiteur")] for row in body} == {"-2"}


@pytest.mark.parametrize("separator", [",", ";"])
def test_every_cell_is_quoted_and_the_bom_and_crlf_kept(visit: m.Visit, separator: str) -> None:
    text = csvfile.render(visit, separator)
    assert text.startswith('\ufeff"type"' + separator + '"fichier"')
    assert text.endswith('"\r\n')
    # a reader in QUOTE_NONNUMERIC mode turns every unquoted cell into a float (or fails)
    body = io.StringIO(text.removeprefix(csvfile.BOM), newline="")
    for row in csv.reader(body, delimiter=separator, quoting=csv.QUOTE_NONNUMERIC):
        assert all(isinstance(cell, str) for cell in row)


def test_status_and_rating_have_their_own_columns(visit: m.Visit) -> None:
    rows = read(csvfile.render(visit), ",")
    header, body = rows[0], rows[1:]
    assert header == [
        "type",
        "fichier",
        "entretien",
        "code",
        "public",
        "secteur",
        "fonction",
        "date",
        "expert-visiteur",
        "établissement",
        "critères",
        "identifiant",
        "intitulé",
        "statut",
        "cotation",
        "fondement",
        "notes ou commentaire",
        "documents vus",
        "documents demandés non vus",
        "dans le guide",
    ]
    kind, status, rating = header.index("type"), header.index("statut"), header.index("cotation")
    answers = [row for row in body if row[kind] in ("réponse", "question ajoutée")]
    ratings = [row for row in body if row[kind] == "point de vérification"]
    assert answers and all(row[status] == "répondue" and row[rating] == "" for row in answers)
    assert len(ratings) == 1
    assert ratings[0][status] == "" and ratings[0][rating] == "oui"


def test_the_columns_speak_english_too(visit: m.Visit, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    header = read(csvfile.render(visit, ";"), ";")[0]
    assert header[13:16] == ["status", "rating", "basis"]


def test_the_default_separator_is_the_comma_and_only_comma_or_semicolon_are_accepted(
    visit: m.Visit,
) -> None:
    assert csvfile.render(visit) == csvfile.render(visit, ",")
    assert csvfile.render(visit, ";").split("\r\n")[0].count('";"') == len(csvfile.COLUMNS) - 1
    for bad in ("\t", "|", ",;", ""):
        with pytest.raises(ValueError, match="separator"):
            csvfile.render(visit, bad)


def test_the_export_command_still_writes_the_comma_file(cli: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "DSI")
    s.answer("audit-securite-numerique", "x;=cmd|' /C calc'!A0\n- suite")
    save(s, folder, "g.json")
    result = cli("export", folder, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    for reader in (",", ";"):
        cells = [cell for row in read(result.stdout, reader) for cell in row]
        assert not formula_cells(cells)
    assert "x;'=cmd|' /C calc'!A0\n - suite" in [c for row in read(result.stdout, ",") for c in row]


# --- any text at all -------------------------------------------------------------------------

hostile = st.text(alphabet=st.sampled_from(list("=+-@\t\n\r,;\"' a1.")), max_size=24)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(hostile, min_size=1, max_size=4), min_size=1, max_size=4), st.sampled_from(",;"))
def test_no_text_whatever_becomes_a_formula_and_each_cell_reads_back(
    rows: list[list[str]], separator: str
) -> None:
    text = csvfile.write(rows, separator)
    for reader in (",", ";"):
        cells = [cell for row in read(text, reader) for cell in row]
        assert not formula_cells(cells), (separator, reader)
    back = read(text, separator)
    assert back == [
        [csvfile.neutralise(cell, row_start=i == 0) for i, cell in enumerate(row)] for row in rows
    ]
    assert not any("\r" in csvfile.neutralise(cell) for row in rows for cell in row)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_neutralising_only_inserts_characters(value: str) -> None:
    """Nothing of a note is lost: removing the inserted marks gives the note back."""
    safe = csvfile.neutralise(value)
    original = value.replace("\r\n", "\n").replace("\r", "\\x0d")
    assert len(safe) >= len(original)
    it = iter(safe)
    assert all(char in it for char in original)  # `original` is a subsequence of `safe`
    assert safe == original or set(_inserted(original, safe)) <= {"'", " "}


def _inserted(original: str, safe: str) -> list[str]:
    """The characters `safe` has on top of `original` (a subsequence of it)."""
    extra, i = [], 0
    for char in safe:
        if i < len(original) and original[i] == char:
            i += 1
        else:
            extra.append(char)
    return extra


# --- the realistic visit: codes, document states, bases; the separator from the command ------


def test_rows_carry_the_interview_code_document_states_and_the_rating_basis(
    cli: Invoke, tmp_path: Path
) -> None:
    from tests.helpers import answers_visit

    folder = answers_visit(cli, tmp_path / "visite")
    result = cli("export", folder, "--format", "csv", "--separator", ";")
    assert result.exit_code == 0, result.stderr
    rows = read(result.stdout, ";")
    header, body = rows[0], rows[1:]
    col = {name: header.index(name) for name in header}
    audit = next(r for r in body if r[col["identifiant"]] == "audit-securite-numerique")
    assert audit[col["code"]] == "E1"
    assert audit[col["documents vus"]] == "Rapport d'audit de sécurité numérique"
    assert audit[col["documents demandés non vus"]] == "Plan d'actions à 6, 12 et 18 mois"
    rated = next(
        r for r in body if r[col["identifiant"]] == "pas-identifiant-generique" and r[col["code"]] == "E4"
    )
    assert (rated[col["cotation"]], rated[col["fondement"]]) == ("non", "observation")
    assert {r[col["code"]] for r in body} == {f"E{n}" for n in range(1, 9)}


def test_only_documents_as_csv_is_a_checklist_by_audience(cli: Invoke, tmp_path: Path) -> None:
    from tests.helpers import answers_visit

    folder = answers_visit(cli, tmp_path / "visite")
    result = cli("export", folder, "--format", "csv", "--only", "documents", "--separator", ";")
    assert result.exit_code == 0, result.stderr
    rows = read(result.stdout, ";")
    assert rows[0] == [
        "public",
        "document",
        "demandé lors de",
        "proposé par le guide",
        "questions et points",
        "critères",
    ]
    assert ["À la gouvernance", "Charte informatique", "E1", "non", rows[3][4], "3.6-02"] in rows
    assert any(r[1] == "Liste des utilisateurs en mobilité" and r[2] == "E3" for r in rows)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv", "--separator", "|"], "séparateur « | » inconnu"),
        (["--format", "md", "--separator", ";"], "--separator ne vaut que pour --format csv"),
    ],
)
def test_the_separator_is_checked(cli: Invoke, tmp_path: Path, args: list[str], message: str) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    save(session("gouvernance", "DSI"), folder, "g.json")
    result = cli("export", folder, *args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_the_manual_lists_the_columns_the_file_has(visit: m.Visit) -> None:
    """docs/rapports.md names the CSV columns in the file's order (French headers)."""
    from tests.helpers import REPO

    manual = (REPO / "docs" / "rapports.md").read_text(encoding="utf-8")
    line = next(row for row in manual.splitlines() if row.startswith("| `csv` |"))
    listed = re.sub(r" \([^)]*\)", "", line.split("colonnes : ", 1)[1].split(". ", 1)[0])
    assert listed.split(", ") == read(csvfile.render(visit), ",")[0]
