"""The review as the inspector sees it in the window, against the suite's real PostgreSQL: the
list's second badge (待上传 / 待审核 / 已退回 / 已通过), the page's banner and the reviewer's
comment above the item, 重新打开修改 making a new revision; and 报告 → 导出 Word."""
from __future__ import annotations

import pytest
from docx import Document

from inspection.hub.folder import connect_folder
from inspection.hub.review import record_review
from inspection.hub.sync import sync_folder
from inspection.model import Status
from inspection.store import open_store
from tests.hub.folders import filled_inspection
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.home.inspection_list import STANDING_ROLE, Column
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def _standing_of(window, inspection_id):
    row = window.home.model.row_of(inspection_id)
    return window.home.model.index(row, Column.STATUS).data(STANDING_ROLE) if row >= 0 else None


def _sync(data_dir):
    with open_store(data_dir, actor="sync") as store:
        return sync_folder(store, data_dir)


def test_the_list_and_the_page_show_the_offices_decision_and_reopen_it(qtbot, window, hub, data_dir,
                                                                        runner):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    connect_folder(data_dir, hub.url(alice), password=hub.passwords[alice]).close()
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=1))
    window.home.refresh()
    qtbot.waitUntil(lambda: _standing_of(window, inspection_id) == "waiting", timeout=30000)

    assert _sync(data_dir).outcome == "done"
    window.home.refresh()
    qtbot.waitUntil(lambda: _standing_of(window, inspection_id) == "pushed", timeout=30000)
    with hub.session(rita) as session:
        record_review(session, inspection_id, "return", comment="照片不清晰",
                      items=[("1-1-1", "请补拍现场照片")])
    _sync(data_dir)
    window.home.refresh()
    qtbot.waitUntil(lambda: _standing_of(window, inspection_id) == "returned", timeout=30000)
    row = window.home.model.row_of(inspection_id)
    tip = window.home.model.index(row, Column.STATUS).data(0x03)  # ToolTipRole
    assert "照片不清晰" in tip and "1 个条目有审核意见" in tip

    window.open_inspection(inspection_id)
    notes = window.office.review_notes
    qtbot.waitUntil(lambda: not notes.banner.isHidden(), timeout=30000)
    assert "中心审核退回" in notes.banner.text.text() and "照片不清晰" in notes.banner.text.text()
    assert not notes.banner.reopen.isHidden()
    header = window.page.header  # one way to reopen: the banner's, not the header's as well
    assert header.reopen.isHidden() and header.status_button.isHidden()
    window.page.select(("000", "1-1-1"))
    qtbot.waitUntil(lambda: not notes.note.isHidden(), timeout=20000)
    assert "请补拍现场照片" in notes.note.text()
    window.page.select(("000", "1-1-2"))
    qtbot.waitUntil(lambda: notes.note.isHidden(), timeout=20000)

    notes.banner.reopen.click()
    qtbot.waitUntil(lambda: runner.call(lambda store: store.inspection(inspection_id)).revision == 2,
                    timeout=30000)
    assert runner.call(lambda store: store.inspection(inspection_id)).status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: "按审核意见修改中" in notes.banner.text.text(), timeout=30000)
    assert notes.banner.reopen.isHidden()
    qtbot.waitUntil(lambda: not header.status_button.isHidden(), timeout=10000)
    assert header.status_button.text() == "标记为已完成"
    window.page.select(("000", "1-1-1"))
    qtbot.waitUntil(lambda: not notes.note.isHidden(), timeout=20000)  # the comment stays while fixing


def test_without_a_hub_the_list_shows_no_standing(qtbot, window, runner):
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=0))
    window.home.refresh()
    qtbot.waitUntil(lambda: window.home.model.row_of(inspection_id) >= 0, timeout=30000)
    qtbot.wait(200)
    assert _standing_of(window, inspection_id) is None


def test_report_export_word_writes_the_copy(qtbot, window, runner, tmp_path, monkeypatch):
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=1))
    window.open_inspection(inspection_id)
    out = tmp_path / "out" / "副本.docx"
    out.parent.mkdir()
    monkeypatch.setattr("ui.office.word_export.save_file", lambda *a, **k: out)
    action = window.office.word.action
    assert action in window.report_menu.menu.actions()
    action.trigger()
    qtbot.waitUntil(lambda: window.office.word.export is not None
                    and window.office.word.export.result is not None, timeout=30000)
    document = Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "星河智造小微企业园" in text
