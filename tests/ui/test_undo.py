"""Undo and redo in the inspection view: each step is written to the store, and taken back."""
from __future__ import annotations

from PySide6.QtCore import Qt

from inspection.model import FindingStatus
from tests.ui.test_inspection_page_helpers import (  # noqa: F401
    focus_tree,
    inspection_id,
    make_jpegs,
    open_page,
    settle,
    stored,
)
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from ui.session.undo_commands import AddFinding, DeleteFinding, EditFinding


def _undo(qtbot, page):
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)


def _redo(qtbot, page, shift=False):
    focus_tree(qtbot, page)
    if shift:
        qtbot.keyClick(page.tree, Qt.Key.Key_Z,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    else:
        qtbot.keyClick(page.tree, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, page)


def test_undo_and_redo_an_answer(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    qtbot.keyClick(page.tree, Qt.Key.Key_3)
    settle(qtbot, page)
    assert page.undo_stack.undoText() == "1-1-2 不符合"
    _undo(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-2") is None
    assert page.model.result_of(("000", "1-1-2")) is None
    _undo(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1") is None
    _redo(qtbot, page)
    _redo(qtbot, page, shift=True)
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"
    assert stored(runner, inspection_id, "000", "1-1-2").result == "fail"


def test_undo_a_note_puts_the_old_text_back_in_the_editor(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    page.activateWindow()
    page.panel.note.setFocus()
    page.panel.note.setPlainText("第一稿")
    page.tree.setFocus()
    page.panel.note.setFocus()
    page.panel.note.setPlainText("第二稿")
    page.tree.setFocus()
    settle(qtbot, page)
    assert stored(runner, inspection_id, "000", "1-1-1").note == "第二稿"
    _undo(qtbot, page)
    assert page.panel.note.toPlainText() == "第一稿"
    assert stored(runner, inspection_id, "000", "1-1-1").note == "第一稿"
    _undo(qtbot, page)
    assert page.panel.note.toPlainText() == ""
    assert stored(runner, inspection_id, "000", "1-1-1") is None
    _redo(qtbot, page)
    assert page.panel.note.toPlainText() == "第一稿"


def test_undo_moving_and_removing_photos(qtbot, runner, open_page, inspection_id, tmp_path):
    page = open_page(inspection_id)
    page.photos.import_photos(make_jpegs(tmp_path / "cam", 2), ("000", "1-1-1"))
    qtbot.waitUntil(lambda: len(page.panel.photos.model.photos) == 2, timeout=20000)
    first, second = page.panel.photos.model.photos
    page.photos.move_photo(first.id, "000", "1-1-5")
    page.photos.remove_photo(second.id)
    settle(qtbot, page)
    assert page.panel.photos.model.photos == []
    assert runner.call(lambda s: s.photos(inspection_id)) == [
        runner.call(lambda s: s.photo(first.id))]
    _undo(qtbot, page)  # the removal
    assert [p.id for p in page.panel.photos.model.photos] == [second.id]
    assert runner.call(lambda s: s.photo(second.id)).deleted_at is None
    _undo(qtbot, page)  # the move
    assert [p.id for p in page.panel.photos.model.photos] == [first.id, second.id]
    assert runner.call(lambda s: s.photo(first.id)).item_code == "1-1-1"
    _redo(qtbot, page)
    assert runner.call(lambda s: s.photo(first.id)).item_code == "1-1-5"
    _redo(qtbot, page)
    assert runner.call(lambda s: s.photo(second.id)).deleted_at is not None


def test_undo_finding_edits(qtbot, runner, open_page, inspection_id):
    page = open_page(inspection_id)
    findings = page.panel.findings
    findings.add()
    findings.dialog.requirement.setPlainText("清理消防通道")
    findings.dialog._submit()
    settle(qtbot, page)
    finding_id = runner.call(lambda s: s.findings(inspection_id))[0].id
    findings.edit(finding_id)
    findings.dialog.responsible.setText("物业部")
    findings.dialog._submit()
    findings.close_finding(finding_id)
    findings.dialog.note.setPlainText("已清理")
    findings.dialog._submit()
    settle(qtbot, page)
    assert runner.call(lambda s: s.finding(finding_id)).status is FindingStatus.CLOSED
    _undo(qtbot, page)
    assert runner.call(lambda s: s.finding(finding_id)).status is FindingStatus.OPEN
    _undo(qtbot, page)
    assert runner.call(lambda s: s.finding(finding_id)).responsible == ""
    _undo(qtbot, page)
    assert runner.call(lambda s: s.findings(inspection_id)) == []
    assert page.session.findings == {}
    for _ in range(3):
        _redo(qtbot, page)
    [again] = runner.call(lambda s: s.findings(inspection_id))
    assert (again.requirement, again.responsible, again.status) == (
        "清理消防通道", "物业部", FindingStatus.CLOSED)
    findings.delete(again.id)
    settle(qtbot, page)
    _undo(qtbot, page)  # deleting is undone by recording it again
    [restored] = runner.call(lambda s: s.findings(inspection_id))
    assert restored.closing_note == "已清理" and restored.status is FindingStatus.CLOSED
    assert len(page.session.findings_for("000", "1-1-1")) == 1


def _shown_and_stored(runner, page, inspection_id):
    stored_findings = {(f.id, f.requirement, f.responsible, f.status)
                       for f in runner.call(lambda s: s.findings(inspection_id))}
    shown = {(f.id, f.requirement, f.responsible, f.status) for f in page.session.findings.values()}
    return shown, stored_findings


def test_add_a_finding_and_undo_at_once_on_the_threaded_runner(qtbot, runner, open_page,
                                                               inspection_id):
    page = open_page(inspection_id)
    stack = page.undo_stack
    key = page.panel.key
    for _ in range(5):  # undo before the store has confirmed the add
        stack.push(AddFinding(page.session, *key, {"requirement": "清理消防通道"}))
        stack.undo()
        stack.redo()
        stack.undo()
    settle(qtbot, page)
    assert runner.call(lambda s: s.findings(inspection_id)) == []
    assert page.session.findings == {}
    stack.redo()
    settle(qtbot, page)
    shown, stored_findings = _shown_and_stored(runner, page, inspection_id)
    assert shown == stored_findings and len(shown) == 1


def test_rapid_delete_undo_redo_keeps_screen_and_store_in_step(qtbot, runner, open_page,
                                                               inspection_id):
    page = open_page(inspection_id)
    stack = page.undo_stack
    key = page.panel.key
    stack.push(AddFinding(page.session, *key, {"requirement": "更换路灯"}))
    settle(qtbot, page)
    [finding] = page.session.findings.values()
    stack.push(EditFinding(page.session, finding, "责任人", {"responsible": "物业部"}))
    settle(qtbot, page)
    stack.push(DeleteFinding(page.session, page.session.findings[finding.id]))
    for _ in range(7):  # SQLite reuses the deleted row's id when it is recorded again
        stack.undo()
        stack.redo()
    settle(qtbot, page)  # a late confirm of an undo must not put it back on screen
    assert _shown_and_stored(runner, page, inspection_id) == (set(), set())
    stack.undo()
    stack.undo()  # the responsible person, on the finding recorded again
    settle(qtbot, page)
    shown, stored_findings = _shown_and_stored(runner, page, inspection_id)
    assert shown == stored_findings and len(shown) == 1
    assert next(iter(stored_findings))[2] == ""
    for _ in range(2):
        stack.redo()
    stack.undo()
    settle(qtbot, page)
    shown, stored_findings = _shown_and_stored(runner, page, inspection_id)
    assert shown == stored_findings
    assert [f[2] for f in stored_findings] == ["物业部"]
    stack.redo()
    settle(qtbot, page)
    assert runner.call(lambda s: s.findings(inspection_id)) == [] and page.session.findings == {}


def test_undo_and_redo_show_the_item_they_change_and_say_what_they_did(qtbot, runner, open_page,
                                                                       inspection_id, tmp_path):
    page = open_page(inspection_id)
    said = []
    page.status_message.connect(said.append)
    page.set_auto_advance(False)
    page.select(("000", "1-1-1"))
    focus_tree(qtbot, page)
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    settle(qtbot, page)
    page.select(("000", "1-1-5"))
    page.tabs.setCurrentIndex(2)  # looking at the summary
    page.undo()
    settle(qtbot, page)
    assert page.tabs.currentIndex() == 0 and page.panel.key == ("000", "1-1-1")
    assert said[-1] == "已撤销：1-1-1 符合"  # the step names its item already
    page.select(("000", "1-1-5"))
    page.set_filter("unanswered")
    page.pane.search.setText("消防")  # 1-1-1 is hidden by the search
    page.redo()
    settle(qtbot, page)
    assert page.panel.key == ("000", "1-1-1") and said[-1] == "已重做：1-1-1 符合"
    assert stored(runner, inspection_id, "000", "1-1-1").result == "pass"

    # a photo moved away from the item on screen: the undo shows the item it is back on
    page.photos.import_photos(make_jpegs(tmp_path / "cam", 1), ("000", "1-1-2"))
    qtbot.waitUntil(lambda: page.importer.last is not None and not page.importer.running,
                    timeout=20000)
    [photo] = runner.call(lambda s: s.photos(inspection_id))
    page.photos.move_photo(photo.id, "000", "1-1-3")
    settle(qtbot, page)
    page.select(("000", "1-1-5"))
    page.undo()
    settle(qtbot, page)
    assert page.panel.key == ("000", "1-1-2")
    assert said[-1] == "已撤销：移动照片到 1-1-3（1-1-2）"
    assert [p.id for p in page.panel.photos.model.photos] == [photo.id]


def test_the_main_window_status_bar_says_what_an_undo_did(qtbot, make_window, runner):
    from tests.ui.test_main_window import add_inspection

    earlier = add_inspection(runner)
    window = make_window(runner)
    window.open_inspection(earlier.id)
    qtbot.waitUntil(lambda: window.page.session is not None)
    window.page.set_result("pass")
    settle(qtbot, window.page)
    window.page.inspection_actions.undo.trigger()
    assert window.statusBar().currentMessage().startswith("已撤销：")
