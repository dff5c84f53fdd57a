"""`visitguide export`: the report of a whole visit, in md, html, csv, json or docx.

The interviews are read once (`inputs`), consolidated once (`build`), and the model is
handed to the one renderer the format needs; jinja2 and python-docx are imported only by
the formats that use them.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from visitguide import files as outputs
from visitguide import identifiers
from visitguide.console import err, escape
from visitguide.errors import BankError, UsageError, VisitguideError
from visitguide.messages import t
from visitguide.report import build, csvfile, docxfile, inputs, jsonfile
from visitguide.report import text as text_formats

if TYPE_CHECKING:
    from visitguide.report.visit import Visit

BINARY = frozenset({"docx"})


def run(
    paths: Sequence[Path],
    fmt: str,
    output: Path | None,
    guide: str | None,
    redact: bool,
    banks: Sequence[Path],
    *,
    force: bool = False,
    only: str | None = None,
    separator: str | None = None,
    referentiel: str | None = None,
) -> int:
    """Export the visit under `paths` (`only="documents"`: the documents to request alone;
    `separator`: of the CSV cells; `referentiel`: present the criteria by their codes in it);
    the exit code. An existing `output` is replaced only with `force`, and never when it is an
    interview file.
    """
    with _masked_errors(redact):
        if separator is not None and fmt != "csv":
            raise UsageError(t("report.separator_not_csv"))
        if separator is not None and separator not in (",", ";"):
            raise UsageError(t("report.bad_separator", separator=separator))
        if fmt in BINARY and output is None:
            raise UsageError(t("report.needs_output", format=fmt))
        if output is not None:
            outputs.check(output, force=force)
        loaded = inputs.load(paths, guide, banks, redact=redact)
        data = render(build.build(loaded, referentiel), fmt, only, separator or ",")
        if output is None:
            _to_stdout(data)
        else:
            outputs.write(output, data)
            shown = identifiers.redact(str(output)) if redact else str(output)
            err().print(escape(t("report.written", path=shown, count=len(loaded.sources))))
    return 0


@contextlib.contextmanager
def _masked_errors(redact: bool) -> Iterator[None]:
    """With `redact`, every message names paths and ids with their identifiers masked: errors
    too (a file, a folder or an output may be named after a person)."""
    try:
        yield
    except VisitguideError as exc:
        if redact and not isinstance(exc, BankError):  # a bank's files are no visit's data
            exc.message = identifiers.redact(exc.message)
            exc.args = (exc.message,)
        raise


def render(visit: Visit, fmt: str, only: str | None = None, separator: str = ",") -> bytes:
    """The report of `visit` as the bytes of a file of format `fmt`; `only="documents"`: the
    documents to request alone; `separator`: of the CSV cells."""
    if fmt == "docx":
        return docxfile.render(visit, only)
    if fmt == "csv":
        text = csvfile.render(visit, separator, only)
    elif fmt == "json":
        text = jsonfile.render(visit, only)
    else:
        text = text_formats.render(visit, fmt, only)
    # A lone surrogate (possible in JSON input) cannot be encoded: show it as an escape.
    return text.encode("utf-8", "backslashreplace")


def _to_stdout(data: bytes) -> None:
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:  # a text-only stream (some embedders): decode what we encoded
        sys.stdout.write(data.decode("utf-8"))
