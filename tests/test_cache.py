"""The guide cache: never stale, never in the way, never holding a broken bank, private.

Each test has its own `XDG_CACHE_HOME` (conftest), so the cache starts empty.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from tests.bankfactory import write_guide
from tests.helpers import BUNDLED, Invoke
from visitguide.bank import cache
from visitguide.bank import loader as bank

BROKEN = "audience: gouvernance\nquestions:\n  - id: q\n    criteria: ['9.9-99']\n    text: Quoi ?\n"


def cache_root() -> Path:
    root = cache.folder()
    assert root is not None
    return root


def entries() -> list[Path]:
    folder = cache_root() / "guides"
    return sorted(folder.glob("*.bin")) if folder.is_dir() else []


def texts(cli: Invoke, bank_folder: Path) -> list[str]:
    result = cli("questions", "--format", "json", "--guide", "essai", "--bank", bank_folder)
    assert result.exit_code == 0, result.stderr
    return [row["text"] for row in json.loads(result.stdout)]


def test_cache_is_under_xdg_cache_home(tmp_path: Path) -> None:
    assert cache_root() == tmp_path / ".cache" / "visitguide"


def test_a_relative_xdg_cache_home_is_ignored(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache.folder() == tmp_path / "home" / ".cache" / "visitguide"


def test_a_clean_guide_is_stored_then_read_from_the_cache(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    first = texts(cli, tmp_path / "bank")
    assert len(entries()) == 1
    assert texts(cli, tmp_path / "bank") == first


def test_the_cached_guide_equals_the_parsed_one(tmp_path: Path) -> None:
    for folder in (BUNDLED / "risques-numeriques", write_guide(tmp_path / "bank")):
        source = bank.GuideSource(folder.name, folder, folder.parent, False)
        parsed = bank.load_guide(source)
        assert cache.load_guide(folder, parsed.digest) is not None
        cached = bank.load_guide(source)
        assert cached.meta == parsed.meta
        assert cached.questions == parsed.questions
        assert cached.digest == parsed.digest


def test_an_edit_is_seen_at_once_even_with_the_same_size_and_time(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    path = tmp_path / "bank" / "essai" / "gouvernance.yaml"
    before = path.stat()
    assert "Première question ?" in texts(cli, tmp_path / "bank")
    edited = path.read_text(encoding="utf-8").replace("Première question ?", "Premierre question ?")
    assert len(edited.encode()) == before.st_size
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same time
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    assert "Premierre question ?" in texts(cli, tmp_path / "bank")


def test_an_added_or_renamed_file_is_seen(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank")
    (tmp_path / "bank" / "essai" / "terrain.yaml").rename(tmp_path / "bank" / "essai" / "autre.yaml")
    result = cli("questions", "--format", "json", "--guide", "essai", "--bank", tmp_path / "bank")
    assert result.exit_code == 2
    assert "terrain.yaml" in result.stderr


def test_a_broken_bank_is_never_cached_and_always_reported(cli: Invoke, tmp_path: Path) -> None:
    broken = BROKEN
    write_guide(tmp_path / "bank", gouvernance=broken)
    for _ in range(2):
        result = cli("questions", "--format", "json", "--bank", tmp_path / "bank")
        assert result.exit_code == 2
        assert "gouvernance.yaml:4" in result.stderr
        assert entries() == []
    write_guide(tmp_path / "bank")  # repaired: now it is kept
    assert texts(cli, tmp_path / "bank")
    assert len(entries()) == 1
    write_guide(tmp_path / "bank", gouvernance=broken)  # broken again: the entry does not hide it
    result = cli("questions", "--format", "json", "--bank", tmp_path / "bank")
    assert result.exit_code == 2
    assert "gouvernance.yaml:4" in result.stderr


def test_validate_checks_the_files_even_when_an_entry_matches(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank")
    guide = bank.load_guide(bank.GuideSource("essai", folder, folder.parent, False))
    clean = cache.load(folder, guide.digest)
    assert clean is not None
    write_guide(tmp_path / "bank", gouvernance=BROKEN)
    # A faulty cache that answers the clean data for any bytes: commands that read guides
    # would take it, validate never asks.
    monkeypatch.setattr(cache, "load", lambda guide_folder, digest: clean)
    assert texts(cli, tmp_path / "bank")
    result = cli("validate", folder)
    assert result.exit_code == 1
    assert "gouvernance.yaml:4" in result.stdout


def test_cache_files_are_private(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    texts(cli, tmp_path / "bank")
    for folder in (cache_root(), cache_root() / "guides"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (entry,) = entries()
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    assert not list((cache_root() / "guides").glob(".tmp-*"))


def test_an_open_cache_folder_is_closed_again(cli: Invoke, tmp_path: Path) -> None:
    (cache_root() / "guides").mkdir(parents=True, mode=0o777)
    cache_root().chmod(0o777)
    (cache_root() / "guides").chmod(0o777)
    write_guide(tmp_path / "bank")
    texts(cli, tmp_path / "bank")
    assert stat.S_IMODE(cache_root().stat().st_mode) == 0o700
    assert stat.S_IMODE((cache_root() / "guides").stat().st_mode) == 0o700


def test_a_read_only_cache_folder_is_no_problem(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    (cache_root() / "guides").mkdir(parents=True)
    (cache_root() / "guides").chmod(0o500)
    cache_root().chmod(0o500)
    try:
        assert texts(cli, tmp_path / "bank") == texts(cli, tmp_path / "bank")
    finally:
        cache_root().chmod(0o700)
        (cache_root() / "guides").chmod(0o700)


def test_an_unwritable_cache_is_silently_skipped(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cache.files.tempfile, "mkstemp", refuse)
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank") == texts(cli, tmp_path / "bank")
    assert entries() == []
    result = cli("validate", tmp_path / "bank")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_a_cache_path_that_cannot_be_a_folder_is_skipped(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "not-a-folder").write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "not-a-folder"))
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank") == texts(cli, tmp_path / "bank")
    assert (tmp_path / "not-a-folder").read_text() == "x"


def test_no_home_at_all_means_no_cache(cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: (_ for _ in ()).throw(RuntimeError("no home"))))
    assert cache.folder() is None
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank")


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_a_miss_and_is_replaced(cli: Invoke, tmp_path: Path, damage: str) -> None:
    write_guide(tmp_path / "bank")
    expected = texts(cli, tmp_path / "bank")
    (entry,) = entries()
    blob = entry.read_bytes()
    damaged = {
        "truncate": blob[: len(blob) - 10],
        "flip": blob[:-5] + bytes([blob[-5] ^ 0x01]) + blob[-4:],
        "empty": b"",
        "garbage": b"\x00" * len(blob),
    }[damage]
    entry.write_bytes(damaged)
    assert texts(cli, tmp_path / "bank") == expected
    assert entry.read_bytes() == blob


def test_an_entry_others_can_write_is_ignored(cli: Invoke, tmp_path: Path) -> None:
    write_guide(tmp_path / "bank")
    folder = tmp_path / "bank" / "essai"
    guide = bank.load_guide(bank.GuideSource("essai", folder, folder.parent, False))
    (entry,) = entries()
    entry.chmod(0o666)
    assert cache.load(folder, guide.digest) is None
    assert texts(cli, tmp_path / "bank")[0] == "Première question ?"


def test_the_key_changes_with_the_program_version(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    before = cache.key(tmp_path, "sha256:x")
    monkeypatch.setattr(cache, "__version__", "99.0")
    assert cache.key(tmp_path, "sha256:x") != before
    assert cache.key(tmp_path / "other", "sha256:x") != cache.key(tmp_path, "sha256:x")


def test_leftovers_of_a_killed_writer_are_swept_once_old(cli: Invoke, tmp_path: Path) -> None:
    guides = cache_root() / "guides"
    guides.mkdir(parents=True)
    old, recent = guides / ".tmp-old", guides / ".tmp-recent"
    old.write_bytes(b"half")
    recent.write_bytes(b"being written")
    os.utime(old, (0, 0))
    write_guide(tmp_path / "bank")
    texts(cli, tmp_path / "bank")
    assert not old.exists()
    assert recent.exists()


def test_without_owners_and_modes_entries_are_still_used(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_guide(tmp_path / "bank")
    expected = texts(cli, tmp_path / "bank")
    monkeypatch.delattr(os, "getuid")  # as on Windows
    folder = tmp_path / "bank" / "essai"
    guide = bank.load_guide(bank.GuideSource("essai", folder, folder.parent, False))
    assert cache.load(folder, guide.digest) is not None
    assert texts(cli, tmp_path / "bank") == expected


def test_a_forged_entry_of_the_wrong_types_is_a_miss(tmp_path: Path) -> None:
    """Even with a valid checksum, data the guide cannot hold is parsed again, not shown."""
    from visitguide.bank import cache
    from visitguide.bank import loader as bank

    source = bank.discover([])["risques-numeriques"]
    first = bank.load_guide(source)
    raw = cache.load_guide(source.folder, first.digest)
    assert raw is not None
    raw["guide"]["title"] = 123
    raw["audiences"]["technique"]["questions"][0]["criteria"] = "3.6-06"
    cache.store(source.folder, first.digest, raw)
    again = bank.load_guide(source)
    assert again.meta.title == first.meta.title
    assert again.questions_for("technique")[0].criteria == ["3.6-06"]


@pytest.mark.parametrize("rule_module", ["loader.py", "models.py", "yamlsafe.py", "guide.py", "problems.py"])
def test_an_edited_rule_module_of_the_bank_package_changes_the_key(tmp_path: Path, rule_module: str) -> None:
    """The key fingerprints every module of the bank package, wherever the package now lives."""
    source = Path(cache.__file__).parent / rule_module
    assert source.exists(), "the bank package moved: the fingerprint must follow"
    before = cache.key(tmp_path, "sha256:x")
    stat = source.stat()
    try:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # as an edit would
        assert cache.key(tmp_path, "sha256:x") != before
    finally:
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.key(tmp_path, "sha256:x") == before


# --- issue 11, point 12: a made-up home is not created, a linked folder is not followed ----


def test_a_missing_home_is_not_created_for_the_cache(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "nonexistent"))
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank") == texts(cli, tmp_path / "bank")
    assert not (tmp_path / "nonexistent").exists()


@pytest.mark.parametrize("linked", ["guides", "visitguide"])
def test_a_cache_folder_that_is_a_symbolic_link_is_not_followed(
    cli: Invoke, tmp_path: Path, linked: str
) -> None:
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir(mode=0o700)
    link = cache_root() if linked == "visitguide" else cache_root() / "guides"
    link.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    link.symlink_to(elsewhere)
    old = elsewhere / ".tmp-old"  # what a sweep through the link would remove
    old.write_bytes(b"not ours")
    os.utime(old, (0, 0))
    write_guide(tmp_path / "bank")
    assert texts(cli, tmp_path / "bank") == texts(cli, tmp_path / "bank")
    assert sorted(p.name for p in elsewhere.rglob("*")) == [".tmp-old"]
    assert link.is_symlink()
