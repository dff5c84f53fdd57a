"""Interview dates: always written AAAA-MM-JJ, whatever Python's ISO parser would accept."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date | None:
    """The day written `AAAA-MM-JJ` in `text` (spaces around allowed), or None.

    `date.fromisoformat` alone also takes `20261129` or `2026-W48-1`, which would then be
    stored raw and used in file names.
    """
    value = text.strip()
    if not _DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def today() -> str:
    return date.today().isoformat()
