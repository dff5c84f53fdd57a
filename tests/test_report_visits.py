"""Visits crafted for the report and status tests, each read back from every format.

The helpers write interview files through `session.Session` (the same checks as a typed
interview) and `interview_file.create`. The tests here check the helpers themselves and the
generator that benchmarks use (`benchmarks/make_visit.py`).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tests.conftest import REPO
from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.interview import file as ifile
from visitguide.interview.file import Answer, AnswerStatus, Context
from visitguide.interview.session import Session, new_interview

GUIDE_ID = "risques-numeriques"


def guide() -> Guide:
    return bank.resolve(GUIDE_ID)


def session(
    audience: str,
    role: str,
    sector: str | None = None,
    *,
    date: str = "2026-11-24",
    the_guide: Guide | None = None,
    establishment: str = "CH de Valmont",
    visitor: str = "C. Martin",
) -> Session:
    """A new interview, in memory, ready to be answered."""
    g = the_guide or guide()
    context = Context(
        establishment=establishment, sector=sector, interviewee_role=role, visitor=visitor, date=date
    )
    return Session(g, new_interview(g, audience, context))


def save(s: Session, folder: Path, name: str) -> Path:
    path = folder / name
    ifile.create(path, s.interview)
    return path


# --- a visit where every kind of content carries a marker ----------------------------------

MARKERS = {
    "note gouvernance": "MARQUEUR-NOTE-GOUV",
    "second line of a note": "MARQUEUR-SECONDE-LIGNE",
    "evidence": "MARQUEUR-PIECE-AUDIT",
    "comment": "MARQUEUR-COMMENTAIRE-EXERCICE",
    "added question": "MARQUEUR-QUESTION-AJOUTEE",
    "added note": "MARQUEUR-NOTE-AJOUTEE",
    "added evidence": "MARQUEUR-PIECE-AJOUTEE",
    "added without criterion": "MARQUEUR-QUESTION-SANS-CRITERE",
    "note professionnels": "MARQUEUR-NOTE-REA",
    "evidence professionnels": "MARQUEUR-PIECE-REA",
    "comment professionnels": "MARQUEUR-COMMENTAIRE-REA",
    "revisit note": "MARQUEUR-A-REVOIR",
    "skipped note": "MARQUEUR-PASSEE",
    "technical note": "MARQUEUR-NOTE-TECH",
    "note outside the guide": "MARQUEUR-HORS-GUIDE",
    "comment outside the guide": "MARQUEUR-COTATION-HORS-GUIDE",
    "role": "MARQUEUR-FONCTION",
    "sector": "MARQUEUR-SECTEUR",
}


def content_visit(folder: Path) -> Path:
    """Three interviews holding every kind of content, each marked."""
    folder.mkdir(parents=True, exist_ok=True)
    m = MARKERS
    gov = session("gouvernance", "Directeur général")
    gov.answer(
        "audit-securite-numerique",
        f"{m['note gouvernance']} audit fait.\n{m['second line of a note']} suite.",
        [m["evidence"]],
    )
    gov.rate("exercices-crise-cyber", "oui", m["comment"])
    added = gov.add_question(f"{m['added question']} : les clés USB ?", ["3.6-02"])
    gov.answer(added, m["added note"], [m["added evidence"]])
    loose = gov.add_question(m["added without criterion"], [])
    gov.flag(loose, "à reprendre")
    gov.interview.answers["question-retiree"] = Answer(
        status=AnswerStatus.answered, notes=m["note outside the guide"]
    )
    save(gov, folder, "gouvernance.json")

    pro = session("professionnels", m["role"], m["sector"])
    pro.answer("connexion-sih", m["note professionnels"], [m["evidence professionnels"]])
    pro.flag("risques-cyber-conduite", m["revisit note"])
    pro.set_status("documents-sante-poste", AnswerStatus.skipped, m["skipped note"])
    pro.rate("pas-identifiant-generique", "non", m["comment professionnels"])
    save(pro, folder, "professionnels.json")

    tech = session("technique", "RSSI")
    tech.answer("regles-acces-si", m["technical note"])
    path = save(tech, folder, "technique.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["checkpoints"]["point-retire"] = {"rating": "non", "comment": m["comment outside the guide"]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


# --- a visit built to show (or not) each kind of écart -------------------------------------


def ecart_visit(folder: Path, *, consistent: bool = False) -> Path:
    """Governance and professionals of two sectors.

    Unless `consistent`: the governance rates the access rules (3.6-06) "oui" and every
    professional rates them "non" (écart between audiences); Réanimation rates
    conduite-en-cas-de-doute "oui" and Urgences "non" (écart between sectors); the two
    people of Réanimation disagree on connaissance-risques-prevention (split opinions).
    """
    folder.mkdir(parents=True, exist_ok=True)
    yes = "oui"

    def no(rating: str) -> str:
        return yes if consistent else rating

    gov = session("gouvernance", "Directeur général")
    for checkpoint in ("politique-regles-acces", "gestion-arrivees-departs", "exercices-crise-cyber"):
        gov.rate(checkpoint, yes)
    gov.answer("audit-securite-numerique", "Audit fait.")
    save(gov, folder, "gouvernance.json")
    people = [
        ("Réanimation", "IDE"),
        ("Réanimation", "Médecin"),
        ("Urgences", "IDE"),
        ("Urgences", "Cadre de santé"),
    ]
    for n, (sector, role) in enumerate(people):
        pro = session("professionnels", role, sector)
        for checkpoint in (
            "connaissance-regles-acces",
            "pas-identifiant-generique",
            "identifiant-personnel-double-facteur",
        ):
            pro.rate(checkpoint, no("non"))
        pro.rate("conduite-en-cas-de-doute", yes if sector == "Réanimation" else no("non"))
        split = sector == "Réanimation" and role == "Médecin"
        pro.rate("connaissance-risques-prevention", no("non") if split else yes)
        pro.answer("connexion-sih", f"Connexion par carte CPS ({sector}).")
        save(pro, folder, f"pro-{n}.json")
    return folder


# --- reading each format back ----------------------------------------------------------------


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, read with python-docx."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def read_back(fmt: str, data: bytes) -> str:
    """The text a reader of the format gets: parsed with the format's own library."""
    if fmt == "docx":
        return docx_text(data)
    text = data.decode("utf-8")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
        return "\n".join(cell for row in rows for cell in row)
    if fmt == "json":
        return "\n".join(strings(json.loads(text)))
    return text


# --- tests of the helpers and of the generator ------------------------------------------------


def test_the_crafted_visits_are_valid_interview_files(tmp_path: Path) -> None:
    for folder in (content_visit(tmp_path / "a"), ecart_visit(tmp_path / "b")):
        files = sorted(folder.glob("*.json"))
        assert files
        for path in files:
            assert ifile.read(path).guide.id == GUIDE_ID


def test_make_visit_writes_realistic_interviews_deterministically(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from make_visit import make_visit
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    first = make_visit(tmp_path / "one", 30, seed=7)
    again = make_visit(tmp_path / "two", 30, seed=7)
    assert len(first) == 30
    assert [p.read_bytes() for p in first] == [p.read_bytes() for p in again]
    interviews = [ifile.read(p) for p in first]
    assert {i.audience for i in interviews} == {"gouvernance", "technique", "professionnels"}
    assert len({i.context.sector for i in interviews if i.audience == "professionnels"}) >= 3
    assert sum(len(i.answers) for i in interviews) > 100
    assert any(i.checkpoints for i in interviews)
