"""Password fields echo a Latin bullet, not the Chinese font's full-width ● (oversized dots)."""
from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from ui.base.widgets import hide_password
from ui.reports.key_dialog import CreateKeyDialog


def test_password_dots_are_the_small_bullet(qtbot, prefs):
    field = QLineEdit()
    qtbot.addWidget(field)
    hide_password(field)
    assert field.echoMode() is QLineEdit.EchoMode.Password
    assert "lineedit-password-character: 8226" in field.styleSheet()
    dialog = CreateKeyDialog(prefs)
    qtbot.addWidget(dialog)
    for box in (dialog.password, dialog.repeat):
        assert "8226" in box.styleSheet() and box.echoMode() is QLineEdit.EchoMode.Password
