"""The main window's status bar, built once (``build_status_bar(window)``): the busy indicator,
shown only while the database or a background task works longer than :data:`BUSY_DELAY_MS`
(short saves never flash it), and the open inspection's save state (已保存 14:03:12) at the
right. Messages (``statusBar().showMessage``) take the rest of the bar."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from ui.base.i18n import tr
from ui.base.tasks import TaskRunner

BUSY_DELAY_MS = 400  # short saves never flash the busy indicator


def build_status_bar(window: QMainWindow, runner: TaskRunner) -> None:
    """Puts ``busy_bar``, ``save_label`` and ``busy_timer`` on *window*; the indicator follows
    *runner*."""
    metrics = window.fontMetrics()
    busy_bar = QProgressBar()
    busy_bar.setRange(0, 0)
    busy_bar.setTextVisible(False)
    busy_bar.setMaximumWidth(metrics.averageCharWidth() * 12)
    busy_bar.setMaximumHeight(metrics.height())
    busy_bar.setToolTip(tr("正在处理…"))
    busy_bar.hide()
    save_label = QLabel()
    save_label.setObjectName("saveState")
    window.statusBar().addPermanentWidget(busy_bar)
    window.statusBar().addPermanentWidget(save_label)
    timer = QTimer(window, singleShot=True, interval=BUSY_DELAY_MS)
    timer.timeout.connect(busy_bar.show)

    def busy_changed(busy: bool) -> None:
        if busy:
            timer.start()
        else:
            timer.stop()
            busy_bar.hide()
    runner.busy_changed.connect(busy_changed)
    window.busy_bar, window.save_label, window.busy_timer = busy_bar, save_label, timer
