"""The message catalog, the help of every command, the README and the shipped schemas."""

from __future__ import annotations

import json
import string

import pytest
from typer.main import get_command

from tests.helpers import REPO, Invoke
from visitguide.cli.app import app
from visitguide.messages import catalog
from visitguide.schemas import FOLDER, bank_schemas, render

COMMANDS = sorted(get_command(app).commands)  # type: ignore[attr-defined]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, (french, english) in catalog().items():
        assert french.strip() and english.strip(), key
        assert _fields(french) == _fields(english), key


def test_the_expected_commands_exist() -> None:
    assert (
        sorted(["guides", "questions", "criteria", "validate", "interview", "export", "status", "check"])
        == COMMANDS
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_french_help(cli: Invoke, command: str) -> None:
    result = cli(command, "--help")
    assert result.exit_code == 0
    assert "Utilisation : visitguide " + command in result.stdout
    described = get_command(app).commands[command].help  # type: ignore[attr-defined]
    assert described and described.split()[0] in result.stdout
    assert "Show this message" not in result.stdout
    assert "Affiche cette aide et quitte." in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_appears_in_the_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"`visitguide {command}" in readme


def test_readme_opens_with_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    first_block = readme.split("```")[1]
    commands = [line for line in first_block.splitlines() if line and not line.startswith(("#", "sh"))]
    assert len(commands) == 2
    assert "visitguide interview" in commands[0]
    assert "pytest" in commands[1]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci, "CI must run the README's test command"


def test_root_help_lists_every_command_in_french(cli: Invoke) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    assert "Commandes" in result.stdout
    for command in COMMANDS:
        assert command in result.stdout


@pytest.mark.parametrize("name", ["guide.schema.json", "audience.schema.json"])
def test_shipped_schemas_match_the_models(name: str) -> None:
    shipped = (FOLDER / name).read_text(encoding="utf-8")
    assert shipped == render(bank_schemas()[name]), "run: python -m visitguide.schemas"
    schema = json.loads(shipped)
    assert schema["additionalProperties"] is False


def test_bundled_files_point_at_the_schemas() -> None:
    folder = REPO / "questions" / "risques-numeriques"
    for path in folder.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        expected = "guide.schema.json" if path.name == "guide.yaml" else "audience.schema.json"
        assert first == f"# yaml-language-server: $schema=../../visitguide/schemas/{expected}"
        assert (path.parent / first.split("=", 1)[1]).resolve().is_file()


@pytest.mark.parametrize("command", COMMANDS)
def test_help_shows_no_python_type_names(cli: Invoke, command: str) -> None:
    result = cli(command, "--help")
    for python_word in ("<bool>", "<list[Path]>", "<Path>", "<str>", "<text>"):
        assert python_word not in result.stdout
