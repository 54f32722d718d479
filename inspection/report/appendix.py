"""The photo appendix (附件 现场照片): every photo in checklist order, one, two or four to a page,
with its caption, time, file name and hash.

A photo goes into the PDF byte for byte from its report-size file, read only when the file is
written (:mod:`inspection.report.writer`); laying out needs its header alone. A file that is
missing or is not a JPEG a PDF reader can show (damaged, cut short) is drawn as a framed
notice that names the photo, and the appendix says how many there are.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from inspection.model import Photo
from inspection.report.annotations import draw_annotations
from inspection.report.caption import caption_lines
from inspection.report.context import ReportContext, esc, format_time
from inspection.report.evidence import photo_place
from inspection.report.fallback_font import draw_string
from inspection.report.fonts import FONT, FONT_BOLD
from inspection.report.jpeg import JpegInfo, jpeg_info
from inspection.report.pdf_images import draw_jpeg
from inspection.report.styles import (
    ALERT,
    BODY_HEIGHT,
    CONTENT_WIDTH,
    GRID,
    MUTED,
    report_table,
    styles,
)

# The largest a photo may be drawn, by how many photos share an appendix page.
PHOTOS_PER_PAGE = {1: (CONTENT_WIDTH, 190 * mm), 2: (150 * mm, 98 * mm), 4: (82 * mm, 64 * mm)}
MISSING = "照片文件缺失"
DAMAGED = "照片文件已损坏，无法显示"
CAPTION_LINE = 14  # the caption style's leading


class PhotoFlowable(Flowable):
    """A report-size photo with its annotations; without a usable file, a framed notice that
    names the photo (*notice*: why it cannot be shown)."""

    def __init__(self, path: Path, pixel_size: tuple[int, int],
                 annotations: Sequence[Mapping[str, Any]], *,
                 max_size: tuple[float, float] = PHOTOS_PER_PAGE[2],
                 info: JpegInfo | None = None, notice: str = "") -> None:
        super().__init__()
        self.path = path
        self.info = info
        self.notice = notice
        width, height = pixel_size if all(pixel_size) else (4, 3)
        scale = min(max_size[0] / width, max_size[1] / height)
        self.draw_width, self.draw_height = width * scale, height * scale
        self.annotations = list(annotations)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # width and height as attributes too: a table splitting a row reads them
        self.avail_width = self.width = avail_width
        self.height = self.draw_height
        return avail_width, self.draw_height

    def draw(self) -> None:
        canvas = self.canv
        x = (self.avail_width - self.draw_width) / 2
        if self.info is not None:
            draw_jpeg(canvas, self.path, self.info, x, 0, self.draw_width, self.draw_height)
            draw_annotations(canvas, self.annotations, x=x, y=0, width=self.draw_width,
                             height=self.draw_height, font_name=FONT_BOLD)
        else:
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, 10)
            middle = x + self.draw_width / 2
            draw_string(canvas, middle, self.draw_height / 2 + 4, self.notice, font=FONT,
                        size=10, anchor="middle")  # it names the photo's file
            canvas.setFont(FONT, 8.5)
            canvas.drawCentredString(middle, self.draw_height / 2 - 10,
                                     "请在程序中检查数据（check-db），或重新导入原照片")
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.rect(x, 0, self.draw_width, self.draw_height, stroke=1, fill=0)


class PhotoBlock(Flowable):
    """A photo and its caption lines on one page, measured once per width.

    What ``KeepTogether`` does for them, without measuring the content again each time the
    frame asks (2,000 photos were measured some 15,000 times). Content taller than a whole
    page (a caption of thousands of characters) is handed back as separate flowables, so
    that the caption runs on to the next page.
    """

    def __init__(self, parts: list[Flowable], *, page_height: float) -> None:
        super().__init__()
        self.parts = parts
        self.page_height = page_height
        self._measured: tuple[float, list[tuple[float, float, float]]] | None = None

    def _measure(self, avail_width: float) -> list[tuple[float, float, float]]:
        if self._measured is None or self._measured[0] != avail_width:
            sizes = []
            for part in self.parts:
                _, height = part.wrap(avail_width, self.page_height)
                sizes.append((part.getSpaceBefore(), height, part.getSpaceAfter()))
            self._measured = (avail_width, sizes)
        return self._measured[1]

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        sizes = self._measure(avail_width)
        self.width = avail_width
        self.height = sum(before + height + after for before, height, after in sizes)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        sizes = self._measure(avail_width)
        self.wrap(avail_width, avail_height)
        if self.height <= self.page_height:
            return []  # onto the next page, whole
        # Taller than a page (a caption of thousands of characters): the photo and the start
        # of its caption here, when they fit, the rest running on to the following pages.
        photo = sum(before + height + after for before, height, after in sizes[:2])
        if avail_height < photo + 3 * CAPTION_LINE:
            return []  # start on the next page
        return list(self.parts)

    def draw(self) -> None:
        y = self.height
        for part, (before, height, after) in zip(self.parts, self._measure(self.width)):
            y -= before + height
            part.drawOn(self.canv, 0, y)
            y -= after


@lru_cache(maxsize=64)
def caption_styles(indent: float) -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    """The caption, small caption and flag styles indented by *indent* on both sides (made
    once for each indent: a report has a few, one for each shape of photo)."""
    s = styles()
    caption = s.caption.clone("photo_caption", leftIndent=indent, rightIndent=indent)
    small = s.caption_small.clone("photo_caption_small", leftIndent=indent, rightIndent=indent)
    return caption, small, small.clone("photo_caption_flag", textColor=ALERT)


def photo_block(ctx: ReportContext, photo: Photo, *, width: float = CONTENT_WIDTH,
                info: JpegInfo | None = None, notice: str = "") -> list[Flowable]:
    """A photo with its caption lines, centred in *width* (the page, or a grid cell). Without
    *info* (no usable file) the photo is a framed *notice* naming it."""
    number = ctx.photo_numbers[photo.id]
    if info is None and notice:
        notice = f"照片 {number}（{photo.original_name}）：{notice}"
    image = PhotoFlowable(ctx.data_dir.report_image(photo.sha256), (photo.width, photo.height),
                          photo.annotations, max_size=PHOTOS_PER_PAGE[ctx.photos_per_page],
                          info=info, notice=notice)
    # Captions line up with the photo's left edge, however narrow a portrait photo is.
    caption, small, flag = caption_styles(max((width - image.draw_width) / 2, 0))
    label = ctx.item_label(photo.template_id, photo.item_code)
    # Plain text, not Paragraph mark-up: the same lines at a fraction of the cost (caption.py).
    lines = [caption_lines([(FONT_BOLD, f"照片 {number}"), (FONT, f"　{label}")], caption)]
    if photo.caption:
        lines.append(caption_lines([(FONT, photo.caption)], caption))
    taken = format_time(photo.taken_at, seconds=True) if photo.taken_at else "未知"
    where, flags = photo_place(ctx, photo)
    lines.append(caption_lines([(FONT, f"拍摄时间 {taken}　{where + '　' if where else ''}"
                                       f"原文件 {photo.original_name}　"
                                       f"SHA-256 {photo.short_hash}")], small))
    if flags:  # far from the park, or another day: flagged for the reader, never hidden
        lines.append(caption_lines([(FONT, f"注意：{flags}")], flag))
    return [image, Spacer(1, 1.5 * mm), *lines, Spacer(1, 5 * mm)]


def photo_files(ctx: ReportContext) -> dict[int, tuple[JpegInfo | None, str]]:
    """Each photo's JPEG header, or why it cannot be shown (missing, damaged)."""
    found: dict[int, tuple[JpegInfo | None, str]] = {}
    for photo in ctx.photos:
        path = ctx.data_dir.report_image(photo.sha256)
        info = jpeg_info(path)
        if info is not None:
            found[photo.id] = (info, "")
        else:
            found[photo.id] = (None, DAMAGED if path.exists() else MISSING)
    return found


