"""Detection of personal identifiers in free text: NIR/INS, e-mail, French phone, RPPS.

Used while typing notes (warn at once), by `visitguide check`, and by `export --redact`.
A 15-character number is a NIR only when its key is valid (97 - N mod 97, with Corsica's
2A -> 19 and 2B -> 18), so that ordinary long numbers are not flagged.

Numbers are only taken whole: a digit, or a digit followed by a dot or comma, just before or
just after a candidate means it is part of something longer (a version string, a decimal, a
list of codes), and it is not reported. Every pattern is linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

KINDS = ("nir", "email", "phone", "rpps")

# Separators people put inside numbers: space, dot, hyphen, no-break and narrow no-break spaces.
_SEP = "[ .\u00a0\u202f-]?"
# Not glued to a longer number on either side ("1.0123456789", "0123456789.5").
_NUMBER_START = r"(?<![0-9])(?<![0-9][.,\-])"
_NUMBER_END = r"(?![0-9])(?![.,\-][0-9])"

_NIR = re.compile(
    rf"(?<![A-Za-z]){_NUMBER_START}"
    rf"([12378]){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}"
    rf"(2[AaBb]|[0-9]{{2}}){_SEP}([0-9]{{3}}){_SEP}([0-9]{{3}}){_SEP}([0-9]{{2}})"
    rf"{_NUMBER_END}(?![A-Za-z])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(
    rf"(?<!\+){_NUMBER_START}"
    rf"(?:(?:\+|00)33{_SEP}(?:\(0\){_SEP}|0)?[1-9]|0[1-9])"
    rf"(?:{_SEP}[0-9]{{2}}){{4}}{_NUMBER_END}"
)
_RPPS = re.compile(rf"{_NUMBER_START}10[0-9]{{9}}{_NUMBER_END}")

_MASK = "•"


@dataclass(frozen=True)
class Found:
    """One identifier found in a text: its kind and where it is."""

    kind: str  # one of KINDS
    start: int
    end: int
    text: str

    @property
    def masked(self) -> str:
        """The identifier with all but its first two characters hidden."""
        return mask(self.text)


def mask(text: str) -> str:
    """`text` with every letter and digit after the first two hidden; separators stay.

    "2 95 10 99 126 111 93" gives "2 •• •• •• ••• ••• ••": enough to find it in the notes,
    never enough to read it.
    """
    head, tail = text[:2], text[2:]
    hidden = "".join(_MASK if c.isalnum() else c for c in tail)
    return head + (hidden or _MASK)


def nir_key_valid(digits13: str, key: str) -> bool:
    """Whether `key` is the NIR key of the 13 characters `digits13` (2A/2B allowed)."""
    upper = digits13.upper()
    if len(upper) != 13 or len(key) != 2:
        return False
    corsica = {"2A": "19", "2B": "18"}.get(upper[5:7])
    number_text = upper[:5] + corsica + upper[7:] if corsica else upper
    if not (number_text.isascii() and number_text.isdigit() and key.isascii() and key.isdigit()):
        return False
    return 97 - int(number_text) % 97 == int(key)


def _nirs(text: str) -> list[Found]:
    found = []
    for m in _NIR.finditer(text):
        digits = "".join(m.groups())
        if nir_key_valid(digits[:13], digits[13:]):
            found.append(Found("nir", m.start(), m.end(), m.group()))
    return found


def find(text: str) -> list[Found]:
    """Every identifier in `text`, in order, without overlaps (NIR first, then e-mail...)."""
    found = _nirs(text)
    for kind, pattern in (("email", _EMAIL), ("phone", _PHONE), ("rpps", _RPPS)):
        found.sort(key=lambda f: f.start)
        starts = [f.start for f in found]
        for m in pattern.finditer(text):
            if not _overlaps(found, starts, m.start(), m.end()):
                found.append(Found(kind, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def _overlaps(found: list[Found], starts: list[int], start: int, end: int) -> bool:
    """Whether [start, end) meets one of `found` (sorted, disjoint, `starts` their starts)."""
    i = bisect.bisect_left(starts, end)  # found[:i] start before `end`
    return i > 0 and found[i - 1].end > start


def masked_id(text: str) -> str:
    """An id, key or location as shown in a message: any identifier in it masked.

    Ids come from files a person may have edited by hand: an answers key can be an e-mail
    address, and error messages and `check` findings name keys.
    """
    pieces, last = [], 0
    for found in find(text):
        pieces += [text[last : found.start], found.masked]
        last = found.end
    return "".join([*pieces, text[last:]])


def label(kind: str) -> str:
    """The name of an identifier kind in the interface language ("NIR/INS", "courriel"...)."""
    from visitguide.messages import t

    return t(f"check.kind.{kind}")


def redact(text: str) -> str:
    """`text` with every identifier replaced by a placeholder naming its kind ("[NIR/INS masqué]")."""
    from visitguide.messages import t

    pieces = []
    last = 0
    for f in find(text):
        pieces.append(text[last : f.start])
        pieces.append(t(f"check.redacted.{f.kind}"))
        last = f.end
    pieces.append(text[last:])
    return "".join(pieces)
