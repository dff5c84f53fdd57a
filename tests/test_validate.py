"""`validate` computes, then shows (issue 10): `check` returns findings and prints nothing;
`show` renders them and gives the exit code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from tests.bankfactory import TERRAIN, write_guide
from tests.helpers import BUNDLED
from visitguide.bank import validate
from visitguide.errors import UsageError
from visitguide.paths import bundled_bank


def test_the_bundled_bank_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    findings = validate.check([BUNDLED])
    assert findings.clean and findings.problems == ()
    assert findings.guides == 1
    assert findings.exit_code == 0
    assert capsys.readouterr() == ("", "")  # computing prints nothing


def test_no_folder_given_checks_every_bank_found(tmp_path: Path) -> None:
    write_guide(tmp_path / "user")
    findings = validate.check([], [tmp_path / "user"])
    assert findings.folders == (bundled_bank(), tmp_path / "user")
    assert findings.guides == 2 and findings.clean


def test_every_problem_with_its_file_and_line(tmp_path: Path) -> None:
    bank = tmp_path / "bank"
    folder = write_guide(bank, terrain=TERRAIN + "    added: [hint]\n    auteur: moi\n")
    findings = validate.check([bank])
    assert not findings.clean and findings.exit_code == 1
    located = {(Path(p.path), p.line, p.message) for p in findings.problems}
    assert (folder / "terrain.yaml", 9, "clé inconnue « auteur »") in located
    assert any(line == 8 and "additions_by" in message for _, line, message in located)


def test_a_missing_folder_is_bad_usage_not_a_finding(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        validate.check([tmp_path / "absent"])
    assert int(raised.value.exit_code) == 2


def test_show_renders_the_findings_and_returns_the_exit_code(tmp_path: Path) -> None:
    write_guide(tmp_path / "bank", terrain=TERRAIN + "    auteur: moi\n")
    screen = io.StringIO()
    code = validate.show(validate.check([tmp_path / "bank"]), Console(file=screen, width=200, no_color=True))
    assert code == 1
    lines = screen.getvalue().splitlines()
    assert lines[0].endswith("terrain.yaml:8: clé inconnue « auteur »")
    assert lines[-1] == "1 problème(s) trouvé(s)."
    clean = io.StringIO()
    assert validate.show(validate.check([BUNDLED]), Console(file=clean, no_color=True)) == 0
    assert "aucun problème" in clean.getvalue()
