"""The report's fonts: Noto Sans SC (TrueType, subset-embedded) as one family, registered once.

The parsed fonts are kept between runs in the user's cache folder (:mod:`.font_cache`); the
fallback font for rare characters is loaded only when a text needs it (:mod:`.fallback_font`).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from resources import resource_path

FONT = "NotoSansSC"
FONT_BOLD = "NotoSansSC-Bold"


def regular_font_file() -> Path:
    return resource_path("fonts", "NotoSansSC-Regular.ttf")


def bold_font_file() -> Path:
    return resource_path("fonts", "NotoSansSC-Bold.ttf")


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the family with reportlab (so ``<b>`` is really bold) and the line rules.

    Returns the regular font's name. Italic maps to the upright faces: Chinese has no italic,
    and an unmapped style would fall back to a built-in, non-embedded font.
    """
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics

    from inspection.report.cjk import install_line_rules
    from inspection.report.fallback_font import install_hooks
    from inspection.report.font_cache import load_ttfont

    pdfmetrics.registerFont(load_ttfont(FONT, regular_font_file()))
    pdfmetrics.registerFont(load_ttfont(FONT_BOLD, bold_font_file()))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    for bold, italic, name in ((0, 0, FONT), (1, 0, FONT_BOLD), (0, 1, FONT), (1, 1, FONT_BOLD)):
        addMapping(FONT_BOLD, bold, italic, name)
    install_line_rules()
    install_hooks()  # 䶮, 𬌗 …: characters beyond GBK, in every paragraph (font loaded on use)
    return FONT
