"""Any interview the file format allows gives a report in every format, and a safe one.

Interview files are written by people's laptops and sometimes by hand: ids the guide does
not know, audiences it does not have, control characters, lone surrogates, Markdown, HTML
and spreadsheet syntax in every text. The consolidation and the five renderers must take
them all, and never hand a terminal a raw control character.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import Invoke, guide, save, session
from visitguide.interview.file import (
    AddedQuestion,
    Answer,
    AnswerStatus,
    CheckpointRating,
    Context,
    DocumentState,
    Evidence,
    GuideRef,
    Interview,
    Rating,
)
from visitguide.report import build
from visitguide.report import export as report
from visitguide.report.inputs import Inputs, Source

GUIDE = guide()
KNOWN_QUESTIONS = [q.id for _, q in GUIDE.all_questions()]
KNOWN_CHECKPOINTS = [c.id for c in GUIDE.meta.checkpoints]
NASTY = "\x00\x1b[31m\x07\x9b\u202e\ud800=+-@<script>&\"'# * _ [x](y) | \r\n\t:100:"

texts = st.text(alphabet=st.sampled_from(list(NASTY) + list("abcé 12")), max_size=20)
ids = st.one_of(st.sampled_from(KNOWN_QUESTIONS + KNOWN_CHECKPOINTS), texts)
statuses = st.sampled_from(list(AnswerStatus))
evidence = st.builds(Evidence, document=texts, state=st.sampled_from(list(DocumentState)))
answers = st.builds(Answer, status=statuses, notes=texts, evidence=st.lists(evidence, max_size=2))
ratings = st.builds(CheckpointRating, rating=st.sampled_from(list(Rating)), comment=texts)
added = st.builds(
    AddedQuestion,
    id=texts,
    text=texts,
    criteria=st.lists(st.one_of(st.sampled_from([c.id for c in GUIDE.meta.criteria]), texts), max_size=2),
    status=st.one_of(st.none(), statuses),
    notes=texts,
    evidence=st.lists(evidence, max_size=2),
)
contexts = st.builds(
    Context,
    establishment=texts,
    sector=st.one_of(st.none(), texts),
    interviewee_role=texts,
    visitor=texts,
    date=st.dates().map(lambda day: day.isoformat()),  # any other date is refused when read
)
interviews = st.builds(
    Interview,
    guide=st.just(GuideRef(id=GUIDE.id, version="x", digest=GUIDE.digest)),
    audience=st.one_of(st.sampled_from([a.id for a in GUIDE.audiences]), texts),
    context=contexts,
    answers=st.dictionaries(ids, answers, max_size=4),
    checkpoints=st.dictionaries(ids, ratings, max_size=4),
    added_questions=st.lists(added, max_size=2),
)

RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(interviews, min_size=1, max_size=4, unique_by=lambda i: i.id))
def test_any_interviews_give_every_format(batch: list[Interview]) -> None:
    sources = [Source(Path(f"e{i}.json"), f"e{i}.json", interview) for i, interview in enumerate(batch)]
    visit = build.build(Inputs(GUIDE, sources))
    for fmt in ("md", "html", "csv", "json"):
        data = report.render(visit, fmt)
        text = data.decode("utf-8")  # always valid UTF-8, surrogates included
        assert not RAW_CONTROL.search(text.replace("\r\n", "\n")), fmt
        if fmt == "json":
            assert json.loads(text)["header"]["interviews"] == len(batch)
        if fmt == "html":
            assert "<script" not in text
    document = docx.Document(io.BytesIO(report.render(visit, "docx")))
    assert document.paragraphs


def test_json_to_a_terminal_escapes_c1_and_bidi_controls_without_changing_the_data(
    cli: Invoke, tmp_path: Path
) -> None:
    folder = tmp_path / "visite"
    folder.mkdir()
    s = session("gouvernance", "DG")
    note = "avant\x9b31m\u202eaprès\x1b"
    s.answer("audit-securite-numerique", note)
    save(s, folder, "g.json")
    result = cli("export", folder, "--format", "json")
    assert result.exit_code == 0
    assert not RAW_CONTROL.search(result.stdout)
    answers = json.loads(result.stdout)["interviews"][0]["answers"]
    assert answers[0]["notes"] == note
