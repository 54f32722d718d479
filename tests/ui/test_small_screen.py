"""Everything usable at 1024×700: the page's item panel never scrolls sideways, the photo viewer
and the dialogs changed for the inspector's day fit the screen."""
from __future__ import annotations

from datetime import datetime

from inspection.demo.demo_photos import make_demo_photo
from tests.ui.test_inspection_page_helpers import inspection_id, open_page, settle  # noqa: F401
from tests.ui.test_photos_ui import _import, _open_viewer

WIDTH, HEIGHT = 1024, 700


def test_the_page_fits_1024_by_700_without_sideways_scrolling(qtbot, open_page, inspection_id,
                                                               tmp_path):
    page = open_page(inspection_id)
    page.resize(WIDTH, HEIGHT - 60)  # the menu bar and status bar take the rest
    files = [make_demo_photo(tmp_path / f"IMG_{i}.JPG", seed=i, size=(800, 600),
                             taken_at=datetime(2026, 11, 20, 9, i), gps=(30.8, 121.2))
             for i in range(6)]
    _import(qtbot, page, files, page.panel.key)
    page.set_result("fail")
    settle(qtbot, page)
    for key in (("000", "1-1-1"), ("001", "7"), ("002", "2")):
        page.select(key)
        qtbot.wait(50)
        assert page.panel.horizontalScrollBar().maximum() == 0, key
    assert page.minimumSizeHint().width() <= WIDTH


def test_the_photo_viewer_fits_a_1024_screen(qtbot, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    files = [make_demo_photo(tmp_path / "IMG_1.JPG", seed=1, size=(800, 600),
                             taken_at=datetime(2026, 11, 20, 9, 1), gps=(30.8, 121.2))]
    _import(qtbot, page, files, page.panel.key)
    qtbot.waitUntil(lambda: len(page.panel.photos.model.photos) == 1)
    viewer = _open_viewer(qtbot, page)
    assert viewer.minimumSizeHint().width() <= WIDTH - 40
    assert viewer.minimumSizeHint().height() <= HEIGHT - 60


def test_large_text_at_1024_does_not_scroll_the_item_panel_sideways(qtbot, qapp, prefs, runner,
                                                                      open_page, inspection_id):
    from ui.app import configure_application
    runner.call(lambda s: s.add_finding(inspection_id, "000", "1-1-1", requirement="修复路灯",
                                        deadline="2026-12-31", responsible="园区物业部"))
    prefs.text_size = "larger"
    configure_application(qapp, prefs)
    try:
        page = open_page(inspection_id)
        page.resize(WIDTH, HEIGHT - 60)
        page.select(("000", "1-1-1"))
        qtbot.wait(50)
        assert page.panel.widget().minimumSizeHint().width() <= page.panel.viewport().width()
        assert page.panel.horizontalScrollBar().maximum() == 0
    finally:
        prefs.text_size = "normal"
        configure_application(qapp, prefs)
