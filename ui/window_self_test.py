"""The window part of ``--self-test``: the program's window opens and shows an inspection.

Runs without a screen (Qt's offscreen platform), so a fresh build can be checked on a build
machine: the Qt plugins, the bundled fonts, the translations and the main window all load.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

TIMEOUT_S = 30


def _wait_until(app: QApplication, condition, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.01)


def check_window(data_dir: Path) -> str:
    """Open the main window on *data_dir*, open its first inspection, render it; say what was seen."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.app import configure_application
    from ui.base.preferences import Preferences
    from ui.main_window import MainWindow

    # The offscreen platform warns about window features it lacks; that is not a failure.
    qInstallMessageHandler(lambda mode, context, message: None)
    app = QApplication.instance() or QApplication(["park-inspector-selftest"])
    with tempfile.TemporaryDirectory(prefix="selftest-settings-") as tmp:
        prefs = Preferences(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        configure_application(app, prefs)
        if "Noto Sans SC" not in QFontDatabase.families():
            raise RuntimeError("the bundled Chinese font (Noto Sans SC) did not load")
        window = MainWindow(data_dir=data_dir, prefs=prefs)
        try:
            window.resize(1280, 800)
            window.show()
            _wait_until(app, lambda: window.home.model.rowCount() > 0, "the list of inspections")
            first = window.home.model.inspection(0)
            window.open_inspection(first.id)
            _wait_until(app, lambda: window.page.session is not None, "the inspection to open")
            image = window.grab().toImage()
            if image.isNull() or image.width() < 800:
                raise RuntimeError("the window was not drawn")
            rows = window.home.model.rowCount()
            title = window.windowTitle()
        finally:
            window.close()
    return f"{rows} 个检查；{title}"
