"""The summary tab follows the answers; the bar chart draws labels and percentages."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from tests.ui.test_inspection_page_helpers import focus_tree, inspection_id, open_page, settle  # noqa: F401
from ui.inspection_view.summary_tab import Bar, BarChart
from ui.session.undo_commands import SetAnswer


def _show_summary(qtbot, page):
    page.tabs.setCurrentWidget(page.summary)
    qtbot.waitUntil(lambda: "%" in page.summary.overall_label.text()
                    or page.summary.overall_label.text() == "—", timeout=5000)


def test_summary_percentage_follows_the_answers(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    _show_summary(qtbot, page)
    assert page.summary.overall_label.text() == "—"  # nothing counted yet
    page.tabs.setCurrentIndex(0)
    page.set_auto_advance(True)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)  # 符合
    qtbot.keyClick(page.tree, Qt.Key.Key_3)  # 不符合
    settle(qtbot, page)
    _show_summary(qtbot, page)
    qtbot.waitUntil(lambda: page.summary.overall_label.text() == "50.0%")
    chart = page.summary.charts["000"]
    assert chart.bars[0].label == "1 企业支持设施" and chart.bars[0].value == 50.0
    assert chart.bars[-1].label == "合计" and chart.bars[-1].detail == "2/99"
    # while the summary shows, it recomputes after each saved edit
    page.session.undo_stack.undo()
    qtbot.waitUntil(lambda: page.summary.overall_label.text() == "100.0%", timeout=5000)


def test_star_rating_says_what_is_missing_then_why_it_stops(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    _show_summary(qtbot, page)
    assert page.summary.star_label.text() == "待评定"
    text = "\n".join(label.text() for label in page.summary.findChildren(type(page.summary.status)))
    assert "尚缺" in text and "占地面积" in text and "运营管理（评定等级）" in text

    values = {"1": {"performance_grade": "B"}, "2": {"land_area_mu": 60, "floor_area_m2": 30000},
              "3": {"enterprises": 46}, "4": {"leading_industry_share": 0.64},
              "7": {"service_functions": ["政策咨询", "政务代办", "投融资", "创新支持", "人才招聘"]}}
    judged = {"4": "3", "5": "4", "6": "4", "7": "4", "8": "3"}

    for code, value in values.items():  # through the page's own edits: no re-read needed
        page.session.undo_stack.push(SetAnswer(page.session, "001", code, code, {"value": value}))
    for code, level in judged.items():
        page.session.undo_stack.push(SetAnswer(page.session, "001", code, code, {"result": level}))
    qtbot.waitUntil(lambda: page.summary.star_label.text() == "三星级", timeout=5000)
    text = "\n".join(label.text() for label in page.summary.findChildren(type(page.summary.status)))
    assert "星级受限于" in text and "绩效评价" in text


STAR_VALUES = {"1": {"performance_grade": "B"}, "2": {"land_area_mu": 60, "floor_area_m2": 30000},
               "3": {"enterprises": 46}, "4": {"leading_industry_share": 0.64},
               "7": {"service_functions": ["政策咨询", "政务代办", "投融资", "创新支持", "人才招聘"]}}
STAR_JUDGED = {"4": "3", "5": "4", "6": "4", "7": "4", "8": "3"}


def store_unratable_stars(store, inspection_id):
    """Every star input filled, then one stored as an older version could have (57, not 0.57)."""
    import json

    for code, value in STAR_VALUES.items():
        store.save_answer(inspection_id, "001", code, value=value)
    for code, level in STAR_JUDGED.items():
        store.save_answer(inspection_id, "001", code, result=level)
    store.db.execute("UPDATE answers SET value = ? WHERE inspection_id = ? AND template_id = '001'"
                     " AND item_code = '4'", [json.dumps({"leading_industry_share": 57}),
                                              inspection_id])
    store.db.conn.commit()


def test_star_data_that_cannot_be_rated_shows_the_problem_not_an_empty_missing_list(
        qtbot, runner, open_page, inspection_id):
    runner.call(lambda store: store_unratable_stars(store, inspection_id))
    page = open_page(inspection_id)
    _show_summary(qtbot, page)
    qtbot.waitUntil(lambda: page.summary.star_label.text() == "无法评定", timeout=5000)
    text = "\n".join(label.text() for label in page.summary.findChildren(type(page.summary.status)))
    assert "记录的测量值无法评定星级" in text and "leading_industry_share" in text
    assert "尚缺" not in text and "待评定" not in text


def test_action_status_and_overdue_list(qtbot, runner, open_page, inspection_id):
    runner.call(lambda s: [s.save_answer(inspection_id, "002", "1", result="done"),
                           s.save_answer(inspection_id, "002", "2", result="delayed")])
    page = open_page(inspection_id)
    _show_summary(qtbot, page)
    chart = page.summary.charts["002"]
    values = {bar.label: bar.value for bar in chart.bars}
    assert values["已完成"] == 1 and values["滞后"] == 1 and values["未检查"] == 98
    text = "\n".join(label.text() for label in page.summary.findChildren(type(page.summary.status)))
    assert "逾期事项（32）" in text and "推进招投标全流程电子化改革" in text


def test_bar_chart_draws_labels_and_values(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(600, 10)
    chart.set_bars([Bar("1 企业支持设施", 86.5, "15/17"), Bar("2 服务", None, "0/9")])
    assert chart.value_text(chart.bars[0]) == "86.5%" and chart.value_text(chart.bars[1]) == "—"
    assert chart.height() >= 2 * chart.fontMetrics().height()
    image = chart.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    greens = sum(1 for x in range(0, image.width(), 3)
                 if image.pixelColor(x, round(chart._row_height() * 0.5) + 4).green() > 100
                 and image.pixelColor(x, round(chart._row_height() * 0.5) + 4).red() < 80)
    assert greens > 20  # the 86.5 % bar is drawn in green
