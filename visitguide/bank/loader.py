"""Finding, loading and checking question banks (CONTRACT.md §1).

`load_guide` reads one guide folder and raises `BankError` with every problem of every file;
`check_folder` returns the problems instead, for `visitguide validate`.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitguide import collector, files
from visitguide.bank import cache, marks
from visitguide.bank.guide import (
    Audience,
    Checkpoint,
    Criterion,
    GuideMeta,
    Question,
    meta_from,
    questions_from,
)
from visitguide.bank.problems import validation_problems
from visitguide.errors import BankError, InputError, Problem, UsageError, os_reason
from visitguide.messages import t
from visitguide.paths import bundled_bank, user_banks

if TYPE_CHECKING:
    from pydantic import BaseModel

GUIDE_FILE = "guide.yaml"
YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class GuideSource:
    """Where a guide was found."""

    id: str
    folder: Path
    bank: Path
    bundled: bool


@dataclass
class Guide:
    """A loaded, checked guide: its `guide.yaml` and its questions by audience."""

    meta: GuideMeta
    questions: dict[str, tuple[Question, ...]]
    source: GuideSource
    digest: str
    _question_index: dict[str, tuple[str, Question]] = field(init=False, repr=False)
    _criterion_index: dict[str, Criterion] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._question_index = {q.id: (aud, q) for aud, qs in self.questions.items() for q in qs}
        self._criterion_index = {c.id: c for c in self.meta.criteria}

    @property
    def id(self) -> str:
        return self.meta.id

    @property
    def audiences(self) -> list[Audience]:
        return list(self.meta.audiences)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.meta.audiences if a.id == audience_id), None)

    def require_audience(self, audience_id: str) -> Audience:
        """The audience `audience_id`; `UsageError` naming the closest one when unknown."""
        found = self.audience(audience_id)
        if found is None:
            ids = [a.id for a in self.meta.audiences]
            raise UsageError(unknown_id_message("audience.unknown", audience_id, ids))
        return found

    def criterion(self, criterion_id: str) -> Criterion | None:
        return self._criterion_index.get(criterion_id)

    def find_question(self, question_id: str) -> tuple[str, Question] | None:
        """`(audience, question)` for a question id of any audience."""
        return self._question_index.get(question_id)

    def questions_for(self, audience_id: str) -> tuple[Question, ...]:
        return self.questions.get(audience_id, ())

    def checkpoints_for(self, audience_id: str) -> list[Checkpoint]:
        return [c for c in self.meta.checkpoints if c.audience == audience_id]

    def all_questions(self) -> Iterator[tuple[str, Question]]:
        for audience in self.meta.audiences:
            for question in self.questions_for(audience.id):
                yield audience.id, question


# --- discovery ---------------------------------------------------------------------------


def _has_guide(folder: Path) -> bool:
    """Whether `folder` holds a `guide.yaml`; a folder that cannot be read, or a `guide.yaml`
    that is a pipe or a device (never read), is a `BankError`."""
    guide = folder / GUIDE_FILE
    try:
        if guide.is_file():
            return True
        if guide.exists() and not guide.is_dir():
            raise BankError([Problem(guide, None, t("file.not_regular"))])
        return False
    except OSError as exc:  # is_file() only swallows "not found": a permission error comes here
        raise BankError([Problem(folder, None, t("file.os_error", error=os_reason(exc)))]) from None


def _guide_folders(bank: Path) -> list[Path]:
    """The guide folders of a bank; a bank that cannot be listed is named, not passed over
    (its guides would then be "unknown", for no reason anyone could see)."""
    if _has_guide(bank):  # a single guide folder given as a bank
        return [bank]
    try:
        children = sorted(bank.iterdir())
    except OSError as exc:
        raise InputError(t("bank.unreadable", path=bank, error=os_reason(exc))) from None
    return [c for c in children if c.is_dir() and _has_guide(c)]


def not_a_bank(path: Path) -> str | None:
    """Why `path` cannot be a bank (missing, or a file), or None when it is a folder."""
    if path.is_dir():
        return None
    if path.exists():
        return t("bank.not_a_directory", path=path)
    return t("bank.not_a_folder", path=path)


def discover(cli_banks: Sequence[Path] = ()) -> dict[str, GuideSource]:
    """Every guide found, by id: bundled ones, replaced by user ones of the same id."""
    found: dict[str, GuideSource] = {}
    bundled = bundled_bank()
    for folder in _guide_folders(bundled):
        found[folder.name] = GuideSource(folder.name, folder, bundled, True)
    from_user: dict[str, GuideSource] = {}
    for bank in user_banks(cli_banks):
        refused = not_a_bank(bank)
        if refused is not None:
            raise UsageError(refused)
        for folder in _guide_folders(bank):
            gid = folder.name
            if gid in from_user and from_user[gid].folder.resolve() != folder.resolve():
                raise InputError(t("bank.same_id_twice", id=gid, first=from_user[gid].folder, second=folder))
            from_user[gid] = GuideSource(gid, folder, bank, False)
    found.update(from_user)
    return found


def resolve(guide_id: str | None, cli_banks: Sequence[Path] = ()) -> Guide:
    """The guide `guide_id`, or the only guide found when it is None."""
    sources = discover(cli_banks)
    if guide_id is None:
        if len(sources) != 1:
            if not sources:
                raise UsageError(t("bank.no_guide"))
            raise UsageError(t("bank.choose_guide", ids=", ".join(sorted(sources))))
        guide_id = next(iter(sources))
    if guide_id not in sources:
        raise UsageError(unknown_id_message("guide.unknown", guide_id, sorted(sources)))
    return load_guide(sources[guide_id])


def unknown_id_message(key: str, wrong: str, valid: Sequence[str]) -> str:
    """A message naming an unknown id and, when there is one, the closest valid id."""
    close = difflib.get_close_matches(wrong, valid, n=1, cutoff=0.5)
    message = t(key, id=wrong)
    if close:
        message += " " + t("did_you_mean", id=close[0])
    elif valid:
        message += " " + t("valid_ids", ids=", ".join(valid[:12]) + (" …" if len(valid) > 12 else ""))
    return message


# --- loading -----------------------------------------------------------------------------


def load_guide(source: GuideSource) -> Guide:
    """Load and check one guide folder; `BankError` with every problem found."""
    guide, problems = _check(source)
    if problems or guide is None:
        raise BankError(problems)
    return guide


def check_folder(folder: Path) -> list[Problem]:
    """Every problem of one guide folder (for `validate`: always parsed and checked again)."""
    return _check(GuideSource(folder.name, folder, folder.parent, False), use_cache=False)[1]


def check_bank(path: Path) -> list[Problem]:
    """Every problem of a bank, or of a single guide folder."""
    refused = not_a_bank(path)
    if refused is not None:
        return [Problem(path, None, refused)]
    try:
        if _has_guide(path):
            return check_folder(path)
        folders = [c for c in sorted(path.iterdir()) if c.is_dir() and not c.name.startswith((".", "_"))]
    except BankError as exc:
        return exc.problems
    except OSError as exc:
        return [Problem(path, None, t("file.os_error", error=os_reason(exc)))]
    problems: list[Problem] = []
    for folder in folders:
        try:
            has_guide = _has_guide(folder)
        except BankError as exc:
            problems.extend(exc.problems)
            continue
        if not has_guide:
            problems.append(Problem(folder, None, t("bank.folder_without_guide")))
        else:
            problems.extend(check_folder(folder))
    if not folders:
        problems.append(Problem(path, None, t("bank.empty")))
    return problems


@dataclass
class _Loaded:
    """One parsed file: its marked raw data, and its model when the data is valid."""

    path: Path
    raw: Any
    model: Any


def _check(source: GuideSource, use_cache: bool = True) -> tuple[Guide | None, list[Problem]]:
    """The guide and its problems; a clean guide is kept in `cache`, keyed by its bytes."""
    with collector.paused():  # tens of thousands of containers, no cycles
        return _check_folder(source, use_cache)


def _check_folder(source: GuideSource, use_cache: bool) -> tuple[Guide | None, list[Problem]]:
    folder = source.folder
    problems: list[Problem] = []
    digest = hashlib.sha256()
    files = _yaml_files(folder, problems)
    contents: dict[Path, bytes] = {}
    for path in files:
        data = _read(path, problems)
        if data is not None:
            contents[path] = data
            digest.update(path.name.encode() + b"\0" + data + b"\0")
    guide_path = folder / GUIDE_FILE
    if not guide_path.is_file():
        problems.append(Problem(guide_path, None, t("bank.missing_guide_file")))
        return None, problems
    guide_digest = "sha256:" + digest.hexdigest()
    if use_cache and not problems:
        cached = _from_raw(cache.load_guide(folder, guide_digest), source, guide_digest)
        if cached is not None:
            return cached, problems
    from visitguide.bank.models import AudienceFile, GuideFile  # pydantic: only when parsing

    meta = _parse_model(guide_path, contents.get(guide_path), GuideFile, problems)
    audiences = {
        path.stem: loaded
        for path in files
        if path != guide_path
        and (loaded := _parse_model(path, contents.get(path), AudienceFile, problems)) is not None
    }
    if meta is not None:
        _check_guide(folder, meta, problems)
        _check_audiences(meta, audiences, files, problems)
    if problems or meta is None or meta.model is None:
        problems.sort(key=lambda p: (str(p.path), p.line or 0))
        return None, problems
    raw = {"guide": meta.raw, "audiences": {a.id: audiences[a.id].raw for a in meta.model.audiences}}
    cache.store_guide(folder, guide_digest, raw["guide"], raw["audiences"])
    guide = _from_raw(raw, source, guide_digest)
    assert guide is not None, "the models accepted data the guide cannot hold"
    return guide, problems


def _from_raw(raw: Any, source: GuideSource, digest: str) -> Guide | None:
    """The guide from raw data the models accepted (just parsed, or from the cache)."""
    if raw is None:
        return None
    try:
        meta = meta_from(raw["guide"])
        by_audience = {a.id: questions_from(raw["audiences"][a.id]) for a in meta.audiences}
    except (KeyError, TypeError, AttributeError, IndexError):  # a damaged cache entry: a miss
        return None
    return Guide(meta, by_audience, source, digest)


def _yaml_files(folder: Path, problems: list[Problem]) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and not p.name.startswith("."))
    except OSError as exc:
        problems.append(Problem(folder, None, t("file.os_error", error=os_reason(exc))))
        return []


def _read(path: Path, problems: list[Problem]) -> bytes | None:
    """The bytes of a bank file: a regular file of at most `marks.MAX_BYTES`; anything else is
    a problem, unread (a FIFO would hang the read, a link to /dev/zero fill the memory)."""
    try:
        return files.read_capped(path, marks.MAX_BYTES)
    except files.TooLarge as exc:
        size = exc.size if exc.size is not None else f"> {marks.MAX_BYTES}"
        problems.append(Problem(path, None, t("file.too_large", size=size, max=marks.MAX_BYTES)))
    except files.NotRegularFile:
        problems.append(Problem(path, None, t("file.not_regular")))
    except OSError as exc:
        problems.append(Problem(path, None, t("file.os_error", error=os_reason(exc))))
    return None


def _parse_model(
    path: Path, data: bytes | None, model: type[BaseModel], problems: list[Problem]
) -> _Loaded | None:
    """The file parsed and validated; None when it could not be read as a mapping at all."""
    from pydantic import ValidationError

    from visitguide.bank import yamlsafe

    if data is None:
        return None
    text = ""
    try:
        text = yamlsafe.decode_utf8(path, data)
        raw, found = yamlsafe.parse_lenient(text, path)
    except yamlsafe.YamlProblems as exc:
        problems.extend(exc.problems)
        if text and exc.problems and exc.problems[0].line is not None:
            problems.extend(_before_the_break(path, text, exc.problems[0].line, model))
        return None
    problems.extend(found)
    if raw is None:
        problems.append(Problem(path, None, t("bank.empty_file")))
        return None
    if not isinstance(raw, dict):
        problems.append(Problem(path, getattr(raw, "line", 1), t("bank.not_a_mapping")))
        return None
    try:
        validated = model.model_validate(raw)
    except ValidationError as exc:
        problems.extend(validation_problems(path, raw, exc))
        validated = None
    return _Loaded(path, raw, None if found else validated)


# Problems that a value shows on its own line, whatever follows it: those found in the part
# of a file before a YAML syntax error are true of the whole file.
_LOCAL_KINDS = frozenset(
    {
        "extra_forbidden",
        "string_pattern_mismatch",
        "string_type",
        "literal_error",
        "enum",
        "bool_type",
        "bool_parsing",
        "int_type",
        "int_parsing",
    }
)


def _before_the_break(path: Path, text: str, line: int, model: type[BaseModel]) -> list[Problem]:
    """The problems of the lines before a YAML syntax error on `line`, so that one broken line
    does not hide every mistake above it.

    The text is read up to the line before the error; only problems that a value shows on its
    own line (`_LOCAL_KINDS`: an unknown key, a bad id, a wrong type) and that lie before that
    last line, which may be cut, are kept: a missing key or an empty list there could be
    made up by the cut. When that part does not read either (a bracket opened above), nothing
    more is said.
    """
    from pydantic import ValidationError

    from visitguide.bank import yamlsafe

    head = "".join(text.splitlines(keepends=True)[: max(line - 2, 0)])
    try:
        raw, found = yamlsafe.parse_lenient(head, path)
    except yamlsafe.YamlProblems:
        return []
    kept = [p for p in found if p.line is not None and p.line < line - 1]
    if isinstance(raw, dict):
        try:
            model.model_validate(raw)
        except ValidationError as exc:
            local = validation_problems(path, raw, exc, _LOCAL_KINDS)
            kept += [p for p in local if p.line is not None and p.line < line - 1]
    return kept


# --- cross-file rules, on the raw data so that they run even when a file is invalid -----


def _entries(raw: Any, key: str) -> list[tuple[int, Any]]:
    """(index, mapping) for each mapping in the list `raw[key]`."""
    items = raw.get(key) if isinstance(raw, dict) else None
    if not isinstance(items, list):
        return []
    return [(i, item) for i, item in enumerate(items) if isinstance(item, dict)]


def _text(mapping: Any, key: str) -> str | None:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    return value if isinstance(value, str) else None


def _ids(raw: Any, key: str) -> set[str]:
    return {i for _, item in _entries(raw, key) if (i := _text(item, "id")) is not None}


def _check_duplicates(loaded: _Loaded, key: str, problems: list[Problem]) -> None:
    seen: dict[str, int] = {}
    for i, item in _entries(loaded.raw, key):
        item_id = _text(item, "id")
        if item_id is None:
            continue
        line = marks.line_of(loaded.raw, (key, i, "id")) or 0
        if item_id in seen:
            problems.append(
                Problem(loaded.path, line, t("bank.duplicate_id", id=item_id, first=seen[item_id]))
            )
        else:
            seen[item_id] = line


def _check_criteria(
    loaded: _Loaded, loc: tuple[Any, ...], item: Any, declared: set[str], problems: list[Problem]
) -> None:
    cited = item.get("criteria") if isinstance(item, dict) else None
    if not isinstance(cited, list):
        return
    for j, crit in enumerate(cited):
        if isinstance(crit, str) and crit not in declared:
            line = marks.line_of(loaded.raw, (*loc, "criteria", j))
            problems.append(Problem(loaded.path, line, t("bank.undeclared_criterion", id=crit)))


def _check_added(loaded: _Loaded, loc: tuple[Any, ...], item: Any, problems: list[Problem]) -> int | None:
    """Each field named in the item's `added` must be there, and named once; returns the line
    of the item's first mark (None when it marks nothing)."""
    marked = item.get("added") if isinstance(item, dict) else None
    if not isinstance(marked, list) or not marked:
        return None
    seen: set[str] = set()
    for j, name in enumerate(marked):
        if not isinstance(name, str):
            continue
        line = marks.line_of(loaded.raw, (*loc, "added", j))
        if name in seen:
            problems.append(Problem(loaded.path, line, t("bank.added_twice", field=name)))
        elif item.get(name) in (None, "", []):
            problems.append(Problem(loaded.path, line, t("bank.added_absent", field=name)))
        seen.add(name)
    return marks.line_of(loaded.raw, (*loc, "added"))


