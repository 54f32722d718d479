"""A message appearing in a dialog grows the dialog; it never squashes the dialog's fields."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from inspection.signing.keys import WrongPassword
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_report_ui import a_key, add_inspection, open_issue_dialog, opened  # noqa: F401
from ui.reports.key_dialog import CreateKeyDialog


def _full_height(qtbot, *widgets) -> None:
    def ok():
        QApplication.processEvents()
        return all(w.height() >= w.sizeHint().height() for w in widgets)
    qtbot.waitUntil(ok, timeout=2000)


def test_a_password_mismatch_does_not_squash_the_password_fields(qtbot, prefs):
    dialog = CreateKeyDialog(prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.password.setText("abcdefg")
    dialog.repeat.setText("abcdefh")
    assert dialog.mismatch.isVisible()
    _full_height(qtbot, dialog.password, dialog.repeat, dialog.name, dialog.ok_button)
    assert dialog.height() > height


def test_a_wrong_password_does_not_squash_the_sign_dialog(qtbot, opened, prefs,
                                                          data_dir):
    window, _inspection = opened
    a_key(prefs, data_dir)
    dialog = open_issue_dialog(qtbot, window)
    qtbot.waitExposed(dialog)
    dialog._failed(WrongPassword("密码不正确"))
    assert dialog.password_error.isVisible()
    _full_height(qtbot, dialog.signatures_button, dialog.key_button, dialog.password,
                 dialog.copy_path, dialog.sign_button)
    dialog.reject()
