"""The HTML report in a real browser: Debian's headless Chromium (installed by `.ci/run`).

In CI these tests fail, never skip, when Chromium is missing: the HTML report is only known
to work once a browser has drawn it. On a developer's machine without it they are skipped,
with the reason. Flags as in NOTES.md: no network, no background services,
a fresh profile.
"""

from __future__ import annotations

import os
import re
import struct
import subprocess
from pathlib import Path

import pytest

from tests.helpers import (
    MARKERS,
    Invoke,
    answers_visit,
    content_visit,
    ecart_visit,
    keep_shot,
    pdf_pages_text,
    require_tool,
    save,
    session,
)

pytestmark = pytest.mark.slow

FLAGS = [
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    binary = require_tool("chromium", "chromium-browser")
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *args]
    if os.geteuid() == 0:
        command.insert(1, "--no-sandbox")
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def report(cli: Invoke, tmp_path: Path) -> Path:
    """The HTML report of a visit with écarts, notes of every kind, and a hostile note."""
    visit = ecart_visit(tmp_path / "visite")
    content_visit(visit / "autres")
    s = session("gouvernance", "DSI")
    s.answer("plan-blanc-pca-pra", '<script>document.title="PIRATE"</script> fin de la note')
    save(s, visit, "hostile.json")
    out = tmp_path / "rapport.html"
    result = cli("export", visit, "--format", "html", "--output", out)
    assert result.exit_code == 0, result.stderr
    return out


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_html_report_opens_in_chromium_and_is_drawn(cli: Invoke, tmp_path: Path) -> None:
    html = report(cli, tmp_path)
    shot = tmp_path / "rapport.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,2000", html.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    data = shot.read_bytes()
    assert png_size(data) == (1280, 2000)
    # A blank page compresses to about 10 kB; the report's text, table and colours do not.
    assert len(data) > 60_000


def test_the_report_prints_on_a4_pages(cli: Invoke, tmp_path: Path) -> None:
    html = report(cli, tmp_path)
    pdf = tmp_path / "rapport.pdf"
    done = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) >= 3  # type: ignore[union-attr]


def test_a_script_in_a_note_stays_text_in_the_browser(cli: Invoke, tmp_path: Path) -> None:
    html = report(cli, tmp_path)
    done = chromium(tmp_path, "--dump-dom", html.as_uri())
    dom = done.stdout
    assert MARKERS["note gouvernance"] in dom, done.stderr[-2000:]
    title = re.search(r"<title>(.*?)</title>", dom, re.S)
    assert title is not None and "PIRATE" not in title.group(1)
    assert '&lt;script&gt;document.title="PIRATE"&lt;/script&gt; fin de la note' in dom


# --- the realistic visit (tests/data/visit) ------------------------------------------------


def visit_report(cli: Invoke, tmp_path: Path) -> Path:
    out = tmp_path / "visite.html"
    result = cli("export", answers_visit(cli, tmp_path / "visite"), "--format", "html", "--output", out)
    assert result.exit_code == 0, result.stderr
    return out


def test_the_visit_report_is_drawn_with_its_new_sections(cli: Invoke, tmp_path: Path) -> None:
    html = visit_report(cli, tmp_path)
    shot = tmp_path / "visite.png"
    done = chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,6000", html.as_uri())
    assert shot.exists(), done.stderr[-2000:]
    keep_shot(shot, "rapport-visite.png")
    assert png_size(shot.read_bytes()) == (1280, 6000)
    assert len(shot.read_bytes()) > 300_000  # écarts, charts, documents, criteria: a full page
    dom = chromium(tmp_path, "--dump-dom", html.as_uri()).stdout
    for part in (
        'id="documents-a-demander"',
        '<div class="synthesis">',
        'class="ecart-detail"',
        'class="pairs"',
    ):
        assert part in dom


def test_the_printed_visit_report_has_headers_page_numbers_and_documents_on_their_own_pages(
    cli: Invoke, tmp_path: Path
) -> None:
    html = visit_report(cli, tmp_path)
    pdf = tmp_path / "visite.pdf"
    done = chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", html.as_uri())
    assert pdf.exists(), done.stderr[-2000:]
    pages = pdf_pages_text(pdf)
    assert len(pages) >= 5
    for n, page in enumerate(pages, 1):
        assert "Rapport de visite — CH de Valmont — du 2026-11-24 au 2026-11-26" in page, n
        assert f"Page {n} / {len(pages)}" in page, n
    start = next(n for n, page in enumerate(pages) if "Documents à demander" in page and "Par public" in page)
    body = pages[start].split("du 2026-11-24 au 2026-11-26", 1)[1].lstrip()
    assert body.startswith("Documents à demander")  # a page of its own, from the top
    end = next(n for n in range(start, len(pages)) if "Couverture" in pages[n])
    assert pages[end].split("du 2026-11-24 au 2026-11-26", 1)[1].lstrip().startswith("Couverture")
