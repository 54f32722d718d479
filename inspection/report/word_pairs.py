"""附件 整改前后对照 in the Word copy: the same pairs as the PDF's (inspection/report/pairs.py),
each a two-column table (整改前, 整改后) under the finding's requirement and how it was rectified."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from inspection.model import Photo
from inspection.report.context import ReportContext, format_date_cn
from inspection.report.jpeg import jpeg_info
from inspection.report.pairs import rectification_pairs
from inspection.report.word_parts import MUTED, _annotated_photo, add_paragraph, add_run, heading, page_break

PHOTO_WIDTH = Cm(7.4)


def _picture(cell: Any, ctx: ReportContext, photo: Photo | None, said: str, path: Path | None = None) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if photo is None:
        add_run(paragraph, said, size=9, color=MUTED)
        return
    path = path or ctx.data_dir.report_image(photo.sha256)
    if jpeg_info(path) is not None:
        try:
            add_run(paragraph, "").add_picture(_annotated_photo(path, photo.annotations), width=PHOTO_WIDTH)
        except Exception:  # damaged beyond its header: said in its place
            add_run(paragraph, "（照片文件已损坏，无法显示）", size=9, color=MUTED)
    else:
        add_run(paragraph, "（照片文件缺失或已损坏，无法显示）", size=9, color=MUTED)
    caption = cell.add_paragraph()
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_run(caption, said, size=9)


def pairs_docx(document: Any, ctx: ReportContext) -> None:
    pairs = rectification_pairs(ctx)
    if not pairs:
        return
    page_break(document)
    heading(document, f"附件　整改前后对照（共 {len(pairs)} 项）")
    add_paragraph(document, "上次检查提出、本次复查时已整改的问题：左为上次检查时该条目的照片，右为本次复查时的照片。",
                  size=10.5)
    for pair in pairs:
        finding = pair.finding
        title = add_paragraph(document, after=0)
        title.paragraph_format.keep_with_next = True
        add_run(title, f"整改 {ctx.finding_numbers[finding.id]}", bold=True, size=9.5)
        add_run(title, f"　{ctx.item_label(finding.template_id, finding.item_code)}", size=9.5)
        requirement = add_paragraph(document, f"整改要求：{finding.requirement}", size=9.5, after=0)
        requirement.paragraph_format.keep_with_next = True
        if finding.closing_note:
            note = add_paragraph(document, f"整改情况：{finding.closing_note}", size=9.5, after=0)
            note.paragraph_format.keep_with_next = True
        grid = document.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        before_said = (f"整改前：{format_date_cn(pair.before_visit.date)}检查" if pair.before is not None
                       and pair.before_visit is not None else pair.missing_before)
        _picture(grid.rows[0].cells[0], ctx, pair.before, before_said, pair.before_path(ctx.data_dir))
        _picture(grid.rows[0].cells[1], ctx, pair.after,
                 f"整改后：本次复查（照片 {ctx.photo_numbers[pair.after.id]}）")
        add_paragraph(document, "", after=6)
