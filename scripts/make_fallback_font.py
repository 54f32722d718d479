"""Build resources/fonts/ParkFallback-Regular.ttf: the characters the main font lacks.

Why: NotoSansSC-*.ttf keep GBK only (scripts/make_fonts.py), so rarer characters of names of
people and places — 䶮 (U+4DAE, CJK Extension A) or 𬌗 (U+2C317, Extension E) — were boxes in
the window and the signed PDF. This font carries what GB 18030-2022 asks of a system at its
implementation level 2, beyond GBK: all of CJK Extension A, and every character of the
通用规范汉字表 (Table of General Standard Chinese Characters, Unihan field kTGH) that GBK lacks
— 196 of them outside the Basic Multilingual Plane. The Qt window uses it as a fallback family
and the report switches to it for those characters (inspection/report/fonts.py).

Source: Hanazono Mincho (花園明朝, GlyphWiki project), HanaMinA.ttf and HanaMinB.ttf of Debian's
fonts-hanazono 20170904 — TrueType outlines, as reportlab and pyHanko need — licensed under the
Hanazono Font License or the SIL Open Font License 1.1, at the user's choice (see
resources/fonts/README.md). The list of 通用规范汉字 comes from Debian's unicode-data
(Unihan_OtherMappings.txt.bz2, kTGH).

Usage: apt-get install fonts-hanazono unicode-data
       python scripts/make_fallback_font.py [OUT.ttf]
"""
from __future__ import annotations

import bz2
import sys
from pathlib import Path

from fontTools import merge, subset
from fontTools.ttLib import TTFont

HANAZONO = Path("/usr/share/fonts/truetype/hanazono")
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
            names.setName("Park Inspector Fallback (from Hanazono Mincho 20170904)", 3,
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
    font = merge.Merger().merge([str(p) for p in paths]) if len(paths) > 1 else TTFont(str(tmp))
    for p in paths:
        p.unlink()
    rename(font)
    font.save(str(out))
    print(f"{out}: {len(codepoints) - len(rest)} characters, {out.stat().st_size:,} bytes;"
          f" not in Hanazono: {len(rest)}")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