def _check_author(loaded: _Loaded, author: bool, first_mark: int | None, problems: list[Problem]) -> None:
    """Marked additions need their author (`additions_by` in guide.yaml): said once per file."""
    if first_mark is not None and not author:
        problems.append(Problem(loaded.path, first_mark, t("bank.added_without_author")))


def _has_author(raw: Any) -> bool:
    return _text(raw, "additions_by") is not None


def _check_guide(folder: Path, meta: _Loaded, problems: list[Problem]) -> None:
    raw = meta.raw
    guide_id = _text(raw, "id")
    if guide_id is not None and guide_id != folder.name:
        line = marks.line_of(raw, ("id",))
        problems.append(Problem(meta.path, line, t("bank.id_not_folder", id=guide_id, folder=folder.name)))
    for key in ("criteria", "audiences", "checkpoints"):
        _check_duplicates(meta, key, problems)
    criteria = _ids(raw, "criteria")
    audiences = _ids(raw, "audiences")
    first_mark = _check_added(meta, (), raw, problems)
    for i, checkpoint in _entries(raw, "checkpoints"):
        audience = _text(checkpoint, "audience")
        if audience is not None and audience not in audiences:
            line = marks.line_of(raw, ("checkpoints", i, "audience"))
            problems.append(Problem(meta.path, line, t("bank.undeclared_audience", id=audience)))
        _check_criteria(meta, ("checkpoints", i), checkpoint, criteria, problems)
        mark = _check_added(meta, ("checkpoints", i), checkpoint, problems)
        first_mark = first_mark if first_mark is not None else mark
    _check_author(meta, _has_author(raw), first_mark, problems)


