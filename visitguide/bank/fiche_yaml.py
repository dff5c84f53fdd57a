"""The draft of an imported fiche written as a guide folder (CONTRACT.md §1).

Written by hand rather than dumped, so that every item carries a comment naming its line in
the fiche (`# fiche.txt:268`, `# fiche.pdf:3:12`). Every text is a double-quoted scalar
written as JSON writes a string, which YAML reads back unchanged. The folder is created
exclusively: an existing one is never touched, and a half-written one is removed.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import visitguide
from visitguide.bank.fiche_draft import Draft, french
from visitguide.bank.fiche_text import Where
from visitguide.errors import FicheError, os_reason
from visitguide.messages import t

SCHEMAS = Path(visitguide.__file__).resolve().parent / "schemas"


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def write(draft: Draft, folder: Path) -> None:
    """Write `folder/guide.yaml` and one file per audience; `FicheError` when the folder
    exists or cannot be written."""
    files = render(draft, folder)
    if os.path.lexists(folder):
        raise FicheError(t("fiche.exists", folder=folder))
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir()
    except FileExistsError:
        raise FicheError(t("fiche.exists", folder=folder)) from None
    except OSError as exc:
        raise FicheError(t("fiche.write_failed", folder=folder, error=os_reason(exc))) from None
    try:
        for name, content in files.items():
            (folder / name).write_text(content, encoding="utf-8", newline="\n")
    except OSError as exc:
        shutil.rmtree(folder, ignore_errors=True)  # ours: created just above
        raise FicheError(t("fiche.write_failed", folder=folder, error=os_reason(exc))) from None


def render(draft: Draft, folder: Path) -> dict[str, str]:
    """File name -> content: `guide.yaml` and `<audience>.yaml` for each audience."""
    files = {"guide.yaml": _guide(draft, folder)}
    for audience in draft.audiences:
        files[f"{audience.id}.yaml"] = _audience(draft, audience.id, folder)
    return files


def _header(draft: Draft, folder: Path, schema: str) -> list[str]:
    try:
        where = Path(os.path.relpath(SCHEMAS / schema, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        where = (SCHEMAS / schema).as_uri()
    return [f"# yaml-language-server: $schema={where}", f"# {french('fiche.yaml_draft', file=draft.name)}"]


def _at(draft: Draft, where: Where | None, indent: str = "") -> list[str]:
    return [f"{indent}# {draft.name}:{where}"] if where is not None else []


def _guide(draft: Draft, folder: Path) -> str:
    lines = _header(draft, folder, "guide.schema.json")
    lines += [f"id: {draft.id}", *_at(draft, draft.title_where), f"title: {q(draft.title)}"]
    lines += [f"source: {q(draft.source)}", *_at(draft, draft.version_where), f"version: {q(draft.version)}"]
    lines += [f"referentiel: {q(draft.referentiel)}", "language: fr"]
    if draft.caveat:
        lines += [*_at(draft, draft.caveat_where), f"caveat: {q(draft.caveat)}"]
    lines += ["", "criteria:"]
    for criterion in draft.criteria:
        lines += [*_at(draft, criterion.where, "  "), f"  - id: {q(criterion.id)}"]
        if criterion.title:
            lines.append(f"    title: {q(criterion.title)}")
    lines += ["", "audiences:"]
    for audience in draft.audiences:
        lines += [*_at(draft, audience.where, "  "), f"  - id: {audience.id}"]
        lines.append(f"    label: {q(audience.label)}")
    lines += ["", "checkpoints:" if draft.checkpoints else "checkpoints: []"]
    for checkpoint in draft.checkpoints:
        lines += [*_at(draft, checkpoint.where, "  "), f"  - id: {checkpoint.id}"]
        lines += [f"    section: {q(checkpoint.section or '')}", f"    audience: {checkpoint.audience}"]
        lines.append(f"    text: {q(checkpoint.text)}")
    lines += ["", "references:" if draft.references else "references: []"]
    for reference in draft.references:
        lines += [*_at(draft, reference.where, "  "), f"  - title: {q(reference.title)}"]
        if reference.url:
            lines.append(f"    url: {q(reference.url)}")
        if reference.category:
            lines.append(f"    category: {q(reference.category)}")
    return "\n".join(lines) + "\n"


def _audience(draft: Draft, audience_id: str, folder: Path) -> str:
    lines = _header(draft, folder, "audience.schema.json")
    questions = [question for question in draft.questions if question.audience == audience_id]
    lines += [f"audience: {audience_id}", "questions:" if questions else "questions: []"]
    for question in questions:
        lines += [*_at(draft, question.where, "  "), f"  - id: {question.id}"]
        lines.append(f"    criteria: [{', '.join(q(c) for c in question.criteria)}]")
        lines.append(f"    text: {q(question.text)}")
    return "\n".join(lines) + "\n"
