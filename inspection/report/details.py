"""Section 二: the results of every applied standard, item by item, in the standard's order.

Compliance checklists get one row per item under their group headings; the 001 star matrix
gets each indicator's level, reason and the criteria of the level reached; action plans get
each item's status with overdue items marked. Unanswered items read “未检查”, never 不符合.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table

from checklists.model import Node, NodeKind, Template, TemplateKind
from checklists.scoring import due_date, is_overdue
from checklists.stars import OVERALL_PRINCIPLE, level_label
from inspection.model import Answer
from inspection.report.context import (
    NOT_CHECKED,
    ReportContext,
    display_text,
    esc,
    join_numbers,
    overdue_items,
    section_number,
    unchecked_past_deadline,
    value_text,
)
from inspection.report.evidence import evidence_markup
from inspection.report.sections import standard_name
from inspection.report.styles import (
    ALERT,
    CONTENT_WIDTH,
    GROUP_FILL,
    MUTED,
    SUBGROUP_FILL,
    report_table,
    styles,
    table_style,
)
from inspection.results import TemplateResult
from inspection.star_levels import answer_level

SUBSECTION = "（{}）"


def details(ctx: ReportContext, index: int) -> list[Flowable]:
    """Section 二 with one subsection per applied template."""
    s = styles()
    story: list[Flowable] = [CondPageBreak(50 * mm),
                             Paragraph(f"{section_number(index)}、检查结果", s.h1)]
    for number, result in enumerate(ctx.results):
        template = result.template
        story.append(CondPageBreak(40 * mm))
        story.append(Paragraph(f"{SUBSECTION.format(section_number(number))}"
                               f"{esc(standard_name(template))}", s.h2))
        if template.issuer:
            story.append(Paragraph(f"发布单位：{esc(display_text(template.issuer))}", s.note))
        if template.kind is TemplateKind.COMPLIANCE:
            story.append(_compliance_table(ctx, result))
        elif template.kind is TemplateKind.STAR_RATING:
            story += _star_rating(ctx, result)
        else:
            story += _action_table(ctx, result)
        if template.note and template.kind is TemplateKind.ACTION_PLAN:  # explains the * marks
            story.append(Paragraph(esc(display_text(template.note)), s.note))
        story += reference_text(template)
        story.append(Spacer(1, 3 * mm))
    return story


def reference_text(template: Template) -> list[Flowable]:
    """The parts of the standard that are not checked but govern it (范围, 规范性引用文件, 术语和
    定义; 001's evaluation principle), under the subsection's table."""
    if not template.reference:
        return []
    s = styles()
    story: list[Flowable] = [Spacer(1, 2 * mm),
                             Paragraph("<b>参考文本</b>（标准中不作检查、但决定如何适用的部分）", s.note)]
    for section in template.reference:
        heading = f"{section.code} {section.title}".strip()
        body = "<br/>".join(esc(display_text(line)) for line in section.text.splitlines())
        story.append(Paragraph(f"<b>{esc(heading)}</b><br/>{body}", s.note))
    return story


def item_content(node: Node) -> str:
    """The item as the standard words it: title, full text when longer, listed points."""
    title, text = display_text(node.title.strip()), display_text(node.text.strip())
    if text and text.startswith(title.rstrip("…")):
        parts = [esc(text)]
    elif text:
        parts = [f"<b>{esc(title)}</b>", esc(text)]
    else:
        parts = [esc(title)]
    if node.attrs.get("pilot"):
        parts[0] += " *"
    points = node.attrs.get("points") or ()
    parts += [f"· {esc(display_text(point))}" for point in points]
    return "<br/>".join(parts)


def hexcolor(color: colors.Color) -> str:
    return "#" + color.hexval()[2:]


def result_markup(template: Template, answer: Answer | None) -> str:
    """The result label; 不符合/滞后/未启动 stand out, an unanswered item is a grey 未检查."""
    if answer is None or answer.result is None:
        return f'<font color="{hexcolor(MUTED)}">{NOT_CHECKED}</font>'
    label = esc(template.option(answer.result).label)
    if answer.result in ("fail", "delayed", "not_started"):
        return f'<font color="{hexcolor(ALERT)}"><b>{label}</b></font>'
    return label


def _note_cell(ctx: ReportContext, template: Template, node: Node, answer: Answer | None,
               extra: str = "") -> Paragraph:
    parts = []
    if answer is not None:
        if answer.value and template.kind is not TemplateKind.STAR_RATING:
            parts.append(esc(value_text(answer.value, node.attrs.get("inputs", ()))))
        if answer.note:
            parts.append(esc(answer.note))
    if extra:
        parts.append(extra)
    refs = join_numbers("整改", ctx.finding_refs(template.id, node.code))
    if refs:
        parts.append(f"见{refs}")
    evidence = evidence_markup(ctx, template.id, node.code)  # and why it was signed so
    if evidence:
        parts.append(evidence)
    return Paragraph("<br/>".join(parts), styles().cell)


def _group_row(node: Node, depth: int, columns: int) -> tuple[list, tuple]:
    s = styles()
    label = f"{esc(node.code)}　{esc(display_text(node.title))}"
    row = [Paragraph(label, s.cell_bold)] + [""] * (columns - 1)
    return row, GROUP_FILL if depth == 0 else SUBGROUP_FILL


def _tree_rows(template: Template, columns: int, item_row: Callable[[Node], list[Any]]
               ) -> tuple[list[list[Any]], list[tuple[Any, ...]]]:
    """Rows for every node in order: spanning group headings and one row per item."""
    rows: list[list[Any]] = []
    commands: list[tuple[Any, ...]] = []

    def visit(node: Node, depth: int) -> None:
        if node.kind is NodeKind.GROUP:
            row, fill = _group_row(node, depth, columns)
            r = len(rows) + 1  # +1: the header row
            rows.append(row)
            commands.extend([("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), fill)])
        else:
            rows.append(item_row(node))
        for child in node.children:
            visit(child, depth + 1)

    for top in template.nodes:
        visit(top, 0)
    return rows, commands


def _compliance_table(ctx: ReportContext, result: TemplateResult) -> Table:
    s = styles()
    template = result.template
    answers = ctx.snapshot.answers_for(template.id)

    def item_row(node: Node) -> list:
        answer = answers.get(node.code)
        return [Paragraph(esc(node.code), s.cell_center), Paragraph(item_content(node), s.cell),
                Paragraph(result_markup(template, answer), s.cell_center),
                _note_cell(ctx, template, node, answer),
                Paragraph(ctx.photo_refs(template.id, node.code), s.cell_center)]

    head = [Paragraph(h, s.head) for h in ("编号", "检查内容", "结果", "说明", "照片")]
    rows, commands = _tree_rows(template, 5, item_row)
    fixed = [17 * mm, 17 * mm, 48 * mm, 19 * mm]
    widths = [fixed[0], CONTENT_WIDTH - sum(fixed)] + fixed[1:]
    table = report_table([head] + rows, widths)
    table.setStyle(table_style(commands))
    return table


def _star_rating(ctx: ReportContext, result: TemplateResult) -> list[Flowable]:
    s = styles()
    template = result.template
    answers = ctx.snapshot.answers_for(template.id)
    story: list[Flowable] = []
    rating = result.stars
    if result.stars_problem:
        story.append(Paragraph(f"评定结果：{esc(result.stars_problem)}。", s.body))
    elif rating is None:
        labels = _input_labels(template)
        missing = "、".join(labels.get(key, key) for key in result.stars_missing)
        story.append(Paragraph(f"评定结果：测量值不全，尚未评定星级。尚缺：{esc(missing)}。", s.body))
    else:
        # The standard does not say how the park's level follows from the indicators: the
        # rule is the program's evaluation principle, and the report says so.
        limit = (f"按评定原则（{OVERALL_PRINCIPLE}，标准原文未作规定），"
                 f"受限于：{esc('、'.join(rating.limited_by))}。"
                 if rating.limited_by else "各项指标均达到五星级。")
        story.append(Paragraph(f"评定结果：<b>{rating.label}</b>。{limit}", s.body))
    levels = {i.code: i for i in rating.indicators} if rating else {}
    head = [Paragraph(h, s.head) for h in ("指标", "评定依据", "达到等级", "原因", "该等级的评定标准")]
    rows = [head]
    for node in template.items():
        answer = answers.get(node.code)
        basis = value_text(answer.value if answer else None, node.attrs.get("inputs", ()))
        if node.attrs.get("judged"):
            judged = (level_label(int(answer.result)) if answer and answer.result is not None
                      else NOT_CHECKED)
            basis = "；".join(x for x in (basis, f"检查人员评定：{judged}") if x)
        # Not rated as a whole (inputs of other indicators missing): each indicator still shows
        # the level its own answer reaches, as the window's checklist and item panel do.
        indicator = levels.get(node.code) or answer_level(
            node, answer, park_type=ctx.snapshot.park.park_type.value)
        criteria = node.attrs.get("criteria", {})
        if indicator is None:
            reached, reason, wording = "—", "", ""
        else:
            reached, reason = indicator.label, indicator.reason
            wording = (display_text(criteria.get(str(indicator.level), "")) if indicator.level
                       else "未达到一星级标准")
        note = f"<br/>{esc(answer.note)}" if answer and answer.note else ""
        refs = ctx.photo_refs(template.id, node.code)
        rows.append([Paragraph(f"{esc(node.code)}　{esc(display_text(node.title))}", s.cell),
                     Paragraph(esc(basis or NOT_CHECKED) + note
                               + (f"<br/>{refs}" if refs else ""), s.cell),
                     Paragraph(f"<b>{esc(reached)}</b>", s.cell_center),
                     Paragraph(esc(reason), s.cell), Paragraph(esc(wording), s.cell)])
    fixed = [22 * mm, 42 * mm, 17 * mm, 44 * mm]
    table = report_table(rows, fixed + [CONTENT_WIDTH - sum(fixed)])
    table.setStyle(table_style([("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story.append(table)
    return story


def _input_labels(template: Template) -> dict[str, str]:
    labels = {}
    for node in template.items():
        for spec in node.attrs.get("inputs", ()):
            labels[spec["key"]] = spec["label"]
        if node.attrs.get("judged"):
            labels[f"judged_levels.{node.title}"] = f"{node.title}（检查人员评定星级）"
    return labels


def _action_table(ctx: ReportContext, result: TemplateResult) -> list[Flowable]:
    s = styles()
    template = result.template
    answers = ctx.snapshot.answers_for(template.id)
    as_of = date.fromisoformat(ctx.snapshot.inspection.date)
    overdue = overdue_items(result.actions)
    overdue_codes = {item.code for item in overdue}
    items = list(template.items())
    # A plan without 责任单位 or 时间节点 (003) gets no empty columns for them.
    has_units = any(n.attrs.get("responsible_units") for n in items)
    has_deadlines = any(n.attrs.get("deadline") for n in items)

    def item_row(node: Node) -> list:
        answer = answers.get(node.code)
        status = answer.result if answer else None
        markup = result_markup(template, answer)
        if status is not None and (node.code in overdue_codes
                                   or is_overdue(node, status, as_of=as_of)):
            markup += f'<br/><font color="{hexcolor(ALERT)}"><b>【逾期】</b></font>'
        elif status is None and is_overdue(node, status, as_of=as_of):
            # Nobody has looked: not called overdue, but the deadline is said to have passed.
            markup += f'<br/><font color="{hexcolor(MUTED)}">（时间节点已过）</font>'
        row = [Paragraph(esc(node.code), s.cell_center), Paragraph(item_content(node), s.cell)]
        if has_units:
            units = display_text("、".join(node.attrs.get("responsible_units", ()))) or "—"
            row.append(Paragraph(esc(units), s.cell))
        if has_deadlines:
            deadline = (node.attrs.get("deadline") or {}).get("text", "—")
            due = due_date(node)
            row.append(Paragraph(esc(f"{due.year}年{deadline}" if due else deadline),
                                 s.cell_center))
        return row + [Paragraph(markup, s.cell_center),
                      _note_cell(ctx, template, node, answer,
                                 ctx.photo_refs(template.id, node.code))]

    titles = ["序号", "事项"] + ["责任单位"] * has_units + ["时间节点"] * has_deadlines \
        + ["落实情况", "说明"]
    fixed = [11 * mm] + [26 * mm] * has_units + [21 * mm] * has_deadlines + [18 * mm, 36 * mm]
    head = [Paragraph(h, s.head) for h in titles]
    rows, commands = _tree_rows(template, len(titles), item_row)
    widths = [fixed[0], CONTENT_WIDTH - sum(fixed)] + fixed[1:]
    table = report_table([head] + rows, widths)
    table.setStyle(table_style(commands))
    story: list[Flowable] = []
    if result.actions is not None:
        # In the scale's order: the counts mapping has no stable order of its own.
        counts = "，".join(f"{o.label} {result.actions.counts.get(o.key, 0)} 项"
                          for o in template.result_scale if result.actions.counts.get(o.key))
        unchecked = unchecked_past_deadline(result.actions)
        past = (f"；另有 {len(unchecked)} 项时间节点已过但本次未检查（标“时间节点已过”，"
                "不计为逾期）" if unchecked else "")
        story.append(Paragraph(
            f"共 {result.actions.total} 项：{counts or '尚未检查'}；未检查 "
            f"{len(result.actions.unanswered)} 项；截至检查日逾期 {len(overdue)} 项"
            f"（经检查，时间节点已过而未完成，标“【逾期】”）{past}。", s.note))
    story.append(table)
    return story
