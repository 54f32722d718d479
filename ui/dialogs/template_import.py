"""工具 → 导入检查模板…: choose a spreadsheet or Word document, see what was recognised and every
problem by row, then import. Nothing is stored until 导入 is pressed, and only when the whole
file passes."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checklists.editions import edition_label
from checklists.exchange import ReadOutcome
from checklists.exchange.layout import KIND_LABELS, TEMPLATE_KIND_LABELS
from checklists.model import NodeKind
from inspection.palette import OVERDUE
from inspection.store import Installed
from inspection.template_files import read_template
from ui.base.error_reporting import user_message
from ui.base.file_dialogs import open_file
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.base.widgets import grow_to_fit, muted_label, section_title

TEMPLATE_FILES = "templates"


def outline_tree(tree: QTreeWidget, outcome: ReadOutcome) -> None:
    """Fill *tree* with the rows recognised in a file, nested as their codes say."""
    tree.clear()
    parents: list[QTreeWidgetItem] = []
    bad = QBrush(QColor(OVERDUE))
    for row in outcome.outline:
        del parents[row.depth:]
        item = QTreeWidgetItem([row.code, row.title, KIND_LABELS.get(row.kind, ""),
                                str(row.row)])
        if row.kind is NodeKind.GROUP:
            font = item.font(1)
            font.setBold(True)
            item.setFont(1, font)
        if row.problem:
            for column in range(4):
                item.setForeground(column, bad)
        if parents:
            parents[-1].addChild(item)
        else:
            tree.addTopLevelItem(item)
        parents.append(item)
    tree.expandToDepth(1)


class TemplateImportDialog(QDialog):
    """Reads the chosen file in the background, shows the outcome, imports on request."""

    imported = Signal(str)  # the template id

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grow_to_fit(self)
        self.runner = runner
        self.outcome: ReadOutcome | None = None
        self.installed: Installed | None = None
        self.setWindowTitle(tr("导入检查模板"))
        self.choose_button = QPushButton(tr("选择文件…"))
        self.choose_button.clicked.connect(self.choose)
        self.file_label = muted_label(tr("Excel 工作簿（.xlsx，版式见 README）或 Word 文档（.docx，"
                                         "表格或带编号的条款）"))
        top = QHBoxLayout()
        top.addWidget(self.choose_button)
        top.addWidget(self.file_label, 1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([tr("编号"), tr("标题"), tr("类型"), tr("行")])
        self.tree.setColumnWidth(0, self.fontMetrics().horizontalAdvance("0000.00.00"))
        self.tree.setColumnWidth(1, self.fontMetrics().horizontalAdvance("中") * 28)
        self.problems = QListWidget()
        self.problems.setWordWrap(True)
        self.problems_title = section_title(tr("问题"))
        tree_box, problems_box = QWidget(), QWidget()
        tree_layout = QVBoxLayout(tree_box)
        tree_layout.setContentsMargins(0, 0, 0, 0)
        tree_layout.addWidget(section_title(tr("识别出的条目")))
        tree_layout.addWidget(self.tree)
        problems_layout = QVBoxLayout(problems_box)
        problems_layout.setContentsMargins(0, 0, 0, 0)
        problems_layout.addWidget(self.problems_title)
        problems_layout.addWidget(self.problems)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(tree_box)
        splitter.addWidget(problems_box)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.problems.setMinimumHeight(self.fontMetrics().height() * 4)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("导入"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.import_template)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        width = self.fontMetrics().horizontalAdvance("中") * 52
        self.resize(width, int(width * 0.75))
        self._show_outcome(None)

    # --- reading -------------------------------------------------------------------------

    def choose(self) -> None:
        path = open_file(self, TEMPLATE_FILES, tr("选择检查模板文件"),
                         tr("检查模板 (*.xlsx *.docx);;Excel 工作簿 (*.xlsx);;Word 文档 (*.docx)"))
        if path is not None:
            self.read(path)

    def read(self, path: Path) -> None:
        """Read *path* off the UI thread; the outcome (or the refusal) shows when it is done."""
        self.file_label.setText(str(path))
        self.summary.setText(tr("正在读取…"))
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)
        self.runner.background(lambda _progress: read_template(path), self._show_outcome,
                               self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self.outcome = None
        self.tree.clear()
        self.problems.clear()
        self.problems.addItem(user_message(exc))
        self.problems_title.setText(tr("无法读取"))
        self.summary.setText(f"<span style='color:{OVERDUE}'>" + tr("这个文件不能作为检查模板导入。")
                             + "</span>")

    def _show_outcome(self, outcome: ReadOutcome | None) -> None:
        self.choose_button.setEnabled(True)
        self.outcome = outcome
        self.problems.clear()
        if outcome is None:
            self.summary.setText(tr("选择文件后，这里显示程序识别出的条目树和每一处问题（按行号），"
                                    "确认无误后再导入。"))
            self.problems_title.setText(tr("问题"))
            self.tree.clear()
            return
        outline_tree(self.tree, outcome)
        for problem in outcome.problems:
            self.problems.addItem(problem.text())
        self.problems_title.setText(tr("问题（{0} 处）").format(len(outcome.problems))
                                    if outcome.problems else tr("问题：无"))
        items = sum(1 for row in outcome.outline if row.kind is not NodeKind.GROUP)
        template = outcome.template
        if template is not None:
            details = [TEMPLATE_KIND_LABELS[template.kind], template.document_number,
                       tr("版本 {0}").format(edition_label(template)) if edition_label(template)
                       else "", template.issuer, tr("{0} 项").format(items)]
            self.summary.setText(f"<b>{template.title}</b><br>"
                                 + " · ".join(d for d in details if d))
        else:
            self.summary.setText(
                f"<span style='color:{OVERDUE}'>"
                + tr("有 {0} 处问题，改正后重新选择文件；有问题的文件不会导入任何内容。").format(
                    len(outcome.problems)) + "</span>")
        self.import_button.setEnabled(outcome.ok)

    # --- importing -----------------------------------------------------------------------

    def import_template(self) -> None:
        if self.outcome is None or not self.outcome.ok or self.outcome.template is None:
            return
        template = self.outcome.template
        self.import_button.setEnabled(False)
        self.runner.db(lambda store: store.import_template(template), self._imported,
                       self._import_failed)

    def _imported(self, installed: Installed) -> None:
        self.installed = installed
        self.imported.emit(installed.id)
        self.accept()

    def _import_failed(self, exc: BaseException) -> None:
        self.import_button.setEnabled(True)
        self.problems.clear()
        self.problems.addItem(user_message(exc))
        self.problems_title.setText(tr("未导入"))
