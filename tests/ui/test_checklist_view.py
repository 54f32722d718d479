"""The checklist on the inspection page: filters belong to one inspection and show when in
force, N under a search tells the truth, search keys and highlights, a click leaves the row
where it is."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.test_inspection_page import _visible_items
from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    focus_tree,
    inspection_id,
    make_inspection,
    open_page,
    settle,
    stored,
)


def test_a_filter_belongs_to_its_inspection_and_is_shown_while_in_force(
        qtbot, runner, open_page, inspection_id):
    revisit = make_inspection(runner, ("000",), park="金山第二工业园")
    page = open_page(inspection_id)
    assert page.pane.filter_bar.isHidden()
    page.set_filter("fail")
    assert page.pane.filter_bar.isVisible()
    assert "不符合 / 滞后" in page.pane.filter_text.text()
    assert "显示 " in page.pane.filter_text.text()
    page.load(revisit)  # another inspection opens showing every item
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == revisit)
    assert page.proxy.mode == "all" and page.pane.filter_bar.isHidden()
    assert page.inspection_actions.filters["all"].isChecked()
    assert len(_visible_items(page)) == 99
    page.search.setText("消防")
    page.load(inspection_id)  # back to the first: its filter again, not the revisit's search
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == inspection_id)
    assert page.proxy.mode == "fail" and page.search.text() == ""
    page.pane.show_all.click()
    assert page.proxy.mode == "all" and page.pane.filter_bar.isHidden()


def test_next_unchecked_under_a_search_never_claims_everything_is_checked(
        qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.search.setText("金融服务")  # a few items of 000 2-5
    focus_tree(qtbot, page)
    for key in sorted(_visible_items(page)):
        page.select(key)
        page.set_result("pass")
    messages = []
    page.header.message.setText("")
    qtbot.keyClick(page.tree, Qt.Key.Key_N)
    messages.append(page.header.message.text())
    assert "所有条目都已检查" not in messages[0]
    assert "另有" in messages[0] and "未检查条目未显示" in messages[0]


def test_enter_in_the_search_opens_the_first_hit_and_a_group_title_lists_only_matches(
        qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.activateWindow()
    page.search.setFocus()
    page.search.setText("金融")
    visible = _visible_items(page)
    # 2-5 金融服务 matches by its title, but 2-5-5 and 2-5-6 do not mention 金融
    assert ("000", "2-5-5") not in visible and ("000", "2-5-6") not in visible
    assert ("000", "2-5-1") in visible
    assert page.proxy.terms == ["金融"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.panel.key == min(k for k in visible if k[0] == "000")
    assert QApplication.focusWidget() is page.tree


def test_search_matches_are_marked_in_the_rows(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.search.setText("金融")
    index = page.proxy.mapFromSource(page.model.index_of(("000", "2-5-2")))
    page.tree.scrollTo(index)
    qtbot.wait(10)
    rect = page.tree.visualRect(index)
    marked = page.tree.viewport().grab(rect).toImage()
    page.search.setText("引进")  # the same row, the mark now on other characters
    index = page.proxy.mapFromSource(page.model.index_of(("000", "2-5-2")))
    page.tree.scrollTo(index)
    qtbot.wait(10)
    other = page.tree.viewport().grab(page.tree.visualRect(index)).toImage()
    assert marked != other
    from PySide6.QtGui import QColor

    from inspection.palette import HIGHLIGHT_MARK
    colours = {marked.pixelColor(x, rect.height() // 2).name() for x in range(marked.width())}
    assert QColor(HIGHLIGHT_MARK).name() in colours


def test_clicking_a_row_under_a_filter_leaves_it_under_the_pointer(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.prefs.auto_advance = False
    page.set_filter("unanswered")
    page.select(("000", "1-1-1"))
    page.set_result("pass")  # answered but pinned: it stays listed while on screen
    qtbot.wait(10)
    target = page.proxy.mapFromSource(page.model.index_of(("000", "2-1-2")))
    page.tree.scrollTo(target)
    qtbot.wait(10)
    before = page.tree.visualRect(target).top()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=page.tree.visualRect(target).center())
    qtbot.waitUntil(lambda: page.proxy.pinned == ("000", "2-1-2"))
    qtbot.wait(10)
    assert ("000", "1-1-1") not in _visible_items(page)  # unpinned, it left the filter
    now = page.proxy.mapFromSource(page.model.index_of(("000", "2-1-2")))
    assert page.tree.visualRect(now).top() == before


def test_fail_stays_on_the_item_unless_the_setting_says_move_on(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    assert page.panel.key == ("000", "1-1-1")
    page.prefs.stay_on_fail = False
    page.select(("000", "1-1-2"))
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    assert page.panel.key == ("000", "1-1-3")
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-2").result == "fail"


def test_items_sharing_a_title_are_told_apart_in_the_tree(qtbot, open_page, inspection_id):
    from ui.inspection_view.checklist_model import TITLE_ROLE
    page = open_page(inspection_id)
    titles = [page.model.index_of(("002", code)).data(TITLE_ROLE) for code in ("77", "78", "79", "80")]
    assert all(t.startswith("全方位助力职工提技能稳就业：") for t in titles)
    assert titles[0] == "全方位助力职工提技能稳就业：支持企业发挥主体作用"
    assert len(set(titles)) == 4
