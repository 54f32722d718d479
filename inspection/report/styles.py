"""Page geometry, colours and paragraph/table styles of the report (black text, little colour).

Sizes follow Chinese document practice: 五号 10.5 pt body, 小五 9 pt tables, 小四 12 pt and
三号 16 pt headings, 一号 26 pt title.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from inspection import palette
from inspection.report.fonts import FONT, FONT_BOLD, register_fonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_LEFT = MARGIN_RIGHT = 20 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 20 * mm
CONTENT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
BODY_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM  # the body frame's height

# The reserved box for the digital signature stamp, bottom right of the signatures page
# (x, y, width, height in points from the page's bottom-left corner).
STAMP_BOX = (PAGE_WIDTH - MARGIN_RIGHT - 92 * mm, MARGIN_BOTTOM + 4 * mm, 92 * mm, 30 * mm)

# The colours are named in inspection.palette, with the window's.
TEXT = colors.HexColor(palette.PRINT_TEXT)
MUTED = colors.HexColor(palette.PRINT_MUTED)
RULE = colors.HexColor(palette.PRINT_RULE)
GRID = colors.HexColor(palette.PRINT_GRID)
HEADER_FILL = colors.HexColor(palette.PRINT_HEADER_FILL)
GROUP_FILL = colors.HexColor(palette.PRINT_GROUP_FILL)
SUBGROUP_FILL = colors.HexColor(palette.PRINT_SUBGROUP_FILL)
ALERT = colors.HexColor(palette.PRINT_ALERT)


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    cover_footer: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    body: ParagraphStyle
    note: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    head: ParagraphStyle
    caption: ParagraphStyle
    caption_small: ParagraphStyle
    figure: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The report's paragraph styles (every one names the embedded font, never a default)."""
    register_fonts()

    def style(name: str, *, size: float, leading: float | None = None, bold: bool = False,
              align: int = TA_LEFT, color: colors.Color = TEXT, before: float = 0, after: float = 0,
              indent: float = 0) -> ParagraphStyle:
        return ParagraphStyle(
            name, fontName=FONT_BOLD if bold else FONT, fontSize=size,
            leading=leading or round(size * 1.55, 1), alignment=align, textColor=color,
            spaceBefore=before, spaceAfter=after, firstLineIndent=indent, wordWrap="CJK",
            bulletFontName=FONT, allowWidows=0, allowOrphans=0)

    return Styles(
        title=style("title", size=26, leading=36, bold=True, align=TA_CENTER, after=6 * mm),
        subtitle=style("subtitle", size=16, leading=24, align=TA_CENTER),
        cover_label=style("cover_label", size=12, leading=20, bold=True, align=TA_RIGHT),
        cover_value=style("cover_value", size=12, leading=20),
        cover_footer=style("cover_footer", size=14, leading=24, align=TA_CENTER),
        h1=style("h1", size=15, leading=22, bold=True, before=3 * mm, after=3 * mm),
        h2=style("h2", size=12, leading=18, bold=True, before=3 * mm, after=2 * mm),
        body=style("body", size=10.5, leading=17, after=2 * mm, indent=21),
        note=style("note", size=9, leading=14, color=MUTED, after=1.5 * mm),
        cell=style("cell", size=9, leading=13),
        cell_bold=style("cell_bold", size=9, leading=13, bold=True),
        cell_center=style("cell_center", size=9, leading=13, align=TA_CENTER),
        cell_right=style("cell_right", size=9, leading=13, align=TA_RIGHT),
        head=style("head", size=9, leading=13, bold=True, align=TA_CENTER),
        caption=style("caption", size=9.5, leading=14, align=TA_LEFT),
        caption_small=style("caption_small", size=8, leading=11, color=MUTED),
        figure=style("figure", size=9.5, leading=14, bold=True, align=TA_CENTER,
                     before=1 * mm, after=1 * mm),
    )


def grid_table_style(*, header_rows: int = 1) -> list[tuple]:
    """Commands for a ruled table with a shaded header row."""
    return [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 9),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ("VALIGN", (0, header_rows), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]


def table_style(extra: Sequence[tuple[Any, ...]] = (), *, header_rows: int = 1) -> TableStyle:
    return TableStyle(grid_table_style(header_rows=header_rows) + list(extra))


