"""The inspection as an Excel workbook: a summary sheet and one sheet per applied standard.

Excel refuses control characters in a cell and holds at most 32,767 characters in one. Text is
cleaned on the way in (vertical tab and form feed become line breaks, other control characters
go) and longer text is cut with a visible “已截断” note; either is said on the summary sheet
and returned to the caller as a warning — never silently.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checklists.errors import UserError, messages
from checklists.model import Node, Template, TemplateKind
from checklists.stars import level_label
from inspection.files import atomic_target
from inspection.model import Answer, FindingStatus, InspectionSnapshot, ParkType
from inspection.report.context import NOT_CHECKED, overdue_items, unchecked_past_deadline, value_text
from inspection.report.errors import ReportError, write_failure
from inspection.results import TemplateResult, is_answered, overall_percent

SUMMARY_SHEET = "汇总"
ITEM_HEADERS = ("编号", "检查内容", "结果", "得分", "备注", "照片数", "整改项")
ITEM_WIDTHS = (10, 60, 12, 8, 40, 8, 50)
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="E4E4E4")
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="top")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
CELL_LIMIT = 32767  # characters Excel keeps in one cell
_LINE_BREAKS = re.compile(r"[\v\f]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

MESSAGES = messages({
    "excel.cleaned": ("{cells} 个单元格中的控制字符（如换页符、ESC）已删除或改为换行",
                      "Control characters (form feed, ESC …) were removed or turned into line "
                      "breaks in {cells} cells"),
    "excel.truncated": ("{cells} 个单元格超过 Excel 的 32,767 字符上限，已截断（标有“已截断”）；"
                        "全文见 PDF 报告或检查结果数据（JSON）",
                        "{cells} cells were longer than Excel's 32,767 characters and were cut, "
                        "with a note at the cut; the full text is in the PDF report and the "
                        "results data (JSON)"),
})


class ExcelNotice(UserError):
    """Something the export changed so that Excel accepts it (returned, not raised)."""


class _Cleaner:
    """Makes text acceptable to Excel and counts what it had to change."""

    def __init__(self) -> None:
        self.cleaned = 0
        self.truncated = 0

    def __call__(self, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = _CONTROL.sub("", _LINE_BREAKS.sub("\n", value))
        if text != value:
            self.cleaned += 1
        if len(text) > CELL_LIMIT:
            self.truncated += 1
            marker = f"……（已截断：原文 {len(text):,} 字，全文见 PDF 报告）"
            text = text[:CELL_LIMIT - len(marker)] + marker
        return text

    def notices(self) -> list[ExcelNotice]:
        found = []
        if self.cleaned:
            found.append(ExcelNotice("excel.cleaned", cells=self.cleaned))
        if self.truncated:
            found.append(ExcelNotice("excel.truncated", cells=self.truncated))
        return found


def sheet_title(template: Template) -> str:
    """“000 长三角开发区营商环境” — Excel allows 31 characters and no []:*?/\\."""
    name = _BAD_SHEET_CHARS.sub("", f"{template.id} {template.short_title or template.title}")
    name = _CONTROL.sub("", _LINE_BREAKS.sub(" ", name))
    return name[:31]


def _header(sheet: Worksheet, headers: tuple[str, ...], widths: tuple[int, ...], row: int = 1
            ) -> None:
    for column, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = sheet.cell(row=row, column=column, value=text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.column_dimensions[get_column_letter(column)].width = width


def _score(template: Template, node: Node, result: str | None,
           levels: dict[str, int]) -> float | int | None:
    if template.kind is TemplateKind.STAR_RATING:
        return levels.get(node.code)
    if template.kind is TemplateKind.COMPLIANCE and result is not None:
        score = template.option(result).score
        return None if score is None else round(score * node.weight, 3)
    return None


def _result_label(template: Template, node: Node, answer: Answer | None, levels: dict[str, int],
                  park_type: ParkType) -> str:
    """The result column: the judged result, or for a star indicator the level it reached."""
    if template.kind is TemplateKind.STAR_RATING:
        if node.code in levels:
            return level_label(levels[node.code])
        # Measured but not yet rated (other indicators still missing): say it was filled in.
        return "已填写" if is_answered(template, node, answer, park_type) else NOT_CHECKED
    if answer is None or answer.result is None:
        return NOT_CHECKED
    return template.option(answer.result).label


def _item_sheet(sheet: Worksheet, snapshot: InspectionSnapshot, result: TemplateResult,
                clean: _Cleaner) -> int:
    """One row per item (group headings are not rows); returns the number of item rows."""
    template = result.template
    _header(sheet, ITEM_HEADERS, ITEM_WIDTHS)
    sheet.freeze_panes = "A2"
    answers = snapshot.answers_for(template.id)
    levels = {i.code: i.level for i in result.stars.indicators} if result.stars else {}
    rows = 0
    for node in template.items():
        answer = answers.get(node.code)
        code = node.code
        label = _result_label(template, node, answer, levels, snapshot.park.park_type)
        note = "；".join(x for x in (
            value_text(answer.value, node.attrs.get("inputs", ())) if answer else "",
            answer.note if answer else "") if x)
        findings = "\n".join(
            f"【{f.status.label}】{f.requirement}（{f.severity.label}，期限 {f.deadline or '—'}，"
            f"责任人 {f.responsible or '—'}）" for f in snapshot.findings_for(template.id, code))
        values = (code, node.title, label,
                  _score(template, node, answer.result if answer else None, levels),
                  note, len(snapshot.photos_for(template.id, code)), findings)
        rows += 1
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=rows + 1, column=column, value=clean(value))
            cell.alignment, cell.border = WRAP, BORDER
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ITEM_HEADERS))}{rows + 1}"
    return rows


def _summary_sheet(sheet: Worksheet, snapshot: InspectionSnapshot,
                   results: list[TemplateResult], clean: _Cleaner) -> int:
    """The facts and one row per standard; returns the last row used."""
    inspection, park = snapshot.inspection, snapshot.park
    overall = overall_percent(results)
    facts = [("园区", park.name), ("园区地址", park.address), ("园区类型", park.park_type.label),
             ("检查日期", inspection.date), ("检查人员", "、".join(inspection.inspectors)),
             ("检查单位", inspection.organisation), ("报告编号", inspection.report_number),
             ("版本", inspection.revision), ("状态", inspection.status.label),
             ("总体符合率（%）", overall),
             ("整改项", len(snapshot.findings)),
             ("待整改", sum(1 for f in snapshot.findings if f.status is FindingStatus.OPEN)),
             ("照片", len(snapshot.photos))]
    for row, (label, value) in enumerate(facts, start=1):
        sheet.cell(row=row, column=1, value=label).font = HEADER_FONT
        sheet.cell(row=row, column=2, value=clean(value)).alignment = Alignment(horizontal="left")
    headers = ("模板", "标准", "文号", "已检查", "条目", "符合率（%）", "不符合", "星级",
               "已完成", "按期推进", "滞后", "未启动", "逾期", "过期未检查")
    widths = (16, 50, 22, 9, 9, 12, 9, 12, 9, 10, 9, 9, 9, 11)
    top = len(facts) + 2
    _header(sheet, headers, widths, row=top)
    for offset, result in enumerate(results, start=1):
        template = result.template
        compliance, actions = result.compliance, result.actions
        counts = actions.counts if actions else {}
        values: tuple[Any, ...] = (
            template.id, template.title, template.document_number, result.answered, result.total,
            compliance.overall.percent if compliance else None,
            compliance.overall.counts.get("fail", 0) if compliance else None,
            (result.stars.label if result.stars else
             "无法评定" if result.stars_problem else "未评定")
            if template.kind is TemplateKind.STAR_RATING else None,
            *((counts.get(k, 0) for k in ("done", "on_track", "delayed", "not_started"))
              if actions else (None,) * 4),
            len(overdue_items(actions)) if actions else None,
            len(unchecked_past_deadline(actions)) if actions else None)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=top + offset, column=column, value=clean(value))
            cell.border, cell.alignment = BORDER, WRAP
    return top + len(results)


def export_xlsx(snapshot: InspectionSnapshot, results: list[TemplateResult], out: Path, *,
                notices: list[UserError] | None = None) -> Path:
    """Write the workbook to *out* (atomically: a temporary file renamed into place).

    What had to be changed for Excel (control characters, over-long text) is said on the
    summary sheet and appended to *notices*, when given, for the caller to show.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("excel.no_folder", folder=out.parent)
    clean = _Cleaner()
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    last_row = _summary_sheet(summary, snapshot, results, clean)
    used = {SUMMARY_SHEET}
    for result in results:
        title = sheet_title(result.template)
        while title in used:  # two templates with the same short title
            title = title[:29] + f"_{len(used)}"
        used.add(title)
        _item_sheet(book.create_sheet(title), snapshot, result, clean)
    found = clean.notices()
    for offset, notice in enumerate(found, start=2):
        cell = summary.cell(row=last_row + offset, column=1, value=f"说明：{notice.text('zh_CN')}")
        cell.font = Font(bold=True, color="9B1C1C")
    if notices is not None:
        notices.extend(found)
    try:
        with atomic_target(out) as partial:
            book.save(partial)
    except OSError as exc:
        raise ReportError("excel.cannot_write", path=out, reason=write_failure(exc)) from None
    return out
