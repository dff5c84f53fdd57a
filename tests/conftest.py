"""Shared fixtures: every test runs in its own folder, with no user bank, in French."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.helpers import Invoke
from visitguide.cli.app import app

runner = CliRunner()


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user bank, French, wide output, a private cache, and the test's own folder."""
    for name in ("VISITGUIDE_BANK", "VISITGUIDE_LANG", "EDITOR", "VISUAL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def cli() -> Invoke:
    """Run `visitguide ARGS…` in-process; stdout and stderr stay apart."""

    def invoke(*args: str | Path, env: dict[str, str] | None = None, input: str | None = None) -> Result:
        return runner.invoke(app, [str(a) for a in args], env=env, input=input)

    return invoke
