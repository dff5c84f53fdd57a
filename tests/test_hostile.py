"""Hostile input on every reader: a clear French sentence naming the file, the contract's exit
code, no traceback, at once. Control characters from files never reach the terminal raw.

Readers: the bank loader (`validate`, `questions`), answers files (`interview --answers`),
interview files (`check`, `export`, `status`, `interview --resume`, scripted and live).
`pytest --durations=0 tests/test_hostile.py` shows each case takes well under a second.
"""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import Result

from tests.bankfactory import GOUVERNANCE, write_guide
from tests.data.interviews import question_ids, snapshot, write
from tests.helpers import BUNDLED, Invoke
from visitguide.bank import yamlsafe
from visitguide.errors import InterviewFileError
from visitguide.interview import file as ifile

MIB = 1024 * 1024
ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x9b31m\u202e"


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def _binary() -> bytes:
    return random.Random(6).randbytes(4096)


# name -> (bytes of the file, part of the expected message)
YAML_PAYLOADS: dict[str, tuple[bytes, str]] = {
    "alias-bomb": (_alias_bomb(), "ancres et alias YAML (& et *) interdits"),
    "python-tag": (
        b'audience: !!python/object/apply:os.system ["touch pwned"]\nquestions: []\n',
        "étiquette YAML « !!python/object/apply:os.system » interdite",
    ),
    "python-name": (b"!!python/name:os.system\n", "interdite"),
    "too-large": (b"audience: gouvernance\n# " + b"x" * MIB + b"\n", "fichier trop volumineux"),
    "deep-brackets": (b"[" * 100_000, "imbrication trop profonde"),
    "deep-braces": (b"{a: " * 100_000, "imbrication trop profonde"),
    "deep-closed": (b"[" * 10_000 + b"]" * 10_000, "imbrication trop profonde"),
    "deep-block": (b"- " * 50_000 + b"a\n", "imbrication trop profonde"),
    "not-utf8": (b"audience: gouvernance\nquestions: \xff\xfe\n", "n'est pas encodé en UTF-8"),
    "empty": (b"", "vide"),
    "binary": (_binary(), ""),
    "nul-bytes": (b"audience: \x00\x00\n", ""),
    "huge-int": (b"audience: " + b"9" * 5000 + b"\n", "valeur impossible"),
    "impossible-date": (b"audience: 2026-02-31\n", "valeur impossible « 2026-02-31 »"),
}

JSON_PAYLOADS: dict[str, tuple[bytes, str]] = {
    "deep-brackets": (b"[" * 100_000, ""),
    "deep-objects": (b'{"a":' * 100_000, ""),
    "deep-closed": (b"[" * 100_000 + b"]" * 100_000, ""),
    "not-utf8": (b'{"format": "visitguide.interview", "x": "\xff"}', "UTF-8"),
    "empty": (b"", "vide"),
    "binary": (_binary(), ""),
    "huge-int": (b'{"format_version": ' + b"9" * 5000 + b"}", ""),
    "nan": (b'{"format": "visitguide.interview", "format_version": NaN}', ""),
    "yaml-bomb": (_alias_bomb(), ""),
}


def refused(result: Result, code: int, name: str, expected: str = "") -> str:
    """The result is a refusal: its exit code, the file named, no traceback; its output."""
    output = result.stdout + result.stderr
    assert result.exit_code == code, output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert name in output
    assert expected in output
    return output


# --- the bank loader -----------------------------------------------------------------------


@pytest.mark.parametrize("name", list(YAML_PAYLOADS))
@pytest.mark.parametrize("target", ["guide", "gouvernance"])
def test_a_hostile_bank_file_is_refused_by_validate_and_questions(
    cli: Invoke, tmp_path: Path, name: str, target: str
) -> None:
    payload, expected = YAML_PAYLOADS[name]
    folder = write_guide(tmp_path / "banque")
    (folder / f"{target}.yaml").write_bytes(payload)
    refused(cli("validate", "banque"), 1, f"{target}.yaml", expected)
    refused(cli("questions", "--bank", "banque"), 2, f"{target}.yaml", expected)
    assert not (tmp_path / "pwned").exists()


def test_a_folder_named_like_a_bank_file_is_refused(cli: Invoke, tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "banque")
    (folder / "gouvernance.yaml").unlink()
    (folder / "gouvernance.yaml").mkdir()
    refused(cli("validate", "banque"), 1, "gouvernance.yaml", "fichier illisible (c'est un dossier)")
    refused(cli("questions", "--bank", "banque"), 2, "gouvernance.yaml")


