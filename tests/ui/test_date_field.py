"""Typed dates are taken as typed; a finding's deadline before the visit is warned about."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tests.ui.test_inspection_page_helpers import inspection_id, open_page, settle  # noqa: F401
from ui.base.date_field import DateField, parse_typed_date
from ui.inspection_view.findings import FindingDialog


@pytest.mark.parametrize("text", ["2026-12-20", "2026/12/20", "2026.12.20", "20261220",
                                  "2026年12月20日", " 2026-12-20 "])
def test_the_ways_of_writing_a_day_all_mean_that_day(text):
    assert parse_typed_date(text) == date(2026, 12, 20)


@pytest.mark.parametrize("text", ["2026-02-30", "26-12-20", "2026-13-01", "明天", "2026-12"])
def test_what_is_no_day_is_refused_not_turned_into_another(text):
    assert parse_typed_date(text) is None


@pytest.mark.parametrize("where", ["select all", "end", "start"])
def test_a_date_typed_into_the_field_is_the_date_stored(qtbot, where):
    field = DateField(date(2027, 1, 5))
    qtbot.addWidget(field)
    field.show()
    field.edit.setFocus()
    if where == "select all":
        field.edit.selectAll()
        qtbot.keyClicks(field.edit, "2026-12-20")
    else:
        field.edit.clear()  # what selecting and deleting does wherever the click landed
        qtbot.keyClick(field.edit, Qt.Key.Key_End if where == "end" else Qt.Key.Key_Home)
        qtbot.keyClicks(field.edit, "2026-12-20")
    assert field.date() == date(2026, 12, 20)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert field.date() == date(2026, 12, 20)


def test_text_that_is_no_date_is_marked_and_gives_no_date(qtbot):
    field = DateField(date(2026, 12, 20))
    qtbot.addWidget(field)
    field.edit.setText("")
    qtbot.keyClicks(field.edit, "2026-12-2x")
    assert field.date() is None and not field.is_valid()
    assert "border" in field.edit.styleSheet() and field.edit.toolTip()
    field.edit.clear()
    qtbot.keyClicks(field.edit, "2026/1/3")
    field.edit.editingFinished.emit()
    assert field.date() == date(2026, 1, 3) and field.edit.text() == "2026-01-03"


def test_a_typed_deadline_is_stored_as_typed_and_an_early_one_is_warned(
        qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)  # visited 2026-11-20
    page.add_finding_action.trigger()
    dialog = page.panel.findings.dialog
    assert isinstance(dialog, FindingDialog)
    dialog.requirement.setPlainText("修复东侧路灯")
    dialog.deadline.edit.selectAll()
    qtbot.keyClicks(dialog.deadline.edit, "2026-11-02")
    assert dialog.deadline_warning.isVisible()
    assert "早于检查日期 2026-11-20" in dialog.deadline_warning.text()
    dialog.deadline.edit.selectAll()
    qtbot.keyClicks(dialog.deadline.edit, "2026-12-20")
    assert not dialog.deadline_warning.isVisible()
    dialog._submit()
    settle(qtbot, page)
    findings = runner.call(lambda s: s.findings(inspection_id))
    assert [f.deadline for f in findings] == ["2026-12-20"]


def test_a_deadline_that_is_no_date_is_refused_with_a_message(qtbot, open_page, inspection_id):
    page = open_page(inspection_id)
    page.add_finding_action.trigger()
    dialog = page.panel.findings.dialog
    dialog.requirement.setPlainText("修复东侧路灯")
    dialog.deadline.edit.setText("2026-12-40")
    dialog.deadline.edit.textEdited.emit("2026-12-40")
    dialog._submit()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "2026-12-20" in dialog.error.text()


def test_ctrl_enter_submits_a_finding(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.add_finding_action.trigger()
    dialog = page.panel.findings.dialog
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.requirement.setFocus()
    dialog.requirement.setPlainText("清理消防通道")
    qtbot.keyClick(dialog.requirement, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)
    assert [f.requirement for f in runner.call(lambda s: s.findings(inspection_id))] == ["清理消防通道"]
