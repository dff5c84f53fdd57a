"""The command line's own edges: closed pipes, full disks, contradictory options."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO, Invoke


def run(args: list[str], tmp_path: Path, stdout: int | object) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "visitguide", *args],
        stdout=stdout,  # type: ignore[arg-type]
        stderr=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize(
    "args", [["questions", "--format", "json"], ["criteria"], ["interview", "--dry-run"], ["questions"]]
)
def test_a_closed_pipe_ends_quietly(tmp_path: Path, args: list[str]) -> None:
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    assert reader.stdin is not None
    done = run(args, tmp_path, reader.stdin)
    reader.stdin.close()
    reader.wait()
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr and b"Exception ignored" not in done.stderr


def test_a_full_disk_is_said_in_french(tmp_path: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = run(["questions", "--format", "json"], tmp_path, full)
    assert done.returncode == 2
    assert (
        done.stderr.decode().strip() == "Erreur : écriture impossible dans la sortie standard : disque plein"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["interview", "--format", "yaml"], "--format ne s'emploie qu'avec --dry-run."),
        (["interview", "--dry-run", "--out", "x.json"], "--dry-run et --out ne vont pas ensemble."),
        (["interview", "--dry-run", "--resume", "x.json"], "--dry-run et --resume ne vont pas ensemble."),
        (["interview", "--dry-run", "--answers", "x.yaml"], "--dry-run et --answers ne vont pas ensemble."),
        (["export", "--blank", "visite"], "--blank et CHEMIN ne vont pas ensemble."),
        (["export", "--blank", "--redact"], "--blank et --redact ne vont pas ensemble."),
        (["export", "visite", "--audience", "technique"], "--audience ne s'emploie qu'avec --blank."),
        (["status"], "(par exemple : visitguide status entretiens/)"),
        (["check"], "(par exemple : visitguide check entretiens/)"),
        (
            ["interview", "--duration", "45", "--answers", "x.yaml"],
            "--duration et --answers ne vont pas ensemble.",
        ),
        (["interview", "--duration", "trois quarts d'heure"], "durée invalide « trois quarts d'heure »"),
    ],
)
def test_contradictory_options_are_refused(cli: Invoke, args: list[str], message: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_english_names_parameters_in_english(cli: Invoke) -> None:
    result = cli("export", "--format", "pdf", env={"VISITGUIDE_LANG": "en"})
    assert result.exit_code == 2
    assert "--format" in result.stderr and "'pdf'" in result.stderr
