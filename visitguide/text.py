"""Plain text helpers, free of the terminal: cleaning, JSON escaping, searching French text.

File formats and loaders use these; `console` (rich) builds on them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence

# C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """`text` with control characters shown as escapes instead of sent to the terminal."""
    return _CONTROL.sub(_visible, text)


# What json.dumps(ensure_ascii=False) leaves raw that a terminal may obey: DEL, C1 controls
# (CSI...), bidirectional overrides. Inside JSON strings a \uXXXX escape is the same character.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def json_rows(rows: Sequence[Mapping[str, object]]) -> str:
    """A JSON array for machines, one compact object per line, in plain ASCII.

    Every non-ASCII character is written as a `\\uXXXX` escape: the text reads the same to
    any JSON reader, whatever its encoding, and nothing in it can act on a terminal. The whole
    array goes through the C encoder at once (one dump per row costs three times as much),
    then a line break is put between objects: the text `}, {"<first key>": ` cannot occur
    inside an encoded string, where quotes are escaped.
    """
    if not rows:
        return "[]"
    text = json.dumps(rows)
    first = json.dumps(next(iter(rows[0]), ""))
    return "[\n" + text[1:-1].replace("}, {" + first + ": ", "},\n{" + first + ": ") + "\n]"


def safe_json_text(text: str) -> str:
    """JSON text from `json.dumps(ensure_ascii=False)` with what a terminal may obey escaped.

    For every JSON written for people or terminals (listings, reports, interview files that
    get `cat`): the data is unchanged, since those characters only occur inside strings.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


# --- searching -----------------------------------------------------------------------------


def fold(text: str) -> str:
    """`text` without case or accents, for searching."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def matches(query: str, *texts: str | None) -> bool:
    """Every word of `query` appears in one of `texts`, ignoring case and accents."""
    haystack = fold(" ".join(t for t in texts if t))
    return all(word in haystack for word in fold(query).split())


_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæ")


def elided(lead: str, text: str) -> str:
    """`lead` then `text`, French "que " made "qu'" before a vowel: "Vous vérifierez qu'il
    existe", "… que les"; a lead that does not end with "que " (English) is kept as it is."""
    first = text.lstrip()[:1].lower()
    if lead.endswith("que ") and first in _VOWELS and first:
        return lead[: -len("que ")] + "qu'" + text.lstrip()
    return lead + text
