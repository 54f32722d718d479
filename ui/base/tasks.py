"""The one task runner: all database and file work runs off the UI thread.

Database work runs on a single worker thread that owns the :class:`Store` (Anki's
single-writer executor), so writes never race and SQLite's one-connection-per-thread rule
holds. Long reads that must not hold up edits or opening an inspection (the inspections list at
thousands) run on a second thread with a read-only connection (:meth:`TaskRunner.read`; WAL
lets it read while the writer writes). File work (photo import, report export, decoding images, reading a certificate) runs on
a small background pool, so a quick read never waits behind a 30-photo import; work given the
same ``serial`` lane (report builds) runs one job at a time. Background work reports progress,
can hand items back as it goes (:meth:`Progress.send`) and can be cancelled. Results come back
to the UI thread as Qt signals, where the ``on_done`` / ``on_error`` callbacks run.

Tests may pass ``inline=True``: every task then runs at once on the calling thread.
"""
from __future__ import annotations

import enum
import itertools
import logging
import queue
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from inspection.store import Store

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
BACKGROUND_WORKERS = 3  # an import, a report build and quick reads can all run at once


class TaskRunnerStopped(RuntimeError):
    """Work was handed to a runner after :meth:`TaskRunner.shutdown`."""


class _State(enum.Enum):
    RUNNING = "running"
    DRAINING = "draining"  # shutting down: background work finishes, the database still writes
    STOPPED = "stopped"


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
    """Handed to background work: report progress, hand back items, ask whether to stop."""

    def __init__(self, runner: TaskRunner, handle: TaskHandle) -> None:
        self._runner = runner
        self._handle = handle

    def __call__(self, done: int, total: int, message: str = "") -> None:
        if self._runner.inline:
            self._runner._report_progress(self._handle.id, done, total, message)
        else:
            self._runner._progress.emit(self._handle.id, done, total, message)

    def send(self, item: Any) -> None:
        """Hand *item* to the task's ``on_item`` on the UI thread (in order, before on_done)."""
        if self._runner.inline:
            self._runner._deliver_item(self._handle.id, item)
        else:
            self._runner._item.emit(self._handle.id, item)

    def should_cancel(self) -> bool:
        return self._handle.cancelled


class _Unopened:
    """What work queued for a store that could not be opened gets: the opening's error."""

    def __init__(self, error: BaseException) -> None:
        self._error = error

    def __getattr__(self, name: str) -> Any:
        raise self._error


