"""The Word copy burns a photo's annotations into its picture in the layout the editor and the
PDF use (trial 2, F8: text ran off the photo as "消防栓被", arrows ended in dots, 𬌗 became a
box). The picture is read back from what the .docx would embed."""
from __future__ import annotations

import math
from io import BytesIO

import pytest
from PIL import Image, ImageChops, ImageFont

from inspection.annotations import arrow_head, scale_of, stroke_width
from inspection.report.word_parts import _annotated_photo
from resources import resource_path

WIDTH, HEIGHT = 800, 600
RED = "#e53935"
TEXT = "消防栓被货物遮挡，通道堵塞严重"
SIZE = 0.06


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "black.jpg"
    Image.new("RGB", (WIDTH, HEIGHT), (0, 0, 0)).save(path, "JPEG", quality=95)
    return path


def burnt(path, shapes) -> Image.Image:
    data = _annotated_photo(path, shapes)
    assert not isinstance(data, str)  # a copy with the layer, not the original file
    return Image.open(BytesIO(data.getvalue())).convert("RGB")


def red_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    r, g, b = image.split()
    mask = ImageChops.multiply(ImageChops.multiply(r.point(lambda v: 255 if v > 150 else 0),
                                                   g.point(lambda v: 255 if v < 120 else 0)),
                               b.point(lambda v: 255 if v < 120 else 0))
    return mask.getbbox()


@pytest.mark.parametrize("x1", [0.0, 0.5, 0.97])
@pytest.mark.parametrize("y1", [0.0, 0.5, 0.97])
def test_text_near_every_edge_is_drawn_whole_inside_the_photo(photo, x1, y1):
    from inspection.photos.annotated import layout_text

    shape = {"type": "text", "color": RED, "x1": x1, "y1": y1, "text": TEXT, "size": SIZE}
    placed = layout_text(shape, WIDTH, HEIGHT)
    left, top, right, bottom = placed.box
    assert left >= 0 and right <= WIDTH and top >= 0 and bottom <= HEIGHT
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSansSC-Bold.ttf")), SIZE * HEIGHT)
    full = font.getlength(TEXT)  # 15 characters: wider than half the photo
    assert full > WIDTH / 2
    ink = red_box(burnt(photo, [shape]))
    assert ink is not None
    ink_left, ink_top, ink_right, ink_bottom = ink
    assert ink_right - ink_left > 0.9 * min(full, WIDTH)  # every character is there
    assert ink_right < WIDTH - 1 and ink_bottom < HEIGHT - 1  # not cut at the border
    assert left - 2 <= ink_left and ink_right <= right + 2 and top - 2 <= ink_top and ink_bottom <= bottom + 2


@pytest.mark.parametrize("end", [(0.98, 0.5), (0.02, 0.5), (0.5, 0.02), (0.5, 0.98), (0.9, 0.9)])
def test_arrows_end_in_heads(photo, end):
    start = (0.5, 0.5) if end != (0.5, 0.5) else (0.1, 0.1)
    shape = {"type": "arrow", "color": RED, "width": 6, "x1": start[0], "y1": start[1], "x2": end[0], "y2": end[1]}
    image = burnt(photo, [shape])
    x1, y1, x2, y2 = start[0] * WIDTH, start[1] * HEIGHT, end[0] * WIDTH, end[1] * HEIGHT
    scale = scale_of(WIDTH, HEIGHT)
    head = arrow_head(x1, y1, x2, y2, stroke=stroke_width(shape, scale), scale=scale)
    assert head is not None
    tip, *corners = head
    centre = ((tip[0] + sum(c[0] for c in corners)) / 3, (tip[1] + sum(c[1] for c in corners)) / 3)
    shaft = math.atan2(y2 - y1, x2 - x1)
    for cx, cy in corners:  # near each back corner of the head, well off the shaft and the tip
        px, py = 0.75 * (0.8 * cx + 0.2 * tip[0]) + 0.25 * centre[0], 0.75 * (0.8 * cy + 0.2 * tip[1]) + 0.25 * centre[1]
        off_shaft = abs(math.sin(math.atan2(py - y1, px - x1) - shaft)) * math.hypot(px - x1, py - y1)
        assert off_shaft > stroke_width(shape, scale)
        r, g, b = image.getpixel((round(px), round(py)))
        assert r > 150 and g < 120, (px, py, (r, g, b))


def test_characters_beyond_the_main_font_are_drawn_with_the_fallback(photo):
    def ink_of(text: str) -> bytes:
        image = burnt(photo, [{"type": "text", "color": "#ffffff", "x1": 0.1, "y1": 0.1, "text": text, "size": 0.2}])
        return image.crop((0, 0, WIDTH // 2, HEIGHT // 2)).convert("1").tobytes()

    missing = ink_of("\U000f0000")  # in no font: the box a missing character prints as
    assert ink_of("𬌗") != missing and ink_of("䶮") != missing
    assert ink_of("𬌗") != ink_of("䶮")
