"""The open inspection's status as the page shows and changes it: the header title, 标记为已完成
and back (继续检查), and reopening a signed inspection as its next revision.

Changes go through the :class:`~ui.session.edit_session.EditSession` like any edit, so the save state
and a refusal by the store are reported the same way; the page redraws when the store confirms.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QWidget

from inspection.model import Inspection, Status
from ui.base.i18n import status_label, tr
from ui.session.edit_session import EditSession

# The "inspection_page" context: these strings were translated there before the split.


def inspection_title(inspection: Inspection) -> str:
    """园区 · 日期 · 状态, for the page header and the window title."""
    return f"{inspection.park_name} · {inspection.date} · {status_label(inspection.status)}"


def complete_or_resume(session: EditSession, *, before_completing: Callable[[], None]) -> None:
    """Mark the inspection 已完成, or take a completed one back to 检查中.

    *before_completing* queues what is still being typed, so it is saved before the status.
    """
    iid = session.id
    if session.inspection.status is Status.COMPLETED:
        session.write(lambda store: store.reopen(iid), session.replace_inspection)
    else:
        before_completing()
        session.write(lambda store: store.set_status(iid, Status.COMPLETED),
                      session.replace_inspection)


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
