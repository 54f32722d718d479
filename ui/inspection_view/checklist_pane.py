"""The checklist as the inspector sees it: search, filter, the tree and its compact rows.

:class:`ChecklistPane` is the left side of the inspection view; :class:`ChecklistView` takes
dropped photo files and leaves digit and N/P keys to the page; the delegate that draws a row is
in ui/inspection_view/checklist_delegate.py. The model and the filter they show are in
ui/inspection_view/checklist_model.py.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import NOTICE_CAUTION
from ui.base.i18n import tr
from ui.base.widgets import accept_copy_drop, dropped_paths
from ui.inspection_view.checklist_delegate import ChecklistDelegate
from ui.inspection_view.checklist_filter import ChecklistFilter
from ui.inspection_view.checklist_model import (
    FILTERS,
    IS_ITEM_ROLE,
    KEY_ROLE,
    ChecklistModel,
    filter_labels,
)
from ui.session.edit_session import ItemKey


class ChecklistView(QTreeView):
    """The tree; dropping photo files on an item attaches them to it."""

    files_dropped = Signal(object, list)  # item key (or None), paths
    key_unused = Signal(str)  # a result digit no shortcut took (e.g. the inspection is signed)
    text_committed = Signal(str)  # text an input method composed here (meant for the note)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setItemDelegate(ChecklistDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setIndentation(14)
        self.setAnimated(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.drop_target: QPersistentModelIndex | None = None
        self.composing = False  # an input method is composing text here: no single-key commands

    def inputMethodEvent(self, event) -> None:
        self.composing = bool(event.preeditString())
        if event.commitString():
            self.text_committed.emit(event.commitString())
        event.accept()

    def focusOutEvent(self, event) -> None:
        self.composing = False
        super().focusOutEvent(event)

    def keyboardSearch(self, search: str) -> None:
        pass  # digits and N/P are commands here, not a jump to the first matching row

    def keyPressEvent(self, event) -> None:
        text = event.text()
        if text and text in "012345nNpP" and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.key_unused.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            accept_copy_drop(event)
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            index = self.indexAt(event.position().toPoint())
            if index.isValid() and index.data(IS_ITEM_ROLE) and self.isEnabled():
                self._show_drop_target(index if accept_copy_drop(event) else None)
            else:
                self._show_drop_target(None)
                event.ignore()
        else:
            super().dragMoveEvent(event)

    def dragLeaveEvent(self, event) -> None:
        self._show_drop_target(None)
        super().dragLeaveEvent(event)

    def _show_drop_target(self, index: QModelIndex | None) -> None:
        """Frame the row the dragged photos would go to."""
        target = QPersistentModelIndex(index) if index is not None else None
        if target != self.drop_target:
            self.drop_target = target
            self.viewport().update()

    def dropEvent(self, event) -> None:
        self._show_drop_target(None)
        paths = dropped_paths(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if paths and index.isValid() and index.data(IS_ITEM_ROLE) and accept_copy_drop(event):
            self.files_dropped.emit(index.data(KEY_ROLE), paths)
        else:
            event.ignore()


class ChecklistPane(QWidget):
    """The left side of the page: search, filter and the tree; moving between items."""

    current_changed = Signal(object)  # the QModelIndex (of the proxy) now current
    filter_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 0, 8)
        bar = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("搜索编号、标题或内容（Ctrl+F）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.filter_box = QComboBox(self)
        for key, label in filter_labels().items():
            self.filter_box.addItem(label, key)
        self.filter_box.currentIndexChanged.connect(
            lambda _: self.set_filter(self.filter_box.currentData()))
        bar.addWidget(self.search, 1)
        bar.addWidget(self.filter_box)
        layout.addLayout(bar)
        self.model = ChecklistModel(self)
        self.proxy = ChecklistFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = ChecklistView(self)
        self.tree.setModel(self.proxy)
        self.tree.selectionModel().currentChanged.connect(lambda now, _: self.current_changed.emit(now))
        self.search.returnPressed.connect(self.open_first_match)
        self.filter_bar = QFrame(self)
        self.filter_bar.setObjectName("filterBar")
        self.filter_bar.setStyleSheet(
            f"QFrame#filterBar {{ background: {NOTICE_CAUTION[0]}; border: 1px solid"
            f" {NOTICE_CAUTION[1]}; border-radius: 3px; }}")
        bar_row = QHBoxLayout(self.filter_bar)
        bar_row.setContentsMargins(8, 3, 4, 3)
        self.filter_text = QLabel(self.filter_bar)
        self.filter_text.setStyleSheet(f"color: {NOTICE_CAUTION[2]};")
        self.filter_text.setWordWrap(True)
        bar_row.addWidget(self.filter_text, 1)
        self.show_all = QPushButton(tr("显示全部"), self.filter_bar)
        self.show_all.setToolTip(tr("清除搜索和筛选"))
        self.show_all.clicked.connect(self.clear_filters)
        bar_row.addWidget(self.show_all)
        self.filter_bar.hide()
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(tr("没有符合筛选条件的条目"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)

    def select(self, key: ItemKey | None) -> None:
        """Go to *key* (a jump: N/P, undo, a search hit), scrolling it into sight."""
        if key is None:
            return
        self.proxy.set_pinned(tuple(key))
        index = self.proxy.mapFromSource(self.model.index_of(tuple(key)))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.reveal(index)

    def pin(self, key: ItemKey) -> None:
        """Keep *key* (the row just clicked) visible under the filter, at the same place on
        screen: rows that leave the filter above it must not pull it from under the pointer."""
        if key == self.proxy.pinned:
            return
        index = self.proxy.mapFromSource(self.model.index_of(key))
        before = self.tree.visualRect(index).top() if index.isValid() else None
        self.proxy.set_pinned(key)
        index = self.proxy.mapFromSource(self.model.index_of(key))
        if not index.isValid():
            return
        if self.tree.currentIndex() != index:
            self.tree.setCurrentIndex(index)
        if before is not None:
            bar = self.tree.verticalScrollBar()
            bar.setValue(bar.value() + self.tree.visualRect(index).top() - before)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll to *index*, centring it when it was out of sight (a jump, not a step)."""
        rect = self.tree.visualRect(index)
        margin = rect.height() * 2
        if rect.top() < margin or rect.bottom() > self.tree.viewport().height() - margin:
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def next_unanswered(self, current: ItemKey | None, step: int) -> ItemKey | None:
        """The next (step 1) or previous (-1) unanswered item the filter shows, wrapping round."""
        keys = self.model.item_keys()
        if self.proxy.active:
            keys = [k for k in keys if k == current
                    or self.proxy.mapFromSource(self.model.index_of(k)).isValid()]
        start = keys.index(current) if current in keys else (-1 if step > 0 else 0)
        for offset in range(1, len(keys) + 1):
            key = keys[(start + step * offset) % len(keys)]
            if not self.model.is_done(key) and key != current:
                return key
        return None

    def set_filter(self, mode: str) -> None:
        mode = mode if mode in FILTERS else "all"
        self.proxy.set_mode(mode)
        self.filter_box.blockSignals(True)
        self.filter_box.setCurrentIndex(self.filter_box.findData(mode))
        self.filter_box.blockSignals(False)
        self._after_filter()
        self.filter_changed.emit(mode)

    def view_state(self) -> tuple[str, str]:
        """The filter and search text in force (each inspection keeps its own)."""
        return self.proxy.mode, self.search.text()

    def restore_view_state(self, state: tuple[str, str]) -> None:
        mode, text = state
        if self.search.text() != text:
            self.search.setText(text)
        self.set_filter(mode)

    def clear_filters(self) -> None:
        self.restore_view_state(("all", ""))

    def visible_keys(self) -> list[ItemKey]:
        """The items the search and filter show, in tree order."""
        keys = self.model.item_keys()
        if not self.proxy.active:
            return keys
        return [k for k in keys if self.proxy.mapFromSource(self.model.index_of(k)).isValid()]

    def open_first_match(self) -> None:
        """Enter in the search field: the first item found, with the focus in the tree."""
        keys = self.visible_keys()
        if keys and self.search.text().strip():
            self.select(keys[0])
        self.tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self.tree.expandAll()
        self.empty.setVisible(self.proxy.rowCount() == 0)
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current)
        self._show_filter_bar()

    def _show_filter_bar(self) -> None:
        """A filter in force is said above the tree, with the way back to every item."""
        if not self.proxy.active:
            self.filter_bar.hide()
            self.filter_box.setStyleSheet("")
            return
        parts = []
        if self.proxy.mode != "all":
            parts.append(tr("筛选：{0}").format(filter_labels()[self.proxy.mode]))
            self.filter_box.setStyleSheet(f"QComboBox {{ border: 2px solid {NOTICE_CAUTION[1]}; }}")
        else:
            self.filter_box.setStyleSheet("")
        if self.search.text().strip():
            parts.append(tr("搜索：{0}").format(self.search.text().strip()))
        shown, total = len(self.visible_keys()), len(self.model.item_keys())
        parts.append(tr("显示 {0} / {1} 个条目").format(shown, total))
        self.filter_text.setText(tr("，").join(parts))
        self.filter_bar.show()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
