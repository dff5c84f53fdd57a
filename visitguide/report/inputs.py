"""The interviews of a visit: found in files and folders, read once, checked together.

Shared by `export` and `status`. Every input file is only read, never written. The same
interview found twice (two laptops, a copy in two folders) is counted once when both copies
are identical and refused when they differ; interviews of different guides are refused
together unless `--guide` picks one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from visitguide import files, identifiers
from visitguide import text as textsearch
from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.console import err, escape
from visitguide.errors import InputError, InterviewFileError, UsageError
from visitguide.interview import file as ifile
from visitguide.interview.file import Interview
from visitguide.messages import t

REPORT_MARK = b'"visitguide.visit"'
# Fields that hold no free text: kept as they are when redacting.
_STRUCTURAL = frozenset({"format", "format_version", "id", "guide", "started_at", "updated_at", "status"})


@dataclass(frozen=True)
class Source:
    """One interview and the file it was read from (`display`: the path as shown)."""

    path: Path
    display: str
    interview: Interview


@dataclass(frozen=True)
class Inputs:
    """The interviews kept for the report, their guide, and what was set aside.

    Built once, complete: with `redacted`, every text in it (interviews and file names)
    already has its identifiers masked.
    """

    guide: Guide
    sources: list[Source]
    ignored: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    redacted: bool = False

    def guide_changed(self) -> list[str]:
        """Files recorded against another version of the guide."""
        return [s.display for s in self.sources if s.interview.guide.digest != self.guide.digest]


def load(
    paths: Sequence[Path], guide_id: str | None, banks: Sequence[Path], *, redact: bool = False
) -> Inputs:
    """Read, deduplicate and check the interviews under `paths`; notes go to stderr.

    With `redact`, identifiers are masked before anything is shown: file names in notes and
    errors as well as the interviews themselves.
    """
    if not paths:
        raise UsageError(t("report.no_paths"))
    found = ifile.find(paths)
    _note_skipped(found.skipped, redact)
    sources, duplicates = _deduplicate(_read_all(found, redact))
    if not sources:
        raise UsageError(t("report.no_interviews", paths=", ".join(str(p) for p in paths)))
    chosen, ignored = _choose_guide(sources, guide_id)
    guide = bank.resolve(chosen, banks)
    kept = [s for s in sources if s.interview.guide.id == chosen]
    for source in kept:
        ifile.refuse_guide_clashes(source.interview, guide, source.display)
    if redact:
        kept = [redacted(s) for s in kept]
    inputs = Inputs(guide, _ordered(guide, kept), [s.display for s in ignored], duplicates, redact)
    _warn(inputs)
    return inputs


# --- reading -----------------------------------------------------------------------------


def _read_all(found: ifile.Found, redact: bool) -> list[Source]:
    """Each file read (a file named may be a pipe); a JSON report found in a folder (not
    named) is passed over."""
    sources = []
    for path in found.files:
        display = identifiers.redact(str(path)) if redact else str(path)
        named = found.is_named(path)
        try:
            sources.append(Source(path, display, ifile.read(path, pipes=named)))
        except InterviewFileError as exc:
            if not named and _is_report(path):
                continue  # a JSON report exported into the visit folder: not an interview
            if redact:
                raise InterviewFileError(identifiers.redact(exc.message)) from None
            raise
    return sources


def _is_report(path: Path) -> bool:
    return REPORT_MARK in files.head(path, 200)


def _note_skipped(skipped: list[Path], redact: bool) -> None:
    """Say what the folders held that is not a regular file, and was not read."""
    if not skipped:
        return

    shown = [identifiers.redact(str(p)) if redact else str(p) for p in skipped]
    note = t("report.note_skipped", count=len(shown), files=", ".join(shown[:10]))
    err().print(f"[yellow]{escape(t('report.note'))}[/] {escape(note)}")


def _deduplicate(sources: list[Source]) -> tuple[list[Source], list[str]]:
    """One source per interview id; identical copies counted once, differing ones refused."""
    kept: dict[str, Source] = {}
    duplicates = []
    for source in sources:
        first = kept.get(source.interview.id)
        if first is None:
            kept[source.interview.id] = source
        elif first.interview == source.interview:
            duplicates.append(source.display)
        else:
            raise InputError(
                t(
                    "report.conflict",
                    id=identifiers.masked_id(source.interview.id),
                    first=first.display,
                    second=source.display,
                )
            )
    return list(kept.values()), duplicates


def _choose_guide(sources: list[Source], guide_id: str | None) -> tuple[str, list[Source]]:
    """The guide of the report and the sources of other guides left out."""
    guides = sorted({s.interview.guide.id for s in sources})
    shown = ", ".join(identifiers.masked_id(g) for g in guides)  # ids read from the files
    if guide_id is None:
        if len(guides) > 1:
            raise UsageError(t("report.mixed_guides", guides=shown))
        return guides[0], []
    if guide_id not in guides:
        raise UsageError(t("report.guide_not_in_visit", guide=guide_id, guides=shown))
    return guide_id, [s for s in sources if s.interview.guide.id != guide_id]


def _ordered(guide: Guide, sources: list[Source]) -> list[Source]:
    """Sources in the guide's audience order, then by sector, date, role and file."""
    rank = {a.id: i for i, a in enumerate(guide.audiences)}

    def key(s: Source) -> tuple[int, str, str, str, str]:
        ctx = s.interview.context
        return (
            rank.get(s.interview.audience, len(rank)),
            textsearch.fold(ctx.sector or ""),
            ctx.date,
            textsearch.fold(ctx.interviewee_role),
            s.display,
        )

    return sorted(sources, key=key)


def _warn(inputs: Inputs) -> None:

    if inputs.ignored:
        note = t("report.note_ignored", count=len(inputs.ignored), guide=inputs.guide.id)
        err().print(f"[yellow]{escape(t('report.note'))}[/] {escape(note)}")
    changed = inputs.guide_changed()
    if changed:
        note = t("report.note_guide_changed", count=len(changed), files=", ".join(changed[:5]))
        err().print(f"[yellow]{escape(t('report.note'))}[/] {escape(note)}")


# --- redaction -------------------------------------------------------------------------


def redacted(source: Source) -> Source:
    """The source with identifiers masked in every free-text field (its display name is
    masked when it is read)."""
    data = source.interview.model_dump()
    for key, value in data.items():
        if key not in _STRUCTURAL:
            data[key] = _redact_value(value)
    return Source(source.path, source.display, Interview.model_validate(data))


def _redact_value(value: Any) -> Any:
    if isinstance(value, str):
        return identifiers.redact(value)
    if isinstance(value, list):
        return [_redact_value(v) for v in value]
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            new_key = identifiers.redact(key)
            while new_key in out:  # two ids masked alike: keep both
                new_key += "'"
            out[new_key] = _redact_value(item)
        return out
    return value
