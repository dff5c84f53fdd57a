"""Strict YAML loading: plain data only, with the line of every key and item.

The C parser is used when libyaml is present (about ten times faster than the pure-Python
one). Only the constructor runs in Python, so the checks live there and cost next to nothing:
aliases (a node constructed twice), tags outside the plain JSON-like set, non-string or
duplicate keys. Files over `MAX_BYTES` are refused before parsing, and bytes that are not
UTF-8 are reported with their line.

A document without tags, anchors or aliases (every bank file in practice) is built straight
from the parser's events by `_PlainReader`, with the same data, lines and problems, about
three times faster than composing a node graph and constructing it; any other document goes
through `_StrictLoader`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.events import (
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from visitguide import files
from visitguide.bank import marks
from visitguide.bank.marks import MarkedDict, MarkedList, line_of  # noqa: F401  (part of this API
from visitguide.errors import Problem, os_reason
from visitguide.messages import t

MAX_BYTES = marks.MAX_BYTES

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_TAG = "tag:yaml.org,2002:"
_ALLOWED_TAGS = frozenset(
    _TAG + name for name in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
)


class YamlProblems(Exception):
    """Problems found while reading one YAML file."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


class _StrictLoader(_Base):
    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.found: list[tuple[int, str]] = []
        self._alias_message = t("yaml.alias")

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _AliasFound(node.start_mark.line + 1)
        if node.tag not in _ALLOWED_TAGS:
            tag = "!!" + node.tag[len(_TAG) :] if node.tag.startswith(_TAG) else node.tag
            self.found.append((node.start_mark.line + 1, t("yaml.tag", tag=tag)))
            self.constructed_objects[node] = None
            return None
        if isinstance(node, ScalarNode):
            if node.tag in (_TAG + "map", _TAG + "seq"):  # `!!seq "ab"`: PyYAML would crash on it
                return self._unbuildable(node)
            return self._construct_scalar(node, deep)
        return super().construct_object(node, deep)

    def _construct_scalar(self, node: ScalarNode, deep: bool) -> Any:
        """A scalar, or None and a problem when it cannot be built (a 5,000-digit integer,
        the 31st of February, `!!bool "peut-être"`, `!!timestamp "hier"`: PyYAML raises a
        bare ValueError, KeyError or AttributeError for those)."""
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError, KeyError, AttributeError):
            return self._unbuildable(node)

    def _unbuildable(self, node: ScalarNode) -> None:
        self.recursive_objects.pop(node, None)
        self.constructed_objects[node] = None
        value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
        self.found.append((node.start_mark.line + 1, t("yaml.bad_value", value=value)))
        return None

    def construct_yaml_map(self, node: MappingNode) -> Any:
        data = MarkedDict()
        data.line = node.start_mark.line + 1
        yield data
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                self.found.append((line, t("yaml.key_not_string")))
                continue
            key = key_node.value
            if key in data.key_lines:
                self.found.append((line, t("yaml.duplicate_key", key=key)))
                continue
            data.key_lines[key] = line
            data[key] = self._construct_child(value_node, line)

    def construct_yaml_seq(self, node: SequenceNode) -> Any:
        data = MarkedList()
        data.line = node.start_mark.line + 1
        yield data
        for item in node.value:
            data.item_lines.append(item.start_mark.line + 1)
            data.append(self._construct_child(item, data.line))

    def _construct_child(self, node: Node, line: int) -> Any:
        # A node met a second time is an alias: reported where it is used, and never built
        # again (None in its place), so that an alias bomb costs one problem per alias and the
        # rest of the file is still checked.
        if node in self.constructed_objects or node in self.recursive_objects:
            if (line, self._alias_message) not in self.found:
                self.found.append((line, self._alias_message))
            return None
        return self.construct_object(node)


_StrictLoader.add_constructor(_TAG + "map", _StrictLoader.construct_yaml_map)
_StrictLoader.add_constructor(_TAG + "seq", _StrictLoader.construct_yaml_seq)


def read_text(path: Path, max_bytes: int = MAX_BYTES) -> str:
    """The text of a file named on the command line (an answers file): a regular file or a pipe
    (`--answers <(…)`), refused past `max_bytes` (read no further) and for non-UTF-8 bytes."""
    try:
        data = files.read_capped(path, max_bytes, pipes=True)
    except files.TooLarge as exc:
        if exc.size is None:
            raise YamlProblems([Problem(path, None, t("file.too_large_stream", max=max_bytes))]) from None
        raise YamlProblems([Problem(path, None, t("file.too_large", size=exc.size, max=max_bytes))]) from None
    except IsADirectoryError:
        raise YamlProblems([Problem(path, None, t("file.is_directory"))]) from None
    except FileNotFoundError:
        raise YamlProblems([Problem(path, None, t("file.not_found"))]) from None
    except PermissionError:
        raise YamlProblems([Problem(path, None, t("file.unreadable"))]) from None
    except OSError as exc:
        raise YamlProblems([Problem(path, None, t("file.os_error", error=os_reason(exc)))]) from None
    return decode_utf8(path, data)


