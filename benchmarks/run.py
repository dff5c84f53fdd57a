"""Performance of visitguide, measured side by side with what it cannot do without.

Each case runs the program (A) and its baseline (B) alternately, A B A B ..., after one
untimed warm-up of each, so that both see the same machine load, file cache and compiled
bytecode. It prints the median time of each, their ratio and the target of issue 7, and
exits 1 when a target is missed (`--no-fail`: report only).

    .venv/bin/python benchmarks/run.py [--runs 7] [--only version help ...] [--no-fail]

The data (a 5,000-question guide, visits of 1, 300 and 600 interviews) is generated into
`benchmarks/_data/` on the first run and reused while its generators are unchanged.
Peak memory is the child's maximum resident set size, read from `wait4`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "_data"
OUT = HERE / "_out"
PYTHON = sys.executable
VISITGUIDE = str(Path(PYTHON).with_name("visitguide"))
N_QUESTIONS = 5000
GUIDE_SEED = 7
VISIT_SEED = 11

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(REPO))


@dataclass
class Sample:
    seconds: float
    max_rss_kb: int


@dataclass
class Side:
    """One side of a comparison: how to run it once, and what it is."""

    label: str
    run: Callable[[], Sample]


@dataclass
class Case:
    name: str
    program: Side
    baseline: Side
    target: float
    memory_target: float | None = None
    repeat: int = 1  # quick cases run `repeat` times as often: their medians steady
    program_samples: list[Sample] = field(default_factory=list)
    baseline_samples: list[Sample] = field(default_factory=list)

    def median(self, samples: list[Sample]) -> float:
        return statistics.median(s.seconds for s in samples)

    def peak(self, samples: list[Sample]) -> int:
        return max(s.max_rss_kb for s in samples)

    @property
    def ratio(self) -> float:
        return self.median(self.program_samples) / self.median(self.baseline_samples)

    @property
    def memory_ratio(self) -> float:
        return self.peak(self.program_samples) / self.peak(self.baseline_samples)

    @property
    def passed(self) -> bool:
        memory_ok = self.memory_target is None or self.memory_ratio <= self.memory_target
        return self.ratio <= self.target and memory_ok


class BenchmarkError(Exception):
    """A command of a case did not do what it should: the figures would mean nothing."""


# --- running one command ---------------------------------------------------------------


def environment(**extra: str) -> dict[str, str]:
    """The same environment for program and baseline: French, no colour, fixed width."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("VISITGUIDE_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update({"COLUMNS": "100", "NO_COLOR": "1", "LANG": "C.UTF-8"})
    env.update(extra)
    return env


