"""Searching French text: without case or accents ("emargement" finds "émargement")."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """`text` without case or accents, for searching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(query: str, *texts: str | None) -> bool:
    """Every word of `query` appears in one of `texts`, ignoring case and accents."""
    haystack = fold(" ".join(t for t in texts if t))
    return all(word in haystack for word in fold(query).split())
