"""The report as an editable Word file (.docx): the same sections, tables and photos as the PDF.

For offices that must edit or re-format a report. It is never the record: every page says
草稿（未签署）or 未签署副本 in its header, and when a signed PDF exists the first page names it
with its SHA-256, so that the reader can tell which file is the record.

Word shows Chinese in a fallback font unless every run names its East Asian font (``w:eastAsia``):
every run here names all four (ascii, hAnsi, eastAsia, cs). A4 with binding margins (the left
wider). Photos go in from their report-size files, with their captions; annotations are drawn
on a copy of the photo (Word cannot draw them over it).
"""
from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from io import BytesIO
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from inspection.files import atomic_target
from inspection.model import FindingStatus, InspectionSnapshot, ReportRecord, Severity, SignerRole
from inspection.paths import DataDir
from inspection.report.context import (
    NOT_CHECKED,
    REPORT_TITLE,
    ReportContext,
    display_text,
    format_date_cn,
    format_time,
    join_numbers,
    make_context,
    overdue_items,
    section_number,
    short_name,
    unchecked_past_deadline,
    unknown_records,
    value_text,
)
from inspection.report.errors import ReportError, write_failure
from inspection.report.evidence import evidence_note, evidence_rows
from inspection.report.word_pairs import pairs_docx
from inspection.report.word_parts import (
    ALERT,
    BODY_FONT,
    HEADING_FONT,
    LATIN_FONT,
    MUTED,
    add_paragraph,
    add_run,
    heading,
    page_break,
    page_number_field,
    photo_appendix,
    table,
)
from inspection.results import TemplateResult, inspection_results


def _page_setup(document: Any, ctx: ReportContext, mark: str) -> None:
    """A4 with binding margins; header: report number, park, the unsigned mark; footer:
    第 x 页 共 y 页."""
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.8), Cm(2.2)  # the left one for binding
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2.3)
    section.header_distance, section.footer_distance = Cm(1.3), Cm(1.2)
    inspection = ctx.snapshot.inspection
    header = section.header.paragraphs[0]
    add_run(header, f"报告编号：{inspection.report_number}（第 {inspection.revision} 版）　"
                    f"{ctx.snapshot.park.name}　", size=8.5, color=MUTED)
    add_run(header, f"【{mark}】", size=8.5, bold=True, color=ALERT)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(footer, "第 ", size=9)
    page_number_field(footer, "PAGE")
    add_run(footer, " 页　共 ", size=9)
    page_number_field(footer, "NUMPAGES")
    add_run(footer, " 页", size=9)
    style = document.styles["Normal"]
    style.font.name = LATIN_FONT
    style.font.size = Pt(10.5)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def _cover(document: Any, ctx: ReportContext, mark: str, record: ReportRecord | None) -> None:
    inspection, park = ctx.snapshot.inspection, ctx.snapshot.park
    for _ in range(3):
        add_paragraph(document)
    add_paragraph(document, REPORT_TITLE, bold=True, size=26, font=HEADING_FONT,
                  align=WD_ALIGN_PARAGRAPH.CENTER, after=12)
    add_paragraph(document, park.name, size=16, align=WD_ALIGN_PARAGRAPH.CENTER, after=24)
    standards = "\n".join(standard_title(t) for t in ctx.templates)
    facts = [("受检园区", park.name), ("园区地址", park.address or "—"),
             ("园区类型", park.park_type.label), ("检查日期", format_date_cn(inspection.date)),
             ("检查人员", "、".join(inspection.inspectors)),
             ("检查单位", inspection.organisation or "—"), ("检查依据", standards),
             ("报告编号", inspection.report_number), ("报告版本", f"第 {inspection.revision} 版"),
             ("报告状态", f"{mark}（Word 副本，可编辑，不是签署的报告）")]
    grid = table(document, ("项目", "内容"), [((label, {"bold": True}), value)
                                             for label, value in facts], (3.2, 12.5))
    grid.style = "Table Grid"
    add_paragraph(document, after=6)
    if record is not None:
        # Named by what the reader holds (the number and revision on its cover; the file may
        # have any name), not by the data folder's internal file name (trial 2, F9).
        add_paragraph(document, f"本检查第 {record.revision} 版已签署：签署的报告为报告编号 "
                                f"{inspection.report_number} 第 {record.revision} 版的签署 PDF，"
                                f"SHA-256：{record.sha256}（文件名可能不同，请以 SHA-256 核对）。"
                                "以该 PDF 为准；本 Word 文件是其未签署的可编辑副本。",
                      size=9, color=ALERT)
    else:
        add_paragraph(document, "本检查尚无签署的报告。本 Word 文件是未签署的可编辑副本，"
                                "不能作为签署的报告使用。", size=9, color=ALERT)
    page_break(document)


