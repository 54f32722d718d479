"""文件 → 备份数据…: a consistent copy of the database, photos and reports in one zip file,
made on the database thread; what it holds (and what was missing or damaged in the folder,
backed up as it is) said in a box afterwards."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from ui.base.error_reporting import report_error
from ui.base.file_dialogs import BACKUP, save_file
from ui.base.i18n import tr


def ask_backup(window: Any) -> None:
    """Ask where the backup goes, then make it (*window* is the MainWindow)."""
    name = tr("园区检查备份-{0}.zip").format(f"{datetime.now():%Y%m%d-%H%M}")
    path = save_file(window, BACKUP, tr("备份数据"), name, tr("备份文件 (*.zip)"), ".zip")
    if path is not None:
        start_backup(window, path)


def start_backup(window: Any, out: Path) -> None:
    """Back up into *out* (``.zip`` added when missing); the box that says what was done is
    kept as ``window.backup_message``."""
    if out.suffix.lower() != ".zip":
        out = out.with_name(out.name + ".zip")
    window.statusBar().showMessage(tr("正在备份到 {0}…").format(out))
    window.backup_action.setEnabled(False)

    def done(manifest: dict) -> None:
        window.backup_action.setEnabled(True)
        window.statusBar().showMessage(tr("已备份到 {0}").format(out), 10000)
        window.backup_message = _said(window, out, manifest)
        window.backup_message.open()

    def failed(exc: BaseException) -> None:
        window.backup_action.setEnabled(True)
        window.statusBar().clearMessage()
        report_error(exc, window, title=tr("备份没有完成"))

    window.runner.db(lambda store: store.backup(out), done, failed)


def _said(parent: Any, out: Path, manifest: dict) -> QMessageBox:
    text = tr("数据已备份到：\n{0}\n\n包括数据库和 {1} 个照片、报告文件。").format(
        out, len(manifest.get("files", [])))
    missing = manifest.get("missing", [])
    damage = list(manifest.get("damaged", {}).values()) \
        + list(manifest.get("database_problems", []))
    if not missing and not damage:
        return QMessageBox(QMessageBox.Icon.Information, tr("备份完成"), text,
                           QMessageBox.StandardButton.Ok, parent)
    said = []  # a damaged folder: the backup is still the best copy there is
    if missing:
        names = "\n".join(missing[:10]) + ("\n…" if len(missing) > 10 else "")
        said.append(tr("数据文件夹中缺少以下 {0} 个文件，备份中也没有它们：\n{1}")
                    .format(len(missing), names))
    if damage:
        lines = "\n".join(damage[:10]) + ("\n…" if len(damage) > 10 else "")
        said.append(tr("以下 {0} 处已损坏，已按原样备份：\n{1}").format(len(damage), lines))
    title = tr("备份完成，但有文件缺失") if not damage else tr("备份完成，但数据有损坏")
    return QMessageBox(QMessageBox.Icon.Warning, title, "\n\n".join([text, *said]),
                       QMessageBox.StandardButton.Ok, parent)
