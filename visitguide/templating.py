"""The jinja2 setup of every document made from a template: visit reports and paper guides.

Templates live in `visitguide/templates/`. HTML is autoescaped, and its `finalize` shows
control characters as escapes (they are invalid in HTML). Markdown has no autoescape, so
`finalize` escapes every `{{ value }}` for Markdown (inline syntax anywhere, block syntax at
the start of a line) and folds its line breaks; multi-line notes go through the `block`
filter, which keeps each line in a quotation. A value already in Markdown is marked `Raw`
(or `|safe` in a template).

One environment per kind and per process; compiled templates are kept in the user's cache
folder (`bytecode_cache`), so that a command does not compile them again. jinja2 checks a
template's source against the cached code, so an edited template is compiled afresh, and
any cache failure only means compiling.
"""

from __future__ import annotations

import contextlib
import io
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from visitguide import __version__, files
from visitguide.bank import cache as cache_folder
from visitguide.messages import t
from visitguide.text import clean

if TYPE_CHECKING:
    from jinja2 import BytecodeCache, Environment

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_TEMPLATE_BYTES = 16 * 1024 * 1024  # a compiled template larger than this is damaged

# Characters that make Markdown syntax anywhere in a line, and at the start of a line
# (escaped with a backslash before them), and an ordered-list number at the start of a line
# (escaped before its "." or ")": a backslash before a digit is no escape, it would show).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
_MD_LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|[-+](?=\s|$)|=+\s*$|-+\s*$)", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)


class Raw(str):
    """Markdown already escaped: `finalize` lets it through."""


def md_escape(value: Any) -> str:
    """`value` as literal Markdown text on one line (`Raw` and `|safe` values as they are)."""
    if isinstance(value, Raw):
        return value
    if hasattr(value, "__html__"):  # markupsafe.Markup: `|safe` in a template
        return str(value)
    if value is None:
        return ""
    text = clean(lines(str(value)))
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_LINE_START.sub(r"\1\\\2", text)
    text = _MD_ORDERED.sub(r"\1\\\2", text)
    return " ".join(text.split("\n"))


def md_block(value: str, indent: str = "") -> Raw:
    """Multi-line text as a Markdown quotation, each line escaped, its line breaks kept as
    hard breaks (two spaces at the end of a line), so that they survive rendering too."""
    parts = [f"{indent}> {md_escape(line)}".rstrip() for line in clean(lines(value)).split("\n")]
    return Raw("  \n".join(parts))


def css_string(value: Any) -> Any:
    """`value` as a quoted CSS string for a `<style>` block (a running header's `content`).

    Inside `<style>` the HTML parser decodes no entity and stops at `</style`, so autoescaping
    cannot help: every character but letters, digits, spaces and plain punctuation is written
    as a CSS escape, quotes, backslashes and angle brackets included.
    """
    from markupsafe import Markup

    def escaped(ch: str) -> str:
        if (ch.isalnum() or ch in " ,.;:()-–—/_'") and ch.isprintable():
            return ch
        return f"\\{ord(ch):06x}"

    return Markup('"' + "".join(escaped(ch) for ch in clean(re.sub(r"\s+", " ", str(value)))) + '"')


def css_counters(template: str) -> Any:
    """A CSS `content` value from a text holding `{page}` and `{pages}`: quoted strings
    around `counter(page)` and `counter(pages)` ("Page {page} / {pages}" in a page margin)."""
    from markupsafe import Markup

    parts = []
    for n, piece in enumerate(re.split(r"\{(page|pages)\}", template)):
        if n % 2:
            parts.append(f"counter({piece})")
        elif piece:
            parts.append(str(css_string(piece)))
    return Markup(" ".join(parts))


def lines(text: str) -> str:
    """`text` with Windows and old Mac line breaks made plain newlines."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def html_text(value: Any) -> Any:
    """Text for HTML: control characters made visible (they are invalid in HTML).

    Already-escaped markup (from filters such as `join`) stays markup: the visible escapes
    are plain ASCII, so they need no further escaping."""
    if not isinstance(value, str) or value.isprintable():
        return value  # printable: no line break, control or bidi character (most values, fast)
    if hasattr(value, "__html__"):  # markupsafe.Markup, without importing it on every call
        from markupsafe import Markup

        return Markup(clean(lines(str(value))))
    return clean(lines(value))


def bytecode_cache() -> BytecodeCache | None:
    """jinja2's file cache of compiled templates in our cache folder, or None if unusable.

    Compiled code is executed when loaded, so the folder is used only when it is the user's
    own and nobody else can write to it (`cache.private_folder`, as for the guide cache); a
    damaged entry is a miss, a failed write ignored.
    """
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    # The compiled code also depends on the environment's options and on jinja2 itself,
    # which the template's checksum does not see: one folder per program and jinja2 version.
    version = f"{__version__}-jinja2-{jinja2.__version__}"
    folder = cache_folder.private_folder("templates", version, close=False)
    if folder is None:
        return None

    class SafeCache(FileSystemBytecodeCache):
        def load_bytecode(self, bucket: Any) -> None:
            entry = Path(self.directory) / (self.pattern % (bucket.key,))
            try:  # ours only, never a FIFO, never past the cap
                if not cache_folder.trusted(entry):
                    return
                data = files.read_capped(entry, MAX_TEMPLATE_BYTES)
            except (OSError, files.NotRegularFile, files.TooLarge):
                return
            try:
                bucket.load_bytecode(io.BytesIO(data))
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
    env.globals["t"] = t
    env.filters["block"] = md_block
    env.filters["css_string"] = css_string
    return env


def render(name: str, kind: str, context: dict[str, Any]) -> str:
    """The template `name` of the `kind` environment rendered with `context`."""
    return environment(kind).get_template(name).render(context)
