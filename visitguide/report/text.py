"""The HTML and Markdown reports, rendered from jinja2 templates in `visitguide/templates/`.

The environments, escaping and compiled-template cache are those of every template
(`visitguide.templating`): HTML autoescaped, every Markdown `{{ value }}` escaped.
"""

from __future__ import annotations

from typing import Any

from visitguide import templating
from visitguide.messages import language, t
from visitguide.report import display as view
from visitguide.report import visit as m


def _audience_label(visit: m.Visit) -> Any:
    labels = {a.id: a.label for a in visit.audiences}
    return lambda audience: labels.get(audience, audience)


def dates(header: m.Header) -> str:
    if header.first_date is None:
        return "—"
    if header.first_date == header.last_date:
        return header.first_date
    return t("report.h.date_range", first=header.first_date, last=header.last_date)


def render(visit: m.Visit, kind: str) -> str:
    """The report as HTML or Markdown text."""
    context: dict[str, Any] = {
        "v": view,
        "visit": visit,
        "lang": language(),
        "dates": dates(visit.header),
        "titles": view.criterion_titles(visit),
        "labels": view.audience_labels(visit),
        "aud": _audience_label(visit),
    }
    if kind == "html":
        context.update(heat=view.heat_map(visit), bars=view.bar_chart(visit))
    return templating.render(f"report.{kind}.j2", kind, context)
