"""The data folder is damaged (its database missing or empty beside photos and reports): say
so at start-up and offer to restore a backup, instead of starting an empty database over it.

Shown before the main window exists, so no store is open and the restore may take the data
folder's lock exclusively.
"""
from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from checklists.errors import UserError, language
from inspection.store import restore
from ui.base.error_reporting import user_message
from ui.base.file_dialogs import BACKUP, open_file
from ui.base.i18n import tr


class DamagedFolderBox(QMessageBox):
    """What is wrong with the folder, with 从备份恢复… and 退出."""

    def __init__(self, error: UserError, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, tr("数据文件夹已损坏"),
                         error.text(language()), QMessageBox.StandardButton.NoButton, parent)
        self.restore_button = self.addButton(tr("从备份恢复…"), QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(tr("退出"), QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.restore_button)


def offer_restore(data_dir: Path, error: UserError) -> bool:
    """Show the box until the user restores a backup (True) or quits (False)."""
    while True:
        box = DamagedFolderBox(error)
        box.exec()
        if box.clickedButton() is not box.restore_button:
            return False
        backup = open_file(None, BACKUP, tr("选择备份文件"), tr("备份文件 (*.zip)"))
        if backup is None:
            continue
        try:
            manifest = restore_with_progress(backup, data_dir)
        except Exception as exc:
            QMessageBox.warning(None, tr("恢复没有完成"), user_message(exc))
            continue
        QMessageBox.information(None, tr("已从备份恢复"), restored_text(backup, manifest))
        return True


def restored_text(backup: Path, manifest: dict) -> str:
    text = tr("已从 {0} 恢复数据（{1} 的备份）。").format(backup, manifest.get("created_at", ""))
    if manifest.get("aside"):
        text += "\n\n" + tr("恢复前数据文件夹中的文件已移到 {0}，没有删除。").format(manifest["aside"])
    return text


def restore_with_progress(backup: Path, data_dir: Path) -> dict:
    """Restore *backup* into *data_dir* (replacing what is there, which is moved aside) on a
    thread, with a busy dialog; returns the manifest or raises what the restore raised."""
    box: dict = {}

    def work() -> None:
        try:
            box["manifest"] = restore(backup, data_dir, replace=True)
        except BaseException as exc:  # handed to the UI thread below
            box["error"] = exc

    dialog = QProgressDialog(tr("正在从备份恢复数据…"), "", 0, 0)
    dialog.setWindowTitle(tr("从备份恢复"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    thread = threading.Thread(target=work, name="restore", daemon=True)
    thread.start()
    while thread.is_alive():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread.join(0.05)
    dialog.close()
    dialog.deleteLater()
    if "error" in box:
        raise box["error"]
    return box["manifest"]
