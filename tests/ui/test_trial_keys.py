"""What a new user met in the key, bundle and export dialogs (trial 3): the whole fingerprint
in the trust prompt, a refused key name said under its field with the form kept, a wrong
export password said in the export dialog, 打开所在文件夹 for a bundle and a message when the
system opens nothing, and a password hint that says what is missing."""
from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox
from shiboken6 import isValid

from checklists.errors import InvalidInput
from inspection.bundle import export_bundle
from inspection.signing.keys import check_new_key_fields, load_signing_key
from inspection.store import open_store
from tests.inspection.bundle_data import PASSWORD, make_key
from ui.bundles.bundle_flow import ExportDialog
from ui.main_window import MainWindow
from ui.reports.fingerprint import fingerprint_lines
from ui.reports.key_dialog import SigningKeyDialog, password_strength


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def visible_box(qtbot, parent, button_text: str) -> QMessageBox:
    def found():
        for box in parent.findChildren(QMessageBox):
            if box.isVisible() and any(b.text() == button_text for b in box.buttons()):
                return box
        return None
    qtbot.waitUntil(lambda: found() is not None, timeout=10000)
    return found()


# --- 1. the trust prompt of a bundle import -------------------------------------------------

def test_the_bundle_trust_prompt_shows_the_whole_fingerprint_selectable(qtbot, window,
                                                                        tmp_path):
    key_file = make_key(tmp_path / "keys", "李四")
    key = load_signing_key(key_file, PASSWORD)
    other = open_store(tmp_path / "other", actor="李四")
    park = other.add_park("星河智造小微企业园", "manufacturing")
    iid = other.new_inspection(park.id, ["000"], inspectors=["李四"], date="2026-11-20").id
    export_bundle(other, iid, tmp_path / "signed.pib", key=key)
    other.close()
    window.bundles.import_file(tmp_path / "signed.pib")
    box = visible_box(qtbot, window, "信任并导入")
    whole = fingerprint_lines(key.fingerprint)
    assert len(whole.replace(" ", "").replace("\n", "")) == 64
    assert whole in box.informativeText() and "…" not in box.informativeText()
    info = box.findChild(QLabel, "qt_msgbox_informativelabel")
    assert info.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    box.reject()


def test_the_key_dialog_shows_the_fingerprint_in_the_same_form(qtbot, inline_runner, prefs,
                                                                data_dir, tmp_path):
    key_file = make_key(tmp_path / "keys", "张三")
    prefs.signing_key_path = key_file
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    fingerprint = load_signing_key(key_file, PASSWORD).fingerprint
    assert dialog.fields["fingerprint"].text() == fingerprint_lines(fingerprint)


# --- 2. a refused key name ------------------------------------------------------------------

def fill_new_key(dialog: SigningKeyDialog, name: str):
    dialog.create_key()
    create = dialog.create_dialog
    create.name.setText(name)
    create.organisation.setText("金山区营商办")
    create.password.setText("Abc-12345")
    create.repeat.setText("Abc-12345")
    return create


def test_a_name_a_certificate_cannot_hold_is_said_under_the_field_before_creating(
        qtbot, inline_runner, prefs, data_dir):
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    create = fill_new_key(dialog, "张三𬌗")
    error = create.errors["name"]
    assert error.isVisibleTo(create) and "U+2C317" in error.text()
    assert "name" not in error.text() and not create.ok_button.isEnabled()
    create.name.setText("张三")
    assert not error.isVisibleTo(create) and create.ok_button.isEnabled()


def test_a_refusal_at_creation_keeps_the_form_and_says_it_under_the_field(
        qtbot, inline_runner, prefs, data_dir):
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    create = fill_new_key(dialog, "张三")
    create.show()
    with pytest.raises(InvalidInput) as refused:
        check_new_key_fields(name="张三𬌗", organisation="某单位")
    assert create.refused(refused.value)
    error = create.errors["name"]
    assert error.isVisibleTo(create) and "U+2C317" in error.text()
    assert not error.text().startswith("name") and create.password.text() == "Abc-12345"


