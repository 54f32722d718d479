"""Comfort settings: a text size and a high-contrast theme (a second palette, chosen in 设置)."""
from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from inspection import palette
from ui.app import apply_theme, configure_application
from ui.base.preferences import Preferences
from ui.dialogs.settings_dialog import SettingsDialog


def test_the_settings_offer_text_size_and_theme(qtbot, prefs):
    dialog = SettingsDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.text_size.setCurrentIndex(dialog.text_size.findData("larger"))
    dialog.theme.setCurrentIndex(dialog.theme.findData("high_contrast"))
    assert "重新启动" in dialog.language_note.text()
    dialog.save()
    assert prefs.text_size == "larger" and prefs.theme == "high_contrast"


def test_a_larger_text_size_scales_the_application_font(qtbot, tmp_path, qapp):
    prefs = Preferences(QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat))
    configure_application(qapp, prefs)
    normal = QApplication.font().pointSizeF()
    prefs.text_size = "larger"
    try:
        configure_application(qapp, prefs)
        assert abs(QApplication.font().pointSizeF() - normal * 1.3) < 0.6
    finally:
        prefs.text_size = "normal"
        configure_application(qapp, prefs)


def test_the_high_contrast_theme_is_a_second_palette(qapp):
    standard_muted, standard_fail = palette.MUTED, palette.RESULT_COLORS["fail"]
    try:
        apply_theme(qapp, "high_contrast")
        assert palette.MUTED == palette.HIGH_CONTRAST["MUTED"] != standard_muted
        assert palette.RESULT_COLORS["fail"] == palette.HIGH_CONTRAST["FAIL"] != standard_fail
        assert QApplication.palette().color(QApplication.palette().ColorRole.WindowText).name() \
            == "#000000"
    finally:
        apply_theme(qapp, "standard")
        QApplication.setPalette(QApplication.style().standardPalette())
    assert standard_muted == palette.MUTED and palette.RESULT_COLORS["fail"] == standard_fail


def test_the_windows_take_the_theme_chosen_at_start(tmp_path):
    # a fresh process, as at start: the widgets' modules take the theme's colours
    code = (
        "import sys; from PySide6.QtWidgets import QApplication; from PySide6.QtCore import QSettings\n"
        "app = QApplication([])\n"
        "from ui.base.preferences import Preferences; from ui.app import configure_application\n"
        f"p = Preferences(QSettings({str(tmp_path / 'c.ini')!r}, QSettings.Format.IniFormat))\n"
        "p.theme = 'high_contrast'; configure_application(app, p)\n"
        "from ui.inspection_view import checklist_delegate as d\n"
        "from inspection.palette import HIGH_CONTRAST\n"
        "sys.exit(0 if d.MUTED == HIGH_CONTRAST['MUTED'] else 1)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
