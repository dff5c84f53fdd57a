"""The command line's own edges: closed pipes, full disks, contradictory options."""

from __future__ import annotations

import json
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


# --- the command line as people use it (issue 14, point 10 and 15) -------------------------------


def test_a_mistyped_command_gets_a_suggestion(cli: Invoke) -> None:
    result = cli("gudes")
    assert result.exit_code == 2
    assert "commande inconnue : « gudes ». Vouliez-vous dire « guides » ?" in result.stderr


def test_a_bare_command_prints_the_help_without_an_error(cli: Invoke) -> None:
    result = cli()
    assert result.exit_code == 0
    assert "Utilisation : visitguide" in result.stdout and "interview" in result.stdout
    assert "Erreur" not in result.stderr + result.stdout


def test_usage_lines_show_paths_as_people_read_them(cli: Invoke) -> None:
    for command in ("status", "export", "check"):
        out = cli(command, "--help").stdout
        assert "CHEMIN…" in out, command
        assert "{CHEMIN}" not in out and "CHEMIN]..." not in out and "CHEMIN..." not in out


def test_export_help_says_html_goes_to_standard_output_too(cli: Invoke) -> None:
    assert "sortie standard pour md, html, csv et json" in " ".join(cli("export", "--help").stdout.split())


def test_completion_options_are_offered_in_french(cli: Invoke) -> None:
    out = " ".join(cli("--help").stdout.split())
    assert "--install-completion" in out and "Installe la complétion" in out
    assert "--show-completion" in out


def complete(words: str, tmp_path: Path) -> list[str]:
    """What bash completion offers for the command line `words` (the last word being typed)."""
    from tests.helpers import program

    env = {**os.environ, "_VISITGUIDE_COMPLETE": "complete_bash", "COMP_WORDS": words}
    env["COMP_CWORD"] = str(len(words.split()) - (0 if words.endswith(" ") else 1))
    done = subprocess.run(program(), env=env, cwd=tmp_path, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_completion_offers_ids_from_the_banks_and_interview_files(tmp_path: Path) -> None:
    assert complete("visitguide gu", tmp_path) == ["guides"]
    assert complete("visitguide interview --audience go", tmp_path) == ["gouvernance"]
    audiences = {"gouvernance", "technique", "professionnels"}
    assert set(complete("visitguide interview -a ", tmp_path)) == audiences
    assert complete("visitguide questions --guide ri", tmp_path) == ["risques-numeriques"]
    assert "3.6-02" in complete("visitguide questions --criterion 3.6", tmp_path)
    (tmp_path / "entretiens").mkdir()
    (tmp_path / "entretiens" / "2026-12-01-technique-0b6c1f2a.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("", encoding="utf-8")
    assert complete("visitguide interview --resume ", tmp_path) == [
        "entretiens/",
        "entretiens/2026-12-01-technique-0b6c1f2a.json",
    ]
    assert complete("visitguide interview --resume entretiens/", tmp_path) == [
        "entretiens/2026-12-01-technique-0b6c1f2a.json"
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["guides"],
        ["questions"],
        ["questions", "--format", "json"],
        ["criteria"],
        ["validate"],
        ["interview", "--dry-run", "-a", "gouvernance"],
        ["interview", "--dry-run", "--format", "yaml", "-a", "gouvernance"],
        ["export", "--blank", "-a", "gouvernance"],
        ["--help"],
        ["gudes"],
    ],
)
def test_a_terminal_that_is_not_utf8_never_gets_a_traceback(args: list[str], tmp_path: Path) -> None:
    from tests.helpers import program

    env = {**os.environ, "PYTHONIOENCODING": "iso-8859-1", "LANG": "C", "LC_ALL": "C"}
    done = subprocess.run([*program(), *args], env=env, cwd=tmp_path, capture_output=True, check=False)
    assert b"Traceback" not in done.stderr
    assert b"UnicodeEncodeError" not in done.stderr
    assert done.returncode == (2 if args == ["gudes"] else 0)
    if "json" in args:  # machine output: escaped, never replaced
        rows = json.loads(done.stdout.decode("iso-8859-1"))
        assert any("œ" in row["text"] for row in rows)
