"""Terminal output: rich consoles for people, plain writes for machines.

Everything that comes from a file (notes, ids, titles) passes through `clean` before it
reaches the terminal, so that a note cannot move the cursor or retitle the window.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# C0 controls but tab and newline, DEL, C1 controls, and bidirectional overrides.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def clean(text: str) -> str:
    """`text` with control characters shown as escapes instead of sent to the terminal."""
    return _CONTROL.sub(_visible, text)


@cache
def _console_class() -> type[Console]:
    from rich.console import Console

    class QuietPipeConsole(Console):
        """A console that leaves a closed pipe to the one catch point (rich exits 1 itself)."""

        def on_broken_pipe(self) -> None:
            self.quiet = True
            raise BrokenPipeError

    return QuietPipeConsole


def out() -> Console:
    """A console on stdout (made per call: it follows COLUMNS and redirections)."""
    return _console_class()(highlight=False, emoji=False)


def err() -> Console:
    return _console_class()(stderr=True, highlight=False, emoji=False)


def notice(message: str) -> None:
    """A message on stderr that is not an error (an interruption with everything saved).

    Plain text: it may end with a command to copy, which colour codes would get in the way of.
    """
    err().print(escape(message), soft_wrap=True)


def escape(text: str) -> str:
    """`text` cleaned of control characters and of rich markup."""
    from rich.markup import escape as rich_escape

    return rich_escape(clean(text))


def error(message: str) -> None:
    """One error message on stderr, in red, without markup interpretation."""
    from visitguide.messages import t

    err().print(f"[bold red]{t('error.prefix')}[/] {escape(message)}", soft_wrap=True)


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
    import json

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


def plain(text: str) -> None:
    """Machine output: written as is on stdout, never through rich."""
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
