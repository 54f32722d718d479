"""Writing Word (.docx) with python-docx for the Chinese report: every run names its East Asian
font, ruled tables with a repeated header, page-number fields, and the photo appendix."""
from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from pathlib import Path
from typing import Any

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from inspection import palette
from inspection.report.context import ReportContext, format_time
from inspection.report.evidence import photo_place
from inspection.report.jpeg import jpeg_info

BODY_FONT = "宋体"  # SimSun: on every Chinese Windows; Word maps it elsewhere
HEADING_FONT = "黑体"
LATIN_FONT = "Times New Roman"
ALERT = RGBColor.from_string(palette.PRINT_ALERT[1:])  # the colours are named in the palette
MUTED = RGBColor.from_string(palette.PRINT_MUTED[1:])
PHOTO_WIDTH = Cm(15)


def _fonts(run: Any, east_asian: str) -> None:
    """Name the font for every script on *run* (Word ignores the style's for Chinese)."""
    properties = run._element.get_or_add_rPr()
    fonts = properties.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        properties.insert(0, fonts)
    for attribute, name in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT),
                            ("w:eastAsia", east_asian), ("w:cs", LATIN_FONT)):
        fonts.set(qn(attribute), name)


def add_run(paragraph: Any, text: str, *, bold: bool = False, size: float = 10.5,
            color: RGBColor | None = None, font: str = BODY_FONT) -> Any:
    run = paragraph.add_run(text)
    run.bold = bold
    run.font.size = Pt(size)
    if color is not None:
        run.font.color.rgb = color
    _fonts(run, font)
    return run


def add_paragraph(container: Any, text: str = "", *, bold: bool = False, size: float = 10.5,
                  color: RGBColor | None = None, align: Any = None, font: str = BODY_FONT,
                  indent: bool = False, after: float = 3) -> Any:
    paragraph = container.add_paragraph()
    paragraph.paragraph_format.space_after = Pt(after)
    if indent:
        paragraph.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        paragraph.alignment = align
    if text:
        add_run(paragraph, text, bold=bold, size=size, color=color, font=font)
    return paragraph


def page_break(document: Any) -> None:
    add_run(document.add_paragraph(), "").add_break(WD_BREAK.PAGE)


def heading(document: Any, text: str, *, level: int = 1) -> Any:
    size = 15 if level == 1 else 12
    paragraph = add_paragraph(document, text, bold=True, size=size, font=HEADING_FONT, after=6)
    paragraph.paragraph_format.space_before = Pt(10)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def _repeat_header(row: Any) -> None:
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def table(document: Any, head: Sequence[str], rows: Sequence[Sequence[Any]],
          widths: Sequence[float], *, shaded: Sequence[int] = ()) -> Any:
    """A ruled table with a repeated, shaded header row; a cell is text or (text, options).

    *shaded*: indexes of rows (in *rows*) drawn as group headings across the table.
    """
    grid = document.add_table(rows=1, cols=len(head))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths):  # the grid, which LibreOffice follows
        column.width = Cm(width)
    for cell, text, width in zip(grid.rows[0].cells, head, widths):
        cell.width = Cm(width)
        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        add_run(cell.paragraphs[0], text, bold=True, size=9)
        _shade(cell, palette.PRINT_HEADER_FILL[1:])
    _repeat_header(grid.rows[0])
    for index, row in enumerate(rows):
        cells = grid.add_row().cells
        if index in shaded:
            merged = cells[0].merge(cells[-1])
            add_run(merged.paragraphs[0], str(row[0]), bold=True, size=9)
            _shade(merged, palette.PRINT_GROUP_FILL[1:])
            continue
        for cell, value, width in zip(cells, row, widths):
            cell.width = Cm(width)
            text, options = (value if isinstance(value, tuple) else (value, {}))
            lines = str(text).split("\n")
            for number, line in enumerate(lines):
                paragraph = cell.paragraphs[0] if number == 0 else cell.add_paragraph()
                if options.get("center"):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                add_run(paragraph, line, size=9, bold=options.get("bold", False),
                        color=options.get("color"))
    return grid


def page_number_field(paragraph: Any, instruction: str) -> None:
    run = add_run(paragraph, "", size=9)
    for kind, text in (("begin", None), (None, instruction), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def _annotated_photo(path: Path, annotations: Sequence[Any]) -> BytesIO | str:
    """The photo with its annotations drawn on a copy (the original file is never changed), in
    the layout the editor and the PDF use (inspection.photos.annotated)."""
    if not annotations:
        return str(path)
    from inspection.photos.annotated import annotated_jpeg

    return BytesIO(annotated_jpeg(path, annotations))


def photo_appendix(document: Any, ctx: ReportContext) -> None:
    if not ctx.photos:
        return
    page_break(document)
    heading(document, f"附件　现场照片（共 {len(ctx.photos)} 张）")
    for photo in ctx.photos:
        path = ctx.data_dir.report_image(photo.sha256)
        number = ctx.photo_numbers[photo.id]
        picture = document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        if jpeg_info(path) is not None:
            try:
                add_run(picture, "").add_picture(_annotated_photo(path, photo.annotations),
                                                 width=PHOTO_WIDTH)
            except Exception:  # damaged beyond its header: said in its place
                add_run(picture, "（照片文件已损坏，无法显示）", color=MUTED)
        else:
            add_run(picture, "（照片文件缺失或已损坏，无法显示；请运行 check-db）", color=MUTED)
        caption = add_paragraph(document, after=0)
        caption.paragraph_format.keep_with_next = True
        add_run(caption, f"照片 {number}", bold=True, size=9.5)
        add_run(caption, f"　{ctx.item_label(photo.template_id, photo.item_code)}", size=9.5)
        if photo.caption:
            add_paragraph(document, photo.caption, size=9.5, after=0)
        taken = format_time(photo.taken_at, seconds=True) if photo.taken_at else "未知"
        where, flags = photo_place(ctx, photo)
        add_paragraph(document, f"拍摄时间 {taken}　{where + '　' if where else ''}"
                                f"原文件 {photo.original_name}　SHA-256 {photo.short_hash}",
                      size=8, color=MUTED, after=0 if flags else 12)
        if flags:
            add_paragraph(document, f"注意：{flags}", size=8, color=ALERT, after=12)
