"""A large, valid, realistic guide for the benchmarks: `make_guide(folder, n_questions, seed)`.

The guide looks like the bundled one grown to every HAS theme: French questions with
accents, apostrophes and « guillemets », one to three criteria each, a hint for most and
documents to ask for. The questions are spread evenly over three audience files; at 5,000
questions the guide weighs about 2.5 MB and each file stays under the 1 MiB cap of the loader.
The same size and seed always give the same bytes.

    python benchmarks/make_guide.py DOSSIER [--questions 5000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

GUIDE_ID = "banque-complete"
AUDIENCES = (
    ("gouvernance", "À la gouvernance"),
    ("technique", "Aux équipes techniques"),
    ("professionnels", "Aux professionnels de santé"),
)
N_CRITERIA = 40
N_CHECKPOINTS = 60

_THEMES = (
    "la sécurité numérique",
    "l'identitovigilance",
    "la gestion des risques",
    "le circuit du médicament",
    "la prise en charge de la douleur",
    "la bientraitance",
    "les droits des patients",
    "la continuité des soins",
    "les situations sanitaires exceptionnelles",
    "la prévention des infections associées aux soins",
    "le dossier patient informatisé",
    "la sortie du patient",
    "l'accueil des urgences",
    "la contention et l'isolement",
    "la fin de vie",
)
_OPENINGS = (
    "Pouvez-vous me présenter",
    "Comment organisez-vous",
    "Avez-vous formalisé",
    "Qui est responsable de",
    "Comment évaluez-vous",
    "Quelles actions avez-vous engagées concernant",
    "Comment les professionnels sont-ils informés sur",
    "Quel bilan tirez-vous de",
)
_OBJECTS = (
    "le plan d'actions",
    "la procédure dégradée",
    "le suivi des indicateurs",
    "la formation des nouveaux arrivants",
    "la traçabilité des décisions",
    "l'analyse des événements indésirables",
    "le retour d'expérience",
    "la cartographie des risques",
    "la revue annuelle des habilitations",
    "l'information des usagers",
)
_FOLLOW_UPS = (
    "Pourriez-vous me donner un exemple récent ?",
    "Quels résultats avez-vous obtenus à 6, 12 et 18 mois ?",
    "Qui a validé ces choix, et à quelle date ?",
    "Comment vous assurez-vous que c'est appliqué la nuit et le week-end ?",
    "Quelles difficultés avez-vous rencontrées ?",
    "Les représentants des usagers y ont-ils été associés ?",
    "Quelle proportion des équipes est concernée aujourd'hui ?",
    "Comment l'encadrement de proximité relaie-t-il ces consignes ?",
)
_HINTS = (
    "Vérifier que le document est daté, signé et connu des équipes.",
    "Demander le dernier bilan présenté en CME et les suites données.",
    "Rechercher la cohérence avec le programme d'amélioration de la qualité (PAQSS).",
    "S'assurer que les actions correctives ont un pilote et une échéance.",
    "Croiser avec les entretiens menés auprès des professionnels : « ce qui est écrit est-il fait ? »",
    "Le taux attendu est communiqué chaque trimestre ; demander les trois derniers.",
)
_EVIDENCE = (
    "Compte rendu de la CME",
    "Plan d'actions daté",
    "Procédure validée",
    "Listes d'émargement",
    "Tableau de bord des indicateurs",
    "Rapport d'audit",
    "Fiche de poste",
    "Charte de fonctionnement",
    "Bilan annuel",
    "Registre des événements indésirables",
)


def make_guide(folder: Path, n_questions: int = 5000, seed: int = 7) -> Path:
    """Write the guide `banque-complete` into `folder`; returns the guide folder."""
    rng = random.Random(seed)
    guide = folder / GUIDE_ID
    guide.mkdir(parents=True, exist_ok=True)
    criteria = [f"{1 + i // 12}.{1 + (i // 4) % 3}-{1 + i % 4:02d}" for i in range(N_CRITERIA)]
    (guide / "guide.yaml").write_text(_guide_yaml(criteria, rng), encoding="utf-8")
    per_audience = _split(n_questions, len(AUDIENCES))
    number = 0
    for (audience, _label), count in zip(AUDIENCES, per_audience, strict=True):
        lines = [f"audience: {audience}", "questions:"]
        for _ in range(count):
            number += 1
            lines.extend(_question(number, audience, criteria, rng))
        (guide / f"{audience}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return guide


def _split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _flow(items: list[str]) -> str:
    return "[" + ", ".join(_quoted(i) for i in items) + "]"


def _guide_yaml(criteria: list[str], rng: random.Random) -> str:
    lines = [
        f"id: {GUIDE_ID}",
        "title: Banque de questions de toutes les thématiques du référentiel de certification",
        "source: Générée pour les mesures de performance (benchmarks/make_guide.py)",
        'version: "2026-01-01"',
        'referentiel: "2021"',
        "language: fr",
        "criteria:",
    ]
    for i, cid in enumerate(criteria):
        lines.append(f'  - id: "{cid}"')
        title = f"Maîtrise de {_THEMES[i % len(_THEMES)]} (volet {i + 1})"
        lines.append(f"    title: {_quoted(title)}")
    lines.append("audiences:")
    for aid, label in AUDIENCES:
        lines += [f"  - id: {aid}", f"    label: {label}"]
    lines.append("checkpoints:")
    for i in range(N_CHECKPOINTS):
        audience = AUDIENCES[i % 2 * 2][0]  # gouvernance and professionnels, as in the bundled guide
        lines += [
            f"  - id: point-cle-{i + 1:03d}",
            f"    section: {_quoted('Thème : ' + _THEMES[i % len(_THEMES)])}",
            f"    audience: {audience}",
            f"    text: {_quoted(rng.choice(_OBJECTS) + ' est formalisé et connu des équipes')}",
            f"    criteria: {_flow(rng.sample(criteria, rng.randint(1, 2)))}",
        ]
    lines += ["references:", "  - Référentiel de certification des établissements de santé, HAS"]
    return "\n".join(lines) + "\n"


def _question(number: int, audience: str, criteria: list[str], rng: random.Random) -> list[str]:
    theme = rng.choice(_THEMES)
    text = f"{rng.choice(_OPENINGS)} {rng.choice(_OBJECTS)} pour {theme} ? " + " ".join(
        rng.sample(_FOLLOW_UPS, 2)
    )
    lines = [
        f"  - id: q{number:05d}-{audience}",
        f"    criteria: {_flow(sorted(rng.sample(criteria, rng.randint(1, 3))))}",
        f"    text: {_quoted(text)}",
    ]
    if rng.random() < 0.85:
        lines.append(f"    hint: {_quoted(' '.join(rng.sample(_HINTS, 2)))}")
    if rng.random() < 0.9:
        lines.append(f"    evidence: {_flow(rng.sample(_EVIDENCE, rng.randint(1, 3)))}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    guide = make_guide(args.folder, args.questions, args.seed)
    for path in sorted(guide.iterdir()):
        print(f"{path}: {path.stat().st_size} octets")


if __name__ == "__main__":
    main()
