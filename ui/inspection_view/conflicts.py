"""冲突待核 in the window: items both laptops changed, and the lead inspector's pick.

After a bundle merged an item both sides had changed, both values are kept (the store's
``conflicts``). The checklist marks such items; the item panel shows both values with
保留本机 / 采用对方; a pick is an undoable edit (Ctrl+Z opens the conflict again). Signing waits
while any conflict is open (the sign dialog lists them).
"""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from inspection.palette import PARTIAL, SURFACE_GUIDANCE
from inspection.store import ConflictRecord, Store
from ui.base.i18n import result_label, tr
from ui.base.tasks import TaskRunner
from ui.session.edit_session import EditSession, ItemKey
from ui.session.undo_commands import StoreCommand


def entity_label(entity: str) -> str:
    return {"answer": tr("检查结果"), "finding": tr("整改项"), "photo": tr("照片"),
            "signature": tr("手写签名"), "inspection": tr("检查信息")}[entity]


def side_text(entity: str, side: dict) -> str:
    """One side of a conflict in a line: what it says (or that it was deleted)."""
    record = side.get("record")
    if record is None:
        return tr("（已删除）")
    if entity == "answer":
        parts = [result_label(record["result"]) if record.get("result") else tr("未选结果")]
        if record.get("value"):
            parts.append("、".join(f"{k}={v}" for k, v in record["value"].items()))
        if record.get("note"):
            parts.append(tr("备注：{0}").format(record["note"]))
        return "；".join(parts)
    if entity == "finding":
        state = tr("已整改") if record["status"] == "closed" else tr("待整改")
        return f"{record['requirement']}（{state}）"
    if entity == "photo":
        where = tr("整体照片") if record.get("item_code") is None else record["item_code"]
        text = record.get("caption") or record.get("original_name") or ""
        return tr("{0}，归于 {1}{2}").format(text, where,
                                           tr("，已删除") if record.get("deleted_at") else "")
    if entity == "signature":
        return tr("{0} 的签名（{1}）").format(record["name"], record.get("signed_at", "")[:16])
    return tr("日期 {0}；检查人员 {1}；单位 {2}").format(
        record["date"], "、".join(record["inspectors"]), record["organisation"] or "—")


class ConflictState(QObject):
    """The open conflicts of the inspection on the page, read after loading and each pick."""

    changed = Signal()

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.inspection_id: str | None = None
        self.conflicts: list[ConflictRecord] = []

    def load(self, inspection_id: str) -> None:
        self.inspection_id = inspection_id
        self.runner.db(lambda store: store.conflicts(inspection_id),
                       lambda found: self._arrived(inspection_id, found))

    def reload(self) -> None:
        if self.inspection_id is not None:
            self.load(self.inspection_id)

    def _arrived(self, inspection_id: str, found: list[ConflictRecord]) -> None:
        if inspection_id == self.inspection_id:
            self.conflicts = list(found)
            self.changed.emit()

    def items(self) -> set[ItemKey]:
        return {c.item for c in self.conflicts if c.item is not None}

    def for_item(self, key: ItemKey | None) -> list[ConflictRecord]:
        return [c for c in self.conflicts if c.item == key and key is not None]


class ConflictBox(QFrame):
    """The panel's 冲突待核 box: both values of each conflict of the item, and the pick."""

    picked = Signal(object, str)  # the ConflictRecord, "mine" | "theirs"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictBox")
        self.setStyleSheet(f"QFrame#conflictBox {{ background: {SURFACE_GUIDANCE};"
                           f" border: 2px solid {PARTIAL}; border-radius: 4px; }}")
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(10, 8, 10, 8)
        self.buttons: list[tuple[QPushButton, QPushButton]] = []
        self.read_only = False
        self.hide()

    def show_conflicts(self, conflicts: list[ConflictRecord], *, read_only: bool = False) -> None:
        while self.column.count():
            item = self.column.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.buttons = []
        self.read_only = read_only
        if not conflicts:
            self.hide()
            return
        title = QLabel(tr("<b style='color:{0}'>冲突待核</b>　两台电脑都改过此条目，请选定保留哪一方"
                          "（选定后可撤销）：").format(PARTIAL))
        title.setWordWrap(True)
        title.setTextFormat(Qt.TextFormat.RichText)
        self.column.addWidget(title)
        for conflict in conflicts:
            self.column.addWidget(self._row(conflict))
        self.show()

    def _row(self, conflict: ConflictRecord) -> QWidget:
        row = QWidget(self)
        layout = QVBoxLayout(row)
        layout.setContentsMargins(0, 4, 0, 0)
        what = QLabel(f"<b>{html.escape(entity_label(conflict.entity))}</b>", row)
        what.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(what)
        mine = QPushButton(tr("保留本机"), row)
        theirs = QPushButton(tr("采用对方"), row)
        for button, label, side, choice in (
                (mine, tr("本机"), conflict.mine, "mine"),
                (theirs, tr("对方（{0}）").format(conflict.source or tr("导入的检查包")),
                 conflict.theirs, "theirs")):
            line = QHBoxLayout()
            text = QLabel(f"{html.escape(label)}：{html.escape(side_text(conflict.entity, side))}",
                          row)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            line.addWidget(text, 1)
            button.setEnabled(not self.read_only)
            button.clicked.connect(lambda _checked=False, c=choice: self.picked.emit(conflict, c))
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(line)
        self.buttons.append((mine, theirs))
        return row


class PickConflict(StoreCommand):
    """保留本机 / 采用对方 for one conflict; undo opens it again with the value it had."""

    def __init__(self, session: EditSession, state: ConflictState, conflict: ConflictRecord,
                 choice: str) -> None:
        text = tr("保留本机：{0}") if choice == "mine" else tr("采用对方：{0}")
        super().__init__(session, text.format(" ".join(conflict.item or (entity_label(conflict.entity),))))
        self.key = conflict.item
        self.state, self.conflict_id, self.choice = state, conflict.id, choice

    def write(self, store: Store, forward: bool) -> Any:
        if forward:
            return store.resolve_conflict(self.conflict_id, self.choice)
        return store.reopen_conflict(self.conflict_id)

    def confirm(self, result: Any, forward: bool) -> None:
        self.session.apply(result)
        self.state.reload()


class ConflictController(QObject):
    """Wires the conflicts into an inspection page: the tree's marks, the panel's box, picks."""

    def __init__(self, page: Any) -> None:
        super().__init__(page)
        self.page = page
        self.state = ConflictState(page.runner, self)
        self.state.changed.connect(self._show)
        page.pane.current_changed.connect(lambda _index: self._show_box())
        page.panel.conflicts.picked.connect(self._pick)

    def load(self, inspection_id: str) -> None:
        self.state.conflicts = []
        self.state.load(inspection_id)

    def _show(self) -> None:
        self.page.model.set_conflicts(self.state.items())
        self._show_box()

    def _show_box(self) -> None:
        session = self.page.session
        self.page.panel.conflicts.show_conflicts(
            self.state.for_item(self.page.panel.key),
            read_only=session is None or session.read_only)

    def _pick(self, conflict: ConflictRecord, choice: str) -> None:
        if self.page.session is not None:
            self.page.undo_stack.push(PickConflict(self.page.session, self.state, conflict, choice))
