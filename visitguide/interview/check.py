"""`visitguide check`: personal identifiers and damage in interview files.

Every free-text field of every interview file is searched for NIR/INS, e-mail addresses,
French phone numbers and RPPS numbers (`identifiers.find`); every file is read the way
`interview --resume` reads it, so that a truncated file, another format, a newer version or
a guide that changed is reported before anyone relies on it. A damaged file is still searched
for identifiers, line by line. Nothing is ever written: a damaged file is left exactly as it is.
Identifiers are only ever shown masked.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from visitguide import identifiers
from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.console import escape, out
from visitguide.errors import BankError, ExitCode, UsageError
from visitguide.interview import file as ifile
from visitguide.interview.file import Context, DamagedFile, Interview
from visitguide.messages import t


@dataclass(frozen=True)
class Finding:
    """One thing found in one file: where (a question, a field, a line) and what.

    `identifier` tells a personal identifier from damage; `what` and `where` show any
    identifier masked already, and `line()` masks the file's name too.
    """

    path: Path
    where: str | None
    what: str
    identifier: bool = False

    def line(self) -> str:
        file = identifiers.masked_id(str(self.path))  # a file may be named after a person
        if self.where is None:
            return t("check.line_file", file=file, what=self.what)
        return t("check.line", file=file, where=self.where, what=self.what)


@dataclass(frozen=True)
class Report:
    """What `check` found: the files looked at and the findings, in file order."""

    files: list[Path]
    findings: list[Finding]

    @property
    def clean(self) -> bool:
        return not self.findings

    @property
    def bad_files(self) -> int:
        return len({f.path for f in self.findings})

    @property
    def identifiers_found(self) -> bool:
        return any(f.identifier for f in self.findings)


def run(paths: Sequence[Path], banks: Sequence[Path]) -> int:
    """Scan `paths` (files or folders) and show what was found; exit 1 when anything was."""
    return show(scan(paths, banks))


def scan(paths: Sequence[Path], banks: Sequence[Path]) -> Report:
    """Every finding in the interview files under `paths` (nothing printed, nothing written).

    Anything but a regular file met in a folder is a finding, unread; a file named on the
    command line may be a pipe.
    """
    found = interview_files(paths)
    guides = GuideChecker(banks)
    findings = [f for path in found.files for f in scan_file(path, guides, pipes=found.is_named(path))]
    findings += [Finding(path, None, t("ifile.not_regular")) for path in found.skipped]
    return Report([*found.files, *found.skipped], findings)


def show(report: Report) -> int:
    """The findings on stdout, one line each, then a summary; the exit code."""
    console = out()
    for finding in report.findings:
        console.print(escape(finding.line()), soft_wrap=True)
    if report.clean:
        console.print(f"[green]{escape(t('check.clean', files=len(report.files)))}[/]")
        return int(ExitCode.OK)
    summary = t("check.summary", count=len(report.findings), bad=report.bad_files, files=len(report.files))
    console.print(f"[red]{escape(summary)}[/]")
    if report.identifiers_found:
        console.print(escape(t("check.advice")), soft_wrap=True)
    return int(ExitCode.PROBLEMS)


# --- which files ---------------------------------------------------------------------------


def interview_files(paths: Sequence[Path]) -> ifile.Found:
    """The files named, and every `*.json` under the folders named (`interview.file.find`)."""
    if not paths:
        raise UsageError(t("check.no_file", paths="—"))
    found = ifile.find(paths)
    if not found.files and not found.skipped:
        shown = ", ".join(identifiers.masked_id(str(p)) for p in paths)
        raise UsageError(t("check.no_file", paths=shown))
    return found


# --- one file ------------------------------------------------------------------------------


def scan_file(path: Path, guides: GuideChecker, *, pipes: bool = False) -> list[Finding]:
    """Damage and identifiers in one file, read as `interview --resume` would read it."""
    try:
        raw = ifile.read_bytes(path, pipes=pipes)
    except DamagedFile as exc:
        return [_damage(path, exc)]
    try:
        data = ifile.load_json(ifile.decode(raw, path), path)
    except DamagedFile as exc:
        return [_damage(path, exc), *raw_identifiers(path, raw)]
    if _other_visitguide_file(data):
        return list(data_identifiers(path, data))
    try:
        interview = ifile.from_data(data, path)
    except DamagedFile as exc:
        return [_damage(path, exc), *data_identifiers(path, data)]
    return [*interview_identifiers(path, interview), *guides.findings(path, interview)]


def _damage(path: Path, exc: DamagedFile) -> Finding:
    line = exc.problem.line
    where = t("check.where.line", line=line) if line is not None else None
    return Finding(path, where, exc.problem.message)


def _other_visitguide_file(data: Any) -> bool:
    """A report or another file of this program: searched for identifiers, not "damaged"."""
    kind = data.get("format") if isinstance(data, dict) else None
    return isinstance(kind, str) and kind.startswith("visitguide.") and kind != ifile.FORMAT


# --- identifiers ---------------------------------------------------------------------------


def _identifier_findings(path: Path, where: str, text: str) -> Iterator[Finding]:
    for found in identifiers.find(text):
        what = t("check.identifier", kind=identifiers.label(found.kind), masked=found.masked)
        yield Finding(path, where, what, identifier=True)


def _field(name: str) -> str:
    return t(f"check.field.{name}")


def interview_identifiers(path: Path, interview: Interview) -> Iterator[Finding]:
    """Identifiers in every free-text field of a valid interview, named by question.

    Ids are searched too (a hand-edited file may hold anything) and are always shown masked.
    """
    for name in Context.model_fields:
        value = getattr(interview.context, name)
        if isinstance(value, str):
            yield from _identifier_findings(path, t("check.where.context", field=_field(name)), value)
    for qid, answer in interview.answers.items():
        yield from _texts(
            path, "check.where.answer", qid, {"notes": answer.notes}, [e.document for e in answer.evidence]
        )
    for cid, rating in interview.checkpoints.items():
        yield from _texts(path, "check.where.checkpoint", cid, {"comment": rating.comment}, [])
    for added in interview.added_questions:
        texts = {"text": added.text, "notes": added.notes}
        yield from _texts(path, "check.where.added", added.id, texts, [e.document for e in added.evidence])


def _texts(path: Path, key: str, item: str, texts: dict[str, str], evidence: list[str]) -> Iterator[Finding]:
    shown = identifiers.masked_id(item)
    yield from _identifier_findings(path, t(key, id=shown, field=_field("id")), item)
    for field, text in texts.items():
        yield from _identifier_findings(path, t(key, id=shown, field=_field(field)), text)
    for document in evidence:
        yield from _identifier_findings(path, t(key, id=shown, field=_field("evidence")), document)


def data_identifiers(path: Path, data: Any) -> Iterator[Finding]:
    """Identifiers in every string (keys included) of JSON data that is not a valid interview,
    named by their key path."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            yield from _identifier_findings(path, t("check.where.key", key=where or "/"), value)
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                shown = identifiers.masked_id(str(key))
                inner = f"{where}.{shown}" if where else shown
                yield from _identifier_findings(path, t("check.where.key", key=inner), str(key))
                stack.append((inner, item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in reversed(list(enumerate(value))))


def raw_identifiers(path: Path, raw: bytes) -> Iterator[Finding]:
    """Identifiers in a file that is not even JSON, line by line."""
    text = raw.decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), start=1):
        yield from _identifier_findings(path, t("check.where.line", line=number), line)


