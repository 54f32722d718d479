"""One path for an edit, seen from the window: a key press is one write to the store and one
change the views hear of; nothing is read back after it (not the inspection, not a snapshot)."""
from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.test_inspection_page_helpers import focus_tree, inspection_id, open_page, settle  # noqa: F401


def _spy_on_database(runner) -> list:
    """Every task the window hands to the database worker from now on."""
    calls: list = []
    real = runner.db

    def db(fn, *args, **kwargs):
        calls.append(fn)
        return real(fn, *args, **kwargs)

    runner.db = db
    return calls


def test_a_result_key_is_one_write_and_one_change(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.set_auto_advance(False)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)  # the first answer starts the draft
    settle(qtbot, page)
    assert page.session.inspection.status.value == "in_progress"
    changes, calls = [], _spy_on_database(runner)
    page.session.changed.connect(changes.append)
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    settle(qtbot, page)
    qtbot.wait(400)  # past the summary's and anything else's timers
    assert len(calls) == 1  # the write itself; no read of the inspection or a snapshot after it
    assert len(changes) == 1 and list(changes[0].answers) == [("000", "1-1-1")]
    assert changes[0].answers[("000", "1-1-1")].result == "fail"
    assert page.panel.results.result == "fail"


def test_the_summary_follows_edits_without_reading_the_database(qtbot, runner, open_page,
                                                                inspection_id):
    page = open_page(inspection_id)
    page.tabs.setCurrentWidget(page.summary)
    qtbot.waitUntil(lambda: page.summary.overall_label.text() == "—", timeout=5000)
    calls = _spy_on_database(runner)
    page.tabs.setCurrentIndex(0)
    page.set_auto_advance(True)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    settle(qtbot, page)
    page.tabs.setCurrentWidget(page.summary)
    qtbot.waitUntil(lambda: page.summary.overall_label.text() == "100.0%", timeout=5000)
    assert len(calls) == 2  # the two writes


def test_a_draft_shown_started_by_the_confirmed_change_alone(qtbot, runner, open_page,
                                                             inspection_id):
    page = open_page(inspection_id)
    calls = _spy_on_database(runner)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_2)
    settle(qtbot, page)
    qtbot.waitUntil(lambda: page.header.title.text().endswith("检查中"))
    assert len(calls) == 1
