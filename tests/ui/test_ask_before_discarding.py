"""Esc or 取消 on a dialog where work was done (a signature drawn, fields typed) asks first;
with nothing done the dialog just closes."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspection.model import SignerRole
from tests.ui.test_signature_pad import draw, wave
from ui.home.new_inspection import NewInspectionDialog
from ui.reports.signatures_dialog import SignDialog, Signer


def question(dialog) -> QMessageBox | None:
    shown = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    return shown[0] if shown else None


def button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def test_esc_on_a_drawn_signature_asks_and_keeps_it_unless_told(qtbot):
    dialog = SignDialog(Signer(SignerRole.INSPECTOR, "王建国"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    draw(dialog.pad, wave())
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question(dialog)
    assert box is not None and dialog.isVisible() and "签名" in box.text()
    button(box, "继续编辑").click()
    assert dialog.isVisible() and not dialog.pad.is_empty()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    button(question(dialog), "放弃").click()
    assert not dialog.isVisible() and dialog.result() == dialog.DialogCode.Rejected


def test_esc_on_an_empty_signature_closes_at_once(qtbot):
    dialog = SignDialog(Signer(SignerRole.INSPECTOR, "王建国"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and question(dialog) is None


def test_esc_in_new_inspection_asks_once_fields_were_typed(qtbot, inline_runner, prefs):
    dialog = NewInspectionDialog(inline_runner, prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.park_name.setText("星河智造小微企业园")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = question(dialog)
    assert box is not None and dialog.isVisible()
    button(box, "继续编辑").click()
    assert dialog.isVisible() and dialog.park_name.text() == "星河智造小微企业园"
    dialog.reject()
    button(question(dialog), "放弃").click()
    assert not dialog.isVisible()


def test_esc_in_an_untouched_new_inspection_closes_at_once(qtbot, inline_runner, prefs):
    dialog = NewInspectionDialog(inline_runner, prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and question(dialog) is None
