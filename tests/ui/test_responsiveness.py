"""The event loop keeps running while 50 camera-sized photos are imported through the page."""
from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from tests.ui.test_inspection_page_helpers import (inspection_id, make_jpegs, open_page,  # noqa: F401
                                                   settle)

TICK_MS = 20
BOUND_MS = 250  # generous: this checks that nothing blocks the UI thread, not raw speed


@pytest.mark.slow
def test_ui_thread_keeps_ticking_during_a_50_photo_import(qtbot, runner, open_page, inspection_id,
                                                          tmp_path):
    paths = make_jpegs(tmp_path / "camera", 50, size=(2400, 1800))
    page = open_page(inspection_id)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    qtbot.wait(100)
    page.photos.import_photos(paths, ("000", "1-1-1"))
    qtbot.waitUntil(lambda: not page.importer.running, timeout=120000)
    # and the thumbnails the strip shows arrive (lazily: only the visible ones are asked for)
    model = page.panel.photos.model
    qtbot.waitUntil(lambda: len(model.photos) == 50
                    and all(p.id in page.cache._pixmaps for p in model.photos[:4]), timeout=20000)
    settle(qtbot, page)
    qtbot.wait(100)
    timer.stop()
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    worst = max(gaps) * 1000
    print(f"\n50-photo import: {len(ticks)} ticks, max gap between 20 ms ticks {worst:.0f} ms")
    assert len(page.importer.last.added) == 50
    assert worst < BOUND_MS
