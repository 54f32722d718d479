"""The office's tables as Excel workbooks: a ranking (the 公示 list, the ranking with every
indicator, per-indicator statistics, the parks not ranked and why) and the 整改 tracker.

Written as the inspection's own workbook is (inspection.excel): text cleaned of what Excel
refuses, the file written to a temporary name and renamed into place.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from inspection.excel import BORDER, HEADER_FILL, HEADER_FONT, WRAP
from inspection.files import atomic_target
from inspection.office.measures import group_titles, problem_text
from inspection.office.ranking import PARK_TYPE_LABELS, Ranking, bands_text, coverage_rule
from inspection.office.tracker import TrackerPage
from inspection.report.errors import ReportError, write_failure

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
TITLE_FONT = Font(bold=True, size=14)


def _clean(value: Any) -> Any:
    return _CONTROL.sub("", value)[:32000] if isinstance(value, str) else value


def _table(sheet: Worksheet, top: int, headers: Sequence[str], widths: Sequence[float],
           rows: Sequence[Sequence[Any]]) -> int:
    """Headers at row *top*, then *rows*; returns the next free row."""
    for column, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = sheet.cell(row=top, column=column, value=text)
        cell.font, cell.fill, cell.border = HEADER_FONT, HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        letter = get_column_letter(column)
        sheet.column_dimensions[letter].width = max(sheet.column_dimensions[letter].width or 0, width)
    for offset, values in enumerate(rows, start=1):
        for column, value in enumerate(values, start=1):
            cell = sheet.cell(row=top + offset, column=column, value=_clean(value))
            cell.border, cell.alignment = BORDER, WRAP
    return top + len(rows) + 2


def _heading(sheet: Worksheet, text: str, note: str = "") -> int:
    sheet.cell(row=1, column=1, value=_clean(text)).font = TITLE_FONT
    if note:
        sheet.cell(row=2, column=1, value=_clean(note))
    return 4 if note else 3


def _save(book: Workbook, out: Path) -> Path:
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("excel.no_folder", folder=out.parent)
    try:
        with atomic_target(out) as partial:
            book.save(partial)
    except OSError as exc:
        raise ReportError("excel.cannot_write", path=out, reason=write_failure(exc)) from None
    return out


def default_title(ranking: Ranking) -> str:
    template = ranking.template
    return f"{template.short_title or template.title}{'结果' if ranking.by_stars else '评价结果'}公示名单"


def publicity_table(ranking: Ranking) -> tuple[list[str], list[list[Any]]]:
    """The 公示 list's headers and rows (ranked parks only): 名次 (tied parks share one), 园区名称,
    园区类型, 等级 and 得分 (a star rating's level is its 星级), 已检查 (items checked / items),
    检查日期, 检查单位."""
    headers = ["名次", "园区名称", "园区类型", *(["星级"] if ranking.by_stars else ["等级", ranking.measure_label]),
               "已检查", "检查日期", "检查单位"]
    rows = []
    for row in ranking.ranked:
        entry = row.entry
        level = [row.band] if ranking.by_stars else [f"{row.band}（{row.band_label}）", row.score_text]
        rows.append([row.rank, entry.park_name, PARK_TYPE_LABELS.get(entry.park_type, entry.park_type),
                     *level, row.measured.coverage_text, entry.date, entry.organisation or "—"])
    return headers, rows


def ranking_xlsx(ranking: Ranking, out: Path, *, title: str = "") -> Path:
    """The ranking as a workbook: 公示名单, 排名明细, 指标统计 (and 未排名 when any)."""
    book = Workbook()
    sheet = book.active
    sheet.title = "公示名单"
    top = _heading(sheet, title or default_title(ranking),
                   f"依据：{ranking.template.title}；各园区最近一次审核通过的检查；生成日期 {ranking.made_on}")
    headers, rows = publicity_table(ranking)
    widths = [6, 34, 18, *([12] if ranking.by_stars else [12, 12]), 10, 12, 28]
    after = _table(sheet, top, headers, widths, rows)
    if not ranking.by_stars:
        sheet.cell(row=after, column=1, value=f"等级：{bands_text()}")
        after += 1
    sheet.cell(row=after, column=1, value=f"{coverage_rule(ranking.min_coverage)}。")

    titles = group_titles(ranking.template)
    detail = book.create_sheet("排名明细")
    top = _heading(detail, "排名明细（并列名次相同，下一名次顺延）")
    headers = ["名次", "园区名称", ranking.measure_label, "等级", "已检查/条目", "不符合", *[
        f"{code} {name}" for code, name in titles.items()], "检查日期", "报告编号", "检查编号"]
    rows = [[f"{r.rank}{'（并列）' if r.tied else ''}", r.entry.park_name, r.score_text, r.band,
             f"{r.measured.answered}/{r.measured.total}", r.measured.wanting,
             *[r.measured.groups.get(code) for code in titles], r.entry.date, r.entry.report_number,
             r.entry.inspection_id] for r in ranking.ranked]
    _table(detail, top, headers, [8, 30, 10, 10, 10, 8, *[12] * len(titles), 12, 18, 38], rows)

    stats = book.create_sheet("指标统计")
    top = _heading(stats, "各指标统计（" + ("达到的星级" if ranking.by_stars else "得分 %") + "）")
    _table(stats, top, ("编号", "指标", "园区数", "平均", "最低", "最高"), (8, 36, 8, 10, 10, 10),
           [[s.code, s.title, s.parks, s.average, s.lowest, s.highest] for s in ranking.indicators])

    if ranking.unranked or ranking.waiting or ranking.incomplete:
        missing = book.create_sheet("未排名")
        top = _heading(missing, "未排名的园区")
        rows = [[r.entry.park_name, r.entry.date,
                 f"已审核通过，但{r.incomplete_text}（不足 {ranking.min_coverage:.0%}；{ranking.measure_label} "
                 f"{r.score_text}）"] for r in ranking.incomplete]
        rows += [[r.entry.park_name, r.entry.date, f"已审核通过，但{problem_text(r.measured.problem, 'zh_CN')}"] for r in ranking.unranked]
        rows += [[w.park_name, w.latest_date, "最近一次检查已退回" if w.state == "returned" else "尚未审核通过"]
                 for w in ranking.waiting]
        _table(missing, top, ("园区名称", "检查日期", "原因"), (34, 12, 60), rows)
    return _save(book, out)


def tracker_xlsx(page: TrackerPage, out: Path) -> Path:
    """The 整改 tracker's rows (all those the filter matches) as one sheet.

    Written row by row (openpyxl's write-only mode, the header alone styled): 20,000 findings
    take a second or two, not the ten a styled cell each would."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet("整改跟踪")
    headers = ("园区", "检查日期", "报告编号", "条目", "条目名称", "严重程度", "整改要求", "责任单位", "整改期限",
               "逾期天数", "照片", "现场记录", "检查人员")
    for column, width in enumerate((24, 12, 16, 12, 30, 8, 40, 20, 12, 8, 6, 30, 12), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "B5"

    def styled(value: Any, *, font: Font | None = None) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=_clean(value))
        if font is not None:
            cell.font = font
        return cell

    sheet.append([styled("未完成整改跟踪", font=TITLE_FONT)])
    sheet.append([_clean(f"截至 {page.as_of.isoformat()}；筛选：{page.wanted.said}；"
                         f"共 {page.total} 项，逾期 {page.overdue} 项")])
    sheet.append([])
    head = []
    for text in headers:
        cell = styled(text, font=HEADER_FONT)
        cell.fill, cell.border = HEADER_FILL, BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        head.append(cell)
    sheet.append(head)
    for r in page.rows:
        sheet.append([_clean(v) for v in (
            r.park, r.inspection_date, r.report_number, f"{r.template_id}:{r.item_code}", r.item_title,
            r.severity_label, r.requirement, r.responsible, r.deadline or "无期限",
            r.days_overdue if r.deadline else None, r.photos, r.note, r.inspector)])
    return _save(book, out)
