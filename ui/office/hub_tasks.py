"""Work on the hub from the office's screens: each request runs in the background on a connection
of its own (inspection.hub.office_list.on_folder_hub), and only the latest request of a screen
delivers its result (a filter typed quickly sends several). A hub that cannot be reached is said
in the screen's own line, not in a message box: offline is normal."""
from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from checklists.errors import UserError, language
from ui.base.error_reporting import report_error
from ui.base.tasks import TaskRunner, TaskRunnerStopped


class HubRequests(QObject):
    """The hub work of one screen; ``failed`` carries the words to show (the hub's error)."""

    busy_changed = Signal(bool)
    failed = Signal(str)

    def __init__(self, runner: TaskRunner, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.data_dir = Path(data_dir)
        self._latest: dict[str, int] = {}
        self._running = 0

    def run(self, kind: str, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """``work(session)`` on the hub; ``done(result)`` if no newer request of *kind* came."""
        from inspection.hub.office_list import on_folder_hub

        number = self._latest.get(kind, 0) + 1
        self._latest[kind] = number
        data_dir = self.data_dir
        self._set_running(+1)

        def finished(result: Any) -> None:
            self._set_running(-1)
            if self._latest.get(kind) == number:
                done(result)

        def failed(exc: BaseException) -> None:
            self._set_running(-1)
            if self._latest.get(kind) != number:
                return
            if isinstance(exc, UserError):
                self.failed.emit(exc.text(language()))
            else:
                report_error(exc)

        with contextlib.suppress(TaskRunnerStopped):
            self.runner.background(lambda _progress: on_folder_hub(data_dir, work), finished, failed)

    def local(self, kind: str, work: Callable[[Any], Any], done: Callable[[Any], None]) -> None:
        """``work(store)`` on the data folder (the reader connection), the same way."""
        number = self._latest.get(kind, 0) + 1
        self._latest[kind] = number
        self._set_running(+1)

        def finished(result: Any) -> None:
            self._set_running(-1)
            if self._latest.get(kind) == number:
                done(result)

        def failed(exc: BaseException) -> None:
            self._set_running(-1)
            if self._latest.get(kind) == number:
                self.failed.emit(exc.text(language()) if isinstance(exc, UserError) else str(exc))

        with contextlib.suppress(TaskRunnerStopped):
            self.runner.read(work, finished, failed)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def _set_running(self, step: int) -> None:
        was = self._running > 0
        self._running += step
        if was != (self._running > 0):
            self.busy_changed.emit(self._running > 0)
