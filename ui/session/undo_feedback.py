"""Undo and redo that say what they did: "已撤销：<what>（<item code>）", and which item the step
changed, so that the page can bring it into view (it may be one the inspector cannot see)."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QUndoStack

from ui.base.i18n import tr


@dataclass(frozen=True)
class Step:
    """What one undo or redo did: the message to show and the item it changed, if any
    ((template id, code), or (None, None) for the overall photos)."""

    message: str
    target: tuple | None


def step_history(stack: QUndoStack, *, forward: bool) -> Step | None:
    """Undo (or redo, *forward*) one step of *stack*; None when there is nothing to do."""
    if not (stack.canRedo() if forward else stack.canUndo()):
        return None
    command = stack.command(stack.index() if forward else stack.index() - 1)
    text = stack.redoText() if forward else stack.undoText()
    target = command.target(forward) if hasattr(command, "target") else None
    if forward:
        stack.redo()
    else:
        stack.undo()
    where = (target[1] or tr("整体照片")) if target is not None else ""
    message = (tr("已重做：{0}") if forward else tr("已撤销：{0}")).format(text)
    if where and where not in text:  # "1-1-4 不符合" names its item already
        message += tr("（{0}）").format(where)
    return Step(message, tuple(target) if target is not None else None)
