"""Trial 2, F3: the finding dialog's rows stay put while a date is typed and while its
messages come and go; an error goes as soon as a field changes; the date field shows what
is typed."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ui.inspection_view.findings import FindingDialog


def where(dialog):
    for _ in range(3):  # let the layouts settle, as a painted window would
        QApplication.processEvents()
    return (dialog.responsible.mapTo(dialog, dialog.responsible.rect().topLeft()).y(),
            dialog.buttons_y())


def test_rows_do_not_move_while_the_deadline_is_typed(qtbot):
    dialog = FindingDialog(inspection_date=date(2026, 11, 20), item_title="1-1-4 消防通道")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    box = dialog.findChild(QDialogButtonBox)
    dialog.buttons_y = lambda: box.mapTo(dialog, box.rect().topLeft()).y()
    before = where(dialog)
    height = dialog.height()
    dialog.requirement.setPlainText("清理消防通道")
    edit = dialog.deadline.edit
    edit.setFocus()
    edit.selectAll()
    for typed in "2026-1":  # a date before the visit on the way: the warning shows
        qtbot.keyClick(edit, typed)
        assert where(dialog) == before and dialog.height() == height, typed
    edit.setText("2026-01-01")  # before the visit: the warning shows, in its own place
    edit.textEdited.emit(edit.text())
    assert dialog.deadline_warning.isVisible()
    assert where(dialog) == before and dialog.height() == height
    edit.setText("2026-1")
    qtbot.keyClicks(edit, "2-20")
    assert not dialog.deadline_warning.isVisible()
    assert where(dialog) == before and dialog.height() == height
    edit.setText("2026-12-2x")
    edit.textEdited.emit(edit.text())
    dialog._submit()  # refused: the error shows, nothing moves
    assert dialog.error.isVisible() and where(dialog) == before and dialog.height() == height
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # the field changed: the error goes at once
    assert not dialog.error.isVisible()
    assert edit.width() >= edit.fontMetrics().horizontalAdvance("2026-12-20") * 2
