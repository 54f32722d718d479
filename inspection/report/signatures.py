"""Section 四, 签字确认: who inspected and who received the report, their handwritten
signatures, the two seal areas (检查单位 and 受检园区), the park's statement, and the box kept
free for the digital signature. All on the "signatures" page template (pdf.py)."""
from __future__ import annotations

from io import BytesIO
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from inspection.model import Signature, SignerRole
from inspection.report.context import ReportContext, esc, format_date_cn, format_time, section_number
from inspection.report.fonts import FONT
from inspection.report.styles import CONTENT_WIDTH, GRID, MUTED, RULE, report_table, styles, table_style

SIGNATURE_BOX = (42 * mm, 15 * mm)
SEAL_DIAMETER = 34 * mm


def _signature_image(signature: Signature | None) -> Flowable:
    """The handwritten signature scaled into its box, or the empty box to sign in by hand."""
    blank = Spacer(1, SIGNATURE_BOX[1])
    if signature is None or not signature.image_png:
        return blank
    try:
        reader = ImageReader(BytesIO(signature.image_png))
        width, height = reader.getSize()
    except Exception:  # a damaged image must not stop the report; the name is still printed
        return blank
    box_w, box_h = SIGNATURE_BOX
    scale = min(box_w / width, box_h / height)
    return Image(BytesIO(signature.image_png), width=width * scale, height=height * scale,
                 mask="auto")


class SealArea(Flowable):
    """A dashed circle marking where the seal (公章) goes, with a faint 盖章处 inside."""

    def __init__(self, diameter: float = SEAL_DIAMETER) -> None:
        super().__init__()
        self.diameter = diameter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.diameter
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        radius = self.diameter / 2
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.6)
        canvas.setDash(2, 2)
        canvas.circle(self.width / 2, radius, radius, stroke=1, fill=0)
        canvas.setFillColor(MUTED)
        canvas.setFont(FONT, 9)
        canvas.drawCentredString(self.width / 2, radius - 3, "（盖章处）")
        canvas.restoreState()


def _people(ctx: ReportContext) -> list[tuple[SignerRole, str, Signature | None]]:
    """The inspectors in their order, anyone else who signed, the park representative last."""
    inspection = ctx.snapshot.inspection
    by_key = {(sig.role, sig.name): sig for sig in ctx.snapshot.signatures}
    people: list[tuple[SignerRole, str, Signature | None]] = [
        (SignerRole.INSPECTOR, name, by_key.get((SignerRole.INSPECTOR, name)))
        for name in inspection.inspectors]
    listed = {(role, name) for role, name, _ in people}
    people += [(sig.role, sig.name, sig) for sig in ctx.snapshot.signatures
               if (sig.role, sig.name) not in listed]
    if not any(role is SignerRole.PARK_REPRESENTATIVE for role, _, _ in people):
        people.append((SignerRole.PARK_REPRESENTATIVE, "", None))
    people.sort(key=lambda p: p[0] is SignerRole.PARK_REPRESENTATIVE)
    return people


def _when(signature: Signature | None) -> str:
    """When it was signed; for a signature carried from an earlier revision, which one."""
    if signature is None:
        return ""
    when = format_time(signature.signed_at)
    if signature.carried_from is None:
        return when
    return f"签于第 {signature.carried_from} 版<br/>{when}"


def carried_note(ctx: ReportContext) -> list[Flowable]:
    """Said under the table when a signature was given in an earlier revision."""
    revisions = sorted({s.carried_from for s in ctx.snapshot.signatures if s.carried_from})
    if not revisions:
        return []
    which = "、".join(f"第 {n} 版" for n in revisions)
    return [Spacer(1, 1.5 * mm), Paragraph(
        f"注：标有“签于第 N 版”的手写签名是在{which}签署的；其后签名人所确认的检查结果和整改项"
        f"均未改动（本版只增补了照片等证据或说明），故沿用至本版（第 {ctx.snapshot.inspection.revision} 版）。",
        styles().note)]


