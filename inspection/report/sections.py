"""The cover and the summary (检查概况与结论) of the report."""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from checklists.model import Template, TemplateKind
from inspection.model import FindingStatus
from inspection.report.charts import score_bar_chart
from inspection.report.context import (
    NOT_CHECKED,
    REPORT_TITLE,
    ReportContext,
    display_text,
    esc,
    format_date_cn,
    overdue_items,
    section_number,
    short_name,
)
from inspection.report.evidence import evidence_list
from inspection.report.fonts import FONT
from inspection.report.styles import CONTENT_WIDTH, GRID, RULE, report_table, styles, table_style
from inspection.results import TemplateResult, overall_percent


def standard_name(template: Template) -> str:
    """《标准名称》（文号）"""
    number = f"（{template.document_number}）" if template.document_number else ""
    return f"《{display_text(template.title)}》{number}"


def percent_text(value: float | None) -> str:
    return NOT_CHECKED if value is None else f"{value:.1f}%"


def report_status(ctx: ReportContext) -> str:
    if ctx.signed:
        return "已签署（数字签名）"
    if ctx.snapshot.inspection.locked:
        return "未签署副本（检查已签署，以带数字签名的报告为准）"
    return "草稿（未签署）"


def cover(ctx: ReportContext) -> list[Flowable]:
    """The cover page: title, park, the facts of the visit, the standards applied."""
    s = styles()
    inspection, park = ctx.snapshot.inspection, ctx.snapshot.park
    rows = [
        ("受检园区", park.name),
        ("园区地址", park.address or "—"),
        ("园区类型", park.park_type.label),
        ("检查日期", format_date_cn(inspection.date)),
        ("检查人员", "、".join(inspection.inspectors)),
        ("检查单位", inspection.organisation or "—"),
        ("检查依据", "<br/>".join(esc(standard_name(t)) for t in ctx.templates)),
        ("报告编号", inspection.report_number),
        ("报告版本", f"第 {inspection.revision} 版"),
        # A draft printed for discussion, or a copy printed after signing, must not pass for
        # the signed report: only the PDF that is about to be signed says so.
        ("报告状态", report_status(ctx)),
    ]
    data = [[Paragraph(label, s.cover_label),
             Paragraph(value if label == "检查依据" else esc(value), s.cover_value)]
            for label, value in rows]
    info = report_table(data, [32 * mm, 112 * mm], repeat_rows=0, hAlign="CENTER")
    info.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), FONT),  # else the table's default Helvetica is set
        ("LINEBELOW", (1, 0), (1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (1, 0), (1, -1), 8),
    ]))
    issuer = [Paragraph(esc(inspection.organisation), s.cover_footer)] \
        if inspection.organisation else []
    return [
        Spacer(1, 30 * mm),
        Paragraph(REPORT_TITLE, s.title),
        Paragraph(esc(park.name), s.subtitle),
        Spacer(1, 20 * mm),
        info,
        FillSpacer(reserve=34 * mm, minimum=10 * mm),
        *issuer,
        Paragraph(format_date_cn(inspection.date), s.cover_footer),
        NextPageTemplate("body"),
        PageBreak(),
    ]


class FillSpacer(Flowable):
    """Takes the page's remaining height but *reserve*: what follows sits at the page bottom."""

    def __init__(self, *, reserve: float, minimum: float = 0) -> None:
        super().__init__()
        self.reserve, self.minimum = reserve, minimum

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.height = max(avail_height - self.reserve, self.minimum)
        return avail_width, self.height

    def draw(self) -> None:
        pass


def _result_line(result: TemplateResult) -> str:
    template = result.template
    if result.compliance is not None:
        overall = result.compliance.overall
        failed = overall.counts.get("fail", 0)
        return (f"符合率 {percent_text(overall.percent)}；不符合 {failed} 项，"
                f"基本符合 {overall.counts.get('partial', 0)} 项")
    if template.kind is TemplateKind.STAR_RATING:
        if result.stars_problem:
            return result.stars_problem
        if result.stars is None:
            return "测量值不全，尚未评定星级"
        limited = f"（受限于 {'、'.join(result.stars.limited_by)}）" if result.stars.limited_by else ""
        return f"{result.stars.label}{limited}"
    if result.actions is not None:
        counts = "，".join(f"{o.label} {result.actions.counts.get(o.key, 0)}"
                          for o in template.result_scale if result.actions.counts.get(o.key))
        late = overdue_items(result.actions)
        overdue = f"；逾期 {len(late)} 项" if late else ""
        return (counts or "尚未检查") + overdue
    return ""


