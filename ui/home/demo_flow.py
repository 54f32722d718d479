"""打开示例检查 (the 文件 menu and the first-run screen): the demo inspection already in the
data folder is opened; otherwise it is made first (with photos: a few seconds) behind a
progress dialog that says its steps."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from ui.base.error_reporting import report_error
from ui.base.i18n import tr


def find_demo(store) -> str | None:
    """The newest demo inspection (the 000 + 001 one) already in the data folder, if any."""
    from inspection.demo.demo_inspection import DEMO_PARK
    for inspection in store.inspections(search=DEMO_PARK):
        if inspection.park_name == DEMO_PARK and "001" in inspection.template_ids:
            return inspection.id
    return None


class _Relay(QObject):
    """Carries progress messages from the database thread to the UI thread (queued)."""

    message = Signal(str)


class DemoFlow(QObject):
    """Opens (making it first when needed) the demo inspection in *window* (a MainWindow)."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.progress: QProgressDialog | None = None  # while the demo is being made

    def open(self) -> None:
        if self.progress is not None:
            return
        self.window.demo_action.setEnabled(False)
        self.window.runner.db(find_demo, self._found, self._failed)

    def _found(self, inspection_id: str | None) -> None:
        window = self.window
        if inspection_id:
            window.demo_action.setEnabled(True)
            window.open_inspection(inspection_id)
            return
        from inspection.demo.demo_inspection import create_demo

        dialog = QProgressDialog(tr("正在生成示例检查，包括几张现场照片，需要几秒钟…"),
                                 "", 0, 0, window)
        dialog.setWindowTitle(tr("打开示例检查"))
        dialog.setCancelButton(None)
        dialog.setMinimumDuration(0)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.show()
        self.progress = dialog
        relay = _Relay(self)
        relay.message.connect(dialog.setLabelText)  # its steps, in the window's language
        window.runner.db(lambda store: create_demo(store, progress=relay.message.emit).main,
                         self._created, self._failed)

    def _end_progress(self) -> None:
        self.window.demo_action.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _created(self, inspection_id: str) -> None:
        self._end_progress()
        self.window.home.refresh()
        self.window.open_inspection(inspection_id)

    def _failed(self, exc: BaseException) -> None:
        self._end_progress()
        report_error(exc, self.window, title=tr("无法打开示例检查"))
