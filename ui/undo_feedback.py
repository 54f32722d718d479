"""Undo and redo that say what they did: the item changed is brought into view (it may be one
the inspector cannot see) and "已撤销：<what>（<item code>）" goes to the status bar."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the page calls in here: importing it would be circular
    from ui.inspection_page import InspectionPage


def tr(text: str) -> str:
    return QCoreApplication.translate("undo_feedback", text)


def step_history(page: InspectionPage, *, forward: bool) -> str | None:
    """Undo (or redo, *forward*) one step of the page's stack; returns the message shown."""
    stack = page.undo_stack
    if not (stack.canRedo() if forward else stack.canUndo()):
        return None
    command = stack.command(stack.index() if forward else stack.index() - 1)
    text = stack.redoText() if forward else stack.undoText()
    target = command.target(forward) if hasattr(command, "target") else None
    if forward:
        stack.redo()
    else:
        stack.undo()
    if target is not None:
        bring_into_view(page, tuple(target))
    where = (target[1] or tr("整体照片")) if target is not None else ""
    message = (tr("已重做：{0}") if forward else tr("已撤销：{0}")).format(text)
    if where and where not in text:  # "1-1-4 不符合" names its item already
        message += tr("（{0}）").format(where)
    page.status_message.emit(message)
    page.header.flash(message)
    return message


def bring_into_view(page: InspectionPage, key: tuple) -> None:
    """Show an item in the checklist (or, for (None, None), the overall photos tab)."""
    if key == (None, None):
        page.tabs.setCurrentWidget(page.overall)
        return
    page.tabs.setCurrentIndex(0)
    if key != page.panel.key:
        page.select(key)
        if key != page.panel.key:  # hidden by the search or the filter: show everything
            page.pane.search.clear()
            page.set_filter("all")
            page.select(key)
