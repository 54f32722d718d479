"""Build the inspection report PDF: page templates, header and footer, the whole story.

``build_report`` is a plain function (Orange3 style): it reports progress, checks for
cancellation after every page, and writes to a temporary file that replaces *out* only when
everything succeeded, so a failure or a cancel leaves no partial file.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from checklists.errors import messages, render
from inspection.appinfo import APP_VERSION
from inspection.files import atomic_target
from inspection.model import InspectionSnapshot, Status
from inspection.paths import DataDir
from inspection.report import pdf_images, writer
from inspection.report.appendix import PHOTOS_PER_PAGE, photo_appendix
from inspection.report.attachment import (
    RESULTS_DESCRIPTION,
    RESULTS_NAME,
    SIGNATURE_FIELD,
    attach_results,
    results_payload,
)
from inspection.report.context import REPORT_TITLE, ReportContext, make_context, unknown_records
from inspection.report.details import details
from inspection.report.errors import Cancelled, ReportError, write_failure
from inspection.report.fallback_font import draw_string, string_width
from inspection.report.fonts import FONT, FONT_BOLD, bold_font_file, register_fonts
from inspection.report.pairs import pairs_appendix
from inspection.report.rectification import rectification
from inspection.report.sections import cover, summary
from inspection.report.signatures import signatures
from inspection.report.styles import (
    ALERT,
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

UNSIGNED_COPY = "unsigned_copy"  # the JSON status of an unsigned PDF of a signed inspection

Progress = Callable[[int, int, str], None]
ShouldCancel = Callable[[], bool]

# The progress said while a report is made (the window's progress dialog, the command line's
# terminal line), in the process's language; the report itself is Chinese.
MESSAGES = messages({
    "report.progress.page": ("正在排版第 {page} 页", "Laying out page {page}"),
    "report.progress.attaching": ("正在附加检查结果数据", "Attaching the inspection results"),
    "report.progress.done": ("报告已生成", "The report is made"),
})


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """*text* cut to *width* points with “…” when it is longer (a header line never overprints)."""
    if string_width(text, font, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest prefix that fits with the ellipsis
        middle = (low + high + 1) // 2
        if string_width(text[:middle] + "…", font, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


MARK_FORMAT = 1  # of the mark's picture as kept between runs (mark_image)


@lru_cache(maxsize=4)
def mark_png(text: str) -> bytes:
    """*text* in large light red letters at 35°, on a transparent ground (PNG)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(bold_font_file()), 150)
    left, top, right, bottom = font.getbbox(text)
    plate = Image.new("L", (int(right - left) + 40, int(bottom - top) + 40), 0)
    ImageDraw.Draw(plate).text((20 - left, 20 - top), text, font=font, fill=255)
    alpha = plate.rotate(35, expand=True, resample=Image.Resampling.BICUBIC).point(lambda v: v * 34 // 255)
    red = ALERT.rgb()
    image = Image.new("RGBA", alpha.size, tuple(round(c * 255) for c in red) + (0,))
    image.putalpha(alpha)
    out = BytesIO()
    image.save(out, "PNG", optimize=False)
    return out.getvalue()


@lru_cache(maxsize=4)
def mark_image(text: str) -> dict[str, dict[str, Any]]:
    """The mark's picture as the PDF embeds it (:func:`pdf_images.png_image` of :func:`mark_png`),
    kept between runs in the user's cache folder (:mod:`.run_cache`): drawing, rotating and
    decoding it again costs some 60 ms, and the Pillow import, in every unsigned report."""
    import hashlib
    import marshal

    from inspection.report import run_cache
    from inspection.report.font_cache import font_key

    key = {"format": MARK_FORMAT, "text": text, "color": ALERT.hexval(),
           "font": font_key(bold_font_file())}
    name = f"mark-{hashlib.sha256(text.encode()).hexdigest()[:16]}.bin"
    payload = run_cache.read(name, key)
    if payload is not None:
        try:
            parts = marshal.loads(payload)
            if _is_image(parts):
                return parts
        except (ValueError, EOFError, TypeError):
            pass
    parts = pdf_images.png_image("UnsignedMark", mark_png(text))
    run_cache.write(name, key, marshal.dumps(parts))
    return parts


def _is_image(parts: Any) -> bool:
    """*parts* as :func:`pdf_images.png_image` gives them: an image with its size and pixels."""
    return isinstance(parts, dict) and all(
        isinstance(part, dict) and isinstance(part.get("width"), int)
        and isinstance(part.get("height"), int) and isinstance(part.get("streamContent"), bytes)
        for part in parts.values()) and "image" in parts


def mark_size(text: str) -> tuple[int, int]:
    image = mark_image(text)["image"]
    return image["width"], image["height"]


def unsigned_mark(ctx: ReportContext) -> str | None:
    """The mark on every page of a PDF that is not signed (None for the one to be signed)."""
    if ctx.signed:
        return None
    return "未签署副本" if ctx.snapshot.inspection.locked else "草稿　未签署"


def draw_page_frame(canvas: Canvas, header_left: str, header_right: str, number: int, total: int,
                    *, size: float = 8.5) -> None:
    """The report's page frame: header texts over a rule, “第 x 页 共 y 页” at the foot (the
    report's pages after the cover, and the office's lists in the report's style)."""
    replayed(canvas, ("page header", header_left, header_right, size),
             lambda: _draw_header(canvas, header_left, header_right, size))
    canvas.saveState()
    canvas.setFillColor(TEXT)
    canvas.setFont(FONT, 9)
    canvas.drawCentredString(PAGE_WIDTH / 2, MARGIN_BOTTOM - 10 * mm, f"第 {number} 页　共 {total} 页")
    canvas.restoreState()


def _draw_header(canvas: Canvas, header_left: str, header_right: str, size: float) -> None:
    canvas.saveState()
    top = PAGE_HEIGHT - MARGIN_TOP + 7 * mm
    canvas.setFont(FONT, size)
    canvas.setFillColor(MUTED)
    # a park's or a report's rare characters (䶮, 𬌗) in the fallback font, as in the body
    draw_string(canvas, MARGIN_LEFT, top, header_left, font=FONT, size=size)
    draw_string(canvas, MARGIN_LEFT + CONTENT_WIDTH, top, header_right, font=FONT, size=size,
                anchor="end")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(MARGIN_LEFT, top - 2.2 * mm, MARGIN_LEFT + CONTENT_WIDTH, top - 2.2 * mm)
    canvas.restoreState()


def replayed(canvas: Canvas, key: tuple[Any, ...], draw: Callable[[], None]) -> None:
    """*draw* on this page as on every page before it: the first time it runs, later the PDF
    operations it wrote are written again (a page header is the same on a thousand pages).

    *draw* must leave the canvas as it found it (saveState … restoreState) and depend on
    nothing but *key*: its operations are all it leaves behind. Kept per canvas (the font
    subsets' names belong to the document)."""
    kept: dict[tuple[Any, ...], list[str]] = canvas.__dict__.setdefault("_replayable", {})
    code = kept.get(key)
    if code is None:
        start = len(canvas._code)
        draw()
        kept[key] = canvas._code[start:]
    else:
        canvas._code.extend(code)


def _numbered_canvas(header_left: str, header_right: str, mark: str | None,
                     attachment: bytes | None = None,
                     stamp: Callable[[], tuple[int, tuple[float, float, float, float]] | None]
                     | None = None) -> type[Canvas]:
    """A canvas class that draws header and “第 x 页 共 y 页” once the page count is known.

    Pages are kept as their recorded state until ``save``; only then is the total known.
    The cover (page 1) gets neither header nor footer. An unsigned report gets *mark* across
    every page, the cover included. *attachment* (the results JSON) is embedded as the file is
    written, with the empty signature field over *stamp()* (page index, box).
    """
    header_size = 8.5
    left_width = string_width(header_left, FONT, header_size)
    header_right = fit_text(header_right, FONT, header_size, CONTENT_WIDTH - left_width - 8 * mm)

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            field = stamp() if stamp is not None else None
            for index, state in enumerate(self._pages):
                self.__dict__.update(state)
                if self._pageNumber > 1:
                    self._decorate(self._pageNumber, total)
                if mark:
                    self._mark(mark)
                if field is not None and field[0] == index:
                    writer.signature_field(self, SIGNATURE_FIELD, field[1])
                super().showPage()
            self._pages.clear()
            if len(self._code):
                super().showPage()
            if attachment is not None:
                writer.embed_file(self._doc, RESULTS_NAME, attachment, mime="application/json",
                                  description=RESULTS_DESCRIPTION)
            # Object by object into the file, each photo read as it is written (writer.py).
            with open(self._filename, "wb") as handle:
                writer.save_streaming(self._doc, self, handle)

        def _decorate(self, number: int, total: int) -> None:
            draw_page_frame(self, header_left, header_right, number, total, size=header_size)

        def _mark(self, text: str) -> None:
            """The unsigned mark: large, light and diagonal across the page (a picture, so that
            it does not mix into the page's text; one image, drawn on every page), and once
            more as text in the footer."""
            width, height = mark_size(text)
            scale = PAGE_WIDTH * 0.9 / width
            pdf_images.draw_named_image(self, "UnsignedMark", mark_image(text),
                                    (PAGE_WIDTH - width * scale) / 2,
                                    (PAGE_HEIGHT - height * scale) / 2, width * scale,
                                    height * scale)
            replayed(self, ("unsigned mark", text), lambda: self._mark_footer(text))

        def _mark_footer(self, text: str) -> None:
            self.saveState()
            self.setFillColor(ALERT)
            self.setFont(FONT_BOLD, 8.5)
            self.drawRightString(MARGIN_LEFT + CONTENT_WIDTH, MARGIN_BOTTOM - 10 * mm,
                                 f"【{text.replace('　', '，')}】")
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
        draw_string(canvas, MARGIN_LEFT + CONTENT_WIDTH, PAGE_HEIGHT - 16 * mm,
                    f"报告编号：{inspection.report_number}", font=FONT, size=10, anchor="end")
        canvas.restoreState()

    def stamp(self) -> tuple[int, tuple[float, float, float, float]] | None:
        """The page (from 0) and box (x1, y1, x2, y2) kept free for the digital signature."""
        if self.stamp_page is None:
            return None
        x, y, width, height = STAMP_BOX
        return self.stamp_page, (x, y, x + width, y + height)

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
            self.progress(done, self.estimated_pages, render("report.progress.page", {"page": done}))


def report_data(snapshot: InspectionSnapshot, results: list[TemplateResult], *,
                signed: bool) -> dict[str, Any]:
    """The attached results JSON: an unsigned copy of a signed inspection never says “signed”."""
    data = inspection_dict(snapshot, results)
    if not signed and data["inspection"]["status"] == Status.SIGNED.value:
        data["inspection"]["status"] = UNSIGNED_COPY
    return data


def report_story(ctx: ReportContext) -> list:
    """Every flowable of the report, in order."""
    story = cover(ctx)
    sections = [summary, details, rectification, signatures]
    for index, section in enumerate(sections):
        story += section(ctx, index)
    story += pairs_appendix(ctx)  # 整改前后对照 (a revisit's closed findings)
    story += photo_appendix(ctx)
    return story


def build_report(snapshot: InspectionSnapshot, out: Path, *, data_dir: DataDir,
                 results: list[TemplateResult] | None = None,
                 progress: Progress | None = None,
                 should_cancel: ShouldCancel | None = None,
                 photos_per_page: int = 2, signed: bool = False) -> Path:
    """Write the report of *snapshot* to *out* (PDF with the results JSON attached).

    *photos_per_page* lays out the photo appendix: 1 (large), 2 (medium) or 4 (small).
    *signed* says the PDF is about to be signed (``issue_report``): only then does it read as
    signed. Any other PDF says 草稿/未签署 on every page, in its cover's 报告状态 and in its
    attached data, whatever the inspection's state.

    Photos are read from ``data_dir`` by file path. Raises Cancelled when *should_cancel*
    returns True; *out* is then left as it was.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("report.no_folder", folder=out.parent)
    if photos_per_page not in PHOTOS_PER_PAGE:
        raise ReportError("report.photos_per_page", value=photos_per_page)
    unknown = unknown_records(snapshot)
    if unknown:  # before any work: it would fail only at the very end
        shown = "、".join(unknown[:5]) + ("……" if len(unknown) > 5 else "")
        raise ReportError("report.unknown_items", count=len(unknown), items=shown)
    if should_cancel is not None and should_cancel():
        raise Cancelled()
    results = inspection_results(snapshot) if results is None else results
    register_fonts()
    rl_config.useA85 = 0  # JPEGs go in as their own bytes, not ASCII85-inflated copies
    ctx = make_context(snapshot, results, data_dir, photos_per_page=photos_per_page,
                       signed=signed)
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
            data = report_data(snapshot, results, signed=signed)
            # The PDF to be signed gets its data and the empty signature field from pyHanko
            # afterwards (signing loads it anyway); any other PDF embeds its data and the field
            # as it is written: one write, no pyHanko.
            doc.build(report_story(ctx), canvasmaker=_numbered_canvas(
                header_left, park.name, unsigned_mark(ctx),
                attachment=None if signed else results_payload(data),
                stamp=None if signed else doc.stamp))
            if should_cancel is not None and should_cancel():
                raise Cancelled()
            if progress is not None:
                progress(doc.page, doc.page, render("report.progress.attaching" if signed else "report.progress.done", {}))
            if signed:
                attach_results(partial, data, stamp=doc.stamp())
    except OSError as exc:
        raise ReportError("report.cannot_write", path=out, reason=write_failure(exc)) from None
    return out
