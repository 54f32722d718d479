"""Section 三, 整改要求: every finding with its requirement, deadline, responsible party,
severity and status, numbered as the results rows refer to them (整改 1、2 …)."""
from __future__ import annotations

from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from inspection.model import FindingStatus, Severity
from inspection.report.context import ReportContext, esc, section_number
from inspection.report.details import hexcolor
from inspection.report.styles import ALERT, CONTENT_WIDTH, MUTED, report_table, styles, table_style


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
