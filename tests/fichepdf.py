"""PDFs of a text fiche, printed the way office software prints one, for the import tests.

fpdf2 (dev extra) lays the text out on A4 pages: paragraphs wrapped at the page width,
bullets "•" and sub-bullets "–", markdown bold, a running header and a "Page N/M" footer on
every page, page breaks before "(suite)", "AIDE AU QUESTIONNEMENT" and a line starting
with a form feed. Accents need a
Unicode font: DejaVu Sans, found on the system (package fonts-dejavu-core on Debian).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

HEADER = "HAS • Mesurer & améliorer la qualité • Fiche pédagogique"
_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
    Path("/Library/Fonts"),
]


def dejavu() -> tuple[Path, Path]:
    """DejaVu Sans and DejaVu Sans Bold; the test fails (never skips) without them."""
    folders = list(_CANDIDATES)
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True, text=True, timeout=10
        )
        if found.returncode == 0 and found.stdout:
            folders.insert(0, Path(found.stdout).parent)
    except (OSError, subprocess.SubprocessError):
        pass
    for folder in folders:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.is_file() and bold.is_file():
            return regular, bold
    pytest.fail("DejaVu Sans is needed to print test PDFs: install fonts-dejavu-core")


def print_pdf(text: str, out: Path, breaks: dict[str, str] | None = None, size: int = 10) -> Path:
    """`text` (one paragraph or bullet per line) printed as a PDF in `size` points (a large
    size makes narrow columns). `breaks` forces line breaks inside a paragraph:
    {"Crit.3.6-06 ; Crit.3.6-06": "Crit.3.6-\\n06 ;…"}."""
    from fpdf import FPDF

    regular, bold = dejavu()

    class Fiche(FPDF):
        def header(self) -> None:
            self.set_font("dejavu", "", 8)
            self.cell(0, 5, HEADER, new_x="LMARGIN", new_y="NEXT")
            self.ln(2)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("dejavu", "", 8)
            self.cell(0, 5, f"Page {self.page_no()}/{{nb}}", align="C")

    pdf = Fiche(format="A4")
    pdf.add_font("dejavu", "", str(regular))
    pdf.add_font("dejavu", "B", str(bold))
    pdf.set_auto_page_break(True, 15)
    pdf.add_page()
    pdf.set_font("dejavu", "", size)
    for line in text.splitlines():
        for old, new in (breaks or {}).items():
            line = line.replace(old, new)
        if "(suite)" in line or line.strip() == "AIDE AU QUESTIONNEMENT" or line.startswith("\f"):
            pdf.add_page()
            line = line.lstrip("\f")
        if not line.strip():
            pdf.ln(2)
            continue
        bullet = re.match("^(\\s*)[-•–\uf0b7o] (.*)$", line)
        if bullet:
            sub = bool(bullet.group(1))
            pdf.set_x(pdf.l_margin + (12 if sub else 5))
            pdf.cell(4, size / 2, "–" if sub else "•")
            line = bullet.group(2)
        pdf.multi_cell(0, size / 2, line.strip(), markdown=True, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(out))
    return out
