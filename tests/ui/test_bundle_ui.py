"""文件 → 导出检查包… / 导入检查包…, a .pib dropped on the list, and 冲突待核 in the checklist
and the item panel (pick, undo)."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from inspection.bundle import export_bundle, import_bundle
from inspection.store import open_store
from tests.inspection.bundle_data import PASSWORD, make_key
from ui.bundles.bundle_flow import ExportDialog
from ui.inspection_view.checklist_model import CONFLICT_ROLE
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def other_laptop(tmp_path: Path):
    """A draft made on another laptop, its bundle, and that laptop's store."""
    store = open_store(tmp_path / "other", actor="李四")
    park = store.add_park("星河智造小微企业园", "manufacturing")
    iid = store.new_inspection(park.id, ["000"], inspectors=["李四"], date="2026-11-20").id
    store.save_answer(iid, "000", "1-1-1", result="pass", note="李四的记录")
    export_bundle(store, iid, tmp_path / "draft.pib")
    return store, iid


def box_with_button(qtbot, window, text: str) -> tuple[QMessageBox, object]:
    def found():
        for box in window.findChildren(QMessageBox):
            if box.isVisible():
                for button in box.buttons():
                    if button.text() == text:
                        return box, button
        return None
    qtbot.waitUntil(lambda: found() is not None, timeout=10000)
    return found()


def test_an_unsigned_bundle_is_imported_after_the_window_asks(qtbot, window, runner, tmp_path):
    other, iid = other_laptop(tmp_path)
    window.bundles.import_file(tmp_path / "draft.pib")
    box, button = box_with_button(qtbot, window, "仍要导入")
    assert "未签名" in box.text()
    button.click()
    box, opener = box_with_button(qtbot, window, "打开检查")
    assert "已导入检查" in box.text() and "未签名" in box.text()
    assert runner.call(lambda s: s.answer(iid, "000", "1-1-1").note) == "李四的记录"
    opener.click()
    qtbot.waitUntil(lambda: window.current_inspection_id == iid)
    other.close()


def test_a_pib_dropped_on_the_list_imports_it(qtbot, window, runner, tmp_path):
    other, iid = other_laptop(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "draft.pib"))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    window.home.dropEvent(event)
    _box, button = box_with_button(qtbot, window, "仍要导入")
    button.click()
    qtbot.waitUntil(lambda: runner.call(lambda s: s.has_inspection(iid)), timeout=10000)
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 1, timeout=10000)
    other.close()


def test_export_from_the_menu_signs_a_draft_with_the_typed_password(qtbot, window, runner,
                                                                    prefs, tmp_path):
    key = make_key(tmp_path / "keys", "张三")
    prefs.signing_key_path = key
    iid = runner.call(lambda s: s.new_inspection(
        s.add_park("园区", "service").id, ["000"], inspectors=["张三"]).id)
    window.open_inspection(iid)
    window.export_bundle_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.bundles.dialog, ExportDialog)
                    and window.bundles.dialog.isVisible())
    dialog = window.bundles.dialog
    assert dialog.sign.isChecked() and not dialog.ok.isEnabled()  # the password is wanted
    out = tmp_path / "out.pib"
    dialog.path.setText(str(out))
    dialog.password.setText(PASSWORD)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    box_with_button(qtbot, window, "打开所在文件夹")
    assert window.bundles.last_result.signed and out.is_file()


def test_a_conflict_shows_in_the_tree_and_panel_and_the_pick_is_undoable(
        qtbot, window, runner, tmp_path):
    other, iid = other_laptop(tmp_path)
    runner.call(lambda s: import_bundle(s, tmp_path / "draft.pib", allow_unsigned=True))
    runner.call(lambda s: s.save_answer(iid, "000", "1-1-1", result="partial", note="本机：少量积水"))
    other.save_answer(iid, "000", "1-1-1", result="fail", note="对方：积水严重")
    export_bundle(other, iid, tmp_path / "later.pib")
    result = runner.call(lambda s: import_bundle(s, tmp_path / "later.pib", allow_unsigned=True))
    assert result.conflicts == 1
    window.open_inspection(iid)
    page = window.page
    qtbot.waitUntil(lambda: page.session is not None and page.model.has_conflict(("000", "1-1-1")))
    assert page.model.data(page.model.index_of(("000", "1-1-1")), CONFLICT_ROLE)
    page.select(("000", "1-1-1"))
    box = page.panel.conflicts
    qtbot.waitUntil(lambda: not box.isHidden() and bool(box.buttons))
    texts = " ".join(label.text() for label in box.findChildren(type(page.panel.title)))
    assert "本机：少量积水" in texts and "对方：积水严重" in texts
    _mine, theirs = box.buttons[0]
    theirs.click()
    qtbot.waitUntil(lambda: not page.model.has_conflict(("000", "1-1-1")), timeout=10000)
    qtbot.waitUntil(lambda: page.session.answer("000", "1-1-1").note == "对方：积水严重")
    assert box.isHidden()
    page.undo()
    qtbot.waitUntil(lambda: page.model.has_conflict(("000", "1-1-1")), timeout=10000)
    qtbot.waitUntil(lambda: page.session.answer("000", "1-1-1").note == "本机：少量积水")
    assert runner.call(lambda s: len(s.conflicts(iid))) == 1
    other.close()


def test_the_sign_dialog_lists_conflicts_and_waits(qtbot, runner, prefs, tmp_path):
    from ui.reports.sign_dialog import IssueDialog, check_readiness
    other, iid = other_laptop(tmp_path)
    runner.call(lambda s: import_bundle(s, tmp_path / "draft.pib", allow_unsigned=True))
    runner.call(lambda s: s.save_answer(iid, "000", "1-1-1", note="本机"))
    other.save_answer(iid, "000", "1-1-1", note="对方")
    export_bundle(other, iid, tmp_path / "later.pib")
    runner.call(lambda s: import_bundle(s, tmp_path / "later.pib", allow_unsigned=True))
    key = make_key(tmp_path / "keys", "张三")
    ready = runner.call(lambda s: check_readiness(s, iid, key))
    assert ready.conflicts == ("000 1-1-1",)
    dialog = IssueDialog(runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    assert "冲突待核" in dialog.conflicts_line.text() and not dialog.sign_button.isEnabled()
    other.close()
