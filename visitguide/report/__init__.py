"""`visitguide export`: the report of a whole visit, in md, html, csv, json or docx.

The interviews are read once (`inputs`), consolidated once (`build`), and the model is
handed to the one renderer the format needs; jinja2 and python-docx are imported only by
the formats that use them.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide.errors import InputError, UsageError
from visitguide.messages import t

if TYPE_CHECKING:
    from visitguide.report.model import Visit

FORMATS = ("md", "html", "csv", "json", "docx")
BINARY = frozenset({"docx"})
REPORT_MODE = 0o600


def run(
    paths: Sequence[Path],
    fmt: str,
    output: Path | None,
    guide: str | None,
    redact: bool,
    banks: Sequence[Path],
) -> int:
    """Export the visit under `paths`; the exit code."""
    from visitguide.report import build, inputs

    if fmt not in FORMATS:
        raise UsageError(t("report.bad_format", format=fmt, formats=", ".join(FORMATS)))
    if fmt in BINARY and output is None:
        raise UsageError(t("report.needs_output", format=fmt))
    loaded = inputs.load(paths, guide, banks, redact=redact)
    if output is not None:
        _check_output(output, [s.path for s in loaded.sources])
    data = render(build.build(loaded), fmt)
    if output is None:
        _to_stdout(data)
    else:
        write(output, data)
        from visitguide.console import err, escape

        err().print(escape(t("report.written", path=output, count=len(loaded.sources))))
    return 0


def render(visit: Visit, fmt: str) -> bytes:
    """The report of `visit` as the bytes of a file of format `fmt`."""
    if fmt == "docx":
        from visitguide.report import docxfile

        return docxfile.render(visit)
    if fmt == "csv":
        from visitguide.report import csvfile

        text = csvfile.render(visit)
    elif fmt == "json":
        from visitguide.report import jsonfile

        text = jsonfile.render(visit)
    else:
        from visitguide.report import text as text_formats

        text = text_formats.render(visit, fmt)
    # A lone surrogate (possible in JSON input) cannot be encoded: show it as an escape.
    return text.encode("utf-8", "backslashreplace")


def _check_output(output: Path, inputs: Sequence[Path]) -> None:
    """Never write over an interview file, nor into a folder that does not exist."""
    target = output.resolve()
    if any(target == p.resolve() for p in inputs):
        raise UsageError(t("report.output_is_input", path=output))
    if output.is_dir():
        raise UsageError(t("report.output_is_folder", path=output))
    if not output.parent.resolve().is_dir():
        raise UsageError(t("report.output_folder_missing", path=output.parent))


def write(output: Path, data: bytes) -> None:
    """Write the report atomically, readable by its owner only (it holds interview notes)."""
    folder = output.parent.resolve()
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".visitguide-", suffix=".tmp")
    except OSError as exc:
        raise InputError(t("report.cannot_write", path=output, error=exc.strerror)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, REPORT_MODE)
        os.replace(tmp, output)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(t("report.cannot_write", path=output, error=exc.strerror)) from None


def _to_stdout(data: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (some embedders): decode what we encoded
        sys.stdout.write(data.decode("utf-8"))
