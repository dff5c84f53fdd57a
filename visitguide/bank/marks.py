"""Data read from YAML that remembers where it came from, without importing YAML.

The strict loader (`yamlsafe`) builds these containers; the bank checks use `line_of` to
name the line of a problem. Kept apart so that code that only reads marks, or a cached
guide, does not pay for importing the YAML parser.
"""

from __future__ import annotations

from typing import Any

MAX_BYTES = 1024 * 1024  # bank and answers files larger than this are refused unread


class MarkedDict(dict[str, Any]):
    """A mapping that remembers its own line and the line of each key (1-based)."""

    __slots__ = ("key_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.key_lines: dict[str, int] = {}


class MarkedList(list[Any]):
    """A sequence that remembers its own line and the line of each item (1-based)."""

    __slots__ = ("item_lines", "line")

    def __init__(self) -> None:
        super().__init__()
        self.line = 0
        self.item_lines: list[int] = []


def line_of(data: Any, loc: tuple[int | str, ...]) -> int | None:
    """The line of the deepest marked node on the path `loc` into `data`."""
    line = getattr(data, "line", None)
    node = data
    for part in loc:
        if isinstance(node, MarkedDict) and isinstance(part, str) and part in node.key_lines:
            line = node.key_lines[part]
            node = node[part]
        elif isinstance(node, MarkedList) and isinstance(part, int) and part < len(node):
            line = node.item_lines[part]
            node = node[part]
        else:
            break
        line = getattr(node, "line", None) or line
    return line
