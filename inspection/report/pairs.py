"""附件 整改前后对照: for each finding closed at this visit that continues one of an earlier visit,
the item's photo then (整改前) beside its photo now (整改后), with the requirement and how it was
rectified — in the PDF and in the Word copy.

"After" is the item's latest photo at this visit (the one taken when the finding was closed);
"before" the item's first photo at the nearest earlier visit that has one
(``InspectionSnapshot.earlier_evidence``). A finding closed without an "after" photo is not
paired; one whose earlier visit is not in this data folder shows its "after" alone, saying so.
Another inspector's visit carried from the hub has its photos fetched by sync
(inspection/hub/earlier.py, media/earlier/); until they are here the pair says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer

from inspection.model import EarlierEvidence, Finding, FindingStatus, Photo
from inspection.paths import DataDir
from inspection.photos.order import capture_order_key
from inspection.report.appendix import PhotoFlowable
from inspection.report.context import ReportContext, esc, format_date_cn
from inspection.report.fonts import FONT
from inspection.report.jpeg import jpeg_info
from inspection.report.styles import CONTENT_WIDTH, report_table, styles

CELL = CONTENT_WIDTH / 2
PHOTO_BOX = (CELL - 6 * mm, 62 * mm)


@dataclass(frozen=True)
class Pair:
    finding: Finding
    before: Photo | None
    before_visit: EarlierEvidence | None
    after: Photo

    def before_path(self, data_dir: DataDir) -> Path | None:
        """The "before" photo's report-size file (one fetched from the hub is kept apart)."""
        if self.before is None:
            return None
        if self.before_visit is not None and self.before_visit.from_hub:
            return data_dir.earlier_image(self.before.sha256)
        return data_dir.report_image(self.before.sha256)

    @property
    def missing_before(self) -> str:
        """What stands in place of a missing "before"."""
        visit = self.before_visit
        if visit is not None and visit.from_hub and not visit.fetched:
            return "上次检查（其他检查人员）的照片在生成本报告时尚未从中心下载"
        if visit is not None and visit.from_hub:
            return "上次检查未拍摄该条目的照片"
        return "上次检查的照片不在本机（或未拍摄该条目）"


def rectification_pairs(ctx: ReportContext) -> list[Pair]:
    """The pairs to show, in the order of the findings."""
    pairs = []
    for finding in ctx.findings:
        earlier = ctx.snapshot.earlier_evidence.get(finding.id)
        if finding.status is not FindingStatus.CLOSED or (finding.carried_from is None and earlier is None):
            continue  # (carried from the hub: only carried_from_uid, and its evidence says so)
        now = [p for p in ctx.photos if (p.template_id, p.item_code) == (finding.template_id, finding.item_code)]
        if not now:
            continue
        after = max(now, key=capture_order_key)
        before = min(earlier.photos, key=capture_order_key) if earlier and earlier.photos else None
        pairs.append(Pair(finding, before, earlier, after))
    return pairs


def _photo(ctx: ReportContext, photo: Photo, path: Path | None = None) -> PhotoFlowable:
    path = path or ctx.data_dir.report_image(photo.sha256)
    info = jpeg_info(path)
    notice = "" if info is not None else ("照片文件已损坏，无法显示" if path.exists() else "照片文件缺失")
    return PhotoFlowable(path, (photo.width, photo.height), photo.annotations, max_size=PHOTO_BOX,
                         info=info, notice=notice)


def pairs_appendix(ctx: ReportContext) -> list[Flowable]:
    """附件 整改前后对照 (nothing when no closed finding has an "after" photo)."""
    pairs = rectification_pairs(ctx)
    if not pairs:
        return []
    s = styles()
    centred = s.caption.clone("pair_caption", alignment=TA_CENTER)
    story: list[Flowable] = [NextPageTemplate("body"), PageBreak(),
                             Paragraph(f"附件　整改前后对照（共 {len(pairs)} 项）", s.h1),
                             Paragraph("上次检查提出、本次复查时已整改的问题：左为上次检查时该条目的照片，"
                                       "右为本次复查时的照片。", s.body)]
    for pair in pairs:
        finding = pair.finding
        number = ctx.finding_numbers[finding.id]
        head = (f"<b>整改 {number}</b>　{esc(ctx.item_label(finding.template_id, finding.item_code))}"
                f"<br/>整改要求：{esc(finding.requirement)}")
        if finding.closing_note:
            head += f"<br/>整改情况：{esc(finding.closing_note)}"
        if pair.before is not None and pair.before_visit is not None:
            before: list[Flowable] = [_photo(ctx, pair.before, pair.before_path(ctx.data_dir)),
                                      Spacer(1, 1.5 * mm), Paragraph(
                f"整改前：{esc(format_date_cn(pair.before_visit.date))}检查", centred)]
        else:
            before = [Spacer(1, 20 * mm), Paragraph(esc(pair.missing_before),
                                                    s.caption_small.clone("pair_none", alignment=TA_CENTER))]
        after = [_photo(ctx, pair.after), Spacer(1, 1.5 * mm),
                 Paragraph(f"整改后：本次复查（照片 {ctx.photo_numbers[pair.after.id]}）", centred)]
        grid = report_table([[Paragraph(head, s.cell), ""], [before, after]], [CELL, CELL], repeat_rows=0)
        grid.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("SPAN", (0, 0), (1, 0)),
                       ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 1), (-1, 1), "CENTER"),
                       ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2)])
        story += [CondPageBreak(PHOTO_BOX[1] + 30 * mm), grid, Spacer(1, 6 * mm)]
    return story
