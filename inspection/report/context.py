"""What every section of the report reads: the inspection, its results, and numbering.

Photos and findings are numbered once, in checklist order, so that a results row can say
“照片 3、4” or “整改 2” and the appendix and the rectification list use the same numbers.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from html import escape as _html_escape
from typing import Any

from checklists.library import get_template
from checklists.model import Template, TemplateKind
from checklists.scoring import ActionStatus, OverdueItem
from inspection.evidence_rules import Breach, breaches
from inspection.model import Finding, InspectionSnapshot, Photo
from inspection.paths import DataDir
from inspection.photos.order import capture_order_key
from inspection.results import TemplateResult

REPORT_TITLE = "园区现场检查报告"
NOT_CHECKED = "未检查"
CN_NUMERALS = "一二三四五六七八九十"


def esc(text: Any) -> str:
    """User text made safe for a Paragraph (XML escaped; line breaks kept)."""
    # & < > only, as xml.sax.saxutils.escape (whose import pulls in urllib.request, http and ssl)
    return _html_escape(str(text or ""), quote=False).replace("\n", "<br/>")


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


def number_ranges(numbers: Iterable[int]) -> str:
    """Numbers as runs: 1–3、5、7–9 (a run of two stays two numbers: 4、5)."""
    ordered = sorted(set(numbers))
    parts: list[str] = []
    start = previous = None
    for number in [*ordered, None]:
        if number is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None:
            if previous == start:
                parts.append(str(start))
            elif previous == start + 1:
                parts += [str(start), str(previous)]
            else:
                parts.append(f"{start}–{previous}")
        start = previous = number
    return "、".join(parts)


def join_numbers(prefix: str, numbers: Iterable[int]) -> str:
    """“照片 1–51” / “整改 2、4”: *prefix* and the numbers as runs ('' when there are none)."""
    text = number_ranges(numbers)
    return f"{prefix} {text}" if text else ""


# Template texts copied from the sources carry half-width punctuation and the odd traditional
# character; the report shows them in Chinese typography, the template keeps its source text.
_TRADITIONAL = str.maketrans("門們開關東車長見說時會區團業產條員應進經濟發設計與為個機構標準規務",
                             "门们开关东车长见说时会区团业产条员应进经济发设计与为个机构标准规务")
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_CJK_CHAR = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》]")


def _is_cjk(char: str) -> bool:
    return bool(char) and _CJK_CHAR.match(char) is not None


def display_text(text: str) -> str:
    """A template's text as the report prints it: ，；：（） next to Chinese, 门 not 門.

    A mark between Latin letters or digits stays as it is (GB/T 1.1, 10:30, (a)); a space
    after a converted comma or colon goes (“能力, 推进” → “能力，推进”).
    """
    if not text:
        return ""
    text = text.translate(_TRADITIONAL)
    if not any(mark in text for mark in _HALF_TO_FULL):
        return text
    out: list[str] = []
    length = len(text)
    i = 0
    while i < length:
        char = text[i]
        full = _HALF_TO_FULL.get(char)
        if full is None:
            out.append(char)
            i += 1
            continue
        j = i - 1
        while j >= 0 and text[j] == " ":
            j -= 1
        k = i + 1
        while k < length and text[k] == " ":
            k += 1
        before = text[j] if j >= 0 else ""
        after = text[k] if k < length else ""
        if char == "(":
            chinese = _is_cjk(after)
        elif char == ")":
            chinese = _is_cjk(before)
        else:
            chinese = _is_cjk(before) or (_is_cjk(after) and not before[-1:].isascii())
        if not chinese:
            out.append(char)
            i += 1
            continue
        while out and out[-1] == " " and char != "(":
            out.pop()  # “能力 ,” → “能力，”
        out.append(full)
        i += 1
        if char != ")":
            while i < length and text[i] == " ":
                i += 1  # “能力, 推进” → “能力，推进”
    return "".join(out)


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
    signed: bool = False  # the PDF will be signed (never claimed otherwise)
    # items whose result lacks what their evidence rule needs, in report order
    breaches: dict[tuple[str, str], Breach] = field(default_factory=dict)

    @property
    def templates(self) -> list[Template]:
        return [r.template for r in self.results]

    def photo_refs(self, template_id: str, code: str) -> str:
        return join_numbers("照片", self._numbers_by_item("_photo_index", self.photos,
                                                        self.photo_numbers, template_id, code))

    def finding_refs(self, template_id: str, code: str) -> list[int]:
        return self._numbers_by_item("_finding_index", self.findings, self.finding_numbers,
                                     template_id, code)

    def _numbers_by_item(self, cache: str, records: Sequence[Photo] | Sequence[Finding],
                         numbers: Mapping[int, int], template_id: str, code: str) -> list[int]:
        """The numbers of an item's photos or findings (indexed once, not searched per item)."""
        index: dict[tuple[str | None, str | None], list[int]] | None = self.__dict__.get(cache)
        if index is None:
            index = {}
            for record in records:
                index.setdefault((record.template_id, record.item_code), []).append(
                    numbers[record.id])
            self.__dict__[cache] = index
        return sorted(index.get((template_id, code), ()))

    def item_label(self, template_id: str | None, code: str | None) -> str:
        """“长三角开发区营商环境 1-1-2 符合要求的道路、标牌、照明”: the standard's short name
        (only when several apply; never the internal template id), the item's number and title."""
        if template_id is None or code is None:
            return "综合"
        template = get_template(template_id)
        title = display_text(template.find(code).title) if template.has(code) else ""
        number = f"指标 {code}" if template.kind is TemplateKind.STAR_RATING else code
        prefix = f"{short_name(template)} " if len(self.results) > 1 else ""
        return f"{prefix}{number} {title}".strip()