# A table row taller than what is left of the page splits inside the row (its paragraphs
# split by line), keeping at least this much of it on either page. Any length of text the
# store accepts then prints: a 10,000-character note runs on over as many pages as it needs.
SPLIT_IN_ROW = 26


class ReportTable(Table):
    """A table whose rows split between pages, and inside a row when breaking between rows
    would leave more than a third of the page empty (a long note starts where it is, rather
    than on the next page) or is impossible (a row taller than a page). A group heading row
    (one cell spanning the row) never ends a page: it moves on with the row it heads."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        self._calc(availWidth, availHeight)
        parts: list[Any] = self._splitRows(availHeight, doInRowSplit=False)
        if len(parts) > 1:
            last = parts[0]._nrows - 1  # the first part holds rows 0 … last of this table
            while self._is_heading(last):  # (a group heading and its first subgroup's too)
                earlier = self._splitRows(sum(self._rowHeights[:last]) + 0.001,
                                          doInRowSplit=False)
                if len(earlier) < 2:
                    break
                parts, last = earlier, last - 1
            used = parts[0].wrap(availWidth, availHeight)[1]
            if availHeight - used <= availHeight / 3:
                return parts
        # Cells split inside a row sit at the top: reportlab pads a split MIDDLE cell by half
        # the row's height again on every split, so a long row would only grow.
        for row in self._cellStyles[self.repeatRows:]:
            for cell_style in row:
                cell_style.valign = "TOP"
        in_row: list[Any] = self._splitRows(availHeight, doInRowSplit=True)
        if len(in_row) == 2:
            mark_continued(*in_row)
        return in_row or parts

    def _is_heading(self, row: int) -> bool:
        cells = self._cellvalues[row]
        return row >= self.repeatRows and len(cells) > 1 and all(c == "" for c in cells[1:])


CONTINUED = "（续）"


def mark_continued(first: Table, rest: Table) -> None:
    """A row split between pages says so where it goes on: its label (the first cell, 1-1-1)
    is repeated there with （续）, in the first cell the continuation leaves empty.

    Only when the first cell of the row's first part starts with a paragraph (a label, not a
    photo), and only when the continuation's first cell is empty (a label running on itself is
    its own continuation) — the row's height is reportlab's and is not changed: the label is
    one line and the continuation is at least :data:`SPLIT_IN_ROW` high.
    """
    if first._nrows <= first.repeatRows or rest._nrows <= rest.repeatRows:
        return
    top, below = first._cellvalues[-1], rest._cellvalues[rest.repeatRows]
    if not any(_flowables(cell) for cell in top) or _flowables(below[0]):
        return  # the row was not cut (it starts on the next page), or its label runs on
    label = next(iter(_flowables(top[0])), None)
    if not isinstance(label, Paragraph) or not label.text:
        return
    source = getattr(label, "continued_from", label.text)
    row = rest.repeatRows
    cell = rest._cellStyles[row][0]
    width = rest._colWidths[0] - cell.leftPadding - cell.rightPadding
    height = rest._argH[row] if rest._argH else None  # as reportlab fixed it, if it did
    for text in (f"{source}{CONTINUED}", CONTINUED):  # the label too, when it fits
        mark = Paragraph(text, label.style)
        needed = mark.wrap(width, 10_000)[1] + cell.topPadding + cell.bottomPadding
        if height is None or needed <= height:
            mark.continued_from = source  # over three pages: （续） once each
            rest._cellvalues[row][0] = (mark,)
            return


def _flowables(cell: Any) -> list[Any]:
    if isinstance(cell, (list, tuple)):
        return [f for f in cell if f is not None]
    return [cell] if cell not in (None, "") else []


def report_table(data: Sequence[Sequence[Any]], col_widths: Sequence[float], *,
                 repeat_rows: int = 1, **options: Any) -> Table:
    """A table of the report: rows split between pages, and inside a row when it must.

    Every flowable cell goes in as a one-item list: reportlab splits a row's list cells by
    their flowables, but drops a bare flowable cell of a split row (it is taken as empty).
    """
    data = [[[cell] if isinstance(cell, Flowable) else cell for cell in row] for row in data]
    return ReportTable(data, colWidths=col_widths, repeatRows=repeat_rows, splitByRow=1,
                       splitInRow=SPLIT_IN_ROW, **options)
