"""Provenance in the bundled guide: every word is the fiche's or marked as visitguide's."""

from __future__ import annotations

import re

import pytest

from tests.helpers import BUNDLED, FICHE
from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide

SOURCE = FICHE.read_text(encoding="utf-8")
CAVEAT_START = "Les questions suivantes ne sont ni opposables"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("**", "")).strip().lower()


FLAT_SOURCE = _flat(SOURCE)


def in_fiche(text: str) -> bool:
    return _flat(text) in FLAT_SOURCE


@pytest.fixture(scope="module")
def guide() -> Guide:
    return bank.resolve("risques-numeriques")


def test_every_hint_and_document_is_the_fiches_or_marked(guide: Guide) -> None:
    items = [q for _, q in guide.all_questions()] + list(guide.meta.checkpoints)
    for item in items:
        if item.hint:
            assert in_fiche(item.hint) or item.is_added("hint"), item.id
        for document in item.evidence:
            assert in_fiche(document) or item.is_added("evidence"), (item.id, document)


def test_the_reviewed_additions_are_all_marked(guide: Guide) -> None:
    """The review counted 10 hints and 27 documents of the bank's own: all marked, and by whom."""
    questions = [q for _, q in guide.all_questions()]
    hints = [q for q in questions if q.hint and q.is_added("hint")]
    documents = [
        e
        for item in [*questions, *guide.meta.checkpoints]
        if item.is_added("evidence")
        for e in item.evidence
    ]
    assert len(hints) == 10
    assert len(documents) == 27
    assert guide.meta.additions_by == "visitguide"


def test_every_checkpoint_criterion_is_marked(guide: Guide) -> None:
    """The fiche tags no checkpoint: the 28 checkpoints' criteria are visitguide's choice."""
    assert len(guide.meta.checkpoints) == 28
    for checkpoint in guide.meta.checkpoints:
        assert checkpoint.criteria and checkpoint.is_added("criteria"), checkpoint.id


def test_question_criteria_are_the_fiches_and_never_marked(guide: Guide) -> None:
    for _, question in guide.all_questions():
        assert not question.is_added("criteria")
        for code in question.criteria:
            assert f"Crit.{code}" in SOURCE


def test_equivalents_cite_a_source_or_stay_to_be_confirmed(guide: Guide) -> None:
    equivalents = {c.id: c.equivalent("2025") for c in guide.meta.criteria if c.equivalent("2025")}
    assert {k: v.id for k, v in equivalents.items() if v} == {
        "3.6-01": "3.1-05",
        "3.6-02": "3.1-07",
        "3.6-06": "3.1-08",
    }
    assert "2025" not in SOURCE  # the fiche gives no equivalent: each needs a source of its own
    for code, equivalent in equivalents.items():
        assert equivalent is not None
        assert equivalent.source is None, f"{code}: a source now? then test what it says"


def test_the_partial_equivalent_is_said_in_the_bank(guide: Guide) -> None:
    """3.6-01 -> 3.1-05 does not keep the title: the bank says so instead of claiming a match."""
    criterion = guide.criterion("3.6-01")
    assert criterion is not None
    equivalent = criterion.equivalent("2025")
    assert equivalent is not None and equivalent.title != criterion.title
    header = (BUNDLED / "risques-numeriques" / "guide.yaml").read_text(encoding="utf-8")
    assert "3.6-01 -> 3.1-05: NOT the same title" in header


def test_referentiel_label_is_marked_as_the_banks_reading(guide: Guide) -> None:
    assert "selon le référentiel de certification" in SOURCE
    assert "2021" not in SOURCE.split("Principales données")[0]  # the fiche names no version
    assert guide.meta.referentiel == "2021"
    assert guide.meta.is_added("referentiel")


def test_the_caveat_is_the_fiches_word_for_word(guide: Guide) -> None:
    caveat = guide.meta.caveat
    assert caveat is not None and caveat.startswith(CAVEAT_START)
    assert caveat.endswith("Elles ne se substituent pas aux grilles.")
    assert caveat in SOURCE


def test_both_merged_duplicate_codes_are_noted_the_same_way() -> None:
    for file, code, question in (
        ("gouvernance.yaml", "3.6-02", "sensibilisation-plan-formation"),
        ("technique.yaml", "3.6-06", "regles-acces-si"),
    ):
        assert f"(Crit.{code} ; Crit.{code})" in SOURCE
        text = (BUNDLED / "risques-numeriques" / file).read_text(encoding="utf-8")
        note = f'  # The fiche tags it "(Crit.{code} ; Crit.{code})": the repeated code is kept once.\n'
        assert note + f"  - id: {question}\n" in text
