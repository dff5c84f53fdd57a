"""The Word report opened the way a user's office suite opens it: LibreOffice turns it into a
PDF (`soffice --headless --convert-to pdf`), poppler reads the pages back.

In CI these tests fail, never skip, when LibreOffice or poppler is missing (`.ci/run` installs
them); on a developer's machine without them they are skipped, with the reason.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import Invoke, answers_visit, keep_shot, pdf_pages_text, require_tool

pytestmark = pytest.mark.slow

HEADER = "Rapport de visite — CH de Valmont — du 2026-11-24 au 2026-11-26"


def to_pdf(docx: Path) -> Path:
    """The PDF LibreOffice makes of `docx`, with a profile of its own (tests run in parallel)."""
    binary = require_tool("soffice", "libreoffice")
    profile = docx.parent / "lo-profile"
    command = [
        binary,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        str(docx.parent),
        str(docx),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=240, check=False)
    pdf = docx.with_suffix(".pdf")
    assert pdf.exists(), done.stderr[-2000:]
    return pdf


def test_the_word_report_opens_in_libreoffice_with_headers_page_numbers_and_its_sections(
    cli: Invoke, tmp_path: Path
) -> None:
    docx = tmp_path / "visite.docx"
    result = cli("export", answers_visit(cli, tmp_path / "visite"), "--format", "docx", "--output", docx)
    assert result.exit_code == 0, result.stderr
    pdf = to_pdf(docx)
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 8
    for n, page in enumerate(pages, 1):
        assert page.startswith(HEADER), n
        assert page.endswith(f"Page {n} / {len(pages)}"), n
    text = " ".join(pages)
    for part in (
        "Documents à demander",
        "Synthèse à reprendre",
        "Gouvernance ↔ terrain",
        "À confirmer — Entre secteurs — point « mise-en-oeuvre-pca-pra »",
        "vérifié : document",
        "E8 · IADE, Bloc opératoire, 2026-11-26",
    ):
        assert part in text, part
    documents = next(n for n, page in enumerate(pages) if "Par public : les documents demandés" in page)
    assert pages[documents].removeprefix(HEADER).lstrip().startswith("Documents à demander")
    coverage = next(n for n in range(documents, len(pages)) if "Jamais posé, par public" in pages[n])
    assert pages[coverage].removeprefix(HEADER).lstrip().startswith("Couverture")
    # the pages as images, for a person to look at
    pdftoppm = require_tool("pdftoppm")
    subprocess.run([pdftoppm, "-png", "-r", "60", "-l", "3", str(pdf), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == 3 and all(p.stat().st_size > 10_000 for p in images)
    for image in images:
        keep_shot(image, f"rapport-visite-word-{image.name}")
