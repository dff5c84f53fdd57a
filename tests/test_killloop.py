"""The kill loop: writers killed with SIGKILL at random moments, 200 times, never leave an
unreadable interview file nor lose an answer they had reported saved."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

from tests.helpers import REPO, Invoke
from visitguide.interview import file as ifile

WRITER = Path(__file__).parent / "data" / "killloop_writer.py"
KILLS = 200
STRIDE = 100_000  # each writer numbers its saves from its own block: never reused


class Writers:
    """The warm process that forks one writer per `start()`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WRITER), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=REPO,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdin: IO[bytes] = self.process.stdin
        self.stdout: IO[bytes] = self.process.stdout

    def line(self) -> list[str]:
        line = self.stdout.readline().decode()
        assert line, "the writers' process died"
        return line.split()

    def start(self, first: int) -> int:
        self.stdin.write(f"{first}\n".encode())
        self.stdin.flush()
        word, pid = self.line()
        assert word == "started"
        return int(pid)

    def close(self) -> None:
        self.stdin.close()
        self.process.wait(timeout=30)
        self.stdout.close()


@pytest.fixture
def writers(tmp_path: Path) -> Iterator[Writers]:
    w = Writers(tmp_path / "e.json")
    yield w
    w.close()


def number_in_file(interview: ifile.Interview, item: str) -> int | None:
    """The save number a question's notes or a checkpoint's comment carries, checking that
    the text is exactly what the writer wrote (no torn or mixed write)."""
    if item in interview.answers:
        answer = interview.answers[item]
        number = int(answer.notes.split()[1])
        assert answer.notes == f"note {number} " + "texte " * (number % 50)
        assert [e.document for e in answer.evidence] == [f"document {number}"]
        return number
    if item in interview.checkpoints:
        comment = interview.checkpoints[item].comment
        number = int(comment.split()[1])
        assert comment == f"commentaire {number}"
        return number
    return None


def _saved_but_unreported(interview: ifile.Interview, first: int, reported: dict[str, int]) -> bool:
    """Whether this round's writer saved more than it reported (killed in between)."""
    numbers = [number_in_file(interview, item) or 0 for item in [*interview.answers, *interview.checkpoints]]
    top = max(numbers, default=-1)
    return top >= first and top > max(reported.values(), default=-1)


@pytest.mark.slow  # 6 s on an idle machine, up to 18 s when others share the disk (fsync-bound)
def test_writers_killed_at_random_moments_never_lose_a_saved_answer(
    writers: Writers, tmp_path: Path, cli: Invoke
) -> None:
    rng = random.Random(20261129)
    path = tmp_path / "e.json"
    reported: dict[str, int] = {}  # item -> last number reported saved, over all writers
    unreported = 0  # kills that fell after a save had returned but before it was reported
    for round_ in range(KILLS):
        pid = writers.start(round_ * STRIDE)
        for _ in range(rng.randint(0, 3)):  # let it report a few saves...
            word, item, number = writers.line()
            assert word == "saved"
            reported[item] = int(number)
        time.sleep(rng.uniform(0, 0.008))  # ...then kill it at a random moment
        os.kill(pid, signal.SIGKILL)
        while (words := writers.line())[0] != "ended":
            reported[words[1]] = int(words[2])
        assert int(words[1]) == pid
        status = int(words[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status

        if not path.exists():
            assert not reported  # only possible before the very first save
            continue
        interview = ifile.read(path)  # never unreadable
        for item, number in reported.items():
            in_file = number_in_file(interview, item)
            assert in_file is not None and in_file >= number, (round_, item, number, in_file)
        unreported += _saved_but_unreported(interview, round_ * STRIDE, reported)
    assert len(reported) >= 8  # the writers got far: questions and checkpoints
    # Each writer clears what the one before left: at most the last kill's temporary file.
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith(ifile.TEMP_SUFFIX)]
    assert len(leftovers) <= 1 and all(name.startswith(".e.json.") for name in leftovers)
    result = cli("check", tmp_path)
    assert result.exit_code == 0, result.stdout
    print(f"{KILLS} kills; {unreported} between a save and its report; {len(leftovers)} temporary file")