def standard_title(template: Any) -> str:
    number = f"（{template.document_number}）" if template.document_number else ""
    return f"《{display_text(template.title)}》{number}"


def _summary(document: Any, ctx: ReportContext, index: int) -> None:
    from inspection.report.sections import _result_line, compliance_formula

    inspection, park = ctx.snapshot.inspection, ctx.snapshot.park
    total = sum(r.total for r in ctx.results)
    answered = sum(r.answered for r in ctx.results)
    who = f"{inspection.organisation}检查人员" if inspection.organisation else "检查人员"
    heading(document, f"{section_number(index)}、检查概况与结论")
    add_paragraph(document, f"{format_date_cn(inspection.date)}，{who}{'、'.join(inspection.inspectors)}"
                            f"对{park.name}（{park.park_type.label}）进行了现场检查。检查依据"
                            f"{''.join(standard_title(t) for t in ctx.templates)}，共 {total} 项检查条目，"
                            f"已检查 {answered} 项，未检查 {total - answered} 项（未检查的条目在报告中标为"
                            f"“{NOT_CHECKED}”，不计为不符合）。", indent=True)
    formula = compliance_formula(ctx.results)
    if formula:
        add_paragraph(document, formula, size=9, color=MUTED)
    table(document, ("检查依据", "已检查 / 条目", "结果"),
          [(standard_title(r.template), (f"{r.answered} / {r.total}", {"center": True}),
            _result_line(r)) for r in ctx.results], (6.5, 2.5, 6.7))
    late = [(short_name(r.template), f"{item.code}　{display_text(item.title)}",
             (f"{item.due.year}年{item.deadline}", {"center": True}),
             (r.template.option(item.status).label if item.status else "", {"center": True}))
            for r in ctx.results for item in overdue_items(r.actions)]
    if late:
        heading(document, f"逾期事项（{len(late)} 项，时间节点已过而未完成）", level=2)
        table(document, ("行动方案", "逾期事项", "时间节点", "落实情况"), late, (3.5, 7.7, 2.5, 2.0))
    unmet = evidence_rows(ctx)
    if unmet:
        heading(document, f"未满足证据要求的条目（{len(unmet)} 项）", level=2)
        table(document, ("条目", "证据要求", "缺少", "理由"), unmet, (5.4, 3.4, 1.9, 5.0))


def _item_text(node: Any) -> str:
    from inspection.report.details import item_content

    return item_content(node).replace("<br/>", "\n").replace("<b>", "").replace("</b>", "") \
        .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _result(template: Any, answer: Any) -> tuple[str, dict[str, Any]]:
    if answer is None or answer.result is None:
        return NOT_CHECKED, {"center": True, "color": MUTED}
    label = template.option(answer.result).label
    alert = answer.result in ("fail", "delayed", "not_started")
    return label, {"center": True, "bold": alert, "color": ALERT if alert else None}


