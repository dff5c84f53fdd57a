"""The cyclic garbage collector's one switch.

A command lives a fraction of a second and builds many objects (Typer's command tree, a guide
of thousands of questions, a visit) but no cycles worth collecting: the collector would walk
them again and again for nothing, 10 to 20 % of a listing's time. So the entry point pauses it
for the run (`pause`), building a guide pauses it even when it runs (`paused`), and the live
interview, which lasts hours, turns it back on (`resume`).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def pause() -> None:
    """Stop automatic collection for the rest of this short-lived command."""
    gc.disable()


def resume() -> None:
    """Collect again: a long-running session (the live interview) creates and drops cycles."""
    gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """No automatic collection inside the block; the previous state after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
