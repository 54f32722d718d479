"""What one applied template's answers measure, in the terms the office compares parks by: a
percentage (compliance: the weighted score; action plans: the share of items 已完成), a star
level (小微企业园星级), the same per top-level group (per star indicator for a star rating), and
how many items were found wanting (不符合, 滞后).

Built on the checklist rules (checklists.scoring, checklists.stars through inspection.results):
the office's numbers are the report's numbers.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from checklists.errors import LIST_SEPARATORS, Message, Wording, messages
from checklists.errors import language as process_language
from checklists.model import Node, Template, TemplateKind
from checklists.scoring import DONE_STATUSES
from inspection.model import Answer, ParkType
from inspection.results import is_answered, template_result

# Why a template could not be measured, in the language it is shown in (the ranking's lists).
MESSAGES = messages({
    "office.problem.no_score": ("没有可计分的检查结果", "no scored results"),
    "office.problem.no_verified": ("没有已核实的事项", "no verified items"),
    "office.problem.stars_missing": ("星级评定数据不全：{missing}", "the star rating's data is incomplete: {missing}"),
    "office.problem.unrated": ("无法评定星级", "the star level cannot be rated"),
})
WANTING = {"fail", "delayed"}  # 不符合 (compliance), 滞后 (action plans)


@dataclass(frozen=True)
class Measured:
    """One template's answers, measured."""

    percent: float | None  # compliance score or action completion, 0–100 (None: nothing counted)
    stars: int | None  # star level (star rating templates only)
    groups: Mapping[str, float | None] = field(default_factory=dict)  # top group / indicator code
    answered: int = 0
    total: int = 0
    wanting: int = 0  # items judged 不符合 (or 滞后)
    # Why the template could not be measured ("" when it could): words in the language shown
    # (str() in the process's), or the stored results' own Chinese sentence.
    problem: Wording | str = ""

    @property
    def coverage(self) -> float:
        """The share of the template's items that were checked (0–1; 0 for an empty template)."""
        return self.answered / self.total if self.total else 0.0

    @property
    def coverage_text(self) -> str:
        """已检查 N/M as the lists print it: ``5/99``."""
        return f"{self.answered}/{self.total}"

    @property
    def value(self) -> float | None:
        """The one number parks are ranked by: the star level, else the percentage."""
        return float(self.stars) if self.stars is not None else self.percent


def group_titles(template: Template) -> dict[str, str]:
    """What :attr:`Measured.groups` is keyed by, with titles, in the standard's order."""
    if template.kind is TemplateKind.STAR_RATING:
        return {n.code: n.title for n in template.item_nodes}
    return {n.code: n.title for n in template.nodes if not n.is_item}


def input_labels(template: Template) -> dict[str, str]:
    """The star rating's inputs by key, as the item panel names them."""
    labels = {}
    for node in template.item_nodes:
        for spec in node.attrs.get("inputs", ()):
            labels[spec["key"]] = spec["label"]
        if node.attrs.get("judged"):
            labels[f"judged_levels.{node.title}"] = f"{node.title}（评定星级）"
    return labels


def _completion(template: Template, nodes: tuple[Node, ...] | list[Node],
                answers: Mapping[str, Answer]) -> float | None:
    counted = done = 0
    for node in nodes:
        result = answers.get(node.code)
        status = result.result if result is not None else None
        if status is None or status == "na":
            continue
        counted += 1
        done += status in DONE_STATUSES
    return round(100.0 * done / counted, 1) if counted else None


def measure(template: Template, answers: Mapping[str, Answer], *, park_type: ParkType | str,
            as_of: date) -> Measured:
    """Measure *answers* (item code → answer) to *template*; never raises for bad stored data."""
    park = ParkType(park_type)
    result = template_result(template, answers, park_type=park, as_of=as_of)
    wanting = sum(1 for a in answers.values() if a.result in WANTING)
    answered, total = result.answered, result.total
    if template.kind is TemplateKind.COMPLIANCE and result.compliance is not None:
        score = result.compliance
        groups = {code: score.groups[code].percent for code in score.top_level}
        problem: Wording | str = "" if score.overall.percent is not None else Message("office.problem.no_score")
        return Measured(score.overall.percent, None, groups, answered, total, wanting, problem)
    if template.kind is TemplateKind.ACTION_PLAN:
        groups = {top.code: _completion(template, [n for n in top.walk() if n.is_item], answers)
                  for top in template.nodes if not top.is_item}
        percent = _completion(template, template.item_nodes, answers)
        return Measured(percent, None, groups, answered, total, wanting,
                        "" if percent is not None else Message("office.problem.no_verified"))
    if result.stars is not None:
        levels = {i.code: float(i.level) for i in result.stars.indicators}
        groups = {code: levels.get(code) for code in group_titles(template)}
        return Measured(None, result.stars.stars, groups, answered, total, wanting)
    if result.stars_missing:
        labels = input_labels(template)
        problem = Message("office.problem.stars_missing",
                          missing=InputNames(tuple((k, labels.get(k, k)) for k in result.stars_missing)))
    else:
        problem = result.stars_problem or Message("office.problem.unrated")
    return Measured(None, None, {}, answered, total, wanting, problem)


@dataclass(frozen=True)
class Coverage:
    """How many of a template's items an inspection checked (已检查 N/M), and the answers
    measured as the ranking measures them (None when not asked for)."""

    template: Template
    answered: int
    total: int
    measured: Measured | None = None

    @property
    def unchecked(self) -> int:
        return self.total - self.answered


def coverage(templates: Sequence[Template], rows: Iterable[Mapping[str, Any]], *,
             park_type: ParkType | str, on: str | None = None) -> list[Coverage]:
    """Per template, the items checked, from answer rows as the hub gives them (dicts with
    template_id, item_code, result, value): what the review screen says before 通过. With *on*
    (the visit's date), each also carries its :class:`Measured`, as the ranking would measure it."""
    by_template: dict[str, dict[str, Answer]] = {}
    for row in rows:
        by_template.setdefault(row["template_id"], {})[row["item_code"]] = Answer(
            row["template_id"], row["item_code"], row.get("result"), row.get("value"), row.get("note") or "",
            row.get("answered_by") or "", "")
    try:
        park = ParkType(park_type)
    except ValueError:
        park = ParkType.MANUFACTURING
    found = []
    for template in templates:
        answers = by_template.get(template.id, {})
        items = template.item_nodes
        measured = None if on is None else measure(template, answers, park_type=park, as_of=date.fromisoformat(on))
        found.append(Coverage(template, sum(1 for n in items if is_answered(template, n, answers.get(n.code), park)),
                              len(items), measured))
    return found


def problem_text(problem: Wording | str, language: str | None = None) -> str:
    """:attr:`Measured.problem` in *language* (the public lists: ``"zh_CN"``)."""
    return problem.text(language) if isinstance(problem, Wording) else problem


class InputNames(Wording):
    """A star rating's inputs: the standard's labels in Chinese (、), their keys (as rate-stars'
    JSON names them) in English."""

    __slots__ = ("names",)

    def __init__(self, names: tuple[tuple[str, str], ...]) -> None:
        self.names = names  # (key, label)

    def text(self, language: str | None = None) -> str:
        wanted = language or process_language()
        if wanted == "en":
            return LIST_SEPARATORS["en"].join(key for key, _ in self.names)
        return LIST_SEPARATORS["zh_CN"].join(label for _, label in self.names)
