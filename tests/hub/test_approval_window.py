"""An approval as the window shows it, against the suite's real PostgreSQL: the office's history
names an approval the hub carried over to the signed revision; the inspector's list and page say
already-approved results taken back to 检查中 are being edited (the approval is of the results
before), and — results changed and uploaded — that the inspection is 待审核 again because of it."""
from __future__ import annotations

import pytest

from inspection.hub.folder import connect_folder
from inspection.hub.sync import sync_folder
from inspection.model import Status
from inspection.store import open_store
from tests.hub.folders import filled_inspection, folder, sign
from tests.hub.office_data import decide
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.home.inspection_list import STANDING_ROLE, Column
from ui.main_window import MainWindow

TOOLTIP = 0x03


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def _status_cell(window, inspection_id):
    row = window.home.model.row_of(inspection_id)
    return window.home.model.index(row, Column.STATUS) if row >= 0 else None


def _standing_of(window, inspection_id):
    cell = _status_cell(window, inspection_id)
    return cell.data(STANDING_ROLE) if cell is not None else None


def _sync(data_dir):
    with open_store(data_dir, actor="sync") as store:
        return sync_folder(store, data_dir)


def _list_says(qtbot, window, inspection_id, standing, says):
    """The list's hub badge for the inspection, once its tooltip says *says*; the tooltip."""
    window.home.refresh()
    qtbot.waitUntil(lambda: _standing_of(window, inspection_id) == standing
                    and says in (_status_cell(window, inspection_id).data(TOOLTIP) or ""), timeout=30000)
    return _status_cell(window, inspection_id).data(TOOLTIP)


def test_an_approved_inspection_reopened_and_changed_reads_honestly_on_the_list_and_the_page(
        qtbot, window, hub, data_dir, runner):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    connect_folder(data_dir, hub.url(alice), password=hub.passwords[alice]).close()
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=1))
    assert _sync(data_dir).outcome == "done"
    decide(hub, rita, inspection_id, "approve", comment="同意")
    _sync(data_dir)
    _list_says(qtbot, window, inspection_id, "approved", "中心审核通过。")

    window.open_inspection(inspection_id)
    notes = window.office.review_notes
    qtbot.waitUntil(lambda: "中心审核通过：第 1 版 通过" in notes.banner.text.text(), timeout=30000)
    header = window.page.header
    assert header.status_button.text() == "重新打开（继续检查）"
    assert "“曾通过”" in header.status_button.toolTip()  # said before it is pressed
    header.status_button.click()  # back to 检查中, the same revision
    qtbot.waitUntil(lambda: "重新打开前的结果" in notes.banner.text.text(), timeout=30000)
    assert header.status_button.toolTip() == ""  # 标记为已完成 now
    assert "中心审核通过：" not in notes.banner.text.text() and "此前的审核：第 1 版 通过" in notes.banner.text.text()
    assert runner.call(lambda store: store.inspection(inspection_id)).status is Status.IN_PROGRESS
    tip = _list_says(qtbot, window, inspection_id, "approved_before", "重新打开前的结果")  # 曾通过, not 已通过
    assert "有改动则需重新审核" in tip and "第 1 版 通过" in tip and "同意" in tip

    session = window.page.session  # an edit, as the item panel writes it
    session.write(lambda store: store.save_answer(inspection_id, "000", "1-1-2", result="fail", note="补充"),
                  session.apply)
    header.status_button.click()  # 标记为已完成 (items are left unchecked: it asks first)
    box = window.page.complete_question
    next(b for b in box.buttons() if b.text() == "仍标记为已完成").click()
    qtbot.waitUntil(lambda: runner.call(lambda store: store.inspection(inspection_id)).status
                    is Status.COMPLETED, timeout=30000)
    qtbot.waitUntil(lambda: "这次的内容还没有上传" in notes.banner.text.text(), timeout=30000)
    _list_says(qtbot, window, inspection_id, "waiting", "这次的内容还没有上传")

    [pushed] = _sync(data_dir).pushed
    assert pushed["review"]["outcome"] == "lapsed"
    tip = _list_says(qtbot, window, inspection_id, "pushed", "结果有改动")  # 待审核, and why
    assert tip.startswith("中心审核通过后，这次检查的结果有改动") and "第 1 版 通过" in tip
    notes.refresh()
    qtbot.waitUntil(lambda: "结果有改动" in notes.banner.text.text(), timeout=30000)


def test_the_offices_history_names_an_approval_carried_to_the_signed_revision(
        qtbot, window, hub, data_dir, tmp_path):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    inspection_id = filled_inspection(store_a, photos=1)
    assert sync_folder(store_a, root_a).outcome == "done"
    decide(hub, rita, inspection_id, "approve", comment="同意")
    sync_folder(store_a, root_a)
    sign(store_a, inspection_id)
    assert sync_folder(store_a, root_a).pushed[0]["review"]["outcome"] == "carried"

    connect_folder(data_dir, hub.url(rita), password=hub.passwords[rita]).close()
    office = window.office
    office.check_hub()
    qtbot.waitUntil(lambda: office.role == "reviewer", timeout=10000)
    office.inspections_action.trigger()
    office.page.open_review(inspection_id)
    review = office.page.review
    qtbot.waitUntil(lambda: review.detail is not None and "沿用" in review.history.text(), timeout=10000)
    history = review.history.text()
    assert "第 1 版（已签署）通过（沿用第 1 版已完成时 " + rita + " 的审核：结果相同）" in history
    assert history.count("同意") == 1  # the carried approval's comments are not said twice
