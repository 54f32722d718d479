"""工具 → 检查模板管理…: every template of the data folder with its edition, source and status;
import, export to Excel, retire (not offered for new inspections, kept for old ones) and
restore."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from checklists.exchange.data import is_builtin_id
from inspection.store import TemplateRecord
from inspection.template_files import export_template_xlsx
from ui.base.error_reporting import report_error
from ui.base.file_dialogs import EXCEL, save_file
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import confirm, grow_to_fit, muted_label
from ui.dialogs.template_preview import fill_template_tree


def column_titles() -> list[str]:
    return [tr("编号"), tr("标题"), tr("文件编号"), tr("版本"), tr("来源"), tr("条目"), tr("检查"),
            tr("状态")]


class TemplateManagerDialog(QDialog):
    """The list loads from the store; every change goes through the runner, then reloads."""

    changed = Signal()  # a template was imported, retired or restored

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.runner = runner
        self.records: list[TemplateRecord] = []
        self.in_use: dict[str, int] = {}
        self.setWindowTitle(tr("检查模板管理"))
        titles = column_titles()
        self.table = QTableWidget(0, len(titles))
        self.table.setHorizontalHeaderLabels(titles)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, self.fontMetrics().horizontalAdvance("中") * 10)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.preview = QTreeWidget()
        self.preview.setHeaderLabels([tr("编号"), tr("标题")])
        self.preview.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0000.00.00"))
        self.detail = muted_label()
        self.import_button = QPushButton(tr("导入模板…"))
        self.export_button = QPushButton(tr("导出为 Excel…"))
        self.retire_button = QPushButton(tr("停用"))
        self.import_button.clicked.connect(self.import_template)
        self.export_button.clicked.connect(self.export_selected)
        self.retire_button.clicked.connect(self.toggle_retired)
        actions = QHBoxLayout()
        for button in (self.import_button, self.export_button, self.retire_button):
            actions.addWidget(button)
        actions.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.detail)
        layout.addWidget(self.preview, 2)
        layout.addLayout(actions)
        width = self.fontMetrics().horizontalAdvance("中") * 66
        self.resize(width, int(width * 0.65))
        self.reload()

    # --- the list --------------------------------------------------------------------------

    def reload(self, select: str | None = None) -> None:
        def load(store):
            records = store.template_records()
            return records, store.templates_in_use([r.id for r in records])

        self.runner.db(load, lambda loaded: self._loaded(*loaded, select=select),
                       lambda exc: report_error(exc, self))

    def _loaded(self, records: list[TemplateRecord], in_use: dict[str, int], *,
                select: str | None = None) -> None:
        previous = select or self.selected_id()
        self.records, self.in_use = records, in_use
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            template = record.template
            source = tr("内置") if record.builtin else tr("导入：{0}").format(record.source_file)
            status = tr("已停用") if record.retired else tr("使用中")
            cells = [template.id, template.title, template.document_number or "—",
                     record.edition or "—", source, str(sum(1 for _ in template.items())),
                     str(in_use.get(template.id, 0)), status]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column in (5, 6):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                if record.retired:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(row, column, item)
        ids = [r.id for r in records]
        self.table.selectRow(ids.index(previous) if previous in ids else 0)
        self._selection_changed()

    def selected(self) -> TemplateRecord | None:
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and self.records else None

    def selected_id(self) -> str | None:
        record = self.selected()
        return record.id if record else None

    def _selection_changed(self) -> None:
        record = self.selected()
        self.export_button.setEnabled(record is not None)
        self.retire_button.setEnabled(record is not None)
        if record is None:
            self.preview.clear()
            self.detail.setText("")
            return
        self.retire_button.setText(tr("重新启用") if record.retired else tr("停用"))
        fill_template_tree(self.preview, record.template)
        lines = []
        if record.retired:
            lines.append(tr("{0} 停用：新检查不再提供此模板，已有的检查照常使用。{1}").format(
                record.retired_at[:10] if record.retired_at else "", record.retired_reason))
        if not record.builtin:
            lines.append(tr("{0} 由 {1} 导入").format(record.imported_at[:16].replace("T", " "),
                                                   record.imported_by or tr("（未知）")))
        self.detail.setText("　".join(line for line in lines if line))

    # --- actions ---------------------------------------------------------------------------

    def import_template(self) -> None:
        from ui.dialogs.template_import import TemplateImportDialog
        dialog = TemplateImportDialog(self.runner, self)
        dialog.imported.connect(lambda template_id: (self.reload(select=template_id),
                                                     self.changed.emit()))
        dialog.open()

    def export_selected(self) -> None:
        record = self.selected()
        if record is None:
            return
        name = f"{record.template.short_title or record.template.title}.xlsx"
        path = save_file(self, EXCEL, tr("导出检查模板"), name, tr("Excel 工作簿 (*.xlsx)"),
                         ".xlsx")
        if path is None:
            return
        template_id = record.id
        self.runner.background(lambda _progress: export_template_xlsx(template_id, path),
                               lambda out: self.detail.setText(tr("已导出：{0}").format(out)),
                               lambda exc: report_error(exc, self))

    def toggle_retired(self) -> None:
        record = self.selected()
        if record is None:
            return
        template_id = record.id
        if record.retired:
            self.runner.db(lambda store: store.restore_template(template_id), self._changed,
                           lambda exc: report_error(exc, self))
            return
        used = self.in_use.get(template_id, 0)
        informative = tr("新检查不再提供此模板；已有的 {0} 次检查照常使用它，报告不受影响。"
                         "以后可以重新启用。").format(used)
        if is_builtin_id(template_id):
            informative += tr("这是程序内置的模板。")
        if not confirm(self, tr("停用检查模板"), tr("停用“{0}”？").format(record.template.title),
                       informative, tr("停用")):
            return
        self.runner.db(lambda store: store.retire_template(template_id), self._changed,
                       lambda exc: report_error(exc, self))

    def _changed(self, record: TemplateRecord) -> None:
        self.reload(select=record.id)
        self.changed.emit()
