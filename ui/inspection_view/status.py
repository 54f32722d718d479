"""The open inspection's status as the page shows and changes it: the header title, 标记为已完成
and back (继续检查), and reopening a signed inspection as its next revision.

Changes go through the :class:`~ui.session.edit_session.EditSession` like any edit, so the save state
and a refusal by the store are reported the same way; the page redraws when the store confirms.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from inspection.model import Inspection, Status
from ui.base.i18n import status_label, tr
from ui.session.edit_session import EditSession

# The "inspection_page" context: these strings were translated there before the split.


def inspection_title(inspection: Inspection) -> str:
    """园区 · 日期 · 状态, for the page header and the window title."""
    return f"{inspection.park_name} · {inspection.date} · {status_label(inspection.status)}"


def complete_or_resume(session: EditSession, *, before_completing: Callable[[], None],
                       unchecked: int = 0, parent: QWidget | None = None) -> QMessageBox | None:
    """Mark the inspection 已完成, or take a completed one back to 检查中.

    *before_completing* queues what is still being typed, so it is saved before the status.
    With *unchecked* items left, it asks first (without blocking) and returns the question.
    """
    iid = session.id
    if session.inspection.status is Status.COMPLETED:
        session.write(lambda store: store.reopen(iid), session.replace_inspection)
        return None

    def complete() -> None:
        before_completing()
        session.write(lambda store: store.set_status(iid, Status.COMPLETED),
                      session.replace_inspection)
    if not unchecked:
        complete()
        return None
    box = QMessageBox(QMessageBox.Icon.Question, tr("标记为已完成"),
                      tr("还有 {0} 个条目未检查。仍要标记为已完成吗？").format(unchecked),
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(tr("未检查的条目在报告中显示为“未检查”；之后仍可继续检查。"))
    accept = box.addButton(tr("仍标记为已完成"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.buttonClicked.connect(lambda button: complete() if button is accept else None)
    box.open()
    return box


def ask_reopen_reason(session: EditSession, parent: QWidget) -> QInputDialog:
    """Open (without blocking) the dialog that reopens a signed inspection as a new revision."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(tr("重新打开检查"))
    dialog.setLabelText(tr("重新打开将生成第 {0} 版，已签署的报告保持不变。\n原因（可选）：")
                        .format(session.inspection.revision + 1))
    iid = session.id
    dialog.textValueSelected.connect(lambda reason: session.write(
        lambda store: store.reopen(iid, reason=reason.strip()), session.replace_inspection))
    dialog.open()
    return dialog
