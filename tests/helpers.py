"""What tests share: paths, the in-process CLI type, crafted visits read back from every format,
and small comparisons. Tests import helpers from here, never from each other or from conftest.

The visit helpers write interview files through `session.Session` (the same checks as a typed
interview) and `interview.file.create`.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest
from rich.console import Console
from typer.testing import Result

from visitguide.bank import loader as bank
from visitguide.bank.loader import Guide
from visitguide.errors import Interrupted
from visitguide.interview import file as ifile
from visitguide.interview import live
from visitguide.interview.file import Answer, AnswerStatus, Context
from visitguide.interview.session import Session, new_interview
from visitguide.interview.stand_in import StandInAsker

if TYPE_CHECKING:
    from visitguide.interview.widgets import QuestionaryAsker

REPO = Path(__file__).resolve().parent.parent
BUNDLED = REPO / "questions"
# A copy of the source fiche (shared/seed), kept with the tests so a clone is self-contained.
FICHE = REPO / "tests" / "data" / "fiche-risques-numeriques.txt"

Invoke = Callable[..., Result]


def require_tool(*names: str) -> str:
    """The path of the first of `names` on PATH (a system tool: chromium, pdftoppm, tmux...).

    Missing on a developer's machine, the test is skipped with the reason; missing in CI
    (`CI` set, where `.ci/run` installs them), it fails: those checks must run there.
    """
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    reason = f"{' / '.join(names)} missing (apt-get install; .ci/run installs it)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def keep_shot(path: Path, name: str) -> None:
    """Copy a screenshot or page image to `VISITGUIDE_TEST_SHOTS` when it is set, for a person
    to look at (the tests check what they can; the eye checks the rest)."""
    folder = os.environ.get("VISITGUIDE_TEST_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(folder) / name)


def pdf_pages_text(pdf: Path) -> list[str]:
    """The text of each page of a PDF (poppler's pdftotext)."""
    import subprocess

    binary = require_tool("pdftotext")
    text = subprocess.run(
        [binary, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in text.split("\f") if page.strip()]


def comparable(path: Path) -> dict[str, Any]:
    """An interview file without what two runs never share: the interview id, the timestamps,
    and the short id that ends an added question's id."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("id", "started_at", "updated_at"):
        data.pop(key)
    for section in ("answers", "checkpoints"):
        for entry in data[section].values():
            entry.pop("updated_at")
    for entry in data["added_questions"]:
        entry.pop("updated_at")
        entry["id"] = entry["id"].rsplit("-", 1)[0]
    return data


def documents(evidence: list[ifile.Evidence]) -> list[str]:
    """The documents of an answer, each checked to be in state "vu" (a plain string in the file)."""
    assert all(e.state == "vu" for e in evidence)
    return [e.document for e in evidence]


GUIDE_ID = "risques-numeriques"


def guide() -> Guide:
    return bank.resolve(GUIDE_ID)


def session(
    audience: str,
    role: str,
    sector: str | None = None,
    *,
    date: str = "2026-11-24",
    the_guide: Guide | None = None,
    establishment: str = "CH de Valmont",
    visitor: str = "C. Martin",
) -> Session:
    """A new interview, in memory, ready to be answered."""
    g = the_guide or guide()
    context = Context(
        establishment=establishment, sector=sector, interviewee_role=role, visitor=visitor, date=date
    )
    return Session(g, new_interview(g, audience, context))


def save(s: Session, folder: Path, name: str) -> Path:
    path = folder / name
    ifile.create(path, s.interview)
    return path


# --- a visit where every kind of content carries a marker ----------------------------------

MARKERS = {
    "note gouvernance": "MARQUEUR-NOTE-GOUV",
    "second line of a note": "MARQUEUR-SECONDE-LIGNE",
    "evidence": "MARQUEUR-PIECE-AUDIT",
    "comment": "MARQUEUR-COMMENTAIRE-EXERCICE",
    "added question": "MARQUEUR-QUESTION-AJOUTEE",
    "added note": "MARQUEUR-NOTE-AJOUTEE",
    "added evidence": "MARQUEUR-PIECE-AJOUTEE",
    "added without criterion": "MARQUEUR-QUESTION-SANS-CRITERE",
    "note professionnels": "MARQUEUR-NOTE-REA",
    "evidence professionnels": "MARQUEUR-PIECE-REA",
    "comment professionnels": "MARQUEUR-COMMENTAIRE-REA",
    "revisit note": "MARQUEUR-A-REVOIR",
    "skipped note": "MARQUEUR-PASSEE",
    "technical note": "MARQUEUR-NOTE-TECH",
    "note outside the guide": "MARQUEUR-HORS-GUIDE",
    "comment outside the guide": "MARQUEUR-COTATION-HORS-GUIDE",
    "role": "MARQUEUR-FONCTION",
    "sector": "MARQUEUR-SECTEUR",
}


def content_visit(folder: Path) -> Path:
    """Three interviews holding every kind of content, each marked."""
    folder.mkdir(parents=True, exist_ok=True)
    m = MARKERS
    gov = session("gouvernance", "Directeur général")
    gov.answer(
        "audit-securite-numerique",
        f"{m['note gouvernance']} audit fait.\n{m['second line of a note']} suite.",
        [m["evidence"]],
    )
    gov.rate("exercices-crise-cyber", "oui", m["comment"])
    added = gov.add_question(f"{m['added question']} : les clés USB ?", ["3.6-02"])
    gov.answer(added, m["added note"], [m["added evidence"]])
    loose = gov.add_question(m["added without criterion"], [])
    gov.flag(loose, "à reprendre")
    gov.interview.answers["question-retiree"] = Answer(
        status=AnswerStatus.answered, notes=m["note outside the guide"]
    )
    save(gov, folder, "gouvernance.json")

    pro = session("professionnels", m["role"], m["sector"])
    pro.answer("connexion-sih", m["note professionnels"], [m["evidence professionnels"]])
    pro.flag("risques-cyber-conduite", m["revisit note"])
    pro.set_status("documents-sante-poste", AnswerStatus.skipped, m["skipped note"])
    pro.rate("pas-identifiant-generique", "non", m["comment professionnels"])
    save(pro, folder, "professionnels.json")

    tech = session("technique", "RSSI")
    tech.answer("regles-acces-si", m["technical note"])
    path = save(tech, folder, "technique.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    data["checkpoints"]["point-retire"] = {"rating": "non", "comment": m["comment outside the guide"]}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


# --- a visit built to show (or not) each kind of écart -------------------------------------


def ecart_visit(folder: Path, *, consistent: bool = False) -> Path:
    """Governance and professionals of two sectors.

    Unless `consistent`: the governance rates the access rules (3.6-06) "oui" and every
    professional rates them "non" (écart between audiences); Réanimation rates
    conduite-en-cas-de-doute "oui" and Urgences "non" (écart between sectors); the two
    people of Réanimation disagree on connaissance-risques-prevention (split opinions).
    """
    folder.mkdir(parents=True, exist_ok=True)
    yes = "oui"

    def no(rating: str) -> str:
        return yes if consistent else rating

    gov = session("gouvernance", "Directeur général")
    for checkpoint in ("politique-regles-acces", "gestion-arrivees-departs", "exercices-crise-cyber"):
        gov.rate(checkpoint, yes)
    gov.answer("audit-securite-numerique", "Audit fait.")
    save(gov, folder, "gouvernance.json")
    people = [
        ("Réanimation", "IDE"),
        ("Réanimation", "Médecin"),
        ("Urgences", "IDE"),
        ("Urgences", "Cadre de santé"),
    ]
    for n, (sector, role) in enumerate(people):
        pro = session("professionnels", role, sector)
        for checkpoint in (
            "connaissance-regles-acces",
            "pas-identifiant-generique",
            "identifiant-personnel-double-facteur",
        ):
            pro.rate(checkpoint, no("non"))
        pro.rate("conduite-en-cas-de-doute", yes if sector == "Réanimation" else no("non"))
        split = sector == "Réanimation" and role == "Médecin"
        pro.rate("connaissance-risques-prevention", no("non") if split else yes)
        pro.answer("connexion-sih", f"Connexion par carte CPS ({sector}).")
        save(pro, folder, f"pro-{n}.json")
    return folder


# --- a realistic visit, written as answers files ------------------------------------------

VISIT_ANSWERS = REPO / "tests" / "data" / "visit"


def answers_visit(cli: Invoke, folder: Path) -> Path:
    """The visit of `tests/data/visit`: each answers file run through `visitguide interview
    --answers`, in the order of their names (so that the codes E1… follow them), into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for answers in sorted(VISIT_ANSWERS.glob("*.yaml")):
        result = cli("interview", "--answers", answers, "--out", folder / f"{answers.stem}.json")
        assert result.exit_code == 0, result.stderr
    return folder


# --- reading each format back ----------------------------------------------------------------


def strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def docx_text(data: bytes) -> str:
    """Every paragraph and table cell of a .docx, read with python-docx."""
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def read_back(fmt: str, data: bytes) -> str:
    """The text a reader of the format gets: parsed with the format's own library."""
    if fmt == "docx":
        return docx_text(data)
    text = data.decode("utf-8")
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
        return "\n".join(cell for row in rows for cell in row)
    if fmt == "json":
        return "\n".join(strings(json.loads(text)))
    return text


# --- tests of the helpers and of the generator ------------------------------------------------


# --- the live interview, driven by the stand-in asker ---------------------------------------

Q1, Q2, Q3 = "regles-acces-si", "acces-distance-mobilite", "identification-professionnels-si"
CONTEXT = {
    "establishment": "CH Exemple",
    "sector": "Urgences",
    "interviewee_role": "DSI",
    "visitor": "EV1",
    "date": "2026-11-29",
}
OUT = Path("entretien.json")


class Screen(io.StringIO):
    """The console's output; Ctrl-C (or Ctrl-D) arrives while `interrupt_at` is shown."""

    def __init__(self, interrupt_at: str | None, key: type[BaseException]) -> None:
        super().__init__()
        self.interrupt_at = interrupt_at
        self.key = key

    def write(self, text: str) -> int:
        if self.interrupt_at is not None and self.interrupt_at in text:
            self.interrupt_at = None
            raise self.key
        return super().write(text)


class Run:
    """One scripted run: the asker (with the prompts it saw), the screen, the exit code, and
    the `Interrupted` error when the script pressed Ctrl-C (at a prompt, or while the screen
    showed `interrupt_at`)."""

    def __init__(
        self,
        answers: list[object],
        interrupt_at: str | None = None,
        key: type[BaseException] = KeyboardInterrupt,
        *,
        width: int = 200,
        height: int = 100,
        asker: StandInAsker | None = None,
        **kwargs: Any,
    ) -> None:
        self.error: Interrupted | None = None
        self.asker = asker or StandInAsker(answers)
        self.screen = Screen(interrupt_at, key)
        console = Console(file=self.screen, width=width, height=height, no_color=True)
        args: dict[str, Any] = {
            "guide_id": "risques-numeriques",
            "audience": "technique",
            "out": OUT,
            "resume": None,
            "overrides": CONTEXT,
            "banks": [],
        }
        args.update(kwargs)
        try:
            self.code = live.run(**args, asker=self.asker, console=console)
        except Interrupted as exc:
            self.error = exc
            self.code = int(exc.exit_code)
        except (KeyboardInterrupt, EOFError) as exc:
            # Escaping the interview, it would end in a silent 130 (and stop pytest).
            raise AssertionError(f"{exc!r} left the interview without Interrupted") from exc

    @property
    def text(self) -> str:
        return self.screen.getvalue()

    def notes_defaults(self) -> list[str]:
        """The text each note prompt started from."""
        return [p.default for p in self.asker.prompts if p.kind == "note"]


def saved(path: Path = OUT) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def PERSO_1() -> str:
    """The id of the first question added to the saved interview: unique across a visit."""
    return f"perso-1-{saved()['id'][:8]}"


# --- the real prompts, driven by keys through prompt_toolkit's pipe input --------------------

DOWN = "\x1b[B"
ESC_ENTER = "\x1b\r"
CTRL_C = "\x03"
CTRL_D = "\x04"

ESC = "\x1b"
T = TypeVar("T")


def typed(keys: str, prompt: Callable[[QuestionaryAsker], T]) -> T:
    """Run `prompt` with `keys` typed; the input is closed after them, so a missing key
    ends in EOFError instead of a hang.

    A lone Esc at the end is told from the start of an arrow key's sequence only after a
    short wait: the input is then closed a little later, not at once.
    """
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from visitguide.interview.widgets import QuestionaryAsker

    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        pipe.send_text(keys)
        timer = threading.Timer(0.5 if keys.endswith(ESC) else 0, pipe.close)
        timer.start()
        try:
            return prompt(QuestionaryAsker())
        finally:
            timer.join()


# --- the installed program in a real pseudo-terminal (pexpect) -------------------------------

CTRL_P = "\x10"
PTY_TIMEOUT = 15
PTY_CONTEXT = (
    "--establishment",
    "CH",
    "--role",
    "DSI",
    "--visitor",
    "EV",
    "--sector",
    "SI",
    "--date",
    "2026-11-29",
)


def program() -> list[str]:
    """The installed console script beside this Python, else `python -m visitguide`."""
    script = Path(sys.executable).parent / "visitguide"
    return [str(script)] if script.exists() else [sys.executable, "-m", "visitguide"]


def spawn(
    *args: str,
    cwd: Path,
    env_extra: dict[str, str] | None = None,
    dimensions: tuple[int, int] = (40, 120),
    encoding: str = "utf-8",
) -> Any:
    """The program in a pseudo-terminal of `dimensions` (rows, columns)."""
    import pexpect

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env.update(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm-256color", **(env_extra or {}))
    command, *first = program()
    return pexpect.spawn(
        command,
        [*first, *args],
        cwd=str(cwd),
        env=env,
        encoding=encoding,
        codec_errors="replace",
        timeout=PTY_TIMEOUT,
        dimensions=dimensions,
    )


def note(child: Any, number: int, text: str, total: int = 3) -> None:
    """Wait for question `number`'s note prompt, type `text`, end it with Esc then Enter."""
    child.expect(f"Question {number}/{total}")
    child.expect("Tab : menu")
    child.send(text)
    child.send(ESC_ENTER)


def interrupted(child: Any) -> int:
    """Ctrl-C, then the exit status once the program has ended.

    A Ctrl-C that lands in the few milliseconds while prompt_toolkit starts its next prompt
    (between asyncio's SIGINT handling and its own) can be lost inside prompt_toolkit: measured
    in-process at about one SIGINT in 30 sent in that window; a person then presses
    Ctrl-C again, and so does this helper, once, after five seconds. Nothing typed is lost.
    """
    import pexpect

    child.send(CTRL_C)
    try:
        child.expect(pexpect.EOF, timeout=5)
    except pexpect.TIMEOUT:
        child.send(CTRL_C)
    return finished(child)


def finished(child: Any) -> int:
    """The exit status once the program has ended."""
    import pexpect

    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus is not None
    return int(child.exitstatus)


def read(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))
