"""Interview files on disk: private modes, atomic writes, the lock, never overwritten, never
rewritten when damaged."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pexpect
import pytest

from tests.data import interviews
from tests.data.interviews import question_ids, snapshot, write
from tests.helpers import REPO, Invoke
from visitguide.errors import InterviewFileError
from visitguide.interview import file as ifile
from visitguide.interview import live, session

LOCKED = "est déjà ouvert par un autre processus visitguide"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    """Temporary files a write could leave behind."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(ifile.TEMP_SUFFIX))


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run with a usual umask, and with none at all (the modes must not depend on it)."""
    old = os.umask(request.param)
    yield request.param
    os.umask(old)


# --- modes ---------------------------------------------------------------------------------


def test_a_new_file_is_0600_and_the_folders_made_for_it_0700(umask: int, tmp_path: Path) -> None:
    path = write(tmp_path / "visite" / "jour1" / "e.json", {"first": "Notes."})
    assert mode(path) == 0o600
    assert mode(tmp_path / "visite") == 0o700
    assert mode(tmp_path / "visite" / "jour1") == 0o700


def test_an_existing_folder_keeps_its_mode(umask: int, tmp_path: Path) -> None:
    folder = tmp_path / "partage"
    folder.mkdir()
    folder.chmod(0o750)
    write(folder / "e.json")
    assert mode(folder) == 0o750


def test_a_save_makes_a_file_made_public_private_again(umask: int, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    path.chmod(0o644)
    interview = ifile.read(path)
    ifile.save(path, interview)
    assert mode(path) == 0o600


def test_the_lock_file_is_private_and_hidden(umask: int, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    with ifile.Lock(path):
        lock = ifile.lock_path(path)
        assert lock.name == ".e.json.lock"
        assert mode(lock) == 0o600


# --- atomic writes -------------------------------------------------------------------------


def test_a_save_fsyncs_the_file_then_renames_then_fsyncs_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "e.json")
    interview = ifile.read(path)
    interview.answers.clear()
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src: str, dst: Path) -> None:
        assert Path(src).parent == path.parent  # same folder: a rename, never a copy
        events.append("replace")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    ifile.save(path, interview)
    assert events == ["fsync file", "replace", "fsync folder"]
    assert leftovers(tmp_path) == []


def test_a_new_file_is_fsynced_then_linked_then_the_folder_fsynced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_link = os.fsync, os.link

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def link(src: str, dst: Path) -> None:
        events.append("link")
        real_link(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "link", link)
    interview = session.new_interview(interviews.guide(), "gouvernance")
    ifile.create(tmp_path / "e.json", interview)
    assert events == ["fsync file", "link", "fsync folder"]
    assert ifile.read(tmp_path / "e.json").id == interview.id
    assert leftovers(tmp_path) == []


def test_a_failed_save_leaves_the_previous_file_whole_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "e.json", {"first": "Première version."})
    before = path.read_bytes()
    interview = ifile.read(path)
    interview.answers.clear()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InterviewFileError, match=r"e\.json: écriture impossible \(disque plein\)"):
        ifile.save(path, interview)
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_a_save_through_a_symbolic_link_updates_the_real_file_and_keeps_the_link(tmp_path: Path) -> None:
    real = write(tmp_path / "vrai.json")
    link = tmp_path / "lien.json"
    link.symlink_to(real)
    s = session.Session(interviews.guide(), ifile.read(link), link)
    s.answer(question_ids()[0], "Par le lien.")
    assert link.is_symlink()
    assert ifile.read(real).answers[question_ids()[0]].notes == "Par le lien."


def test_undecodable_characters_never_make_a_save_fail(tmp_path: Path) -> None:
    """A lone surrogate (from a mis-encoded terminal or argument) is written as U+FFFD."""
    path = write(tmp_path / "e.json", context={"establishment": "CH \udce9vreux"})
    s = session.Session(interviews.guide(), ifile.read(path), path)
    s.answer(question_ids()[0], "note \ud800 coupée")
    back = ifile.read(path)
    assert back.context.establishment == "CH \ufffdvreux"
    assert back.answers[question_ids()[0]].notes == "note \ufffd coupée"


def test_a_lone_surrogate_escape_in_a_file_is_read_as_u_fffd(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "x"})
    text = path.read_text(encoding="utf-8").replace('"notes": "x"', '"notes": "a\\udc80b \\ud83d\\ude00"')
    path.write_text(text, encoding="utf-8")
    assert ifile.read(path).answers[question_ids()[0]].notes == "a\ufffdb \U0001f600"


# --- never overwritten ---------------------------------------------------------------------


def test_create_never_replaces_an_existing_file_or_link(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "À garder."})
    before = snapshot(path)
    interview = session.new_interview(interviews.guide(), "gouvernance")
    with pytest.raises(InterviewFileError, match="existe déjà : il n'est jamais écrasé"):
        ifile.create(path, interview)
    assert snapshot(path) == before
    dangling = tmp_path / "lien.json"
    dangling.symlink_to(tmp_path / "ailleurs.json")
    with pytest.raises(InterviewFileError, match="existe déjà"):
        ifile.create(dangling, interview)
    assert not (tmp_path / "ailleurs.json").exists()
    assert leftovers(tmp_path) == []


def test_create_loses_a_race_cleanly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process creates the file between the check and the link: still refused."""
    path = tmp_path / "e.json"
    interview = session.new_interview(interviews.guide(), "gouvernance")
    real_link = os.link

    def racing_link(src: str, dst: Path) -> None:
        Path(dst).write_text("l'autre", encoding="utf-8")
        real_link(src, dst)

    monkeypatch.setattr(os, "link", racing_link)
    with pytest.raises(InterviewFileError, match="existe déjà"):
        ifile.create(path, interview)
    assert path.read_text(encoding="utf-8") == "l'autre"
    assert leftovers(tmp_path) == []