def summary(ctx: ReportContext, index: int) -> list[Flowable]:
    """Section 一: what was inspected, the key figures, scores per standard and per group."""
    s = styles()
    inspection, park = ctx.snapshot.inspection, ctx.snapshot.park
    total = sum(r.total for r in ctx.results)
    answered = sum(r.answered for r in ctx.results)
    names = "".join(standard_name(t) for t in ctx.templates)
    who = f"{inspection.organisation}检查人员" if inspection.organisation else "检查人员"
    story: list[Flowable] = [Paragraph(f"{section_number(index)}、检查概况与结论", s.h1), Paragraph(
        f"{format_date_cn(inspection.date)}，{esc(who)}{esc('、'.join(inspection.inspectors))}"
        f"对{esc(park.name)}（{park.park_type.label}）进行了现场检查。检查依据{esc(names)}，"
        f"共 {total} 项检查条目，已检查 {answered} 项，未检查 {total - answered} 项"
        f"（未检查的条目在报告中标为“{NOT_CHECKED}”，不计为不符合）。", s.body)]
    story.append(_key_figures(ctx))
    formula = compliance_formula(ctx.results)
    if formula:
        story.append(Spacer(1, 1.5 * mm))
        story.append(Paragraph(formula, s.note))
    story.append(Spacer(1, 4 * mm))
    rows = [[Paragraph("检查依据", s.head), Paragraph("已检查 / 条目", s.head),
             Paragraph("结果", s.head)]]
    for result in ctx.results:
        rows.append([Paragraph(esc(standard_name(result.template)), s.cell),
                     Paragraph(f"{result.answered} / {result.total}", s.cell_center),
                     Paragraph(esc(_result_line(result)), s.cell)])
    table = report_table(rows, [78 * mm, 24 * mm, CONTENT_WIDTH - 102 * mm])
    table.setStyle(table_style())
    story.append(table)
    story += _overdue_list(ctx)
    story += evidence_list(ctx)
    for result in ctx.results:
        if result.compliance is not None:
            story += _group_scores(result)
    return story


def compliance_formula(results: list[TemplateResult]) -> str:
    """How 符合率 is worked out, said once, with this inspection's figures:
    符合率 =（符合 + 0.5 × 基本符合）÷（已检查 − 不适用）; 89.0% =（76 + 0.5 × 10）÷ 91."""
    scores = [r.compliance.overall for r in results if r.compliance is not None]
    if not scores:
        return ""
    scales = {tuple((o.key, o.label, o.score) for o in r.template.result_scale)
              for r in results if r.compliance is not None}
    counted = sum(score.counted for score in scores)
    points = sum(score.points for score in scores)
    overall = overall_percent(results)
    labels = {key: label for scale in scales for key, label, _ in scale}
    standard = scales == {(("pass", "符合", 1.0), ("partial", "基本符合", 0.5),
                           ("fail", "不符合", 0.0), ("na", "不适用", None))}
    passed = sum(score.counts.get("pass", 0) for score in scores)
    partial = sum(score.counts.get("partial", 0) for score in scores)
    if standard and abs(points - (passed + 0.5 * partial)) < 1e-9:
        rule = (f"符合率 =（{labels['pass']}项数 + 0.5 × {labels['partial']}项数）÷"
                f"（已检查项数 − {labels['na']}项数）× 100%")
        figures = f"（{passed} + 0.5 × {partial}）÷ {counted}"
    else:  # weighted items or another scale: the same rule in points
        rule = "符合率 = 各条目得分之和 ÷ 已检查且适用条目的满分之和 × 100%（按条目权重计分）"
        figures = f"{points:g} ÷ {sum(score.possible for score in scores):g}"
    if counted == 0 or overall is None:
        return f"{rule}；未检查的条目不计入。"
    return f"{rule}；未检查的条目不计入。本次总体符合率 {overall:.1f}% = {figures}。"


def _overdue_list(ctx: ReportContext) -> list[Flowable]:
    """The action items found overdue, by name (the key figure alone says how many)."""
    s = styles()
    rows: list[list[Flowable]] = []
    for result in ctx.results:
        for item in overdue_items(result.actions):
            status = result.template.option(item.status).label if item.status else ""
            rows.append([Paragraph(esc(short_name(result.template)), s.cell),
                         Paragraph(f"{esc(item.code)}　{esc(display_text(item.title))}", s.cell),
                         Paragraph(esc(f"{item.due.year}年{item.deadline}"), s.cell_center),
                         Paragraph(esc(status), s.cell_center)])
    if not rows:
        return []
    head = [Paragraph(h, s.head) for h in ("行动方案", "逾期事项", "时间节点", "落实情况")]
    table = report_table([head, *rows], [40 * mm, CONTENT_WIDTH - 94 * mm, 30 * mm, 24 * mm])
    table.setStyle(table_style())
    return [Spacer(1, 4 * mm),
            Paragraph(f"逾期事项（{len(rows)} 项，时间节点已过而未完成）", s.h2), table]


