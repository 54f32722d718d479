"""Errors shown to the user in words they understand; the unexpected ones logged to a file.

Qt calls our overrides (a model's ``data()``, a delegate's ``paint()``) many times a second: one
bug there would raise on every repaint. Those overrides are wrapped with :func:`guarded`, which
logs the first failure of each place and draws or returns a harmless fallback, and the excepthook
shows at most one message box at a time (the rest are only logged).
"""
from __future__ import annotations

import functools
import logging
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from checklists.errors import UserError, language
from inspection.logs import log_file, start_logging
from inspection.palette import PLACEHOLDER_FILL, PLACEHOLDER_TEXT
from ui.base.i18n import tr

log = logging.getLogger(__name__)
_open_boxes: list[QMessageBox] = []
_hook_box: QMessageBox | None = None  # the excepthook's one box, while it is open
_hook_shown: dict[tuple, float] = {}  # where an unexpected error was last shown → when
_guard_logged: set[tuple] = set()  # guarded places whose failure is in the log already
HOOK_REPEAT_SECONDS = 60.0  # the same unexpected error is shown again after this long




def set_log_folder(folder: Path) -> Path:
    """Log records, unexpected errors among them, go to *folder* from now on (rotated)."""
    return start_logging(folder)


def log_exception(exc: BaseException) -> Path | None:
    """Log *exc* with its traceback; returns the log file (None when there is none)."""
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return log_file()


def user_message(exc: BaseException) -> str:
    """What to tell the user about *exc*, in one or two sentences."""
    if isinstance(exc, UserError):
        return exc.text(language())
    from inspection.store import explain_database_error  # not before the window shows

    explained = explain_database_error(exc)  # damaged, full, read-only: what to do, not a code
    if explained is not None:
        log_exception(exc)
        return explained.text(language())
    if isinstance(exc, OSError):
        return tr("文件操作失败：{0}").format(exc.strerror or exc)
    where = log_exception(exc)
    detail = tr("详细信息已记录在 {0}。").format(where) if where else ""
    return tr("程序遇到了意外问题，操作没有完成；已保存的数据不受影响。") + detail


def report_error(exc: BaseException, parent: QWidget | None = None, *,
                 title: str | None = None, context: str = "") -> QMessageBox | None:
    """Show *exc* to the user in a message box (never a traceback); *context* (what was done
    all the same, say) goes before the message."""
    text = f"{context}\n\n{user_message(exc)}" if context else user_message(exc)
    if QApplication.instance() is None:
        print(text, file=sys.stderr)
        return None
    parent = parent or QApplication.activeWindow()
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("操作未完成"), text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    details = getattr(exc, "details", "")  # e.g. libpq's own words behind a HubError
    if isinstance(details, str) and details:
        box.setDetailedText(details)
    # Non-blocking: the event loop (and background saving) keeps running while it shows.
    _open_boxes.append(box)
    box.finished.connect(lambda *_: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box


def _where(exc: BaseException) -> tuple:
    """The exception's kind and the line it was raised at: the same bug gives the same key."""
    frames = traceback.extract_tb(exc.__traceback__)
    last = frames[-1] if frames else None
    return (type(exc).__name__, last.filename if last else "", last.lineno if last else 0)


def handle_unexpected(exc: BaseException) -> None:
    """The excepthook's work: one box at a time, the same error at most once a minute; every
    occurrence goes to the log."""
    global _hook_box
    key, now = _where(exc), time.monotonic()
    shown_at = _hook_shown.get(key)
    if _hook_box is not None or (shown_at is not None and now - shown_at < HOOK_REPEAT_SECONDS):
        log_exception(exc)
        return
    _hook_shown[key] = now
    box = report_error(exc)
    if box is not None:
        _hook_box = box
        box.finished.connect(_hook_box_closed)


def _hook_box_closed(*_args) -> None:
    global _hook_box
    _hook_box = None


def install_excepthook() -> None:
    """Unexpected exceptions in slots end up logged and politely reported, not printed."""
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            handle_unexpected(exc.with_traceback(tb))
        except Exception:
            log.exception("the error hook failed")
    sys.excepthook = hook


def log_guarded(exc: BaseException, where: str) -> None:
    """Log a failure inside a Qt override once per place and kind (it recurs on every repaint)."""
    key = (where, *_where(exc))
    if key not in _guard_logged:
        _guard_logged.add(key)
        log_exception(exc)


def guarded(fallback: Any = None) -> Callable:
    """For Qt overrides like ``data()``: an exception is logged once and *fallback* returned."""
    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def safe(*args, **kwargs):
            try:
                return method(*args, **kwargs)
            except Exception as exc:
                log_guarded(exc, method.__qualname__)
                return fallback
        return safe
    return wrap


def guarded_paint(method: Callable | None = None, *, placeholder: bool = True) -> Callable:
    """For ``paint(painter, option, …)`` overrides: on an exception the painter is restored,
    the failure logged once, and (with *placeholder*) a grey box drawn in ``option.rect``."""
    def wrap(paint: Callable) -> Callable:
        @functools.wraps(paint)
        def safe(self, painter, option, *args, **kwargs):
            painter.save()
            try:
                paint(self, painter, option, *args, **kwargs)
            except Exception as exc:
                log_guarded(exc, paint.__qualname__)
                painter.restore()
                painter.save()
                if placeholder:
                    draw_placeholder(painter, getattr(option, "rect", None))
            finally:
                painter.restore()
        return safe
    return wrap(method) if method is not None else wrap


def draw_placeholder(painter, rect) -> None:
    """A quiet grey box where something could not be drawn."""
    from PySide6.QtGui import QColor
    if rect is None:
        return
    painter.fillRect(rect, QColor(PLACEHOLDER_FILL))
    painter.setPen(QColor(PLACEHOLDER_TEXT))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "?")
