"""A HAS fiche pédagogique (text or PDF) turned into a bank draft (`visitguide import`).

A library call, like `loader.check_folder`: `import_fiche` reads the fiche, writes `BANK/ID/`
and returns an `ImportResult` (counts, findings, validation problems); it never prints.

What it reads, in the layout HAS uses for every theme: the title; the Collège's validation
date (the version); the criteria the fiche states with their titles ("… sont maîtrisés
(critère 3.6-02)"); under "Exemples de questions…", the audiences from their headings and
each question with its "(Crit.X ; Crit.Y)"; every "vous vérifierez que…" / "vous vous
assurez…" list, with the audience its lead-in names and the section from the numbered
heading (which HAS prints *after* the items it closes); the references; the caveat.

Nothing is reworded or invented: no hint, no document, no criterion for a checkpoint. Every
choice the fiche leaves open is reported as an interpretation, every line that could not be
placed as such; only unplaced lines of the questions and of checkpoint lists make exit 1.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from visitguide.bank import fiche_yaml, loader
from visitguide.bank.fiche_draft import Draft, Finding, Kind, finding
from visitguide.bank.fiche_parse import audience_id, guide_id, parse_fiche
from visitguide.bank.fiche_text import read_fiche
from visitguide.errors import ExitCode, FicheError, Problem
from visitguide.messages import t

__all__ = ["ImportResult", "audience_id", "guide_id", "import_fiche", "parse_fiche"]

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class ImportResult:
    """What `import_fiche` did: the folder written, the draft, the report."""

    fiche: Path
    folder: Path
    draft: Draft
    findings: list[Finding]
    problems: list[Problem]  # the written draft checked as `validate` does; empty when clean

    @property
    def questions_by_audience(self) -> dict[str, int]:
        counts = Counter(q.audience for q in self.draft.questions)
        return {a.id: counts[a.id] for a in self.draft.audiences}

    @property
    def checkpoints_by_section(self) -> dict[str, int]:
        return dict(Counter(c.section or "" for c in self.draft.checkpoints))

    @property
    def unplaced(self) -> list[Finding]:
        return [f for f in self.findings if f.kind is Kind.UNPLACED]

    @property
    def exit_code(self) -> ExitCode:
        return ExitCode.PROBLEMS if self.unplaced or self.problems else ExitCode.OK


# --- the public calls --------------------------------------------------------------------


def import_fiche(path: Path, out: Path, guide_id: str | None = None) -> ImportResult:
    """Read the fiche `path`, write the draft `out/ID/` (never over an existing folder) and
    check it; `FicheError` (exit 2) when the file is not a fiche or the folder exists."""

    if guide_id is not None and not ID_PATTERN.match(guide_id):
        raise FicheError(t("fiche.bad_id", id=guide_id))
    draft, findings = parse_fiche(read_fiche(path))
    if guide_id is None:
        if not draft.id:
            raise FicheError(t("fiche.no_id", title=draft.title))
        findings.append(finding(draft.name, draft.title_where, Kind.INTERPRETATION, "guide_id", id=draft.id))
    else:
        draft.id = guide_id
    folder = out / draft.id
    fiche_yaml.write(draft, folder)
    findings.sort(key=lambda f: f.where.key() if f.where else (0, 0))
    return ImportResult(path, folder, draft, findings, loader.check_folder(folder))
