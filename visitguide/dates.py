"""Interview dates: always written AAAA-MM-JJ, whatever Python's ISO parser would accept."""

from __future__ import annotations

import re
from datetime import date

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_FRENCH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


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


def typed_day(text: str) -> str | None:
    """A day as people type it at a prompt or on the command line, written AAAA-MM-JJ: either
    `2026-12-01` or the French `01/12/2026` (`1/12/2026`); None when it is neither or no such
    day exists. Files keep the one written form."""
    value = text.strip()
    french = _FRENCH_DAY.fullmatch(value)
    if french:
        day, month, year = (int(g) for g in french.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    parsed = parse_day(value)
    return parsed.isoformat() if parsed else None
