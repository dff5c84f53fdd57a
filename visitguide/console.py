"""Terminal output: rich consoles for people, plain writes for machines (rich lives here only).

Everything that comes from a file (notes, ids, titles) passes through `clean` before it
reaches the terminal, so that a note cannot move the cursor or retitle the window.
"""

from __future__ import annotations

import sys
from functools import cache
from typing import TYPE_CHECKING

from visitguide.messages import t
from visitguide.text import clean

if TYPE_CHECKING:
    from rich.console import Console


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

    err().print(f"[bold red]{t('error.prefix')}[/] {escape(message)}", soft_wrap=True)


def plain(text: str) -> None:
    """Machine output: written as is on stdout, never through rich.

    On a stream that cannot encode every character (a terminal that is not UTF-8), those are
    written as backslash escapes: JSON stays valid and exact, nothing is lost or replaced.
    """
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    except LookupError:
        pass
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
