"""The camera: without one the action is disabled and says why; the path from a frame on screen
to a stored photo is the one the camera uses, fed here with images instead of a camera."""
from __future__ import annotations

from datetime import datetime

from PIL import Image
from PySide6.QtGui import QColor, QImage

from inspection.photos.capture import write_capture
from inspection.photos.exif import taken_at
from tests.ui.test_inspection_page_helpers import inspection_id, open_page, settle  # noqa: F401
from ui.camera.devices import camera_availability


def frame(color: str, size=(640, 480)) -> QImage:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor(color))
    return image


def test_a_capture_is_a_jpeg_with_its_capture_time(tmp_path):
    taken = datetime(2026, 11, 20, 9, 30, 12)
    first = write_capture(2, 1, bytes([255, 0, 0, 0, 0, 255]), tmp_path, taken_at=taken)
    second = write_capture(2, 1, bytes(6), tmp_path, taken_at=taken)
    assert first.name == "相机_20261120_093012.jpg" and second.name == "相机_20261120_093012_2.jpg"
    with Image.open(first) as image:
        assert image.format == "JPEG" and image.size == (2, 1)
        assert taken_at(image.getexif()) == "2026-11-20T09:30:12"


def test_without_a_camera_the_action_is_disabled_and_says_why(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    availability = camera_availability()
    assert not availability.usable  # no camera on this machine
    action = page.inspection_actions.take_photos
    assert not action.isEnabled()
    assert action.toolTip() == availability.reason and action.text() == "拍照（不可用）"
    page.take_photos()  # the menu would not offer it; called anyway it says why
    assert page.header.message.text() == availability.reason


def test_frames_taken_become_photos_of_the_item_in_capture_order(qtbot, runner, open_page,
                                                                 inspection_id, tmp_path):
    page = open_page(inspection_id)
    key = page.panel.key
    dialog = page.camera.open_dialog(key, "000 1-1-1")  # what open() does with a camera
    assert not dialog.take_button.isEnabled()  # no frame yet
    dialog.show_frame(frame("#d04040"))
    assert dialog.take_button.isEnabled()
    first = dialog.take(taken_at=datetime(2026, 11, 20, 9, 41, 5))
    dialog.show_frame(frame("#40a040", (480, 640)))
    second = dialog.take(taken_at=datetime(2026, 11, 20, 9, 40, 0))  # taken "earlier"
    assert dialog.status.text() == "已拍 2 张"
    qtbot.waitUntil(lambda: len(page.session.photos_for(*key)) == 2, timeout=15000)
    photos = page.session.photos_for(*key)
    assert [p.taken_at for p in photos] == ["2026-11-20T09:40:00", "2026-11-20T09:41:05"]
    assert [(p.width, p.height) for p in photos] == [(480, 640), (640, 480)]
    stored = runner.call(lambda s: s.snapshot(inspection_id).photos)
    assert {p.original_name for p in stored} == {first.name, second.name}
    qtbot.waitUntil(lambda: not first.exists() and not second.exists())  # imported: removed
    dialog.close()