def _check_audiences(
    meta: _Loaded, audiences: dict[str, _Loaded], files: list[Path], problems: list[Problem]
) -> None:
    declared = _ids(meta.raw, "audiences")
    criteria = _ids(meta.raw, "criteria")
    stems = {p.stem for p in files if p.name != GUIDE_FILE}
    seen: dict[str, Path] = {}
    for path in files:
        if path.name != GUIDE_FILE and path.stem in seen:  # technique.yaml and technique.yml
            problems.append(
                Problem(path, None, t("bank.two_files", id=path.stem, other=seen[path.stem].name))
            )
        seen.setdefault(path.stem, path)
    for i, audience in _entries(meta.raw, "audiences"):
        audience_id = _text(audience, "id")
        if audience_id is not None and audience_id not in stems:
            line = marks.line_of(meta.raw, ("audiences", i, "id"))
            problems.append(
                Problem(
                    meta.path,
                    line,
                    t("bank.audience_without_file", id=audience_id, file=f"{audience_id}.yaml"),
                )
            )
    for path in files:
        if path.name != GUIDE_FILE and path.stem not in declared:
            problems.append(Problem(path, None, t("bank.file_without_audience", id=path.stem)))
    question_ids: dict[str, str] = {}
    checkpoint_ids = _ids(meta.raw, "checkpoints")
    checked = {_text(c, "audience") for _, c in _entries(meta.raw, "checkpoints")}
    for stem, loaded in audiences.items():
        named = _text(loaded.raw, "audience")
        if named is not None and named != stem:
            line = marks.line_of(loaded.raw, ("audience",))
            problems.append(
                Problem(loaded.path, line, t("bank.audience_not_file", id=named, file=loaded.path.name))
            )
        _check_not_empty(loaded, stem in checked, problems)
        first_mark = _check_questions(loaded, criteria, checkpoint_ids, question_ids, problems)
        _check_author(loaded, _has_author(meta.raw), first_mark, problems)
    _check_pairs(meta, checkpoint_ids | set(question_ids), problems)


