"""The bundled guide against its source, the HAS fiche in shared/seed."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from tests.helpers import FICHE
from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide

SOURCE = FICHE.read_text(encoding="utf-8")
AUDIENCE_HEADINGS = {
    "À la gouvernance": "gouvernance",
    "Au plan technique": "technique",
    "Avec les professionnels": "professionnels",
    "Avec les professionnels (suite)": "professionnels",
}


@pytest.fixture(scope="module")
def guide() -> Guide:
    return bank.resolve("risques-numeriques")


def source_questions() -> list[tuple[str, str, list[str]]]:
    """(audience, text, criteria) of every question of the aide au questionnement."""
    part = SOURCE[SOURCE.index("Exemples de questions susceptibles") :]
    questions = []
    audience = None
    for line in part.splitlines():
        if line.strip() in AUDIENCE_HEADINGS:
            audience = AUDIENCE_HEADINGS[line.strip()]
        elif line.startswith("- ") and audience:
            m = re.fullmatch(r"- (.*) \((Crit\.[^)]*)\)", line.strip())
            assert m, line
            tags = [c.strip().removeprefix("Crit.") for c in m.group(2).split(";")]
            questions.append((audience, m.group(1), list(dict.fromkeys(tags))))
    return questions


def test_sixteen_questions_word_for_word(guide: Guide) -> None:
    expected = source_questions()
    assert len(expected) == 16
    assert Counter(a for a, _, _ in expected) == {"gouvernance": 6, "technique": 3, "professionnels": 7}
    actual = [(aud, q.text, list(q.criteria)) for aud, q in guide.all_questions()]
    assert actual == expected


def test_repeated_tag_counts_once(guide: Guide) -> None:
    found = guide.find_question("sensibilisation-plan-formation")
    assert found is not None
    assert found[1].criteria == ["3.6-02"]
    assert "(Crit.3.6-02 ; Crit.3.6-02)" in SOURCE


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip().rstrip(".;,").strip()


def source_checkpoint_items() -> list[str]:
    """Every bullet that follows a "vous vérifierez" lead-in in the points clés."""
    part = SOURCE[SOURCE.index("Les points clés nécessitant") : SOURCE.index("Pour aller plus loin")]
    items: list[str] = []
    collecting = False
    for line in part.splitlines():
        stripped = line.strip()
        if "vous vérifierez" in stripped:
            collecting = True
            continue
        if not stripped:
            continue
        if collecting and stripped.startswith("- "):
            items.append(_normalise(stripped[2:]))
        else:
            collecting = False
    return items


def test_every_checkpoint_item_is_transcribed(guide: Guide) -> None:
    items = source_checkpoint_items()
    assert len(items) == 29  # 27 items, and the audit item's two sub-items
    texts = [_normalise(c.text) for c in guide.meta.checkpoints]
    for item in items:
        item = item.removeprefix("qu'ils ")
        assert any(item in text for text in texts), item


def test_governance_action_plan_item_is_a_checkpoint(guide: Guide) -> None:
    lead = "vous vous assurez qu'il existe un plan d'action pour soutenir l'évolution"
    assert lead in SOURCE
    checkpoint = next(c for c in guide.meta.checkpoints if c.id == "plan-actions-evolution-sih")
    assert checkpoint.audience == "gouvernance"
    assert checkpoint.text.startswith("il existe un plan d'action pour soutenir l'évolution")


def test_checkpoints_by_section_and_audience(guide: Guide) -> None:
    counts = Counter((c.section, c.audience) for c in guide.meta.checkpoints)
    ergonomie = "Soutenir l'évolution vers un système d'information hospitalier ergonomique"
    assert counts == {
        (ergonomie, "gouvernance"): 1,
        (ergonomie, "professionnels"): 5,
        ("Prévenir la crise cyber", "gouvernance"): 8,
        ("Prévenir la crise cyber", "professionnels"): 3,
        ("Sécuriser les accès au SIH", "gouvernance"): 2,
        ("Sécuriser les accès au SIH", "professionnels"): 3,
        ("Gérer la crise cyber", "gouvernance"): 4,
        ("Gérer la crise cyber", "professionnels"): 2,
    }
    for section in {s for s, _ in counts}:
        assert section in SOURCE


def test_checkpoint_criteria_follow_the_documented_mapping(guide: Guide) -> None:
    by_id = {c.id: c.criteria for c in guide.meta.checkpoints}
    assert by_id["exercices-crise-cyber"] == ["3.6-01", "3.6-02"]
    assert by_id["poste-mobilite-securise"] == ["2.2-05", "3.6-06"]
    assert by_id["identifiant-personnel-double-facteur"] == ["3.6-06"]
    assert by_id["plan-blanc-volet-numerique"] == ["3.6-02"]
    assert all(by_id[c.id] for c in guide.meta.checkpoints)


def test_six_criteria_with_the_fiche_titles(guide: Guide) -> None:
    titles = {
        m.group(2): m.group(1)
        for m in re.finditer(r"- (?:les |la |l')?(.*?) \(critère (\d\.\d-\d\d)\)", SOURCE)
    }
    assert sorted(titles) == ["2.2-05", "2.3-01", "3.1-07", "3.6-01", "3.6-02", "3.6-06"]
    assert guide.meta.referentiel == "2021"
    assert [c.id for c in guide.meta.criteria] == sorted(titles)
    for criterion in guide.meta.criteria:
        fiche = re.search(r"- (.*?) \(critère " + re.escape(criterion.id) + r"\)", SOURCE)
        assert fiche is not None
        assert criterion.title.lower() == fiche.group(1).lower()


def test_2025_equivalents(guide: Guide) -> None:
    expected = {
        "3.6-02": ("3.1-07", "Les risques de sécurité numérique sont maîtrisés"),
        "3.6-06": (
            "3.1-08",
            "L'identification des utilisateurs et des patients dans le système d'information est sécurisée",
        ),
        "3.6-01": ("3.1-05", "La gestion des situations sanitaires exceptionnelles est maîtrisée"),
    }
    for criterion in guide.meta.criteria:
        equivalent = criterion.equivalent("2025")
        if criterion.id in expected:
            assert equivalent is not None
            assert (equivalent.id, equivalent.title) == expected[criterion.id]
        else:
            assert equivalent is None


def test_every_reference(guide: Guide) -> None:
    part = SOURCE[SOURCE.index("Pour aller plus loin") : SOURCE.index("Scannez-moi")]
    expected = [line[2:].strip() for line in part.splitlines() if line.startswith("- ")]
    assert len(expected) == 22
    titles = [r if isinstance(r, str) else r.title for r in guide.meta.references]
    assert titles == expected
    first = guide.meta.references[0]
    assert not isinstance(first, str)
    assert first.url is not None and "has-sante.fr/jcms/c_438115/fr/dossier-du-patient" in first.url


def test_documents_named_by_the_fiche(guide: Guide) -> None:
    evidence = {e for _, q in guide.all_questions() for e in q.evidence}
    evidence |= {e for c in guide.meta.checkpoints for e in c.evidence}
    for document in (
        "Listes d'émargement",
        "Liste des utilisateurs en mobilité",
        "Fiche de mission des référents sécurité SI",
        "Plan d'actions à 6, 12 et 18 mois",
    ):
        assert document in evidence


def test_guide_header(guide: Guide) -> None:
    assert guide.meta.version == "2024-11-07"
    assert guide.meta.title in SOURCE
    assert [a.id for a in guide.audiences] == ["gouvernance", "technique", "professionnels"]
    assert guide.source.bundled
    assert guide.digest.startswith("sha256:")


def test_governance_terrain_pairs_are_the_banks_addition_across_two_audiences(guide: Guide) -> None:
    """Each pair sets a governance item beside a professionals' one, both of the guide, and
    says it is visitguide's proposal (the fiche lists both sides but pairs nothing)."""
    audience_of = {c.id: c.audience for c in guide.meta.checkpoints}
    audience_of.update({q.id: a for a, q in guide.all_questions()})
    assert len(guide.meta.pairs) >= 6
    for pair in guide.meta.pairs:
        assert pair.source == "visitguide"
        assert (audience_of[pair.declared], audience_of[pair.observed]) == ("gouvernance", "professionnels")
    assert ("formation-referents-securite-si", "connaissance-referent-securite") in {
        (p.declared, p.observed) for p in guide.meta.pairs
    }
