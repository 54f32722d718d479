"""The checklist's data: a model over the applied templates and the filter in front of it.

One top-level branch per template when several are applied; groups give "answered / total";
items give their result, its label and whether they are overdue (the view paints 不符合 and
overdue action items red). The filter proxy filters recursively (unanswered / 不符合 / with
findings / without photos, and a search over code, title and text) and never hides the item
the inspector is on (ui/inspection_view/checklist_filter.py). Items the office commented on
carry the comment (ui/office/review_notes.py sets them). The pane, tree and delegate that show
them are in ui/inspection_view/checklist_pane.py.
"""
from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt, Signal

from checklists.model import Node, NodeKind, Template, TemplateKind
from checklists.scoring import is_overdue
from inspection.changes import Change
from inspection.star_levels import answer_level
from ui.base.error_reporting import guarded
from ui.base.i18n import result_label, tr
from ui.session.edit_session import EditSession, ItemKey

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
CONFLICT_ROLE = Qt.ItemDataRole.UserRole + 13  # the item is flagged 冲突待核
COMMENT_ROLE = Qt.ItemDataRole.UserRole + 14  # the office's review comment on the item, or ""

FILTERS = ("all", "unanswered", "fail", "findings", "no_photos")




def filter_labels() -> dict[str, str]:
    return {"all": tr("全部条目"), "unanswered": tr("未检查"), "fail": tr("不符合 / 滞后"),
            "findings": tr("有整改项"), "no_photos": tr("无照片")}


class Entry:
    """A row of the tree: a template (node None), a group or an item."""

    __slots__ = ("template", "node", "parent", "children", "row", "item_keys", "search_text",
                 "shown_title")

    def __init__(self, template: Template, node: Node | None, parent: Entry | None, row: int):
        self.template, self.node, self.parent, self.row = template, node, parent, row
        self.children: list[Entry] = []
        self.item_keys: list[ItemKey] = []
        self.search_text = ""
        self.shown_title = node.title if node is not None else template.short_title

    @property
    def key(self) -> ItemKey | None:
        return None if self.node is None else (self.template.id, self.node.code)

    @property
    def is_item(self) -> bool:
        return self.node is not None and self.node.is_item


