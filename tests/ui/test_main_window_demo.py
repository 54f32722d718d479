"""打开示例检查 from the first-run screen: generated with a progress dialog, then reopened."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from inspection.demo.demo_inspection import DEMO_PARK
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture


@pytest.mark.slow
def test_demo_is_created_once_and_opened(qtbot, make_window, runner):
    window = make_window(runner)
    window.show()
    qtbot.waitUntil(lambda: window.home.loaded)
    assert window.home.showing_welcome

    qtbot.mouseClick(window.home.welcome.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.demo_progress is not None)
    assert window.demo_progress.isVisible()
    qtbot.waitUntil(lambda: window.current_inspection_id is not None, timeout=120_000)
    assert window.demo_progress is None
    demo = runner.call(lambda store: store.inspection(window.current_inspection_id))
    assert demo.park_name == DEMO_PARK
    assert demo.template_ids == ("000", "001")

    window.show_home()
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 2)  # with the action-plan check
    assert not window.home.showing_welcome
    qtbot.waitUntil(lambda: window.home.model.figures(demo.id) is not None)

    window.demo_action.trigger()  # already there: opened, not made again
    qtbot.waitUntil(lambda: window.current_inspection_id == demo.id)
    assert runner.call(lambda store: len(store.inspections())) == 2
