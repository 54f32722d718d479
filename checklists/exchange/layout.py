"""The spreadsheet layout of a template, shared by the writer and the reader (README: 模板的
Excel 版式).

Sheet 条目: one row per node, in document order; the first row holds the column titles (in
Chinese or English, in any order; only 编号 and 标题 are required). Sheet 模板信息: one row
per field (项目, 内容). Sheet 参考文本 (optional): 编号, 标题, 内容 of the parts of the standard
that are not checked (范围, 术语和定义 …). Node attributes without a column of their own go
into 其他属性 as a JSON object.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from checklists.model import SCALES, NodeKind, TemplateKind

FORMAT = "park-inspector-template/1"
ITEMS_SHEET, INFO_SHEET, REFERENCE_SHEET = "条目", "模板信息", "参考文本"
SHEETS = (ITEMS_SHEET, INFO_SHEET, REFERENCE_SHEET)
MAX_ROWS = 20000


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # Chinese, as the writer puts it
    english: str
    width: int = 14


COLUMNS: tuple[Column, ...] = (
    Column("code", "编号", "Code", 10),
    Column("title", "标题", "Title", 36),
    Column("text", "条文", "Text", 60),
    Column("kind", "类型", "Kind", 10),
    Column("level", "层级", "Level", 10),
    Column("weight", "权重", "Weight", 7),
    Column("guidance", "检查要点", "Guidance", 30),
    Column("points", "要点列表", "Points", 30),
    Column("responsible_units", "责任单位", "Responsible units", 20),
    Column("deadline", "时间节点", "Deadline", 12),
    Column("pilot", "试点", "Pilot", 6),
    Column("action", "所属行动", "Action", 20),
    Column("judged", "需评定", "Judged", 7),
    Column("criteria_1", "一星级", "1 star", 24),
    Column("criteria_2", "二星级", "2 stars", 24),
    Column("criteria_3", "三星级", "3 stars", 24),
    Column("criteria_4", "四星级", "4 stars", 24),
    Column("criteria_5", "五星级", "5 stars", 24),
    Column("inputs", "测量项", "Inputs", 30),
    Column("rule", "评定规则", "Rule", 30),
    Column("extra", "其他属性", "Other attributes", 30),
)
COLUMN_BY_TITLE: dict[str, Column] = {}
for _column in COLUMNS:
    for _name in (_column.title, _column.english, _column.key):
        COLUMN_BY_TITLE[_name.strip().lower()] = _column
STAR_LEVELS = ("1", "2", "3", "4", "5")
# Attributes with a column of their own; anything else goes into 其他属性.
ATTR_COLUMNS = ("points", "responsible_units", "deadline", "pilot", "action", "judged",
                "criteria", "inputs", "rule")

KIND_LABELS: dict[NodeKind, str] = {
    NodeKind.GROUP: "分组", NodeKind.CHECK: "检查", NodeKind.STAR: "星级指标",
    NodeKind.ACTION: "行动事项",
}
TEMPLATE_KIND_LABELS: dict[TemplateKind, str] = {
    TemplateKind.COMPLIANCE: "符合性检查", TemplateKind.STAR_RATING: "星级评定",
    TemplateKind.ACTION_PLAN: "行动方案",
}
ITEM_KIND: dict[TemplateKind, NodeKind] = {
    TemplateKind.COMPLIANCE: NodeKind.CHECK, TemplateKind.STAR_RATING: NodeKind.STAR,
    TemplateKind.ACTION_PLAN: NodeKind.ACTION,
}


def kind_names(labels: Mapping[Any, str]) -> dict[str, Any]:
    """Every accepted spelling (Chinese label, English value) → the enum member."""
    names: dict[str, Any] = {}
    for member, label in labels.items():
        names[label] = member
        names[member.value] = member
    return names


NODE_KINDS = kind_names(KIND_LABELS)
TEMPLATE_KINDS = kind_names(TEMPLATE_KIND_LABELS)


@dataclass(frozen=True)
class InfoField:
    key: str
    title: str
    english: str


INFO_FIELDS: tuple[InfoField, ...] = (
    InfoField("format", "版式", "Layout"),
    InfoField("title", "标题", "Title"),
    InfoField("short_title", "简称", "Short title"),
    InfoField("issuer", "发布机构", "Issuer"),
    InfoField("document_number", "文件编号", "Document number"),
    InfoField("edition", "版本", "Edition"),
    InfoField("year", "计划年份", "Plan year"),
    InfoField("kind", "模板类型", "Template kind"),
    InfoField("level_names", "层级名称", "Level names"),
    InfoField("note", "说明", "Note"),
    InfoField("result_scale", "评价尺度", "Result scale"),
    InfoField("source", "来源", "Source"),
    InfoField("id", "原模板编号", "Exported from"),
)
INFO_BY_TITLE = {name.strip().lower(): f for f in INFO_FIELDS
                 for name in (f.title, f.english, f.key)}
INFO_HEADER = ("项目", "内容")
REFERENCE_HEADER = ("编号", "标题", "内容")


def scale_text(kind: TemplateKind) -> str:
    return " / ".join(option.label for option in SCALES[kind])


# --- cells ------------------------------------------------------------------------------------

YES = frozenset({"是", "*", "＊", "√", "y", "yes", "true", "1", "x"})
NO = frozenset({"否", "n", "no", "false", "0"})
_UNIT_SEPARATORS = re.compile(r"[、\n;；]+")
_MONTH = re.compile(r"^(\d{1,2})月$")
_YEAR_MONTH = re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)?$")
_YEAR_END = re.compile(r"^(\d{4})\s*年\s*(?:底|年底|末)$")
NOT_GIVEN = "未规定"


def yes_no(value: str) -> bool | None:
    """True / False for 是 / 否 (and their usual spellings), None when it is neither."""
    folded = value.strip().lower()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return None


def split_units(cell: str) -> list[str]:
    return [unit.strip() for unit in _UNIT_SEPARATORS.split(cell) if unit.strip()]


def split_points(cell: str) -> list[str]:
    return [line.strip() for line in cell.splitlines() if line.strip()]


def parse_deadline(text: str, year: int | None) -> dict[str, Any] | None:
    """A 时间节点 as data; None when it names a month and no plan year says which year.

    ``9月`` is a month of the plan year; ``2023年9月`` and ``2023年底`` name their year;
    持续推进 is ongoing, 已完成… done, 未规定 not given (never overdue); other wording is kept
    as written and is never overdue either.
    """
    text = text.strip()
    if (m := _MONTH.match(text)) and 1 <= int(m.group(1)) <= 12:
        if year is None:
            return None
        return {"kind": "month", "year": year, "month": int(m.group(1)), "text": text}
    if (m := _YEAR_MONTH.match(text)) and 1 <= int(m.group(2)) <= 12:
        return {"kind": "month", "year": int(m.group(1)), "month": int(m.group(2)), "text": text}
    if m := _YEAR_END.match(text):
        return {"kind": "month", "year": int(m.group(1)), "month": 12, "text": text}
    if text.startswith("持续"):
        return {"kind": "ongoing", "text": text}
    if text.startswith("已完成"):
        return {"kind": "done", "text": text}
    if text == NOT_GIVEN:
        return {"kind": "unspecified", "text": text}
    return {"kind": "other", "text": text}


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
