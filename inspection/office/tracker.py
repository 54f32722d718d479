"""The 整改 tracker: every finding still open across parks — the park, the item, what must be done,
the responsible unit (责任单位), the deadline and how many days it is overdue, the evidence on
the hub (photos of the item at the visit) — filtered by park, unit and overdue.

A finding is open when it is open in the current revision of a completed or signed inspection
and no later shared visit carried it on (the hub's ``open_findings`` view; drafts never show).
The rows come from the hub a page at a time (inspection.hub.office.tracker_rows).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

SEVERITY_LABELS = {"minor": "一般", "major": "较重", "critical": "严重"}


def days_overdue(deadline: str | date | None, as_of: date) -> int | None:
    """Days past the deadline on *as_of* (0 on the day itself and before; None: no deadline)."""
    if deadline is None or deadline == "":
        return None
    due = deadline if isinstance(deadline, date) else date.fromisoformat(str(deadline)[:10])
    return max(0, (as_of - due).days)


@dataclass(frozen=True)
class TrackerFilter:
    """Which open findings to list: a park (its id, or part of its name), a responsible unit
    (part of it), overdue ones only; the day overdue is counted from (today when None: the
    pages of one list give the same day, or a list open across midnight counts its later
    pages from the next day and repeats or skips rows); and the page."""

    park: str = ""
    unit: str = ""
    overdue_only: bool = False
    limit: int | None = None
    offset: int = 0
    as_of: date | None = None

    @property
    def said(self) -> str:
        """The filter in words (the Excel sheet's heading says what it lists)."""
        parts = []
        if self.park:
            parts.append(f"园区：{self.park}")
        if self.unit:
            parts.append(f"责任单位：{self.unit}")
        if self.overdue_only:
            parts.append("仅逾期")
        return "；".join(parts) or "全部"


@dataclass(frozen=True)
class TrackedFinding:
    id: str
    park_id: str
    park: str
    inspection_id: str
    inspection_date: str
    report_number: str
    template_id: str
    item_code: str
    item_title: str
    severity: str
    requirement: str
    deadline: str | None
    responsible: str
    days_overdue: int | None
    photos: int  # evidence: photos of the item at the visit (on the hub)
    note: str = ""  # the inspector's note on the item at the visit
    inspector: str = ""

    @property
    def overdue(self) -> bool:
        return bool(self.days_overdue)

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class TrackerPage:
    rows: tuple[TrackedFinding, ...]
    total: int  # all that match the filter (the page holds rows[offset:offset+limit])
    overdue: int  # of those, how many are overdue
    as_of: date = field(default_factory=date.today)
    wanted: TrackerFilter = field(default_factory=TrackerFilter)

    def to_dict(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "total": self.total, "overdue": self.overdue,
                "filter": {"park": self.wanted.park, "unit": self.wanted.unit,
                           "overdue_only": self.wanted.overdue_only},
                "findings": [r.to_dict() for r in self.rows]}


def item_title(template_id: str, item_code: str) -> str:
    """The item's title (its code alone when the template is not known here)."""
    from checklists.library import UnknownTemplate, get_template

    try:
        template = get_template(template_id)
        return template.find(item_code).title if template.has(item_code) else ""
    except UnknownTemplate:
        return ""
