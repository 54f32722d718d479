"""The event loop keeps running while 50 camera-sized photos are imported through the page.

What is checked is order, not speed: a UI-thread timer must fire between the import's progress
reports (each report is a queued signal handled by the same event loop), many times during the
import. The longest gap between ticks is printed for whoever wants to look at it; it depends on
the machine, so it is not asserted.
"""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from tests.ui.test_inspection_page_helpers import inspection_id, make_jpegs, open_page, settle  # noqa: F401

TICK_MS = 20


@pytest.mark.slow
def test_ui_thread_keeps_ticking_during_a_50_photo_import(qtbot, runner, open_page, inspection_id,
                                                          tmp_path):
    paths = make_jpegs(tmp_path / "camera", 50, size=(2400, 1800))
    page = open_page(inspection_id)
    events: list[tuple[str, float]] = []  # ("tick" | "progress", time), in the order handled
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: events.append(("tick", time.perf_counter())))
    page.importer.runner._progress.connect(
        lambda _id, done, total, _name: total and events.append(("progress", time.perf_counter())))
    timer.start()
    page.photos.import_photos(paths, ("000", "1-1-1"))
    qtbot.waitUntil(lambda: not page.importer.running, timeout=120000)
    # and the thumbnails the strip shows arrive (lazily: only the visible ones are asked for)
    model = page.panel.photos.model
    qtbot.waitUntil(lambda: len(model.photos) == 50
                    and all(p.id in page.cache._pixmaps for p in model.photos[:4]), timeout=20000)
    settle(qtbot, page)
    timer.stop()
    assert len(page.importer.last.added) == 50

    kinds = [kind for kind, _ in events]
    first, last = kinds.index("progress"), len(kinds) - 1 - kinds[::-1].index("progress")
    during = kinds[first:last + 1]
    reports = during.count("progress")
    # between consecutive progress reports, how many ticks were handled
    ticks_between = [0]
    for kind in during[1:]:
        if kind == "progress":
            ticks_between.append(0)
        else:
            ticks_between[-1] += 1
    interleaved = sum(1 for n in ticks_between[:-1] if n > 0)
    times = [t for kind, t in events if kind == "tick"]
    worst = max(b - a for a, b in zip(times, times[1:])) * 1000
    print(f"\n50-photo import: {reports} progress reports, {during.count('tick')} ticks during "
          f"the import, ticks between {interleaved} of {reports - 1} pairs of reports; "
          f"max gap between {TICK_MS} ms ticks {worst:.0f} ms")
    assert reports >= 50
    assert during.count("tick") >= reports  # the timer ran all through the import
    assert interleaved >= (reports - 1) // 3  # and between the reports, not only around them
