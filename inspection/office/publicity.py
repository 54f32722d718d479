"""The 公示 list (评价结果公示名单) as a PDF in the report's style: the report's fonts (Noto Sans SC,
embedded), paragraph and table styles, page geometry, header rule and 第 x 页 共 y 页 footer.

One table of the ranked parks (名次, 园区名称, 园区类型, 等级, 得分/星级, 已检查, 检查日期, 检查单位),
the basis, the bands and the coverage rule stated under it, the parks whose inspection was too
incomplete to rank named apart (检查不完整：已检查 N/M), and an appendix with each indicator's
average, lowest and highest. Parks not ranked for other reasons (not yet approved, data missing)
are not on a public list; the office sees them in the window, the JSON and the workbook.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from inspection.appinfo import APP_VERSION
from inspection.files import atomic_target
from inspection.office.ranking import Ranking, bands_text, coverage_rule
from inspection.office.xlsx import default_title, publicity_table
from inspection.report.context import esc
from inspection.report.errors import ReportError, write_failure
from inspection.report.fonts import FONT, register_fonts
from inspection.report.pdf import draw_page_frame, fit_text
from inspection.report.styles import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    report_table,
    styles,
    table_style,
)

HEADER_SIZE = 8.5


def _numbered(header_left: str, header_right: str) -> type[Canvas]:
    """A canvas that draws the report's header rule and footer on every page, once the page
    count is known (the list has no cover: page 1 carries its title)."""
    right = fit_text(header_right, FONT, HEADER_SIZE, CONTENT_WIDTH * 0.6)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                draw_page_frame(self, header_left, right, self._pageNumber, total, size=HEADER_SIZE)
                super().showPage()
            super().save()

    return NumberedCanvas


def _number(value: float | None, *, stars: bool) -> str:
    if value is None:
        return "—"
    return f"{value:.0f}" if stars and float(value).is_integer() else f"{value:.1f}"


def publicity_story(ranking: Ranking, *, title: str = "") -> list[Any]:
    s = styles()
    heading = ParagraphStyle("publicity_title", parent=s.h1, fontSize=18, leading=26, alignment=TA_CENTER,
                             spaceBefore=2 * mm, spaceAfter=2 * mm)
    centered = ParagraphStyle("publicity_basis", parent=s.note, alignment=TA_CENTER)
    template = ranking.template
    story: list[Any] = [
        Paragraph(esc(title or default_title(ranking)), heading),
        Paragraph(esc(f"依据：{template.title}（{template.document_number or '模板 ' + template.id}）"
                      f"　　生成日期：{ranking.made_on}"), centered),
        Spacer(1, 4 * mm),
    ]
    headers, rows = publicity_table(ranking)
    head = [Paragraph(h, s.head) for h in headers]
    centered_columns = set(range(3, len(headers) - 1)) | {0}  # 等级 … 检查日期
    body = [[Paragraph(esc(value), s.cell_center if column in centered_columns else s.cell)
             for column, value in enumerate(row)] for row in rows]
    if body:
        levels = [21 * mm] if ranking.by_stars else [21 * mm, 17 * mm]
        widths = [11 * mm, 0, 22 * mm, *levels, 15 * mm, 21 * mm, 28 * mm]
        widths[1] = CONTENT_WIDTH - sum(widths)
        table = report_table([head, *body], widths)
        table.setStyle(table_style())
        story.append(table)
    else:
        story.append(Paragraph("没有审核通过的检查，名单为空。", s.body))
    notes = ["名单按各园区最近一次经审核通过的检查列出；"
             + ("按星级由高到低排列，星级相同者名次并列（按园区名称排列），其后名次顺延。" if ranking.by_stars
                else "按得分由高到低排列，得分（保留一位小数）相同者名次并列，其后名次顺延。")]
    if not ranking.by_stars:
        notes.append(f"等级：{bands_text()}。")
    notes.append(f"{coverage_rule(ranking.min_coverage)}。")
    if ranking.incomplete:
        notes.append("检查不完整、未排名：" + "；".join(
            f"{r.entry.park_name}（{r.entry.date}，已检查 {r.measured.coverage_text}）" for r in ranking.incomplete)
            + "。")
    story += [Spacer(1, 3 * mm)] + [Paragraph(esc(n), s.note) for n in notes]
    if ranking.indicators and body:
        story += [Spacer(1, 6 * mm), Paragraph("附表　各指标统计", s.h2)]
        unit = "达到的星级" if ranking.by_stars else "得分（%）"
        head = [Paragraph(h, s.head) for h in ("编号", "指标", "园区数", f"平均{unit}", "最低", "最高")]
        rows = [[Paragraph(esc(i.code), s.cell_center), Paragraph(esc(i.title), s.cell),
                 Paragraph(str(i.parks), s.cell_center),
                 Paragraph(_number(i.average, stars=False), s.cell_center),
                 Paragraph(_number(i.lowest, stars=ranking.by_stars), s.cell_center),
                 Paragraph(_number(i.highest, stars=ranking.by_stars), s.cell_center)]
                for i in ranking.indicators]
        widths = [14 * mm, 0, 16 * mm, 26 * mm, 18 * mm, 18 * mm]
        widths[1] = CONTENT_WIDTH - sum(widths)
        table = report_table([head, *rows], widths)
        table.setStyle(table_style())
        story.append(table)
    return story


def publicity_pdf(ranking: Ranking, out: Path, *, title: str = "") -> Path:
    """Write the 公示 list of *ranking* to *out* (atomically)."""
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("report.no_folder", folder=out.parent)
    register_fonts()
    name = title or default_title(ranking)
    try:
        with atomic_target(out) as partial:
            doc = SimpleDocTemplate(
                str(partial), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
                rightMargin=MARGIN_LEFT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=name,
                author="园区现场检查", subject=ranking.template.title, creator=f"Park Inspector {APP_VERSION}",
                lang="zh-CN", initialFontName=FONT, initialFontSize=10, displayDocTitle=1)
            doc.build(publicity_story(ranking, title=title),
                      canvasmaker=_numbered(name, f"{ranking.template.title}　{ranking.made_on}"))
    except OSError as exc:
        raise ReportError("report.cannot_write", path=out, reason=write_failure(exc)) from None
    return out
