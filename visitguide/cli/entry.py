"""Console-script entry point: `visitguide` and `python -m visitguide`.

The garbage collector is paused for the run (see `collector`), then the app is imported.
"""

from __future__ import annotations

from visitguide import collector


def main() -> None:
    collector.pause()
    from visitguide.cli.app import main as run  # after the pause: building the app is most of a start

    run()
