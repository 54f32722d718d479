"""The office's 退回 comments in the inspector's checklist, against the suite's real PostgreSQL:
each commented item carries a mark (its tooltip has the comment's first line), F8 / Shift+F8
(检查 → 下一条/上一条审核意见) go from one to the next, a signed inspection shows one banner (the
退回, naming the key) instead of 已签署，只读 stacked on it, and the marks follow a sync that
brings or clears comments while the page stays open."""
from __future__ import annotations

import pytest

from inspection.hub.folder import connect_folder
from inspection.hub.review import record_review
from inspection.hub.sync import sync_folder
from inspection.model import Status
from inspection.store import open_store
from tests.hub.folders import filled_inspection
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.inspection_view.checklist_model import COMMENT_ROLE
from ui.main_window import MainWindow

TOOLTIP = 0x03


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def _sync(data_dir):
    with open_store(data_dir, actor="sync") as store:
        return sync_folder(store, data_dir)


def test_returned_comments_are_marked_in_the_tree_and_f8_goes_from_one_to_the_next(
        qtbot, window, hub, data_dir, runner):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    connect_folder(data_dir, hub.url(alice), password=hub.passwords[alice]).close()
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=0, findings=0,
                                                                status=Status.SIGNED))
    assert _sync(data_dir).outcome == "done"
    window.open_inspection(inspection_id)
    page = window.page
    notes = window.office.review_notes
    qtbot.waitUntil(lambda: page.session is not None and not page.header.banner.isHidden(),
                    timeout=30000)  # signed: 已签署，只读 while nothing was returned
    actions = page.inspection_actions
    assert page.model.commented_keys() == [] and not actions.next_comment.isEnabled()

    with hub.session(rita) as session:  # the page stays open through the sync
        record_review(session, inspection_id, "return", comment="请按意见修改",
                      items=[("1-1-3", "通讯设施缺少照片\n第二行细节"), ("1-1-1", "道路照明不足")])
    _sync(data_dir)
    window.home.refresh()
    first, third = ("000", "1-1-1"), ("000", "1-1-3")
    qtbot.waitUntil(lambda: page.model.commented_keys() == [first, third], timeout=30000)
    model = page.model
    assert model.index_of(third).data(COMMENT_ROLE) == "通讯设施缺少照片\n第二行细节"
    tip = model.index_of(third).data(TOOLTIP)
    assert "通讯设施缺少照片" in tip and "第二行细节" not in tip
    assert not model.index_of(("000", "1-1-2")).data(COMMENT_ROLE)
    assert actions.next_comment in window.menuBar().actions()[2].menu().actions()
    assert actions.next_comment.isEnabled() and actions.previous_comment.isEnabled()
    qtbot.waitUntil(lambda: not notes.banner.isHidden(), timeout=30000)
    banner = notes.banner.text.text()
    assert "中心审核退回" in banner and "2 个条目有审核意见" in banner and "F8" in banner
    assert page.header.banner.isHidden()  # one banner: the 退回 says what to do

    page.select(("000", "1-1-2"))
    actions.next_comment.trigger()
    assert page.panel.key == third and "2 / 2" in page.header.message.text()
    actions.next_comment.trigger()
    assert page.panel.key == first  # round to the first
    actions.previous_comment.trigger()
    assert page.panel.key == third

    with hub.session(rita) as session:  # the office changes its mind: no comments to mark
        record_review(session, inspection_id, "approve")
    _sync(data_dir)
    window.home.refresh()
    qtbot.waitUntil(lambda: page.model.commented_keys() == [], timeout=30000)
    assert not model.index_of(third).data(COMMENT_ROLE)
    assert not actions.next_comment.isEnabled()
    qtbot.waitUntil(lambda: not page.header.banner.isHidden(), timeout=30000)  # 已签署，只读 again


def test_f8_without_comments_says_there_are_none(qtbot, window, runner):
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=0, findings=0))
    window.open_inspection(inspection_id)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None, timeout=30000)
    key = page.panel.key
    page.move_commented(1)
    assert page.panel.key == key and page.header.message.text() == "此检查没有审核意见"
