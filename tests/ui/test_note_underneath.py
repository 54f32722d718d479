"""A change that arrives underneath the item panel's editors (trial 2, F10).

A conflict pick, an undo, a sync or a bundle import replaces what the note editor (and the
star inputs, and the finding dialog) show unless the inspector is typing in it right now; and
typed text is never written over a newer stored note.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from inspection.bundle import export_bundle, import_bundle
from inspection.store import NoteChanged, open_store
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def conflicted(runner, tmp_path: Path) -> str:
    """An inspection whose 000 1-1-5 both laptops changed (本机 不符合, 对方 符合)."""
    other = open_store(tmp_path / "other", actor="李四")
    park = other.add_park("星河智造小微企业园", "manufacturing")
    iid = other.new_inspection(park.id, ["000"], inspectors=["李四"], date="2026-11-20").id
    other.save_answer(iid, "000", "1-1-5", result="pass", note="初始")
    export_bundle(other, iid, tmp_path / "first.pib")
    runner.call(lambda s: import_bundle(s, tmp_path / "first.pib", allow_unsigned=True))
    runner.call(lambda s: s.save_answer(iid, "000", "1-1-5", result="fail", note="灭火器过期"))
    other.save_answer(iid, "000", "1-1-5", result="pass", note="消防设施完好（第二台电脑）")
    export_bundle(other, iid, tmp_path / "later.pib")
    other.close()
    assert runner.call(lambda s: import_bundle(
        s, tmp_path / "later.pib", allow_unsigned=True)).conflicts == 1
    return iid


def open_item(qtbot, window, iid: str, key=("000", "1-1-5")):
    window.open_inspection(iid)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.model.has_conflict(key))
    page.select(key)
    qtbot.waitUntil(lambda: page.panel.key == key and bool(page.panel.conflicts.buttons))
    return page


def stored_note(runner, iid: str, code: str = "1-1-5") -> str:
    return runner.call(lambda s: s.answer(iid, "000", code).note)


def test_taking_their_side_shows_their_note_and_typing_extends_it(qtbot, window, runner,
                                                                   tmp_path):
    iid = conflicted(runner, tmp_path)
    page = open_item(qtbot, window, iid)
    assert page.panel.note.toPlainText() == "灭火器过期"
    page.panel.conflicts.buttons[0][1].click()  # 采用对方
    qtbot.waitUntil(lambda: not page.model.has_conflict(("000", "1-1-5")), timeout=10000)
    assert page.panel.note.toPlainText() == "消防设施完好（第二台电脑）"
    page.panel.note.setFocus()
    page.panel.note.moveCursor(page.panel.note.textCursor().MoveOperation.End)
    page.panel.note.insertPlainText("。")
    page.panel.commit_note(close=True)
    qtbot.waitUntil(lambda: page.session.pending == 0)
    assert stored_note(runner, iid) == "消防设施完好（第二台电脑）。"
    assert runner.call(lambda s: s.answer(iid, "000", "1-1-5").result) == "pass"


def test_keeping_mine_after_an_undo_of_the_pick_reloads_the_note(qtbot, window, runner,
                                                                  tmp_path):
    iid = conflicted(runner, tmp_path)
    page = open_item(qtbot, window, iid)
    page.panel.conflicts.buttons[0][1].click()  # 采用对方
    qtbot.waitUntil(lambda: page.panel.note.toPlainText() == "消防设施完好（第二台电脑）")
    page.undo()  # the conflict opens again with this laptop's note
    qtbot.waitUntil(lambda: page.model.has_conflict(("000", "1-1-5")), timeout=10000)
    qtbot.waitUntil(lambda: page.panel.note.toPlainText() == "灭火器过期")


def test_text_typed_while_their_note_arrives_is_not_written_over_it(qtbot, window, runner,
                                                                    tmp_path):
    iid = conflicted(runner, tmp_path)
    page = open_item(qtbot, window, iid)
    panel = page.panel
    panel.note.setFocus()
    panel.note.setPlainText("灭火器过期，已拍照")  # typing: not saved yet
    assert panel.note_typing()
    page.conflict_controller._pick(page.conflict_controller.state.conflicts[0], "theirs")
    qtbot.waitUntil(lambda: not page.model.has_conflict(("000", "1-1-5")), timeout=10000)
    assert panel.note.toPlainText() == "灭火器过期，已拍照"  # what is being typed stays
    panel.commit_note(close=True)  # … but it was typed over the older note
    qtbot.waitUntil(lambda: page.session.pending == 0)
    qtbot.waitUntil(lambda: panel.note.toPlainText() == "消防设施完好（第二台电脑）")
    assert stored_note(runner, iid) == "消防设施完好（第二台电脑）"
    assert "灭火器过期，已拍照" in page.session._last_error  # said, with the typed text


def test_a_bundle_import_underneath_reloads_an_untouched_note(qtbot, window, runner, tmp_path):
    iid = conflicted(runner, tmp_path)
    page = open_item(qtbot, window, iid)
    runner.call(lambda s: s.resolve_conflict(s.conflicts(iid)[0].id, "theirs"))
    window._bundle_imported(type("R", (), {"inspection_id": iid, "action": "merged"})())
    qtbot.waitUntil(lambda: page.session is not None and page.panel.key == ("000", "1-1-5")
                    and page.panel.note.toPlainText() == "消防设施完好（第二台电脑）",
                    timeout=10000)
    assert stored_note(runner, iid) == "消防设施完好（第二台电脑）"


def test_the_store_refuses_a_note_typed_over_an_older_one(tmp_path):
    store = open_store(tmp_path / "d", actor="张三")
    park = store.add_park("园区", "manufacturing")
    iid = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20").id
    store.save_answer(iid, "000", "1-1-1", note="旧")
    store.save_answer(iid, "000", "1-1-1", note="新")
    with pytest.raises(NoteChanged) as refused:
        store.save_answer(iid, "000", "1-1-1", note="旧。", note_was="旧")
    assert refused.value.answer.note == "新" and "旧。" in refused.value.text("zh")
    assert store.answer(iid, "000", "1-1-1").note == "新"
    store.save_answer(iid, "000", "1-1-1", note="新。", note_was="新")
    assert store.answer(iid, "000", "1-1-1").note == "新。"
    store.close()


def test_a_finding_dialog_writes_only_what_was_changed_in_it(qtbot, window, runner, tmp_path):
    iid = conflicted(runner, tmp_path)
    fid = runner.call(lambda s: s.add_finding(iid, "000", "1-1-5", requirement="更换灭火器",
                                              responsible="物业")).finding.id
    page = open_item(qtbot, window, iid)
    qtbot.waitUntil(lambda: fid in page.session.findings)
    page.panel.findings.edit(fid)
    dialog = page.panel.findings.dialog
    # underneath, while the dialog is open: another edit changes who is responsible
    change = runner.call(lambda s: s.update_finding(fid, responsible="园区物业部 张经理"))
    page.session.apply(change)
    dialog.requirement.setPlainText("更换过期灭火器")
    dialog._submit()
    qtbot.waitUntil(lambda: page.session.pending == 0)
    finding = runner.call(lambda s: next(f for f in s.findings(iid) if f.id == fid))
    assert finding.requirement == "更换过期灭火器"
    assert finding.responsible == "园区物业部 张经理"