def _note(ctx: ReportContext, template: Any, node: Any, answer: Any, extra: str = "") -> str:
    parts = []
    if answer is not None:
        if answer.value and template.kind.value != "star_rating":
            parts.append(value_text(answer.value, node.attrs.get("inputs", ())))
        if answer.note:
            parts.append(answer.note)
    if extra:
        parts.append(extra)
    refs = join_numbers("整改", ctx.finding_refs(template.id, node.code))
    if refs:
        parts.append(f"见{refs}")
    evidence = evidence_note(ctx, template.id, node.code)
    if evidence:
        parts.append(evidence)
    return "\n".join(parts)


def _details(document: Any, ctx: ReportContext, index: int) -> None:
    from checklists.model import NodeKind, TemplateKind
    from checklists.scoring import is_overdue

    heading(document, f"{section_number(index)}、检查结果")
    for number, result in enumerate(ctx.results):
        template = result.template
        heading(document, f"（{section_number(number)}）{standard_title(template)}", level=2)
        answers = ctx.snapshot.answers_for(template.id)
        rows: list[Sequence[Any]] = []
        shaded: list[int] = []
        for node in template.walk():
            if node.kind is NodeKind.GROUP:
                shaded.append(len(rows))
                rows.append((f"{node.code}　{display_text(node.title)}",))
                continue
            answer = answers.get(node.code)
            if template.kind is TemplateKind.ACTION_PLAN:
                status = answer.result if answer else None
                outcome, options = _result(template, answer)
                if status is not None and is_overdue(node, status, as_of=ctx_as_of(ctx)):
                    outcome += "\n【逾期】"
                elif status is None and is_overdue(node, None, as_of=ctx_as_of(ctx)):
                    outcome += "\n（时间节点已过）"
                rows.append(((node.code, {"center": True}), _item_text(node),
                             (outcome, options),
                             _note(ctx, template, node, answer,
                                   ctx.photo_refs(template.id, node.code))))
            else:
                rows.append(((node.code, {"center": True}), _item_text(node),
                             _result(template, answer), _note(ctx, template, node, answer),
                             (ctx.photo_refs(template.id, node.code), {"center": True})))
        head: tuple[str, ...]
        widths: tuple[float, ...]
        if template.kind is TemplateKind.ACTION_PLAN:
            head, widths = ("序号", "事项", "落实情况", "说明"), (1.3, 8.3, 2.4, 3.7)
            unchecked = unchecked_past_deadline(result.actions)
            if unchecked:
                add_paragraph(document, f"另有 {len(unchecked)} 项时间节点已过但本次未检查"
                                        "（不计为逾期）。", size=9, color=MUTED)
        else:
            head, widths = ("编号", "检查内容", "结果", "说明", "照片"), (1.5, 6.6, 1.9, 4.0, 1.7)
        table(document, head, rows, widths, shaded=shaded)
        add_paragraph(document, after=6)


def ctx_as_of(ctx: ReportContext) -> Any:
    from datetime import date

    return date.fromisoformat(ctx.snapshot.inspection.date)


def _rectification(document: Any, ctx: ReportContext, index: int) -> None:
    heading(document, f"{section_number(index)}、整改要求")
    if not ctx.findings:
        add_paragraph(document, "本次检查未提出整改要求。", indent=True)
        return
    rows = []
    for finding in ctx.findings:
        status = finding.status.label
        if finding.status is FindingStatus.CLOSED and finding.closing_note:
            status += f"\n{finding.closing_note}"
        rows.append(((str(ctx.finding_numbers[finding.id]), {"center": True}),
                     ctx.item_label(finding.template_id, finding.item_code),
                     finding.requirement + ("\n（上次检查遗留）" if finding.carried_from else ""),
                     (finding.severity.label, {"center": True,
                                               "bold": finding.severity is not Severity.MINOR}),
                     (finding.deadline or "—", {"center": True}), finding.responsible or "—",
                     (status, {"center": True})))
    table(document, ("序号", "检查条目", "整改要求", "严重程度", "整改期限", "责任人", "状态"),
          rows, (1.0, 3.2, 5.0, 1.6, 2.0, 1.7, 1.6))


