"""Detection of personal identifiers in free text: NIR/INS, e-mail, French phone, RPPS.

Used while typing notes (warn at once), by `visitguide check`, and by `export --redact`.
A 15-character number is a NIR only when its key is valid (97 - N mod 97, with Corsica's
2A -> 19 and 2B -> 18), so that ordinary long numbers are not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEP = r"[ .\u00a0-]?"
_NIR = re.compile(
    r"(?<![0-9A-Za-z])"
    rf"([12378]){_SEP}([0-9]{{2}}){_SEP}([0-9]{{2}}){_SEP}"
    rf"(2[AaBb]|[0-9]{{2}}){_SEP}([0-9]{{3}}){_SEP}([0-9]{{3}}){_SEP}([0-9]{{2}})"
    r"(?![0-9A-Za-z])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(
    r"(?<![0-9+])(?:(?:\+|00)33[ .\u00a0-]?\(?0?\)?[ .\u00a0-]?[1-9]|0[1-9])"
    r"(?:[ .\u00a0-]?[0-9]{2}){4}(?![0-9])"
)
_RPPS = re.compile(r"(?<![0-9])10[0-9]{9}(?![0-9])")


@dataclass(frozen=True)
class Found:
    """One identifier found in a text: its kind and where it is."""

    kind: str  # "nir", "email", "phone", "rpps"
    start: int
    end: int
    text: str

    @property
    def masked(self) -> str:
        """The identifier with all but its first two characters hidden."""
        return mask(self.text)


def mask(text: str) -> str:
    visible = text[:2]
    return visible + "•" * max(len(text) - 2, 1)


def nir_key_valid(digits13: str, key: str) -> bool:
    """Whether `key` is the NIR key of the 13 characters `digits13` (2A/2B allowed)."""
    upper = digits13.upper()
    number_text = upper.replace("2A", "19", 1) if upper[5:7] == "2A" else upper
    number_text = number_text.replace("2B", "18", 1) if upper[5:7] == "2B" else number_text
    if not number_text.isdigit() or not key.isdigit():
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
    """Every identifier in `text`, in order, without overlaps (NIR first)."""
    found = _nirs(text)
    for kind, pattern in (("email", _EMAIL), ("phone", _PHONE), ("rpps", _RPPS)):
        for m in pattern.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(Found(kind, m.start(), m.end(), m.group()))
    return sorted(found, key=lambda f: f.start)


def redact(text: str, placeholder: str = "[{kind} masqué]") -> str:
    """`text` with every identifier replaced by a placeholder naming its kind."""
    pieces = []
    last = 0
    for f in find(text):
        pieces.append(text[last : f.start])
        pieces.append(placeholder.format(kind=f.kind.upper()))
        last = f.end
    pieces.append(text[last:])
    return "".join(pieces)
