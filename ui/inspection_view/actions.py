"""The inspection view's menu actions, and which result each digit key records.

The main window puts these actions in its 编辑 / 检查 / 照片 / 视图 menus; they are added to the
page too, with shortcuts that act only while the page has focus (the single keys 0–5, N and P
would otherwise fire in the home list). What an action does stays on the page; this module only
builds, labels and enables them.
"""
from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack

from checklists.model import Node, NodeKind, Template
from inspection.model import Inspection, Status
from ui.base.i18n import bracketed, result_label, tr
from ui.camera.devices import CameraAvailability, camera_availability
from ui.inspection_view.checklist_model import filter_labels


class ActionTarget(Protocol):
    """What the actions act on: the inspection page (a QWidget that holds the shortcuts)."""

    undo_stack: QUndoStack
    auto_advance: bool

    def addAction(self, action: QAction) -> None: ...
    def undo(self) -> None: ...
    def redo(self) -> None: ...
    def focus_search(self) -> None: ...
    def key_result(self, digit: int) -> None: ...
    def toggle_note(self) -> None: ...
    def edit_park_location(self) -> None: ...
    def move_unanswered(self, step: int) -> None: ...
    def move_commented(self, step: int) -> None: ...
    def add_finding(self) -> None: ...
    def toggle_completed(self) -> None: ...
    def set_auto_advance(self, on: bool) -> None: ...
    def import_item_photos(self) -> None: ...
    def import_overall_photos(self) -> None: ...
    def take_photos(self) -> None: ...
    def show_tab(self, index: int) -> None: ...
    def set_filter(self, mode: str) -> None: ...


# The "inspection_page" context: these strings were translated there before the split.


def digit_results(template: Template | None, node: Node | None) -> dict[int, str]:
    """The result key each digit records on *node*: 1, 2 … along the scale; 0–5 a star level.

    A star indicator takes digits only when the inspector judges its level (评定等级) directly.
    """
    if template is None or node is None or not node.is_item:
        return {}
    if node.kind is NodeKind.STAR:
        return {n: str(n) for n in range(0, 6)} if node.attrs.get("judged") else {}
    return {n: option.key for n, option in enumerate(template.result_scale, start=1)}


