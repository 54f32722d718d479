"""The home screen: the inspections list (figures, search, filters, sorting), revisits,
deleting drafts, and the welcome shown on the first run."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from checklists.library import get_template
from inspection.model import Status
from ui.home.home_page import HomePage
from ui.home.inspection_list import UNKNOWN, Column


def answer_message_box(qtbot, button_text: str) -> dict:
    """Click *button_text* in the next message box that opens; returns what it said."""
    seen: dict = {}

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.update(title=box.windowTitle(), text=box.text(), informative=box.informativeText(),
                    buttons=[b.text() for b in box.buttons()])
        wanted = [b for b in box.buttons() if b.text().replace("&", "") == button_text]
        if not wanted:  # never leave a modal box open: the test would hang
            box.reject()
            return
        wanted[0].click()

    QTimer.singleShot(0, click)
    return seen


@pytest.fixture
def records(inline_runner):
    """Three parks, four inspections: answers, an open finding, a draft, a signed-off date."""
    def build(store):
        a = store.add_park("星河智造园", "manufacturing")
        b = store.add_park("金山工业园", "service")
        c = store.add_park("嘉定科创园", "manufacturing")
        first = store.new_inspection(a.id, ["000"], inspectors=["张三", "李四"], date="2024-05-10")
        items = [n.code for n in get_template("000").items()][:4]
        for code, result in zip(items, ["pass", "pass", "fail", "partial"]):
            store.save_answer(first.id, "000", code, result=result)
        store.add_finding(first.id, "000", items[2], requirement="补充消防台账", deadline="2024-06-30")
        second = store.new_inspection(b.id, ["004", "001"], inspectors=["王五"], date="2025-01-20")
        draft = store.new_inspection(c.id, ["002"], inspectors=["张三"], date="2025-03-02")
        done = store.new_inspection(a.id, ["004"], inspectors=["张三"], date="2025-02-14")
        store.set_status(done.id, Status.COMPLETED)
        return {"first": first.id, "second": second.id, "draft": draft.id, "done": done.id,
                "items": items}
    return inline_runner.call(build)


@pytest.fixture
def home(qtbot, inline_runner, prefs):
    page = HomePage(inline_runner, prefs)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.refresh()
    return page


def cell(home: HomePage, inspection_id: str, column: Column) -> str:
    row = home.model.row_of(inspection_id)
    return home.model.index(row, column).data()


def shown_parks(home: HomePage) -> list[str]:
    return [home.proxy.index(r, Column.PARK).data() for r in range(home.proxy.rowCount())]


def test_list_shows_status_inspectors_templates_and_figures(records, home):
    assert home.model.rowCount() == 4
    assert not home.showing_welcome
    assert cell(home, records["first"], Column.STATUS) == "检查中"
    assert cell(home, records["done"], Column.STATUS) == "已完成"
    assert cell(home, records["first"], Column.INSPECTORS) == "张三、李四"
    assert cell(home, records["second"], Column.TEMPLATES) == "园区公共服务平台窗口服务规范、小微企业园星级评定"
    # 2 × 符合 + 基本符合 out of 4 counted items
    assert cell(home, records["first"], Column.SCORE) == "62.5%"
    assert cell(home, records["first"], Column.PROGRESS) == "4/99"
    assert cell(home, records["second"], Column.STARS) == UNKNOWN  # no measurements yet
    assert cell(home, records["first"], Column.STARS) == ""  # 001 not applied
    assert home.model.figures(records["first"]).open_findings == 1
    assert home.count_label.text() == "共 4 次检查"


def test_figures_show_a_dash_until_computed(qtbot, runner, prefs):
    runner.call(lambda store: store.new_inspection(
        store.add_park("星河智造园", "manufacturing").id, ["000"], inspectors=["张三"]))
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    inspection_id = page.model.inspection(0).id
    qtbot.waitUntil(lambda: page.model.figures(inspection_id) is not None)
    assert cell(page, inspection_id, Column.PROGRESS) == "0/99"
    assert cell(page, inspection_id, Column.SCORE) == UNKNOWN
    page.model.clear_figures()
    assert cell(page, inspection_id, Column.PROGRESS) == UNKNOWN


def test_one_inspection_whose_figures_fail_spoils_only_its_own_row(qtbot, runner, prefs,
                                                                    monkeypatch):
    import inspection.figures as list_model

    def make(store):
        park = store.add_park("星河智造园", "manufacturing")
        return [store.new_inspection(park.id, ["000"], inspectors=["张三"]).id for _ in range(3)]

    good, bad, other = runner.call(make)
    real = list_model.inspection_results

    def results(snapshot):
        if snapshot.inspection.id == bad:
            raise KeyError("a template this version does not know")
        return real(snapshot)

    monkeypatch.setattr(list_model, "inspection_results", results)
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    qtbot.waitUntil(lambda: page.model.figures(good) is not None
                    and page.model.figures_failed(bad), timeout=5000)
    assert cell(page, good, Column.PROGRESS) == "0/99" == cell(page, other, Column.PROGRESS)
    assert cell(page, bad, Column.PROGRESS) == UNKNOWN
    row = page.model.row_of(bad)
    assert "无法计算" in page.model.data(page.model.index(row, Column.PROGRESS),
                                          Qt.ItemDataRole.ToolTipRole)


def test_star_data_that_cannot_be_rated_is_named_in_the_list(qtbot, runner, prefs):
    from tests.ui.test_summary import store_unratable_stars

    def make(store):
        park = store.add_park("星河智造园", "manufacturing")
        inspection = store.new_inspection(park.id, ["001"], inspectors=["张三"])
        store_unratable_stars(store, inspection.id)
        return inspection.id

    inspection_id = runner.call(make)
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.model.figures(inspection_id) is not None, timeout=10000)
    assert cell(page, inspection_id, Column.STARS) == "无法评定"
    tip = page.model.data(page.model.index(page.model.row_of(inspection_id), Column.STARS),
                          Qt.ItemDataRole.ToolTipRole)
    assert "记录的测量值无法评定星级" in tip and "leading_industry_share" in tip


def test_figures_are_computed_again_only_for_inspections_that_changed(qtbot, runner, prefs,
                                                                    monkeypatch):
    import inspection.figures as list_model

    def make(store):
        park = store.add_park("星河智造园", "manufacturing")
        return [store.new_inspection(park.id, ["000"], inspectors=["张三"]).id for _ in range(3)]

    first, second, third = runner.call(make)
    computed = []
    real = list_model.figures_of
    monkeypatch.setattr(list_model, "figures_of",
                        lambda snapshot: computed.append(snapshot.inspection.id) or real(snapshot))
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    # Waits on the page saying its refresh is done, however slow a loaded machine is.
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()
    assert sorted(computed) == sorted([first, second, third])
    code = next(iter(get_template("000").items())).code
    runner.call(lambda store: store.save_answer(second, "000", code, result="pass"))
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()
    assert computed[3:] == [second]
    assert cell(page, second, Column.PROGRESS) == "1/99"
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()
    assert len(computed) == 4


def test_search_by_park_name_is_live(qtbot, records, home):
    home.search.setText("星河")
    qtbot.waitUntil(lambda: home.proxy.rowCount() == 2)
    assert set(shown_parks(home)) == {"星河智造园"}
    assert home.count_label.text() == "显示 2 / 共 4 次检查"
    home.search.setText("没有这个园区")
    qtbot.waitUntil(lambda: home.proxy.rowCount() == 0)
    assert home.empty_filter_label.isVisibleTo(home)
    home.search.clear()
    qtbot.waitUntil(lambda: home.proxy.rowCount() == 4)
    assert not home.empty_filter_label.isVisibleTo(home)


def test_filter_by_status_and_date_range(records, home):
    home.status_filter.setCurrentIndex(home.status_filter.findData("draft"))
    assert sorted(shown_parks(home)) == sorted(["嘉定科创园", "金山工业园"])
    home.status_filter.setCurrentIndex(home.status_filter.findData("completed"))
    assert home.proxy.index(0, Column.DATE).data() == "2025-02-14"
    assert home.proxy.rowCount() == 1
    home.status_filter.setCurrentIndex(0)
    assert home.proxy.rowCount() == 4

    home.date_filter.setChecked(True)
    assert home.date_from.isEnabled()
    home.date_from.setDate(QDate(2025, 1, 1))
    home.date_to.setDate(QDate(2025, 2, 28))
    assert sorted(shown_parks(home)) == sorted(["金山工业园", "星河智造园"])
    home.date_filter.setChecked(False)
    assert home.proxy.rowCount() == 4


def test_columns_sort(records, home):
    home.table.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
    dates = [home.proxy.index(r, Column.DATE).data() for r in range(4)]
    assert dates == ["2025-03-02", "2025-02-14", "2025-01-20", "2024-05-10"]
    home.table.sortByColumn(Column.SCORE, Qt.SortOrder.DescendingOrder)
    assert home.proxy.index(0, Column.SCORE).data() == "62.5%"
    home.table.sortByColumn(Column.PARK, Qt.SortOrder.AscendingOrder)
    assert home.proxy.rowCount() == 4


def test_open_by_double_click_and_enter(qtbot, records, home):
    opened = []
    home.open_requested.connect(opened.append)
    home.show()
    qtbot.waitExposed(home)
    row = home.proxy.mapFromSource(home.model.index(home.model.row_of(records["second"]), 0))
    rect = home.table.visualRect(row)
    # A real double click is a press, then the double-click event.
    qtbot.mouseClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(home.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [records["second"]]
    home.select(records["first"])
    qtbot.keyClick(home.table, Qt.Key.Key_Return)
    assert opened == [records["second"], records["first"]]


def test_revisit_carries_open_findings_and_says_so(qtbot, records, home, inline_runner):
    opened = []
    home.open_requested.connect(opened.append)
    home.select(records["first"])
    assert home.revisit_action.isEnabled()
    seen = answer_message_box(qtbot, "新建复查")
    home.revisit_action.trigger()
    assert "星河智造园" in seen["text"]
    assert "答案会清空" in seen["informative"]
    assert "1 项问题会带入复查" in seen["informative"]
    assert len(opened) == 1
    revisit = inline_runner.call(lambda store: store.snapshot(opened[0]))
    assert revisit.inspection.revisit_of == records["first"]
    assert not revisit.answers
    assert [f.requirement for f in revisit.findings] == ["补充消防台账"]
    assert home.model.rowCount() == 5


def test_revisit_can_be_cancelled(qtbot, records, home):
    home.select(records["done"])
    seen = answer_message_box(qtbot, "取消")
    home.revisit_action.trigger()
    assert "上次检查没有待整改的问题" in seen["informative"]
    assert home.model.rowCount() == 4


def test_delete_only_drafts_after_naming_park_and_date(qtbot, records, home, inline_runner):
    home.select(records["first"])
    assert not home.delete_action.isEnabled()
    assert "只能删除草稿" in home.delete_action.toolTip()
    assert "检查中" in home.delete_action.toolTip()

    home.select(records["draft"])
    assert home.delete_action.isEnabled()
    seen = answer_message_box(qtbot, "删除")
    home.delete_action.trigger()
    assert seen["text"] == "删除“嘉定科创园” 2025-03-02 的检查草稿？"
    assert home.model.rowCount() == 3
    assert inline_runner.call(lambda store: [i.id for i in store.inspections()]).count(
        records["draft"]) == 0


def test_first_run_welcome_offers_new_and_demo(qtbot, home):
    assert home.showing_welcome
    requested = []
    home.new_requested.connect(lambda: requested.append("new"))
    home.demo_requested.connect(lambda: requested.append("demo"))
    qtbot.mouseClick(home.welcome.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(home.welcome.demo_button, Qt.MouseButton.LeftButton)
    assert requested == ["new", "demo"]
    assert "不需要网络" in " ".join(
        label.text() for label in home.welcome.findChildren(type(home.count_label)))


def test_the_date_sort_arrow_points_down_for_newest_first(records, home):
    from PySide6.QtWidgets import QStyleOptionHeader

    header = home.table.horizontalHeader()
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_dates(home) == sorted(shown_dates(home), reverse=True)
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, Column.DATE)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown
    home.table.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
    header.initStyleOptionForIndex(option, Column.DATE)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortUp


def shown_dates(home: HomePage) -> list[str]:
    return [home.proxy.index(r, Column.DATE).data() for r in range(home.proxy.rowCount())]


def _many(runner, count: int) -> list[str]:
    def make(store):
        park = store.add_park("长列表园区", "manufacturing")
        return [store.new_inspection(park.id, ["000"], inspectors=["张三"],
                                     date=f"2025-01-{1 + n % 28:02d}").id for n in range(count)]
    return runner.call(make)


def test_a_long_list_arrives_in_pages_and_its_figures_are_kept(qtbot, runner, prefs,
                                                              monkeypatch):
    import inspection.figures as figures_module
    import ui.home.list_loader as loader

    monkeypatch.setattr(loader, "FIRST_PAGE", 3)
    monkeypatch.setattr(loader, "FIGURES_CHUNK", 2)
    ids = _many(runner, 7)
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    first = []
    page.loader.first_page.connect(lambda rows, count: first.append((len(rows), count)))
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()
    assert first == [(3, 7)] and page.model.rowCount() == 7
    assert all(page.model.figures(i) is not None for i in ids)
    qtbot.waitUntil(lambda: runner.call(
        lambda s: s.db.execute("SELECT COUNT(*) FROM inspection_figures").fetchone()[0]) == 7)
    computed = []
    real = figures_module.figures_of
    monkeypatch.setattr(figures_module, "figures_of",
                        lambda snapshot: computed.append(1) or real(snapshot))
    again = HomePage(runner, prefs)  # the next start: the figures come with the rows
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.refreshed, timeout=60000):
        again.refresh()
    assert computed == [] and all(again.model.figures(i) is not None for i in ids)


def test_the_list_reads_beside_the_writer_never_through_it(qtbot, runner, prefs):
    _many(runner, 4)
    page = HomePage(runner, prefs)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()  # works out and keeps the figures (writes: once)
    writes = []
    real = runner.db
    runner.db = lambda fn, *a, **k: writes.append(fn) or real(fn, *a, **k)
    with qtbot.waitSignal(page.refreshed, timeout=60000):
        page.refresh()
    assert writes == []  # rows and kept figures came through the reader connection


def test_search_finds_inspectors_notes_findings_and_items(qtbot, records, home, inline_runner):
    code = records["items"][2]
    inline_runner.call(lambda s: s.save_answer(records["second"], "004", "4.1", note="窗口排队时间过长"))
    home.search.setText("王五")
    qtbot.waitUntil(lambda: home.proxy.rowCount() == 1)
    home.search.setText("消防台账")  # in the finding's requirement
    qtbot.waitUntil(lambda: [home.proxy.index(r, 0).data() for r in range(home.proxy.rowCount())]
                    == ["星河智造园"])
    tip = home.proxy.index(0, Column.PARK).data(Qt.ItemDataRole.ToolTipRole)
    assert f"在整改中找到：{code}" in tip
    home.search.setText("排队时间")  # in a note
    qtbot.waitUntil(lambda: [home.proxy.index(r, 0).data() for r in range(home.proxy.rowCount())]
                    == ["金山工业园"])
    home.search.setText("%")  # literally, not "anything"
    qtbot.waitUntil(lambda: home.proxy.rowCount() == 0)
