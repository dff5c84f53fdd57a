"""A closed terminal (SIGHUP) or a polite kill (SIGTERM) ends the interview like Ctrl-C.

While `catching()` is active, either signal is turned into a `KeyboardInterrupt`: the note being
typed is kept as a draft ("à revoir"), the interview file's lock is released on the way out and
the command ends with 129 or 143 (CONTRACT.md §5). When a prompt is on screen, the signal is
handed to it (`deliver`, set by the prompt widgets) so that the prompt ends itself the way
Ctrl-C ends it, draft included, rather than being torn down halfway through a redraw.

Only the first signal counts: the ones after it (SIGINT included) are ignored while the draft
is saved, so that a terminal emulator that sends SIGHUP twice, or a supervisor that follows
SIGTERM with SIGINT, cannot cut the save short.
"""

from __future__ import annotations

import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from visitguide.errors import ExitCode

received: int | None = None
"""The signal that ended the interview, once one has."""

deliver: Callable[[], bool] | None = None
"""Set while a prompt runs: hands the signal to it; False when it cannot take it any more."""

SIGNALS = tuple(getattr(signal, name) for name in ("SIGHUP", "SIGTERM") if hasattr(signal, name))
CODES = {getattr(signal, "SIGHUP", -1): ExitCode.HANGUP, signal.SIGTERM: ExitCode.TERMINATED}


def _handler(signum: int, frame: FrameType | None) -> None:
    global received
    if received is not None:
        return
    received = signum
    for other in (*SIGNALS, signal.SIGINT):
        signal.signal(other, signal.SIG_IGN)
    if deliver is not None and deliver():
        return
    raise KeyboardInterrupt


@contextmanager
def catching() -> Iterator[None]:
    """SIGHUP and SIGTERM become `KeyboardInterrupt` inside the block (main thread only)."""
    global received
    received = None
    try:
        previous = {signal.SIGINT: signal.getsignal(signal.SIGINT)}
        previous.update({s: signal.signal(s, _handler) for s in SIGNALS})
    except ValueError:  # not the main thread: signals keep their default behaviour
        yield
        return
    try:
        yield
    finally:
        for s, handler in previous.items():
            if handler is not None:
                signal.signal(s, handler)


def exit_code() -> ExitCode:
    """129 after SIGHUP, 143 after SIGTERM, else 130 (Ctrl-C)."""
    return CODES.get(received, ExitCode.INTERRUPTED) if received is not None else ExitCode.INTERRUPTED
