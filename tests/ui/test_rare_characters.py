"""Rare characters of names (䶮 U+4DAE, 𬌗 U+2C317) are drawn in the window, not boxes: the
fallback font follows Noto Sans SC in the application font's family list."""
from __future__ import annotations

from PySide6.QtGui import QFontMetrics, QRawFont, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

RARE = "王䶮与李𬌗"


def shaped(text: str, font) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of each run Qt lays *text* out in."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_the_fallback_family_follows_the_main_font(prefs, qapp):
    families = QApplication.font().families()
    assert families[0] == "Noto Sans SC" and families[1] == "Park Inspector Fallback"


def test_rare_characters_are_found_in_the_fallback_font(prefs, qapp):
    raw = QRawFont.fromFont(QApplication.font())  # the first family alone lacks them
    assert not raw.supportsCharacter(0x4DAE)
    fallback = QApplication.font()
    fallback.setFamilies(["Park Inspector Fallback"])
    metrics = QFontMetrics(fallback)
    assert metrics.inFontUcs4(0x4DAE) and metrics.inFontUcs4(0x2C317)
    assert QRawFont.fromFont(fallback).supportsCharacter(0x2C317)


def test_a_label_draws_rare_characters_with_real_glyphs(prefs, qapp, qtbot):
    label = QLabel(RARE)
    qtbot.addWidget(label)
    runs = shaped(RARE, label.font())
    families = {family for family, _ in runs}
    assert families == {"Noto Sans SC", "Park Inspector Fallback"}
    assert all(0 not in glyphs for _, glyphs in runs)  # glyph 0 is the box (.notdef)
    rare = [glyphs for family, glyphs in runs if family == "Park Inspector Fallback"]
    assert sum(len(g) for g in rare) == 2
