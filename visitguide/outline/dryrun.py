"""`interview --dry-run`: what the interview would ask, in order, and nothing written.

`text` is for people (rich, wrapped, indented); `yaml` prints an answers-file skeleton for
rehearsals and training: every question and checkpoint id of one audience, with its text as a
comment, which `interview --answers` accepts as it is (an empty entry is not asked).
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from visitguide.bank import loader as bank
from visitguide.console import out, plain
from visitguide.errors import UsageError
from visitguide.messages import t
from visitguide.outline import views as outline
from visitguide.outline.views import (
    AudienceView,
    CheckpointView,
    CriterionView,
    GuideView,
    QuestionView,
    criterion_text,
)
from visitguide.text import elided, safe_json_text

COMMENT_WIDTH = 96
NBSP = "\u00a0"
_FRENCH_SPACE = re.compile(r" (?=[?!:;»])|(?<=«) ")


def _glue(text: str) -> str:
    """Spaces before French double punctuation made unbreakable, so that no line starts with "?"."""
    return _FRENCH_SPACE.sub(NBSP, text)


def run(guide_id: str | None, audience: str | None, fmt: str, banks: Sequence[Path]) -> int:
    """Print the outline of `audience` (every audience when None) as text or as a skeleton."""
    view = outline.build(bank.resolve(guide_id, banks), audience)
    if fmt == "yaml":
        if len(view.audiences) != 1:
            ids = ", ".join(a.id for a in view.audiences)
            raise UsageError(t("dryrun.yaml_needs_audience", ids=ids))
        plain(skeleton(view, view.audiences[0]))
    else:
        show(view)
    return 0


# --- text, for people ----------------------------------------------------------------------


def show(view: GuideView) -> None:
    _print(t("dryrun.title", title=view.title), style="bold")
    _print(t("dryrun.guide_line", id=view.id, version=view.version, source=view.source))
    _print(t("dryrun.referentiel", referentiel=view.referentiel_label))
    if view.caveat:
        _print("")
        _print(t("provenance.caveat", caveat=view.caveat), style="italic")
    for audience in view.audiences:
        _show_audience(audience, view.added_label)
    _print("")
    _print(t("dryrun.nothing_written"))


def _show_audience(audience: AudienceView, mark: str) -> None:
    _print("")
    _print(t("dryrun.audience", label=audience.label, id=audience.id), style="bold reverse")
    counts = len(audience.questions), len(audience.checkpoints)
    if counts[1]:
        _print(t("dryrun.counts", questions=counts[0], checkpoints=counts[1]))
    else:
        _print(t("dryrun.counts_no_checkpoint", questions=counts[0]))
    for q in audience.questions:
        _print("")
        _item(f"{q.number:>2}. ", q, _marks(q.added, mark), "")
    if audience.sections:
        _print("")
        _print(t("dryrun.checkpoints"), style="bold")
    for section in audience.sections:
        _print("")
        _print(section.title, indent="  ", style="bold")
        for c in section.checkpoints:
            _item("☐ ", c, _marks(c.added, mark), "    ")


def _marks(added: Sequence[str], mark: str) -> dict[str, str]:
    """Field -> "proposé par …" for the fields the bank's author added."""
    return {field: mark for field in added}


def _item(bullet: str, item: QuestionView | CheckpointView, marks: dict[str, str], indent: str) -> None:
    """A question or checkpoint: the text after its bullet, the details aligned under it, each
    addition of the bank's author marked as such."""
    under = indent + " " * len(bullet)
    _print(item.text, indent=indent + bullet, then=under, style="bold")
    _print(t("dryrun.id", id=item.id), indent=under, style="dim")
    details = criteria_lines(item.criteria, marks.get("criteria"))
    if item.hint:
        hint = marks.get("hint")
        details.append(
            t("dryrun.hint_added", mark=hint, hint=item.hint) if hint else t("dryrun.hint", hint=item.hint)
        )
    if item.evidence:
        items, evidence = " ; ".join(item.evidence), marks.get("evidence")
        details.append(
            t("dryrun.evidence_added", mark=evidence, items=items)
            if evidence
            else t("dryrun.evidence", items=items)
        )
    for line in details:
        _print(line, indent=under, then=under + "  ")


def _print(text: str, indent: str = "", then: str | None = None, style: str = "") -> None:
    """`text` wrapped to the terminal's width, the first line after `indent`, the others after
    `then`; written without rich's padding, so piped output has no trailing spaces."""
    from rich.markup import escape

    console = out()
    width = max(console.width, 40)
    lines = textwrap.wrap(
        _glue(text),
        width,
        initial_indent=indent,
        subsequent_indent=indent if then is None else then,
        break_on_hyphens=False,
    ) or [""]
    for line in lines:
        body = escape(line.replace(NBSP, " "))
        console.print(f"[{style}]{body}[/]" if style and line.strip() else body, soft_wrap=True)


