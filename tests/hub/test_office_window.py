"""The 中心 section in the window, against the suite's real PostgreSQL: a reviewer sees the 中心
button, the hub's inspections with their review state, reads one and returns it with an item
comment; the ranking, a park's trends (with the chart) and the tracker fill from the hub; without a
hub only the trends of this folder's own parks work."""
from __future__ import annotations

import pytest

from inspection.hub.folder import connect_folder
from inspection.hub.review import review_history
from tests.hub.folders import folder
from tests.hub.office_data import CODES, decide, push, visit
from tests.inspection.report_data import add_photo
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.main_window import MainWindow
from ui.office.hub_files import Thumbnail
from ui.office.tabs import INSPECTIONS, RANKING, TRACKER, TRENDS


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


@pytest.fixture
def pushed(hub, tmp_path):
    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    first = visit(store_a, "甲园", fails=3, date="2026-01-10", findings=[
        {"code": CODES[0], "requirement": "消防通道清障", "deadline": "2026-02-01", "responsible": "物业公司"}])
    second = visit(store_a, "乙园", fails=0, date="2026-02-10")
    add_photo(store_a, first, seed=7, template_id="000", item_code=CODES[0], caption="通道堆物")
    push(store_a, root_a)
    return hub, rita, first, second


def test_a_reviewer_reviews_ranks_follows_and_tracks_in_the_window(qtbot, pushed, data_dir, runner, window):
    hub, rita, first, second = pushed
    connect_folder(data_dir, hub.url(rita), password=hub.passwords[rita]).close()
    office = window.office
    office.check_hub()
    qtbot.waitUntil(lambda: office.role == "reviewer", timeout=10000)
    assert not office.home_button.isHidden()

    office.inspections_action.trigger()
    page = office.page
    assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.inspections.model.total == 2, timeout=10000)
    assert {r["review"] for r in page.inspections.model.rows} == {"pending"}
    # A page at a time: one row a page here, the second comes when the table wants more.
    model = page.inspections.model
    model.page_size = 1
    page.inspections.reload()
    qtbot.waitUntil(lambda: model.total == 2 and len(model.rows) == 1, timeout=10000)
    assert model.canFetchMore()
    model.fetchMore()
    qtbot.waitUntil(lambda: len(model.rows) == 2, timeout=10000)
    assert not model.canFetchMore()
    assert {r["park"] for r in model.rows} == {"甲园", "乙园"}
    assert "2" in page.inspections.count.text()

    page.open_review(first)
    review = page.review
    qtbot.waitUntil(lambda: review.detail is not None and review.approve.isEnabled(), timeout=10000)
    assert "甲园" in review.title.text()
    root = review.tree.topLevelItem(0)
    item = next(root.child(n) for n in range(root.childCount()) if root.child(n).data(0, 0x0100) == ("000", CODES[0]))
    review.tree.setCurrentItem(item)
    assert "消防通道清障" in "".join(review.findings_box.itemAt(n).widget().text()
                                     for n in range(review.findings_box.count()) if review.findings_box.itemAt(n).widget())
    # The item's photo is read from the hub once and shown as a thumbnail.
    qtbot.waitUntil(lambda: len(review.thumbnails.pixmaps) == 1, timeout=10000)
    [thumbnail] = [review.photo_row.itemAt(n).widget() for n in range(review.photo_row.count())
                   if isinstance(review.photo_row.itemAt(n).widget(), Thumbnail)]
    assert thumbnail.pixmap() is not None and not thumbnail.pixmap().isNull()
    assert "通道堆物" in thumbnail.toolTip()
    review.comment.setPlainText("请补拍整改前照片")
    review.overall.setPlainText("证据不全")
    review.return_.click()
    qtbot.waitUntil(lambda: "已记录" in review.state.text(), timeout=10000)
    with hub.session(rita) as session:
        [decision] = review_history(session, first)["reviews"]
    assert decision["decision"] == "returned" and decision["item_comments"][0]["comment"] == "请补拍整改前照片"
    qtbot.waitUntil(lambda: review.detail is not None and "退回" in review.history.text(), timeout=10000)

    decide(hub, rita, second, "approve")
    page.show_tab(RANKING)
    qtbot.waitUntil(lambda: page.ranking.ranking is not None, timeout=10000)
    assert [r.entry.park_name for r in page.ranking.ranking.ranked] == ["乙园"]
    assert page.ranking.table.rowCount() == 1 and page.ranking.pdf_button.isEnabled()

    page.show_tab(TRENDS)
    qtbot.waitUntil(lambda: page.trends.trends is not None or not page.problem.isHidden(), timeout=10000)
    assert page.problem.isHidden(), page.problem.text()
    assert page.trends.chart.series and page.trends.table.rowCount() == 1

    page.show_tab(TRACKER)
    qtbot.waitUntil(lambda: page.tracker.model.total == 1, timeout=10000)
    assert page.tracker.model.rows[0].requirement == "消防通道清障"

    page.back.click()
    assert window.stack.currentWidget() is window.home


def test_without_a_hub_only_this_folders_trends_are_offered(qtbot, window, runner):
    runner.call(lambda store: visit(store, "本机园", fails=2))
    office = window.office
    assert not office.inspections_action.isEnabled() and office.trends_action.isEnabled()
    assert office.home_button.isHidden()
    office.trends_action.trigger()
    trends = office.page.trends
    qtbot.waitUntil(lambda: trends.trends is not None and bool(trends.trends.points), timeout=10000)
    assert trends.trends.park["source"] == "local"
    assert not office.page.tabs.isTabEnabled(INSPECTIONS)


def test_an_admin_reads_the_review_screen_but_cannot_decide(qtbot, pushed, data_dir, window):
    hub, _rita, first, _second = pushed
    admin = hub.add_user("admin")
    connect_folder(data_dir, hub.url(admin), password=hub.passwords[admin]).close()
    office = window.office
    office.check_hub()
    qtbot.waitUntil(lambda: office.role == "admin", timeout=10000)
    assert not office.home_button.isHidden()
    office.show(INSPECTIONS)
    office.page.open_review(first)
    review = office.page.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    assert not review.approve.isEnabled() and not review.return_.isEnabled()
    assert "审核人员" in review.approve.toolTip()
