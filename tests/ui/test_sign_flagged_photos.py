"""签署前检查 names the photos that look wrong for this visit — taken far from the park or on
another day (another visit's SD card?) — before the report is locked: a warning the inspector
confirms, never a refusal (trial 2, F7)."""
from __future__ import annotations

from tests.inspection.test_report_evidence import PARK, photo
from ui.reports.sign_dialog import IssueDialog, check_readiness


def test_photos_far_off_or_of_another_day_are_named_before_signing(qtbot, inline_runner, prefs):
    def make(store):
        park = store.add_park("星河智造园", "manufacturing")
        store.set_park_location(park.id, PARK)
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="pass")
        photo(store, inspection.id, seed=1, gps=(30.8201, 121.2502),
              taken_at="2026-11-20T10:05:00+08:00", code="1-1-1")  # on site, that day
        photo(store, inspection.id, seed=2, gps=(39.90, 116.40),
              taken_at="2026-11-20T11:00:00+08:00", code="1-1-1")  # Beijing, ~1,100 km
        photo(store, inspection.id, seed=3, gps=None,
              taken_at="2025-06-01T09:00:00+08:00", code="1-1-1")  # a year before
        return inspection.id

    iid = inline_runner.call(make)
    ready = inline_runner.call(lambda store: check_readiness(store, iid, None))
    assert [name for name, _ in ready.flagged_photos] == ["IMG_2.JPG", "IMG_3.JPG"]
    assert "公里" in ready.flagged_photos[0][1] and "非检查当天" in ready.flagged_photos[1][1]
    assert ready.needs_confirmation  # signing asks the inspector to confirm, it does not refuse
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.flagged_line.isVisible()
    text = dialog.flagged_line.text()
    assert "2 张照片需要核对" in text and "IMG_2.JPG" in text and "IMG_3.JPG" in text
    assert dialog.confirm.isVisible()


def test_no_line_when_every_photo_fits_the_visit(qtbot, inline_runner, prefs):
    def make(store):
        park = store.add_park("星河智造园", "manufacturing")
        store.set_park_location(park.id, PARK)
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        photo(store, inspection.id, seed=1, gps=(30.8201, 121.2502),
              taken_at="2026-11-20T10:05:00+08:00", code="1-1-1")
        return inspection.id

    iid = inline_runner.call(make)
    ready = inline_runner.call(lambda store: check_readiness(store, iid, None))
    assert ready.flagged_photos == ()
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.flagged_line.isVisible()