def short_name(template: Template) -> str:
    """The name a reader knows a standard by (its short title), never the internal id."""
    return display_text(template.short_title or template.title)


def unknown_records(snapshot: InspectionSnapshot) -> list[str]:
    """Answers, findings and photos that point at an item (or a result) the inspection's
    templates do not have: “000 9-9-9”. The report is refused on these before any work."""
    applied = set()
    problems: list[str] = []
    for template_id in snapshot.inspection.template_ids:
        try:
            get_template(template_id)
        except KeyError:
            problems.append(template_id)
        else:
            applied.add(template_id)

    def check(template_id: str | None, code: str | None, result: str | None = None) -> None:
        if template_id is None or code is None:
            return
        if template_id not in applied:
            if template_id in snapshot.inspection.template_ids:
                return  # the template itself is missing: named once above
            problems.append(f"{template_id} {code}")
            return
        template = get_template(template_id)
        if not template.has(code):
            problems.append(f"{template_id} {code}")
        elif result is not None and template.kind is not TemplateKind.STAR_RATING and \
                all(option.key != result for option in template.result_scale):
            problems.append(f"{template_id} {code}（{result}）")

    for (template_id, code), answer in snapshot.answers.items():
        check(template_id, code, answer.result)
    for finding in snapshot.findings:
        check(finding.template_id, finding.item_code)
    for photo in snapshot.photos:
        check(photo.template_id, photo.item_code)
    return list(dict.fromkeys(problems))


def make_context(snapshot: InspectionSnapshot, results: list[TemplateResult],
                 data_dir: DataDir, *, photos_per_page: int = 2,
                 signed: bool = False) -> ReportContext:
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

    photos = sorted(snapshot.photos,  # by item, then as taken: 照片 numbers follow the walk
                    key=lambda p: (position(p.template_id, p.item_code), capture_order_key(p)))
    findings = sorted(snapshot.findings,
                      key=lambda f: (position(f.template_id, f.item_code), f.id))
    return ReportContext(
        snapshot=snapshot, results=results, data_dir=data_dir, photos=photos,
        photo_numbers={p.id: i for i, p in enumerate(photos, start=1)},
        findings=findings, finding_numbers={f.id: i for i, f in enumerate(findings, start=1)},
        photos_per_page=photos_per_page, signed=signed,
        breaches={b.key: b for b in breaches(snapshot)})


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


def overdue_items(actions: ActionStatus | None) -> list[OverdueItem]:
    """Action items found overdue: checked, not 已完成/不适用, and past their deadline month.
    An item nobody checked is not called overdue (see :func:`unchecked_past_deadline`)."""
    return [item for item in actions.overdue if item.status is not None] if actions else []


def unchecked_past_deadline(actions: ActionStatus | None) -> list[OverdueItem]:
    """Action items past their deadline month that were not checked on this visit."""
    return [item for item in actions.overdue if item.status is None] if actions else []
