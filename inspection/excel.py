"""The inspection as an Excel workbook: a summary sheet and one sheet per applied standard."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from checklists.model import Node, Template, TemplateKind
from checklists.stars import level_label
from inspection.files import atomic_target
from inspection.model import Answer, FindingStatus, InspectionSnapshot, ParkType
from inspection.report.context import NOT_CHECKED, value_text
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


def sheet_title(template: Template) -> str:
    """“000 长三角开发区营商环境” — Excel allows 31 characters and no []:*?/\\."""
    name = _BAD_SHEET_CHARS.sub("", f"{template.id} {template.short_title or template.title}")
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


def _item_sheet(sheet: Worksheet, snapshot: InspectionSnapshot, result: TemplateResult) -> int:
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
            cell = sheet.cell(row=rows + 1, column=column, value=value)
            cell.alignment, cell.border = WRAP, BORDER
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ITEM_HEADERS))}{rows + 1}"
    return rows


def _summary_sheet(sheet: Worksheet, snapshot: InspectionSnapshot,
                   results: list[TemplateResult]) -> None:
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
        sheet.cell(row=row, column=2, value=value).alignment = Alignment(horizontal="left")
    headers = ("模板", "标准", "文号", "已检查", "条目", "符合率（%）", "不符合", "星级",
               "已完成", "按期推进", "滞后", "未启动", "逾期")
    widths = (16, 50, 22, 9, 9, 12, 9, 12, 9, 10, 9, 9, 9)
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
            len(actions.overdue) if actions else None)
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=top + offset, column=column, value=value)
            cell.border, cell.alignment = BORDER, WRAP


def export_xlsx(snapshot: InspectionSnapshot, results: list[TemplateResult], out: Path) -> Path:
    """Write the workbook to *out* (atomically: a temporary file renamed into place)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError(f"保存文件的文件夹不存在：{out.parent}")
    book = Workbook()
    summary = book.active
    summary.title = SUMMARY_SHEET
    _summary_sheet(summary, snapshot, results)
    used = {SUMMARY_SHEET}
    for result in results:
        title = sheet_title(result.template)
        while title in used:  # two templates with the same short title
            title = title[:29] + f"_{len(used)}"
        used.add(title)
        _item_sheet(book.create_sheet(title), snapshot, result)
    try:
        with atomic_target(out) as partial:
            book.save(partial)
    except OSError as exc:
        raise ReportError(f"无法写入 {out}：{write_failure(exc)}") from None
    return out

