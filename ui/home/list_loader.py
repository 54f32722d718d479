"""Loading the inspections list without making anyone wait: the first page at once, the rest
after it, then the figures that are missing or stale, a chunk at a time, visible rows first.

Every read goes to the task runner's reader connection (``TaskRunner.read``), so opening an
inspection or saving an edit never queues behind the list; working out figures runs on the
background pool, and the figures are kept in the store (``Store.save_figures``) so that the next
start shows them at once. A refresh overtaken by a newer one drops its late results.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ui.base.error_reporting import report_error
from ui.base.tasks import TaskRunner, TaskRunnerStopped

if TYPE_CHECKING:  # the figures' module (and its scoring) loads when figures are worked out
    from inspection.figures import Figures
    from inspection.model import Inspection

FIRST_PAGE = 200  # rows shown before anything else is read
NEXT_PAGES = 2000  # then the rest, this many at a time (the window stays responsive)
FIGURES_CHUNK = 100  # inspections whose figures are worked out in one go

Listed = tuple["Inspection", "Figures | None"]


def read_snapshots(store, inspection_ids: Sequence[str]) -> dict:
    """Each inspection's records, or the exception reading them (a reader's thread)."""
    snapshots: dict = {}
    for inspection_id in inspection_ids:
        try:
            snapshots[inspection_id] = store.snapshot(inspection_id)
        except Exception as exc:
            snapshots[inspection_id] = exc
    return snapshots


def read_standings(store) -> dict:
    """Where each inspection stands with the folder's hub ({} without a hub): a reader's thread."""
    from inspection.hub.settings import load_settings

    return store.hub_standings(load_settings(store.data_dir.root).hub_id)


class ListLoader(QObject):
    """Reads the list in pages and works out stale figures; the page listens to its signals."""

    first_page = Signal(object, int)  # the first rows (list of (inspection, figures)), the count
    more_rows = Signal(object)  # (the next rows, whether they are the last)
    figures = Signal(object)  # {inspection id: figures} worked out just now
    finished = Signal()  # the rows and every figure they needed are in
    records_found = Signal(str, object)  # a search text, {inspection id: where it was found}
    standings = Signal(object)  # {inspection id: HubStanding}: where each stands with the hub

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._generation = 0
        self._stopped = False
        self._search_generation = 0

    def stop(self) -> None:
        """The runner is shutting down: late results are dropped, nothing new is queued."""
        self._stopped = True

    def _queue(self, start: Callable[[], object]) -> None:
        if self._stopped:
            return
        try:
            start()
        except TaskRunnerStopped:
            self._stopped = True

    def _current(self, generation: int) -> bool:
        return generation == self._generation and not self._stopped

    # --- rows ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        self._queue(lambda: self.runner.read(
            lambda store: (store.listed_inspections(limit=FIRST_PAGE), store.inspection_count()),
            lambda result: self._first(generation, *result), self._failed))

    def _first(self, generation: int, rows: list[Listed], count: int) -> None:
        if not self._current(generation):
            return
        self.first_page.emit(rows, count)
        self._next_page(generation, len(rows), count)
        self._queue(lambda: self.runner.read(
            read_standings, lambda found: self._standings(generation, found), self._failed))

    def _standings(self, generation: int, found: dict) -> None:
        if self._current(generation):
            self.standings.emit(found)

    def _next_page(self, generation: int, offset: int, count: int) -> None:
        if offset < count:
            self._queue(lambda: self.runner.read(
                lambda store: store.listed_inspections(offset=offset, limit=NEXT_PAGES),
                lambda more: self._more(generation, more, offset + NEXT_PAGES, count),
                self._failed))

    def _more(self, generation: int, rows: list[Listed], offset: int, count: int) -> None:
        if self._current(generation):
            self.more_rows.emit((rows, offset >= count))
            self._next_page(generation, offset, count)

    # --- figures ----------------------------------------------------------------------------

    def work_out(self, stale: Sequence[str]) -> None:
        """Work out the figures of *stale* inspections (in the order given), keep them in the
        store and announce each chunk; ``finished`` when all are done."""
        self._next_chunk(self._generation, list(stale))

    def _next_chunk(self, generation: int, stale: list[str]) -> None:
        if not self._current(generation):
            return
        if not stale:
            self.finished.emit()
            return
        chunk, rest = stale[:FIGURES_CHUNK], stale[FIGURES_CHUNK:]
        self._queue(lambda: self.runner.read(
            lambda store: read_snapshots(store, chunk),
            lambda snapshots: self._compute(generation, snapshots, rest), self._failed))

    def _compute(self, generation: int, snapshots: dict, rest: list[str]) -> None:
        if self._current(generation):
            from inspection.figures import compute_figures
            self._queue(lambda: self.runner.background(
                lambda _progress: compute_figures(snapshots),
                lambda figures: self._computed(generation, figures, rest), self._failed))

    def _computed(self, generation: int, figures: dict[str, Figures], rest: list[str]) -> None:
        if not self._current(generation):
            return
        self.figures.emit(figures)
        # Kept for the next start; a figure kept late is harmless (it carries its updated_at).
        self._queue(lambda: self.runner.db(lambda store: store.save_figures(figures),
                                           lambda _kept: None, self._failed))
        self._next_chunk(generation, rest)

    # --- searching the records -----------------------------------------------------------------

    def search_records(self, text: str) -> None:
        """Find the inspections whose notes, findings or items mention *text* (in the
        background); ``records_found`` brings the answer for the latest text only."""
        self._search_generation += 1
        generation = self._search_generation
        if not text.strip():
            self.records_found.emit(text, {})
            return
        self._queue(lambda: self.runner.read(
            lambda store: store.search_records(text),
            lambda found: self._found(generation, text, found), self._failed))

    def _found(self, generation: int, text: str, found: dict[str, str]) -> None:
        if generation == self._search_generation and not self._stopped:
            self.records_found.emit(text, found)

    def _failed(self, exc: BaseException) -> None:
        if not self._stopped:
            report_error(exc)