def test_a_file_over_one_mib_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gros.yaml"
    with path.open("wb") as handle:
        handle.truncate(MIB + 1)

    def no_reading(self: Path) -> bytes:
        raise AssertionError("read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(yamlsafe.YamlProblems, match="1048577 octets ; maximum 1048576"):
        yamlsafe.load(path)


# --- answers files -------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".yaml", ".json"])
@pytest.mark.parametrize("name", list(YAML_PAYLOADS))
def test_a_hostile_answers_file_is_refused_and_nothing_is_written(
    cli: Invoke, tmp_path: Path, name: str, suffix: str
) -> None:
    payload, expected = YAML_PAYLOADS[name]
    (tmp_path / f"r{suffix}").write_bytes(payload)
    result = cli("interview", "--answers", f"r{suffix}", "--audience", "gouvernance", "--out", "e.json")
    refused(result, 2, f"r{suffix}", expected if suffix == ".yaml" else "")
    assert not (tmp_path / "e.json").exists()
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("name", list(JSON_PAYLOADS))
def test_hostile_json_answers_are_refused(cli: Invoke, tmp_path: Path, name: str) -> None:
    (tmp_path / "r.json").write_bytes(JSON_PAYLOADS[name][0])
    result = cli("interview", "--answers", "r.json", "--audience", "gouvernance", "--out", "e.json")
    refused(result, 2, "r.json")
    assert not (tmp_path / "e.json").exists()


def test_an_answers_file_that_is_a_folder_is_refused(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").mkdir()
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    refused(result, 2, "r.yaml", "c'est un dossier, pas un fichier")


def test_a_huge_answers_file_is_refused_before_reading(cli: Invoke, tmp_path: Path) -> None:
    with (tmp_path / "r.yaml").open("wb") as handle:
        handle.truncate(50 * MIB)  # sparse: instant to make, slow to read if anyone tried
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    refused(result, 2, "r.yaml", "fichier trop volumineux")


# --- interview files -----------------------------------------------------------------------

OK_ANSWERS = "answers: {}\n"


def _interview_readers(tmp_path: Path) -> dict[str, tuple[list[str], int]]:
    (tmp_path / "ok.yaml").write_text(OK_ANSWERS, encoding="utf-8")
    return {
        "check": (["check", "e.json"], 1),
        "export": (["export", "e.json", "--format", "md"], 2),
        "status": (["status", "e.json"], 2),
        "resume": (["interview", "--answers", "ok.yaml", "--resume", "e.json"], 2),
    }


READERS = ["check", "export", "status", "resume"]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("name", list(JSON_PAYLOADS))
def test_a_hostile_interview_file_is_refused_by_every_reader_and_left_alone(
    cli: Invoke, tmp_path: Path, name: str, reader: str
) -> None:
    args, code = _interview_readers(tmp_path)[reader]
    path = tmp_path / "e.json"
    path.write_bytes(JSON_PAYLOADS[name][0])
    before = snapshot(path)
    refused(cli(*args), code, "e.json", JSON_PAYLOADS[name][1])
    assert snapshot(path) == before


@pytest.mark.parametrize("reader", READERS)
def test_an_interview_file_over_the_limit_is_refused_before_reading(
    cli: Invoke, tmp_path: Path, reader: str
) -> None:
    args, code = _interview_readers(tmp_path)[reader]
    with (tmp_path / "e.json").open("wb") as handle:
        handle.truncate(ifile.MAX_BYTES + 1)
    refused(cli(*args), code, "e.json", "fichier trop volumineux")


@pytest.mark.parametrize("reader", ["resume"])
def test_resuming_a_folder_is_refused(cli: Invoke, tmp_path: Path, reader: str) -> None:
    args, code = _interview_readers(tmp_path)[reader]
    (tmp_path / "e.json").mkdir()
    refused(cli(*args), code, "e.json", "c'est un dossier, pas un fichier")


@pytest.mark.parametrize("name", list(JSON_PAYLOADS))
def test_live_resume_refuses_a_hostile_file_before_any_prompt(tmp_path: Path, name: str) -> None:
    from visitguide.console import out
    from visitguide.interview import live
    from visitguide.interview.stand_in import StandInAsker

    path = tmp_path / "e.json"
    path.write_bytes(JSON_PAYLOADS[name][0])
    asker = StandInAsker([])
    with pytest.raises(InterviewFileError) as raised:
        live.run(None, None, None, path, {}, [], asker=asker, console=out())
    assert raised.value.exit_code == 2
    assert str(path) in raised.value.message
    assert asker.prompts == []


# --- control characters --------------------------------------------------------------------


def assert_no_raw_control(text: str) -> None:
    raw = [c for c in text if c in "\x1b\x07\x9b\u202e"]
    assert raw == [], repr(text[:400])


def _hostile_interview(tmp_path: Path) -> Path:
    path = write(
        tmp_path / "e.json",
        {"first": f"note {ESCAPES} fin"},
        comment=f"commentaire {ESCAPES}",
        context={"establishment": f"CH {ESCAPES}", "interviewee_role": f"DSI {ESCAPES}"},
        added=(f"question {ESCAPES} ?", f"notes {ESCAPES}"),
        evidence=[f"doc {ESCAPES}"],
    )
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["check", "e.json"],
        ["status", "e.json"],
        ["export", "e.json", "--format", "md"],
        ["export", "e.json", "--format", "json"],
        ["export", "e.json", "--format", "csv"],
    ],
    ids=["check", "status", "export-md", "export-json", "export-csv"],
)
def test_control_characters_in_notes_never_reach_the_terminal(
    cli: Invoke, tmp_path: Path, args: list[str]
) -> None:
    _hostile_interview(tmp_path)
    result = cli(*args)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert_no_raw_control(result.stdout + result.stderr)