class InspectionActions:
    """The page's actions, grouped by menu in :meth:`menus`."""

    def __init__(self, page: ActionTarget) -> None:
        self.page = page
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut

        def action(text: str, slot, shortcut=None, *, checkable=False) -> QAction:
            act = QAction(text, page)
            if shortcut is not None:
                keys = shortcut if isinstance(shortcut, list) else [shortcut]
                act.setShortcuts([QKeySequence(k) for k in keys])
                act.setToolTip(bracketed(text, act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
            act.setShortcutContext(ctx)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            page.addAction(act)
            return act

        # Not the stack's own actions: the page shows the item an undo changes and says what.
        stack = page.undo_stack
        self.undo = QAction(tr("撤销"), page)
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo.triggered.connect(page.undo)
        self.redo = QAction(tr("重做"), page)
        self.redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo.triggered.connect(page.redo)
        for act, hint in ((self.undo, "Ctrl+Z"), (self.redo, "Ctrl+Y / Ctrl+Shift+Z")):
            act.setShortcutContext(ctx)
            act.setToolTip(bracketed(act.text(), hint))
            page.addAction(act)

        def name(act: QAction, plain: str, text: str) -> None:
            act.setText(tr("{0} {1}").format(plain, text) if text else plain)

        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: name(self.undo, tr("撤销"), text))
        stack.redoTextChanged.connect(lambda text: name(self.redo, tr("重做"), text))
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        self.find = action(tr("查找条目"), page.focus_search, QKeySequence.StandardKey.Find)
        self.results = [action(tr("结果 {0}").format(n), lambda _=False, n=n: page.key_result(n),
                               str(n)) for n in range(0, 6)]
        self.next = action(tr("下一个未检查条目"), lambda: page.move_unanswered(1), "N")
        self.previous = action(tr("上一个未检查条目"), lambda: page.move_unanswered(-1), "P")
        # The office's 退回 comments (ui/office/review_notes.py marks the items in the tree).
        self.next_comment = action(tr("下一条审核意见"), lambda: page.move_commented(1), "F8")
        self.previous_comment = action(tr("上一条审核意见"), lambda: page.move_commented(-1),
                                       "Shift+F8")
        self.note = action(tr("编辑备注 / 回到检查表"), page.toggle_note, "F2")
        self.add_finding = action(tr("添加整改项…"), page.add_finding, "Ctrl+Shift+F")
        self.status = action(tr("标记为已完成"), page.toggle_completed)
        self.park_location = action(tr("园区位置…"), page.edit_park_location)
        self.auto_advance = action(tr("答题后自动跳到下一项"), page.set_auto_advance,
                                   checkable=True)
        self.auto_advance.setChecked(page.auto_advance)
        self.add_photos = action(tr("为当前条目添加照片…"),
                                 page.import_item_photos, "Ctrl+I")
        self.add_overall_photos = action(
            tr("添加整体照片…"), page.import_overall_photos, "Ctrl+Shift+I")
        self.take_photos = action(tr("拍照…"), page.take_photos, "Ctrl+Shift+K")
        self.views = [action(tr("检查表"), lambda: page.show_tab(0), "Ctrl+1"),
                      action(tr("整体照片"), lambda: page.show_tab(1), "Ctrl+2"),
                      action(tr("汇总"), lambda: page.show_tab(2), "Ctrl+3")]
        group = QActionGroup(page)
        self.filters: dict[str, QAction] = {}
        for key, label in filter_labels().items():
            act = action(tr("筛选：{0}").format(label), lambda _=False, k=key: page.set_filter(k),
                         checkable=True)
            group.addAction(act)
            self.filters[key] = act
        self.filters["all"].setChecked(True)
        self.update_results(None, None, read_only=False)
        self.show_comments(0)

    def show_comments(self, count: int) -> None:
        """下一条/上一条审核意见 only while the office's comments are marked in the tree."""
        tip = tr("跳到审核意见所在的条目（共 {0} 条）").format(count) if count \
            else tr("没有审核意见（中心退回并附条目意见时可用）")
        for act, keys in ((self.next_comment, "F8"), (self.previous_comment, "Shift+F8")):
            act.setEnabled(bool(count))
            act.setToolTip(f"{tip}（{keys}）")
            act.setStatusTip(tip)

    def menus(self) -> dict[str, list[QAction]]:
        """The actions of each of the main window's menus, in menu order."""
        return {"edit": [self.undo, self.redo, self.find],
                "inspection": [*self.results, self.next, self.previous, self.next_comment,
                               self.previous_comment, self.note, self.add_finding,
                               self.auto_advance, self.park_location, self.status],
                "photos": [self.add_photos, self.add_overall_photos, self.take_photos],
                "view": [*self.views, *self.filters.values()]}

    def update_results(self, template: Template | None, node: Node | None, *,
                       read_only: bool) -> None:
        """Name the digit actions after the results they record on *node* (结果 1 … when none)."""
        options = {n: result_label(key) for n, key in digit_results(template, node).items()}
        for n, act in enumerate(self.results):
            label = options.get(n)
            act.setText(tr("记录结果：{0}").format(label) if label else tr("结果 {0}").format(n))
            # With no item on screen the menu still shows 1–4, so the keys can be discovered.
            act.setVisible(bool(label) or (n in (1, 2, 3, 4) and not options))
            act.setEnabled(bool(label) and not read_only)

    def show_inspection(self, inspection: Inspection) -> None:
        """The status action's wording and which edits a signed (locked) inspection allows."""
        self.status.setText(tr("重新打开（继续检查）") if inspection.status is Status.COMPLETED
                            else tr("标记为已完成"))
        self.status.setEnabled(not inspection.locked)
        for act in (self.add_finding, self.add_photos):
            act.setEnabled(not inspection.locked)
        self.show_camera(camera_availability(), locked=inspection.locked)

    def show_camera(self, availability: CameraAvailability, *, locked: bool) -> None:
        """拍照… is there only with a camera; otherwise disabled, saying why."""
        self.take_photos.setEnabled(availability.usable and not locked)
        reason = availability.reason or tr("用摄像头拍照，照片直接添加到当前条目（Ctrl+Shift+K）")
        self.take_photos.setToolTip(reason)
        self.take_photos.setStatusTip(reason)
        self.take_photos.setText(tr("拍照…") if availability.usable else tr("拍照（不可用）"))
