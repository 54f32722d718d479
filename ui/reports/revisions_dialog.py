"""修订版本: every revision of the open inspection with its signed reports — earlier ones included,
which the window could not reach before. A report opens in the PDF viewer or in its folder.

Reading (``revision_list``) runs on the database thread; the dialog only shows the rows.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspection.model import Inspection, Status
from inspection.paths import DataDir
from ui.base.i18n import tr
from ui.base.system_open import open_file, show_in_folder
from ui.base.widgets import muted_label


@dataclass(frozen=True)
class RevisionRow:
    revision: int
    state: str  # 已签署 / 当前（检查中）…
    when: str
    signer: str
    report: Path | None  # the signed PDF in the data folder, None when there is none
    present: bool


def revision_list(store, inspection_id: str) -> tuple[Inspection, list[RevisionRow]]:
    """On the database thread: the inspection and one row per revision (newest first)."""
    inspection = store.inspection(inspection_id)
    data_dir: DataDir = store.data_dir
    reports = {}
    for record in store.reports(inspection_id):
        reports.setdefault(record.revision, []).append(record)
    rows = []
    for revision in range(inspection.revision, 0, -1):
        signed = reports.get(revision, [])
        current = revision == inspection.revision and inspection.status is not Status.SIGNED
        if signed:
            for record in reversed(signed):
                path = data_dir.resolve(record.path)
                rows.append(RevisionRow(revision, tr("已签署"), record.created_at[:16].replace(
                    "T", " "), record.signer, path, path.exists()))
        else:
            rows.append(RevisionRow(revision, tr("当前（未签署）") if current else tr("未签署"),
                                    "", "", None, False))
    return inspection, rows


class RevisionsDialog(QDialog):
    def __init__(self, inspection: Inspection, rows: list[RevisionRow],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("修订版本 — {0}").format(inspection.report_number))
        self.rows = rows
        layout = QVBoxLayout(self)
        layout.addWidget(muted_label(tr(
            "重新打开已签署的检查会生成新的修订版本；之前签署的报告保持不变，可在此打开。")))
        self.table = QTableWidget(len(rows), 4, self)
        self.table.setHorizontalHeaderLabels([tr("版本"), tr("状态"), tr("签署时间"), tr("签署人")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(rows):
            state = row.state if row.present or row.report is None else tr("已签署（文件缺失）")
            for c, text in enumerate((tr("第 {0} 版").format(row.revision), state, row.when,
                                      row.signer)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update)
        self.table.doubleClicked.connect(lambda _i: self.open_report())
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(tr("打开报告"))
        self.open_button.clicked.connect(self.open_report)
        self.folder_button = QPushButton(tr("打开所在文件夹"))
        self.folder_button.clicked.connect(self.show_folder)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.resize(self.fontMetrics().horizontalAdvance("中") * 40, 320)
        first = next((i for i, row in enumerate(rows) if row.present), -1)
        if first >= 0:
            self.table.selectRow(first)
        self._update()

    def selected(self) -> RevisionRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def _update(self) -> None:
        row = self.selected()
        usable = row is not None and row.report is not None and row.present
        self.open_button.setEnabled(usable)
        self.folder_button.setEnabled(usable)

    def open_report(self) -> None:
        row = self.selected()
        if row is not None and row.report is not None and row.present:
            open_file(row.report, self)

    def show_folder(self) -> None:
        row = self.selected()
        if row is not None and row.report is not None:
            show_in_folder(row.report, self)


def open_revisions(runner, inspection_id: str, parent: QWidget, keep) -> None:
    """Read the revisions, then show them (*keep* holds the dialog for the caller)."""
    from ui.base.error_reporting import report_error

    def show(result) -> None:
        dialog = RevisionsDialog(*result, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        keep(dialog)
        dialog.open()
    runner.db(lambda store: revision_list(store, inspection_id), show,
              lambda exc: report_error(exc, parent))