def test_control_characters_in_interview_ids_never_reach_the_terminal(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "x"})
    text = path.read_text(encoding="utf-8")
    qid = question_ids()[0]
    path.write_text(text.replace(f'"{qid}"', '"q\\u001b]0;pwned\\u0007"'), encoding="utf-8")
    for args in (["check", "e.json"], ["status", "e.json"], ["export", "e.json", "--format", "md"]):
        result = cli(*args)
        assert result.exception is None or isinstance(result.exception, SystemExit), (args, result.exception)
        assert_no_raw_control(result.stdout + result.stderr)


def _hostile_bank(tmp_path: Path) -> Path:
    """A copy of the bundled guide whose title, criterion, label and first question carry escapes."""
    folder = tmp_path / "banque" / "risques-numeriques"
    shutil.copytree(BUNDLED / "risques-numeriques", folder)
    hostile = '"{} \\e]0;pwned\\a \\e[2J \\x9b31m \\u202e"'
    guide = (folder / "guide.yaml").read_text(encoding="utf-8")
    guide = _replace_line(guide, "title: ", "title: " + hostile.format("Titre"))
    guide = _replace_line(guide, "    title: Les risques", "    title: " + hostile.format("Critère"))
    guide = _replace_line(guide, "    label: À la gouvernance", "    label: " + hostile.format("Public"))
    (folder / "guide.yaml").write_text(guide, encoding="utf-8")
    questions = (folder / "gouvernance.yaml").read_text(encoding="utf-8")
    start = questions.index("    text:")
    end = questions.index("\n", start) + 1
    while questions[end : end + 6] == "      ":  # the folded text's continuation lines
        end = questions.index("\n", end) + 1
    text = "    text: " + hostile.format("Question") + "\n"
    (folder / "gouvernance.yaml").write_text(questions[:start] + text + questions[end:], encoding="utf-8")
    return folder.parent


