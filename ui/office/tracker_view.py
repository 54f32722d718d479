"""中心 → 整改跟踪: every finding still open across parks, most overdue first, read a page at a
time as the list scrolls; filtered by park, responsible unit and overdue; exported to Excel (all
that the filter matches). Double-click opens the inspection's review, to see its evidence."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspection.office.tracker import TrackedFinding, TrackerFilter, TrackerPage
from inspection.palette import OVERDUE, SEVERITY_COLORS
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import EXCEL, save_file
from ui.base.i18n import tr
from ui.base.widgets import muted_label
from ui.office.hub_tasks import HubRequests
from ui.office.paged_table import PAGE, PagedHubModel, paged_table
from ui.reports.export_dialogs import finished_message

INSPECTION_ROLE = Qt.ItemDataRole.UserRole


def _page(session: Any, wanted: TrackerFilter) -> TrackerPage:
    from inspection.hub.office import tracker_rows

    return tracker_rows(session, wanted)


class TrackerModel(PagedHubModel):
    task = "tracker"

    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(requests, [tr("园区"), tr("条目"), tr("整改要求"), tr("严重程度"), tr("责任单位"),
                                    tr("整改期限"), tr("逾期天数"), tr("照片"), tr("检查日期"), tr("检查人员")],
                         parent)
        self.overdue = 0
        self.wanted = TrackerFilter(limit=PAGE)

    def read_page(self, session: Any, wanted: TrackerFilter) -> TrackerPage:
        return _page(session, wanted)

    def load(self, wanted: TrackerFilter) -> None:
        """The list counted from today; its later pages from the same day, after midnight too."""
        super().load(replace(wanted, as_of=wanted.as_of or date.today()))

    def take_page(self, page: TrackerPage) -> tuple[list[TrackedFinding], int]:
        self.overdue = page.overdue
        return list(page.rows), page.total

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == INSPECTION_ROLE:
            return row.inspection_id
        if role == Qt.ItemDataRole.DisplayRole:
            overdue = (tr("{0} 天").format(row.days_overdue) if row.days_overdue else tr("未逾期")) \
                if row.deadline else tr("无期限")
            return [row.park, f"{row.item_code} {row.item_title}".strip(), row.requirement,
                    {"minor": tr("一般"), "major": tr("较重"), "critical": tr("严重")}.get(row.severity, row.severity),
                    row.responsible or "—", row.deadline or "—", overdue, str(row.photos),
                    row.inspection_date, row.inspector][column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return f"{row.item_code} {row.item_title}\n{row.requirement}" + (
                "\n" + tr("现场记录：{0}").format(row.note) if row.note else "")
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 6 and row.overdue:
                return QBrush(QColor(OVERDUE))
            if column == 3:
                return QBrush(QColor(SEVERITY_COLORS.get(row.severity, OVERDUE)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 5, 6, 7, 8):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class TrackerView(QWidget):
    review_requested = Signal(str)

    def __init__(self, requests: HubRequests, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.requests = requests
        self.model = TrackerModel(requests, self)
        self.message: QMessageBox | None = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.park = QLineEdit(self)
        self.park.setPlaceholderText(tr("园区名称"))
        self.park.setClearButtonEnabled(True)
        self.unit = QLineEdit(self)
        self.unit.setPlaceholderText(tr("责任单位"))
        self.unit.setClearButtonEnabled(True)
        self.overdue = QCheckBox(tr("只看逾期"), self)
        self.count = muted_label("", self, wrap=False)
        self.export_button = QPushButton(tr("导出 Excel…"), self)
        self.export_button.clicked.connect(self.export)
        for widget in (self.park, self.unit, self.overdue):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count)
        filters.addWidget(self.export_button)
        layout.addLayout(filters)
        self.table = paged_table(self, self.model, (12, 14, 20, 5, 9, 7, 5, 3, 7, 6))
        self.table.doubleClicked.connect(lambda index: self.review_requested.emit(index.data(INSPECTION_ROLE)))
        layout.addWidget(self.table, 1)
        layout.addWidget(muted_label(tr("未完成：已完成或已签署检查中尚未整改、且没有被之后的复查接续的整改项。"
                                        "双击查看那次检查的照片和记录。"), self))
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.reload)
        self.park.textChanged.connect(self._timer.start)
        self.unit.textChanged.connect(self._timer.start)
        self.overdue.toggled.connect(lambda _on: self.reload())
        self.model.modelReset.connect(self._update_count)
        self.model.rowsInserted.connect(self._update_count)
        self.loaded = False

    def wanted(self) -> TrackerFilter:
        return TrackerFilter(park=self.park.text().strip(), unit=self.unit.text().strip(),
                             overdue_only=self.overdue.isChecked())

    def reload(self) -> None:
        self.loaded = True
        self.model.load(self.wanted())

    def _update_count(self) -> None:
        self.count.setText(tr("共 {0} 项，逾期 {1} 项").format(self.model.total, self.model.overdue))
        self.export_button.setEnabled(self.model.total > 0)

    def export(self) -> None:
        out = save_file(self, EXCEL, tr("导出整改跟踪"), tr("整改跟踪.xlsx"), tr("Excel 工作簿 (*.xlsx)"), ".xlsx")
        if out is None:
            return
        wanted = self.wanted()
        data_dir = self.requests.data_dir

        def work(_progress) -> Path:
            from inspection.files import check_output_path
            from inspection.hub.office_list import on_folder_hub
            from inspection.office.xlsx import tracker_xlsx

            page = on_folder_hub(data_dir, lambda session: _page(session, wanted))
            return tracker_xlsx(page, check_output_path(out, data_dir=data_dir, kind="zip"))

        def done(path: Path) -> None:
            self.message = finished_message(self, tr("已导出整改跟踪"),
                                            tr("整改跟踪已保存到：\n{0}").format(path), Path(path))

        self.requests.runner.background(work, done, lambda exc: report_error(exc, self, title=tr("没有导出")))