def test_create_in_a_place_that_cannot_hold_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "fichier").write_text("", encoding="utf-8")
    interview = session.new_interview(interviews.guide(), "gouvernance")
    reason = r"un élément du chemin n'est pas un dossier"
    with pytest.raises(InterviewFileError, match=rf"fichier/e\.json: écriture impossible \({reason}\)"):
        ifile.create(tmp_path / "fichier" / "e.json", interview)


def test_a_symbolic_link_loop_is_refused_in_french(tmp_path: Path) -> None:
    loop = tmp_path / "boucle.json"
    loop.symlink_to(loop)
    with pytest.raises(
        InterviewFileError, match=r"boucle\.json: fichier illisible \(trop de liens symboliques\)"
    ):
        ifile.read(loop)


def test_scripted_out_never_overwrites(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json", {"first": "À garder."})
    before = snapshot(path)
    (tmp_path / "r.yaml").write_text("answers: {}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--audience", "gouvernance", "--out", "e.json")
    assert result.exit_code == 2
    assert "e.json existe déjà : il n'est jamais écrasé" in result.stderr
    assert snapshot(path) == before


def test_live_out_never_overwrites_and_asks_nothing(tmp_path: Path) -> None:
    from visitguide.console import out
    from visitguide.interview.stand_in import StandInAsker

    path = write(tmp_path / "e.json", {"first": "À garder."})
    before = snapshot(path)
    asker = StandInAsker([])
    with pytest.raises(InterviewFileError, match="existe déjà : il n'est jamais écrasé"):
        live.run(None, "gouvernance", path, None, {}, [], asker=asker, console=out())
    assert asker.prompts == []
    assert snapshot(path) == before


# --- damaged files are never rewritten -----------------------------------------------------


def _damaged(tmp_path: Path) -> tuple[Path, tuple[bytes, int, int]]:
    path = write(tmp_path / "e.json", {"first": "Notes précieuses."})
    path.write_bytes(path.read_bytes()[:-40])
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    return path, snapshot(path)


def test_scripted_resume_of_a_damaged_file_exits_2_and_leaves_it_alone(cli: Invoke, tmp_path: Path) -> None:
    path, before = _damaged(tmp_path)
    qid = question_ids()[1]
    (tmp_path / "r.yaml").write_text(f"answers:\n  {qid}: {{notes: Suite.}}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "e.json")
    assert result.exit_code == 2
    assert "e.json" in result.stderr and "JSON illisible" in result.stderr
    assert snapshot(path) == before
    assert leftovers(tmp_path) == []


def test_live_resume_of_a_damaged_file_raises_before_any_prompt(tmp_path: Path) -> None:
    from visitguide.console import out
    from visitguide.interview.stand_in import StandInAsker

    path, before = _damaged(tmp_path)
    asker = StandInAsker([])
    with pytest.raises(InterviewFileError, match="JSON illisible"):
        live.run(None, None, None, path, {}, [], asker=asker, console=out())
    assert asker.prompts == []
    assert snapshot(path) == before


# --- the lock ------------------------------------------------------------------------------

HOLDER = """
import sys
from pathlib import Path
from visitguide.interview.file import Lock
with Lock(Path(sys.argv[1])):
    print("verrouillé", flush=True)
    sys.stdin.read()
"""


@pytest.fixture
def held(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str]]]:
    """An interview file whose lock is held by another process until the test ends."""
    path = write(tmp_path / "e.json", {"first": "Notes."})
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    ) as holder:
        assert holder.stdout is not None
        assert holder.stdout.readline() == "verrouillé\n"
        yield path, holder
        holder.kill()


