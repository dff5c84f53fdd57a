"""Property-based tests: whatever the input, each reader gives its object or the program's own
error (with its exit code), never another exception.

Readers: the bank loader (`bank.load_guide`, `bank.check_folder`, `yamlsafe.parse`), the
answers-file loader (`scripted.load` and a whole `scripted.run`), the interview reader
(`interview_file.parse` / `read`, and `check.scan_file` on the same files).
"""

from __future__ import annotations

import copy
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bankfactory import GOUVERNANCE, GUIDE, TERRAIN, write_guide
from tests.data import interviews
from visitguide.bank import loader as bank
from visitguide.bank import yamlsafe
from visitguide.errors import BankError, ExitCode, InterviewFileError, VisitguideError
from visitguide.interview import check, scripted
from visitguide.interview import file as ifile

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(["", "3.6-02", "gouvernance", "oui", "answered", "question-un", "2026-11-29"])
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
yaml_values = st.recursive(
    scalars | st.dates(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
yamlish = st.text(alphabet=st.sampled_from(list("ab:-[]{},&*!|>'\"#\n  \t%@`?0.2é\\")), max_size=200)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path into nested dicts and lists, the root included."""
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from paths(value, (*prefix, i))


@st.composite
def mutated(draw: st.DrawFn, base: Any, new_values: st.SearchStrategy[Any] = values) -> Any:
    """`base` with one to three changes: a value replaced, removed, or a key added."""
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        path = draw(st.sampled_from(list(paths(data))))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "remove", "add"]))
        if action == "replace":
            parent[path[-1]] = draw(new_values)
        elif action == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.text(max_size=12))] = draw(new_values)
        else:
            parent.append(draw(new_values))
    return data


# --- the bank loader -----------------------------------------------------------------------

BASES = {
    "guide": yaml.safe_load(GUIDE.format(gid="essai")),
    "gouvernance": yaml.safe_load(GOUVERNANCE),
    "terrain": yaml.safe_load(TERRAIN),
}


def _load(files: dict[str, str]) -> None:
    """Load a guide made of the factory's files and `files`: a Guide or a BankError."""
    with tempfile.TemporaryDirectory() as folder:
        guide_folder = write_guide(Path(folder), **files)
        source = bank.GuideSource("essai", guide_folder, Path(folder), False)
        try:
            loaded = bank.load_guide(source)
        except BankError as exc:
            assert exc.problems
            assert exc.exit_code == ExitCode.USAGE
            assert all(str(p.path).endswith(".yaml") or p.path == guide_folder for p in exc.problems)
            return
        assert loaded.id == "essai"
        assert bank.check_folder(guide_folder) == []


@SETTINGS
@given(st.sampled_from(list(BASES)), yamlish)
def test_any_yaml_like_text_in_a_bank_file_gives_a_guide_or_bank_problems(name: str, text: str) -> None:
    _load({name: text})


@SETTINGS
@given(st.sampled_from(list(BASES)), yaml_values)
def test_any_data_dumped_to_yaml_gives_a_guide_or_bank_problems(name: str, data: Any) -> None:
    _load({name: yaml.safe_dump(data, allow_unicode=True)})


@SETTINGS
@given(st.data())
def test_a_valid_bank_mutated_gives_a_guide_or_bank_problems(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(list(BASES)))
    changed = data.draw(mutated(BASES[name], yaml_values))
    _load({name: yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)})


@SETTINGS
@given(st.text(max_size=300) | yamlish)
def test_strict_yaml_gives_data_or_yaml_problems(text: str) -> None:
    try:
        yamlsafe.parse(text, "f.yaml")
    except yamlsafe.YamlProblems as exc:
        assert exc.problems
        assert all(str(p).startswith("f.yaml") for p in exc.problems)


# --- answers files -------------------------------------------------------------------------

QUESTION = "audit-securite-numerique"
CHECKPOINT = interviews.checkpoint_ids()[0]
ANSWERS_BASE = {
    "guide": "risques-numeriques",
    "audience": "gouvernance",
    "context": {"establishment": "CH Exemple", "interviewee_role": "DSI", "date": "2026-11-29"},
    "answers": {QUESTION: {"notes": "Audit fait.", "evidence": ["Rapport"]}},
    "checkpoints": {CHECKPOINT: {"rating": "oui", "comment": "Vu."}},
    "added_questions": [{"text": "Autre question ?", "criteria": ["3.6-02"], "notes": "Réponse."}],
}


def _script(text: str, suffix: str) -> None:
    """Run a whole scripted interview from `text`: written file, or an error and no file."""
    with tempfile.TemporaryDirectory() as folder:
        answers = Path(folder) / f"r{suffix}"
        answers.write_text(text, encoding="utf-8")
        out = Path(folder) / "e.json"
        try:
            scripted.load(answers)
            code = scripted.run(answers, None, None, out, None, {}, [])
        except VisitguideError as exc:
            assert exc.exit_code == ExitCode.USAGE
            assert exc.message
            assert not out.exists()
            return
        assert code == 0
        ifile.read(out)


@SETTINGS
@given(st.sampled_from([".yaml", ".json"]), yamlish | st.text(max_size=200))
def test_any_answers_text_gives_an_interview_or_the_programs_error(suffix: str, text: str) -> None:
    _script(text, suffix)


@SETTINGS
@given(st.data())
def test_a_valid_answers_file_mutated_gives_an_interview_or_the_programs_error(data: st.DataObject) -> None:
    changed = data.draw(mutated(ANSWERS_BASE, yaml_values))
    if data.draw(st.booleans()):
        _script(yaml.safe_dump(changed, allow_unicode=True), ".yaml")
    else:
        _script(json.dumps(changed, ensure_ascii=False, default=str), ".json")


# --- interview files -----------------------------------------------------------------------


def _valid_interview_text() -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = interviews.write(
            Path(folder) / "e.json",
            {"first": "Notes."},
            comment="Vu.",
            added=("Question ?", "Réponse."),
            evidence=["Rapport"],
            context={"establishment": "CH", "interviewee_role": "DSI"},
        )
        return path.read_text(encoding="utf-8")


VALID = _valid_interview_text()
VALID_DATA = json.loads(VALID)
json_text = st.text(alphabet=st.sampled_from(list('{}[]:,"0123456789.-+eE tfnrulasx\\\n')), max_size=200)


def _stable(interview: ifile.Interview | None) -> Any:
    """The interview without what a reading fills in when missing (a new id, the time now)."""
    if interview is None:
        return None

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: strip(v) for k, v in value.items() if k not in ("updated_at", "started_at")}
        if isinstance(value, list):
            return [strip(v) for v in value]
        return value

    data = strip(interview.model_dump(mode="json"))
    data.pop("id")
    return data


