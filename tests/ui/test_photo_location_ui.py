"""In the window: a photo's place and day are shown in the viewer, photos far from the park or
of another day are flagged in the strip; the park's location is set from the photos; the
viewer zooms the original, not the report copy; deleting a photo says so."""
from __future__ import annotations

from datetime import datetime

from inspection.demo.demo_photos import make_demo_photo
from tests.ui.test_inspection_page_helpers import inspection_id, open_page, settle  # noqa: F401
from tests.ui.test_photos_ui import _import, _open_viewer


def camera_photos(folder, *spots):
    """(minute, day, (lat, lon)) → a 3200×2400 JPEG with that EXIF time and GPS."""
    return [make_demo_photo(folder / f"IMG_{i:04d}.JPG", seed=i, size=(3200, 2400),
                            taken_at=datetime(2026, 11, day, 9, minute), gps=gps)
            for i, (minute, day, gps) in enumerate(spots)]


def test_far_and_other_day_photos_are_flagged_once_the_park_has_a_location(
        qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)  # visited 2026-11-20
    files = camera_photos(tmp_path / "sd", (10, 20, (30.8201, 121.2532)),
                          (20, 20, (30.8203, 121.2530)), (30, 18, (30.8600, 121.2532)))
    _import(qtbot, page, files, page.panel.key)
    qtbot.waitUntil(lambda: len(page.panel.photos.model.photos) == 3)
    model = page.panel.photos.model
    assert list(model.warnings.values()) == ["非检查当天（2026-11-20）拍摄"]  # no park location yet
    page.edit_park_location()
    dialog = page.location_dialog
    assert dialog.middle == (30.8203, 121.2532)
    dialog.from_photos.click()
    dialog.submit()
    qtbot.waitUntil(lambda: page.session.park.location == (30.8203, 121.2532))
    qtbot.waitUntil(lambda: len(model.warnings) == 1 and "距园区约 4.4 公里" in
                    next(iter(model.warnings.values())))
    far = next(p for p in model.photos if p.id in model.warnings)
    assert model.data(model.index(model.photos.index(far))).startswith("⚠ ")
    viewer = _open_viewer(qtbot, page)
    viewer.show_photo(far.id)
    assert "位置 30.86000°N 121.25320°E" in viewer.info.text()
    assert "⚠ 距园区约 4.4 公里；非检查当天（2026-11-20）拍摄" in viewer.info.text()


def test_the_viewer_zooms_the_original_and_says_when_a_photo_is_deleted(
        qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    files = camera_photos(tmp_path / "sd", (10, 20, (30.82, 121.25)), (20, 20, (30.82, 121.25)))
    _import(qtbot, page, files, page.panel.key)
    qtbot.waitUntil(lambda: len(page.panel.photos.model.photos) == 2)
    viewer = _open_viewer(qtbot, page)
    item = viewer.editor._pixmap_item
    qtbot.waitUntil(lambda: item.pixmap().width() == 3200)  # the original, after the copy
    assert viewer.editor.sceneRect().width() == 1600 and item.scale() == 0.5
    said = []
    page.photos.message.connect(said.append)
    viewer.remove_photo()
    assert said and said[0].startswith("已删除照片") and "Ctrl+Z" in said[0]
    assert "已删除照片" in viewer.info.text()
