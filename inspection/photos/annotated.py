"""A photo with its annotation layer burnt into a copy, with Pillow: for the Word copy of the
report and the office's thumbnails (anything that needs pixels rather than PDF vectors).

The layout is :mod:`inspection.annotations` (the one the editor and the PDF draw from): arrow
heads, text in the bold font with its dark halo, kept inside the photo and shrunk when wider
than it. Characters the bundled Noto Sans SC lacks (it keeps GBK: 䶮, 𬌗 …) are drawn with the
fallback font, as the PDF does. The original file is never changed.
"""
from __future__ import annotations

import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont, ImageOps

from inspection.annotations import (
    TEXT_ASCENT,
    TEXT_HALO_RGBA,
    TEXT_HALO_WIDTH,
    TEXT_LINE_SPACING,
    arrow_head,
    arrow_shaft_end,
    font_size,
    place_text,
    scale_of,
    stroke_width,
    text_lines,
    valid_shapes,
)
from resources import resource_path

MAIN_FONT = ("fonts", "NotoSansSC-Bold.ttf")  # the PDF draws annotation text in the bold face
FALLBACK_FONT = ("fonts", "ParkFallback-Regular.ttf")


def _cmap_codepoints(data: bytes) -> frozenset[int]:
    """The characters a TrueType/OpenType font maps to a glyph (its cmap: format 12, else 4)."""
    tables = struct.unpack_from(">H", data, 4)[0]
    cmap = next((struct.unpack_from(">I", data, 12 + 16 * i + 8)[0] for i in range(tables)
                 if data[12 + 16 * i:16 + 16 * i] == b"cmap"), None)
    if cmap is None:
        return frozenset()
    subtables: dict[int, list[tuple[int, int, int]]] = {}
    for i in range(struct.unpack_from(">H", data, cmap + 2)[0]):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * i)
        kind = struct.unpack_from(">H", data, cmap + offset)[0]
        subtables.setdefault(kind, []).append((platform, encoding, cmap + offset))
    found: set[int] = set()
    if 12 in subtables:
        start_at = subtables[12][0][2]
        groups = struct.unpack_from(">I", data, start_at + 12)[0]
        for g in range(groups):
            first, last, glyph = struct.unpack_from(">III", data, start_at + 16 + 12 * g)
            found.update(range(first + (glyph == 0), last + 1))
        return frozenset(found)
    if 4 not in subtables:
        return frozenset()
    at = subtables[4][0][2]
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    range_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, range_at)
    for s in range(segments):
        for code in range(starts[s], ends[s] + 1):
            if code == 0xFFFF:
                continue
            if offsets[s] == 0:
                glyph = (code + deltas[s]) & 0xFFFF
            else:
                where = range_at + 2 * s + offsets[s] + 2 * (code - starts[s])
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + deltas[s]) & 0xFFFF if glyph else 0
            if glyph:
                found.add(code)
    return frozenset(found)


@lru_cache(maxsize=4)
def font_codepoints(parts: tuple[str, str]) -> frozenset[int]:
    return _cmap_codepoints(Path(resource_path(*parts)).read_bytes())


@lru_cache(maxsize=64)
def _font(parts: tuple[str, str], size: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path(*parts)), size)


def split_runs(text: str) -> list[tuple[tuple[str, str], str]]:
    """*text* as runs of (font, text): the fallback font for the characters the main font lacks
    and the fallback has, the main font for the rest."""
    have, fallback = font_codepoints(MAIN_FONT), font_codepoints(FALLBACK_FONT)
    runs: list[tuple[tuple[str, str], str]] = []
    for char in text:
        font = FALLBACK_FONT if ord(char) not in have and ord(char) in fallback else MAIN_FONT
        if runs and runs[-1][0] == font:
            runs[-1] = (font, runs[-1][1] + char)
        else:
            runs.append((font, char))
    return runs


def _size_key(size: float) -> float:
    return max(round(size * 4) / 4, 1.0)  # quarter pixels: a handful of cached fonts


def line_width(line: str, size: float) -> float:
    return sum(_font(font, _size_key(size)).getlength(text) for font, text in split_runs(line))


@dataclass(frozen=True)
class TextLayout:
    """Where a text shape is drawn on a *width* × *height* image."""

    left: float
    top: float
    size: float  # the font size after shrinking
    width: float  # of the widest line, at *size*
    height: float  # of the block, at *size*
    lines: tuple[str, ...]

    @property
    def box(self) -> tuple[float, float, float, float]:
        return self.left, self.top, self.left + self.width, self.top + self.height