def _read_both_ways(text: str) -> None:
    """`parse` and `read` agree: an Interview (that survives a save), or an InterviewFileError;
    `check` reports every file that cannot be read."""
    try:
        interview = ifile.parse(text, "e.json")
    except InterviewFileError as exc:
        assert exc.exit_code == ExitCode.USAGE
        assert exc.message.startswith("e.json")
        interview = None
    else:
        assert ifile.parse(interview.to_json(), "e.json") == interview
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "e.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            read = ifile.read(path)
        except InterviewFileError as exc:
            assert exc.message.startswith(str(path))
            read = None
        if not text.startswith("\ufeff"):  # a BOM is dropped from files, not from text
            assert _stable(read) == _stable(interview)
        findings = check.scan_file(path, check.GuideChecker([]))
        if read is None:
            assert findings or '"visitguide.' in text


@SETTINGS
@given(json_text | st.text(max_size=200))
def test_any_json_like_text_gives_an_interview_or_an_interview_file_error(text: str) -> None:
    _read_both_ways(text)


@SETTINGS
@given(values)
def test_any_json_data_gives_an_interview_or_an_interview_file_error(data: Any) -> None:
    _read_both_ways(json.dumps(data))


@SETTINGS
@given(st.data())
def test_a_valid_interview_mutated_gives_an_interview_or_an_interview_file_error(data: st.DataObject) -> None:
    _read_both_ways(json.dumps(data.draw(mutated(VALID_DATA)), ensure_ascii=False))


@SETTINGS
@given(
    st.integers(min_value=0, max_value=len(VALID)),
    st.integers(min_value=0, max_value=20),
    st.text(max_size=3),
)
def test_a_valid_interview_cut_or_spliced_gives_an_interview_or_an_error(
    at: int, cut: int, insert: str
) -> None:
    _read_both_ways(VALID[:at] + insert + VALID[at + cut :])


def test_the_valid_interview_used_above_is_valid() -> None:
    assert ifile.parse(VALID, "e.json").audience == "gouvernance"


def test_the_answers_file_mutated_above_is_valid(tmp_path: Path) -> None:
    answers = tmp_path / "r.yaml"
    answers.write_text(yaml.safe_dump(ANSWERS_BASE, allow_unicode=True), encoding="utf-8")
    assert scripted.run(answers, None, None, tmp_path / "e.json", None, {}, []) == 0
    assert ifile.read(tmp_path / "e.json").answers[QUESTION].notes == "Audit fait."


def test_the_bank_mutated_above_is_valid(tmp_path: Path) -> None:
    folder = write_guide(tmp_path, **{k: yaml.safe_dump(v, allow_unicode=True) for k, v in BASES.items()})
    assert bank.check_folder(folder) == []
