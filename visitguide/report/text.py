"""The HTML and Markdown reports, rendered from jinja2 templates in `visitguide/templates/`.

The environments, escaping and compiled-template cache are those of every template
(`visitguide.templating`): HTML autoescaped, every Markdown `{{ value }}` escaped.
"""

from __future__ import annotations

from typing import Any

from visitguide import templating
from visitguide.messages import language, t
from visitguide.report import display as view
from visitguide.report import synthesis
from visitguide.report import visit as m


def _audience_label(visit: m.Visit) -> Any:
    labels = {a.id: a.label for a in visit.audiences}
    return lambda audience: labels.get(audience, audience)


def context(visit: m.Visit) -> dict[str, Any]:
    """What the report templates read: the visit, the display helpers, the words."""
    return {
        "v": view,
        "visit": visit,
        "lang": language(),
        "dates": view.dates(visit.header),
        "titles": view.criterion_titles(visit),
        "codes": view.shown_codes(visit),
        "labels": view.audience_labels(visit),
        "aud": _audience_label(visit),
        "diffs": view.by_id(visit),
        "basis_label": view.basis_labels(),
        "synth": lambda c: synthesis.statements(visit, c),
        "running": view.running_header(visit, view.dates(visit.header)),
        "page_numbers": templating.css_counters(t("report.page", page="{page}", pages="{pages}")),
        "by_code": sorted(visit.interviews, key=lambda i: view.code_number(i.code)),
    }


def render(visit: m.Visit, kind: str, only: str | None = None) -> str:
    """The report as HTML or Markdown text; `only="documents"`: the documents to request alone."""
    values = context(visit)
    values["standalone"] = only is not None
    if kind == "html":
        values.update(heat=view.heat_map(visit), bars=view.bar_chart(visit))
    name = f"report.{kind}.j2" if only is None else f"documents.{kind}.j2"
    return templating.render(name, kind, values)
