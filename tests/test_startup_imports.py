"""What each path imports: the heavy libraries only where they are needed (issue 7).

Import checks, not timings: they hold on any machine and fail the day someone imports
pydantic, YAML or rich on a path that does not need them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.helpers import REPO

PROBE = """
import sys
from visitguide.cli.app import main
sys.argv = ["visitguide", *{args!r}]
try:
    main()
except SystemExit:
    pass
heavy = sorted(
    m for m in ("pydantic", "yaml", "rich", "questionary", "jinja2", "docx", "pypdf") if m in sys.modules
)
print("HEAVY=" + ",".join(heavy), file=sys.stderr)
"""


def heavy_modules(tmp_path: Path, *args: str) -> list[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=True,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("HEAVY="))
    return [m for m in line.removeprefix("HEAVY=").split(",") if m]


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    assert heavy_modules(tmp_path, "--version") == []


def test_a_cached_guide_is_listed_without_pydantic_nor_yaml(tmp_path: Path) -> None:
    first = heavy_modules(tmp_path, "questions", "--format", "json")
    assert "yaml" in first and "pydantic" in first  # parsed and checked once
    again = heavy_modules(tmp_path, "questions", "--format", "json")
    assert again == []


def test_the_first_interview_prompt_comes_before_pydantic_and_rich(tmp_path: Path) -> None:
    import pexpect

    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "PYTHONPATH": str(REPO),
        "PROMPT_TOOLKIT_NO_CPR": "1",
    }
    heavy_modules(tmp_path, "questions")  # the guide is in the cache, as on any day but the first
    child = pexpect.spawn(
        sys.executable,
        ["-X", "importtime", "-m", "visitguide", "interview"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    child.expect("Public interrogé")
    before = child.before
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    imported = {line.rsplit("|", 1)[-1].strip() for line in before.splitlines() if "|" in line}
    assert "prompt_toolkit" in imported  # the probe sees the prompt's own library
    assert not {"pydantic", "rich", "yaml", "questionary"} & imported  # lists are ours


def test_pypdf_is_loaded_by_import_of_a_pdf_only(tmp_path: Path) -> None:
    """Every other command (and `import` of a text fiche) runs without the PDF library."""
    for args in (["guides"], ["validate"], ["criteria"], ["interview", "--dry-run", "-a", "technique"]):
        assert "pypdf" not in heavy_modules(tmp_path, *args), args
    fiche = REPO / "tests" / "data" / "fiche-risques-numeriques.txt"
    assert "pypdf" not in heavy_modules(tmp_path, "import", str(fiche), "--out", "from-text")
    pdf = tmp_path / "fiche.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")  # read with pypdf, then refused: enough to load it
    assert "pypdf" in heavy_modules(tmp_path, "import", str(pdf), "--out", "from-pdf")
