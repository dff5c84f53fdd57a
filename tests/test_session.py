"""The session without prompts: its question index, added questions, "the next one after"."""

from __future__ import annotations

import pytest

from visitguide.bank import loader as bank
from visitguide.errors import UsageError
from visitguide.interview import screens as view
from visitguide.interview.session import Session, new_interview, wrapping_after

Q1, Q2, Q3 = "regles-acces-si", "acces-distance-mobilite", "identification-professionnels-si"


def session(audience: str = "technique") -> Session:
    guide = bank.resolve("risques-numeriques")
    return Session(guide, new_interview(guide, audience))


# --- the next one after, going round ---------------------------------------------------------


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (None, ["a", "b", "c"]),
        ("a", ["b", "c", "a"]),
        ("c", ["a", "b", "c"]),
        ("z", ["a", "b", "c"]),  # not in the list: from the start
    ],
)
def test_wrapping_after(after: str | None, expected: list[str]) -> None:
    assert wrapping_after(["a", "b", "c"], after) == expected


def test_wrapping_after_nothing() -> None:
    assert wrapping_after([], "a") == []


def test_next_pending_goes_round_then_falls_back_on_flagged_questions() -> None:
    s = session()
    s.answer(Q2, "vu")
    assert s.next_pending(Q2) == Q3
    assert s.next_pending(Q3) == Q1
    s.answer(Q1, "vu")
    s.flag(Q3)
    assert s.next_pending(Q3) == Q3  # nothing pending: the flagged one, even the current one
    s.answer(Q3, "vu")
    assert s.next_pending() is None


# --- the index -------------------------------------------------------------------------------


def test_the_questions_are_listed_once_not_once_per_question(monkeypatch: pytest.MonkeyPatch) -> None:
    s = session("professionnels")
    built = 0
    real = Session.guide_items

    def counted(self: Session) -> list:  # type: ignore[type-arg]
        nonlocal built
        built += 1
        return real(self)

    monkeypatch.setattr(Session, "guide_items", counted)
    labels = [view.question_label(s, item, 80) for item in s.items()]
    s.counts()
    s.next_pending()
    s.progress()
    for item in s.items():
        s.item(item.id)
        s.previous(item.id)
    assert built == 1
    assert labels[2].startswith("○ 3. ")
    s.answer(s.items()[0].id, "vu")  # a change of status does not rebuild the list
    assert s.counts()["answered"] == 1
    assert built == 1


def test_an_added_question_joins_the_index_at_once() -> None:
    s = session()
    s.counts()  # the index is built
    qid = s.add_question("Les comptes de service sont-ils revus ?")
    assert [i.id for i in s.items()] == [Q1, Q2, Q3, qid]
    assert s.position(qid) == 3
    assert s.status(qid) == "pending"
    assert s.next_pending(Q3) == qid
    s.answer(qid, "revue annuelle")
    assert s.notes(qid) == "revue annuelle"
    assert s.previous(qid) == Q3


def test_an_unknown_question_names_the_closest() -> None:
    with pytest.raises(UsageError, match=Q1):
        session().position("regles-acces")


# --- added questions: text first, criteria afterwards -------------------------------------------


def test_criteria_are_set_after_the_question_is_saved() -> None:
    s = session()
    qid = s.add_question("Les comptes de service sont-ils revus ?")
    assert s.item(qid).criteria == ()
    s.set_criteria(qid, [" 3.6-02", "3.6-06", "3.6-02"])
    assert s.item(qid).criteria == ("3.6-02", "3.6-06")
    assert s.interview.added_questions[0].criteria == ["3.6-02", "3.6-06"]


def test_set_criteria_checks_the_criteria_and_the_question() -> None:
    s = session()
    qid = s.add_question("Une question ?")
    with pytest.raises(UsageError, match=r"3\.6-06"):
        s.set_criteria(qid, ["3.6-6"])
    assert s.item(qid).criteria == ()
    with pytest.raises(UsageError):
        s.set_criteria(Q1, ["3.6-06"])  # a guide question's criteria are the guide's
