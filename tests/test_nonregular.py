"""Files that are not regular files, and files larger than they say (issue 11, point 7).

Inside folders only regular files are read, and what is skipped is said; a path named on the
command line may be a pipe, read under the same cap as a file; every read stops at the limit
plus one byte, whatever size the file claims. The guide cache follows the same rules.

The commands run in a child process with a time limit and a memory limit: before these rules,
they hung on a FIFO or ate gigabytes, and a test must fail, not take the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.bankfactory import write_guide
from tests.data.interviews import question_ids, write
from tests.helpers import BUNDLED, REPO, Invoke
from visitguide import files
from visitguide.bank import cache

MEMORY = 1024 * 1024 * 1024  # the child may use 1 GiB: plenty for any command here


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run(
    tmp_path: Path, *args: str | Path, pass_fds: tuple[int, ...] = (), timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`visitguide ARGS…` in a child process, in `tmp_path`, with a private cache."""
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(tmp_path / ".cache"),
        "COLUMNS": "200",
        "NO_COLOR": "1",
        "PYTHONPATH": str(REPO),
    }
    env.pop("VISITGUIDE_LANG", None)
    env.pop("VISITGUIDE_BANK", None)
    try:
        return subprocess.run(
            [sys.executable, "-m", "visitguide", *map(str, args)],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            pass_fds=pass_fds,
            preexec_fn=_limit_memory,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"visitguide {' '.join(map(str, args))} still running after {timeout} s")


def _feed(data: bytes, *, endless: bool = False) -> int:
    """The read end of a pipe that a thread fills with `data` (again and again if `endless`)."""
    read_end, write_end = os.pipe()

    def writer() -> None:
        try:
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
                while endless:
                    pipe.write(data)
        except OSError:  # the reader stopped reading: that is the point
            pass

    threading.Thread(target=writer, daemon=True).start()
    return read_end


# --- files.read_capped ---------------------------------------------------------------------


def test_a_read_stops_at_the_limit_whatever_size_the_file_claims(tmp_path: Path) -> None:
    with pytest.raises(files.TooLarge):
        files.read_capped(Path("/dev/zero"), 1000, pipes=True)
    sparse = tmp_path / "creux"
    with sparse.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    with pytest.raises(files.TooLarge) as refused:
        files.read_capped(sparse, 1000)
    assert refused.value.size == 3 * 1024**3
    (tmp_path / "petit").write_bytes(b"x" * 1000)
    assert files.read_capped(tmp_path / "petit", 1000) == b"x" * 1000


def test_a_fifo_is_refused_at_once_unless_named_and_then_read_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "tube"
    os.mkfifo(fifo)
    with pytest.raises(files.NotRegularFile):
        files.read_capped(fifo, 1000)
    assert files.read_capped(fifo, 1000, pipes=True) == b""  # nobody writes: end of file, no wait
    with pytest.raises(IsADirectoryError):
        files.read_capped(tmp_path, 1000, pipes=True)


def test_reads_work_without_o_nonblock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "f").write_bytes(b"abc")
    monkeypatch.delattr(os, "O_NONBLOCK")
    assert files.read_capped(tmp_path / "f", 10) == b"abc"


# --- banks ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["fifo", "link to /dev/zero"])
def test_a_bank_file_that_is_not_a_regular_file_is_named_not_read(tmp_path: Path, kind: str) -> None:
    folder = write_guide(tmp_path / "banque")
    target = folder / "terrain.yaml"
    target.unlink()
    if kind == "fifo":
        os.mkfifo(target)
    else:
        target.symlink_to("/dev/zero")
    result = run(tmp_path, "validate", "banque")
    assert result.returncode == 1, result.stderr
    expected = "banque/essai/terrain.yaml: ce n'est pas un fichier ordinaire (tube, périphérique…)"
    assert expected in result.stdout
    result = run(tmp_path, "questions", "--bank", "banque", "--guide", "essai")
    assert result.returncode == 2
    assert "terrain.yaml: ce n'est pas un fichier ordinaire" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_guide_yaml_that_is_a_fifo_is_named_not_read(tmp_path: Path) -> None:
    folder = write_guide(tmp_path / "banque")
    (folder / "guide.yaml").unlink()
    os.mkfifo(folder / "guide.yaml")
    result = run(tmp_path, "validate", "banque")
    assert result.returncode == 1, result.stderr
    assert "banque/essai/guide.yaml: ce n'est pas un fichier ordinaire" in result.stdout
    result = run(tmp_path, "guides", "--bank", "banque")
    assert result.returncode == 2
    assert "guide.yaml: ce n'est pas un fichier ordinaire" in result.stderr


# --- answers files -------------------------------------------------------------------------


def test_answers_from_dev_zero_are_refused_at_the_cap(tmp_path: Path) -> None:
    args = ("--audience", "gouvernance", "--out", "e.json")
    result = run(tmp_path, "interview", "--answers", "/dev/zero", *args)
    assert result.returncode == 2, result.stderr
    assert "/dev/zero: fichier trop volumineux (plus de 1048576 octets), refusé" in result.stderr
    assert not (tmp_path / "e.json").exists()


