"""Trial 2, F1 and F2: the header's 已检查 N / M follows each answer at once, and a new or
opened inspection takes keys 1–4 on its current item without a click."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    yield window
    window.close()


def create_from_dialog(qtbot, window) -> str:
    window.new_inspection()
    dialog = window._new_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and "000" in dialog.template_boxes)
    dialog.park_name.setText("星河智造园")
    dialog.template_boxes["000"].setChecked(True)
    created = []
    dialog.created.connect(created.append)
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: bool(created), timeout=10000)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.session.id == created[0]
                    and page.panel.key is not None, timeout=10000)
    return created[0]


def header_done(page) -> int:
    return page.header.progress.value()


def test_a_new_inspection_takes_digit_keys_at_once(qtbot, window, runner):
    iid = create_from_dialog(qtbot, window)
    page = window.page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.tree)
    key = page.panel.key
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)
    qtbot.waitUntil(lambda: page.session.pending == 0)
    assert runner.call(lambda s: s.answer(iid, *key).result) == "pass"


def test_the_header_counts_an_answer_as_soon_as_it_shows(qtbot, window):
    create_from_dialog(qtbot, window)
    page = window.page
    page.prefs.auto_advance = True
    for expected in (1, 2, 3):
        page.set_result("pass", advance=True)
        # no wait: the tree shows it now, so does the header
        assert page.model.progress()[0] == expected
        assert header_done(page) == expected
        assert page.header.progress_label.text().startswith(f"已检查 {expected} /")
