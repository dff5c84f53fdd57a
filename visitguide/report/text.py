"""The HTML and Markdown reports, rendered from jinja2 templates in `visitguide/templates/`.

HTML is autoescaped: every value from an interview file is escaped. Markdown has no
autoescape, so the environment's `finalize` escapes every `{{ value }}` for Markdown and folds
its line breaks; multi-line notes go through the `block` filter, which keeps each line in a
quotation. Environments (and so compiled templates) are built once per process, and the
compiled templates are kept in the user's cache folder (`BytecodeCache`), so that a command
does not compile them again: jinja2 checks the template's source against the cached code, so
an edited template is compiled afresh, and any cache failure only means compiling.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitguide.console import clean
from visitguide.messages import language, t
from visitguide.report import model as m
from visitguide.report import view

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# Characters that make Markdown syntax anywhere in a line, and at the start of a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(
    r"^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|\d+[.)](?=\s|$)|=+\s*$|-+\s*$)", re.MULTILINE
)


class Raw(str):
    """Markdown already escaped: `finalize` lets it through."""


def md_escape(value: Any) -> str:
    """`value` as literal Markdown text on one line."""
    if isinstance(value, Raw):
        return value
    if value is None:
        return ""
    text = clean(lines(str(value)))
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    return " ".join(text.split("\n"))


def md_block(value: str, indent: str = "") -> Raw:
    """Multi-line text as a Markdown quotation, each line escaped, its line breaks kept as
    hard breaks (two spaces at the end of a line), so that they survive rendering too."""
    parts = [f"{indent}> {md_escape(line)}".rstrip() for line in clean(lines(value)).split("\n")]
    return Raw("  \n".join(parts))


def lines(text: str) -> str:
    """`text` with Windows and old Mac line breaks made plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_text(value: Any) -> Any:
    """Text for HTML: control characters made visible (they are invalid in HTML).

    Already-escaped markup (from filters such as `join`) stays markup: the visible escapes
    are plain ASCII, so they need no further escaping."""
    if not isinstance(value, str):
        return value
    if hasattr(value, "__html__"):  # markupsafe.Markup, without importing it on every call
        from markupsafe import Markup

        return Markup(clean(lines(str(value))))
    return clean(lines(value))


def _audience_label(visit: m.Visit) -> Any:
    labels = {a.id: a.label for a in visit.audiences}
    return lambda audience: labels.get(audience, audience)


def bytecode_cache() -> BytecodeCache | None:
    """jinja2's file cache of compiled templates in our cache folder, or None if unusable.

    Compiled code is executed when loaded, so the folder is used only when it is the user's
    own and nobody else can write to it; a damaged entry is a miss, a failed write ignored.
    """
    from jinja2 import FileSystemBytecodeCache

    from visitguide import cache as cache_folder

    base = cache_folder.folder()
    if base is None:
        return None
    folder = base / "templates"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if info.st_uid != os.geteuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None

    class SafeCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged entry (any unpickling error): compile instead
                bucket.reset()

        def dump_bytecode(self, bucket: Any) -> None:
            with contextlib.suppress(OSError):  # read-only or full: next time, compile again
                super().dump_bytecode(bucket)

    return SafeCache(str(folder))


@cache
def environment(kind: str) -> Environment:
    """The jinja2 environment for "html" (autoescaped) or "md" (Markdown-escaped)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=kind == "html",
        finalize=md_escape if kind == "md" else html_text,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.globals.update(t=t, v=view)
    env.filters["block"] = md_block
    return env


def dates(header: m.Header) -> str:
    if header.first_date is None:
        return "—"
    if header.first_date == header.last_date:
        return header.first_date
    return t("report.h.date_range", first=header.first_date, last=header.last_date)


def render(visit: m.Visit, kind: str) -> str:
    """The report as HTML or Markdown text."""
    template = environment(kind).get_template(f"report.{kind}.j2")
    context: dict[str, Any] = {
        "visit": visit,
        "lang": language(),
        "dates": dates(visit.header),
        "titles": view.criterion_titles(visit),
        "labels": view.audience_labels(visit),
        "aud": _audience_label(visit),
    }
    if kind == "html":
        context.update(heat=view.heat_map(visit), bars=view.bar_chart(visit))
    return template.render(context)
