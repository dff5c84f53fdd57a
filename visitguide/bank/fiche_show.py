"""`visitguide import`: the import of a fiche (`fiche.import_fiche`) shown to people.

The library call returns everything; this module only prints it: what was written, the
counts, then every interpretation, every line left out and every line not placed, each as
`fiche:line: message`.
"""

from __future__ import annotations

from pathlib import Path

from visitguide.bank.fiche import ImportResult, import_fiche
from visitguide.bank.fiche_draft import Finding, Kind
from visitguide.console import escape, out
from visitguide.errors import ExitCode, problem_lines
from visitguide.messages import t


def run(fiche: Path, bank: Path, guide_id: str | None) -> int:
    """Import `fiche` into `bank` and print the report; the exit code of CONTRACT.md §5."""
    result = import_fiche(fiche, bank, guide_id)
    show(result)
    return int(result.exit_code)


def show(result: ImportResult) -> None:
    console = out()
    for line in summary(result):
        console.print(escape(line), soft_wrap=True)
    for kind, key in (
        (Kind.INTERPRETATION, "fiche.report.interpretations"),
        (Kind.IGNORED, "fiche.report.ignored"),
        (Kind.UNPLACED, "fiche.report.unplaced"),
    ):
        found = [f for f in result.findings if f.kind is kind]
        if found:
            colour = "red" if kind is Kind.UNPLACED else "yellow"
            console.print(f"\n[{colour}]{escape(t(key, count=len(found)))}[/]")
            _lines(found)
    if result.problems:
        console.print(f"\n[red]{escape(t('fiche.report.invalid', count=len(result.problems)))}[/]")
        for line in problem_lines(result.problems):
            console.print(escape(line), soft_wrap=True)
    if result.exit_code is ExitCode.OK:
        console.print(f"\n[green]{escape(t('fiche.report.ok'))}[/]")
    else:
        console.print(f"\n[red]{escape(t('fiche.report.not_ok', count=len(result.unplaced)))}[/]")


def summary(result: ImportResult) -> list[str]:
    """The counts, as plain lines."""
    draft = result.draft
    lines = [
        t("fiche.report.written", folder=result.folder, files=len(draft.audiences)),
        t("fiche.report.title", id=draft.id, title=draft.title),
        t("fiche.report.version", version=draft.version, referentiel=draft.referentiel),
        t("fiche.report.questions", count=len(draft.questions)),
        *_counts(result.questions_by_audience),
        t("fiche.report.checkpoints", count=len(draft.checkpoints)),
        *_counts(result.checkpoints_by_section),
        t("fiche.report.references", count=len(draft.references)),
        t(
            "fiche.report.criteria",
            count=len(draft.criteria),
            titled=sum(1 for c in draft.criteria if c.title),
        ),
    ]
    if draft.caveat:
        lines.append(t("fiche.report.caveat"))
    return lines


def _counts(counts: dict[str, int]) -> list[str]:
    return [t("fiche.report.count_line", name=name, count=count) for name, count in counts.items()]


def _lines(findings: list[Finding]) -> None:
    console = out()
    for finding in findings:
        console.print(escape(str(finding)), soft_wrap=True)
