"""Scores of compliance checklists and status counts of action plans: pure functions.

Compliance: 符合 1, 基本符合 0.5, 不符合 0, 不适用 excluded; weighted percentage per group and
overall. Unanswered items are reported, never silently counted as zero.
Action plans: counts per status, and the items overdue as of a given date.
"""
from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from checklists.model import Node, NodeKind, Template, TemplateKind


@dataclass(frozen=True)
class GroupScore:
    """The compliance score of one group (or of the whole template)."""

    code: str
    title: str
    total: int  # items in the group
    answered: int
    counted: int  # answered and not 不适用
    points: float  # weighted score earned
    possible: float  # weighted score possible over the counted items
    counts: Mapping[str, int] = field(default_factory=dict)  # result key -> number of items
    unanswered: tuple[str, ...] = ()

    @property
    def percent(self) -> float | None:
        """Weighted compliance in percent, or None when nothing counted yet."""
        if self.possible <= 0:
            return None
        return round(100.0 * self.points / self.possible, 1)

    def to_dict(self) -> dict:
        return {
            "code": self.code,
            "title": self.title,
            "total": self.total,
            "answered": self.answered,
            "counted": self.counted,
            "percent": self.percent,
            "counts": dict(self.counts),
            "unanswered": list(self.unanswered),
        }


@dataclass(frozen=True)
class ComplianceScore:
    """Overall score, and one score per group of every level (keyed by group code)."""

    overall: GroupScore
    groups: Mapping[str, GroupScore]
    top_level: tuple[str, ...]  # codes of the top-level groups, in order

    def to_dict(self) -> dict:
        return {
            "overall": self.overall.to_dict(),
            "groups": [self.groups[code].to_dict() for code in self.top_level],
        }


def score_compliance(template: Template, results: Mapping[str, str]) -> ComplianceScore:
    """Score *results* (item code → result key) against a compliance *template*."""
    if template.kind is not TemplateKind.COMPLIANCE:
        raise ValueError(f"template {template.id} is not a compliance checklist")
    scores = {option.key: option.score for option in template.result_scale}
    groups: dict[str, GroupScore] = {}

    def visit(node: Node) -> _Tally:
        tally = _Tally()
        for child in node.children:  # a node's children count first, then the node itself
            if child.children or child.kind is NodeKind.GROUP:
                tally.add(visit(child))
            else:  # a leaf item: straight into its parent's sums
                tally.item(child, results.get(child.code), scores)
        if node.is_item:
            tally.item(node, results.get(node.code), scores)
        if node.kind is NodeKind.GROUP:
            groups[node.code] = tally.score(node.code, node.title)
        return tally

    overall = _Tally()
    for node in template.nodes:
        overall.add(visit(node))
    return ComplianceScore(overall.score("", template.title), groups,
                           tuple(n.code for n in template.nodes if not n.is_item))


class _Tally:
    """Running sums of one group while the tree is walked (one object per group, not per
    item: the home list scores thousands of inspections)."""

    __slots__ = ("total", "answered", "counted", "points", "possible", "counts", "unanswered")

    def __init__(self) -> None:
        self.total = self.answered = self.counted = 0
        self.points = self.possible = 0.0
        self.counts: dict[str, int] = {}
        self.unanswered: list[str] = []

    def add(self, other: _Tally) -> None:
        self.total += other.total
        self.answered += other.answered
        self.counted += other.counted
        self.points += other.points
        self.possible += other.possible
        for key, n in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + n
        self.unanswered.extend(other.unanswered)

    def item(self, item: Node, key: str | None, scores: Mapping[str, float | None]) -> None:
        self.total += 1
        if key is None:
            self.unanswered.append(item.code)
            return
        if key not in scores:
            raise ValueError(f"item {item.code}: the result {key!r} is not on the scale")
        self.answered += 1
        self.counts[key] = self.counts.get(key, 0) + 1
        value = scores[key]
        if value is not None:
            self.counted += 1
            self.points += item.weight * value
            self.possible += item.weight

    def score(self, code: str, title: str) -> GroupScore:
        return GroupScore(code, title, self.total, self.answered, self.counted, self.points,
                          self.possible, dict(self.counts), tuple(self.unanswered))


# --- action plans ----------------------------------------------------------------------------

DONE_STATUSES = frozenset({"done", "na"})


def due_date(item: Node) -> date | None:
    """The last day of an action item's deadline month; None when ongoing, done or undated."""
    deadline = item.attrs.get("deadline") or {}
    if deadline.get("kind") != "month":
        return None
    year, month = int(deadline["year"]), int(deadline["month"])
    return date(year, month, calendar.monthrange(year, month)[1])


@dataclass(frozen=True)
class OverdueItem:
    code: str
    title: str
    deadline: str  # as the plan writes it (9月)
    due: date
    status: str | None  # None when not yet checked

    def to_dict(self) -> dict:
        return {"code": self.code, "title": self.title, "deadline": self.deadline,
                "due": self.due.isoformat(), "status": self.status}


@dataclass(frozen=True)
class ActionStatus:
    """How many action items have each status, which are unchecked, which are overdue."""

    total: int
    counts: Mapping[str, int]
    unanswered: tuple[str, ...]
    overdue: tuple[OverdueItem, ...]
    as_of: date

    def to_dict(self) -> dict:
        return {
            "total": self.total,
            "counts": dict(self.counts),
            "unanswered": list(self.unanswered),
            "overdue": [item.to_dict() for item in self.overdue],
            "as_of": self.as_of.isoformat(),
        }


def action_status(template: Template, results: Mapping[str, str], *, as_of: date) -> ActionStatus:
    """Count *results* (item code → status key) and list the items overdue on *as_of*.

    An item is overdue when its deadline month has ended before *as_of* and it is neither
    已完成 nor 不适用 (an unchecked item counts: nobody has shown it is done).
    """
    if template.kind is not TemplateKind.ACTION_PLAN:
        raise ValueError(f"template {template.id} is not an action plan")
    valid = {option.key for option in template.result_scale}
    counts = {option.key: 0 for option in template.result_scale}  # in the scale's order
    unanswered, overdue = [], []
    items = template.item_nodes
    due_dates = template.memo.get("due_dates")
    if due_dates is None:
        due_dates = template.memo["due_dates"] = {item.code: due_date(item) for item in items}
    for item in items:
        status = results.get(item.code)
        if status is None:
            unanswered.append(item.code)
        elif status not in valid:
            raise ValueError(f"action {item.code}: the status {status!r} is not valid")
        else:
            counts[status] += 1
        due = due_dates[item.code]
        if due is not None and due < as_of and status not in DONE_STATUSES:
            overdue.append(OverdueItem(item.code, item.title, item.attrs["deadline"]["text"],
                                       due, status))
    return ActionStatus(len(items), counts, tuple(unanswered), tuple(overdue), as_of)


def is_overdue(item: Node, status: str | None, *, as_of: date) -> bool:
    due = due_date(item)
    return due is not None and due < as_of and status not in DONE_STATUSES
