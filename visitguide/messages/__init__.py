"""The message catalog: every word the program shows, in French and English.

Messages live in one module per package (`bank`, `interview`, `outline`, `report`, `cli`, and
`core` for what they share), each holding a `MESSAGES` dict of `key -> (french, english)`. `t()` looks a key up in the language chosen
by `VISITGUIDE_LANG` (French unless it starts with "en") and formats it.
"""

from __future__ import annotations

import importlib
import os

DOMAINS = ("core", "cli", "bank", "interview", "outline", "report", "fiche")

_catalog: dict[str, tuple[str, str]] | None = None


def language() -> str:
    """The interface language: "fr" (default) or "en"."""
    return "en" if os.environ.get("VISITGUIDE_LANG", "").lower().startswith("en") else "fr"


def catalog() -> dict[str, tuple[str, str]]:
    """Every message of every domain, loaded once."""
    global _catalog
    if _catalog is None:
        merged: dict[str, tuple[str, str]] = {}
        for domain in DOMAINS:
            module = importlib.import_module(f"visitguide.messages.{domain}")
            for key, pair in module.MESSAGES.items():
                if key in merged:
                    raise RuntimeError(f"duplicate message key {key!r} in {domain}")
                merged[key] = pair
        _catalog = merged
    return _catalog


_found: dict[str, tuple[str, str]] = {}
_unread = list(DOMAINS)


def _pair(key: str) -> tuple[str, str]:
    """The messages of `key`, reading domains in order only until it is found.

    `visitguide --version` or `--help` then reads two domains, not all of them. Duplicate
    keys are caught by `catalog()` (and its test).
    """
    while key not in _found and _unread:
        module = importlib.import_module(f"visitguide.messages.{_unread.pop(0)}")
        for other, pair in module.MESSAGES.items():
            _found.setdefault(other, pair)
    return _found[key]


def t(key: str, /, **values: object) -> str:
    """The message `key` in the interface language, formatted with `values`."""
    french, english = _pair(key)
    text = english if language() == "en" else french
    return text.format(**values) if values else text
