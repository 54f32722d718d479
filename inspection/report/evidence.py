"""What the report says about evidence: items signed although they break an evidence rule
(证据要求, inspection/evidence_rules.py) with the inspector's reason, and where and when each
photo was taken, flagged when far from the park or on another day (inspection/photos/location.py).

The texts are plain strings, shared by the PDF (details, summary, photo appendix) and its Word
copy, so that both say the same thing.
"""
from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from checklists.library import get_template
from inspection.evidence_rules import Breach
from inspection.model import Photo
from inspection.photos.location import format_position, photo_flags
from inspection.report.context import ReportContext, esc
from inspection.report.styles import ALERT, CONTENT_WIDTH, report_table, styles, table_style

NO_REASON = "（尚未说明理由，签署时须填写）"


def _hex(color: colors.Color) -> str:
    return "#" + color.hexval()[2:]


def rule_text(breach: Breach) -> str:
    """不符合需要照片和整改项: the rule, with the result's label as the template words it."""
    # (an unknown result refuses the report before any work: unknown_records)
    return breach.rule.describe(get_template(breach.template_id).option(breach.result).label)


def breach_text(breach: Breach) -> str:
    """未满足证据要求：缺少照片、整改项 (beside the item; the summary's list gives the rule)"""
    return f"未满足证据要求：缺少{breach.missing_text}"


def reason_text(ctx: ReportContext, breach: Breach) -> str:
    """The inspector's reason, or that none was given yet (a draft)."""
    reason = ctx.snapshot.evidence_reasons.get(breach.key, "").strip()
    return f"理由：{reason}" if reason else NO_REASON


def evidence_note(ctx: ReportContext, template_id: str, code: str) -> str:
    """The line under an item's note (plain text), '' when the item meets its rule."""
    breach = ctx.breaches.get((template_id, code))
    if breach is None:
        return ""
    return f"{breach_text(breach)}。{reason_text(ctx, breach)}"


def evidence_markup(ctx: ReportContext, template_id: str, code: str) -> str:
    """The same for a results cell (Paragraph markup, the breach in the alert colour)."""
    breach = ctx.breaches.get((template_id, code))
    if breach is None:
        return ""
    return (f'<font color="{_hex(ALERT)}"><b>{esc(breach_text(breach))}</b></font>。'
            f"{esc(reason_text(ctx, breach))}")


def evidence_rows(ctx: ReportContext) -> list[tuple[str, str, str, str]]:
    """(item, rule, what is missing, reason) of every item that breaks its rule, in report
    order."""
    return [(ctx.item_label(b.template_id, b.code), rule_text(b), b.missing_text,
             ctx.snapshot.evidence_reasons.get(b.key, "").strip() or NO_REASON.strip("（）"))
            for b in ctx.breaches.values()]


def evidence_list(ctx: ReportContext) -> list[Flowable]:
    """The summary's short list: items signed without the evidence their rule asks for."""
    rows = evidence_rows(ctx)
    if not rows:
        return []
    s = styles()
    head = [Paragraph(h, s.head) for h in ("条目", "证据要求", "缺少", "理由")]
    body = [[Paragraph(esc(text), s.cell) for text in row] for row in rows]
    table = report_table([head, *body], [58 * mm, 36 * mm, 20 * mm, CONTENT_WIDTH - 114 * mm])
    table.setStyle(table_style())
    explained = all(ctx.snapshot.evidence_reasons.get(key) for key in ctx.breaches)
    note = ("检查人员在签署时对下列条目说明了理由，各条目在检查结果中的说明里同样列出。" if explained
            else "下列条目未满足证据要求；签署时须对每一项说明理由。")
    return [Spacer(1, 4 * mm), Paragraph(f"未满足证据要求的条目（{len(rows)} 项）", s.h2),
            Paragraph(note, s.note),
            table]


def photo_place(ctx: ReportContext, photo: Photo) -> tuple[str, str]:
    """(where the photo was taken, what looks wrong): “位置 30.82000°N 121.25000°E” and
    “距园区约 3.2 公里；非检查当天（2026-11-20）拍摄” — each '' when there is nothing to say."""
    visit = ctx.snapshot.inspection.date
    where = f"位置 {format_position(photo.gps)}" if photo.gps else ""
    flags = photo_flags(gps=photo.gps, taken_at=photo.taken_at,
                        park_location=ctx.snapshot.park.location, visit_date=visit)
    return where, flags.text(visit) if flags.any else ""
