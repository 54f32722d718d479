"""The annotation layer drawn over a photo: the one definition of its format, and its drawing.

A photo's annotations (``Photo.annotations``, saved with ``Store.set_annotations``) are a list
of shapes; the original image is never changed. Each shape is a dict::

    {"type": "arrow" | "rect" | "ellipse" | "text",
     "color": "#rrggbb",
     "width": 6,            # stroke width in px of the photo drawn with a 1600 px long edge
     "x1": 0.10, "y1": 0.20, "x2": 0.45, "y2": 0.60,
     "text": "裂缝",         # "text" only
     "size": 0.05}          # "text" only: font size as a fraction of the photo's height

Coordinates are fractions 0–1 of the photo's width (x) and height (y) with the origin at the
top-left corner, as the photo is shown (EXIF orientation applied), so they hold at any size.

- ``arrow``: a line from (x1, y1) to the head at (x2, y2).
- ``rect`` / ``ellipse``: the box with corners (x1, y1) and (x2, y2), in any order; outline only.
- ``text``: the text's top-left corner at (x1, y1); x2/y2 are not used.

``width`` is defined against a 1600 px long edge (the report-size image) so that a stroke looks
the same in the editor, in the report and on a thumbnail: a renderer drawing the photo with long
edge L draws ``width × L / 1600``. This module imports nothing from reportlab or Qt: the UI
validates with :func:`normalise_annotations`, the report draws with :func:`draw_annotations`.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from checklists.errors import InvalidInput

SHAPE_TYPES: tuple[str, ...] = ("arrow", "rect", "ellipse", "text")
REFERENCE_LONG_EDGE = 1600  # px: the long edge ``width`` is measured against
DEFAULT_COLOR = "#e02020"
DEFAULT_WIDTH = 6.0
DEFAULT_TEXT_SIZE = 0.05
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def normalise_annotations(shapes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Check a layer and return it with defaults filled in; raise InvalidInput naming the shape."""
    result = []
    for index, shape in enumerate(shapes, start=1):
        where = f"annotations[{index}]"
        if not isinstance(shape, Mapping):
            raise InvalidInput(f"{where}：标注应为对象")
        kind = shape.get("type")
        if kind not in SHAPE_TYPES:
            raise InvalidInput(f"{where}：标注类型应为 {'/'.join(SHAPE_TYPES)}，收到“{kind}”")
        color = shape.get("color", DEFAULT_COLOR)
        if not isinstance(color, str) or not _COLOR.match(color):
            raise InvalidInput(f"{where}：颜色应写成 #rrggbb，收到“{color}”")
        clean: dict[str, Any] = {"type": kind, "color": color.lower(),
                                 "width": _number(shape.get("width", DEFAULT_WIDTH), where,
                                                  "width", low=0, high=200)}
        keys = ("x1", "y1") if kind == "text" else ("x1", "y1", "x2", "y2")
        for key in keys:
            if key not in shape:
                raise InvalidInput(f"{where}：缺少坐标 {key}")
            clean[key] = _number(shape[key], where, key, low=0, high=1)
        if kind == "text":
            text = shape.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InvalidInput(f"{where}：文字标注需要文字内容")
            clean["text"] = text.strip()
            clean["size"] = _number(shape.get("size", DEFAULT_TEXT_SIZE), where, "size",
                                    low=0.005, high=1)
        result.append(clean)
    return result


def _number(value: Any, where: str, key: str, *, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidInput(f"{where}：{key} 应为数字，收到“{value}”")
    if not low <= value <= high:
        raise InvalidInput(f"{where}：{key} 应在 {low} 到 {high} 之间，收到 {value}")
    return float(value)


def _rgb(color: str) -> tuple[float, float, float]:
    return tuple(int(color[i:i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def draw_annotations(canvas, shapes: Iterable[Mapping[str, Any]], *, x: float, y: float,
                     width: float, height: float, font_name: str) -> int:
    """Draw a layer as vector shapes over a photo drawn at (x, y, width, height) on a PDF canvas.

    (x, y) is the photo's bottom-left corner in PDF coordinates. Shapes that do not pass
    :func:`normalise_annotations` are skipped (a report is never refused for a bad shape).
    Returns the number of shapes drawn.
    """
    scale = max(width, height) / REFERENCE_LONG_EDGE
    drawn = 0
    canvas.saveState()
    # Clip so that a shape near the border never spills onto the caption or the next photo.
    path = canvas.beginPath()
    path.rect(x, y, width, height)
    canvas.clipPath(path, stroke=0, fill=0)
    for shape in shapes:
        try:
            (clean,) = normalise_annotations([shape])
        except InvalidInput:
            continue
        r, g, b = _rgb(clean["color"])
        canvas.setStrokeColorRGB(r, g, b)
        canvas.setFillColorRGB(r, g, b)
        canvas.setLineWidth(max(clean["width"] * scale, 0.3))
        canvas.setLineCap(1)
        canvas.setLineJoin(1)
        x1, y1 = x + clean["x1"] * width, y + height - clean["y1"] * height
        if clean["type"] == "text":
            _text(canvas, clean["text"], x1, y1, size=clean["size"] * height, font_name=font_name)
            drawn += 1
            continue
        x2, y2 = x + clean["x2"] * width, y + height - clean["y2"] * height
        if clean["type"] == "rect":
            canvas.rect(min(x1, x2), min(y1, y2), abs(x2 - x1), abs(y2 - y1), stroke=1, fill=0)
        elif clean["type"] == "ellipse":
            canvas.ellipse(x1, y1, x2, y2, stroke=1, fill=0)
        else:
            _arrow(canvas, x1, y1, x2, y2, head=max(clean["width"] * scale * 4, 6))
        drawn += 1
    canvas.restoreState()
    return drawn


def _text(canvas, text: str, x: float, y: float, *, size: float, font_name: str) -> None:
    """Text as the program's viewer draws it: bold, with a dark translucent halo so that it
    stays readable on a busy photo. (x, y) is the top-left of the first line."""
    for line_no, line in enumerate(text.splitlines()):
        baseline = y - size * (0.88 + 1.2 * line_no)
        halo = canvas.beginText(x, baseline)
        halo.setFont(font_name, size)
        halo.setTextRenderMode(1)  # stroke only: the outline under the letters
        canvas.saveState()
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.setStrokeAlpha(110 / 255)
        canvas.setLineWidth(max(size / 10, 0.3))
        halo.textLine(line)
        canvas.drawText(halo)
        canvas.restoreState()
        canvas.setFont(font_name, size)
        canvas.drawString(x, baseline, line)


def _arrow(canvas, x1: float, y1: float, x2: float, y2: float, *, head: float) -> None:
    """A line ending in a filled triangular head at (x2, y2)."""
    angle = math.atan2(y2 - y1, x2 - x1)
    length = math.hypot(x2 - x1, y2 - y1)
    head = min(head, length * 0.6) if length else head
    base_x, base_y = x2 - head * 0.8 * math.cos(angle), y2 - head * 0.8 * math.sin(angle)
    canvas.line(x1, y1, base_x, base_y)
    path = canvas.beginPath()
    path.moveTo(x2, y2)
    for turn in (math.radians(155), math.radians(-155)):
        path.lineTo(x2 + head * math.cos(angle + turn), y2 + head * math.sin(angle + turn))
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)
