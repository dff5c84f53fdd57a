"""The benchmark's own parts: its baseline app, its generated guide, its measuring.

No timing is asserted here: the ratios are the business of `benchmarks/run.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import typer.main

from tests.helpers import REPO
from visitguide.bank import loader as bank
from visitguide.bank import yamlsafe
from visitguide.cli.app import app

sys.path.insert(0, str(REPO / "benchmarks"))

import bare_app
import make_guide
import run


def declared(typer_app: typer.Typer) -> dict[str, Any]:
    """Every command of an app with the names of its parameters, options and metavars."""
    group = typer.main.get_command(typer_app)
    assert isinstance(group, typer.core.TyperGroup)

    def params(command: Any) -> list[tuple[str, str, tuple[str, ...], str | None]]:
        return [(p.param_type_name, p.name, (*p.opts, *p.secondary_opts), p.metavar) for p in command.params]

    commands = {name: params(command) for name, command in group.commands.items()}
    return {"root": params(group), **commands}


def test_the_bare_app_declares_the_same_commands_and_options_as_the_real_one() -> None:
    assert declared(bare_app.app) == declared(app)


def test_the_bare_app_has_empty_bodies() -> None:
    # Its commands do nothing: what `visitguide --help` costs beyond it is the program's.
    group = typer.main.get_command(bare_app.app)
    assert isinstance(group, typer.core.TyperGroup)
    for name in group.commands:
        function = getattr(bare_app, name, None) or getattr(bare_app, f"{name}_")  # import_: a keyword
        body = function.__code__
        assert body.co_code == (lambda: None).__code__.co_code, name


def test_the_generated_guide_is_valid_and_spread_over_three_audiences(tmp_path: Path) -> None:
    folder = make_guide.make_guide(tmp_path, n_questions=60, seed=3)
    assert bank.check_folder(folder) == []
    guide = bank.load_guide(bank.GuideSource(folder.name, folder, tmp_path, False))
    assert [len(guide.questions_for(a.id)) for a in guide.audiences] == [20, 20, 20]
    questions = [q for _, q in guide.all_questions()]
    assert all(q.text.endswith("?") and 1 <= len(q.criteria) <= 3 for q in questions)
    assert any(q.hint for q in questions)
    assert any(q.evidence for q in questions)
    assert any("é" in q.text or "’" in q.text or "'" in q.text for q in questions)


def test_the_generated_guide_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    one = make_guide.make_guide(tmp_path / "a", n_questions=30, seed=5)
    two = make_guide.make_guide(tmp_path / "b", n_questions=30, seed=5)
    other = make_guide.make_guide(tmp_path / "c", n_questions=30, seed=6)
    files = sorted(p.name for p in one.iterdir())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    assert (one / "technique.yaml").read_bytes() != (other / "technique.yaml").read_bytes()


def test_the_full_size_guide_weighs_about_2_5_mb_with_each_file_under_the_cap(tmp_path: Path) -> None:
    folder = make_guide.make_guide(tmp_path, n_questions=5000, seed=run.GUIDE_SEED)
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    audiences = [size for name, size in sizes.items() if name != "guide.yaml"]
    assert len(audiences) == 3
    assert all(size < yamlsafe.MAX_BYTES for size in sizes.values())
    assert 2_200_000 < sum(sizes.values()) < 2_800_000
    text = (folder / "technique.yaml").read_text(encoding="utf-8")
    assert text.count("\n  - id: ") in (1666, 1667)


def test_the_parse_baseline_loads_exactly_the_audience_files(tmp_path: Path) -> None:
    make_guide.make_guide(tmp_path, n_questions=30, seed=1)
    files = run.audience_files(tmp_path)
    assert [f.name for f in files] == ["gouvernance.yaml", "professionnels.yaml", "technique.yaml"]
    argv = run.parse_baseline(files)
    assert argv[:2] == [sys.executable, "-c"]
    assert "CSafeLoader" in argv[2]
    sample = run.measure(argv, run.environment())
    assert sample.seconds > 0
    assert sample.max_rss_kb > 1000


def test_a_command_that_fails_stops_the_benchmark() -> None:
    with pytest.raises(run.BenchmarkError, match="boom"):
        run.measure([sys.executable, "-c", "import sys; sys.exit('boom')"], run.environment())


def test_the_environment_is_french_and_colourless(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VISITGUIDE_LANG", "en")
    monkeypatch.setenv("VISITGUIDE_BANK", "/elsewhere")
    env = run.environment(XDG_CACHE_HOME="/tmp/x")
    assert "VISITGUIDE_LANG" not in env
    assert "VISITGUIDE_BANK" not in env
    assert env["NO_COLOR"] == "1"
    assert env["XDG_CACHE_HOME"] == "/tmp/x"


def test_the_report_table_has_one_row_per_case_and_one_for_memory() -> None:
    fast = run.Side("a", lambda: run.Sample(0.1, 2048))
    slow = run.Side("b", lambda: run.Sample(0.2, 1024))
    cases = [run.Case("un", fast, slow, 1.2), run.Case("deux", slow, fast, 1.2, memory_target=3.0)]
    for case in cases:
        run.run_case(case, 5)
        assert len(case.program_samples) == len(case.baseline_samples) == 5
    assert cases[0].passed and cases[0].ratio == pytest.approx(0.5)
    assert not cases[1].passed and cases[1].memory_ratio == pytest.approx(0.5)
    table = run.markdown(cases).splitlines()
    assert len(table) == 2 + 3
    assert table[2].startswith("| `un` | 100 ms | b | 200 ms | 0.50 | ≤ 1.2 |")
