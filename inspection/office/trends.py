"""One park over its visits (历次检查): per visit the score of each template and of each of its
top-level groups, the star level, how many items were 不符合 (or 滞后), and the findings opened
at the visit, closed at it, and still open after it.

A visit's findings say what happened between visits: a finding carried from the visit before
(``carried_from``) and now closed was rectified in between; one without ``carried_from`` is new.
Visits come from the hub (every inspection of the park the reader may see, completed or
signed) or, offline, from the data folder; the computation is the same.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checklists.library import UnknownTemplate, get_template
from checklists.model import Template
from inspection.model import Answer, ParkType
from inspection.office.measures import Measured, group_titles, measure


@dataclass(frozen=True)
class VisitFinding:
    template_id: str
    item_code: str
    status: str  # open / closed
    carried: bool  # continues a finding of an earlier visit


@dataclass(frozen=True)
class Visit:
    """One inspection of the park, as the trend reads it."""

    inspection_id: str
    date: str
    template_ids: tuple[str, ...]
    answers: Mapping[tuple[str, str], Answer]  # (template id, item code) → answer
    findings: tuple[VisitFinding, ...] = ()
    status: str = "completed"
    revision: int = 1
    inspector: str = ""
    review: str | None = None  # approved / returned / None (not reviewed)

    def answers_for(self, template_id: str) -> dict[str, Answer]:
        return {code: a for (tid, code), a in self.answers.items() if tid == template_id}


@dataclass(frozen=True)
class TrendPoint:
    visit: Visit
    templates: Mapping[str, Measured]  # template id → measured
    opened: int  # findings new at this visit
    closed: int  # findings closed at this visit (rectified since the visit before, or on the spot)
    still_open: int  # open after this visit

    @property
    def wanting(self) -> int:
        return sum(m.wanting for m in self.templates.values())

    @property
    def stars(self) -> int | None:
        return next((m.stars for m in self.templates.values() if m.stars is not None), None)


@dataclass(frozen=True)
class Series:
    """One line of the chart: a template's overall score or one of its groups, over the visits."""

    key: str  # "000" or "000/2"
    label: str
    values: tuple[float | None, ...]  # one per visit, None where the visit did not measure it
    overall: bool  # a template's overall score (drawn bold) rather than a group's


@dataclass(frozen=True)
class ParkTrends:
    park: Mapping[str, Any]  # {"id", "name", "park_type", …}
    points: tuple[TrendPoint, ...]
    templates: tuple[Template, ...] = field(default_factory=tuple)

    @property
    def dates(self) -> tuple[str, ...]:
        return tuple(p.visit.date for p in self.points)

    def series(self) -> list[Series]:
        """The chart's lines: each template's overall score, then its groups (star ratings by
        indicator level)."""
        lines = []
        for template in self.templates:
            lines.append(Series(template.id, template.short_title or template.title,
                                tuple(p.templates[template.id].value if template.id in p.templates else None
                                      for p in self.points), True))
            for code, title in group_titles(template).items():
                lines.append(Series(f"{template.id}/{code}", f"{code} {title}",
                                    tuple(p.templates[template.id].groups.get(code)
                                          if template.id in p.templates else None for p in self.points),
                                    False))
        return lines

    def to_dict(self) -> dict[str, Any]:
        titles = {t.id: group_titles(t) for t in self.templates}
        return {
            "park": dict(self.park),
            "templates": [{"id": t.id, "title": t.title, "kind": t.kind.value,
                           "groups": [{"code": c, "title": n} for c, n in titles[t.id].items()]}
                          for t in self.templates],
            "visits": [{
                "inspection_id": p.visit.inspection_id, "date": p.visit.date, "status": p.visit.status,
                "revision": p.visit.revision, "inspector": p.visit.inspector, "review": p.visit.review,
                "stars": p.stars, "wanting": p.wanting, "findings_opened": p.opened,
                "findings_closed": p.closed, "findings_open": p.still_open,
                "templates": {tid: {"score": m.percent, "stars": m.stars, "answered": m.answered,
                                    "total": m.total, "wanting": m.wanting, "groups": dict(m.groups),
                                    "problem": str(m.problem)}
                              for tid, m in p.templates.items()}}
                for p in self.points],
        }


def _template(template_id: str) -> Template | None:
    try:
        return get_template(template_id)
    except UnknownTemplate:  # imported on another laptop and not here: left out, not a failure
        return None


def park_trends(park: Mapping[str, Any], visits: Sequence[Visit]) -> ParkTrends:
    """The park's visits in date order, each measured; *park* has at least ``park_type``."""
    park_type = ParkType(park.get("park_type") or "manufacturing")
    ordered = sorted(visits, key=lambda v: (v.date, v.inspection_id))
    templates: dict[str, Template] = {}
    points = []
    for visit in ordered:
        measured = {}
        for template_id in visit.template_ids:
            template = templates.get(template_id) or _template(template_id)
            if template is None:
                continue
            templates[template_id] = template
            measured[template_id] = measure(template, visit.answers_for(template_id), park_type=park_type,
                                            as_of=date.fromisoformat(visit.date))
        points.append(TrendPoint(
            visit, measured,
            opened=sum(1 for f in visit.findings if not f.carried),
            closed=sum(1 for f in visit.findings if f.status == "closed"),
            still_open=sum(1 for f in visit.findings if f.status == "open")))
    return ParkTrends(dict(park), tuple(points), tuple(templates.values()))
