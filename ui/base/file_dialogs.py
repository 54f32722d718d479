"""The program's file dialogs: each purpose (photos, reports, Excel, backups, keys, verifying)
opens in the folder last used for it, remembered in QSettings, else in the Documents folder.

The system's own dialog is used where the platform has one (Qt's static functions choose it);
elsewhere Qt's dialog shows, in Chinese thanks to ui/base/qt_gaps.py.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui.base.preferences import Preferences

PHOTOS, REPORTS, EXCEL, BACKUP, KEYS, VERIFY, DATA = (
    "photos", "reports", "excel", "backup", "keys", "verify", "data")


def documents_folder() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder and Path(folder).is_dir() else Path.home()


def start_folder(purpose: str) -> Path:
    """Where a dialog for *purpose* opens: the folder used last time, if it still exists."""
    folder = Preferences().dialog_folder(purpose)
    return folder if folder is not None and folder.is_dir() else documents_folder()


def remember_folder(purpose: str, folder: Path) -> None:
    Preferences().set_dialog_folder(purpose, folder)


def open_files(parent: QWidget | None, purpose: str, title: str, file_filter: str) -> list[Path]:
    """Files chosen (several at once); [] when cancelled."""
    names, _filter = QFileDialog.getOpenFileNames(parent, title, str(start_folder(purpose)),
                                                  file_filter)
    paths = [Path(n) for n in names]
    if paths:
        remember_folder(purpose, paths[0].parent)
    return paths


def open_file(parent: QWidget | None, purpose: str, title: str, file_filter: str) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(parent, title, str(start_folder(purpose)),
                                                file_filter)
    if not name:
        return None
    remember_folder(purpose, Path(name).parent)
    return Path(name)


def save_file(parent: QWidget | None, purpose: str, title: str, default: Path | str,
              file_filter: str, suffix: str) -> Path | None:
    """Where to save; *default* is a file name (placed in the purpose's folder) or a full path.
    The *suffix* is added when the name typed lacks it."""
    default = Path(default)
    if not default.is_absolute():
        default = start_folder(purpose) / default
    name, _filter = QFileDialog.getSaveFileName(parent, title, str(default), file_filter)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    remember_folder(purpose, path.parent)
    return path


def choose_folder(parent: QWidget | None, purpose: str, title: str,
                  start: Path | None = None) -> Path | None:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start or start_folder(purpose)))
    if not folder:
        return None
    remember_folder(purpose, Path(folder))
    return Path(folder)
