"""A table of hub rows read a page at a time as it scrolls (the office's inspections and its
整改 tracker): the model asks the hub for the next page in the background when the view wants
more rows, and a view helper sets up the table the same way for each."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ui.office.hub_tasks import HubRequests

PAGE = 200
Parent = QModelIndex | QPersistentModelIndex


class PagedHubModel(QAbstractTableModel):
    """Rows of what ``wanted`` (a dataclass with ``limit`` and ``offset``) selects on the hub.

    Subclasses say how a page is read (:meth:`read_page`, run on the hub's worker), how a page
    splits into rows and a total (:meth:`take_page`) and how a row is shown (``data``)."""

    task = "page"
    page_size = PAGE

    def __init__(self, requests: HubRequests, titles: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.titles = list(titles)
        self.rows: list[Any] = []
        self.total = 0
        self.wanted: Any = None
        self._fetching = False

    def read_page(self, session: Any, wanted: Any) -> Any:
        raise NotImplementedError

    def take_page(self, page: Any) -> tuple[list[Any], int]:
        """The rows of *page* and the number of rows in all pages (also keeps any other figure)."""
        rows, total = page
        return list(rows), total

    def load(self, wanted: Any) -> None:
        """Show the first page of what *wanted* asks for."""
        self.wanted = replace(wanted, limit=self.page_size, offset=0)
        self._request(self.wanted, self._first)

    def _request(self, query: Any, then: Any) -> None:
        self._fetching = True
        self.requests.run(self.task, lambda session: self.read_page(session, query), then)

    def _first(self, page: Any) -> None:
        self._fetching = False
        self.beginResetModel()
        self.rows, self.total = self.take_page(page)
        self.endResetModel()

    def _more(self, page: Any) -> None:
        self._fetching = False
        more, _total = self.take_page(page)
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def canFetchMore(self, parent: Parent = QModelIndex()) -> bool:
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Parent = QModelIndex()) -> None:
        if self.canFetchMore(parent):
            self._request(replace(self.wanted, offset=len(self.rows)), self._more)

    def rowCount(self, parent: Parent = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Parent = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None


def paged_table(parent: QWidget, model: PagedHubModel, widths_em: Sequence[int]) -> QTableView:
    """A read-only table of whole rows over *model*, its columns *widths_em* wide (in 中)."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    em = parent.fontMetrics().horizontalAdvance("中")
    for column, ems in enumerate(widths_em):
        header.resizeSection(column, em * ems)
    header.setStretchLastSection(True)
    return table
