"""Additions shown as such wherever the guide is shown: paper guide (HTML, Markdown, DOCX), live
screens, with the source's caveat where the questions are. (The dry-run: test_dryrun.py.)"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from markupsafe import escape
from rich.console import Console

from tests.helpers import Invoke, session
from visitguide.bank import loader as bank
from visitguide.interview import screens

GUIDE = bank.resolve("risques-numeriques")
MARK = "proposé par visitguide"
CAVEAT = GUIDE.meta.caveat or ""


def _questions_with(field: str) -> list[tuple[str, bank.Question]]:
    return [(a, q) for a, q in GUIDE.all_questions() if q.is_added(field)]


def _block(html: str, element_id: str) -> str:
    """The HTML of the question (`q-…`) or checkpoint (`c-…`) with that id."""
    start = html.index(f'id="{element_id}"')
    end = html.find('id="', start + 5)
    return html[start : end if end != -1 else len(html)]


@pytest.fixture(scope="module")
def paper_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    from typer.testing import CliRunner

    from visitguide.cli.app import app

    result = CliRunner().invoke(app, ["export", "--blank", "--format", "html"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_paper_html_marks_each_added_hint_and_document_list(paper_html: str) -> None:
    hints = _questions_with("hint")
    assert len(hints) == 10
    for _, q in hints:
        assert q.hint is not None
        block = _block(paper_html, f"q-{q.id}")
        assert f'{escape(q.hint)} <span class="added">{MARK}</span>' in block, q.id
    for _, q in _questions_with("evidence"):
        block = _block(paper_html, f"q-{q.id}")
        last = escape(q.evidence[-1])
        assert f'{last}<span class="added"' not in block
        assert f'{last} <span class="added">{MARK}</span>' in block, q.id


def test_paper_html_never_marks_the_fiches_own_words(paper_html: str) -> None:
    for _, q in GUIDE.all_questions():
        block = _block(paper_html, f"q-{q.id}")
        assert block.count(MARK) == len(q.added), q.id  # one mark per added field, none on the text


def test_paper_html_marks_checkpoint_criteria(paper_html: str) -> None:
    for c in GUIDE.meta.checkpoints:
        block = _block(paper_html, f"c-{c.id}")
        codes = ", ".join(f'<span class="code">{code}</span>' for code in c.criteria)
        assert f'{codes} <span class="added">{MARK}</span>' in block, c.id


def test_paper_html_caveat_before_each_audiences_questions(paper_html: str) -> None:
    sheets = paper_html.split('<section class="audience"')[1:]
    assert len(sheets) == 3
    for sheet in sheets:
        caveat = sheet.index(str(escape(CAVEAT)))
        assert caveat < sheet.index('<div class="question"')
    assert "Référentiel 2021 (proposé par visitguide, non précisé par la source)" in paper_html
    assert '<span class="status">(à confirmer)</span>' in paper_html


def test_paper_markdown_marks_each_addition(cli: Invoke) -> None:
    result = cli("export", "--blank", "--format", "md")
    assert result.exit_code == 0
    md = re.sub(r"\\(.)", r"\1", result.stdout)
    for _, q in _questions_with("hint"):
        assert f"- Repère : {q.hint} — *{MARK}*\n" in md
    for _, q in _questions_with("evidence"):
        assert f"☐ {q.evidence[-1]} — *{MARK}*\n" in md
    assert md.count(f"> Avertissement de la source : « {CAVEAT} »") == 3
    rows = [line for line in md.splitlines() if line.startswith("| ") and "☐ oui" in line]
    assert len(rows) == 28 and all(f"*{MARK}* ; identifiant" in row for row in rows)


def test_paper_docx_marks_each_addition(cli: Invoke, tmp_path: Path) -> None:
    import docx

    out = tmp_path / "trame.docx"
    assert cli("export", "--blank", "--format", "docx", "--output", out).exit_code == 0
    document = docx.Document(str(out))
    paragraphs = [p.text for p in document.paragraphs]
    for _, q in _questions_with("hint"):
        assert f"Repère : {q.hint}  {MARK}" in paragraphs
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for c in GUIDE.meta.checkpoints:
        assert any(f"Critères : {', '.join(c.criteria)}  {MARK}" in text and c.id in text for text in cells)
    assert paragraphs.count(f"Avertissement de la source : « {CAVEAT} »") == 3
    with zipfile.ZipFile(out) as z:
        assert "à confirmer" in z.read("word/document.xml").decode()


def _screen(show: object, *args: object) -> str:
    console = Console(file=io.StringIO(), width=200, no_color=True)
    show(console, *args)  # type: ignore[operator]
    assert isinstance(console.file, io.StringIO)
    return " ".join(console.file.getvalue().split())


def test_live_question_screen_marks_additions() -> None:
    s = session("gouvernance", "Directeur")
    item = next(i for i in s.items() if i.id == "audit-securite-numerique")
    screen = _screen(screens.show_question, s, item)
    assert screen.count(f"({MARK})") == 2  # the hint and the documents, not the fiche's criteria
    hint = screen.index("Demander le rapport d'audit")
    assert hint < screen.index(f"({MARK})") < screen.index("Rapport d'audit de sécurité numérique")
    assert "en 2025 : 3.1-07 (à confirmer)" in screen


def test_live_question_screen_without_additions_has_no_mark() -> None:
    s = session("professionnels", "IDE")
    item = next(i for i in s.items() if i.id == "outils-acces-si")
    assert MARK not in _screen(screens.show_question, s, item)


def test_live_checkpoint_screen_marks_its_criteria() -> None:
    s = session("gouvernance", "Directeur")
    checkpoint = next(c for c in GUIDE.meta.checkpoints if c.id == "veille-securite-numerique")
    screen = _screen(screens.show_checkpoint, s, checkpoint)
    assert "Les risques de sécurité numérique sont maîtrisés" in screen
    assert screen.count(f"({MARK})") == 1


def test_live_interview_starts_with_the_caveat(tmp_path: Path) -> None:
    from visitguide.interview import live
    from visitguide.interview.stand_in import StandInAsker

    console = Console(file=io.StringIO(), width=200, no_color=True)
    context = {
        "establishment": "CH",
        "sector": "SI",
        "interviewee_role": "DSI",
        "visitor": "EV",
        "date": "2026-11-29",
    }
    code = live.run(
        "risques-numeriques",
        "technique",
        tmp_path / "e.json",
        None,
        context,
        [],
        asker=StandInAsker(["n1", "n2", "n3", "finish"]),
        console=console,
    )
    assert code == 0
    assert isinstance(console.file, io.StringIO)
    screen = " ".join(console.file.getvalue().split())
    assert screen.count(f"Avertissement de la source : « {CAVEAT} »") == 1
    assert screen.index(CAVEAT) < screen.index("Quelles sont les règles d'accès")
