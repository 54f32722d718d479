"""The window's template actions: 工具 → 导入检查模板… / 检查模板管理…, 检查 → 改用新版本模板…"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from checklists.editions import compare_editions
from checklists.library import get_template
from inspection.model import Inspection
from inspection.store import EditionMove
from ui.base.error_reporting import report_error
from ui.base.i18n import tr
from ui.base.tasks import TaskRunner
from ui.dialogs.template_editions import ChangeEditionDialog, template_name
from ui.dialogs.template_import import TemplateImportDialog
from ui.dialogs.template_manager import TemplateManagerDialog


def open_import(runner: TaskRunner, parent: QWidget) -> TemplateImportDialog:
    dialog = TemplateImportDialog(runner, parent)
    dialog.imported.connect(lambda template_id: _imported(parent, dialog))
    dialog.open()
    return dialog


def _imported(parent: QWidget, dialog: TemplateImportDialog) -> None:
    installed = dialog.installed
    if installed is None:
        return
    text = (tr("已导入“{0}”，新建检查时可以选用。") if installed.installed
            else tr("“{0}”已在数据文件夹中，未重复导入。")).format(installed.template.title)
    box = QMessageBox(QMessageBox.Icon.Information, tr("导入检查模板"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.open()


def open_manager(runner: TaskRunner, parent: QWidget) -> TemplateManagerDialog:
    dialog = TemplateManagerDialog(runner, parent)
    dialog.open()
    return dialog


def change_edition(window: Any) -> None:
    """Offer the newest edition of a template of the open inspection (unsigned)."""
    inspection_id = window.current_inspection_id
    if inspection_id is None:
        return
    window.page.flush()

    def find(store: Any) -> tuple[Inspection, dict[str, list]]:
        inspection = store.inspection(inspection_id)
        return inspection, {tid: store.newer_editions(tid) for tid in inspection.template_ids}

    window.runner.db(find, lambda found: _offer(window, *found),
                     lambda exc: report_error(exc, window))


def _offer(window: Any, inspection: Inspection, newer: dict[str, list]) -> None:
    if inspection.locked:
        QMessageBox.information(window, tr("改用新版本模板"),
                                tr("该检查已签署；请先在“检查”菜单中重新打开，再改用新版本。"))
        return
    choices = [(old, editions[0]) for old, editions in newer.items() if editions]
    if not choices:
        names = "、".join(template_name(get_template(t)) for t in inspection.template_ids)
        QMessageBox.information(window, tr("改用新版本模板"),
                                tr("本检查使用的模板（{0}）没有更新的版本。").format(names))
        return
    old_id, newest = choices[0]
    dialog = ChangeEditionDialog(compare_editions(get_template(old_id), newest), window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    window.runner.db(lambda store: store.change_edition(inspection.id, old_id, newest.id),
                     lambda moved: _moved(window, moved), lambda exc: report_error(exc, window))


def _moved(window: Any, moved: EditionMove) -> None:
    window.open_inspection(moved.inspection.id)
    window.statusBar().showMessage(tr("已改用 {0}：{1} 项答案带入，{2} 项需要重新判定。").format(
        template_name(get_template(moved.changes.new_id)), len(moved.changes.unchanged),
        len(moved.changes.changed) + len(moved.changes.added)), 10000)
