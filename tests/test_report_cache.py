"""Compiled report templates kept in the cache folder: never stale, never in the way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment
from jinja2.bccache import bc_magic

from tests.conftest import Invoke
from tests.test_report_visits import content_visit
from visitguide.report import text


@pytest.fixture(autouse=True)
def fresh_environments() -> Iterator[None]:
    """Each test builds its environments (and so reads the cache) anew."""
    text.environment.cache_clear()
    yield
    text.environment.cache_clear()


def cache_folder() -> Path:
    return Path(os.environ["XDG_CACHE_HOME"]) / "visitguide" / "templates"


def test_exports_keep_compiled_templates_and_give_the_same_report(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    first = cli("export", visit, "--format", "html").stdout
    entries = list(cache_folder().iterdir())
    assert entries and (cache_folder().stat().st_mode & 0o777) == 0o700
    text.environment.cache_clear()
    assert cli("export", visit, "--format", "html").stdout == first


def test_an_edited_template_is_compiled_again() -> None:
    cache = text.bytecode_cache()
    assert cache is not None
    old = Environment(loader=DictLoader({"t.j2": "avant {{ x }}"}), bytecode_cache=cache)
    assert old.get_template("t.j2").render(x=1) == "avant 1"
    new = Environment(loader=DictLoader({"t.j2": "après {{ x }}"}), bytecode_cache=text.bytecode_cache())
    assert new.get_template("t.j2").render(x=1) == "après 1"


def test_a_damaged_cache_entry_is_a_miss(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    first = cli("export", visit, "--format", "md").stdout
    for entry in cache_folder().iterdir():  # right header, then bytes that do not unpickle
        entry.write_bytes(bc_magic + b"\x80\x05garbage")
    text.environment.cache_clear()
    result = cli("export", visit, "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == first


def test_no_usable_cache_folder_only_means_compiling(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert text.bytecode_cache() is None
    result = cli("export", content_visit(tmp_path / "visite"), "--format", "html")
    assert result.exit_code == 0, result.stderr


def test_a_folder_others_can_write_to_is_not_used() -> None:
    folder = cache_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert text.bytecode_cache() is None
