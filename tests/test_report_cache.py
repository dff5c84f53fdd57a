"""Compiled templates (reports, paper guides) kept in the cache folder: never stale, never in the way."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jinja2 import DictLoader, Environment
from jinja2.bccache import bc_magic

from tests.helpers import Invoke, content_visit
from visitguide import templating


@pytest.fixture(autouse=True)
def fresh_environments() -> Iterator[None]:
    """Each test builds its environments (and so reads the cache) anew."""
    templating.environment.cache_clear()
    yield
    templating.environment.cache_clear()


def cache_folder() -> Path:
    """Compiled templates of this program and jinja2 version (both decide the compiled code)."""
    import jinja2

    from visitguide import __version__

    templates = Path(os.environ["XDG_CACHE_HOME"]) / "visitguide" / "templates"
    return templates / f"{__version__}-jinja2-{jinja2.__version__}"


def test_exports_keep_compiled_templates_and_give_the_same_report(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    first = cli("export", visit, "--format", "html").stdout
    entries = list(cache_folder().iterdir())
    assert entries and (cache_folder().stat().st_mode & 0o777) == 0o700
    templating.environment.cache_clear()
    assert cli("export", visit, "--format", "html").stdout == first


def test_a_second_export_loads_the_compiled_templates_instead_of_compiling(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = content_visit(tmp_path / "visite")
    compiled: list[str | None] = []
    real_compile = Environment.compile

    def counting_compile(
        self: Environment, source: Any, name: str | None = None, *args: Any, **kw: Any
    ) -> Any:
        compiled.append(name)
        return real_compile(self, source, name, *args, **kw)

    monkeypatch.setattr(Environment, "compile", counting_compile)
    first = cli("export", visit, "--format", "html").stdout
    assert "report.html.j2" in compiled  # compiled once, and an entry written for it
    assert list(cache_folder().iterdir())
    compiled.clear()
    templating.environment.cache_clear()
    assert cli("export", visit, "--format", "html").stdout == first
    assert compiled == []  # every template came from the cache


def test_the_paper_guide_uses_the_same_cache(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled: list[str | None] = []
    real_compile = Environment.compile

    def counting_compile(
        self: Environment, source: Any, name: str | None = None, *args: Any, **kw: Any
    ) -> Any:
        compiled.append(name)
        return real_compile(self, source, name, *args, **kw)

    monkeypatch.setattr(Environment, "compile", counting_compile)
    first = cli("export", "--blank", "--format", "md").stdout
    assert compiled == ["paper.md.j2"]
    compiled.clear()
    templating.environment.cache_clear()
    assert cli("export", "--blank", "--format", "md").stdout == first
    assert compiled == []


def test_the_cache_folder_is_used_where_the_system_has_no_user_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("getuid", "geteuid"):  # as on Windows
        monkeypatch.delattr(os, name, raising=False)
    assert templating.bytecode_cache() is not None


def test_an_edited_template_is_compiled_again() -> None:
    cache = templating.bytecode_cache()
    assert cache is not None
    old = Environment(loader=DictLoader({"t.j2": "avant {{ x }}"}), bytecode_cache=cache)
    assert old.get_template("t.j2").render(x=1) == "avant 1"
    new = Environment(
        loader=DictLoader({"t.j2": "après {{ x }}"}), bytecode_cache=templating.bytecode_cache()
    )
    assert new.get_template("t.j2").render(x=1) == "après 1"


def test_a_damaged_cache_entry_is_a_miss(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    first = cli("export", visit, "--format", "md").stdout
    for entry in cache_folder().iterdir():  # right header, then bytes that do not unpickle
        entry.write_bytes(bc_magic + b"\x80\x05garbage")
    templating.environment.cache_clear()
    result = cli("export", visit, "--format", "md")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == first


def test_no_usable_cache_folder_only_means_compiling(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "fichier"
    not_a_folder.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(not_a_folder))
    assert templating.bytecode_cache() is None
    result = cli("export", content_visit(tmp_path / "visite"), "--format", "html")
    assert result.exit_code == 0, result.stderr


def test_a_folder_others_can_write_to_is_not_used() -> None:
    folder = cache_folder()
    folder.mkdir(parents=True)
    folder.chmod(0o777)
    assert templating.bytecode_cache() is None


# --- issue 11, points 7 and 12: the template cache follows the guide cache's rules ---------


def test_a_missing_home_is_not_created_for_compiled_templates(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    visit = content_visit(tmp_path / "visite")
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "nonexistent"))
    assert cli("export", visit, "--format", "html").exit_code == 0
    assert not (tmp_path / "nonexistent").exists()


def test_a_fifo_among_compiled_templates_is_a_miss_not_a_hang(cli: Invoke, tmp_path: Path) -> None:
    visit = content_visit(tmp_path / "visite")
    first = cli("export", visit, "--format", "html").stdout
    entries = sorted(cache_folder().iterdir())
    for entry in entries:
        entry.unlink()
        os.mkfifo(entry, 0o600)
    templating.environment.cache_clear()
    again = cli("export", visit, "--format", "html")
    assert again.exit_code == 0 and again.stdout == first


def test_a_linked_template_folder_is_not_followed(cli: Invoke, tmp_path: Path) -> None:
    elsewhere = tmp_path / "ailleurs"
    elsewhere.mkdir(mode=0o700)
    cache_folder().parent.mkdir(parents=True, mode=0o700)
    cache_folder().symlink_to(elsewhere)
    assert cli("export", content_visit(tmp_path / "visite"), "--format", "html").exit_code == 0
    assert list(elsewhere.iterdir()) == []