def _key_figures(ctx: ReportContext) -> Table:
    s = styles()
    overall = overall_percent(ctx.results)
    failed = sum(r.compliance.overall.counts.get("fail", 0) for r in ctx.results if r.compliance)
    findings = ctx.snapshot.findings
    open_findings = sum(1 for f in findings if f.status is FindingStatus.OPEN)
    figures = [("整改项", f"{len(findings)} 项"), ("待整改", f"{open_findings} 项"),
               ("现场照片", f"{len(ctx.photos)} 张")]
    if any(r.compliance is not None for r in ctx.results):
        figures[:0] = [("总体符合率", percent_text(overall)), ("不符合项", f"{failed} 项")]
    star = next((r for r in ctx.results if r.template.kind is TemplateKind.STAR_RATING), None)
    if star is not None:
        figures.insert(1 if figures[0][0] == "总体符合率" else 0,
                       ("星级评定", star.stars.label if star.stars else "尚未评定"))
    overdue = sum(len(overdue_items(r.actions)) for r in ctx.results)
    if any(r.actions for r in ctx.results):
        figures.append(("逾期事项", f"{overdue} 项"))
    width = CONTENT_WIDTH / len(figures)
    value_style = s.cell_center.clone("figure_value", fontName=s.cell_bold.fontName,
                                      fontSize=13, leading=18)
    table = Table([[Paragraph(label, s.head) for label, _ in figures],
                   [Paragraph(esc(value), value_style) for _, value in figures]],
                  colWidths=[width] * len(figures))
    table.setStyle(table_style([("LINEABOVE", (0, 0), (-1, 0), 1.2, RULE),
                                ("TOPPADDING", (0, 1), (-1, 1), 5),
                                ("BOTTOMPADDING", (0, 1), (-1, 1), 6)]))
    return table


def _group_scores(result: TemplateResult) -> list[Flowable]:
    """The score of each top-level group as a table and a bar chart."""
    s = styles()
    template, score = result.template, result.compliance
    if score is None:  # a star rating has no compliance score
        return []
    level = template.level_names[0] if template.level_names else "分组"
    head = ["编号", level, "条目", "已检查", "符合", "基本符合", "不符合", "不适用", "符合率"]
    rows = [[Paragraph(h, s.head) for h in head]]
    labels, percents = [], []
    for code in score.top_level:
        group = score.groups[code]
        counts = group.counts
        rows.append([Paragraph(esc(code), s.cell_center),
                     Paragraph(esc(display_text(group.title)), s.cell)]
                    + [Paragraph(str(v), s.cell_center) for v in (
                        group.total, group.answered, counts.get("pass", 0),
                        counts.get("partial", 0), counts.get("fail", 0), counts.get("na", 0))]
                    + [Paragraph(percent_text(group.percent), s.cell_right)])
        labels.append(f"{code} {display_text(group.title)}")
        percents.append(group.percent)
    o = score.overall
    rows.append([Paragraph("合计", s.cell_bold), Paragraph("", s.cell)]
                + [Paragraph(str(v), s.cell_center) for v in (
                    o.total, o.answered, o.counts.get("pass", 0), o.counts.get("partial", 0),
                    o.counts.get("fail", 0), o.counts.get("na", 0))]
                + [Paragraph(f"<b>{percent_text(o.percent)}</b>", s.cell_right)])
    # 编号, 条目, 已检查, 符合, 基本符合, 不符合, 不适用, 符合率: wide enough for one-line heads
    fixed = [14 * mm, 11 * mm, 13.5 * mm, 11 * mm, 17 * mm, 13.5 * mm, 13.5 * mm, 17 * mm]
    widths = [fixed[0], CONTENT_WIDTH - sum(fixed)] + fixed[1:]
    table = report_table(rows, widths)
    table.setStyle(table_style([("SPAN", (0, -1), (1, -1)),
                                ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]))
    title = Paragraph(f"{esc(short_name(template))}：各{esc(level)}符合率", s.h2)
    chart = score_bar_chart(labels, percents, width=CONTENT_WIDTH)
    return [CondPageBreak(60 * mm), KeepTogether([title, table]), Spacer(1, 3 * mm),
            KeepTogether([chart, Paragraph(f"图：各{esc(level)}符合率（%）", s.figure)])]
