"""The annotation layer's one definition: the layout the editor and the report both draw from,
and text that always stays inside the photo ("消防栓被货物遮挡" near the right edge)."""
from __future__ import annotations

import math

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from inspection.annotations import (
    ARROW_HEAD_ANGLE,
    COLORS,
    DEFAULT_COLOR,
    arrow_head,
    normalise_annotations,
    place_text,
)
from inspection.report.annotations import draw_annotations
from inspection.report.fonts import FONT, register_fonts


def test_the_default_colour_is_the_editors_first():
    assert COLORS[0] == DEFAULT_COLOR
    (shape,) = normalise_annotations([{"type": "rect", "x1": 0, "y1": 0, "x2": 1, "y2": 1}])
    assert shape["color"] == DEFAULT_COLOR


@pytest.mark.parametrize("x, y", [(0.95, 0.5), (0.5, 0.99), (1.0, 1.0), (0.0, 0.0)])
def test_text_is_moved_inside_the_photo(x, y):
    left, top, shrink = place_text(x * 400, y * 300, text_width=120, text_height=20, width=400,
                                   height=300)
    assert shrink == 1
    assert left >= 0 and left + 120 <= 400 and top >= 0 and top + 20 <= 300


def test_text_wider_than_the_photo_is_shrunk_to_fit():
    left, top, shrink = place_text(10, 10, text_width=800, text_height=20, width=400, height=300)
    assert shrink == pytest.approx(0.5) and left == 0


def test_an_arrow_head_points_at_the_end_of_the_shaft():
    head = arrow_head(0, 0, 100, 0, stroke=4, scale=1)
    assert head[0] == (100, 0)
    for px, py in head[1:]:
        assert px < 100 and math.isclose(abs(math.atan2(py, 100 - px)), ARROW_HEAD_ANGLE)
    assert arrow_head(5, 5, 5, 5, stroke=4, scale=1) is None


class Recorder:
    """A canvas that writes down where strings are drawn."""

    def __init__(self):
        self.strings = []

    def drawString(self, x, y, text):
        self.strings.append((x, y, text))

    def beginPath(self):
        return Recorder()

    def beginText(self, *args):
        return Recorder()

    def __getattr__(self, name):
        return lambda *a, **k: None


def test_the_report_keeps_a_text_near_the_right_edge_whole():
    register_fonts()
    canvas = Recorder()
    text = "消防栓被货物遮挡"
    draw_annotations(canvas, [{"type": "text", "x1": 0.8, "y1": 0.1, "text": text, "size": 0.08}],
                     x=50, y=100, width=400, height=300, font_name=FONT)
    ((x, y, drawn),) = canvas.strings
    assert drawn == text
    size = 0.08 * 300
    assert x >= 50 and x + stringWidth(text, FONT, size) <= 450 + 0.01
    assert 100 <= y <= 400