def _signers_table(ctx: ReportContext) -> Flowable:
    s = styles()
    head = [Paragraph(h, s.head) for h in ("身份", "姓名", "职务", "签名", "签署时间")]
    rows: list[list[Any]] = [head]
    for role, name, signature in _people(ctx):
        rows.append([Paragraph(role.label, s.cell_center), Paragraph(esc(name), s.cell_center),
                     Paragraph(esc(signature.title if signature else ""), s.cell_center),
                     _signature_image(signature), Paragraph(_when(signature), s.cell_center)])
    widths = [24 * mm, 28 * mm, 32 * mm, 50 * mm, CONTENT_WIDTH - 134 * mm]
    table = report_table(rows, widths)
    table.setStyle(table_style([("ALIGN", (3, 1), (3, -1), "CENTER"),
                                ("VALIGN", (0, 1), (-1, -1), "MIDDLE")]))
    return table


def _seal_blocks(ctx: ReportContext) -> Flowable:
    """检查单位 and 受检园区 side by side: who, the seal area, the date; the park's statement."""
    s = styles()
    inspection = ctx.snapshot.inspection
    representative = next(((name, sig) for role, name, sig in _people(ctx)
                           if role is SignerRole.PARK_REPRESENTATIVE and name), None)
    if representative is None:
        who = "园区代表（签字）：＿＿＿＿＿＿＿＿"
    else:
        name, sig = representative
        title = f"（{esc(sig.title)}）" if sig is not None and sig.title else ""
        who = f"园区代表：{esc(name)}{title}"
    left = [Paragraph("<b>检查单位（盖章）</b>", s.cell),
            Paragraph(esc(inspection.organisation or "＿＿＿＿＿＿＿＿＿＿"), s.cell),
            Spacer(1, 2 * mm), SealArea(), Spacer(1, 2 * mm),
            Paragraph(f"日期：{format_date_cn(inspection.date)}", s.cell)]
    right = [Paragraph("<b>受检园区意见（盖章）</b>", s.cell),
             Paragraph("对本报告所列检查结果和整改要求：□ 无异议　□ 有异议（另附说明）", s.cell),
             Paragraph(who, s.cell), SealArea(),
             Paragraph("日期：＿＿＿＿年＿＿月＿＿日", s.cell)]
    table = report_table([[left, right]], [CONTENT_WIDTH / 2, CONTENT_WIDTH / 2], repeat_rows=0)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT),  # else reportlab sets Helvetica
                    ("BOX", (0, 0), (-1, -1), 0.8, RULE), ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 5), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6)])
    return table


def signatures(ctx: ReportContext, index: int) -> list[Flowable]:
    """Section 四 on its own page template, which keeps the box for the digital stamp free."""
    s = styles()
    inspection = ctx.snapshot.inspection
    names = "、".join(esc(name) for name in inspection.inspectors)
    who = f"{esc(inspection.organisation)}检查人员{names}" if inspection.organisation \
        else f"检查人员{names}"
    if ctx.signed:
        closing = ("本报告签署后加盖数字签名（见本页下方）。数字签名保证报告自签署后未被改动；"
                   "报告内附机器可读的检查结果数据（inspection-results.json）。")
    else:
        closing = ("本文件未加盖数字签名，不能作为签署的报告使用；签署的报告以带数字签名的 PDF 为准。"
                   "报告内附机器可读的检查结果数据（inspection-results.json）。")
    return [
        NextPageTemplate("signatures"), PageBreak(),
        Paragraph(f"{section_number(index)}、签字确认", s.h1),
        Paragraph(f"本报告所列检查结果由{who}于 {esc(format_date_cn(inspection.date))}"
                  "现场核查形成，受检园区代表已知悉检查结果和整改要求。签字表示对上述内容的确认。",
                  s.body),
        Spacer(1, 2 * mm), _signers_table(ctx), *carried_note(ctx), Spacer(1, 4 * mm),
        KeepTogether([_seal_blocks(ctx)]), Spacer(1, 3 * mm),
        Paragraph(closing, s.note),
    ]
