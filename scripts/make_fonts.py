"""Rebuild resources/fonts/NotoSansSC-{Regular,Bold}.ttf from the upstream WOFF files.

Why: reportlab embeds TrueType outlines only, and Noto Sans SC is published with CFF
outlines. This converts the outlines to quadratic TrueType curves (fontTools cu2qu,
max error 1 unit of 1000) and keeps the characters of GBK plus everything below U+3000,
which covers the Chinese an inspector types and halves the size.

Source: npm package @fontsource/noto-sans-sc 4.5.12, files
noto-sans-sc-all-{400,700}-normal.woff (SIL Open Font License 1.1, see OFL.txt).

Usage: python scripts/make_fonts.py REGULAR.woff BOLD.woff OUT_DIR
"""
from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable


def cff_to_glyf(font: TTFont, max_err: float = 1.0) -> None:
    """Replace the CFF table of *font* by glyf/loca with quadratic outlines."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err, reverse_direction=True))
        glyf[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for attr in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                 "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                 "maxComponentElements"):
        setattr(maxp, attr, 0)
    maxp.maxZones = 1
    font["maxp"] = maxp
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def gbk_codepoints(font: TTFont) -> list[int]:
    keep = []
    for cp in font.getBestCmap():
        ch = chr(cp)
        if cp < 0x3000:
            keep.append(cp)
            continue
        try:
            if len(ch.encode("gbk")) == 2:
                keep.append(cp)
        except UnicodeEncodeError:
            pass
    return keep


def build(src: Path, dst: Path) -> None:
    font = TTFont(str(src))
    font.flavor = None
    cff_to_glyf(font)
    options = subset.Options()
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.layout_features = ["*"]
    options.glyph_names = False
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=gbk_codepoints(font))
    subsetter.subset(font)
    font.save(str(dst))


if __name__ == "__main__":
    regular, bold, out = (Path(a) for a in sys.argv[1:4])
    build(regular, out / "NotoSansSC-Regular.ttf")
    build(bold, out / "NotoSansSC-Bold.ttf")
