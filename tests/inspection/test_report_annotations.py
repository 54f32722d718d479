"""The annotation layer format: checking it, and drawing it as vector shapes over a photo."""
import pytest
from reportlab.pdfgen.canvas import Canvas

from checklists.errors import InvalidInput
from inspection.annotations import REFERENCE_LONG_EDGE, SHAPE_TYPES, normalise_annotations
from inspection.report.annotations import draw_annotations
from inspection.report.fonts import FONT, register_fonts
from tests.inspection.report_data import ANNOTATIONS


def test_every_shape_type_is_accepted_and_defaults_filled():
    clean = normalise_annotations(ANNOTATIONS + [{"type": "rect", "x1": 0, "y1": 0, "x2": 1,
                                                  "y2": 1}])
    assert [s["type"] for s in clean][:4] == list(SHAPE_TYPES)
    assert clean[-1]["color"].startswith("#") and clean[-1]["width"] > 0
    assert clean[3]["text"] == "消防通道堵塞" and clean[3]["size"] == 0.06


@pytest.mark.parametrize("shape, message", [
    ({"type": "star", "x1": 0, "y1": 0}, "标注类型"),
    ({"type": "rect", "x1": 0, "y1": 0, "x2": 1.5, "y2": 1}, "x2"),
    ({"type": "rect", "x1": 0, "y1": 0, "x2": 1}, "缺少坐标 y2"),
    ({"type": "arrow", "color": "red", "x1": 0, "y1": 0, "x2": 1, "y2": 1}, "颜色"),
    ({"type": "text", "x1": 0.1, "y1": 0.1, "text": " "}, "文字"),
    ({"type": "arrow", "width": "thick", "x1": 0, "y1": 0, "x2": 1, "y2": 1}, "width"),
])
def test_bad_shapes_are_refused_with_the_field_named(shape, message):
    with pytest.raises(InvalidInput, match=message):
        normalise_annotations([shape])


def test_shapes_are_drawn_as_vectors_and_bad_ones_skipped(tmp_path):
    register_fonts()
    canvas = Canvas(str(tmp_path / "a.pdf"))
    drawn = draw_annotations(canvas, ANNOTATIONS + [{"type": "bogus"}], x=50, y=50, width=400,
                             height=300, font_name=FONT)
    canvas.save()
    assert drawn == len(ANNOTATIONS)


def test_stroke_width_scales_with_the_drawn_size():
    class Recorder:
        def __init__(self):
            self.widths = []

        def __getattr__(self, name):
            if name == "setLineWidth":
                return self.widths.append
            if name == "beginPath":
                return lambda: Recorder()
            return lambda *a, **k: None

    canvas = Recorder()
    shape = {"type": "rect", "color": "#000000", "width": 16, "x1": 0.1, "y1": 0.1, "x2": 0.5,
             "y2": 0.5}
    draw_annotations(canvas, [shape], x=0, y=0, width=REFERENCE_LONG_EDGE / 4,
                     height=REFERENCE_LONG_EDGE / 8, font_name=FONT)
    assert canvas.widths == [4.0]
