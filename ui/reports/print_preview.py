"""打印: the report PDF itself, previewed and printed page by page (pages rendered by PDFium).

What is printed is the same PDF that was signed (or, before signing, a draft built for the
purpose), never a re-layout. Pages are rendered off the UI thread: all of them once at a
screen resolution for the preview, and one at a time at the printer's resolution (capped)
when printing, while a progress dialog keeps the window responsive.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QObject, QRectF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QProgressDialog, QWidget

from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.tasks import Progress, TaskRunner

PREVIEW_DPI = 110  # sharp enough on screen, ~3.5 MB per A4 page
PRINT_DPI = 300  # what a report needs on paper; higher only costs time and memory




def to_qimage(image) -> QImage:
    """A PIL RGB image as a QImage that owns its pixels (safe to build off the UI thread)."""
    image = image.convert("RGB")
    data = image.tobytes()
    return QImage(data, image.width, image.height, 3 * image.width,
                  QImage.Format.Format_RGB888).copy()


@dataclass
class ReportPages:
    """One PDF's pages: their sizes in points, and images of them at *dpi* for the preview."""

    pdf: Path
    sizes: list[tuple[float, float]]
    dpi: float
    images: list[QImage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.sizes)


def render_preview(pdf: Path, progress: Progress | None = None, *,
                   dpi: float = PREVIEW_DPI) -> ReportPages:
    """Background work: every page of *pdf* at *dpi* (cancellable between pages)."""
    from inspection.report.page_images import page_sizes, render_pages

    sizes = page_sizes(pdf)
    pages = ReportPages(Path(pdf), sizes, dpi)
    should_cancel = progress.should_cancel if progress is not None else None
    for index, image in enumerate(render_pages(pdf, dpi=dpi, should_cancel=should_cancel)):
        pages.images.append(to_qimage(image))
        if progress is not None:
            progress(index + 1, len(sizes), tr("正在准备第 {0} 页，共 {1} 页").format(
                index + 1, len(sizes)))
    return pages


def prepare_printer(printer: QPrinter, title: str = "") -> None:
    """A4 portrait, no margins of its own: the PDF's pages carry their own margins."""
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    if title:
        printer.setDocName(title)


def page_target(printer: QPrinter, size: tuple[float, float]) -> QRectF:
    """Where a page of *size* (points) goes on the paper: as large as fits, aspect kept, centred.

    On A4 paper an A4 page fills it exactly, i.e. prints at its actual size.
    """
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    if not printer.fullPage():  # the painter's origin is then the printable area's corner
        paper = QRectF(0, 0, *printer.pageRect(QPrinter.Unit.DevicePixel).size().toTuple())
    width, height = size
    scale = min(paper.width() / width, paper.height() / height)
    w, h = width * scale, height * scale
    return QRectF(paper.x() + (paper.width() - w) / 2, paper.y() + (paper.height() - h) / 2, w, h)