def test_a_failed_creation_leaves_the_dialog_open_with_what_was_typed(
        qtbot, inline_runner, prefs, data_dir):
    keys = data_dir / "keys"
    if keys.is_dir():
        shutil.rmtree(keys)
    keys.write_text("not a folder")  # the key cannot be written
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    create = fill_new_key(dialog, "张三")
    create.ok_button.click()
    qtbot.waitUntil(lambda: any(b.isVisible() for b in create.findChildren(QMessageBox)))
    assert create.isVisible() and create.result() != create.DialogCode.Accepted
    assert create.organisation.text() == "金山区营商办"
    assert create.password.text() == create.repeat.text() == "Abc-12345"
    assert create.ok_button.isEnabled()


# --- 3. a wrong password when exporting a bundle ---------------------------------------------

def test_a_wrong_export_password_is_said_in_the_dialog_which_stays_open(qtbot, window, runner,
                                                                        prefs, tmp_path):
    prefs.signing_key_path = make_key(tmp_path / "keys", "张三")
    iid = runner.call(lambda s: s.new_inspection(
        s.add_park("园区", "service").id, ["000"], inspectors=["张三"]).id)
    window.open_inspection(iid)
    window.export_bundle_action.trigger()
    qtbot.waitUntil(lambda: isinstance(window.bundles.dialog, ExportDialog)
                    and window.bundles.dialog.isVisible())
    dialog = window.bundles.dialog
    out = tmp_path / "out.pib"
    dialog.path.setText(str(out))
    dialog.password.setText("wrong-password")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.password_error.isVisibleTo(dialog), timeout=10000)
    assert dialog.isVisible() and "密码不正确" in dialog.password_error.text()
    assert dialog.focusWidget() is dialog.password
    assert dialog.password.selectedText() == "wrong-password"
    assert not any(b.isVisible() for b in window.findChildren(QMessageBox))
    assert not out.exists() and dialog.ok.isEnabled()
    dialog.password.setText(PASSWORD)
    assert not dialog.password_error.isVisibleTo(dialog)
    dialog.ok.click()
    visible_box(qtbot, window, "打开所在文件夹")
    assert out.is_file() and (not isValid(dialog) or not dialog.isVisible())  # closed


# --- 5. 打开所在文件夹, and a message when the system opens nothing ------------------------------

def test_an_exported_bundle_is_offered_in_its_folder_and_a_failure_is_said(
        qtbot, window, runner, tmp_path):
    iid = runner.call(lambda s: s.new_inspection(
        s.add_park("园区", "service").id, ["000"], inspectors=["张三"]).id)
    window.bundles.run_export(iid, tmp_path / "draft.pib", None)
    box = visible_box(qtbot, window, "打开所在文件夹")
    assert {b.text() for b in box.buttons()} == {"打开所在文件夹", "关闭"}  # no 打开 for a .pib
    assert box.defaultButton().text() == "打开所在文件夹"
    folder = next(b for b in box.buttons() if b.text() == "打开所在文件夹")
    folder.click()  # offscreen: the system has no file manager
    qtbot.waitUntil(lambda: any(b.isVisible() and b.windowTitle() == "无法打开"
                                for b in window.findChildren(QMessageBox)))
    said = next(b for b in window.findChildren(QMessageBox) if b.windowTitle() == "无法打开")
    assert str(tmp_path / "draft.pib") in said.informativeText()
    said.accept()


def test_the_about_box_says_when_the_data_folder_cannot_be_opened(qtbot, data_dir):
    from ui.dialogs.about import AboutDialog

    dialog = AboutDialog(data_dir=data_dir)
    qtbot.addWidget(dialog)
    assert dialog.open_data_dir() is False  # offscreen: no file manager
    assert any(b.windowTitle() == "无法打开" for b in dialog.findChildren(QMessageBox))


# --- 6. the password hint -------------------------------------------------------------------

def test_the_password_hint_says_what_is_actually_missing():
    level, hint = password_strength("secret1")  # letters and digits, 7 long
    assert level == 1 and "字母和数字" not in hint and "8 位" in hint
    assert "加入数字或符号" in password_strength("secretpassword")[1]
    assert "加入字母" in password_strength("12345678")[1]
    level, hint = password_strength("abcd1234")
    assert level == 2 and "12 位" in hint
