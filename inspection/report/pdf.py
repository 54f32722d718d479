"""Build the inspection report PDF: page templates, header and footer, the whole story.

``build_report`` is a plain function (Orange3 style): it reports progress, checks for
cancellation after every page, and writes to a temporary file that replaces *out* only when
everything succeeded, so a failure or a cancel leaves no partial file.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from inspection.appinfo import APP_VERSION
from inspection.files import atomic_target
from inspection.model import InspectionSnapshot
from inspection.paths import DataDir
from inspection.report.appendix import PHOTOS_PER_PAGE, photo_appendix, rectification, signatures
from inspection.report.attachment import attach_results
from inspection.report.context import REPORT_TITLE, ReportContext, make_context
from inspection.report.details import details
from inspection.report.errors import Cancelled, ReportError, write_failure
from inspection.report.fonts import FONT, FONT_BOLD, register_fonts
from inspection.report.sections import cover, summary
from inspection.report.styles import (
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_TOP,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    STAMP_BOX,
    TEXT,
)
from inspection.results import TemplateResult, inspection_results
from inspection.results_data import inspection_dict

Progress = Callable[[int, int, str], None]
ShouldCancel = Callable[[], bool]


def _numbered_canvas(header_left: str, header_right: str) -> type[Canvas]:
    """A canvas class that draws header and “第 x 页 共 y 页” once the page count is known.

    Pages are kept as their recorded state until ``save``; only then is the total known.
    The cover (page 1) gets neither header nor footer.
    """

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._decorate(self._pageNumber, total)
                super().showPage()
            super().save()

        def _decorate(self, number: int, total: int) -> None:
            self.saveState()
            top = PAGE_HEIGHT - MARGIN_TOP + 7 * mm
            self.setFont(FONT, 8.5)
            self.setFillColor(MUTED)
            self.drawString(MARGIN_LEFT, top, header_left)
            self.drawRightString(MARGIN_LEFT + CONTENT_WIDTH, top, header_right)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(MARGIN_LEFT, top - 2.2 * mm, MARGIN_LEFT + CONTENT_WIDTH, top - 2.2 * mm)
            self.setFillColor(TEXT)
            self.setFont(FONT, 9)
            self.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 10 * mm,
                                   f"第 {number} 页　共 {total} 页")
            self.restoreState()

    return NumberedCanvas


class ReportDocument(BaseDocTemplate):
    """Three page templates: the cover, body pages, and the signatures page with the stamp box."""

    def __init__(self, filename: str, ctx: ReportContext, *, progress: Progress | None,
                 should_cancel: ShouldCancel | None, **kwargs: Any) -> None:
        super().__init__(filename, **kwargs)
        self.ctx = ctx
        self.progress = progress
        self.should_cancel = should_cancel
        self.stamp_page: int | None = None  # 0-based index of the page holding the stamp box
        self.estimated_pages = 4 + sum(r.total for r in ctx.results) // 22 + len(ctx.photos) // 2
        height = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
        body = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, height, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        stamp_top = STAMP_BOX[1] + STAMP_BOX[3] + 10 * mm
        signing = Frame(MARGIN_LEFT, stamp_top, CONTENT_WIDTH,
                        PAGE_HEIGHT - MARGIN_TOP - stamp_top, id="signing",
                        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", frames=[body], onPage=self._cover_page),
            PageTemplate("body", frames=[body]),
            PageTemplate("signatures", frames=[signing], onPage=self._signing_page,
                         autoNextPageTemplate="signatures"),
        ])

    def _cover_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        inspection = self.ctx.snapshot.inspection
        canvas.saveState()
        canvas.setFont(FONT, 10)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(MARGIN_LEFT + CONTENT_WIDTH, PAGE_HEIGHT - 16 * mm,
                               f"报告编号：{inspection.report_number}")
        canvas.restoreState()

    def _signing_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        self.stamp_page = doc.page - 1
        x, y, width, height = STAMP_BOX
        canvas.saveState()
        canvas.setFont(FONT_BOLD, 9.5)
        canvas.setFillColor(TEXT)
        canvas.drawString(x, y + height + 2.5 * mm, "数字签名（电子签章）")
        canvas.restoreState()

    def afterPage(self) -> None:  # noqa: N802 - reportlab hook
        if self.should_cancel is not None and self.should_cancel():
            raise Cancelled()
        if self.progress is not None:
            done = self.page
            self.estimated_pages = max(self.estimated_pages, done + 1)
            self.progress(done, self.estimated_pages, f"正在排版第 {done} 页")


def report_story(ctx: ReportContext) -> list:
    """Every flowable of the report, in order."""
    story = cover(ctx)
    sections = [summary, details, rectification, signatures]
    for index, section in enumerate(sections):
        story += section(ctx, index)
    story += photo_appendix(ctx)
    return story


def build_report(snapshot: InspectionSnapshot, out: Path, *, data_dir: DataDir,
                 results: list[TemplateResult] | None = None,
                 progress: Progress | None = None,
                 should_cancel: ShouldCancel | None = None,
                 photos_per_page: int = 2) -> Path:
    """Write the unsigned report of *snapshot* to *out* (PDF with the results JSON attached).

    *photos_per_page* lays out the photo appendix: 1 (large), 2 (medium) or 4 (small).

    Photos are read from ``data_dir`` by file path. Raises Cancelled when *should_cancel*
    returns True; *out* is then left as it was.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError(f"保存报告的文件夹不存在：{out.parent}")
    if should_cancel is not None and should_cancel():
        raise Cancelled()
    results = inspection_results(snapshot) if results is None else results
    register_fonts()
    rl_config.useA85 = 0  # JPEGs go in as their own bytes, not ASCII85-inflated copies
    if photos_per_page not in PHOTOS_PER_PAGE:
        raise ReportError(f"每页照片数应为 1、2 或 4，收到 {photos_per_page}")
    ctx = make_context(snapshot, results, data_dir, photos_per_page=photos_per_page)
    inspection, park = snapshot.inspection, snapshot.park
    try:
        with atomic_target(out) as partial:
            doc = ReportDocument(
                str(partial), ctx, progress=progress, should_cancel=should_cancel,
                pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN_LEFT,
                rightMargin=MARGIN_LEFT, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
                title=f"{REPORT_TITLE}：{park.name}", author=inspection.organisation or
                "、".join(inspection.inspectors), subject=f"报告编号 {inspection.report_number}"
                f"（第 {inspection.revision} 版）", creator=f"Park Inspector {APP_VERSION}",
                keywords=[inspection.report_number, park.name], lang="zh-CN",
                initialFontName=FONT, initialFontSize=10, displayDocTitle=1)
            header_left = f"报告编号：{inspection.report_number}（第 {inspection.revision} 版）"
            doc.build(report_story(ctx), canvasmaker=_numbered_canvas(header_left, park.name))
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            if progress is not None:
                progress(doc.page, doc.page, "正在附加检查结果数据")
            stamp = None
            if doc.stamp_page is not None:
                x, y, width, height = STAMP_BOX
                stamp = (doc.stamp_page, (x, y, x + width, y + height))
            attach_results(partial, inspection_dict(snapshot, results), stamp=stamp)
    except OSError as exc:
        raise ReportError(f"无法写入报告 {out}：{write_failure(exc)}") from None
    return out