# --- the guide -----------------------------------------------------------------------------


class GuideChecker:
    """Compares each interview's guide digest with the guide found in the banks now."""

    def __init__(self, banks: Sequence[Path]) -> None:
        self.sources = bank.discover(banks)
        self._loaded: dict[str, Guide | None] = {}

    def guide(self, guide_id: str) -> Guide | None:
        """The guide, or None when it is invalid (each guide loaded once)."""
        if guide_id not in self._loaded:
            try:
                self._loaded[guide_id] = bank.load_guide(self.sources[guide_id])
            except BankError:
                self._loaded[guide_id] = None
        return self._loaded[guide_id]

    def findings(self, path: Path, interview: Interview) -> list[Finding]:
        ref = interview.guide
        if ref.id not in self.sources:
            return [Finding(path, None, t("check.guide_missing", id=identifiers.masked_id(ref.id)))]
        guide = self.guide(ref.id)
        if guide is None:
            return [Finding(path, None, t("check.guide_invalid", id=ref.id))]
        found = []
        try:
            ifile.refuse_guide_clashes(interview, guide, path)
        except DamagedFile as exc:
            found.append(_damage(path, exc))
        if ref.digest != guide.digest:
            found.append(Finding(path, None, t("check.guide_changed", id=ref.id)))
        if guide.audience(interview.audience) is None:
            audience = identifiers.masked_id(interview.audience)
            missing = t("check.audience_missing", audience=audience, id=ref.id)
            found.append(Finding(path, None, missing))
        return found