def decode_utf8(path: Path | str, data: bytes) -> str:
    """`data` decoded as UTF-8 (a BOM is dropped), or a problem naming the line of the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise YamlProblems([Problem(path, line, t("file.not_utf8"))]) from None


def parse(text: str, path: Path | str) -> Any:
    """Plain data from YAML `text`, with marks; `YamlProblems` for anything else."""
    data, problems = parse_lenient(text, path)
    if problems:
        raise YamlProblems(problems)
    return data


def parse_lenient(text: str, path: Path | str) -> tuple[Any, list[Problem]]:
    """Data and the problems that did not stop the reading (a refused tag or alias becomes
    None).

    Syntax errors stop the reading: `YamlProblems`.
    """
    try:
        data, found = _read(text)
    except _AliasFound as alias:
        raise YamlProblems([Problem(path, alias.line, t("yaml.alias"))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise YamlProblems([Problem(path, line, _syntax_message(exc))]) from None
    except yaml.YAMLError:
        raise YamlProblems([Problem(path, None, t("yaml.syntax_generic"))]) from None
    except RecursionError:
        raise YamlProblems([Problem(path, None, t("yaml.too_deep"))]) from None
    return data, [Problem(path, line, msg) for line, msg in found]


def _read(text: str) -> tuple[Any, list[tuple[int, str]]]:
    """The data and the `(line, message)` problems of one document."""
    try:
        return _PlainReader(text).read()
    except _Unusual:
        pass
    loader = _StrictLoader(text)
    try:
        return loader.get_single_data(), loader.found
    finally:
        loader.dispose()


class _Unusual(Exception):
    """The document has a tag, an anchor or an alias: `_StrictLoader` reads it."""


_SKIP = object()  # in place of a key whose value is not built
_IMPLICIT: dict[Any, list[tuple[str, Any]]] = _Base.yaml_implicit_resolvers


class _PlainReader:
    """Builds a document without tags, anchors or aliases straight from the parser's events.

    It gives what `_StrictLoader` gives for such a document: the same marked data and the
    same problems in the same order. `_StrictLoader` constructs breadth first, so each
    problem is kept with the depth of the collection being filled when it was found, and the
    problems are sorted by that depth at the end (a stable sort keeps the document order).
    """

    def __init__(self, text: str) -> None:
        self._loader = _Base(text)
        self._found: list[tuple[int, int, str]] = []  # (depth, line, message)

    def read(self) -> tuple[Any, list[tuple[int, str]]]:
        try:
            data = self._document()
        finally:
            self._loader.dispose()
        self._found.sort(key=lambda problem: problem[0])
        return data, [(line, message) for _, line, message in self._found]

    def _document(self) -> Any:
        get = self._loader.get_event
        get()  # stream start
        event = get()
        if type(event) is StreamEndEvent:
            return None
        data = self._tree(get(), get)
        get()  # document end
        event = get()
        if type(event) is DocumentStartEvent:
            # The composer's own error, so that it is reported the same way.
            mark: Any = event.start_mark
            raise ComposerError(
                "expected a single document in the stream", None, "but found another document", mark
            )
        return data

    def _tree(self, event: Any, get: Any) -> Any:
        """The node starting with `event`, built without recursion (a stack of frames)."""
        kind = type(event)
        if kind is ScalarEvent:
            return self._scalar(event, -1)
        root = self._collection(event)
        stack: list[Any] = [root]
        key: Any = None  # the key waiting for its value in the innermost mapping
        keys: list[Any] = []  # the waiting keys of the outer mappings
        found = self._found
        while stack:
            container = stack[-1]
            depth = len(stack) - 1
            event = get()
            kind = type(event)
            if kind is MappingEndEvent or kind is SequenceEndEvent:
                stack.pop()
                if keys:
                    key = keys.pop()
                continue
            if event.anchor is not None or getattr(event, "tag", None) is not None:
                raise _Unusual
            line = event.start_mark.line + 1
            if type(container) is MarkedList:
                container.item_lines.append(line)
            elif key is None:  # a key
                if kind is not ScalarEvent or _tag(event) != _STR:
                    found.append((depth, line, t("yaml.key_not_string")))
                    if kind is not ScalarEvent:
                        self._skip(get)
                    key = _SKIP
                elif event.value in container.key_lines:
                    found.append((depth, line, t("yaml.duplicate_key", key=event.value)))
                    key = _SKIP
                else:
                    key = event.value
                    container.key_lines[key] = line
                continue
            elif key is _SKIP:  # the value of a refused key is not built
                if kind is not ScalarEvent:
                    self._skip(get)
                key = None
                continue
            value = self._scalar(event, depth) if kind is ScalarEvent else self._collection(event)
            if type(container) is MarkedList:
                container.append(value)
            else:
                container[key] = value
                key = None
            if kind is not ScalarEvent:
                stack.append(value)
                keys.append(key)
                key = None
        return root

    def _collection(self, event: Any) -> Any:
        kind = type(event)
        if kind is not MappingStartEvent and kind is not SequenceStartEvent:
            raise _Unusual  # an alias
        if event.anchor is not None or event.tag is not None:
            raise _Unusual
        data: MarkedDict | MarkedList = MarkedDict() if kind is MappingStartEvent else MarkedList()
        data.line = event.start_mark.line + 1
        return data

    def _scalar(self, event: Any, depth: int) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise _Unusual
        tag = _tag(event)
        if tag == _STR:
            return event.value
        line = event.start_mark.line + 1
        if tag not in _ALLOWED_TAGS:
            self._found.append((depth, line, t("yaml.tag", tag="!!" + tag[len(_TAG) :])))
            return None
        node = ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return self._loader.yaml_constructors[tag](self._loader, node)
        except (ValueError, OverflowError):
            value = node.value if len(node.value) <= 40 else node.value[:40] + "…"
            self._found.append((depth, line, t("yaml.bad_value", value=value)))
            return None

    def _skip(self, get: Any) -> None:
        """Consume the rest of a collection whose start was just read."""
        level = 1
        while level:
            event = get()
            kind = type(event)
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                level += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                level -= 1
            if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
                raise _Unusual
            if kind not in _PLAIN_EVENTS:
                raise _Unusual


_STR = _TAG + "str"
_PLAIN_EVENTS = frozenset(
    {ScalarEvent, MappingStartEvent, MappingEndEvent, SequenceStartEvent, SequenceEndEvent}
)


def _tag(event: Any) -> str:
    """The tag the resolver gives a scalar without an explicit tag."""
    if not event.implicit[0]:
        return _STR
    value = event.value
    for tag, regexp in _IMPLICIT.get(value[:1], []):
        if regexp.match(value):
            return str(tag)
    for tag, regexp in _IMPLICIT.get(None, []):
        if regexp.match(value):
            return str(tag)
    return _STR


def load(path: Path, max_bytes: int = MAX_BYTES) -> Any:
    """Read and parse one YAML file strictly."""
    return parse(read_text(path, max_bytes), path)


_SYNTAX = {
    "mapping values are not allowed here": "yaml.syntax.mapping_values",
    "found character '\\t' that cannot start any token": "yaml.syntax.tab",
    "could not find expected ':'": "yaml.syntax.expected_colon",
    "found undefined alias": "yaml.alias",
    "exceeded maximum nesting depth": "yaml.too_deep",
    "found unexpected end of stream": "yaml.syntax.unexpected_end",
    "but found '<stream end>'": "yaml.syntax.unexpected_end",
    "expected a single document in the stream": "yaml.syntax.several_documents",
    "but found another document": "yaml.syntax.several_documents",
    "did not find expected key": "yaml.syntax.expected_key",
    "did not find expected '-' indicator": "yaml.syntax.expected_dash",
    "found duplicate anchor": "yaml.alias",
    "expected ',' or ']'": "yaml.syntax.unclosed",
    "expected ',' or '}'": "yaml.syntax.unclosed",
}


def _syntax_message(exc: yaml.MarkedYAMLError) -> str:
    text = f"{exc.problem or ''} {exc.context or ''}"
    for needle, key in _SYNTAX.items():
        if needle in text:
            return t(key)
    if "found unknown escape character" in text or "expected escape sequence" in text:
        return t("yaml.syntax.escape")
    if "control characters are not allowed" in text or "unacceptable character" in text:
        return t("yaml.syntax.control_char")
    mark = exc.problem_mark
    return t("yaml.syntax_at", column=(mark.column + 1) if mark else "?")
