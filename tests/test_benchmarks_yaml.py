"""The fast YAML reader gives exactly what the full strict loader gives.

`yamlsafe` builds documents without tags, anchors or aliases straight from the parser's
events (`_PlainReader`, three times faster) and sends every other document to
`_StrictLoader`. Both must agree on everything: the data, the line of every key and item, the
problems and their order, and the errors that stop the reading. These tests run the same
text through both and compare, on a corpus of awkward documents and on generated ones.
"""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from visitguide.bank import yamlsafe
from visitguide.bank.yamlsafe import MarkedDict, MarkedList


def shape(data: Any) -> Any:
    """Data with its marks, in a form that compares with `==` (NaN included)."""
    if isinstance(data, MarkedDict):
        return ("map", data.line, [(k, data.key_lines[k], shape(v)) for k, v in data.items()])
    if isinstance(data, MarkedList):
        return ("seq", data.line, list(zip(data.item_lines, map(shape, data), strict=True)))
    if isinstance(data, float) and math.isnan(data):
        return ("nan",)
    return (type(data).__name__, data)


def outcome(text: str) -> Any:
    """What `parse_lenient` gives for `text`: data and problems, or the problems that stopped it."""
    try:
        data, problems = yamlsafe.parse_lenient(text, "f.yaml")
    except yamlsafe.YamlProblems as exc:
        return ("refused", [str(p) for p in exc.problems])
    return ("read", shape(data), [str(p) for p in problems])


