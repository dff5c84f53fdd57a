"""The crafted visits of `tests.helpers` and the generator that benchmarks use
(`benchmarks/make_visit.py`), checked themselves."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.helpers import GUIDE_ID, REPO, content_visit, ecart_visit
from visitguide.interview import file as ifile


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
