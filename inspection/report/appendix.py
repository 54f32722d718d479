"""The rectification list (整改要求), the signatures page (签字确认) and the photo appendix."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from inspection.model import FindingStatus, Photo, Severity
from inspection.photos.importer import missing_report_images
from inspection.report.annotations import draw_annotations
from inspection.report.context import ReportContext, esc, format_time, section_number
from inspection.report.details import hexcolor
from inspection.report.fonts import FONT, FONT_BOLD
from inspection.report.styles import ALERT, CONTENT_WIDTH, GRID, MUTED, report_table, styles, table_style

# The largest a photo may be drawn, by how many photos share an appendix page.
PHOTOS_PER_PAGE = {1: (CONTENT_WIDTH, 190 * mm), 2: (150 * mm, 98 * mm), 4: (82 * mm, 64 * mm)}


def rectification(ctx: ReportContext, index: int) -> list[Flowable]:
    """Section 三: every finding with requirement, deadline, responsible, severity and status."""
    s = styles()
    story: list[Flowable] = [CondPageBreak(45 * mm),
                             Paragraph(f"{section_number(index)}、整改要求", s.h1)]
    if not ctx.findings:
        return story + [Paragraph("本次检查未提出整改要求。", s.body)]
    open_count = sum(1 for f in ctx.findings if f.status is FindingStatus.OPEN)
    story.append(Paragraph(f"共 {len(ctx.findings)} 项整改要求，其中待整改 {open_count} 项。"
                           "请责任人在整改期限内完成整改，并保留整改记录备查。", s.body))
    as_of = date.fromisoformat(ctx.snapshot.inspection.date)
    head = [Paragraph(h, s.head) for h in
            ("序号", "检查条目", "整改要求", "严重程度", "整改期限", "责任人", "状态")]
    rows = [head]
    for finding in ctx.findings:
        status = esc(finding.status.label)
        if finding.status is FindingStatus.CLOSED and finding.closing_note:
            status += f"<br/>{esc(finding.closing_note)}"
        if (finding.status is FindingStatus.OPEN and finding.deadline
                and date.fromisoformat(finding.deadline) < as_of):
            status += f'<br/><font color="{hexcolor(ALERT)}"><b>【逾期】</b></font>'
        severity = esc(finding.severity.label)
        if finding.severity is not Severity.MINOR:
            severity = f"<b>{severity}</b>"
        requirement = esc(finding.requirement)
        if finding.carried_from is not None:
            requirement += f'<br/><font color="{hexcolor(MUTED)}">（上次检查遗留）</font>'
        rows.append([
            Paragraph(str(ctx.finding_numbers[finding.id]), s.cell_center),
            Paragraph(esc(ctx.item_label(finding.template_id, finding.item_code)), s.cell),
            Paragraph(requirement, s.cell), Paragraph(severity, s.cell_center),
            Paragraph(esc(finding.deadline or "—"), s.cell_center),
            Paragraph(esc(finding.responsible or "—"), s.cell), Paragraph(status, s.cell_center)])
    fixed = [10 * mm, 34 * mm, 16 * mm, 20 * mm, 22 * mm, 16 * mm]
    widths = fixed[:2] + [CONTENT_WIDTH - sum(fixed)] + fixed[2:]
    table = report_table(rows, widths)
    table.setStyle(table_style())
    story.append(table)
    return story


class PhotoFlowable(Flowable):
    """A report-size photo drawn from its file (embedded byte for byte) with its annotations."""

    def __init__(self, path: Path, pixel_size: tuple[int, int],
                 annotations: Sequence[Mapping[str, Any]], *,
                 max_size: tuple[float, float] = PHOTOS_PER_PAGE[2],
                 missing: bool = False) -> None:
        super().__init__()
        self.path = path
        self.missing = missing
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
        if not self.missing and self.path.exists():  # exists: in case it went since
            canvas.drawImage(str(self.path), x, 0, self.draw_width, self.draw_height)
            draw_annotations(canvas, self.annotations, x=x, y=0, width=self.draw_width,
                             height=self.draw_height, font_name=FONT_BOLD)
        else:
            canvas.setFillColor(MUTED)
            canvas.setFont(FONT, 10)
            canvas.drawCentredString(x + self.draw_width / 2, self.draw_height / 2,
                                     "照片文件缺失，请在程序中检查数据（check-db）")
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.rect(x, 0, self.draw_width, self.draw_height, stroke=1, fill=0)


def photo_block(ctx: ReportContext, photo: Photo, *, width: float = CONTENT_WIDTH,
                missing: bool = False) -> list[Flowable]:
    """A photo with its caption lines, centred in *width* (the page, or a grid cell); a
    *missing* file is drawn as a framed notice."""
    s = styles()
    number = ctx.photo_numbers[photo.id]
    image = PhotoFlowable(ctx.data_dir.report_image(photo.sha256), (photo.width, photo.height),
                          photo.annotations, max_size=PHOTOS_PER_PAGE[ctx.photos_per_page],
                          missing=missing)
    # Captions line up with the photo's left edge, however narrow a portrait photo is.
    indent = max((width - image.draw_width) / 2, 0)
    caption = s.caption.clone("photo_caption", leftIndent=indent, rightIndent=indent)
    small = s.caption_small.clone("photo_caption_small", leftIndent=indent, rightIndent=indent)
    label = ctx.item_label(photo.template_id, photo.item_code)
    lines: list[Flowable] = [Paragraph(f"<b>照片 {number}</b>　{esc(label)}", caption)]
    if photo.caption:
        lines.append(Paragraph(esc(photo.caption), caption))
    taken = format_time(photo.taken_at, seconds=True) if photo.taken_at else "未知"
    lines.append(Paragraph(f"拍摄时间 {esc(taken)}　原文件 {esc(photo.original_name)}　"
                           f"SHA-256 {photo.short_hash}", small))
    return [image, Spacer(1, 1.5 * mm), *lines, Spacer(1, 5 * mm)]


def photo_appendix(ctx: ReportContext) -> list[Flowable]:
    """附件: every photo in checklist order, one, two or four to a page."""
    if not ctx.photos:
        return []
    s = styles()
    story: list[Flowable] = [NextPageTemplate("body"), PageBreak(),
                             Paragraph(f"附件　现场照片（共 {len(ctx.photos)} 张）", s.h1)]
    missing = {p.id for p in missing_report_images(ctx.snapshot, ctx.data_dir)}
    if missing:
        story.append(Paragraph(f"其中 {len(missing)} 张照片的文件缺失，以“照片文件缺失”标出。",
                               s.body))
    if ctx.photos_per_page < 4:
        story += [KeepTogether(photo_block(ctx, photo, missing=photo.id in missing))
                  for photo in ctx.photos]
        return story
    cell = CONTENT_WIDTH / 2
    for start in range(0, len(ctx.photos), 2):
        pair = [photo_block(ctx, photo, width=cell, missing=photo.id in missing)
                for photo in ctx.photos[start:start + 2]]
        # A table row keeps the two photos (and their captions) together on one page.
        grid = report_table([pair + [""] * (2 - len(pair))], [cell, cell], repeat_rows=0)
        grid.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab sets Helvetica
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                       ("RIGHTPADDING", (0, 0), (-1, -1), 0)])
        story.append(grid)
    return story
