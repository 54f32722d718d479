"""The one task runner: all database and file work runs off the UI thread.

Database work runs on a single worker thread that owns the :class:`Store` (Anki's
single-writer executor), so writes never race and SQLite's one-connection-per-thread rule
holds. Long file work (photo import, report export) runs on a second pool and reports
progress; it can be cancelled. Results come back to the UI thread as Qt signals, where the
``on_done`` / ``on_error`` callbacks run.

Tests may pass ``inline=True``: every task then runs at once on the calling thread.
"""
from __future__ import annotations

import itertools
import logging
import queue
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot

from inspection.store import Store, open_store

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class TaskRunnerStopped(RuntimeError):
    """Work was handed to a runner after :meth:`TaskRunner.shutdown`."""


@dataclass
class TaskHandle:
    """A running background task: ask it to stop with :meth:`cancel`."""

    id: int
    _cancelled: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class Progress:
    """Handed to background work: report progress, ask whether to stop."""

    def __init__(self, runner: "TaskRunner", handle: TaskHandle) -> None:
        self._runner = runner
        self._handle = handle

    def __call__(self, done: int, total: int, message: str = "") -> None:
        self._runner._progress.emit(self._handle.id, done, total, message)

    def should_cancel(self) -> bool:
        return self._handle.cancelled


class TaskRunner(QObject):
    """Runs database tasks on one worker thread and long tasks on a background pool."""

    _finished = Signal(int, object, object)  # task id, result, exception
    _progress = Signal(int, int, int, str)  # task id, done, total, message
    busy_changed = Signal(bool)

    def __init__(self, data_dir: Path, *, actor: str = "", inline: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.inline = inline
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._progress_callbacks: dict[int, Callable[[int, int, str], None]] = {}
        self._pending = 0
        self._finished.connect(self._deliver)
        self._progress.connect(self._report_progress)
        self._store: Store | None = None
        self._stopped = False
        if inline:
            self._store = open_store(self.data_dir, actor=actor)
            self._jobs = None
        else:
            self._jobs: queue.Queue | None = queue.Queue()
            opened = threading.Event()
            self._open_error: BaseException | None = None
            self._thread = threading.Thread(target=self._db_loop, args=(actor, opened),
                                            name="db-worker", daemon=True)
            self._thread.start()
            opened.wait()
            if self._open_error is not None:
                raise self._open_error
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="background")

    # --- the database worker -------------------------------------------------------------

    def _db_loop(self, actor: str, opened: threading.Event) -> None:
        try:
            self._store = open_store(self.data_dir, actor=actor)
        except BaseException as exc:  # reported to the constructor's caller
            self._open_error = exc
            opened.set()
            return
        opened.set()
        while True:
            job = self._jobs.get()
            if job is None:
                break
            task_id, fn = job
            try:
                result, error = fn(self._store), None
            except BaseException as exc:  # noqa: BLE001 - delivered to on_error
                result, error = None, exc
            self._finished.emit(task_id, result, error)
        self._store.close()

    def db(self, fn: Callable[[Store], Any], on_done: Callback | None = None,
           on_error: Callback | None = None) -> int:
        """Queue ``fn(store)`` on the database thread; callbacks run on the UI thread."""
        self._check_running()
        task_id = next(self._ids)
        self._register(task_id, on_done, on_error)
        if self.inline:
            self._run_inline(task_id, lambda: fn(self._store))
        else:
            self._jobs.put((task_id, fn))
        return task_id

    def _check_running(self) -> None:
        if self._stopped:
            raise TaskRunnerStopped("the task runner has been shut down; no more work is taken")

    def call(self, fn: Callable[[Store], Any]) -> Any:
        """Run ``fn(store)`` on the database thread and wait for it (for start-up and tests)."""
        self._check_running()
        if self.inline:
            return fn(self._store)
        done = threading.Event()
        box: dict = {}

        def job(store: Store):
            try:
                box["result"] = fn(store)
            except BaseException as exc:  # noqa: BLE001
                box["error"] = exc
            finally:
                done.set()

        self._jobs.put((0, job))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    # --- long background work --------------------------------------------------------------

    def background(self, fn: Callable[[Progress], Any], on_done: Callback | None = None,
                   on_error: Callback | None = None,
                   on_progress: Callable[[int, int, str], None] | None = None) -> TaskHandle:
        """Run ``fn(progress)`` off the UI thread; ``progress(done, total, msg)`` and
        ``progress.should_cancel()`` are how it reports and stops."""
        self._check_running()
        handle = TaskHandle(next(self._ids))
        self._register(handle.id, on_done, on_error)
        if on_progress is not None:
            self._progress_callbacks[handle.id] = on_progress
        progress = Progress(self, handle)
        if self.inline:
            self._run_inline(handle.id, lambda: fn(progress))
        else:
            self._pool.submit(self._run_background, handle.id, fn, progress)
        return handle

    def _run_background(self, task_id: int, fn, progress: Progress) -> None:
        try:
            result, error = fn(progress), None
        except BaseException as exc:  # noqa: BLE001
            result, error = None, exc
        self._finished.emit(task_id, result, error)

    # --- delivery on the UI thread ---------------------------------------------------------

    def _register(self, task_id: int, on_done, on_error) -> None:
        self._callbacks[task_id] = (on_done, on_error)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _run_inline(self, task_id: int, thunk) -> None:
        try:
            result, error = thunk(), None
        except BaseException as exc:  # noqa: BLE001
            result, error = None, exc
        self._deliver(task_id, result, error)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._callbacks.pop(task_id, (None, None))
        self._progress_callbacks.pop(task_id, None)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                from ui.errors import report_error
                report_error(error)
        elif on_done is not None:
            on_done(result)

    @Slot(int, int, int, str)
    def _report_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        callback = self._progress_callbacks.get(task_id)
        if callback is not None:
            callback(done, total, message)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Finish queued database work (nothing saved is dropped), then stop the threads."""
        if self._stopped:
            return
        self._stopped = True
        self._pool.shutdown(wait=True, cancel_futures=False)
        if self.inline:
            if self._store is not None:
                self._store.close()
                self._store = None
            return
        if self._jobs is not None:
            self._jobs.put(None)
            self._thread.join()
            self._jobs = None
