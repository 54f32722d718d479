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
    assert "请补拍整改前照片" in review.confirmation.text()
    review.confirmation.yes.click()
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
    assert page.tracker.model.rows[0].inspector == "张三"  # the inspection's inspectors, not the login

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


def _photo_with_gps(store, inspection_id, code, *, gps, caption):
    """A photo taken 2026-11-20 at *gps*, with a thick red frame and a text near the right edge."""
    import hashlib
    import io

    from PIL import Image

    from inspection.model import PreparedPhoto
    from tests.inspection.report_data import jpeg_bytes

    data = jpeg_bytes(width=1600, height=1200, seed=11)
    sha = hashlib.sha256(data).hexdigest()
    for path in (store.data_dir.original(sha, "jpg"), store.data_dir.report_image(sha)):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    thumb = io.BytesIO()
    Image.open(io.BytesIO(data)).resize((256, 192)).save(thumb, "JPEG")
    prepared = PreparedPhoto(sha256=sha, ext="jpg", original_name="IMG_0011.JPG", size=len(data), width=1600,
                             height=1200, thumbnail_jpeg=thumb.getvalue(), taken_at="2026-11-20T10:11:05", gps=gps)
    photo = store.add_photo(inspection_id, prepared, template_id="000", item_code=code, caption=caption).photo
    store.set_annotations(photo.id, [
        {"type": "rect", "color": "#ff0000", "width": 60, "x1": 0.1, "y1": 0.1, "x2": 0.9, "y2": 0.9},
        {"type": "text", "color": "#ff0000", "x1": 0.95, "y1": 0.4, "text": "消防栓被货物遮挡，通道堵塞严重"}])


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_the_review_screen_shows_the_evidence_as_the_inspector_saw_it_and_asks_before_deciding(
        qtbot, hub, tmp_path, data_dir, window, size):
    """Trial 2, F11/F12: thumbnails without annotations, captions or flags; no viewer in the
    program; 检查人员 showed the hub login; 通过 recorded at once with nothing said of coverage."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QLabel

    from inspection.model import Status
    from ui.office.hub_files import HubPhotoViewer

    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    root_a, store_a = folder(tmp_path, "alice", hub, alice)
    store_a.add_park("甲园", "manufacturing", address="甲园路1号")
    park = store_a.find_park("甲园")
    store_a.set_park_location(park.id, (30.82, 121.25))  # 金山; the photo was taken in 北京
    inspection = store_a.new_inspection(park.id, ["000"], inspectors=["王检", "李四"], date="2026-11-19",
                                        organisation="金山区经委")
    for code in CODES[:5]:  # 5 of 99 items checked
        store_a.save_answer(inspection.id, "000", code, result="pass")
    store_a.add_finding(inspection.id, "000", CODES[0], requirement="清理通道", severity="major",
                        deadline="2026-12-01", responsible="园区物业部（东区综合管理办公室）")
    _photo_with_gps(store_a, inspection.id, CODES[0], gps=(39.9, 116.4), caption="东侧消防通道")
    store_a.set_status(inspection.id, Status.COMPLETED)
    push(store_a, root_a)

    connect_folder(data_dir, hub.url(rita), password=hub.passwords[rita]).close()
    window.resize(*size)
    window.show()
    office = window.office
    office.check_hub()
    qtbot.waitUntil(lambda: office.role == "reviewer", timeout=10000)
    office.inspections_action.trigger()
    page = office.page
    qtbot.waitUntil(lambda: page.inspections.model.total == 1, timeout=10000)
    model = page.inspections.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {h: model.index(0, c).data() for c, h in enumerate(headers)}
    assert row["检查人员"] == "王检、李四" and row["上传者"] == alice

    page.open_review(inspection.id)
    review = page.review
    qtbot.waitUntil(lambda: review.detail is not None and review.approve.isEnabled(), timeout=10000)
    assert "已检查 5/99" in review.checked.text() and "未检查 94 项" in review.checked.text()
    assert "未完成整改 1 项" in review.checked.text()
    root = review.tree.topLevelItem(0)
    item = next(root.child(n) for n in range(root.childCount()) if root.child(n).data(0, 0x0100) == ("000", CODES[0]))
    review.tree.setCurrentItem(item)
    qtbot.waitUntil(lambda: len(review.thumbnails.pixmaps) == 1, timeout=10000)
    [card] = [review.photo_row.itemAt(n).widget() for n in range(review.photo_row.count())
              if isinstance(review.photo_row.itemAt(n).widget(), Thumbnail)]
    assert card.caption.text() == "东侧消防通道" and card.caption.isVisibleTo(card)
    assert "距园区约" in card.flags.text() and "非检查当天" in card.flags.text()
    image = card.pixmap().toImage()
    edge = QColor(image.pixel(round(0.1 * image.width()), image.height() // 2))  # on the red frame
    assert edge.red() > 200 and edge.green() < 90 and edge.blue() < 90

    # The middle pane fits its width: no horizontal scrolling (the scroll bar is off, nothing is cut).
    qtbot.waitUntil(lambda: review.middle.widget().width() <= review.middle.viewport().width(), timeout=3000)
    assert review.middle.widget().minimumSizeHint().width() <= review.middle.viewport().width()
    for label in review.middle.widget().findChildren(QLabel):
        if label.isVisibleTo(review.middle.widget()):
            assert label.geometry().right() <= review.middle.viewport().width(), label.text()

    viewer = card.open_viewer()
    assert isinstance(viewer, HubPhotoViewer) and viewer.isVisible()
    qtbot.waitUntil(lambda: viewer.full is not None, timeout=10000)
    assert viewer.full.width() == 1600 and "距园区约" in viewer.flags.text()
    viewer.close()

    review.approve.click()  # asks first, with the revision, the coverage and the open findings
    box = review.confirmation
    assert box is not None and box.isVisible()
    assert "第 1 版" in box.text() and "已检查 5/99" in box.text() and "未完成整改 1 项" in box.text()
    assert "检查不完整" in box.text()
    box.reject()
    qtbot.wait(200)
    with hub.session(rita) as session:
        assert review_history(session, inspection.id)["reviews"] == []  # cancelled: nothing recorded

    # The first keystrokes into a fresh item's comment are kept (trial 2 saw "照片4…" stored as "4…").
    review.comment.setFocus()
    qtbot.keyClicks(review.comment, "4 photos")
    assert review.comments[("000", CODES[0])] == "4 photos"
    review.comment.setPlainText("照片拍摄地点不在园区")
    review.return_.click()
    box = review.confirmation
    assert "照片拍摄地点不在园区" in box.text() and CODES[0] in box.text() and alice in box.text()
    box.yes.click()
    qtbot.waitUntil(lambda: "已记录" in review.state.text(), timeout=10000)
    with hub.session(rita) as session:
        [decision] = review_history(session, inspection.id)["reviews"]
    assert decision["decision"] == "returned"

    # After recording (trial 3): the page reads the decision back — the comments stay, the
    # item commented on is the one shown, the buttons say what was recorded, and a changed mind
    # is one press away (the latest decision counts).
    qtbot.waitUntil(lambda: review.detail is not None and review.recorded is not None, timeout=10000)
    assert review.comments == {("000", CODES[0]): "照片拍摄地点不在园区"}
    assert review.key == ("000", CODES[0]) and review.comment.toPlainText() == "照片拍摄地点不在园区"
    assert review.item_count.text() == "已写意见的条目：1 项"
    assert review.return_.text() == "已退回" and not review.return_.isEnabled()
    assert review.approve.text() == "改为通过" and review.approve.isEnabled()
    assert "）\u00a0←\u00a0当前" in review.history.text()
    # The item's title keeps most of the tree's width (at 1024 it was cut to two characters).
    assert review.tree.columnWidth(0) >= review.tree.viewport().width() // 2


def test_the_review_opens_on_an_item(qtbot, pushed, data_dir, window):
    hub, rita, first, _second = pushed
    connect_folder(data_dir, hub.url(rita), password=hub.passwords[rita]).close()
    office = window.office
    office.check_hub()
    qtbot.waitUntil(lambda: office.role == "reviewer", timeout=10000)
    office.inspections_action.trigger()
    page = office.page
    page.open_review(first)
    review = page.review
    qtbot.waitUntil(lambda: review.detail is not None, timeout=10000)
    assert review.key is not None and review.tree.currentItem() is not None
    assert review.item_title.text().startswith(review.key[1])
    assert review.approve.text() == "通过" and review.return_.text() == "退回…"
