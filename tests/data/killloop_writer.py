"""Writers for the kill loop (tests/test_killloop.py), forked from one warm process.

Started once as `python killloop_writer.py FILE`: it imports the program and loads the
bundled guide, then for each line `<first number>` read on stdin it forks a writer, prints
`started <pid>`, waits for it to die (the test kills it with SIGKILL) and prints
`ended <pid>`. Forking spares each writer the interpreter start and the imports (about
0.4 s), so 200 writers take seconds instead of minutes; each one is still a real process
killed by a real SIGKILL in the middle of real system calls.

A writer resumes FILE (or creates it), holds its lock as an interview does, and answers
questions and rates checkpoints in a loop through `session.Session`, each change saved at
once; after each save returns it prints `saved <id> <number>`, numbers increasing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from visitguide.bank import loader as bank
from visitguide.interview import file as ifile
from visitguide.interview import session

AUDIENCE = "gouvernance"


def say(line: str) -> None:
    """One whole line on stdout in one write(2): lines never interleave, even when killed."""
    os.write(1, (line + "\n").encode())


def write_forever(path: Path, guide: bank.Guide, first: int) -> None:
    if path.exists():
        interview = ifile.read(path)
    else:
        interview = session.new_interview(guide, AUDIENCE)
        ifile.create(path, interview)
    with ifile.Lock(path):
        s = session.Session(guide, ifile.read(path), path)
        questions = [item.id for item in s.items()]
        checkpoints = [c.id for c in s.checkpoints()]
        number = first
        while True:
            if number % 3 == 2:
                cid = checkpoints[number % len(checkpoints)]
                s.rate(cid, "oui", f"commentaire {number}")
                say(f"saved {cid} {number}")
            else:
                qid = questions[number % len(questions)]
                s.answer(qid, f"note {number} " + "texte " * (number % 50), [f"document {number}"])
                say(f"saved {qid} {number}")
            number += 1


def main() -> None:
    path = Path(sys.argv[1])
    guide = bank.resolve("risques-numeriques")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(path, guide, int(line))
            finally:
                os._exit(1)  # a writer that fails says nothing more; the test sees it
        say(f"started {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"ended {pid} {status}")


if __name__ == "__main__":
    main()
