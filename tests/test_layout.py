"""The package layout keeps its promises: what each package may import, one module per
outside seam, and no import cycle (function-level imports included)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "visitguide"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(path: Path) -> set[str]:
    """Every module `path` imports, at any level, TYPE_CHECKING blocks included."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES}
    return found


GRAPH = {name: {i for i in imports(path) if i in MODULES and i != name} for name, path in MODULES.items()}

# package -> the visitguide packages it must never import
FORBIDDEN = {
    "visitguide.bank": ("visitguide.interview", "visitguide.report", "visitguide.outline", "visitguide.cli"),
    "visitguide.interview": ("visitguide.report", "visitguide.outline", "visitguide.cli"),
    "visitguide.outline": ("visitguide.interview", "visitguide.report", "visitguide.cli"),
    "visitguide.report": ("visitguide.outline", "visitguide.cli"),
}
FLAT_HELPERS = ("errors", "text", "files", "paths", "dates", "identifiers", "collector", "templating")


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_only_what_its_init_allows(package: str) -> None:
    wrong = {
        (name, target)
        for name, targets in GRAPH.items()
        if name == package or name.startswith(package + ".")
        for target in targets
        if target.startswith(FORBIDDEN[package])
    }
    assert wrong == set()


def test_the_report_reads_the_interview_format_not_the_live_interview() -> None:
    allowed = {"visitguide.interview", "visitguide.interview.file"}
    wrong = {
        (name, target)
        for name, targets in GRAPH.items()
        if name.startswith("visitguide.report")
        for target in targets
        if target.startswith("visitguide.interview") and target not in allowed
    }
    assert wrong == set()


def test_flat_helpers_and_file_formats_never_import_the_terminal() -> None:
    """Loaders and formats use `text` for cleaning; `console` (rich) is for what is shown."""
    quiet = [f"visitguide.{m}" for m in FLAT_HELPERS] + [
        "visitguide.interview.file",
        "visitguide.bank.yamlsafe",
        "visitguide.bank.loader",
        "visitguide.bank.models",
        "visitguide.bank.guide",
    ]
    for name in quiet:
        if name in MODULES:
            assert "visitguide.console" not in GRAPH[name], name
            assert not {i for i in imports(MODULES[name]) if i.split(".")[0] == "rich"}, name


@pytest.mark.parametrize(
    ("library", "owner"),
    [
        ("questionary", "visitguide.interview.widgets"),
        ("prompt_toolkit", "visitguide.interview.widgets"),
        ("typer", "visitguide.cli"),
    ],
)
def test_one_seam_per_outside_library(library: str, owner: str) -> None:
    users = {
        name
        for name, path in MODULES.items()
        if any(i == library or i.startswith(library + ".") for i in imports(path))
    }
    assert users and all(u == owner or u.startswith(owner + ".") for u in users), users


def test_no_import_cycle() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert cycles == []


def test_at_most_a_dozen_modules_flat_and_every_package_says_what_it_holds() -> None:
    flat = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(flat) <= 12, flat
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and len(doc) > 80, init


def test_the_garbage_collector_is_switched_in_one_place() -> None:
    import gc

    from visitguide import collector

    users = {name for name, path in MODULES.items() if "gc." in path.read_text(encoding="utf-8")}
    assert users == {"visitguide.collector"}
    was = gc.isenabled()
    try:
        gc.enable()
        with collector.paused():
            assert not gc.isenabled()
        assert gc.isenabled()
        collector.pause()
        assert not gc.isenabled()
        collector.resume()
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_tests_share_helpers_through_one_module_never_each_other() -> None:
    tests = Path(__file__).resolve().parent
    wrong = []
    for path in tests.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [module or ""]
            for name in names:
                leaf = name.rsplit(".", 1)[-1]
                if leaf.startswith("test_") or leaf == "conftest":
                    wrong.append((path.name, name))
    assert wrong == []
