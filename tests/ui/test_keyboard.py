"""The keyboard on the inspection page: no invisible focus stop, no result recorded while text
is typed (keys or an input method composing Chinese), F2 to the note and back, a visible
focus everywhere, and Tab in the order of the screen."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QToolButton,
)

from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    focus_tree,
    inspection_id,
    open_page,
    settle,
    stored,
)

SEEN_STOPS = (QAbstractItemView, QLineEdit, QPlainTextEdit, QPushButton, QToolButton, QComboBox,
              QTabBar)


def tab_chain(qtbot, page, start, count):
    stops = []
    for _ in range(count):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    return stops


def compose(widget, *, preedit: str = "", commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(widget, event)


def test_tab_from_the_checklist_goes_down_the_item_panel_with_no_invisible_stop(
        qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.waitUntil(lambda: len(page.keyboard.stops()) == 14)
    panel = page.panel
    stops = tab_chain(qtbot, page, page.tree, 8)
    # the scroll area holding the panel was the stop that showed nothing and took no text
    assert panel not in stops
    assert all(isinstance(w, SEEN_STOPS) for w in stops), [type(w).__name__ for w in stops]
    results = list(panel.results.buttons.values())
    assert stops[:7] == [*results, panel.note, panel.photos.add_button,
                         panel.findings.add_button]
    # on round to the header, as the screen reads: the back button first
    assert stops[7] is page.header.back


def test_tab_order_follows_the_screen_across_the_page(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.waitUntil(lambda: len(page.keyboard.stops()) == 14)
    page.header.back.setFocus()
    stops = tab_chain(qtbot, page, page.header.back, 6)
    assert stops[-4:] == [page.tabs.tabBar(), page.search, page.pane.filter_box, page.tree]


def test_digits_typed_in_the_note_never_record_a_result(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.activateWindow()
    page.panel.note.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.panel.note)
    qtbot.keyClicks(page.panel.note, "3")
    compose(page.panel.note, preedit="zhan")  # pinyin being composed
    compose(page.panel.note, commit="盏灯不亮")
    qtbot.keyClicks(page.panel.note, "1")
    assert page.panel.note.toPlainText() == "3盏灯不亮1"
    assert page.panel.key == ("000", "1-1-1") and page.panel.results.result is None
    settle(qtbot, page)
    qtbot.waitUntil(lambda: getattr(stored(runner, inspection_id, "000", "1-1-1"), "note", "")
                    == "3盏灯不亮1")
    assert stored(runner, inspection_id, "000", "1-1-1").result is None


def test_chinese_composed_on_the_checklist_goes_into_the_note_and_fires_no_key(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    compose(page.tree, preedit="3")  # the input method holds "3" while the pinyin follows
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    qtbot.keyClick(page.tree, Qt.Key.Key_N)
    assert page.panel.key == ("000", "1-1-1") and page.panel.results.result is None
    compose(page.tree, commit="3盏")
    assert page.panel.note.toPlainText() == "3盏"
    assert QApplication.focusWidget() is page.panel.note
    assert not page.tree.composing
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)  # composing over: the keys are commands again
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"


def test_f2_goes_to_the_note_and_back(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.panel.note
    qtbot.keyClicks(page.panel.note, "ok")
    qtbot.keyClick(page.panel.note, Qt.Key.Key_F2)
    assert QApplication.focusWidget() is page.tree
    assert page.panel.key == ("000", "1-1-1")
    qtbot.keyClick(page.tree, Qt.Key.Key_F2)
    qtbot.keyClick(page.panel.note, Qt.Key.Key_Escape)  # Esc goes back too
    assert QApplication.focusWidget() is page.tree


def test_every_stop_shows_that_it_has_the_focus(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.search.setFocus()
    qtbot.waitUntil(page.search.hasFocus)
    qtbot.waitUntil(lambda: len(page.keyboard.stops()) == 14)  # buttons show a moment later
    stops = page.keyboard.stops()
    before = {w: w.grab().toImage() for w in stops}  # the search field's own look comes next
    focus_tree(qtbot, page)
    before[page.search] = page.search.grab().toImage()
    # Tab once round the page; each stop looks different while the keyboard is on it
    for _ in stops:
        widget = QApplication.focusWidget()
        assert widget.grab().toImage() != before[widget], type(widget).__name__
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.tree