def _replace_line(text: str, start: str, new: str) -> str:
    """`text` with its first line beginning with `start` replaced by `new`."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith(start))
    lines[index] = new + "\n"
    return "".join(lines)


@pytest.mark.parametrize(
    "args",
    [
        ["questions"],
        ["questions", "--search", "question"],
        ["questions", "--format", "json"],
        ["guides"],
        ["criteria"],
        ["interview", "--dry-run", "--audience", "gouvernance"],
        ["interview", "--dry-run", "--audience", "gouvernance", "--format", "yaml"],
        ["export", "--blank", "--audience", "gouvernance", "--format", "md"],
    ],
    ids=lambda a: "-".join(a).strip("-"),
)
def test_control_characters_in_a_user_bank_never_reach_the_terminal(
    cli: Invoke, tmp_path: Path, args: list[str]
) -> None:
    bank = _hostile_bank(tmp_path)
    assert cli("validate", bank).exit_code == 0
    result = cli(*args, "--bank", bank)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "pwned" in result.stdout  # the text is there, made harmless
    assert_no_raw_control(result.stdout + result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        ["questions", "--audience", f"x{ESCAPES}"],
        ["questions", "--criterion", f"x{ESCAPES}"],
        ["questions", "--guide", f"x{ESCAPES}"],
        ["check", f"x{ESCAPES}.json"],
        ["interview", "--dry-run", "--audience", f"x{ESCAPES}"],
    ],
    ids=["audience", "criterion", "guide", "check-path", "dry-run-audience"],
)
def test_error_messages_naming_hostile_ids_are_escaped(cli: Invoke, args: list[str]) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert "pwned" in result.stderr
    assert_no_raw_control(result.stdout + result.stderr)


def test_hostile_ids_in_an_answers_file_are_named_escaped(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text(
        'answers:\n  "q\\e]0;pwned\\a": {notes: x}\ncheckpoints:\n  "c\\e[2J": {rating: oui}\n',
        encoding="utf-8",
    )
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    refused(result, 2, "r.yaml", "pwned")
    assert_no_raw_control(result.stdout + result.stderr)
    assert not (tmp_path / "e.json").exists()


def test_a_hostile_note_in_an_answers_file_is_stored_but_never_echoed_raw(
    cli: Invoke, tmp_path: Path
) -> None:
    qid = question_ids()[0]
    (tmp_path / "r.yaml").write_text(f'answers:\n  {qid}: {{notes: "a\\e]0;pwned\\a b"}}\n', encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    assert result.exit_code == 0, result.stderr
    assert_no_raw_control(result.stdout + result.stderr)
    assert ifile.read(tmp_path / "e.json").answers[qid].notes == "a\x1b]0;pwned\x07 b"


# --- a bank file that grows past the limit is still refused when the limit is close -------


def test_a_bank_file_just_under_the_limit_is_read(cli: Invoke, tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "banque")
    padding = "# " + "x" * (MIB - len(GOUVERNANCE) - 10) + "\n"
    (folder / "gouvernance.yaml").write_text(GOUVERNANCE + padding, encoding="utf-8")
    assert (folder / "gouvernance.yaml").stat().st_size <= MIB
    assert cli("validate", "banque").exit_code == 0


# --- files full of mistakes: the message stays readable (and quick) ------------------------

MAX_LINES = 1000


def test_a_bank_file_full_of_mistakes_gives_a_bounded_report(cli: Invoke, tmp_path: Path) -> None:
    """3,000 broken questions make 12,000 problems; a 1 MiB file made the same way took 11 s
    to print in full. The first ones and a count are enough to start fixing."""
    questions = "".join(f"  - id: Q_{i}\n    criteria: [x]\n    text: ''\n" for i in range(3000))
    write_guide(tmp_path / "banque", gouvernance=f"audience: gouvernance\nquestions:\n{questions}")
    for args, code in ((["validate", "banque"], 1), (["questions", "--bank", "banque"], 2)):
        output = refused(cli(*args), code, "gouvernance.yaml")
        assert len(output.splitlines()) <= MAX_LINES, (args, len(output.splitlines()))


def test_an_answers_file_full_of_unknown_ids_gives_a_bounded_report(cli: Invoke, tmp_path: Path) -> None:
    """3,000 unknown question ids; a 1 MiB file of them took 63 s to report in full."""
    answers = "".join(f"  inconnue-{i}: {{notes: x}}\n" for i in range(3000))
    (tmp_path / "r.yaml").write_text(f"answers:\n{answers}", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    output = refused(result, 2, "r.yaml", "inconnue-0")
    assert len(output.splitlines()) <= MAX_LINES, len(output.splitlines())
    assert not (tmp_path / "e.json").exists()


def test_a_live_resume_shows_hostile_notes_and_ids_escaped(tmp_path: Path) -> None:
    """The resume overview prints notes, context and forgotten answers: all made harmless."""
    from rich.console import Console

    from visitguide.errors import Interrupted
    from visitguide.interview import live
    from visitguide.interview.stand_in import CtrlC, StandInAsker

    path = _hostile_interview(tmp_path)
    text = path.read_text(encoding="utf-8")
    orphan = '"q\\u001b]0;pwned\\u0007": {"status": "answered", "notes": "vieille \\u001b[2J note"}, '
    path.write_text(text.replace('"answers": {', '"answers": {' + orphan, 1), encoding="utf-8")
    output = io.StringIO()
    console = Console(file=output, force_terminal=False, color_system=None, width=200)
    asker = StandInAsker([CtrlC()])
    try:
        live.run(None, None, None, path, {}, [], asker=asker, console=console)
    except Interrupted as exc:
        assert_no_raw_control(exc.message)
    shown = output.getvalue()
    assert "pwned" in shown
    assert_no_raw_control(shown)
