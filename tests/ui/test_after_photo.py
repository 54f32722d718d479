"""Closing a finding at a revisit asks for the 整改后 photo (issue 12 §4): the close dialog's
接着添加整改后照片 is ticked for a finding carried from an earlier visit, and closing with it
ticked opens the photo dialog (here: no camera) onto the finding's item; the photo lands there."""
from __future__ import annotations

import pytest

from inspection.model import FindingStatus, Status
from tests.inspection.report_data import jpeg_bytes
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.inspection_view.findings import CloseFindingDialog
from ui.main_window import MainWindow

ITEM = ("000", "1-1-5")


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def _revisit(store):
    park = store.add_park("星河智造小微企业园", "manufacturing")
    first = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2025-03-10").id
    store.add_finding(first, *ITEM, requirement="清理消防栓周边货物", severity="major")
    store.set_status(first, Status.COMPLETED)
    return store.new_revisit(first, date="2026-03-01").id


def test_closing_a_carried_finding_asks_for_the_after_photo(qtbot, window, runner, tmp_path, monkeypatch):
    photo = tmp_path / "after.jpg"
    photo.write_bytes(jpeg_bytes(width=800, height=600, seed=7))
    monkeypatch.setattr("ui.photos.import_flow.choose_photo_files", lambda parent: [photo])
    monkeypatch.setattr("ui.camera.devices.camera_availability",
                        lambda: type("NoCamera", (), {"usable": False, "reason": "", "devices": ()})())
    revisit = runner.call(_revisit)
    window.open_inspection(revisit)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == revisit, timeout=10000)
    page.select(ITEM)
    [finding] = runner.call(lambda store: store.findings(revisit))
    page.panel.findings.close_finding(finding.id)
    dialog = page.panel.findings.dialog
    assert isinstance(dialog, CloseFindingDialog) and dialog.after_photo.isChecked()
    dialog.note.setPlainText("货物已清走")
    dialog._submit()
    qtbot.waitUntil(lambda: runner.call(lambda store: [p.item_code for p in store.photos(revisit)]) == ["1-1-5"],
                    timeout=20000)
    assert runner.call(lambda store: store.finding(finding.id)).status is FindingStatus.CLOSED


def test_a_finding_of_this_visit_does_not_ask(qtbot, window, runner):
    def make(store):
        park = store.add_park("甲园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-03-01").id
        store.add_finding(inspection, *ITEM, requirement="当场整改", severity="minor")
        return inspection

    inspection = runner.call(make)
    window.open_inspection(inspection)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == inspection, timeout=10000)
    page.select(ITEM)
    [finding] = runner.call(lambda store: store.findings(inspection))
    page.panel.findings.close_finding(finding.id)
    assert not page.panel.findings.dialog.after_photo.isChecked()
