"""`export --blank`: the paper interview guide in Markdown, HTML and DOCX.

Each format holds every question and checkpoint of each audience with their criteria; the
HTML is one printable, self-contained page; everything from the bank is escaped.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.bankfactory import write_guide
from tests.helpers import REPO, Invoke, require_tool
from visitguide.bank import loader as bank

GUIDE = bank.resolve("risques-numeriques")
AUDIENCES = [a.id for a in GUIDE.audiences]


def flat(text: str) -> str:
    return " ".join(text.split())


class _Text(HTMLParser):
    """The text of an HTML page, unescaped, without the style sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip = tag in ("style", "script")
        if tag in ("br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        self._skip = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return flat("".join(parser.parts))


def md_text(md: str) -> str:
    """Markdown with its escapes removed (what a reader sees)."""
    return flat(re.sub(r"\\(.)", r"\1", md))


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return flat(" ".join(parts))


def assert_complete(text: str, audiences: list[str]) -> None:
    """Every question and checkpoint of `audiences`, with criteria, hints and documents."""
    for audience in audiences:
        label = GUIDE.audience(audience)
        assert label is not None and f"Entretien « {label.label} »" in text
        for q in GUIDE.questions_for(audience):
            assert flat(q.text) in text, q.id
            assert q.id in text
            if q.hint:
                assert flat(q.hint) in text
            for document in q.evidence:
                assert flat(document) in text
            for code in q.criteria:
                criterion = GUIDE.criterion(code)
                assert criterion is not None
                assert flat(f"{code} {criterion.title}") in text
                equivalent = criterion.equivalent("2025")
                if equivalent is not None:
                    assert f"2025 : {equivalent.id}" in text
        for c in GUIDE.checkpoints_for(audience):
            assert flat(c.text) in text, c.id
            assert c.id in text
            assert all(code in text for code in c.criteria)
    for meta in (GUIDE.meta.title, GUIDE.meta.source, f"Version {GUIDE.meta.version}", "Référentiel 2021"):
        assert flat(meta) in text
    for field in (
        "Établissement",
        "Secteur ou service",
        "Fonction de la personne interrogée",
        "Expert-visiteur",
    ):
        assert field in text


def boxes(text: str) -> int:
    return text.count("☐ oui ☐ non ☐ na")


# --- Markdown ----------------------------------------------------------------------------------


@pytest.mark.parametrize("audience", AUDIENCES)
def test_markdown_holds_everything_of_one_audience(cli: Invoke, tmp_path: Path, audience: str) -> None:
    result = cli("export", "--blank", "--audience", audience, "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = md_text(result.stdout)
    assert_complete(text, [audience])
    assert boxes(text) == len(GUIDE.checkpoints_for(audience))
    others = [a for a in AUDIENCES if a != audience]
    assert all(q.id not in text for a in others for q in GUIDE.questions_for(a))
    assert result.stdout.count("page-break-before") == 1  # before the references only
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == []


def test_markdown_of_every_audience_with_page_breaks_and_references(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "--format", "md", "--output", "trame.md")
    assert result.exit_code == 0, result.stderr
    assert "trame.md" in result.stderr and result.stdout == ""
    md = (tmp_path / "trame.md").read_text(encoding="utf-8")
    text = md_text(md)
    assert_complete(text, AUDIENCES)
    assert boxes(text) == 28
    # a break before each audience but the first, and before the references
    assert md.count('<div style="page-break-before: always"></div>') == len(AUDIENCES)
    assert "# Pour aller plus loin" in md
    assert "<https://www.has-sante.fr/jcms/c_438115/fr/dossier-du-patient>" in md


# --- HTML --------------------------------------------------------------------------------------


def test_html_is_complete_printable_and_self_contained(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "--format", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    text = html_text(html)
    assert_complete(text, AUDIENCES)
    assert text.count("☐ oui ☐ non ☐ na") == 28
    assert html.count('<section class="audience"') == len(AUDIENCES)
    style = html.split("<style>")[1].split("</style>")[0]
    assert "@page" in style and "size: A4" in style
    assert ".audience + .audience, .references { break-before: page; page-break-before: always; }" in style
    assert "@media print" in style
    # nothing fetched from anywhere: no script, no linked file, no remote font or image
    for needle in ("<script", "<link", "src=", "url(", "@import", "<img", "<iframe"):
        assert needle not in html
    assert html.startswith("<!DOCTYPE html>")


def test_html_of_one_audience_and_to_a_file(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "-a", "technique", "-f", "html", "-o", "t.html")
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "t.html").read_text(encoding="utf-8")
    text = html_text(html)
    assert_complete(text, ["technique"])
    assert html.count('<section class="audience"') == 1
    assert "☐ oui" not in text  # the technical interview has no checkpoint


# --- DOCX --------------------------------------------------------------------------------------


def test_docx_holds_everything_with_page_breaks_and_tables(cli: Invoke, tmp_path: Path) -> None:
    from docx import Document
    from docx.shared import Cm

    result = cli("export", "--blank", "--format", "docx", "--output", "trame.docx")
    assert result.exit_code == 0, result.stderr
    text = docx_text(tmp_path / "trame.docx")
    assert_complete(text, AUDIENCES)
    doc = Document(str(tmp_path / "trame.docx"))
    section = doc.sections[0]
    assert abs(section.page_width - Cm(21)) < Cm(0.01) and abs(section.page_height - Cm(29.7)) < Cm(0.01)
    breaks = [p.text for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == len(AUDIENCES)  # before each audience but the first, and the references
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"Entretien « {a.label} »" for a in GUIDE.audiences] + ["Pour aller plus loin"]
    rating_cells = [
        row.cells[1].text
        for table in doc.tables
        for row in table.rows
        if row.cells[-1:] and len(row.cells) == 3
    ]
    assert rating_cells.count("☐ oui\n☐ non\n☐ na") == 28


def test_docx_needs_an_output_file(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "--format", "docx")
    assert result.exit_code == 2
    assert "le format docx s'écrit dans un fichier : ajoutez --output" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_are_refused(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    result = cli("export", "--blank", "--format", fmt, "--output", f"trame.{fmt}")
    assert result.exit_code == 2
    assert f"la trame papier existe en md, html, docx, pas en « {fmt} »" in result.stderr
    assert not (tmp_path / f"trame.{fmt}").exists()


def test_an_unwritable_output_is_a_clear_error(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "-f", "md", "-o", tmp_path / "absent" / "t.md")
    assert result.exit_code == 2
    assert "impossible d'écrire" in result.stderr and "Traceback" not in result.stderr
    result = cli("export", "--blank", "-f", "docx", "-o", tmp_path)
    assert result.exit_code == 2
    assert "impossible d'écrire" in result.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_paper_guide_never_overwrites_an_interview(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    from tests.data.interviews import write

    interview = write(tmp_path / "a.json", {"first": "Notes à garder."})
    before = interview.read_bytes()
    result = cli("export", "--blank", "-f", fmt, "-o", "a.json")
    assert result.exit_code == 2
    assert "impossible d'écrire a.json : c'est un fichier d'entretien" in result.stderr
    assert interview.read_bytes() == before


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_a_paper_guide_is_written_atomically_and_privately(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    old = tmp_path / f"trame.{fmt}"
    old.write_text("ancienne trame", encoding="utf-8")
    old.chmod(0o644)
    result = cli("export", "--blank", "-f", fmt, "-o", old.name, "--force")
    assert result.exit_code == 0, result.stderr
    assert old.read_bytes() != b"ancienne trame"
    assert old.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_paper_guide_in_a_missing_folder_names_it_in_french(cli: Invoke, tmp_path: Path) -> None:
    result = cli("export", "--blank", "-f", "md", "-o", Path("absent") / "t.md")
    assert result.exit_code == 2
    assert "impossible d'écrire absent/t.md : le dossier absent n'existe pas" in result.stderr


def test_an_unknown_audience_names_the_closest(cli: Invoke) -> None:
    result = cli("export", "--blank", "-a", "profesionnels", "-f", "md")
    assert result.exit_code == 2
    assert "Vouliez-vous dire « professionnels » ?" in result.stderr


def test_a_paper_guide_numbers_its_blank_questions_without_a_backslash(cli: Invoke) -> None:
    md = cli("export", "--blank", "--format", "md").stdout
    assert re.search(r"\\\d", md) is None, "a backslash before a digit is shown as is"
    assert "**7\\. Question ajoutée :**" in md


# --- everything from the bank is escaped ---------------------------------------------------------

HOSTILE_GUIDE = """\
id: piege
title: "Guide <b>gras</b> & *étoiles*"
source: "Source | avec </style> dedans"
version: "1"
referentiel: "2021"
criteria:
  - {id: "1.1-01", title: "Critère <i>un</i>"}
audiences:
  - {id: terrain, label: "Terrain <script>x</script>"}
checkpoints:
  - id: point-piege
    section: "Section [lien](javascript:alert(1))"
    audience: terrain
    text: "un point | avec barre et <img src=x onerror=alert(1)>"
    criteria: ["1.1-01"]
references:
  - {title: "Référence piégée", url: "javascript:alert(1)"}
  - {title: "Référence sûre", url: "https://example.org/a_b"}
"""

HOSTILE_QUESTIONS = """\
audience: terrain
questions:
  - id: question-piege
    criteria: ["1.1-01"]
    text: "Question <script>alert('x')</script> & **gras** ~~barré~~ \\a avec cloche ?"
    hint: "Repère `code` et _souligné_"
    evidence: ["Doc </td></tr><tr><td>injecté"]
"""


def hostile_bank(tmp_path: Path) -> Path:
    folder = write_guide(tmp_path / "banque", "piege", guide=HOSTILE_GUIDE, terrain=HOSTILE_QUESTIONS)
    (folder / "gouvernance.yaml").unlink()
    return tmp_path / "banque"


def test_html_escapes_the_bank(cli: Invoke, tmp_path: Path) -> None:
    banque = hostile_bank(tmp_path)
    result = cli("export", "--blank", "-g", "piege", "--bank", banque, "-f", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert "<script" not in html and "<img" not in html and "<b>gras" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="https://example.org/a_b"' in html
    assert html.count("</style>") == 1  # the source's </style> did not end the style sheet
    assert "\x07" not in html and "\\x07" in html  # a control character is shown, not sent
    text = html_text(html)
    assert "Question <script>alert('x')</script> & **gras** ~~barré~~ \\x07 avec cloche ?" in text
    assert "Doc </td></tr><tr><td>injecté" in text


def test_markdown_escapes_the_bank(cli: Invoke, tmp_path: Path) -> None:
    banque = hostile_bank(tmp_path)
    result = cli("export", "--blank", "-g", "piege", "--bank", banque, "-f", "md")
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert r"\*\*gras\*\*" in md and r"\<script\>" in md and r"un point \| avec barre" in md
    assert r"\_souligné\_" in md and r"\`code\`" in md and r"\~\~barré\~\~" in md
    assert "<javascript:" not in md and "<https://example.org/a_b>" in md
    assert "Question <script>alert('x')</script> & **gras** ~~barré~~ \\x07 avec cloche ?" in md_text(md)


def test_docx_keeps_the_bank_text_as_text(cli: Invoke, tmp_path: Path) -> None:
    banque = hostile_bank(tmp_path)
    result = cli("export", "--blank", "-g", "piege", "--bank", banque, "-f", "docx", "-o", "p.docx")
    assert result.exit_code == 0, result.stderr
    text = docx_text(tmp_path / "p.docx")
    assert "Question <script>alert('x')</script> & **gras** ~~barré~~ \\x07 avec cloche ?" in text
    assert "un point | avec barre et <img src=x onerror=alert(1)>" in text


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_a_user_bank_guide_in_every_format(cli: Invoke, tmp_path: Path, fmt: str) -> None:
    write_guide(tmp_path / "banque", "essai")
    result = cli(
        "export", "--blank", "-g", "essai", "--bank", tmp_path / "banque", "-f", fmt, "-o", f"e.{fmt}"
    )
    assert result.exit_code == 0, result.stderr
    path = tmp_path / f"e.{fmt}"
    raw = docx_text(path) if fmt == "docx" else path.read_text(encoding="utf-8")
    text = html_text(raw) if fmt == "html" else md_text(raw) if fmt == "md" else raw
    for needle in (
        "Première question ?",
        "Deuxième question ?",
        "Question de terrain ?",
        "un point à vérifier",
    ):
        assert needle in text
    assert "1.1-01 Premier critère" in text and "1.1-02 Second critère" in text


# --- printed and packaged ----------------------------------------------------------------------


@pytest.mark.slow
def test_chromium_prints_each_audience_from_a_new_a4_page(cli: Invoke, tmp_path: Path) -> None:
    chromium = require_tool("chromium", "chromium-browser")
    require_tool("pdftotext")
    assert cli("export", "--blank", "-f", "html", "-o", "t.html").exit_code == 0
    pdf = tmp_path / "t.pdf"
    subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'chromium'}",
            f"--print-to-pdf={pdf}",
            (tmp_path / "t.html").as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=True,
    )
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert "A4" in info
    pages = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True)
    texts = pages.stdout.split("\f")
    starts = [i for i, page in enumerate(texts) if "TRAME D'ENTRETIEN" in page.upper().split("\n", 3)[0]]
    assert len(starts) == len(AUDIENCES) + 1  # one per audience, and the references
    for audience, start in zip(GUIDE.audiences, starts, strict=False):
        assert f"Entretien « {audience.label} »" in texts[start]
    whole = flat(pages.stdout)
    for _, q in GUIDE.all_questions():
        assert q.id in whole


@pytest.mark.slow
def test_the_templates_ship_in_the_wheel(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", tmp_path / "dist", REPO],
        capture_output=True,
        timeout=120,
        check=True,
    )
    [wheel] = list((tmp_path / "dist").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert {"visitguide/templates/paper.html.j2", "visitguide/templates/paper.md.j2"} <= set(names)
    zipfile.ZipFile(wheel).extractall(tmp_path / "site")
    env = {"PYTHONPATH": str(tmp_path / "site"), "PATH": "/usr/bin:/bin"}
    where = subprocess.run(
        [sys.executable, "-c", "import visitguide; print(visitguide.__file__)"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert where.stdout.startswith(str(tmp_path / "site"))  # the wheel's copy, not the checkout
    done = subprocess.run(
        [sys.executable, "-m", "visitguide", "export", "--blank", "-a", "technique", "-f", "html"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "regles-acces-si" in done.stdout


def test_the_paper_guide_has_the_reports_content_security_policy(cli: Invoke, tmp_path: Path) -> None:
    """Nothing in a paper guide may load or run anything, as in the report (issue 11, point 12)."""
    import re

    from tests.helpers import content_visit

    policy = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
    paper = cli("export", "--blank", "-f", "html")
    report = cli("export", content_visit(tmp_path / "visite"), "-f", "html")
    assert paper.exit_code == 0 and report.exit_code == 0
    found = policy.search(paper.stdout)
    assert found is not None, "no Content-Security-Policy in the paper guide"
    expected = policy.search(report.stdout)
    assert expected is not None and found.group(1) == expected.group(1)
    assert "default-src 'none'" in found.group(1)