def layout_text(shape: Mapping[str, Any], width: float, height: float) -> TextLayout:
    """The text block of *shape* placed inside the image (:func:`inspection.annotations.place_text`)."""
    size = font_size(shape, height)
    lines = tuple(text_lines(shape))
    text_width = max(line_width(line, size) for line in lines)
    text_height = size * (TEXT_ASCENT + TEXT_LINE_SPACING * (len(lines) - 1) + 0.3)
    left, top, shrink = place_text(shape["x1"] * width, shape["y1"] * height, text_width=text_width,
                                   text_height=text_height, width=width, height=height)
    return TextLayout(left, top, size * shrink, text_width * shrink, text_height * shrink, lines)


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _draw_text(image: Image.Image, shape: Mapping[str, Any]) -> None:
    width, height = image.size
    placed = layout_text(shape, width, height)
    size = _size_key(placed.size)
    halo = Image.new("RGBA", image.size, (0, 0, 0, 0))
    layers = (ImageDraw.Draw(halo), ImageDraw.Draw(image))
    halo_width = max(round(placed.size * TEXT_HALO_WIDTH), 1)
    for step, draw in enumerate(layers):
        for number, line in enumerate(placed.lines):
            x = placed.left
            y = placed.top + placed.size * (TEXT_ASCENT + TEXT_LINE_SPACING * number)
            for font_parts, text in split_runs(line):
                font = _font(font_parts, size)
                if step == 0:
                    draw.text((x, y), text, font=font, anchor="ls", fill=TEXT_HALO_RGBA,
                              stroke_width=halo_width, stroke_fill=TEXT_HALO_RGBA)
                else:
                    draw.text((x, y), text, font=font, anchor="ls", fill=_rgb(shape["color"]))
                x += font.getlength(text)
        if step == 0:
            image.paste(Image.alpha_composite(image.convert("RGBA"), halo).convert("RGB"))


def draw_annotations(image: Image.Image, shapes: Iterable[Mapping[str, Any]]) -> int:
    """Draw a layer onto *image* (RGB, as the photo is shown), in place; shapes that do not pass
    the format's checks are skipped. Returns the number of shapes drawn."""
    width, height = image.size
    scale = scale_of(width, height)
    draw = ImageDraw.Draw(image)
    drawn = 0
    for shape in valid_shapes(shapes):
        color = _rgb(shape["color"])
        if shape["type"] == "text":
            _draw_text(image, shape)
            draw = ImageDraw.Draw(image)
            drawn += 1
            continue
        stroke = stroke_width(shape, scale)
        pixels = max(round(stroke), 1)
        x1, y1 = shape["x1"] * width, shape["y1"] * height
        x2, y2 = shape["x2"] * width, shape["y2"] * height
        box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        if shape["type"] == "rect":
            draw.rectangle(box, outline=color, width=pixels)
        elif shape["type"] == "ellipse":
            draw.ellipse(box, outline=color, width=pixels)
        else:
            head = arrow_head(x1, y1, x2, y2, stroke=stroke, scale=scale)
            if head is None:
                continue
            end = arrow_shaft_end(x1, y1, head)
            draw.line((x1, y1, *end), fill=color, width=pixels)
            for x, y in ((x1, y1), end):  # round caps, as the editor's pen
                r = pixels / 2
                draw.ellipse((x - r, y - r, x + r, y + r), fill=color)
            draw.polygon(head, fill=color)
        drawn += 1
    return drawn


def annotated_image(source: Path | bytes | Image.Image, shapes: Sequence[Mapping[str, Any]], *,
                    long_edge: int | None = None) -> Image.Image:
    """The photo (a file, its bytes or an image; EXIF orientation applied, scaled to
    *long_edge* when given) as RGB with its annotations drawn."""
    if isinstance(source, bytes):
        source = Image.open(BytesIO(source))
    if isinstance(source, Image.Image):
        image = ImageOps.exif_transpose(source).convert("RGB")
    else:
        with Image.open(source) as opened:
            image = ImageOps.exif_transpose(opened).convert("RGB")
    if long_edge is not None and max(image.size) > long_edge:
        image.thumbnail((long_edge, long_edge), Image.Resampling.LANCZOS)
    draw_annotations(image, shapes)
    return image


def annotated_jpeg(source: Path | bytes | Image.Image, shapes: Sequence[Mapping[str, Any]], *,
                   long_edge: int | None = None, quality: int = 88) -> bytes:
    out = BytesIO()
    annotated_image(source, shapes, long_edge=long_edge).save(out, "JPEG", quality=quality)
    return out.getvalue()