def measure(argv: Sequence[str], env: dict[str, str], expect_code: int = 0) -> Sample:
    """Wall time and peak memory of one run of `argv` (output discarded, errors kept)."""
    with tempfile.TemporaryFile() as stderr:
        start = time.perf_counter()
        process = subprocess.Popen(
            argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=stderr, env=env
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != expect_code:
            stderr.seek(0)
            message = stderr.read().decode(errors="replace")[-2000:]
            raise BenchmarkError(f"{' '.join(argv)} exited {process.returncode}:\n{message}")
    return Sample(seconds, usage.ru_maxrss)


def command(
    argv: Sequence[str], env: dict[str, str] | None = None, expect_code: int = 0
) -> Callable[[], Sample]:
    return lambda: measure(argv, env or environment(), expect_code)


def output_of(argv: Sequence[str], env: dict[str, str]) -> str:
    """Standard output of one untimed run, for the sanity checks."""
    done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    if done.returncode != 0:
        raise BenchmarkError(f"{' '.join(argv)} exited {done.returncode}:\n{done.stderr[-2000:]}")
    return done.stdout


# --- data ------------------------------------------------------------------------------


def _fingerprint(*files: Path, extra: str = "") -> str:
    digest = hashlib.sha256(extra.encode())
    for path in files:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _fresh(folder: Path, stamp: str, build: Callable[[Path], object]) -> Path:
    """`folder` built by `build`, rebuilt only when `stamp` (what it depends on) changed."""
    marker = folder / ".stamp"
    if marker.is_file() and marker.read_text() == stamp:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    build(folder)
    marker.write_text(stamp)
    return folder


def guide_bank(n_questions: int = N_QUESTIONS) -> Path:
    """A bank holding the generated guide (its folder is `<bank>/banque-complete`)."""
    from make_guide import make_guide

    stamp = _fingerprint(HERE / "make_guide.py", extra=f"{n_questions}/{GUIDE_SEED}")
    return _fresh(DATA / f"bank-{n_questions}", stamp, lambda f: make_guide(f, n_questions, GUIDE_SEED))


def audience_files(bank: Path) -> list[Path]:
    guide = next(p for p in bank.iterdir() if p.is_dir())
    return sorted(p for p in guide.glob("*.yaml") if p.name != "guide.yaml")


def visit(n_interviews: int) -> Path | None:
    """A visit of `n_interviews` interview files, or None while `make_visit.py` is missing."""
    if not (HERE / "make_visit.py").is_file():
        return None
    from make_visit import make_visit

    inputs = [HERE / "make_visit.py", REPO / "visitguide" / "interview" / "file.py"]
    inputs += sorted((REPO / "questions").rglob("*.yaml"))
    stamp = _fingerprint(*inputs, extra=f"{n_interviews}/{VISIT_SEED}")
    folder = DATA / f"visit-{n_interviews}"
    return _fresh(folder, stamp, lambda f: make_visit(f / "entretiens", n_interviews, VISIT_SEED))


# --- cases -----------------------------------------------------------------------------


def parse_baseline(files: list[Path]) -> list[str]:
    """`python -c` loading `files` with the C YAML loader, and nothing else."""
    code = (
        "import yaml\n"
        f"for name in {[str(f) for f in files]!r}:\n"
        "    with open(name, encoding='utf-8') as f:\n"
        "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
    )
    return [PYTHON, "-c", code]


class FreshCache:
    """A new, empty `XDG_CACHE_HOME` for every run: the cold case, cache written each time."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.count = 0

    def env(self) -> dict[str, str]:
        self.count += 1
        folder = self.root / f"cold-{self.count}"
        shutil.rmtree(folder, ignore_errors=True)
        return environment(XDG_CACHE_HOME=str(folder))


def start_cases(work: Path) -> list[Case]:
    bare = str(HERE / "bare_app.py")
    return [
        Case(
            "visitguide --version",
            Side("visitguide --version", command([VISITGUIDE, "--version"])),
            Side('python -c "import typer"', command([PYTHON, "-c", "import typer"])),
            1.2,
            repeat=3,
        ),
        Case(
            "visitguide --help",
            Side("visitguide --help", command([VISITGUIDE, "--help"])),
            Side("bare_app.py --help", command([PYTHON, bare, "--help"])),
            1.2,
            repeat=3,
        ),
    ]


def bank_cases(work: Path) -> list[Case]:
    bank = guide_bank()
    guide = bank / "banque-complete"
    files = audience_files(bank)
    baseline = Side("lecture C-YAML seule", command(parse_baseline(files)))
    cold = FreshCache(work / "cache")
    warm = environment(XDG_CACHE_HOME=str(work / "warm-cache"))
    listing = [VISITGUIDE, "questions", "--format", "json", "--bank", str(bank)]
    rows = json.loads(output_of(listing, warm))
    if len([r for r in rows if r["guide"] == "banque-complete"]) != N_QUESTIONS:
        raise BenchmarkError(f"questions --format json listed {len(rows)} questions")
    validate = [VISITGUIDE, "validate", str(guide)]
    return [
        Case(
            f"validate ({N_QUESTIONS} questions)",
            Side("visitguide validate", lambda: measure(validate, cold.env())),
            baseline,
            1.5,
            memory_target=3.0,
        ),
        Case(
            "questions --format json (relecture)",
            Side("visitguide questions", command(listing, warm)),
            baseline,
            0.4,
        ),
    ]


def until_prompt(argv: Sequence[str], prompt: str | None, cwd: Path) -> Sample:
    """Time from start to `prompt` on a pseudo-terminal (to the end when None), then stop."""
    import pexpect

    env = environment(PROMPT_TOOLKIT_NO_CPR="1", XDG_CACHE_HOME=str(cwd / "cache"))
    start = time.perf_counter()
    child = pexpect.spawn(
        argv[0], list(argv[1:]), env=env, cwd=str(cwd), dimensions=(40, 120), encoding="utf-8"
    )
    try:
        child.expect_exact(prompt if prompt is not None else pexpect.EOF, timeout=60)
        seconds = time.perf_counter() - start
    except pexpect.ExceptionPexpect as exc:
        raise BenchmarkError(f"{' '.join(argv)}: {prompt!r} never came:\n{child.before}") from exc
    finally:
        child.close(force=True)
    return Sample(seconds, 0)


def interview_cases(work: Path) -> list[Case]:
    """`visitguide interview` up to its first prompt (the audience, the bundled guide being the
    only one) against the libraries it cannot do without, both in a pseudo-terminal."""
    if not (REPO / "visitguide" / "interview" / "live.py").is_file():
        return []
    from visitguide.messages import t

    folder = work / "interview"
    folder.mkdir()
    prompt = t("live.choose_audience")
    return [
        Case(
            "interview, jusqu'à la 1re question",
            Side("visitguide interview", lambda: until_prompt([VISITGUIDE, "interview"], prompt, folder)),
            Side(
                'python -c "import typer, questionary, yaml"',
                lambda: until_prompt([PYTHON, "-c", "import typer, questionary, yaml"], None, folder),
            ),
            1.3,
            repeat=2,
        )
    ]


def export_cases(work: Path) -> list[Case]:
    package = REPO / "visitguide"
    if not ((package / "report.py").is_file() or (package / "report" / "__init__.py").is_file()):
        return []
    visits = {n: visit(n) for n in (1, 300, 600)}
    if any(v is None for v in visits.values()):
        return []
    counter = iter(range(1_000_000))

    def export(n: int, fmt: str) -> Side:
        folder = visits[n]
        assert folder is not None

        def run() -> Sample:
            output = work / "exports" / f"{n}-{next(counter)}.{fmt}"
            output.parent.mkdir(exist_ok=True)
            sample = measure(
                [VISITGUIDE, "export", str(folder / "entretiens"), "--format", fmt, "--output", str(output)],
                environment(XDG_CACHE_HOME=str(work / "warm-cache")),
            )
            output.unlink()
            return sample

        return Side(f"export {fmt}, {n} entretien" + ("s" if n > 1 else ""), run)

    return [
        Case("export html, 300 entretiens / 1", export(300, "html"), export(1, "html"), 2.0),
        Case("export docx, 300 entretiens / 1", export(300, "docx"), export(1, "docx"), 4.0),
        Case("export html, 600 entretiens / 300", export(600, "html"), export(300, "html"), 2.2),
        Case("export docx, 600 entretiens / 300", export(600, "docx"), export(300, "docx"), 2.2),
    ]


GROUPS: dict[str, Callable[[Path], list[Case]]] = {
    "start": start_cases,
    "interview": interview_cases,
    "bank": bank_cases,
    "export": export_cases,
}


# --- running and reporting ---------------------------------------------------------------


def run_case(case: Case, runs: int) -> None:
    case.program.run()  # warm-up: bytecode, file cache, the program's own cache
    case.baseline.run()
    for _ in range(runs * case.repeat):
        case.program_samples.append(case.program.run())
        case.baseline_samples.append(case.baseline.run())


def report_line(case: Case) -> str:
    program = case.median(case.program_samples) * 1000
    baseline = case.median(case.baseline_samples) * 1000
    verdict = "ok" if case.passed else "MANQUÉ"
    line = f"{case.name:40} {program:8.0f} ms {baseline:8.0f} ms"
    line += f" {case.ratio:6.2f} ≤ {case.target:<4} {verdict}"
    if case.memory_target is not None:
        mib = case.peak(case.program_samples) / 1024
        base_mib = case.peak(case.baseline_samples) / 1024
        line += (
            f"\n{'  mémoire maximale':40} {mib:8.0f} Mo {base_mib:8.0f} Mo"
            f" {case.memory_ratio:6.2f} ≤ {case.memory_target}"
        )
    return line


def markdown(cases: list[Case]) -> str:
    """The README table of the run."""
    lines = [
        "| cas | médiane | référence | médiane de la référence | rapport | objectif |",
        "|---|---:|---|---:|---:|---:|",
    ]
    for c in cases:
        lines.append(
            f"| `{c.name}` | {c.median(c.program_samples) * 1000:.0f} ms | {c.baseline.label} "
            f"| {c.median(c.baseline_samples) * 1000:.0f} ms | {c.ratio:.2f} | ≤ {c.target} |"
        )
        if c.memory_target is not None:
            lines.append(
                f"| `{c.name}`, mémoire maximale | {c.peak(c.program_samples) / 1024:.0f} Mo "
                f"| {c.baseline.label} | {c.peak(c.baseline_samples) / 1024:.0f} Mo "
                f"| {c.memory_ratio:.2f} | ≤ {c.memory_target} |"
            )
    return "\n".join(lines)


def save(cases: list[Case], runs: int) -> Path:
    OUT.mkdir(exist_ok=True)
    result = {
        "runs": runs,
        "python": sys.version.split()[0],
        "cases": [
            {
                "name": c.name,
                "program": c.program.label,
                "baseline": c.baseline.label,
                "program_seconds": [s.seconds for s in c.program_samples],
                "baseline_seconds": [s.seconds for s in c.baseline_samples],
                "program_max_rss_kb": [s.max_rss_kb for s in c.program_samples],
                "baseline_max_rss_kb": [s.max_rss_kb for s in c.baseline_samples],
                "ratio": c.ratio,
                "target": c.target,
                "memory_ratio": c.memory_ratio if c.memory_target else None,
                "memory_target": c.memory_target,
                "passed": c.passed,
            }
            for c in cases
        ],
    }
    path = OUT / "last.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (OUT / "last.md").write_text(markdown(cases) + "\n", encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each side (at least 5)")
    parser.add_argument("--only", nargs="+", choices=sorted(GROUPS), help="run only these groups")
    parser.add_argument("--no-fail", action="store_true", help="report missed targets without failing")
    args = parser.parse_args(argv)
    runs = max(args.runs, 5)
    cases: list[Case] = []
    missing: list[str] = []
    with tempfile.TemporaryDirectory(prefix="visitguide-bench-") as tmp:
        work = Path(tmp)
        for name in args.only or GROUPS:
            group = GROUPS[name](work)
            if not group:
                missing.append(name)
            for case in group:
                print(f"… {case.name}", file=sys.stderr, flush=True)
                run_case(case, runs)
                cases.append(case)
                print(report_line(case), flush=True)
    for name in missing:
        print(f"{name}: pas encore mesurable (module absent)", flush=True)
    if cases:
        print(f"\n{runs} mesures alternées par côté ; détail dans {save(cases, runs)}")
    failed = [c.name for c in cases if not c.passed]
    if failed:
        print(f"objectifs manqués : {', '.join(failed)}", file=sys.stderr)
    return 1 if (failed or missing) and not args.no_fail else 0


if __name__ == "__main__":
    sys.exit(main())
