"""Errors shown to the user in words they understand; the unexpected ones logged to a file."""
from __future__ import annotations

import logging
import sys
import traceback
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from checklists.errors import UserError

log = logging.getLogger(__name__)
_log_file: Path | None = None
_open_boxes: list[QMessageBox] = []


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def set_log_folder(folder: Path) -> Path:
    """Unexpected errors go to ``folder/errors.log`` from now on."""
    global _log_file
    folder.mkdir(parents=True, exist_ok=True)
    _log_file = folder / "errors.log"
    return _log_file


def log_exception(exc: BaseException) -> Path | None:
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    log.error("unexpected error\n%s", text)
    if _log_file is None:
        return None
    try:
        with open(_log_file, "a", encoding="utf-8") as handle:
            handle.write(f"--- {datetime.now().isoformat(timespec='seconds')}\n{text}\n")
    except OSError:
        return None
    return _log_file


def user_message(exc: BaseException) -> str:
    """What to tell the user about *exc*, in one or two sentences."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError):
        return tr("文件操作失败：{0}").format(exc.strerror or exc)
    where = log_exception(exc)
    detail = tr("详细信息已记录在 {0}。").format(where) if where else ""
    return tr("程序遇到了意外问题，操作没有完成；已保存的数据不受影响。") + detail


def report_error(exc: BaseException, parent: QWidget | None = None, *,
                 title: str | None = None) -> None:
    """Show *exc* to the user in a message box (never a traceback)."""
    if QApplication.instance() is None:
        print(user_message(exc), file=sys.stderr)
        return
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("操作未完成"), user_message(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Non-blocking: the event loop (and background saving) keeps running while it shows.
    _open_boxes.append(box)
    box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()


def install_excepthook() -> None:
    """Unexpected exceptions in slots end up logged and politely reported, not printed."""
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report_error(exc.with_traceback(tb))
    sys.excepthook = hook