def full_loader_outcome(text: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    def unusual(self: Any) -> Any:
        raise yamlsafe._Unusual

    with monkeypatch.context() as patch:
        patch.setattr(yamlsafe._PlainReader, "read", unusual)
        return outcome(text)


def fast_path_taken(text: str) -> bool:
    try:
        yamlsafe._PlainReader(text).read()
    except yamlsafe._Unusual:
        return False
    except yaml.YAMLError:
        return True
    return True


CORPUS = {
    "bank file": "audience: technique\nquestions:\n  - id: a\n    criteria: ['1.1-01']\n    text: Quoi ?\n",
    "empty": "",
    "comment only": "# rien\n",
    "empty document": "---\n",
    "scalar document": "bonjour\n",
    "top-level null": "~\n",
    "top-level bad date": "2026-02-31\n",
    "top-level merge": "<<\n",
    "flow": "{a: [1, 2, {b: c}], d: {}, e: []}\n",
    "nested lines": "a:\n  b:\n    - 1\n    -\n      - x\n    - c: d\n      e: f\n",
    "scalar kinds": "a: 1\nb: 1.5\nc: .inf\nd: .nan\ne: true\nf: yes\ng: ~\nh:\ni: 2024-11-07\n"
    "j: 2024-11-07 10:00:00\nk: 0x1F\nl: 0o17\nm: '1'\nn: \"2024-11-07\"\n"
    "o: |\n  bloc\n  texte\np: >-\n  plié\n",
    "bad values": "a: 2026-02-31\nb: [2026-13-01, " + "9" * 5000 + "]\nc: {d: 2025-02-29}\n",
    "merge and value": "<<: x\na: <<\nb: [=, <<]\nc: =\n",
    "non-string keys": "1: a\ntrue: b\n~: c\n2024-01-01: d\n1.5: e\n'1': f\n",
    "complex keys": "? [a, b]\n: c\n? {d: e}\n: [f]\ng: h\n",
    "duplicate keys": "a: 1\nb: 2\na: [3, 2026-02-31]\nb: {c: d}\n",
    "problems on one line": "{a: {b: 2026-02-31, 1: x}, c: 2026-02-30, 2: y, c: z}\n",
    "problems at every depth": "a: 2026-02-31\nb:\n  c: 2026-02-30\n  d:\n    - 2026-02-29\n  1: x\n2: y\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "two documents, second broken": "a: 1\n---\nb: [\n",
    "document end marker": "a: 1\n...\n",
    "syntax error": "a: b: c\n",
    "tab": "a:\n\tb: c\n",
    "unclosed flow": "a: [1, 2\n",
    "bad indentation": "a:\n  - b\n - c\n",
    "bad escape": 'a: "\\q"\n',
    "control character": "a: \x07\n",
    "deep nesting": "[" * 2000 + "]" * 2000,
    "deep mappings": "".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v\n",
    "anchor and alias": "a: &x [1]\nb: *x\n",
    "undefined alias": "a: *nothing\n",
    "anchor only": "a: &x 1\n",
    "alias as key": "a: &k x\n*k : y\n",
    "tags": "a: !!str 1\nb: !!int '2'\nc: !custom x\nd: !!set {x}\ne: !!binary aGk=\n",
    "tag on a collection": "a: !!map {b: c}\nd: !foo [1]\n",
    "tag in a skipped value": "a: 1\na: !foo x\n",
    "alias in a skipped value": "x: &y 1\n1: *y\n",
    "non-specific tag": "a: ! 12\n",
    "bom and crlf": "\ufeffa: 1\r\nb: [2]\r\n",
    "unicode": "clé: « valeur » — é\nemoji: 🙂\n",
}


@pytest.mark.parametrize("name", sorted(CORPUS))
def test_the_fast_reader_agrees_with_the_full_loader(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = CORPUS[name]
    assert outcome(text) == full_loader_outcome(text, monkeypatch)


def test_plain_bank_files_take_the_fast_path_and_others_do_not() -> None:
    assert fast_path_taken(CORPUS["bank file"])
    assert fast_path_taken(CORPUS["problems at every depth"])
    for name in ("anchor and alias", "undefined alias", "tags", "tag in a skipped value", "non-specific tag"):
        assert not fast_path_taken(CORPUS[name]), name


def test_problems_keep_the_full_loaders_breadth_first_order() -> None:
    # Deeper problems come after shallower ones, even when they come first in the text.
    _, problems = yamlsafe.parse_lenient(CORPUS["problems on one line"], "f.yaml")
    assert [p.message for p in problems] == [
        yamlsafe.t("yaml.bad_value", value="2026-02-30"),
        yamlsafe.t("yaml.key_not_string"),
        yamlsafe.t("yaml.duplicate_key", key="c"),
        yamlsafe.t("yaml.bad_value", value="2026-02-31"),
        yamlsafe.t("yaml.key_not_string"),
    ]


# --- generated documents -----------------------------------------------------------------

SPECIAL_SCALARS = ["<<", "=", "~", "", "yes", "no", "2026-02-31", "2024-11-07", "1" * 4400, ".nan", "0x1F"]
keys = st.one_of(
    st.text(alphabet="abcé -:#'\"01", min_size=0, max_size=6),
    st.integers(-5, 5),
    st.booleans(),
    st.none(),
    st.sampled_from(SPECIAL_SCALARS),
)
scalars = st.one_of(
    st.text(alphabet="abcé -:#'\"\n01[]{},&*!|>", max_size=12),
    st.integers(),
    st.floats(allow_nan=True),
    st.booleans(),
    st.none(),
    st.dates(min_value=datetime.date(1900, 1, 1)),
    st.sampled_from(SPECIAL_SCALARS),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)),
    max_leaves=25,
)


@st.composite
def yaml_texts(draw: st.DrawFn) -> str:
    """Dumped data in a random style, then edited line by line: duplicated keys, lost or
    swapped lines, special scalars pasted in, characters deleted."""
    text = yaml.safe_dump(
        draw(documents),
        default_flow_style=draw(st.sampled_from([False, True, None])),
        allow_unicode=True,
        sort_keys=False,
        width=draw(st.sampled_from([20, 80, 1000])),
    )
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 3))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["duplicate", "delete", "swap", "special", "cut"]))
        if edit == "duplicate":
            lines.insert(i, lines[i])
        elif edit == "delete":
            del lines[i]
        elif edit == "swap" and i + 1 < len(lines):
            lines[i], lines[i + 1] = lines[i + 1], lines[i]
        elif edit == "special" and ": " in lines[i]:
            head = lines[i].split(": ", 1)[0]
            lines[i] = f"{head}: {draw(st.sampled_from(SPECIAL_SCALARS))}"
        elif edit == "cut" and lines[i]:
            j = draw(st.integers(0, len(lines[i]) - 1))
            lines[i] = lines[i][:j] + lines[i][j + 1 :]
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=yaml_texts())
def test_generated_documents_read_the_same_both_ways(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert outcome(text) == full_loader_outcome(text, monkeypatch)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('x: !!bool "peut-être"\n', "peut-être"),
        ('x: !!timestamp "hier"\n', "hier"),
        ('x: !!seq "ab"\n', "ab"),
        ('x: !!map "ab"\n', "ab"),
        ('- !!seq "ab"\n', "ab"),
    ],
)
def test_an_explicit_tag_pyyaml_cannot_build_is_a_located_problem(text: str, value: str) -> None:
    # These go through the full loader (they have a tag); PyYAML itself raises a bare
    # KeyError, AttributeError or ValueError on them.
    data, problems = yamlsafe.parse_lenient(text, "f.yaml")
    assert [(p.line, p.message) for p in problems] == [(1, yamlsafe.t("yaml.bad_value", value=value))]
    assert data in ({"x": None}, [None])
