"""Small things an inspector met on the trial: the help menu, the summary's cards, legend and
scroll, the findings hint on action items, and 标记为已完成 with unchecked items."""
from __future__ import annotations

from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    inspection_id,
    make_inspection,
    open_page,
    settle,
)
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture


def test_help_has_the_shortcut_sheet_and_a_guide(qtbot, make_window, runner):
    window = make_window(runner)
    texts = [a.text() for a in window.help_menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["快捷键", "使用指南"] and texts[-1] == "关于园区现场检查"
    window.shortcuts_action.trigger()
    sheet = window.help_dialog
    from PySide6.QtWidgets import QTextBrowser
    text = sheet.findChild(QTextBrowser).toPlainText()
    assert "F2" in text and "Ctrl+Shift+K" in text and "下一个 / 上一个未检查条目" in text
    window.guide_action.trigger()
    assert "证据要求" in window.help_dialog.findChild(QTextBrowser).toPlainText()


def test_the_summary_shows_no_compliance_card_without_a_compliance_checklist(
        qtbot, runner, open_page):
    iid = make_inspection(runner, ("001", "002"), park="金山第三园")
    page = open_page(iid)
    page.show_tab(2)
    qtbot.waitUntil(lambda: "截至" in page.summary.status.text())
    captions = [label.text() for label in page.summary.widget().findChildren(
        type(page.summary.status))]
    assert "总体符合率" not in captions and "检查进度" in captions


def test_the_summary_legend_names_the_bar_colours_and_a_new_inspection_starts_at_the_top(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.show_tab(2)
    qtbot.waitUntil(lambda: "截至" in page.summary.status.text())
    texts = [label.text() for label in page.summary.widget().findChildren(
        type(page.summary.status))]
    assert any("符合率：" in t and "≥85%" in t and "&lt;60%<br>" in t for t in texts)
    page.summary.verticalScrollBar().setValue(page.summary.verticalScrollBar().maximum())
    other = make_inspection(runner, ("000",), park="金山第四园")
    page.load(other)
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == other)
    page.show_tab(2)
    qtbot.waitUntil(lambda: "截至" in page.summary.status.text()
                    and page.summary._inspection_id == other)
    assert page.summary.verticalScrollBar().value() == 0


def test_action_items_hint_at_delays_not_non_compliance(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.select(("002", "2"))
    qtbot.wait(20)  # the new hint shows a moment after it is laid out; the old one is hidden
    texts = [w.text() for w in page.panel.findings.findChildren(type(page.panel.title))
             if not w.isHidden()]
    assert any("滞后或未启动的事项" in t for t in texts)
    assert not any("不符合的条目" in t for t in texts)
