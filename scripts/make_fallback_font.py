"""Build resources/fonts/ParkFallback-Regular.ttf: the characters the main font lacks.

Why: NotoSansSC-*.ttf keep GBK only (scripts/make_fonts.py), so rarer characters of names of
people and places — 䶮 (U+4DAE, CJK Extension A) or 𬌗 (U+2C317, Extension E) — were boxes in
the window and the signed PDF. This font carries what GB 18030-2022 asks of a system at its
implementation level 2, beyond GBK: all of CJK Extension A, and every character of the
通用规范汉字表 (Table of General Standard Chinese Characters, Unihan field kTGH) that GBK lacks
— 196 of them outside the Basic Multilingual Plane. The Qt window uses it as a fallback family
and the report switches to it for those characters (inspection/report/fonts.py).

It also carries the letters of names written in other European scripts that GBK lacks — Latin
Extended-A/B and Additional (Łukasz, Dvořák, Nguyễn), Greek with its accents (Ἀθηνᾶ) and
Cyrillic (Ирина, Їжак) — which were boxes in the signed PDF.

Source: Hanazono Mincho (花園明朝, GlyphWiki project), HanaMinA.ttf and HanaMinB.ttf of Debian's
fonts-hanazono 20170904 — TrueType outlines, as reportlab and pyHanko need — licensed under the
Hanazono Font License or the SIL Open Font License 1.1, at the user's choice; the European
letters from Noto Sans (Debian's fonts-noto-core 20201225, TrueType outlines, SIL Open Font
License 1.1), scaled to Hanazono's 1024 units per em (see resources/fonts/README.md). The list
of 通用规范汉字 comes from Debian's unicode-data (Unihan_OtherMappings.txt.bz2, kTGH).

Usage: apt-get install fonts-hanazono fonts-noto-core unicode-data
       python scripts/make_fallback_font.py [OUT.ttf]
"""
from __future__ import annotations

import bz2
import sys
from pathlib import Path

from fontTools import merge, subset
from fontTools.ttLib import TTFont

HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
NOTO_SANS = Path("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf")
# Letters of names in European scripts (and their combining accents), where GBK stops.
EUROPEAN = (range(0x0100, 0x0250), range(0x0300, 0x0370), range(0x0370, 0x0400),
            range(0x0400, 0x0530), range(0x1E00, 0x1F00), range(0x1F00, 0x2000))
UNIHAN = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
MAIN_FONT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "NotoSansSC-Regular.ttf"
OUT = MAIN_FONT.with_name("ParkFallback-Regular.ttf")
FAMILY = "Park Inspector Fallback"
EXTENSION_A = range(0x3400, 0x4DC0)


def general_standard_characters() -> set[int]:
    """The 8,105 characters of the 通用规范汉字表 (Unihan kTGH)."""
    found = set()
    with bz2.open(UNIHAN, "rt", encoding="utf-8") as lines:
        for line in lines:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1] == "kTGH":
                found.add(int(parts[0][2:], 16))
    return found


def wanted(main: TTFont) -> set[int]:
    """GB 18030-2022 level 2 beyond what the main font has."""
    have = set(main.getBestCmap())
    return (set(EXTENSION_A) | general_standard_characters()) - have


def european(main: TTFont) -> set[int]:
    """The European letters (and accents) the main font lacks."""
    have = set(main.getBestCmap())
    return {c for block in EUROPEAN for c in block} - have


def european_part(out: Path, codepoints: set[int], units_per_em: int) -> tuple[Path, set[int]]:
    """Noto Sans's glyphs for *codepoints*, at *units_per_em*, with vertical metrics as the
    Hanazono parts have them (a merge needs the same tables in every part)."""
    from fontTools.ttLib import newTable
    from fontTools.ttLib.scaleUpem import scale_upem

    font, present = part(NOTO_SANS, codepoints)
    for table in ("GPOS", "DSIG", "cvt ", "fpgm", "prep"):  # no kerning across fonts; no hinting
        if table in font:
            del font[table]
    scale_upem(font, units_per_em)
    vhea = newTable("vhea")
    vhea.tableVersion = 0x00011000
    vhea.ascent, vhea.descent, vhea.lineGap = units_per_em // 2, -(units_per_em // 2), 0
    vhea.advanceHeightMax = units_per_em
    vhea.minTopSideBearing = vhea.minBottomSideBearing = vhea.yMaxExtent = 0
    vhea.caretSlopeRise, vhea.caretSlopeRun, vhea.caretOffset = 0, 1, 0
    vhea.reserved1 = vhea.reserved2 = vhea.reserved3 = vhea.reserved4 = 0
    vhea.metricDataFormat = 0
    vhea.numberOfVMetrics = len(font.getGlyphOrder())
    font["vhea"] = vhea
    vmtx = newTable("vmtx")
    vmtx.metrics = dict.fromkeys(font.getGlyphOrder(), (units_per_em, 0))
    font["vmtx"] = vmtx
    path = out.with_suffix(".latin.ttf")
    font.save(str(path))
    return path, present


def part(path: Path, codepoints: set[int]) -> tuple[TTFont, set[int]]:
    font = TTFont(str(path))
    present = codepoints & set(font.getBestCmap())
    options = subset.Options()
    options.notdef_outline = True
    options.hinting = False
    options.glyph_names = False
    options.layout_features = []
    options.name_IDs = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(present))
    subsetter.subset(font)
    return font, present


def rename(font: TTFont) -> None:
    """A family name of its own (a Modified Version under the OFL may not keep the original's)."""
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("ParkInspectorFallback-Regular", 6, record.platformID,
                          record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName("Park Inspector Fallback (from Hanazono Mincho 20170904, Noto Sans)", 3,
                          record.platformID, record.platEncID, record.langID)


def build(out: Path) -> None:
    codepoints = wanted(TTFont(str(MAIN_FONT)))
    first, from_a = part(HANAZONO / "HanaMinA.ttf", codepoints)
    rest = codepoints - from_a
    paths = []
    tmp = out.with_suffix(".a.ttf")
    first.save(str(tmp))
    paths.append(tmp)
    if rest:
        second, from_b = part(HANAZONO / "HanaMinB.ttf", rest)
        tmp_b = out.with_suffix(".b.ttf")
        second.save(str(tmp_b))
        paths.append(tmp_b)
        rest -= from_b
    letters = european(TTFont(str(MAIN_FONT)))
    latin, from_noto = european_part(out, letters, TTFont(str(tmp))["head"].unitsPerEm)
    paths.append(latin)
    metrics = TTFont(str(tmp))  # the Hanazono part's line metrics: the font's as before
    font = merge.Merger().merge([str(p) for p in paths])
    for p in paths:
        p.unlink()
    for table, fields in (("hhea", ("ascent", "descent", "lineGap")),
                          ("OS/2", ("sTypoAscender", "sTypoDescender", "sTypoLineGap",
                                    "usWinAscent", "usWinDescent"))):
        for field in fields:
            setattr(font[table], field, getattr(metrics[table], field))
    rename(font)
    font.save(str(out))
    print(f"{out}: {len(codepoints) - len(rest)} Chinese characters and {len(from_noto)} European"
          f" letters and accents, {out.stat().st_size:,} bytes; not in Hanazono: {len(rest)}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
