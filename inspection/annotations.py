"""The annotation layer over a photo: its format and how its shapes are laid out — the one
definition that the editor, the thumbnails and the report all draw from.

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
- ``text``: the text's top-left corner at (x1, y1); x2/y2 are not used. Text always stays inside
  the photo: :func:`place_text` moves it in (and shrinks it when it is wider than the photo).

The geometry here is in "photo pixels": a photo drawn *w* × *h* with the origin top-left and y
downwards. A renderer with y upwards (a PDF page) flips the points it gets. Nothing here
imports Qt or reportlab.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from checklists.errors import InvalidInput, messages

SHAPE_TYPES: tuple[str, ...] = ("arrow", "rect", "ellipse", "text")
REFERENCE_LONG_EDGE = 1600  # px: the long edge ``width`` is measured against
COLORS: tuple[str, ...] = ("#e53935", "#fdd835", "#1e88e5", "#43a047", "#ffffff")  # the editor's
DEFAULT_COLOR = COLORS[0]
DEFAULT_WIDTH = 6.0
DEFAULT_TEXT_SIZE = 0.05
MIN_STROKE = 0.5  # in the renderer's units (px, pt): a thin line never vanishes
ARROW_HEAD_STROKES = 4.5  # an arrow head is this many strokes long …
ARROW_HEAD_MIN = 8.0  # … and at least this many px of a 1600 px photo
ARROW_HEAD_ANGLE = math.radians(25)  # each side's angle to the shaft
TEXT_ASCENT = 0.88  # the first baseline, below the top, as a fraction of the font size
TEXT_LINE_SPACING = 1.2  # baseline to baseline, as a fraction of the font size
TEXT_HALO_RGBA = (0, 0, 0, 110)  # the dark outline that keeps text readable on a busy photo
TEXT_HALO_WIDTH = 0.1  # as a fraction of the font size
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")

MESSAGES = messages({
    "annotation.not_a_shape": ("{where}：标注应为对象", "{where}: an annotation is an object"),
    "annotation.bad_type": ("{where}：标注类型应为 {types}，收到“{kind}”",
                            "{where}: the annotation type is one of {types}, not \"{kind}\""),
    "annotation.bad_color": ("{where}：颜色应写成 #rrggbb，收到“{color}”",
                             "{where}: a colour is written #rrggbb, not \"{color}\""),
    "annotation.no_coordinate": ("{where}：缺少坐标 {key}", "{where}: the coordinate {key} is missing"),
    "annotation.no_text": ("{where}：文字标注需要文字内容", "{where}: a text annotation needs its text"),
    "annotation.not_a_number": ("{where}：{key} 应为数字，收到“{value}”",
                                "{where}: {key} is a number, not \"{value}\""),
    "annotation.out_of_range": ("{where}：{key} 应在 {low} 到 {high} 之间，收到 {value}",
                                "{where}: {key} lies between {low} and {high}, not {value}"),
})


def normalise_annotations(shapes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Check a layer and return it with defaults filled in; raise InvalidInput naming the shape."""
    result = []
    for index, shape in enumerate(shapes, start=1):
        where = f"annotations[{index}]"
        if not isinstance(shape, Mapping):
            raise InvalidInput("annotation.not_a_shape", where=where)
        kind = shape.get("type")
        if kind not in SHAPE_TYPES:
            raise InvalidInput("annotation.bad_type", where=where, types="/".join(SHAPE_TYPES),
                               kind=kind)
        color = shape.get("color", DEFAULT_COLOR)
        if not isinstance(color, str) or not _COLOR.match(color):
            raise InvalidInput("annotation.bad_color", where=where, color=color)
        clean: dict[str, Any] = {"type": kind, "color": color.lower(),
                                 "width": _number(shape.get("width", DEFAULT_WIDTH), where,
                                                  "width", low=0, high=200)}
        keys = ("x1", "y1") if kind == "text" else ("x1", "y1", "x2", "y2")
        for key in keys:
            if key not in shape:
                raise InvalidInput("annotation.no_coordinate", where=where, key=key)
            clean[key] = _number(shape[key], where, key, low=0, high=1)
        if kind == "text":
            text = shape.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InvalidInput("annotation.no_text", where=where)
            clean["text"] = text.strip()
            clean["size"] = _number(shape.get("size", DEFAULT_TEXT_SIZE), where, "size",
                                    low=0.005, high=1)
        result.append(clean)
    return result


def _number(value: Any, where: str, key: str, *, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise InvalidInput("annotation.not_a_number", where=where, key=key, value=value)
    if not low <= value <= high:
        raise InvalidInput("annotation.out_of_range", where=where, key=key, low=low, high=high,
                           value=value)
    return float(value)


def valid_shapes(shapes: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The shapes that pass :func:`normalise_annotations`, each with its defaults; a drawing is
    never refused for one bad shape (it is left out)."""
    good = []
    for shape in shapes:
        try:
            good.extend(normalise_annotations([shape]))
        except InvalidInput:
            continue
    return good


# --- layout ------------------------------------------------------------------------------------

def scale_of(width: float, height: float) -> float:
    """Renderer units per px of the 1600 px reference, for a photo drawn *width* × *height*."""
    return max(width, height) / REFERENCE_LONG_EDGE


def stroke_width(shape: Mapping[str, Any], scale: float) -> float:
    return max(float(shape.get("width", DEFAULT_WIDTH)) * scale, MIN_STROKE)


def arrow_head(x1: float, y1: float, x2: float, y2: float, *, stroke: float,
               scale: float) -> list[tuple[float, float]] | None:
    """The three corners of the filled head at (x2, y2) (y downwards), None for a dot."""
    dx, dy = x2 - x1, y2 - y1
    length = math.hypot(dx, dy)
    if length < 1e-9:
        return None
    head = min(max(stroke * ARROW_HEAD_STROKES, ARROW_HEAD_MIN * scale), length)
    angle = math.atan2(dy, dx)
    back = angle + math.pi
    return [(x2, y2)] + [(x2 + head * math.cos(back + side * ARROW_HEAD_ANGLE),
                          y2 + head * math.sin(back + side * ARROW_HEAD_ANGLE))
                         for side in (-1, 1)]


def arrow_shaft_end(x1: float, y1: float, head: list[tuple[float, float]]) -> tuple[float, float]:
    """Where the shaft stops: the middle of the head's base (a round cap never pokes through
    the point)."""
    (_, _), (ax, ay), (bx, by) = head
    return (ax + bx) / 2, (ay + by) / 2


def font_size(shape: Mapping[str, Any], height: float) -> float:
    """A text shape's font size for a photo drawn *height* high."""
    return float(shape.get("size", DEFAULT_TEXT_SIZE)) * height


def text_lines(shape: Mapping[str, Any]) -> list[str]:
    return str(shape.get("text", "")).splitlines() or [""]


def place_text(x: float, y: float, *, text_width: float, text_height: float, width: float,
               height: float) -> tuple[float, float, float]:
    """Where a text block measured *text_width* × *text_height* goes so that it stays inside a
    photo drawn *width* × *height*: (left, top, shrink), *shrink* ≤ 1 when the text is wider or
    taller than the photo (the font is then drawn that much smaller)."""
    shrink = min(1.0, width / text_width if text_width > 0 else 1.0,
                 height / text_height if text_height > 0 else 1.0)
    text_width, text_height = text_width * shrink, text_height * shrink
    left = min(max(x, 0.0), max(width - text_width, 0.0))
    top = min(max(y, 0.0), max(height - text_height, 0.0))
    return left, top, shrink