def test_answers_from_a_pipe_are_read(tmp_path: Path) -> None:
    qid = question_ids()[0]
    fd = _feed(f"audience: gouvernance\nanswers:\n  {qid}: {{notes: Par un tube.}}\n".encode())
    result = run(tmp_path, "interview", "--answers", f"/dev/fd/{fd}", "--out", "e.json", pass_fds=(fd,))
    os.close(fd)
    assert result.returncode == 0, result.stderr
    assert "Par un tube." in (tmp_path / "e.json").read_text(encoding="utf-8")


def test_answers_from_an_endless_pipe_are_refused_at_the_cap(tmp_path: Path) -> None:
    fd = _feed(b"# " + b"y" * 4094 + b"\n", endless=True)
    result = run(tmp_path, "interview", "--answers", f"/dev/fd/{fd}", "--out", "e.json", pass_fds=(fd,))
    os.close(fd)
    assert result.returncode == 2
    assert "fichier trop volumineux (plus de 1048576 octets)" in result.stderr


# --- visit folders -------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["export", "--format", "md"], ["status"]])
def test_a_fifo_in_a_visit_folder_is_skipped_and_said(tmp_path: Path, command: list[str]) -> None:
    write(tmp_path / "visite" / "e.json", {"first": "Notes."})
    os.mkfifo(tmp_path / "visite" / "tube.json")
    (tmp_path / "visite" / "zero.json").symlink_to("/dev/zero")
    result = run(tmp_path, *command, "visite")
    assert result.returncode == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert "2 élément(s) ignoré(s), qui ne sont pas des fichiers ordinaires" in said
    assert "visite/tube.json" in said and "visite/zero.json" in said


def test_check_reports_a_device_in_a_visit_folder_without_reading_it(tmp_path: Path) -> None:
    write(tmp_path / "visite" / "e.json", {"first": "Notes."})
    (tmp_path / "visite" / "zero.json").symlink_to("/dev/zero")
    result = run(tmp_path, "check", "visite")
    assert result.returncode == 1
    assert "visite/zero.json — ce n'est pas un fichier ordinaire" in result.stdout


def test_an_interview_named_as_a_pipe_is_read(tmp_path: Path) -> None:
    source = write(tmp_path / "source.json", {"first": "Lu par un tube."})
    fd = _feed(source.read_bytes())
    result = run(tmp_path, "export", f"/dev/fd/{fd}", "--format", "md", pass_fds=(fd,))
    os.close(fd)
    assert result.returncode == 0, result.stderr
    assert "Lu par un tube." in result.stdout


def test_an_interview_named_as_dev_zero_is_refused_at_the_cap(cli: Invoke) -> None:
    result = cli("export", "/dev/zero", "--format", "md")
    assert result.exit_code == 2
    assert "/dev/zero: fichier trop volumineux (plus de 16777216 octets)" in result.stderr


def test_resume_refuses_a_pipe(cli: Invoke, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "tube.json")
    (tmp_path / "r.yaml").write_text("answers: {}\n", encoding="utf-8")
    result = cli("interview", "--answers", "r.yaml", "--resume", "tube.json")
    assert result.exit_code == 2
    assert "ce n'est pas un fichier ordinaire" in result.stderr


# --- the guide cache -----------------------------------------------------------------------


def _entry(tmp_path: Path) -> Path:
    entry = cache._entry(BUNDLED / "risques-numeriques")
    assert entry is not None
    entry.parent.mkdir(parents=True, mode=0o700)
    entry.parent.parent.chmod(0o700)
    return entry


def test_a_fifo_cache_entry_is_a_miss_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(_entry(tmp_path), 0o600)
    result = run(tmp_path, "guides")
    assert result.returncode == 0, result.stderr
    assert "risques-numeriques" in result.stdout


def test_a_sparse_3_gb_cache_entry_is_a_miss_not_a_memory_error(tmp_path: Path) -> None:
    entry = _entry(tmp_path)
    with entry.open("wb") as handle:
        handle.truncate(3 * 1024**3)
    entry.chmod(0o600)
    result = run(tmp_path, "guides")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


# --- one writer ----------------------------------------------------------------------------


def test_every_writer_works_without_os_fchmod(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows before Python 3.13 has no `os.fchmod`: the files are private all the same."""
    monkeypatch.delattr(os, "fchmod")
    path = write(tmp_path / "e.json", {"first": "Notes."})  # create, then save
    assert path.stat().st_mode & 0o777 == 0o600
    result = cli("export", path, "--format", "md", "-o", tmp_path / "r.md")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o600


def test_a_fiche_named_as_a_fifo_nobody_writes_to_is_not_waited_for(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fiche.txt")
    result = run(tmp_path, "import", "fiche.txt", timeout=30)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr


def test_a_fiche_from_dev_zero_is_refused_at_the_cap(tmp_path: Path) -> None:
    result = run(tmp_path, "import", "/dev/zero", timeout=30)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