def _signatures(document: Any, ctx: ReportContext, index: int) -> None:
    from inspection.report.signatures import _people

    page_break(document)
    heading(document, f"{section_number(index)}、签字确认")
    grid = table(document, ("身份", "姓名", "职务", "签名", "签署时间"),
                 [((role.label, {"center": True}), (name, {"center": True}),
                   (signature.title if signature else "", {"center": True}), "",
                   (format_time(signature.signed_at) if signature else "", {"center": True}))
                  for role, name, signature in _people(ctx)], (2.4, 2.6, 3.0, 4.6, 3.1))
    for row, (_, _, signature) in zip(grid.rows[1:], _people(ctx)):
        cell = row.cells[3]
        if signature is not None and signature.image_png:
            # a damaged image must not stop the copy; the name is printed
            with suppress(Exception):
                add_run(cell.paragraphs[0], "").add_picture(BytesIO(signature.image_png),
                                                            height=Cm(1.4))
        else:
            add_run(cell.paragraphs[0], "\n\n", size=9)
    add_paragraph(document, after=6)
    representative = next((f"{name}（{sig.title}）" if sig and sig.title else name
                           for role, name, sig in _people(ctx)
                           if role is SignerRole.PARK_REPRESENTATIVE and name), "＿＿＿＿＿＿")
    seals = document.add_table(rows=1, cols=2)
    seals.style = "Table Grid"
    left, right = seals.rows[0].cells
    inspection = ctx.snapshot.inspection
    for cell, lines in ((left, ["检查单位（盖章）", inspection.organisation or "", "", "（盖章处）", "",
                                f"日期：{format_date_cn(inspection.date)}"]),
                        (right, ["受检园区意见（盖章）",
                                 "对本报告所列检查结果和整改要求：□ 无异议　□ 有异议（另附说明）",
                                 f"园区代表：{representative}", "（盖章处）", "",
                                 "日期：＿＿＿＿年＿＿月＿＿日"])):
        for number, line in enumerate(lines):
            paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
            if line == "（盖章处）":
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_run(paragraph, line, size=9, bold=number == 0,
                    color=MUTED if line == "（盖章处）" else None)


def word_mark(snapshot: InspectionSnapshot) -> str:
    return "未签署副本" if snapshot.inspection.locked else "草稿（未签署）"


def build_docx(snapshot: InspectionSnapshot, out: Path, *, data_dir: DataDir,
               results: list[TemplateResult] | None = None,
               signed_report: ReportRecord | None = None) -> Path:
    """Write the Word copy of the report of *snapshot* to *out* (atomically).

    *signed_report*: the signed report of this inspection, when there is one; the copy names it
    and its SHA-256.
    """
    out = Path(out)
    if not out.parent.is_dir():
        raise ReportError("report.no_folder", folder=out.parent)
    unknown = unknown_records(snapshot)
    if unknown:
        shown = "、".join(unknown[:5]) + ("……" if len(unknown) > 5 else "")
        raise ReportError("report.unknown_items", count=len(unknown), items=shown)
    results = inspection_results(snapshot) if results is None else results
    ctx = make_context(snapshot, results, data_dir)
    mark = word_mark(snapshot)
    document = Document()
    _page_setup(document, ctx, mark)
    _cover(document, ctx, mark, signed_report)
    for index, section in enumerate((_summary, _details, _rectification, _signatures)):
        section(document, ctx, index)
    pairs_docx(document, ctx)  # 整改前后对照 (a revisit's closed findings)
    photo_appendix(document, ctx)
    try:
        with atomic_target(out) as partial:
            document.save(str(partial))
    except OSError as exc:
        raise ReportError("report.cannot_write", path=out, reason=write_failure(exc)) from None
    return out