def paint_pages(printer: QPrinter, sizes: list[tuple[float, float]],
                page_image: Callable[[int], QImage | None]) -> int:
    """Paint every page into *printer*; *page_image(i)* returning None stops. Pages painted."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painted = 0
    try:
        for index, size in enumerate(sizes):
            image = page_image(index)
            if image is None:
                break
            if index and not printer.newPage():
                break
            painter.drawImage(page_target(printer, size), image)
            painted += 1
    finally:
        painter.end()
    return painted


def is_preview(printer: QPrinter) -> bool:
    """Whether *printer* is recording for the preview (Qt swaps in a picture engine) or printing."""
    engine = printer.paintEngine()
    return engine is not None and engine.type() == QPaintEngine.Type.Picture


class PagePrinter:
    """Prints the pages of one PDF: preview images as they are, paper at the printer's dpi."""

    def __init__(self, runner: TaskRunner, pages: ReportPages, parent: QWidget | None = None):
        self.runner, self.pages, self.parent = runner, pages, parent
        self.printed = 0

    def paint(self, printer: QPrinter) -> int:
        dpi = min(printer.resolution(), PRINT_DPI)
        if is_preview(printer) or dpi <= self.pages.dpi:
            return paint_pages(printer, self.pages.sizes, self.pages.images.__getitem__)
        return self._print(printer, dpi)

    def _print(self, printer: QPrinter, dpi: float) -> int:
        progress = QProgressDialog(tr("正在打印…"), tr("取消"), 0, self.pages.count, self.parent)
        progress.setWindowTitle(tr("打印"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        progress.setAutoClose(False)

        def page_image(index: int) -> QImage | None:
            progress.setValue(index)
            progress.setLabelText(tr("正在打印第 {0} 页，共 {1} 页…").format(index + 1,
                                                                      self.pages.count))
            if progress.wasCanceled():
                return None
            return self._render(index, dpi)

        try:
            self.printed = paint_pages(printer, self.pages.sizes, page_image)
            if self.printed < self.pages.count:
                printer.abort()
        finally:
            progress.close()
            progress.deleteLater()
        return self.printed

    def _render(self, index: int, dpi: float) -> QImage | None:
        """One page at *dpi*, rendered in the background while the event loop keeps running."""
        from inspection.report.page_images import render_page

        box: dict = {}
        loop = QEventLoop()

        def done(image: QImage) -> None:
            box["image"] = image
            loop.quit()

        def failed(exc: BaseException) -> None:
            box["error"] = exc
            loop.quit()

        pdf = self.pages.pdf
        self.runner.background(lambda _p: to_qimage(render_page(pdf, index, dpi=dpi)),
                               done, failed)
        if not box:  # an inline runner has finished already
            loop.exec()
        if "error" in box:
            raise box["error"]
        return box["image"]


class ReportPrintPreview(QPrintPreviewDialog):
    """Qt's print preview over the report's own pages."""

    def __init__(self, runner: TaskRunner, pages: ReportPages, *, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.printer_pages = PagePrinter(runner, pages, self)
        prepare_printer(self.printer(), title)
        self.setWindowTitle(tr("打印预览 — {0}").format(title))
        self.paintRequested.connect(self.printer_pages.paint)
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:
            self.resize(min(1000, int(screen.width() * 0.85)), int(screen.height() * 0.9))


def latest_signed_report(store, inspection_id: str):
    """(inspection, the signed report of its current revision or None) — on the database thread."""
    inspection = store.inspection(inspection_id)
    for record in reversed(store.reports(inspection_id)):
        path = record.file(store.data_dir)  # recorded relative to the data folder
        if record.signed and record.revision == inspection.revision and path.is_file():
            return inspection, path
    return inspection, None


class PrintFlow(QObject):
    """打印…: the signed report of the current revision if there is one, else a fresh draft."""

    def __init__(self, parent: QWidget, runner: TaskRunner, *, photos_per_page: int = 2) -> None:
        super().__init__(parent)
        self.parent_widget, self.runner, self.photos_per_page = parent, runner, photos_per_page
        self.task = None
        self.preview: ReportPrintPreview | None = None
        self.pdf: Path | None = None
        self.draft_folder: Path | None = None

    def print_inspection(self, inspection_id: str) -> None:
        self.runner.db(lambda store: latest_signed_report(store, inspection_id), self._found,
                       self._failed)

    def _found(self, found) -> None:
        inspection, path = found
        number = tr("{0}（第 {1} 版）").format(inspection.report_number, inspection.revision)
        if path is not None:
            self.print_pdf(path, title=number + tr(" 已签署"))
            return
        from inspection.signing.issue import export_report
        from ui.reports.export_dialogs import REPORT_LANE, DbStore, ProgressTask, temporary_pdf

        out = temporary_pdf(inspection.report_number or "report")
        self.draft_folder = out.parent
        store, iid, per_page = DbStore(self.runner), inspection.id, self.photos_per_page
        self.task = ProgressTask(
            self.runner, lambda progress: export_report(
                store, iid, out=out, progress=progress, should_cancel=progress.should_cancel,
                photos_per_page=per_page),
            parent=self.parent_widget, title=tr("打印"),
            label=tr("尚未签署：正在生成草稿报告用于打印…"),
            on_done=lambda pdf: self.print_pdf(pdf, title=number + tr(" 草稿（未签署）")),
            on_error=self._failed, serial=REPORT_LANE)

    def print_pdf(self, pdf: Path, *, title: str) -> None:
        """Render the preview pages in the background, then open the print preview."""
        from ui.reports.export_dialogs import ProgressTask

        self.pdf = Path(pdf)
        self.task = ProgressTask(self.runner, lambda progress: render_preview(self.pdf, progress),
                                 parent=self.parent_widget, title=tr("打印"),
                                 label=tr("正在准备打印预览…"),
                                 on_done=lambda pages: self._show(pages, title),
                                 on_error=self._failed)

    def _show(self, pages: ReportPages, title: str) -> None:
        self.preview = ReportPrintPreview(self.runner, pages, title=title,
                                          parent=self.parent_widget)
        self.preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preview.finished.connect(self._closed)
        self.preview.open()

    def _closed(self, *_args) -> None:
        self.preview = None
        if self.draft_folder is not None:
            shutil.rmtree(self.draft_folder, ignore_errors=True)
            self.draft_folder = None

    def _failed(self, exc: BaseException) -> None:
        from inspection.report.errors import Cancelled

        self._closed()
        if not isinstance(exc, Cancelled):
            report_error(exc, self.parent_widget, title=tr("无法打印"))
