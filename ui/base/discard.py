"""Asking before a dialog throws away work: Esc, 取消 or the window's close button on a
dialog where something was done (a stroke drawn, fields typed) first asks 放弃…？; with nothing
done the dialog just closes.

A dialog keeps a :class:`DiscardGuard` and lets it decide in its ``reject``::

    def reject(self) -> None:
        if self.discard.may_close():
            super().reject()
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from ui.base.i18n import tr


class DiscardGuard:
    """*has_work()* says whether closing would lose something; *text* is the question."""

    def __init__(self, dialog: QDialog, has_work: Callable[[], bool], text: str,
                 informative: str = "") -> None:
        self.dialog, self.has_work = dialog, has_work
        self.text, self.informative = text, informative
        self.question: QMessageBox | None = None

    def may_close(self) -> bool:
        """True when the dialog may close now; else the question is opened (non-blocking) and
        放弃 closes the dialog, 继续编辑 leaves it as it was."""
        if not self.has_work():
            return True
        if self.question is not None and self.question.isVisible():
            return False
        box = QMessageBox(QMessageBox.Icon.Question, self.dialog.windowTitle(), self.text,
                          QMessageBox.StandardButton.NoButton, self.dialog)
        if self.informative:
            box.setInformativeText(self.informative)
        discard = box.addButton(tr("放弃"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(tr("继续编辑"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)  # a second Esc keeps the work
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: QDialog.reject(self.dialog) if button is discard else None)
        self.question = box
        box.open()
        return False