class ChecklistModel(QAbstractItemModel):
    """The applied templates' trees over an :class:`EditSession`'s answers."""

    comments_changed = Signal()  # the office's comments shown in the tree changed

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.session: EditSession | None = None
        self._roots: list[Entry] = []
        self._entries: dict[ItemKey, Entry] = {}
        self._done: dict[ItemKey, bool] = {}
        self._photos: dict[ItemKey, int] = {}
        self._findings: dict[ItemKey, int] = {}
        self._conflicts: set[ItemKey] = set()
        # The office's comments (ui/office/review_notes.py), for the inspection they are on.
        self._comments: dict[ItemKey, str] = {}
        self._comments_for = ""
        self._as_of = date.today()

    def set_session(self, session: EditSession | None) -> None:
        self.beginResetModel()
        if self.session is not None:
            self.session.changed.disconnect(self._on_change)
        self.session = session
        self._roots, self._entries = [], {}
        self._conflicts = set()
        if session is not None:
            self._as_of = date.fromisoformat(session.inspection.date)
            self._build(session.templates)
            session.changed.connect(self._on_change)
            self._count_evidence()
            self._done = {key: session.is_answered(key)
                          for key, e in self._entries.items() if e.is_item}
        self.endResetModel()
        self.comments_changed.emit()

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
            _tell_apart(template, self._entries)

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

    def progress(self, change: Change | None = None) -> tuple[int, int]:
        """Items answered and items in all; with *change*, as they are once it is taken in
        (the slots on ``session.changed`` run in the order they were connected)."""
        done = self._done if change is None else {**self._done, **{
            k: v for k, v in change.answered.items() if k in self._entries}}
        keys = self.item_keys()
        return sum(1 for k in keys if done.get(k)), len(keys)

    # --- QAbstractItemModel ------------------------------------------------------------------

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        children = self.entry(parent).children if parent.isValid() else self._roots
        if column != 0 or not 0 <= row < len(children):
            return QModelIndex()
        return self.createIndex(row, 0, children[row])

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:
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

    @guarded(None)
    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        entry = self.entry(index)
        if entry is None:
            return None
        node, template = entry.node, entry.template
        if role == Qt.ItemDataRole.DisplayRole:
            return template.short_title if node is None else f"{node.code} {node.title}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if node is None:
                return template.title
            level = self._star_level(entry) if node.kind is NodeKind.STAR else None
            comment = self.comment(entry.key)
            return f"{node.code} {node.title}" + (f"\n{level.reason_text()}" if level else "") + (
                "\n" + tr("审核意见：{0}").format(comment.splitlines()[0]) if comment else "")
        if role == KEY_ROLE:
            return entry.key
        if role == TEMPLATE_ROLE:
            return template.id
        if role == IS_ITEM_ROLE:
            return entry.is_item
        if role == CODE_ROLE:
            return template.id if node is None else node.code
        if role == TITLE_ROLE:
            return entry.shown_title
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
        if role == CONFLICT_ROLE:
            return key in self._conflicts
        if role == COMMENT_ROLE:
            return self.comment(key)
        return None

    def _result_label(self, entry: Entry) -> str:
        if entry.node.kind is NodeKind.STAR:
            level = self._star_level(entry)
            if level is not None:  # the level reached, not the (higher) judged one
                return result_label(str(level.level))
            return tr("已填写") if self._done.get(entry.key) else ""
        result = self.result_of(entry.key)
        return result_label(result) if result is not None else ""

    def _star_level(self, entry: Entry):
        if self.session is None or not self._done.get(entry.key):
            return None
        return answer_level(entry.node, self.session.answer(*entry.key),
                            park_type=self.session.park.park_type.value)

    def set_conflicts(self, keys: set[ItemKey]) -> None:
        """The items flagged 冲突待核 (ui/inspection_view/conflicts.py); repaints those that moved."""
        moved = (keys ^ self._conflicts) & set(self._entries)
        self._conflicts = set(keys)
        for key in moved:
            index = self.index_of(key)
            self.dataChanged.emit(index, index)

    def has_conflict(self, key: ItemKey) -> bool:
        return key in self._conflicts

    def set_comments(self, inspection_id: str, comments: dict[ItemKey, str]) -> None:
        """The office's comments on *inspection_id*'s items (marked while it is the one shown,
        whichever of the page and the review arrives first); repaints the rows that changed."""
        before = self._shown_comments()
        self._comments, self._comments_for = dict(comments), inspection_id
        after = self._shown_comments()
        for key in {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)}:
            index = self.index_of(key)
            if index.isValid():
                self.dataChanged.emit(index, index)
        self.comments_changed.emit()

    def _shown_comments(self) -> dict[ItemKey, str]:
        shown = self.session is not None and self.session.inspection.id == self._comments_for
        return self._comments if shown else {}

    def comment(self, key: ItemKey | None) -> str:
        return self._shown_comments().get(key, "") if key is not None else ""

    def commented_keys(self) -> list[ItemKey]:
        """The items the office commented on, in tree order."""
        shown = self._shown_comments()
        return [k for k in self.item_keys() if shown.get(k)] if shown else []

    # --- updates from the session -------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        """Repaint what *change* concerns: the items it answered (and the progress of the
        groups above them), and the items whose photo or open-finding count moved."""
        touched: set[ItemKey] = set()
        for key, answered in change.answered.items():
            if key in self._entries:
                self._done[key] = answered
                touched.add(key)
        if change.photos or change.findings or change.removed_findings:
            photos, findings = self._photos, self._findings
            self._count_evidence()
            for before, after in ((photos, self._photos), (findings, self._findings)):
                touched.update(k for k in before.keys() | after.keys()
                               if before.get(k) != after.get(k) and k in self._entries)
        seen: set[int] = set()
        for key in touched:
            entry = self._entries[key]
            while entry is not None and id(entry) not in seen:
                seen.add(id(entry))
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


def _tell_apart(template: Template, entries: dict[ItemKey, Entry]) -> None:
    """Items that share a title (002's 77–80 are all 全方位助力职工提技能稳就业) show the first
    words of their text after it, so that the rows can be told apart."""
    by_title: dict[str, list[Entry]] = {}
    for node in template.items():
        by_title.setdefault(node.title, []).append(entries[(template.id, node.code)])
    for same in by_title.values():
        if len(same) < 2:
            continue
        for entry in same:
            text = entry.node.text.strip()
            if text and text != entry.node.title:
                first = re.split(r"[，。；,;：:]", text, maxsplit=1)[0].strip()
                entry.shown_title = f"{entry.node.title}：{first}"