def _check_questions(
    loaded: _Loaded,
    criteria: set[str],
    checkpoint_ids: set[str],
    question_ids: dict[str, str],
    problems: list[Problem],
) -> int | None:
    """The questions of one audience file: criteria declared, `added` sound, ids unique in the
    guide (`question_ids`: id -> where first seen, filled in) and not a checkpoint's. Returns
    the line of the first `added` mark, or None."""
    first_mark: int | None = None
    for i, question in _entries(loaded.raw, "questions"):
        _check_criteria(loaded, ("questions", i), question, criteria, problems)
        mark = _check_added(loaded, ("questions", i), question, problems)
        first_mark = first_mark if first_mark is not None else mark
        qid = _text(question, "id")
        if qid is None:
            continue
        line = marks.line_of(loaded.raw, ("questions", i, "id")) or 0
        if qid in question_ids:
            problems.append(
                Problem(loaded.path, line, t("bank.duplicate_question", id=qid, first=question_ids[qid]))
            )
        else:
            question_ids[qid] = f"{loaded.path.name}:{line}"
        if qid in checkpoint_ids:
            problems.append(Problem(loaded.path, line, t("bank.question_is_checkpoint", id=qid)))
    return first_mark


def _check_not_empty(loaded: _Loaded, has_checkpoints: bool, problems: list[Problem]) -> None:
    """An audience with no question is allowed only when it has checkpoints (imported fiches)."""
    questions = loaded.raw.get("questions") if isinstance(loaded.raw, dict) else None
    if questions == [] and not has_checkpoints:
        line = marks.line_of(loaded.raw, ("questions",))
        problems.append(Problem(loaded.path, line, t("bank.no_question")))


def _check_pairs(meta: _Loaded, known: set[str], problems: list[Problem]) -> None:
    """Both sides of each pair name a checkpoint or a question of the guide."""
    for i, pair in _entries(meta.raw, "pairs"):
        for side in ("declared", "observed"):
            item = _text(pair, side)
            if item is not None and item not in known:
                line = marks.line_of(meta.raw, ("pairs", i, side))
                problems.append(Problem(meta.path, line, t("bank.pair_unknown_id", id=item)))
