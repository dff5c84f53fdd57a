"""Detection of personal identifiers in free text: NIR/INS, e-mail, French phone, RPPS.

Used while typing notes (warn at once), by `visitguide check`, and by `export --redact`.

What is found, and what is deliberately left alone:

- **NIR/INS**: 15 characters `S AA MM DD CCC OOO KK`, written whole or with spaces (also no-break,
  narrow no-break and thin spaces), dots or hyphens between the groups. It is a NIR only when its
  key is valid (97 - N mod 97, with Corsica's 2A -> 19 and 2B -> 18), so that ordinary long numbers
  are not flagged; because the key is checked, a NIR glued to letters ("NIR185057800608491") is
  still found (but not after a `0x` hexadecimal prefix).
- **Phone**: a French number `0X XX XX XX XX`, its pairs separated by one and the same separator
  (space, no-break or thin space, dot, hyphen, slash) or none, or the international forms
  `+33 6…`, `0033 6…`, `(+33) 6…`, `+33 (0)6…`. Requiring one separator throughout keeps a date
  followed by an hour ("01/12/2026 10:30") out. Two numbers joined by a hyphen or a slash
  ("06 12 34 56 78-06 98 76 54 32") are both found.
- **E-mail** addresses, Unicode letters allowed.
- **RPPS**: 11 digits starting with 10 (its check digit is not reliable, so not required).

Phone and RPPS numbers carry no check digit, so they are taken only as whole words: glued to a
letter ("INC0612345678", "0x0612345678") they are part of a reference, and after a serial-number
label ("S/N 10012345678", "n° de série …") they are a serial number. Every number is taken whole:
a digit, or a digit behind a dot, comma, colon, slash or hyphen, just before or just after a
candidate means it is part of something longer (a version string, a decimal, a date, a list of
codes), and it is not reported — unless that neighbour is itself a phone number. Criterion codes
(`3.6-02`), dates, amounts (`1 250 000 €`, `12 345,67`), version numbers and IP addresses are
therefore never identifiers.

The patterns are compiled once, at import, and every one is linear in the length of the text
(a note of 1 MB is scanned in a fraction of a second).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from visitguide.messages import t

KINDS = ("nir", "email", "phone", "rpps")

# Spaces people put inside numbers: space, no-break, thin and narrow no-break spaces.
_SPACES = " \u00a0\u2009\u202f"
# One separator between the groups of a NIR.
_NIR_SEP = f"[{_SPACES}.-]?"
# One separator between the pairs of a phone number (the same one throughout).
_PHONE_SEP = f"[{_SPACES}./-]"
# Punctuation that glues a number to a neighbouring one ("3.6-02", "1.02", "0,12", "10:30").
_GLUE = ".,:/-"

# Each pattern starts with the character it needs (a digit, "(", "+"), its look-behinds coming
# after it: the regex engine then skips ahead to candidates instead of trying every position.
_NIR = re.compile(
    rf"([12378])(?<![0-9][12378])(?<![0-9][{_GLUE}][12378])(?<!0[xX][12378])"
    rf"{_NIR_SEP}([0-9]{{2}}){_NIR_SEP}([0-9]{{2}}){_NIR_SEP}"
    rf"(2[AaBb]|[0-9]{{2}}){_NIR_SEP}([0-9]{{3}}){_NIR_SEP}([0-9]{{3}}){_NIR_SEP}([0-9]{{2}})"
    rf"(?![0-9])(?![{_GLUE}][0-9])"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
# Glued to a letter or a digit on either side (an underscore is a separator in file names).
_ALNUM = r"[^\W_]"


def _pairs(n: int) -> str:
    """The four pairs after the first two digits of a phone, with one and the same separator."""
    return rf"(?P<sep{n}>{_PHONE_SEP}?)[0-9]{{2}}(?:(?P=sep{n})[0-9]{{2}}){{3}}(?!{_ALNUM})"


_PHONE = re.compile(
    # international: (+33) / (0033) / +33 / 0033, then an optional (0) or 0, then the digit
    rf"(?:\([{_SPACES}]?(?:\+|00)33[{_SPACES}]?\)|\+(?<![0-9+]\+)33|0(?<!{_ALNUM}0)(?<!\+0)033)"
    rf"{_PHONE_SEP}?(?:\(0\){_PHONE_SEP}?|0)?[1-9]{_pairs(1)}"
    # national: 0 then the digit
    rf"|0(?<!{_ALNUM}0)(?<!\+0)[1-9]{_pairs(2)}"
)
_RPPS = re.compile(rf"10(?<!{_ALNUM}10)(?<![0-9][{_GLUE}]10)[0-9]{{9}}(?!{_ALNUM})(?![{_GLUE}][0-9])")
# A label just before a number that makes it a serial number ("S/N 10012345678", "n° de série").
# (Its look-behinds come after its first letter, as above.)
_SERIAL_LABEL = re.compile(
    r"[sn](?<![^\W_][sn])"
    r"(?:(?<=s)/?n|(?<=n)/?s|(?<=s)erial(?:\s+(?:number|no\.?|n°))?|(?<=s)[ée]rie)(?![^\W_])"
    r"\s*(?:n[°o]\.?)?\s*[:#=]?\s*",
    re.IGNORECASE,
)

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
    pos = 0
    while (m := _NIR.search(text, pos)) is not None:
        digits = "".join(m.groups())
        if nir_key_valid(digits[:13], digits[13:]):
            found.append(Found("nir", m.start(), m.end(), m.group()))
            pos = m.end()
        else:  # a wrong key: a NIR may still start inside it ("1 2 95 10 …")
            pos = m.start() + 1
    return found


def _glued_before(text: str, start: int) -> bool:
    """Whether a digit sits just before `start`, behind one glue character."""
    return start >= 2 and text[start - 1] in _GLUE and text[start - 2].isdigit()


def _glued_after(text: str, end: int) -> bool:
    return end + 1 < len(text) and text[end] in _GLUE and text[end + 1].isdigit()


def _phones(text: str) -> list[tuple[int, int]]:
    """Phone numbers as (start, end): whole, or joined to another phone number."""
    spans = [m.span() for m in _PHONE.finditer(text)]
    starts = {start for start, _ in spans}
    ends = {end for _, end in spans}
    return [
        (start, end)
        for start, end in spans
        if not (_glued_before(text, start) and start - 1 not in ends)
        and not (_glued_after(text, end) and end + 1 not in starts)
    ]


def find(text: str) -> list[Found]:
    """Every identifier in `text`, in order, without overlaps (NIR first, then e-mail...)."""
    found = _nirs(text)
    phones = _phones(text)
    rpps = [m.span() for m in _RPPS.finditer(text)]
    if phones or rpps:  # a number right after "S/N" is a serial number
        serial = {m.end() for m in _SERIAL_LABEL.finditer(text)}
        phones = [span for span in phones if span[0] not in serial]
        rpps = [span for span in rpps if span[0] not in serial]
    emails = [m.span() for m in _EMAIL.finditer(text)] if "@" in text else []
    for kind, spans in (("email", emails), ("phone", phones), ("rpps", rpps)):
        found.sort(key=lambda f: f.start)
        starts = [f.start for f in found]
        for start, end in spans:
            if not _overlaps(found, starts, start, end):
                found.append(Found(kind, start, end, text[start:end]))
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

    return t(f"check.kind.{kind}")


def redact(text: str) -> str:
    """`text` with every identifier replaced by a placeholder naming its kind ("[NIR/INS masqué]")."""

    pieces = []
    last = 0
    for f in find(text):
        pieces.append(text[last : f.start])
        pieces.append(t(f"check.redacted.{f.kind}"))
        last = f.end
    pieces.append(text[last:])
    return "".join(pieces)


# --- warnings about what was typed: shared by the live interview and scripted runs -------

# The context's free-text fields (the date is checked as a date).
CONTEXT_FIELDS = ("establishment", "sector", "interviewee_role", "visitor")


def warning(field: str, text: str) -> str | None:
    """The warning about the identifiers in `text`, typed in `field` (a context field,
    "notes", "comment", "evidence", "text"), each shown masked; None when there is none."""
    found = find(text)
    if not found:
        return None

    shown = ", ".join(t("check.identifier", kind=label(f.kind), masked=f.masked) for f in found)
    return t("identifiers.warning", field=t(f"check.field.{field}"), found=shown)


def context_warnings(context: dict[str, str | None]) -> dict[str, str]:
    """Field -> warning, for each free-text field of `context` that holds an identifier."""
    warnings = {}
    for field in CONTEXT_FIELDS:
        value = context.get(field)
        message = warning(field, value) if isinstance(value, str) else None
        if message is not None:
            warnings[field] = message
    return warnings
