"""The checklist's filter: recursive, by state (unanswered / 不符合 / with findings / without
photos) and a search over code, title and text; it never hides the item the inspector is on."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel

from ui.inspection_view.checklist_model import FILTERS, OVERDUE_ROLE, ChecklistModel, Entry
from ui.session.edit_session import ItemKey


class ChecklistFilter(QSortFilterProxyModel):
    """Recursive filter by state and search text. The pinned item (the one on screen) stays
    visible under a state filter — answering it must not make it vanish — but not when it
    does not match the search text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        # A group whose title matches shows itself, not every item under it: only the items
        # that match are listed (searching 消防 must not list the 30 items of 消防安全).
        self.setAutoAcceptChildRows(False)
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
    def terms(self) -> list[str]:
        """The search words (case-folded), for the view to highlight."""
        return self._terms

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
        if not entry.is_item:  # a group whose own title matches shows (its items only if they match)
            return self.mode == "all" and bool(self._terms) and self._matches(entry)
        if not self._matches(entry):
            return False
        return entry.key == self.pinned or self._state_matches(model, entry.key)

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