def criteria_lines(criteria: Sequence[CriterionView], mark: str | None = None) -> list[str]:
    """One line per criterion: code, title and equivalents (e.g. "2025 : 3.1-07, à confirmer"),
    marked when the bank's author gave them; a line saying so when there is none."""
    if not criteria:
        return [t("dryrun.no_criteria", none=t("provenance.no_criteria"))]
    if mark:
        return [t("dryrun.criterion_added", mark=mark, text=criterion_text(c)) for c in criteria]
    return [t("dryrun.criterion", text=criterion_text(c)) for c in criteria]


# --- yaml: the answers-file skeleton ---------------------------------------------------------


def skeleton(view: GuideView, audience: AudienceView) -> str:
    """An answers file with every id of `audience` and empty values, commented in French."""
    lines = [*_comment(t("dryrun.yaml.head", title=view.title)), *_comment(t("dryrun.yaml.help"))]
    label = _inline(t("dryrun.yaml.audience_label", label=audience.label))
    lines += [
        f"guide: {_scalar(view.id)}",
        f"audience: {_scalar(audience.id)}  # {label}",
        f"# status: completed  # {t('dryrun.yaml.status')}",
        "context:",
        '  establishment: ""',
        f'  sector: ""  # {t("dryrun.yaml.sector")}',
        f'  interviewee_role: ""  # {t("dryrun.yaml.role")}',
        '  visitor: ""',
        f'  date: ""  # {t("dryrun.yaml.date")}',
        "",
    ]
    lines += _answers(audience, view.added_label)
    lines += _checkpoints(audience)
    lines += [
        "",
        *_comment(t("dryrun.yaml.added")),
        "added_questions: []",
    ]
    return "\n".join(lines) + "\n"


def _answers(audience: AudienceView, mark: str) -> list[str]:
    lines = ["answers:"] if audience.questions else ["answers: {}"]
    for q in audience.questions:
        lines += ["", *_comment(f"{q.number}. {q.text}", "  ")]
        codes = ", ".join(c.code for c in q.criteria)
        lines += _comment(t("dryrun.yaml.criteria", codes=codes), "  ")
        if q.evidence:
            items = " ; ".join(q.evidence)
            shown = (
                t("dryrun.evidence_added", mark=mark, items=items)
                if "evidence" in q.added
                else t("dryrun.evidence", items=items)
            )
            lines += _comment(shown, "  ")
        lines += [
            f"  {_scalar(q.id)}:",
            '    notes: ""',
            f"    evidence: []  # {t('dryrun.yaml.evidence')}",
            f"    # status: answered  # {t('dryrun.yaml.answer_status')}",
        ]
    return lines


def _checkpoints(audience: AudienceView) -> list[str]:
    if not audience.sections:
        return ["", "checkpoints: {}"]
    lines = ["", "checkpoints:"]
    for section in audience.sections:
        lines += ["", *_comment(f"— {section.title} —", "  ")]
        for c in section.checkpoints:
            lines += ["", *_comment(elided(t("dryrun.yaml.verify"), c.text), "  ")]
            lines += [
                f"  {_scalar(c.id)}:",
                f"    rating:  # {t('dryrun.yaml.rating')}",
                '    comment: ""',
            ]
    return lines


# What a YAML reader refuses anywhere in a file, comments included (PyYAML's `Reader`).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _printable(text: str) -> str:
    """`text` with what a YAML reader refuses (NUL, lone surrogates, U+FFFE…) as escapes."""
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _inline(text: str) -> str:
    """`text` for a comment at the end of a line: one line, whatever line breaks it held."""
    return " ".join(_printable(text).split())


def _comment(text: str, indent: str = "") -> list[str]:
    """`text` as YAML comment lines, wrapped; no line break in the text (a YAML one: \\n, \\r,
    U+0085, U+2028, U+2029) can end the comment, and nothing a YAML reader refuses is left in:
    the skeleton always loads back, whatever a bank's texts hold."""
    lines = []
    for paragraph in _printable(text).splitlines() or [""]:
        wrapped = textwrap.wrap(_glue(paragraph), COMMENT_WIDTH - len(indent), break_on_hyphens=False)
        lines += [f"{indent}# {w.replace(NBSP, ' ')}" for w in wrapped or [""]]
    return lines


def _scalar(value: str) -> str:
    """`value` bare when YAML reads it back as the same text, else double-quoted."""

    import yaml

    try:
        bare_ok = yaml.safe_load(value) == value and ":" not in value and "#" not in value
    except yaml.YAMLError:
        bare_ok = False
    return value if bare_ok else safe_json_text(json.dumps(value, ensure_ascii=False))
