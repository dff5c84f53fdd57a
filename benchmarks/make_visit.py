"""Generate a realistic visit: interview files of the bundled guide, for tests and benchmarks.

    python benchmarks/make_visit.py FOLDER N [--seed S]

`make_visit(folder, n_interviews, seed)` writes N interview files (same seed, same files):
about one in ten with the governance, one in ten technical, the others with professionals
spread over several care sectors. Each interview answers most of its audience's questions
(a few skipped, flagged "à revoir" or not asked yet), with notes of one to three sentences
(some over several lines), documents seen or asked for, ratings of its checkpoints with
comments (some resting on an observation or a document), and now and then a question of the
visitor's own (its id unique across the visit, as the program writes it).
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.interview import file as ifile
from visitguide.interview.file import (
    AddedQuestion,
    Answer,
    AnswerStatus,
    Basis,
    CheckpointRating,
    Context,
    DocumentState,
    Evidence,
    GuideRef,
    Interview,
    Rating,
)

GUIDE = "risques-numeriques"
ESTABLISHMENT = "Centre hospitalier de Valmont"
VISITORS = ("C. Martin", "J. Bernard")
SECTORS = ("Réanimation", "Urgences", "Chirurgie", "Médecine interne", "Pédiatrie", "Bloc opératoire")
ROLES = {
    "gouvernance": (
        "Directeur général",
        "Directeur des systèmes d'information",
        "RSSI",
        "Directrice qualité",
    ),
    "technique": ("RSSI", "Ingénieur système", "Administrateur réseau"),
    "professionnels": ("IDE", "Aide-soignante", "Cadre de santé", "Médecin", "Interne", "Manipulateur radio"),
}
SENTENCES = (
    "Procédure connue et appliquée dans le service.",
    "Le document existe mais n'a pas été mis à jour depuis 2023.",
    "Exemple concret donné : panne du DPI en mars, passage en mode dégradé papier en 20 minutes.",
    "Les nouveaux arrivants reçoivent leurs identifiants le premier jour.",
    "Pas de formation spécifique au nouvel outil, apprentissage sur le tas.",
    "Le référent sécurité SI est identifié (fonction affichée en salle de soins).",
    "Un poste partagé en salle de soins, session ouverte en permanence.",
    "Les intérimaires utilisent parfois le compte d'un collègue.",
    "Exercice de crise cyber réalisé en juin, retour d'expérience en cours de rédaction.",
    "Le PCA du service tient en deux pages, classeur rouge au poste de soins.",
    "Les mails suspects sont signalés au service informatique par le bouton dédié.",
    "Double authentification par carte CPS pour les accès à distance.",
    "Le calendrier du plan d'actions à 6 mois est tenu, celui à 12 mois a pris du retard.",
    "Aucun document de santé conservé sur le poste, tout est dans le DPI.",
)
COMMENTS = ("Vu sur place.", "Déclaratif, non vérifié.", "Document présenté.", "Réponse hésitante.", "")
BASES = {"Vu sur place.": Basis.observation, "Document présenté.": Basis.document}
ASKED_SHARE = 0.3  # of the documents recorded, asked for and not seen yet
ADDED = (
    "Les clés USB personnelles sont-elles autorisées sur les postes du service ?",
    "Qui valide les habilitations des étudiants en stage ?",
    "Le Wifi invité est-il séparé du réseau des soins ?",
)
STATUS_WEIGHTS = (
    (AnswerStatus.answered, 85),
    (AnswerStatus.revisit, 5),
    (AnswerStatus.skipped, 5),
    (None, 5),
)
NA_SHARE = 0.08


def _pick_weighted(rng: random.Random, weighted: tuple[tuple[object, int], ...]) -> object:
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights)[0]


def _audience(rng: random.Random, i: int) -> str:
    if i < 3:  # every visit has each audience at least once
        return ("gouvernance", "technique", "professionnels")[i]
    roll = rng.random()
    return "gouvernance" if roll < 0.1 else "technique" if roll < 0.2 else "professionnels"


def _notes(rng: random.Random) -> str:
    sentences = rng.sample(SENTENCES, rng.randint(1, 3))
    return ("\n" if rng.random() < 0.2 else " ").join(sentences)


def _stamp(day: date, minute: int) -> str:
    return f"{day.isoformat()}T{9 + minute // 60:02d}:{minute % 60:02d}:00+01:00"


class Truth:
    """Whether each checkpoint is in place, in each sector, as in a real visit.

    People of one sector mostly agree (each rating follows the sector's state nine times in
    ten), sectors differ, and the governance is a little more optimistic than the ground.
    """

    def __init__(self, guide: Guide, rng: random.Random) -> None:
        ids = [c.id for c in guide.meta.checkpoints]
        self.base = {cid: rng.uniform(0.5, 0.95) for cid in ids}
        self.in_place = {(s, cid): rng.random() < self.base[cid] for s in ("", *SECTORS) for cid in ids}

    def rating(self, rng: random.Random, checkpoint: str, audience: str, sector: str | None) -> Rating:
        if rng.random() < NA_SHARE:
            return Rating.na
        if audience == "gouvernance":
            p = min(self.base[checkpoint] + 0.15, 0.97)
        else:
            p = 0.9 if self.in_place[(sector or "", checkpoint)] else 0.12
        return Rating.oui if rng.random() < p else Rating.non


def make_interview(guide: Guide, truth: Truth, rng: random.Random, i: int, first_day: date) -> Interview:
    """One interview of `guide`, drawn from `rng`."""
    audience = _audience(rng, i)
    day = first_day + timedelta(days=rng.randint(0, 2))
    sector = rng.choice(SECTORS) if audience == "professionnels" else None
    context = Context(
        establishment=ESTABLISHMENT,
        sector=sector,
        interviewee_role=rng.choice(ROLES[audience]),
        visitor=rng.choice(VISITORS),
        date=day.isoformat(),
    )
    ref = GuideRef(id=guide.id, version=guide.meta.version, digest=guide.digest)
    interview = Interview(
        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        guide=ref,
        audience=audience,
        context=context,
        started_at=_stamp(day, 0),
        updated_at=_stamp(day, 59),
    )
    for n, question in enumerate(guide.questions_for(audience)):
        status = _pick_weighted(rng, STATUS_WEIGHTS)
        if isinstance(status, AnswerStatus):
            evidence = [
                Evidence(
                    document=d,
                    state=DocumentState.demande if rng.random() < ASKED_SHARE else DocumentState.vu,
                )
                for d in question.evidence
                if rng.random() < 0.5
            ]
            notes = _notes(rng) if status != AnswerStatus.skipped else ""
            interview.answers[question.id] = Answer(
                status=status,
                notes=notes,
                evidence=evidence,
                updated_at=_stamp(day, 2 + n),
            )
    for n, checkpoint in enumerate(guide.checkpoints_for(audience)):
        if rng.random() < 0.9:
            rating = truth.rating(rng, checkpoint.id, audience, sector)
            comment = rng.choice(COMMENTS)
            interview.checkpoints[checkpoint.id] = CheckpointRating(
                rating=rating,
                comment=comment,
                basis=BASES.get(comment, Basis.entretien),
                updated_at=_stamp(day, 30 + n),
            )
    if rng.random() < 0.1:
        interview.added_questions.append(
            AddedQuestion(
                id=f"perso-1-{interview.short_id}",
                text=rng.choice(ADDED),
                criteria=[rng.choice(guide.meta.criteria).id],
                status=AnswerStatus.answered,
                notes=_notes(rng),
                updated_at=_stamp(day, 50),
            )
        )
    interview.status = (
        "completed" if len(interview.answers) == len(guide.questions_for(audience)) else "in_progress"
    )
    return interview


def make_visit(folder: Path, n_interviews: int, seed: int = 0) -> list[Path]:
    """Write `n_interviews` interview files of the bundled guide into `folder`."""
    guide = bank.resolve(GUIDE)
    rng = random.Random(seed)
    truth = Truth(guide, rng)
    folder = Path(folder)
    ifile.ensure_folder(folder)
    paths = []
    for i in range(n_interviews):
        interview = make_interview(guide, truth, rng, i, date(2026, 11, 24))
        path = folder / f"entretien-{i + 1:04d}-{interview.audience}.json"
        path.write_text(interview.to_json(), encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    make_visit(args.folder, args.n, args.seed)


if __name__ == "__main__":
    main()
