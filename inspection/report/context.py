"""What every section of the report reads: the inspection, its results, and numbering.

Photos and findings are numbered once, in checklist order, so that a results row can say
“照片 3、4” or “整改 2” and the appendix and the rectification list use the same numbers.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from xml.sax.saxutils import escape

from checklists.library import get_template
from checklists.model import Template
from inspection.model import Finding, InspectionSnapshot, Photo
from inspection.paths import DataDir
from inspection.results import TemplateResult

REPORT_TITLE = "园区现场检查报告"
NOT_CHECKED = "未检查"
CN_NUMERALS = "一二三四五六七八九十"


def esc(text: Any) -> str:
    """User text made safe for a Paragraph (XML escaped; line breaks kept)."""
    return escape(str(text or "")).replace("\n", "<br/>")


def section_number(index: int) -> str:
    """一、二、三 … for top-level sections (index from 0)."""
    return CN_NUMERALS[index] if index < len(CN_NUMERALS) else str(index + 1)


def format_time(iso: str | None, *, seconds: bool = False) -> str:
    """An ISO time as the report shows it (local wall time, no offset): 2026-11-20 10:32."""
    if not iso:
        return "—"
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return moment.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def format_date_cn(iso: str) -> str:
    """2026-11-20 → 2026年11月20日"""
    try:
        day = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.year}年{day.month}月{day.day}日"


def join_numbers(prefix: str, numbers: list[int]) -> str:
    return f"{prefix} {'、'.join(str(n) for n in numbers)}" if numbers else ""


@dataclass
class ReportContext:
    """The inspection as the report sees it, with the numbering of photos and findings."""

    snapshot: InspectionSnapshot
    results: list[TemplateResult]
    data_dir: DataDir
    photos: list[Photo] = field(default_factory=list)  # in appendix order
    photo_numbers: dict[int, int] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # in list order
    finding_numbers: dict[int, int] = field(default_factory=dict)
    photos_per_page: int = 2  # photo appendix layout: 1 large, 2 medium, 4 small

    @property
    def templates(self) -> list[Template]:
        return [r.template for r in self.results]

    def photo_refs(self, template_id: str, code: str) -> str:
        numbers = sorted(self.photo_numbers[p.id]
                         for p in self.snapshot.photos_for(template_id, code))
        return join_numbers("照片", numbers)

    def finding_refs(self, template_id: str, code: str) -> list[int]:
        return sorted(self.finding_numbers[f.id]
                      for f in self.snapshot.findings_for(template_id, code))

    def item_label(self, template_id: str | None, code: str | None) -> str:
        """“000 1-1-2 符合要求的道路、标牌、照明” (the template id only when several apply)."""
        if template_id is None or code is None:
            return "综合"
        template = get_template(template_id)
        title = template.find(code).title if template.has(code) else ""
        prefix = f"{template_id} " if len(self.results) > 1 else ""
        return f"{prefix}{code} {title}".strip()


def make_context(snapshot: InspectionSnapshot, results: list[TemplateResult],
                 data_dir: DataDir, *, photos_per_page: int = 2) -> ReportContext:
    """Number the photos and findings in the order of the templates and their items."""
    order: dict[tuple[str, str], int] = {}
    for t_index, template_id in enumerate(snapshot.inspection.template_ids):
        for n_index, node in enumerate(get_template(template_id).walk()):
            order[(template_id, node.code)] = t_index * 100000 + n_index
    last = len(order) + 10 ** 9

    def position(template_id: str | None, code: str | None) -> int:
        if template_id is None or code is None:
            return last
        return order.get((template_id, code), last - 1)

    photos = sorted(snapshot.photos, key=lambda p: (position(p.template_id, p.item_code), p.id))
    findings = sorted(snapshot.findings,
                      key=lambda f: (position(f.template_id, f.item_code), f.id))
    return ReportContext(
        snapshot=snapshot, results=results, data_dir=data_dir, photos=photos,
        photo_numbers={p.id: i for i, p in enumerate(photos, start=1)},
        findings=findings, finding_numbers={f.id: i for i, f in enumerate(findings, start=1)},
        photos_per_page=photos_per_page)


def value_text(value: Mapping[str, Any] | None, inputs: Sequence[Mapping[str, Any]] = ()) -> str:
    """Measured values as 标签 数值 单位, using a star indicator's input labels when known."""
    if not value:
        return ""
    specs = {spec["key"]: spec for spec in inputs}
    parts = []
    # In the indicator's own order (占地面积 before 建筑面积), then anything else stored.
    for key in [k for k in specs if k in value] + [k for k in value if k not in specs]:
        raw = value[key]
        spec = specs.get(key)
        label = spec["label"] if spec else key
        unit = spec.get("unit", "") if spec else ""
        if isinstance(raw, (list, tuple)):
            shown = "、".join(str(v) for v in raw) or "无"
            unit = ""
        elif unit == "比例" and isinstance(raw, (int, float)):
            shown, unit = f"{raw * 100:g}%", ""
        elif unit == "档":
            shown = f"{raw} "
        else:
            shown = f"{raw:g}" if isinstance(raw, float) else str(raw)
        parts.append(f"{label}：{shown}{unit}".strip())
    return "；".join(parts)
