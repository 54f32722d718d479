"""Pages of a PDF as images (pypdfium2), for the print preview and printing; no Qt here.

PDFium is not thread-safe: no two threads may call it at the same time, even on different
documents. Every call below holds one module-wide lock, so the print preview may render in a
background thread while anything else uses this module.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from checklists.errors import messages
from inspection.report.errors import Cancelled, NotAPdf

if TYPE_CHECKING:
    import pypdfium2 as pdfium

MESSAGES = messages({
    "pdf.not_found": ("找不到文件：{path}", "No such file: {path}"),
    "pdf.unreadable": ("无法读取 PDF：{name}（{reason}）", "Cannot read the PDF: {name} ({reason})"),
    "pdf.render_cancelled": ("已取消。", "Cancelled."),
})
POINTS_PER_INCH = 72
_PDFIUM = threading.Lock()


@contextmanager
def _document(pdf: Path | str) -> Iterator[pdfium.PdfDocument]:
    """The open document (closed afterwards); NotAPdf with a plain message when it cannot be."""
    import pypdfium2 as pdfium

    path = Path(pdf)
    if not path.is_file():
        raise NotAPdf("pdf.not_found", path=path)
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(str(path))
            document.init_forms()  # before any page is loaded, or the signature stamp is not drawn
        except pdfium.PdfiumError as exc:
            raise NotAPdf("pdf.unreadable", name=path.name, reason=exc) from None
    try:
        yield document
    finally:
        with _PDFIUM:
            document.close()


def page_sizes(pdf: Path | str) -> list[tuple[float, float]]:
    """The (width, height) of every page in points (1/72 inch): A4 is about (595, 842)."""
    with _document(pdf) as document, _PDFIUM:
        return [(w, h) for w, h in map(document.get_page_size, range(len(document)))]


def page_count(pdf: Path | str) -> int:
    """How many pages *pdf* has."""
    with _document(pdf) as document, _PDFIUM:
        return len(document)


def render_pages(pdf: Path | str, *, dpi: float = 150, pages: Iterable[int] | None = None,
                 should_cancel: Callable[[], bool] | None = None) -> Iterator[Image.Image]:
    """Render the pages (all, or the 0-based *pages*) as RGB images at *dpi*, one at a time.

    Form fields and annotations are drawn too: the visible signature stamp is one. Raises
    Cancelled between pages when *should_cancel* returns True.
    """
    scale = dpi / POINTS_PER_INCH
    with _document(pdf) as document:
        with _PDFIUM:
            indexes = list(range(len(document))) if pages is None else list(pages)
        for index in indexes:
            if should_cancel is not None and should_cancel():
                raise Cancelled("pdf.render_cancelled")
            with _PDFIUM:
                page = document[index]
                try:
                    bitmap = page.render(scale=scale, may_draw_forms=True)
                    try:
                        image = bitmap.to_pil().convert("RGB")
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            yield image


def render_page(pdf: Path | str, index: int, *, dpi: float = 150) -> Image.Image:
    """One page (0-based *index*) as an RGB image at *dpi*."""
    return next(render_pages(pdf, dpi=dpi, pages=[index]))


if __name__ == "__main__":
    import sys
    import time

    started = time.perf_counter()
    for number, rendered in enumerate(render_pages(sys.argv[1], dpi=60), start=1):
        print(number, rendered.size)
    print(f"{time.perf_counter() - started:.2f} s")
