"""中心 → 检查: every inspection on the hub by inspector, park, status and review state, read a
page at a time as the list scrolls (200 rows a page: 10,000 inspections open at once)."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.palette import HUB_BADGES
from ui.base.i18n import status_label, tr
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.office.paged_table import PagedHubModel, paged_table

ID_ROLE = Qt.ItemDataRole.UserRole
REVIEW_COLUMN = 5


def review_label(state: str) -> str:
    return {"pending": tr("待审核"), "approved": tr("已通过"), "returned": tr("已退回"),
            "none": tr("未提交审核")}.get(state, state)


REVIEW_COLOURS = {"pending": HUB_BADGES["pushed"], "approved": HUB_BADGES["approved"],
                  "returned": HUB_BADGES["returned"]}


class HubInspectionsModel(PagedHubModel):
    """The hub's inspections, a page at a time (an OfficeFilter selects them)."""

    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(requests, [tr("园区"), tr("检查日期"), tr("检查人员"), tr("上传者"), tr("状态"),
                                    tr("审核"), tr("版本"), tr("答案"), tr("照片"), tr("整改（未完成）"),
                                    tr("报告编号")], parent)

    def read_page(self, session: Any, wanted: Any) -> tuple[list[dict[str, Any]], int]:
        from inspection.hub.office_list import office_inspections

        return office_inspections(session, wanted)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            from inspection.model import Status

            # 检查人员: the inspection's own inspectors (as on its report), not the hub login that
            # pushed it (上传者) (trial 2, F12).
            values = [row["park"], row["date"], "、".join(row["inspectors"] or []) or row["inspector"],
                      row["inspector"], status_label(Status(row["status"])),
                      review_label(row["review"]), str(row["revision"]), str(row["answers"]), str(row["photos"]),
                      f"{row['findings']}（{row['open_findings']}）", row["report_number"]]
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and column == REVIEW_COLUMN and row["review"] in REVIEW_COLOURS:
            return QBrush(QColor(REVIEW_COLOURS[row["review"]][0]))
        if role == Qt.ItemDataRole.ForegroundRole and column == REVIEW_COLUMN and row["review"] in REVIEW_COLOURS:
            return QBrush(QColor(REVIEW_COLOURS[row["review"]][1]))
        if role == Qt.ItemDataRole.TextAlignmentRole and 4 <= column <= 9:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class HubInspectionsView(QWidget):
    """Filters above, the lazily paged table below; double-click (or 审核…) opens the review."""

    review_requested = Signal(str)

    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from inspection.model import Status

        self.requests = requests
        self.model = HubInspectionsModel(requests, self)
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.inspector = QComboBox(self)
        self.inspector.addItem(tr("全部上传者"), "")
        self.inspector.setToolTip(tr("按上传到中心的账号筛选"))
        self.park = QLineEdit(self)
        self.park.setPlaceholderText(tr("园区名称"))
        self.park.setClearButtonEnabled(True)
        self.status = QComboBox(self)
        self.status.addItem(tr("全部状态"), "")
        for status in Status:
            self.status.addItem(status_label(status), status.value)
        self.review = QComboBox(self)
        self.review.addItem(tr("全部审核状态"), "")
        for state in ("pending", "returned", "approved", "none"):
            self.review.addItem(review_label(state), state)
        self.count = muted_label(wrap=False)
        for widget in (self.inspector, self.park, self.status, self.review):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        layout.addLayout(filters)
        self.table = paged_table(self, self.model, (14, 7, 9, 6, 5, 5, 3, 3, 3, 8, 9))
        self.table.doubleClicked.connect(lambda index: self.review_requested.emit(index.data(ID_ROLE)))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(tr("审核…"), self)
        self.open_button.setToolTip(tr("查看这次检查的条目、照片和报告，记录通过或退回"))
        self.open_button.clicked.connect(self._open_selected)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(muted_label(tr("双击打开审核"), wrap=False))
        layout.addLayout(buttons)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.reload)
        self.park.textChanged.connect(self._timer.start)
        for combo in (self.inspector, self.status, self.review):
            combo.currentIndexChanged.connect(self.reload)
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.loaded = False

    def reload(self) -> None:
        from inspection.hub.office_list import OfficeFilter

        self.loaded = True
        self.model.load(OfficeFilter(inspector=self.inspector.currentData() or "", park=self.park.text(),
                                     status=self.status.currentData() or "",
                                     review=self.review.currentData() or ""))

    def load_inspectors(self) -> None:
        from inspection.hub.office_list import office_inspectors

        def show(names: list[str]) -> None:
            current = self.inspector.currentData()
            self.inspector.blockSignals(True)
            while self.inspector.count() > 1:
                self.inspector.removeItem(1)
            for name in names:
                self.inspector.addItem(name, name)
            index = self.inspector.findData(current)
            self.inspector.setCurrentIndex(max(0, index))
            self.inspector.blockSignals(False)

        self.requests.run("inspectors", office_inspectors, show)

    def _update_count(self) -> None:
        self.count.setText(tr("共 {0} 项检查（已显示 {1} 项）").format(self.model.total, len(self.model.rows)))

    def _open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.review_requested.emit(rows[0].data(ID_ROLE))