def photo_appendix(ctx: ReportContext) -> list[Flowable]:
    """附件: every photo in checklist order, one, two or four to a page."""
    if not ctx.photos:
        return []
    s = styles()
    story: list[Flowable] = [NextPageTemplate("body"), PageBreak(),
                             Paragraph(f"附件　现场照片（共 {len(ctx.photos)} 张）", s.h1)]
    files = photo_files(ctx)
    for reason, why in ((MISSING, "文件缺失"), (DAMAGED, "文件已损坏")):
        names = [f"照片 {ctx.photo_numbers[p.id]}（{esc(p.original_name)}）"
                 for p in ctx.photos if files[p.id][1] == reason]
        if names:
            story.append(Paragraph(f"其中 {len(names)} 张照片无法显示（{why}），在其位置标出："
                                   f"{'、'.join(names)}。", s.body))
    if ctx.photos_per_page < 4:
        story += [PhotoBlock(photo_block(ctx, photo, info=files[photo.id][0],
                                         notice=files[photo.id][1]), page_height=BODY_HEIGHT)
                  for photo in ctx.photos]
        return story
    cell = CONTENT_WIDTH / 2
    for start in range(0, len(ctx.photos), 2):
        pair = [photo_block(ctx, photo, width=cell, info=files[photo.id][0],
                            notice=files[photo.id][1])
                for photo in ctx.photos[start:start + 2]]
        # A table row keeps the two photos (and their captions) together on one page.
        grid = report_table([pair + [""] * (2 - len(pair))], [cell, cell], repeat_rows=0)
        grid.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab sets Helvetica
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        story.append(grid)
    return story