class TaskRunner(QObject):
    """Runs database tasks on one worker thread and file work on a small background pool.

    The store opens when the runner is made, unless ``open_now=False``: then it opens on the
    database thread once :meth:`open` is called (or work waits for it: :meth:`call`,
    :meth:`wait_open`), and :attr:`opened` says how that went. Work queued before runs after
    the opening (the folder's lock, migrations and damage checks come first), or not at all
    when it failed: then nothing is delivered, and :meth:`call` raises the opening's error.
    """

    _finished = Signal(int, object, object)  # task id, result, exception
    _progress = Signal(int, int, int, str)  # task id, done, total, message
    _item = Signal(int, object)  # task id, an item the work handed back
    busy_changed = Signal(bool)
    opened = Signal(object)  # with open_now=False: None once the store is open, else the error

    def __init__(self, data_dir: Path, *, actor: str = "", inline: bool = False,
                 workers: int = BACKGROUND_WORKERS, open_now: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.inline = inline
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None]] = {}
        self._progress_callbacks: dict[int, Callable[[int, int, str], None]] = {}
        self._item_callbacks: dict[int, Callback] = {}
        self._handles: dict[int, TaskHandle] = {}  # background work not yet delivered
        self._lanes: dict[str, deque] = {}  # serial lane → jobs waiting for the running one
        self._lanes_lock = threading.Lock()
        self._pending = 0
        self._finished.connect(self._deliver)
        self._progress.connect(self._report_progress)
        self._item.connect(self._deliver_item)
        self._store: Store | None = None
        self._reader_jobs: queue.Queue | None = None
        self._reader_thread: threading.Thread | None = None
        self._actor = actor
        self._state = _State.RUNNING
        self._thread: threading.Thread | None = None
        self._open_done = threading.Event()  # the opening was tried (see _open_error)
        self._open_error: BaseException | None = None
        self._open_lock = threading.Lock()
        if inline:
            from inspection.store import open_store
            self._store = open_store(self.data_dir, actor=actor)
            self._open_done.set()
            self._jobs = None
        else:
            self._jobs: queue.Queue | None = queue.Queue()
            self._thread = threading.Thread(target=self._db_loop, args=(actor,),
                                            name="db-worker", daemon=True)
            if open_now:
                try:
                    self.wait_open()
                except BaseException:
                    self._jobs.put(None)  # the database thread ends
                    raise
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="background")

    # --- the database worker -------------------------------------------------------------

    def open(self) -> None:
        """Start opening the store on the database thread (once; returns at once)."""
        with self._open_lock:
            if self._thread is not None and self._thread.ident is None:
                self._thread.start()

    @property
    def is_open(self) -> bool:
        """The store is open (False while it opens, and when opening it failed)."""
        return self._open_done.is_set() and self._open_error is None

    def wait_open(self) -> None:
        """Open the store if it is not open yet and wait; raise what opening it raised."""
        self.open()
        self._open_done.wait()
        if self._open_error is not None:
            raise self._open_error

    def _db_loop(self, actor: str) -> None:
        try:
            from inspection.store import open_store  # here: the window paints meanwhile
            self._store = open_store(self.data_dir, actor=actor)
        except BaseException as exc:  # said through wait_open() / opened
            self._open_error = exc
        self._open_done.set()
        self.opened.emit(self._open_error)
        store: Any = self._store if self._open_error is None else _Unopened(self._open_error)
        while True:
            job = self._jobs.get()
            if job is None:
                break
            task_id, fn = job
            if task_id is None:  # call(): the job hands its result back itself
                fn(store)
                continue
            try:
                result, error = fn(store), None
            except BaseException as exc:
                result, error = None, exc
            self._finished.emit(task_id, result, error)
        if self._store is not None:
            self._store.close()

    def set_actor(self, name: str) -> None:
        """Who the edits from now on are recorded as (the inspector's profile name)."""
        self._actor = name

        def take(store: Store) -> None:
            store.actor = name
        self.db(take)

    def db(self, fn: Callable[[Store], Any], on_done: Callback | None = None,
           on_error: Callback | None = None) -> int:
        """Queue ``fn(store)`` on the database thread; callbacks run on the UI thread."""
        self._check_accepting(database=True)
        task_id = next(self._ids)
        self._register(task_id, on_done, on_error)
        if self.inline:
            self._run_inline(task_id, lambda: fn(self._store))
        else:
            self._jobs.put((task_id, fn))
        return task_id

    def read(self, fn: Callable[[Store], Any], on_done: Callback | None = None,
             on_error: Callback | None = None) -> int:
        """Queue ``fn(store)`` on the reader thread: *store* only reads (``query_only``), sees
        what the writer has committed, and never waits behind edits, nor they behind it."""
        self._check_accepting(database=False)
        task_id = next(self._ids)
        self._register(task_id, on_done, on_error)
        if self.inline:
            self._run_inline(task_id, lambda: fn(self._store))
            return task_id
        if self._reader_jobs is None:
            self._reader_jobs = queue.Queue()
            self._reader_thread = threading.Thread(target=self._reader_loop, name="db-reader",
                                                   daemon=True)
            self._reader_thread.start()
        self._reader_jobs.put((task_id, fn))
        return task_id

    def _reader_loop(self) -> None:
        jobs = self._reader_jobs
        assert jobs is not None
        store: Store | None = None
        self._open_done.wait()  # the writer opens the folder first (lock, migrations)
        while True:
            job = jobs.get()
            if job is None:
                break
            task_id, fn = job
            try:
                if self._open_error is not None:
                    raise self._open_error
                if store is None:
                    from inspection.store import open_store
                    store = open_store(self.data_dir, actor=self._actor, reader=True)
                result, error = fn(store), None
            except BaseException as exc:
                result, error = None, exc
            self._finished.emit(task_id, result, error)
        if store is not None:
            store.close()

    def _check_accepting(self, *, database: bool) -> None:
        # While shutting down, background work still running may record what it did.
        if self._state is _State.STOPPED or (self._state is _State.DRAINING and not database):
            raise TaskRunnerStopped("the task runner has been shut down; no more work is taken")

    def call(self, fn: Callable[[Store], Any]) -> Any:
        """Run ``fn(store)`` on the database thread and wait for its result.

        For start-up, tests, and background work that records as it goes (a photo import
        records each photo as soon as it is stored). Not counted as busy: nothing is delivered.
        """
        self._check_accepting(database=True)
        if self.inline or threading.current_thread() is self._thread:
            return fn(self._store)
        self.open()
        done = threading.Event()
        box: dict = {}

        def job(store: Store) -> None:
            try:
                box["result"] = fn(store)
            except BaseException as exc:
                box["error"] = exc
            finally:
                done.set()

        self._jobs.put((None, job))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box.get("result")

    # --- background work ---------------------------------------------------------------------

    def background(self, fn: Callable[[Progress], Any], on_done: Callback | None = None,
                   on_error: Callback | None = None,
                   on_progress: Callable[[int, int, str], None] | None = None, *,
                   on_item: Callback | None = None, serial: str | None = None) -> TaskHandle:
        """Run ``fn(progress)`` off the UI thread; ``progress(done, total, msg)``,
        ``progress.send(item)`` and ``progress.should_cancel()`` are how it reports and stops.

        Jobs with the same *serial* lane run one after another (e.g. two report builds).
        """
        self._check_accepting(database=False)
        handle = TaskHandle(next(self._ids))
        self._register(handle.id, on_done, on_error)
        if on_progress is not None:
            self._progress_callbacks[handle.id] = on_progress
        if on_item is not None:
            self._item_callbacks[handle.id] = on_item
        progress = Progress(self, handle)
        if self.inline:
            self._run_inline(handle.id, lambda: fn(progress))
            return handle
        self._handles[handle.id] = handle
        job = (handle.id, fn, progress, serial)
        if serial is not None:
            with self._lanes_lock:
                waiting = self._lanes.get(serial)
                if waiting is not None:  # one of this lane is running: this one follows it
                    waiting.append(job)
                    return handle
                self._lanes[serial] = deque()
        self._pool.submit(self._run_background, *job)
        return handle

    def _run_background(self, task_id: int, fn, progress: Progress, serial: str | None) -> None:
        while True:
            try:
                result, error = fn(progress), None
            except BaseException as exc:
                result, error = None, exc
            self._finished.emit(task_id, result, error)
            if serial is None:
                return
            with self._lanes_lock:  # the lane's next job runs on this worker
                waiting = self._lanes.get(serial)
                if not waiting or self._state is not _State.RUNNING:
                    # Shutting down: jobs that never started are dropped (they were cancelled).
                    self._lanes.pop(serial, None)
                    return
                task_id, fn, progress, serial = waiting.popleft()

    # --- delivery on the UI thread ---------------------------------------------------------

    def _register(self, task_id: int, on_done, on_error) -> None:
        self._callbacks[task_id] = (on_done, on_error)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)

    def _run_inline(self, task_id: int, thunk) -> None:
        try:
            result, error = thunk(), None
        except BaseException as exc:
            result, error = None, exc
        self._deliver(task_id, result, error)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: BaseException | None) -> None:
        if task_id not in self._callbacks:
            return
        on_done, on_error = self._callbacks.pop(task_id)
        self._progress_callbacks.pop(task_id, None)
        self._item_callbacks.pop(task_id, None)
        self._handles.pop(task_id, None)
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)
        if self._state is _State.STOPPED or self._open_error is not None:
            # The window has gone (or never had a store): what the work saved is in the
            # store; nobody to tell.
            if error is not None:
                log.info("task %s ended after shutdown: %r", task_id, error)
            return
        if error is not None:
            if on_error is not None:
                on_error(error)
            else:
                from ui.base.error_reporting import report_error
                report_error(error)
        elif on_done is not None:
            on_done(result)

    @Slot(int, int, int, str)
    def _report_progress(self, task_id: int, done: int, total: int, message: str) -> None:
        callback = self._progress_callbacks.get(task_id)
        if callback is not None and self._state is not _State.STOPPED:
            callback(done, total, message)

    @Slot(int, object)
    def _deliver_item(self, task_id: int, item: Any) -> None:
        callback = self._item_callbacks.get(task_id)
        if callback is not None and self._state is not _State.STOPPED:
            callback(item)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def shutdown(self) -> None:
        """Stop: cancel running background work and let it finish what it has started (it may
        still record through the database worker), then write every queued database task
        (nothing saved is dropped) and stop the threads."""
        if self._state is not _State.RUNNING:
            return
        self._state = _State.DRAINING
        for handle in list(self._handles.values()):
            handle.cancel()
        self._pool.shutdown(wait=True, cancel_futures=False)
        if self.inline:
            self._state = _State.STOPPED
            if self._store is not None:
                self._store.close()
                self._store = None
            return
        self.open()  # work queued before the store opened is written (or fails) too
        if self._reader_jobs is not None:
            self._reader_jobs.put(None)
            self._reader_thread.join()
        if self._jobs is not None:
            self._jobs.put(None)
            self._thread.join()
        self._state = _State.STOPPED
