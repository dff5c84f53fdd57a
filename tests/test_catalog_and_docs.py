"""The message catalog, the help of every command, the README and docs/, the shipped schemas."""

from __future__ import annotations

import json
import re
import string
from importlib.util import find_spec
from pathlib import Path

import pytest
import yaml
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
        sorted(
            [
                "guides",
                "questions",
                "criteria",
                "validate",
                "interview",
                "export",
                "status",
                "check",
                "import",
            ]
        )
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


DOCS = REPO / "docs"
MANUAL = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _manual() -> str:
    """The README and every page of docs/, as one text."""
    return "\n".join(_text(path) for path in MANUAL)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_appears_in_the_readme(command: str) -> None:
    """The README's commands table names every command; the manual in docs/ describes it."""
    assert f"`visitguide {command}" in _text(REPO / "README.md")
    assert any(f"visitguide {command}" in _text(page) for page in DOCS.glob("*.md")), command


@pytest.mark.parametrize("command", COMMANDS)
def test_every_option_of_every_command_is_documented(command: str) -> None:
    """Every option the help of a command lists is named in the README or in docs/."""
    manual = _manual()
    params = get_command(app).commands[command].params  # type: ignore[attr-defined]
    options = [name for param in params for name in param.opts if name.startswith("--")]
    missing = [name for name in options if name != "--help" and name not in manual]
    assert not missing, f"visitguide {command}: {missing} not in README.md nor docs/"


def test_readme_opens_with_the_two_commands() -> None:
    readme = _text(REPO / "README.md")
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


# --- the README and docs/: links, paths and examples ---------------------------------------

_FENCE = re.compile(r"^( *)```.*?^\1```", re.M | re.S)
_CODE = re.compile(r"`[^`\n]*`")
_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def _prose(text: str) -> str:
    """Markdown without its code blocks and code spans (which may hold brackets)."""
    return _CODE.sub("", _FENCE.sub("", text))


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    found: set[str] = set()
    for line in _FENCE.sub("", _text(path)).splitlines():
        if match := re.match(r"#{1,6} +(.*)", line):
            anchor = _anchor(match.group(1))
            n = 0
            while (candidate := anchor if n == 0 else f"{anchor}-{n}") in found:
                n += 1
            found.add(candidate)
    return found


def test_the_manual_has_its_pages() -> None:
    names = {path.name for path in DOCS.glob("*.md")}
    expected = {"README.md", "entretien.md", "scripts-et-trame.md", "rapports.md", "banques.md"}
    assert expected | {"securite.md", "performance.md", "formats.md"} <= names


@pytest.mark.parametrize("page", MANUAL, ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_relative_link_resolves(page: Path) -> None:
    """Links between the README and docs/ point to files of the clone, and to headings that exist."""
    broken = []
    for target in _LINK.findall(_prose(_text(page))):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto:
            continue
        file, _, anchor = target.partition("#")
        linked = (page.parent / file).resolve() if file else page
        if not linked.exists() or REPO not in [linked, *linked.parents]:
            broken.append(f"{target}: no such file in the repository")
        elif anchor and linked.suffix == ".md" and anchor not in _anchors(linked):
            broken.append(f"{target}: no such heading in {linked.name}")
    assert not broken, broken


@pytest.mark.parametrize("page", MANUAL, ids=lambda p: p.relative_to(REPO).as_posix())
def test_the_manual_names_only_what_a_clone_has(page: Path) -> None:
    """No folder outside the repository; every repository path and module named exists."""
    text = _text(page)
    assert "../shared" not in text and "CONTRACT" not in text
    missing = []
    for span in re.findall(r"`([^`\n]+)`", text):
        path = span.split()[0]
        if re.match(r"(visitguide|benchmarks|questions|docs|tests|\.ci)/", path) and not (
            path.startswith("benchmarks/_data") or (REPO / path).exists()
        ):
            missing.append(path)
    for module in re.findall(r"python -m (visitguide[\w.]*)", text):
        if find_spec(module) is None:
            missing.append(module)
    assert not missing, missing


def test_the_readme_stays_a_front_door() -> None:
    assert len((REPO / "README.md").read_bytes()) < 12 * 1024, "move the details to docs/"


def _yaml_blocks(path: Path) -> list[str]:
    """The ```yaml blocks of a page, de-indented (a block may sit in a list item)."""
    return [
        re.sub(rf"(?m)^{indent}", "", body)
        for indent, body in re.findall(r"(?ms)^( *)```yaml\n(.*?)^\1```", _text(path))
    ]


@pytest.mark.parametrize("name", ["scripts-et-trame.md", "formats.md"])
def test_the_answers_files_of_the_docs_are_accepted(cli: Invoke, name: str) -> None:
    blocks = [b for b in _yaml_blocks(DOCS / name) if re.search(r"(?m)^answers:", b)]
    assert blocks
    for n, block in enumerate(blocks):
        Path(f"r{n}.yaml").write_text(block, encoding="utf-8")
        result = cli("interview", "--answers", f"r{n}.yaml", "--out", f"e{n}.json")
        assert result.exit_code == 0, (block, result.stderr)


@pytest.mark.parametrize("name", ["banques.md", "formats.md"])
def test_the_bank_examples_of_the_docs_validate(cli: Invoke, name: str) -> None:
    blocks = _yaml_blocks(DOCS / name)
    guide = next(b for b in blocks if re.search(r"(?m)^id:", b))
    guide_id = yaml.safe_load(guide)["id"]
    folder = Path("banque") / guide_id
    folder.mkdir(parents=True)
    (folder / "guide.yaml").write_text(guide, encoding="utf-8")
    audiences = [b for b in blocks if re.search(r"(?m)^audience:", b) and re.search(r"(?m)^questions:", b)]
    assert audiences
    for block in audiences:
        (folder / f"{yaml.safe_load(block)['audience']}.yaml").write_text(block, encoding="utf-8")
    result = cli("validate", "banque")
    assert result.exit_code == 0, result.stdout + result.stderr
