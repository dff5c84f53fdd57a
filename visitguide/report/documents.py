"""Documents of a visit: per criterion (seen, awaited, still to ask for) and the visit-wide
list of documents to request, by audience.

A document is matched by its text, ignoring case, accents and runs of spaces, so that the
guide's "Plan de formation pluriannuel" and a visitor's "plan de formation  pluriannuel" are one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from visitguide import text as textsearch
from visitguide.interview.file import DocumentState, Evidence
from visitguide.report import visit as m

if TYPE_CHECKING:
    from visitguide.bank.guide import Checkpoint, Question
    from visitguide.bank.loader import Guide
    from visitguide.interview.file import Interview


class Entry(Protocol):
    """One interview as this module sees it (`build.Entry`, without importing `build`)."""

    @property
    def who(self) -> m.Who: ...

    @property
    def interview(self) -> Interview: ...


def key(text: str) -> str:
    return textsearch.fold(" ".join(text.split()))


@dataclass
class _Doc:
    text: str
    requested: bool
    seen: dict[str, m.Who] = field(default_factory=dict)
    asked: dict[str, m.Who] = field(default_factory=dict)
    added_by: str | None = None

    def view(self) -> m.Document:
        state: m.DocumentState = "vu" if self.seen else "demande" if self.asked else "a_demander"
        seen, asked = list(self.seen.values()), list(self.asked.values())
        return m.Document(self.text, self.requested, seen, asked, state, self.added_by)


def of_criterion(
    suggested: Iterable[str], groups: Iterable[m.NoteGroup], added_by: Mapping[str, str] | None = None
) -> list[m.Document]:
    """The guide's suggestions for a criterion, then the documents its notes record, each
    with the interviews that saw it and those where it was asked for. `added_by`: document
    key -> who suggested it, for the suggestions the source does not make."""
    docs: dict[str, _Doc] = {}
    for text in suggested:
        docs.setdefault(key(text), _Doc(text, True, added_by=(added_by or {}).get(key(text))))
    for group in groups:
        for block in group.questions:
            for note in block.notes:
                for text in note.evidence:
                    docs.setdefault(key(text), _Doc(text, False)).seen.setdefault(
                        note.who.interview, note.who
                    )
                for text in note.requested:
                    docs.setdefault(key(text), _Doc(text, False)).asked.setdefault(
                        note.who.interview, note.who
                    )
    return [doc.view() for doc in docs.values()]


@dataclass
class _Request:
    text: str
    asked: dict[str, m.Who] = field(default_factory=dict)
    suggested: bool = False
    items: list[str] = field(default_factory=list)
    criteria: list[str] = field(default_factory=list)
    added_by: str | None = None

    def add(self, item: str, criteria: Iterable[str]) -> None:
        if item not in self.items:
            self.items.append(item)
        self.criteria.extend(c for c in criteria if c not in self.criteria)

    def view(self, rank: Mapping[str, int]) -> m.DocumentToRequest:
        criteria = sorted(self.criteria, key=lambda c: rank.get(c, len(rank)))
        asked = list(self.asked.values())
        return m.DocumentToRequest(self.text, asked, self.suggested, self.items, criteria, self.added_by)


def to_request(
    guide: Guide, entries: Sequence[Entry], audiences: Sequence[str], labels: Mapping[str, str]
) -> list[m.DocumentsToRequest]:
    """For each audience with something to ask for: the documents asked for in its interviews
    and not seen in any of them, then the documents the guide suggests for its questions and
    checkpoints that none of its interviews has seen."""
    rank = {c.id: i for i, c in enumerate(guide.meta.criteria)}
    by_audience: dict[str, list[Entry]] = {a: [] for a in audiences}
    for entry in entries:
        by_audience.setdefault(entry.interview.audience, []).append(entry)
    groups = []
    for audience in audiences:
        seen, asked = _recorded(guide, by_audience[audience])
        wanted = {k: r for k, r in asked.items() if k not in seen}
        suggestions: list[Question | Checkpoint] = [*guide.questions_for(audience)]
        suggestions += guide.checkpoints_for(audience)
        for item in suggestions:
            for text in item.evidence:
                if key(text) not in seen:
                    request = wanted.setdefault(key(text), _Request(text))
                    request.suggested = True
                    if item.is_added("evidence"):  # the bank's author's, not the source's
                        request.added_by = request.added_by or guide.meta.additions_by
                    request.add(item.id, item.criteria)
        if wanted:
            documents = [r.view(rank) for r in wanted.values()]
            groups.append(m.DocumentsToRequest(audience, labels.get(audience, audience), documents))
    return groups


def _recorded(guide: Guide, entries: Iterable[Entry]) -> tuple[set[str], dict[str, _Request]]:
    """The documents an audience's interviews saw, and those they asked for."""
    seen: set[str] = set()
    asked: dict[str, _Request] = {}
    for entry in entries:
        interview = entry.interview
        items: list[tuple[str, Sequence[str], Sequence[Evidence]]] = []
        for qid, answer in interview.answers.items():
            found = guide.find_question(qid)
            items.append((qid, found[1].criteria if found else [], answer.evidence))
        items += [(a.id, a.criteria, a.evidence) for a in interview.added_questions]
        for item, criteria, evidence in items:
            for e in evidence:
                if e.state == DocumentState.vu:
                    seen.add(key(e.document))
                else:
                    request = asked.setdefault(key(e.document), _Request(e.document))
                    request.asked.setdefault(entry.who.interview, entry.who)
                    request.add(item, criteria)
    return seen, asked