def test_the_next_lock_holder_clears_what_a_killed_writer_left(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    other = write(tmp_path / "autre.json")
    for name in (".e.json.k1l2.tmp", ".e.json.x9.tmp", ".autre.json.a1.tmp"):
        (tmp_path / name).write_text("{ à moitié", encoding="utf-8")
    with ifile.Lock(path):
        assert leftovers(tmp_path) == [".autre.json.a1.tmp"]  # another interview's: not ours
    with ifile.Lock(other):
        assert leftovers(tmp_path) == []


def test_the_lock_is_exclusive_within_one_process(tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    with ifile.Lock(path), pytest.raises(InterviewFileError, match=LOCKED), ifile.Lock(path):
        pass
    with ifile.Lock(path):  # released
        pass


def test_a_lock_held_by_another_process_is_refused_at_once(held: tuple[Path, subprocess.Popen[str]]) -> None:
    path, _ = held
    with pytest.raises(InterviewFileError, match=f"l'entretien {path} {LOCKED}"):
        ifile.Lock(path).__enter__()


def test_the_lock_of_a_killed_process_is_released(held: tuple[Path, subprocess.Popen[str]]) -> None:
    path, holder = held
    holder.kill()
    holder.wait()
    with ifile.Lock(path):
        pass


def test_two_names_for_one_file_share_one_lock(held: tuple[Path, subprocess.Popen[str]]) -> None:
    path, _ = held
    link = path.with_name("lien.json")
    link.symlink_to(path)
    with pytest.raises(InterviewFileError, match=LOCKED):
        ifile.Lock(link).__enter__()


def test_scripted_resume_of_a_locked_interview_exits_2_and_changes_nothing(
    held: tuple[Path, subprocess.Popen[str]], tmp_path: Path
) -> None:
    path, _ = held
    before = snapshot(path)
    qid = question_ids()[1]
    (tmp_path / "r.yaml").write_text(f"answers:\n  {qid}: {{notes: Suite.}}\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "visitguide", "interview", "--answers", "r.yaml", "--resume", "e.json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"Erreur : l'entretien e.json {LOCKED}"
    assert snapshot(path) == before


def test_live_resume_of_a_locked_interview_exits_2_in_a_terminal(
    held: tuple[Path, subprocess.Popen[str]], tmp_path: Path
) -> None:
    path, _ = held
    before = snapshot(path)
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "COLUMNS": "200"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "visitguide", "interview", "--resume", "e.json"],
        cwd=str(tmp_path),
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(24, 200),
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert f"l'entretien e.json {LOCKED}" in (child.before or "")
    assert snapshot(path) == before


def test_a_symbolic_link_as_lock_file_is_named_not_the_interview(cli: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "e.json")
    before = snapshot(path)
    (tmp_path / ".e.json.lock").symlink_to(tmp_path / "ailleurs")
    (tmp_path / "r.yaml").write_text("answers: {}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "e.json")
    assert result.exit_code == 2
    lock = tmp_path / ".e.json.lock"
    assert result.stderr.strip() == (
        f"Erreur : le verrou {lock} de l'entretien e.json est un lien symbolique, que visitguide "
        "ne crée jamais : supprimez-le, puis recommencez"
    )
    assert not (tmp_path / "ailleurs").exists()
    assert snapshot(path) == before


def test_only_an_existing_file_can_be_locked_and_nothing_is_created_trying(tmp_path: Path) -> None:
    for missing in (tmp_path / "absent" / "e.json", tmp_path / "e.json"):
        with pytest.raises(InterviewFileError, match=f"{missing}: fichier introuvable"):
            ifile.Lock(missing).__enter__()
    assert [p.name for p in tmp_path.iterdir() if p.name != ".cache"] == []


def test_scripted_resume_of_a_missing_file_creates_nothing(cli: Invoke, tmp_path: Path) -> None:
    (tmp_path / "r.yaml").write_text("answers: {}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "absent/e.json")
    assert result.exit_code == 2
    assert result.stderr.strip() == "Erreur : absent/e.json: fichier introuvable"
    assert not (tmp_path / "absent").exists()


def test_live_run_refuses_a_locked_file_before_prompting(held: tuple[Path, subprocess.Popen[str]]) -> None:
    from rich.console import Console

    from visitguide.interview.stand_in import StandInAsker

    path, _ = held
    asker = StandInAsker([])
    with pytest.raises(InterviewFileError, match=LOCKED):
        live.run(None, None, None, path, {}, [], asker=asker, console=Console(file=io.StringIO()))
    assert asker.prompts == []


def test_terminal_commands_in_notes_are_written_as_json_escapes(tmp_path: Path) -> None:
    """`cat e.json` must not let a note's C1 control (CSI) or bidi override drive the terminal."""
    note = "avant \x9b31m rouge \u202e inversé \x7f fin"
    path = write(tmp_path / "e.json", {"first": note})
    raw = path.read_text(encoding="utf-8")
    assert not any(c in raw for c in "\x9b\u202e\x7f")
    assert "\\u009b" in raw and "\\u202e" in raw and "\\u007f" in raw
    assert ifile.read(path).answers[question_ids()[0]].notes == note
