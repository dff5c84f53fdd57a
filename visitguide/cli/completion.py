"""What the shell offers after an option: the guide, audience and criterion ids of the banks
found, and interview files for `--resume`.

These run only when the shell asks (`visitguide --install-completion` set it up): an ordinary
start never calls them, and they import what they need when they do. A bank that cannot be
read offers nothing rather than an error in the middle of a command line being typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from visitguide.errors import VisitguideError


def _starting(incomplete: str, values: Iterable[str]) -> list[str]:
    from visitguide.text import fold

    typed = fold(incomplete)
    return [v for v in values if fold(v).startswith(typed)]


def _banks(ctx: Any) -> list[Path]:
    return [Path(b) for b in (ctx.params.get("bank") or [])]


def _guides(ctx: Any) -> list[Any]:
    from visitguide.bank import loader, typed

    banks = _banks(ctx)
    named = ctx.params.get("guide")
    if named:
        return [loader.resolve(typed.guide_id(named, banks), banks)]
    sources = loader.discover(banks)
    return [loader.load_guide(sources[gid]) for gid in sorted(sources)]


def guides(ctx: Any, incomplete: str) -> list[str]:
    from visitguide.bank import loader

    try:
        return _starting(incomplete, sorted(loader.discover(_banks(ctx))))
    except (VisitguideError, OSError):
        return []


def audiences(ctx: Any, incomplete: str) -> list[str]:
    try:
        ids = dict.fromkeys(a.id for g in _guides(ctx) for a in g.audiences)
    except (VisitguideError, OSError):
        return []
    return _starting(incomplete, ids)


def criteria(ctx: Any, incomplete: str) -> list[str]:
    try:
        codes = sorted({c.id for g in _guides(ctx) for c in g.meta.criteria})
    except (VisitguideError, OSError):
        return []
    return _starting(incomplete, codes)


def interview_files(incomplete: str) -> list[str]:
    """Interview files (`*.json`) in the folder being typed, the current one and `entretiens/`."""
    typed = Path(incomplete) if incomplete else Path()
    folder = typed if incomplete.endswith("/") or (typed.is_dir() and incomplete) else typed.parent
    folders = [folder] if incomplete else [Path(), Path("entretiens")]
    found: list[str] = []
    for place in folders:
        try:
            entries = sorted(place.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") and not Path(incomplete).name.startswith("."):
                continue
            shown = str(entry) + ("/" if entry.is_dir() else "")
            if shown.startswith(incomplete) and (entry.is_dir() or entry.suffix == ".json"):
                found.append(shown)
    return found
