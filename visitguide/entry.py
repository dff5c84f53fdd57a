"""Console-script entry point: `visitguide` and `python -m visitguide`.

The cyclic garbage collector is paused for the run. A command lives a fraction of a second
and builds many objects (Typer's command tree, a guide of thousands of questions, a visit)
but no cycles worth collecting: the collector would walk them again and again for nothing,
10 to 20 % of a listing's time. The live interview, which runs for hours, turns it back on.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()
    from visitguide.cli import main as run

    run()
