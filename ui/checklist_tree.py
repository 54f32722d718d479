"""The checklist tree: a model over the applied templates, a filter, and a compact delegate.

One top-level branch per template when several are applied; groups show "answered / total";
items show their result as a coloured tag (不符合 and overdue action items in red). The filter
proxy filters recursively (unanswered / 不符合 / with findings / without photos, and a search over
code, title and text) and never hides the item the inspector is on.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import (QAbstractItemModel, QCoreApplication, QModelIndex, QRect, QSize,
                            QSortFilterProxyModel, Qt, Signal)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView,
                               QVBoxLayout, QWidget)

from checklists.model import Node, NodeKind, Template, TemplateKind
from checklists.scoring import is_overdue
from inspection.results import is_answered
from ui.commands import EditSession, ItemKey
from ui.widgets import MUTED, OVERDUE_COLOR, dropped_paths, result_color

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (template id, code) of an item or group; None: template
IS_ITEM_ROLE = Qt.ItemDataRole.UserRole + 2
CODE_ROLE = Qt.ItemDataRole.UserRole + 3
TITLE_ROLE = Qt.ItemDataRole.UserRole + 4
RESULT_ROLE = Qt.ItemDataRole.UserRole + 5  # result key or None
RESULT_LABEL_ROLE = Qt.ItemDataRole.UserRole + 6
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 7  # (answered, total) of a group
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 8
PHOTOS_ROLE = Qt.ItemDataRole.UserRole + 9
FINDINGS_ROLE = Qt.ItemDataRole.UserRole + 10  # open findings
ANSWERED_ROLE = Qt.ItemDataRole.UserRole + 11
TEMPLATE_ROLE = Qt.ItemDataRole.UserRole + 12

FILTERS = ("all", "unanswered", "fail", "findings", "no_photos")


def tr(text: str) -> str:
    return QCoreApplication.translate("checklist_tree", text)


def filter_labels() -> dict[str, str]:
    return {"all": tr("全部条目"), "unanswered": tr("未检查"), "fail": tr("不符合 / 滞后"),
            "findings": tr("有整改项"), "no_photos": tr("无照片")}


class Entry:
    """A row of the tree: a template (node None), a group or an item."""

    __slots__ = ("template", "node", "parent", "children", "row", "item_keys", "search_text")

    def __init__(self, template: Template, node: Node | None, parent: "Entry | None", row: int):
        self.template, self.node, self.parent, self.row = template, node, parent, row
        self.children: list[Entry] = []
        self.item_keys: list[ItemKey] = []
        self.search_text = ""

    @property
    def key(self) -> ItemKey | None:
        return None if self.node is None else (self.template.id, self.node.code)

    @property
    def is_item(self) -> bool:
        return self.node is not None and self.node.is_item


class ChecklistModel(QAbstractItemModel):
    """The applied templates' trees over an :class:`EditSession`'s answers."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session: EditSession | None = None
        self._roots: list[Entry] = []
        self._entries: dict[ItemKey, Entry] = {}
        self._done: dict[ItemKey, bool] = {}
        self._photos: dict[ItemKey, int] = {}
        self._findings: dict[ItemKey, int] = {}
        self._as_of = date.today()

    def set_session(self, session: EditSession | None) -> None:
        self.beginResetModel()
        if self.session is not None:
            self.session.answer_changed.disconnect(self._on_answer)
            self.session.photos_changed.disconnect(self._on_evidence)
            self.session.findings_changed.disconnect(self._on_evidence)
        self.session = session
        self._roots, self._entries = [], {}
        if session is not None:
            self._as_of = date.fromisoformat(session.inspection.date)
            self._build(session.templates)
            session.answer_changed.connect(self._on_answer)
            session.photos_changed.connect(self._on_evidence)
            session.findings_changed.connect(self._on_evidence)
            self._count_evidence()
            self._done = {key: self._answered(key) for key, e in self._entries.items() if e.is_item}
        self.endResetModel()

    def _build(self, templates: list[Template]) -> None:
        several = len(templates) > 1

        def add(template: Template, node: Node, parent: Entry | None, row: int) -> Entry:
            entry = Entry(template, node, parent, row)
            entry.search_text = " ".join((node.code, node.title, node.text)).casefold()
            self._entries[(template.id, node.code)] = entry
            entry.children = [add(template, child, entry, i) for i, child in enumerate(node.children)]
            entry.item_keys = ([(template.id, node.code)] if node.is_item else []) + \
                [k for child in entry.children for k in child.item_keys]
            return entry

        for position, template in enumerate(templates):
            if several:
                root = Entry(template, None, None, position)
                root.search_text = template.short_title.casefold()
                root.children = [add(template, n, root, i) for i, n in enumerate(template.nodes)]
                root.item_keys = [k for child in root.children for k in child.item_keys]
                self._roots.append(root)
            else:
                self._roots = [add(template, n, None, i) for i, n in enumerate(template.nodes)]

    # --- lookups ---------------------------------------------------------------------------

    def entry(self, index: QModelIndex) -> Entry | None:
        return index.internalPointer() if index.isValid() else None

    def index_of(self, key: ItemKey) -> QModelIndex:
        entry = self._entries.get(key)
        return QModelIndex() if entry is None else self.createIndex(entry.row, 0, entry)

    def item_keys(self) -> list[ItemKey]:
        """Every item in tree order."""
        return [k for root in self._roots for k in root.item_keys]

    def is_done(self, key: ItemKey) -> bool:
        return self._done.get(key, False)

    def photo_count(self, key: ItemKey) -> int:
        return self._photos.get(key, 0)

    def finding_count(self, key: ItemKey) -> int:
        return self._findings.get(key, 0)

    def result_of(self, key: ItemKey) -> str | None:
        answer = self.session.answer(*key) if self.session else None
        return answer.result if answer else None

    def progress(self) -> tuple[int, int]:
        keys = self.item_keys()
        return sum(1 for k in keys if self._done.get(k)), len(keys)

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        children = self.entry(parent).children if parent.isValid() else self._roots
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # noqa: A003
        entry = self.entry(index)
        if entry is None or entry.parent is None:
            return QModelIndex()
        return self.createIndex(entry.parent.row, 0, entry.parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return len(self.entry(parent).children) if parent.isValid() else len(self._roots)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemIsDropEnabled

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry(index)
        if entry is None:
            return None
        node, template = entry.node, entry.template
        if role == Qt.ItemDataRole.DisplayRole:
            return template.short_title if node is None else f"{node.code} {node.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return template.title if node is None else f"{node.code} {node.title}"
        if role == KEY_ROLE:
            return entry.key
        if role == TEMPLATE_ROLE:
            return template.id
        if role == IS_ITEM_ROLE:
            return entry.is_item
        if role == CODE_ROLE:
            return template.id if node is None else node.code
        if role == TITLE_ROLE:
            return template.short_title if node is None else node.title
        if role == PROGRESS_ROLE:
            keys = entry.item_keys
            return sum(1 for k in keys if self._done.get(k)), len(keys)
        if not entry.is_item:
            return None
        key = entry.key
        if role == ANSWERED_ROLE:
            return self._done.get(key, False)
        if role == RESULT_ROLE:
            return self.result_of(key)
        if role == RESULT_LABEL_ROLE:
            return self._result_label(entry)
        if role == OVERDUE_ROLE:
            return template.kind is TemplateKind.ACTION_PLAN and \
                is_overdue(node, self.result_of(key), as_of=self._as_of)
        if role == PHOTOS_ROLE:
            return self._photos.get(key, 0)
        if role == FINDINGS_ROLE:
            return self._findings.get(key, 0)
        return None

    def _result_label(self, entry: Entry) -> str:
        result = self.result_of(entry.key)
        if entry.node.kind is NodeKind.STAR:
            if result is not None:
                return entry.template.option(result).label
            return tr("已填写") if self._done.get(entry.key) else ""
        return entry.template.option(result).label if result is not None else ""

    # --- updates from the session -------------------------------------------------------------

    def _answered(self, key: ItemKey) -> bool:
        entry = self._entries[key]
        return is_answered(entry.template, entry.node, self.session.answer(*key),
                           self.session.park.park_type)

    def _on_answer(self, template_id: str, code: str) -> None:
        key = (template_id, code)
        entry = self._entries.get(key)
        if entry is None:
            return
        self._done[key] = self._answered(key)
        while entry is not None:  # the item and the progress of every group above it
            index = self.createIndex(entry.row, 0, entry)
            self.dataChanged.emit(index, index)
            entry = entry.parent

    def _count_evidence(self) -> None:
        self._photos, self._findings = {}, {}
        for photo in self.session.photos.values():
            if photo.item_code is not None:
                key = (photo.template_id, photo.item_code)
                self._photos[key] = self._photos.get(key, 0) + 1
        for finding in self.session.findings.values():
            if finding.status.value == "open":
                key = (finding.template_id, finding.item_code)
                self._findings[key] = self._findings.get(key, 0) + 1

    def _on_evidence(self) -> None:
        self._count_evidence()

        def touch(entries: list[Entry]) -> None:
            if entries:
                first, last = entries[0], entries[-1]
                self.dataChanged.emit(self.createIndex(first.row, 0, first),
                                      self.createIndex(last.row, 0, last))
                for entry in entries:
                    touch(entry.children)
        touch(self._roots)


class ChecklistFilter(QSortFilterProxyModel):
    """Recursive filter by state and search text; the pinned item always stays visible."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setDynamicSortFilter(False)  # re-filtered on purpose, not under the user's hands
        self._terms: list[str] = []
        self.mode = "all"
        self.pinned: ItemKey | None = None

    def set_search(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_terms", text.casefold().split()))

    def set_mode(self, mode: str) -> None:
        self._refilter(lambda: setattr(self, "mode", mode if mode in FILTERS else "all"))

    def set_pinned(self, key: ItemKey | None) -> None:
        if key == self.pinned:
            return
        if self.active:
            self._refilter(lambda: setattr(self, "pinned", key))
        else:  # nothing is filtered out: no need to filter again
            self.pinned = key

    def refilter(self) -> None:
        self._refilter(lambda: None)

    @property
    def active(self) -> bool:
        return bool(self._terms) or self.mode != "all"

    def _refilter(self, change) -> None:
        self.beginFilterChange()
        change()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model: ChecklistModel = self.sourceModel()
        entry = model.entry(model.index(source_row, 0, source_parent))
        if entry is None:
            return False
        if not entry.is_item:  # a group shows its children when its own title matches
            return self.mode == "all" and bool(self._terms) and self._matches(entry)
        if entry.key == self.pinned:
            return True
        return self._matches(entry) and self._state_matches(model, entry.key)

    def _matches(self, entry: Entry) -> bool:
        return all(term in entry.search_text for term in self._terms)

    def _state_matches(self, model: ChecklistModel, key: ItemKey) -> bool:
        mode = self.mode
        if mode == "unanswered":
            return not model.is_done(key)
        if mode == "fail":
            result = model.result_of(key)
            overdue = model.data(model.index_of(key), OVERDUE_ROLE)
            return result in ("fail", "delayed") or bool(overdue)
        if mode == "findings":
            return model.finding_count(key) > 0
        if mode == "no_photos":
            return model.photo_count(key) == 0
        return True


class ChecklistDelegate(QStyledItemDelegate):
    """Code in grey, the title, and on the right a coloured result tag or the group progress."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        height = option.fontMetrics.height()
        return QSize(200, round(height * 1.9))

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
                right = self._tag(painter, fm, right, rect, tr("逾期"), QColor(OVERDUE_COLOR), True)
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
            painter.setPen(QColor("#2e7d32") if done == total and total else muted)
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


if __name__ == "__main__":
    from ui.widgets import demo_edit_session

    app, runner, session = demo_edit_session(photos=2)
    pane = ChecklistPane()
    pane.model.set_session(session)
    pane.tree.expandAll()
    pane.resize(460, 760)
    pane.show()
    app.exec()
