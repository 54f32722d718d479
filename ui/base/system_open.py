"""Opening a file or folder with the system's programs — and saying so when nothing opens it.

``QDesktopServices.openUrl`` only logs when no program is found ("Unable to detect a launcher"):
a button that then does nothing looks broken. Every "open" and "show in folder" of the window
goes through here; when the system opens nothing, a message in the window says so and where the
file is (the path can be selected and copied).
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QProcess, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.base.i18n import tr

log = logging.getLogger(__name__)
_open_boxes: list[QMessageBox] = []


def open_file(path: Path, parent: QWidget | None = None) -> bool:
    """*path* opened in the system's program for it; with *parent*, a message when none did."""
    return _opened(Path(path), parent, tr("这台电脑没有可以打开此文件的程序。"), "no program opened %s")


def open_folder(folder: Path, parent: QWidget | None = None) -> bool:
    """*folder* opened in the file manager; with *parent*, a message when that failed."""
    return _opened(Path(folder), parent, tr("这台电脑无法打开文件管理器。"),
                   "no file manager opened %s")


def _opened(target: Path, parent: QWidget | None, failure: str, logged: str) -> bool:
    opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))
    if not opened:
        log.info(logged, target)
        if parent is not None:
            _say_unopened(parent, failure, target)
    return opened


def show_in_folder(path: Path, parent: QWidget | None = None) -> bool:
    """The file selected in the system's file manager where it can; else its folder opened;
    with *parent*, a message when neither worked."""
    path = Path(path)
    if sys.platform == "win32":
        opened = QProcess.startDetached("explorer", ["/select,", str(path)])[0]
    elif sys.platform == "darwin":
        opened = QProcess.startDetached("open", ["-R", str(path)])[0]
    else:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    if not opened:
        log.info("no file manager showed %s", path)
        if parent is not None:
            _say_unopened(parent, tr("这台电脑无法打开文件管理器。"), path)
    return opened


def _say_unopened(parent: QWidget, text: str, path: Path) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Information, tr("无法打开"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setInformativeText(tr("位置：\n{0}").format(path))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box
