"""`export --blank`: the paper interview guide ("trame d'entretien"), per audience.

For when the interview goes on paper (a printed guide, or the laptop down): the guide's title,
version, source and référentiel, the context to fill in, each question with its criteria,
hint, documents to ask for and room to write, the checkpoints with oui / non / na boxes, and
the references. Markdown and HTML come from Jinja templates shipped in the package, through
the report's environments (`templating`: HTML autoescaped, Markdown escaped, compiled
templates cached); DOCX is built by `paper_docx`. Files are written by `outputs`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from visitguide import files as outputs
from visitguide import templating
from visitguide.bank import loader as bank
from visitguide.console import err, plain
from visitguide.errors import UsageError
from visitguide.messages import t
from visitguide.outline import paper_docx
from visitguide.outline import views as outline
from visitguide.outline.views import GuideView, criterion_text
from visitguide.text import clean

FORMATS = ("md", "html", "docx")
WRITING_LINES = 6  # ruled lines under each question


def run(
    guide_id: str | None,
    audience: str | None,
    fmt: str,
    output: Path | None,
    banks: Sequence[Path],
    *,
    force: bool = False,
) -> int:
    """Write the paper guide of `audience` (every audience when None) as `fmt`; an existing
    `output` is replaced only with `force` (never an interview file)."""
    if fmt not in FORMATS:
        raise UsageError(t("paper.bad_format", format=fmt, formats=", ".join(FORMATS)))
    if fmt == "docx" and output is None:
        raise UsageError(t("paper.docx_needs_output"))
    if output is not None:
        outputs.check(output, force=force)
    view = outline.build(bank.resolve(guide_id, banks), audience)
    if fmt == "docx":
        data = paper_docx.render(view)
    else:
        text = render(view, fmt)
        if output is None:
            plain(text)
            return 0
        data = text.encode("utf-8")
    assert output is not None
    outputs.write(output, data)
    _written(output, view)
    return 0


def render(view: GuideView, fmt: str) -> str:
    """The paper guide as Markdown or as one self-contained HTML page."""

    return templating.render(f"paper.{fmt}.j2", fmt, {"guide": view, **_helpers()})


# --- templates -----------------------------------------------------------------------------


def _helpers() -> dict[str, Any]:
    return {
        "criterion_text": criterion_text,
        "safe_url": safe_url,
        "css_string": css_string,
        "writing_lines": WRITING_LINES,
        "added_questions": outline.ADDED_QUESTIONS,
    }


def safe_url(url: str | None) -> str | None:
    """The URL when it is a web address; a link to anything else (javascript:…) is not made."""
    return url if url and re.fullmatch(r"https?://[^\s<>\"'`\\]+", url, re.IGNORECASE) else None


def css_string(text: str) -> Any:
    """`text` for the inside of a double-quoted CSS string in a <style> element."""
    from markupsafe import Markup

    escaped = "".join(c if c.isalnum() or c in " .,;:·'()-_" else f"\\{ord(c):x} " for c in text)
    return Markup(escaped)


# --- output --------------------------------------------------------------------------------


def _written(path: Path, view: GuideView) -> None:
    audiences = ", ".join(a.id for a in view.audiences)
    err().print(t("paper.written", path=clean(str(path)), audiences=audiences), soft_wrap=True, markup=False)
