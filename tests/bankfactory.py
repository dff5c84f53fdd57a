"""Small valid banks written on disk, to break one rule at a time."""

from __future__ import annotations

from pathlib import Path

GUIDE = """\
id: {gid}
title: Guide d'essai
source: Essai
version: "1"
referentiel: "2021"
criteria:
  - id: "1.1-01"
    title: Premier critère
  - id: "1.1-02"
    title: Second critère
audiences:
  - id: gouvernance
    label: À la gouvernance
  - id: terrain
    label: Sur le terrain
checkpoints:
  - id: point-un
    section: Section
    audience: gouvernance
    text: un point à vérifier
    criteria: ["1.1-01"]
"""

GOUVERNANCE = """\
audience: gouvernance
questions:
  - id: question-un
    criteria: ["1.1-01"]
    text: Première question ?
  - id: question-deux
    criteria: ["1.1-02"]
    text: Deuxième question ?
"""

TERRAIN = """\
audience: terrain
questions:
  - id: question-terrain
    criteria: ["1.1-01", "1.1-02"]
    text: Question de terrain ?
    hint: Une aide.
    evidence: ["Un document"]
"""


def write_guide(bank: Path, gid: str = "essai", **files: str) -> Path:
    """A valid guide `gid` in `bank`; `files` replace or add files (name without .yaml)."""
    folder = bank / gid
    folder.mkdir(parents=True, exist_ok=True)
    contents = {"guide": GUIDE.format(gid=gid), "gouvernance": GOUVERNANCE, "terrain": TERRAIN}
    contents.update(files)
    for name, text in contents.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder
