"""Console-script entry point: `visitguide` and `python -m visitguide`.

The garbage collector is paused for the run (see `collector`), then the app is imported. A
terminal that is not UTF-8 (`LANG=C` on an old system, `PYTHONIOENCODING=iso-8859-1`) gets
the characters it cannot show replaced, never a `UnicodeEncodeError`.
"""

from __future__ import annotations

from visitguide import collector


def forgiving_streams() -> None:
    """stdout and stderr replace what their encoding cannot write ("œ" → "?" in Latin-1)."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
        reconfigure = getattr(stream, "reconfigure", None)
        if encoding != "utf8" and reconfigure is not None:
            reconfigure(errors="replace")


def main() -> None:
    forgiving_streams()
    collector.pause()
    from visitguide.cli.app import main as run  # after the pause: building the app is most of a start

    run()
