"""The annotation layer drawn over a photo in the report, with reportlab.

The format, its checks and the layout of every shape are in :mod:`inspection.annotations` (the
one definition the editor draws from too); this module only turns them into PDF drawing
operations, flipping y (a PDF page's y runs upwards).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from inspection.annotations import (
    REFERENCE_LONG_EDGE,
    TEXT_ASCENT,
    TEXT_HALO_RGBA,
    TEXT_HALO_WIDTH,
    TEXT_LINE_SPACING,
    arrow_head,
    arrow_shaft_end,
    font_size,
    normalise_annotations,
    place_text,
    scale_of,
    stroke_width,
    text_lines,
    valid_shapes,
)
from inspection.report.fallback_font import draw_string, string_width, text_out

__all__ = ["REFERENCE_LONG_EDGE", "draw_annotations", "normalise_annotations"]


def _rgb(color: str) -> tuple[float, float, float]:
    return (int(color[1:3], 16) / 255, int(color[3:5], 16) / 255, int(color[5:7], 16) / 255)


def draw_annotations(canvas: Any, shapes: Iterable[Mapping[str, Any]], *, x: float, y: float,
                     width: float, height: float, font_name: str) -> int:
    """Draw a layer as vector shapes over a photo drawn at (x, y, width, height) on a PDF canvas.

    (x, y) is the photo's bottom-left corner in PDF coordinates. Shapes that do not pass the
    format's checks are skipped (a report is never refused for a bad shape). Returns the number
    of shapes drawn.
    """
    valid = valid_shapes(shapes)
    if not valid:
        return 0  # (most photos: nothing to clip or draw)
    scale = scale_of(width, height)

    def page(px: float, py: float) -> tuple[float, float]:  # photo pixels → the PDF page
        return x + px, y + height - py

    drawn = 0
    canvas.saveState()
    # Clip so that a shape near the border never spills onto the caption or the next photo.
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    for shape in valid:
        r, g, b = _rgb(shape["color"])
        canvas.setStrokeColorRGB(r, g, b)
        canvas.setFillColorRGB(r, g, b)
        stroke = stroke_width(shape, scale)
        canvas.setLineWidth(stroke)
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        x1, y1 = shape["x1"] * width, shape["y1"] * height
        if shape["type"] == "text":
            _text(canvas, shape, x1, y1, width=width, height=height, font_name=font_name,
                  page=page)
            drawn += 1
            continue
        x2, y2 = shape["x2"] * width, shape["y2"] * height
        (ax, ay), (bx, by) = page(x1, y1), page(x2, y2)
        if shape["type"] == "rect":
            canvas.rect(min(ax, bx), min(ay, by), abs(bx - ax), abs(by - ay), stroke=1, fill=0)
        elif shape["type"] == "ellipse":
            canvas.ellipse(ax, ay, bx, by, stroke=1, fill=0)
        else:
            head = arrow_head(x1, y1, x2, y2, stroke=stroke, scale=scale)
            if head is None:
                continue
            end = page(*arrow_shaft_end(x1, y1, head))
            canvas.line(ax, ay, *end)
            arrow = canvas.beginPath()
            arrow.moveTo(*page(*head[0]))
            for corner in head[1:]:
                arrow.lineTo(*page(*corner))
            arrow.close()
            canvas.drawPath(arrow, stroke=0, fill=1)
        drawn += 1
    canvas.restoreState()
    return drawn


def _text(canvas: Any, shape: Mapping[str, Any], left: float, top: float, *, width: float,
          height: float, font_name: str, page: Any) -> None:
    """Text as the editor draws it: bold, with a dark translucent halo, kept inside the photo."""
    size = font_size(shape, height)
    lines = text_lines(shape)
    text_width = max(string_width(line, font_name, size) for line in lines)
    text_height = size * (TEXT_ASCENT + TEXT_LINE_SPACING * (len(lines) - 1) + 0.3)
    left, top, shrink = place_text(left, top, text_width=text_width, text_height=text_height,
                                   width=width, height=height)
    size *= shrink
    for line_no, line in enumerate(lines):
        bx, by = page(left, top + size * (TEXT_ASCENT + TEXT_LINE_SPACING * line_no))
        halo = canvas.beginText(bx, by)
        halo.setTextRenderMode(1)  # stroke only: the outline under the letters
        canvas.saveState()
        canvas.setStrokeColorRGB(*(c / 255 for c in TEXT_HALO_RGBA[:3]))
        canvas.setStrokeAlpha(TEXT_HALO_RGBA[3] / 255)
        canvas.setLineWidth(max(size * TEXT_HALO_WIDTH, 0.3))
        text_out(halo, line, font=font_name, size=size)  # 䶮, 𬌗 in the fallback font
        canvas.drawText(halo)
        canvas.restoreState()
        draw_string(canvas, bx, by, line, font=font_name, size=size)
