"""The checklist as the inspector sees it: search, filter, the tree and its compact rows.

:class:`ChecklistPane` is the left side of the inspection view; :class:`ChecklistView` takes
dropped photo files and leaves digit and N/P keys to the page; :class:`ChecklistDelegate` draws
a row as code, title and a coloured result tag (or a group's progress). The model and the filter
they show are in ui/inspection_view/checklist_model.py.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import MUTED, OVERDUE, PASS
from ui.base.error_reporting import guarded_paint
from ui.base.i18n import tr
from ui.base.widgets import dropped_paths, result_color
from ui.inspection_view.checklist_model import (
    CODE_ROLE,
    FILTERS,
    FINDINGS_ROLE,
    IS_ITEM_ROLE,
    KEY_ROLE,
    OVERDUE_ROLE,
    PHOTOS_ROLE,
    PROGRESS_ROLE,
    RESULT_LABEL_ROLE,
    RESULT_ROLE,
    TITLE_ROLE,
    ChecklistFilter,
    ChecklistModel,
    filter_labels,
)
from ui.session.edit_session import ItemKey

# The "checklist_tree" context: these strings were translated there before the split.


class ChecklistDelegate(QStyledItemDelegate):
    """Code in grey, the title, and on the right a coloured result tag or the group progress."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, round(height * 1.9))

    @guarded_paint
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        painter.save()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_color = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                       else QPalette.ColorRole.Text)
        muted = text_color if selected else QColor(MUTED)
        rect = opt.rect.adjusted(4, 0, -6, 0)
        fm = opt.fontMetrics
        is_item = index.data(IS_ITEM_ROLE)
        right = rect.right()
        # right side: tag or progress
        if is_item:
            label = index.data(RESULT_LABEL_ROLE) or ""
            overdue = index.data(OVERDUE_ROLE)
            if overdue:
                right = self._tag(painter, fm, right, rect, tr("逾期"), QColor(OVERDUE), True)
            if label:
                color = result_color(index.data(RESULT_ROLE))
                right = self._tag(painter, fm, right, rect, label, color, False, selected)
            marks = []
            if index.data(FINDINGS_ROLE):
                marks.append(f"⚑{index.data(FINDINGS_ROLE)}")
            if index.data(PHOTOS_ROLE):
                marks.append(f"▣{index.data(PHOTOS_ROLE)}")
            if marks:
                text = " ".join(marks)
                width = fm.horizontalAdvance(text)
                painter.setPen(muted)
                painter.drawText(QRect(right - width, rect.top(), width, rect.height()),
                                 Qt.AlignmentFlag.AlignVCenter, text)
                right -= width + 6
        else:
            done, total = index.data(PROGRESS_ROLE)
            text = f"{done}/{total}"
            width = fm.horizontalAdvance(text)
            painter.setPen(QColor(PASS) if done == total and total else muted)
            painter.drawText(QRect(right - width, rect.top(), width, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter, text)
            right -= width + 8
        # left side: code and title
        code = index.data(CODE_ROLE) or ""
        title = index.data(TITLE_ROLE) or ""
        font = QFont(opt.font)
        if not is_item:
            font.setBold(True)
        painter.setFont(font)
        fm2 = painter.fontMetrics()
        painter.setPen(muted)
        code_width = fm2.horizontalAdvance(code + "  ")
        left = rect.left()
        painter.drawText(QRect(left, rect.top(), code_width, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter, code)
        left += code_width
        painter.setPen(text_color)
        available = max(0, right - left)
        painter.drawText(QRect(left, rect.top(), available, rect.height()),
                         Qt.AlignmentFlag.AlignVCenter,
                         fm2.elidedText(title, Qt.TextElideMode.ElideRight, available))
        painter.restore()

    @staticmethod
    def _tag(painter: QPainter, fm, right: int, rect: QRect, text: str, color: QColor,
             filled: bool, on_highlight: bool = False) -> int:
        width = fm.horizontalAdvance(text) + 12
        height = fm.height() + 2
        box = QRect(right - width, rect.top() + (rect.height() - height) // 2, width, height)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(color)
        fill = QColor(color)
        if on_highlight:
            fill = QColor("white")
        elif not filled:
            fill.setAlpha(28)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("white") if filled else color)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        return box.left() - 6


class ChecklistView(QTreeView):
    """The tree; dropping photo files on an item attaches them to it."""

    files_dropped = Signal(object, list)  # item key (or None), paths
    key_unused = Signal(str)  # a result digit no shortcut took (e.g. the inspection is signed)

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
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasUrls():
            index = self.indexAt(event.position().toPoint())
            if index.isValid() and index.data(IS_ITEM_ROLE) and self.isEnabled():
                event.acceptProposedAction()
            else:
                event.ignore()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        paths = dropped_paths(event.mimeData())
        index = self.indexAt(event.position().toPoint())
        if paths and index.isValid() and index.data(IS_ITEM_ROLE):
            event.acceptProposedAction()
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
        self.search.returnPressed.connect(lambda: self.tree.setFocus())
        layout.addWidget(self.tree, 1)
        self.empty = QLabel(tr("没有符合筛选条件的条目"), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty)

    def select(self, key: ItemKey | None) -> None:
        if key is None:
            return
        self.proxy.set_pinned(tuple(key))
        index = self.proxy.mapFromSource(self.model.index_of(tuple(key)))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.reveal(index)

    def reveal(self, index: QModelIndex) -> None:
        """Scroll to *index*, centring it when it was out of sight (a jump, not a step)."""
        self.tree.scrollTo(index)
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

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._after_filter()

    def _after_filter(self) -> None:
        self.tree.expandAll()
        self.empty.setVisible(self.proxy.rowCount() == 0)
        current = self.tree.currentIndex()
        if current.isValid():
            self.tree.scrollTo(current)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
