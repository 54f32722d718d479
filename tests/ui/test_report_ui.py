"""The 报告 menu driven through the real widgets: signatures, the signing key, sign & issue
(wrong password, cancel, success), reopening, the draft and Excel exports, the menu's states."""
from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QMessageBox

from inspection.model import SignerRole
from inspection.paths import DataDir
from inspection.report.page_images import page_count
from inspection.signing.keys import create_signing_key
from tests.ui.test_main_window import make_window  # noqa: F401 - a fixture
from tests.ui.test_signature_pad import draw, wave
from ui.reports.export_dialogs import DraftExport, ExcelExport
from ui.reports.key_dialog import (
    SigningKeyDialog,
    key_path,
    password_strength,
    remember_key_path,
)
from ui.reports.signatures_dialog import SignaturesDialog, missing_signatures

PASSWORD = "zhang-san-2026"


def add_inspection(runner, inspectors=("张三", "李四"), templates=("000",)):
    def create(store):
        park = store.find_park("星河园") or store.add_park(
            "星河园", "manufacturing", contacts=[{"name": "王五", "title": "园区主任"}])
        return store.new_inspection(park.id, list(templates), inspectors=list(inspectors),
                                    date="2026-11-20", organisation="金山区经委")
    return runner.call(create)


def a_key(prefs, data_dir: Path, name="张三") -> Path:
    keys = data_dir / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    path = create_signing_key(name=name, organisation="金山区经委", password=PASSWORD,
                              out=keys / f"{name}.p12")
    remember_key_path(prefs, path)
    return path


def sign_by_hand(qtbot, dialog: SignaturesDialog, index: int, *, name=None, title=None):
    dialog.sign(dialog.signers[index])
    pad_dialog = dialog.sign_dialog
    assert not pad_dialog.ok_button.isEnabled()  # nothing drawn yet
    if name is not None:
        pad_dialog.name.setText(name)
    if title is not None:
        pad_dialog.title_edit.setText(title)
    pad_dialog.pad.resize(560, 200)
    draw(pad_dialog.pad, wave())
    assert pad_dialog.ok_button.isEnabled()
    pad_dialog.ok_button.click()


# --- handwritten signatures ------------------------------------------------------------------

def test_signatures_dialog_stores_the_inspectors_and_the_park_representative(
        qtbot, inline_runner, prefs, monkeypatch):
    inspection = add_inspection(inline_runner)
    dialog = SignaturesDialog(inline_runner, inspection.id, prefs=prefs)
    qtbot.addWidget(dialog)
    assert [(s.role, s.name) for s in dialog.signers] == [
        (SignerRole.INSPECTOR, "张三"), (SignerRole.INSPECTOR, "李四"),
        (SignerRole.PARK_REPRESENTATIVE, "王五")]  # the park's contact, ready to sign
    assert "还缺 3 个签名" in dialog.status.text()

    sign_by_hand(qtbot, dialog, 0)
    sign_by_hand(qtbot, dialog, 2, name="王五", title="园区管委会副主任")
    stored = inline_runner.call(lambda store: store.signatures(inspection.id))
    assert {(s.role, s.name, s.title) for s in stored} == {
        (SignerRole.INSPECTOR, "张三", ""),
        (SignerRole.PARK_REPRESENTATIVE, "王五", "园区管委会副主任")}
    assert all(s.image_png.startswith(b"\x89PNG") and s.signed_at for s in stored)
    assert dialog.status.text() == "还缺 1 个签名：李四（检查人员）"
    assert dialog.row_buttons[0][0].text() == "重新签名…"

    sign_by_hand(qtbot, dialog, 0)  # signing again replaces the signature
    assert len(inline_runner.call(lambda store: store.signatures(inspection.id))) == 2
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    dialog.row_buttons[2][1].click()  # remove the representative's
    stored = inline_runner.call(lambda store: store.signatures(inspection.id))
    assert [s.name for s in stored] == ["张三"]
    assert missing_signatures(inspection, stored) == ["李四（检查人员）", "园区代表"]


def test_signing_does_not_move_the_other_sign_buttons(qtbot, inline_runner, prefs):
    """The first signature adds 删除 beside 重新签名…; the buttons of the rows still to sign
    stay under the pointer and the dialog keeps its width (trial 2)."""
    inspection = add_inspection(inline_runner)
    dialog = SignaturesDialog(inline_runner, inspection.id, prefs=prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def place(n):
        button = dialog.row_buttons[n][0]
        return button.mapTo(dialog, button.rect().topLeft()).x()

    before, width = place(1), dialog.width()
    sign_by_hand(qtbot, dialog, 0)
    qtbot.waitUntil(lambda: dialog.row_buttons[0][1] is not None and dialog.row_buttons[1][0].isVisible())
    qtbot.wait(100)  # the rebuilt rows laid out
    assert abs(place(1) - before) <= 2 and dialog.width() == width  # was 83 px to the left


# --- the signing key -------------------------------------------------------------------------

def test_a_key_is_created_through_the_dialog(qtbot, inline_runner, prefs, data_dir):
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    assert not dialog.empty.isHidden()  # no key yet
    dialog.create_key()
    create = dialog.create_dialog
    assert create.name.text() == "张三" and create.organisation.text() == "金山区经委"
    assert not create.ok_button.isEnabled()
    create.password.setText("abc")
    assert not create.ok_button.isEnabled() and "太短" in create.strength.text()
    create.password.setText("Abc12345")
    create.repeat.setText("Abc12399")
    assert create.mismatch.isVisibleTo(create) and not create.ok_button.isEnabled()
    assert "再次输入密码" not in create.missing.text()  # said once, as a mismatch, not as missing
    create.repeat.setText("Abc1")  # still typing: not yet called a mismatch
    assert not create.mismatch.isVisibleTo(create)
    assert "再次输入密码" in create.missing.text()
    create.repeat.setText("Abc12345")
    assert not create.mismatch.isVisibleTo(create) and create.ok_button.isEnabled()
    create.ok_button.click()

    path = key_path(prefs)
    assert path is not None and path.parent == data_dir / "keys" and path.suffix == ".p12"
    assert path.with_suffix(".crt").exists()
    assert "Abc12345" not in str({k: prefs.qsettings.value(k)
                                      for k in prefs.qsettings.allKeys()})
    assert dialog.info is not None and dialog.info.name == "张三"
    assert dialog.fields["organisation"].text() == "金山区经委"
    assert len(dialog.fields["fingerprint"].text().replace(" ", "").replace("\n", "")) == 64
    assert dialog.empty.isHidden()


def test_importing_a_key_checks_its_password_first(qtbot, inline_runner, prefs, data_dir,
                                                   tmp_path):
    issued = create_signing_key(name="李四", organisation="嘉定区营商办", password=PASSWORD,
                                out=tmp_path / "from-office.p12")
    dialog = SigningKeyDialog(inline_runner, prefs, data_dir)
    qtbot.addWidget(dialog)
    dialog.ask_import_password(issued)
    dialog.password_dialog.password.setText("wrong-password")
    dialog.password_dialog.ok_button.click()
    assert dialog.password_dialog.error.isVisibleTo(dialog.password_dialog)
    assert key_path(prefs) is None and not (data_dir / "keys").exists() or \
        not list((data_dir / "keys").glob("*.p12"))
    dialog.password_dialog.password.setText(PASSWORD)
    dialog.password_dialog.ok_button.click()
    path = key_path(prefs)
    assert path.parent == data_dir / "keys" and path.exists()
    assert dialog.fields["name"].text() == "李四"


def test_password_strength_hint():
    assert password_strength("12345")[0] == 0
    assert password_strength("123456")[0] == 1
    assert password_strength("abcd1234")[0] == 2
    assert password_strength("Abcd-1234-xyz")[0] == 3


# --- sign & issue through the window -----------------------------------------------------------

@pytest.fixture
def opened(qtbot, make_window, runner, prefs, data_dir):
    inspection = add_inspection(runner)
    window = make_window(runner)
    window.open_inspection(inspection.id)
    qtbot.waitUntil(lambda: window.page.session is not None)
    return window, inspection


def open_issue_dialog(qtbot, window):
    window.report_menu.sign_action.trigger()
    qtbot.waitUntil(lambda: window.report_menu.issue_dialog is not None)
    return window.report_menu.issue_dialog


def state(runner, iid):
    return runner.call(lambda store: (store.inspection(iid), store.reports(iid)))


def test_sign_and_issue_wrong_password_then_cancel_then_success(qtbot, opened, runner, prefs,
                                                                data_dir, tmp_path):
    window, inspection = opened
    a_key(prefs, data_dir)
    dialog = open_issue_dialog(qtbot, window)
    copy = tmp_path / "out" / "report.pdf"
    copy.parent.mkdir()
    dialog.copy_path.setText(str(copy))
    # what is missing is said first, and must be confirmed
    assert "个条目未检查" in dialog.items_line.text()
    assert "李四（检查人员）" in dialog.signatures_line.text()
    assert "张三" in dialog.key_line.text()
    assert not dialog.sign_button.isEnabled()
    dialog.password.setText("wrong password")
    assert not dialog.sign_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert dialog.sign_button.isEnabled()

    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.password_error.isVisibleTo(dialog), timeout=10000)
    assert "密码不正确" in dialog.password_error.text()
    assert dialog.password.text() == ""  # never kept
    found, reports = state(runner, inspection.id)
    assert not found.locked and reports == [] and not copy.exists()
    assert not list((data_dir / "reports").glob("*.pdf"))

    dialog.password.setText(PASSWORD)
    dialog.sign()
    dialog.task.cancel()
    qtbot.waitUntil(lambda: dialog.notice is not None, timeout=20000)
    assert "已取消签署" in dialog.notice.text()
    dialog.notice.close()
    found, reports = state(runner, inspection.id)
    assert not found.locked and reports == [] and not copy.exists()

    dialog.password.setText(PASSWORD)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: window.report_menu.message is not None, timeout=30000)
    found, reports = state(runner, inspection.id)
    assert found.locked and len(reports) == 1 and reports[0].signed
    assert copy.exists() and reports[0].file(DataDir(data_dir)).exists()
    assert page_count(copy) >= 4
    message = window.report_menu.message
    assert "已签署" in message.text() and str(copy) in message.text()
    assert {b.text() for b in message.buttons()} == {"打开报告", "打印…", "打开所在文件夹", "关闭"}
    # the page reloads as signed: read-only, with the banner and its reopen button
    qtbot.waitUntil(lambda: window.page.session is not None and window.page.session.read_only)
    assert not window.page.header.banner.isHidden()
    qtbot.waitUntil(lambda: window.report_menu.reopen_action.isEnabled())
    assert not window.report_menu.sign_action.isEnabled()
    message.close()

    # 重新打开（新修订版）: the page's own flow, with a reason; the signed report stays
    window.report_menu.reopen_action.trigger()
    reopen = window.page.reopen_dialog
    assert "第 2 版" in reopen.labelText()
    reopen.setTextValue("补充整改照片")
    reopen.accept()
    qtbot.waitUntil(lambda: state(runner, inspection.id)[0].revision == 2)
    found, reports = state(runner, inspection.id)
    assert not found.locked and len(reports) == 1 and reports[0].file(DataDir(data_dir)).exists()
    audit = runner.call(lambda store: store.audit_entries(inspection.id))
    assert any(e.get("action") == "reopen" for e in audit)
    qtbot.waitUntil(lambda: window.report_menu.sign_action.isEnabled())


def test_an_edit_while_the_report_is_built_is_said_and_signing_can_be_done_again(
        qtbot, opened, runner, prefs, data_dir, monkeypatch):
    from checklists.library import get_template
    from inspection.signing import issue

    window, inspection = opened
    a_key(prefs, data_dir)
    codes = [n.code for n in get_template("000").items()]
    real_build, builds = issue.build_report, []

    def build_while_editing(*args, **kwargs):
        builds.append(1)
        built = real_build(*args, **kwargs)
        if len(builds) == 1:  # an edit lands on the database worker while the first one builds
            runner.call(lambda store: store.save_answer(inspection.id, "000", codes[0],
                                                        result="pass"))
        return built

    monkeypatch.setattr(issue, "build_report", build_while_editing)
    dialog = open_issue_dialog(qtbot, window)
    dialog.save_copy.setChecked(False)
    unanswered = dialog.ready.unanswered
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: dialog.changed_notice.isVisibleTo(dialog), timeout=30000)
    assert "生成报告期间该检查又有改动" in dialog.changed_notice.text()
    assert dialog.isVisible() and dialog.sign_button.text() == "重新签署"
    found, reports = state(runner, inspection.id)
    assert not found.locked and reports == []
    qtbot.waitUntil(lambda: dialog.ready.unanswered == unanswered - 1)  # the checks read again
    assert dialog.password.text() == ""  # typed again, never kept
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    assert dialog.sign_button.isEnabled()
    dialog.sign_button.click()
    qtbot.waitUntil(lambda: window.report_menu.message is not None, timeout=30000)
    found, reports = state(runner, inspection.id)
    assert found.locked and len(reports) == 1 and len(builds) == 2
    window.report_menu.message.close()


def test_signing_without_a_key_points_to_the_key_dialog(qtbot, opened, prefs):
    window, _inspection = opened
    dialog = open_issue_dialog(qtbot, window)
    assert "还没有签名密钥" in dialog.key_line.text()
    dialog.password.setText("anything")
    dialog.confirm.setChecked(True)
    assert not dialog.sign_button.isEnabled()
    dialog.key_button.click()
    assert isinstance(window.report_menu.dialog, SigningKeyDialog)


def test_menu_follows_the_open_inspection(qtbot, opened, prefs):
    window, _inspection = opened
    menu = window.report_menu
    prefs.report_photo_size = "small"
    assert menu.photos_per_page == 4
    assert menu.menu.menuAction().isEnabled()
    assert menu.print_action.shortcut().toString() == "Ctrl+P"
    assert menu.excel_action.shortcut().toString() == "Ctrl+E"
    qtbot.waitUntil(lambda: menu.sign_action.isEnabled())
    assert not menu.reopen_action.isEnabled()
    window.show_home()
    assert not menu.sign_action.isEnabled() and not menu.print_action.isEnabled()
    assert menu.verify_action.isEnabled() and menu.key_action.isEnabled()


# --- exports ------------------------------------------------------------------------------------

def test_excel_export_writes_the_expected_sheets(qtbot, inline_runner, tmp_path):
    inspection = add_inspection(inline_runner, templates=("000", "002"))
    parent = _parent(qtbot)
    export = ExcelExport(parent, inline_runner, inspection)
    export.run(tmp_path / "结果.xlsx")
    assert export.result == tmp_path / "结果.xlsx"
    book = load_workbook(export.result)
    assert book.sheetnames[0] == "汇总" and len(book.sheetnames) == 3
    assert book.sheetnames[1].startswith("000") and book.sheetnames[2].startswith("002")
    assert export.message is not None and "结果.xlsx" in export.message.text()
    assert "打开" in {b.text() for b in export.message.buttons()}
    export.message.close()


def test_draft_export_is_unsigned_and_changes_nothing(qtbot, inline_runner, tmp_path):
    inspection = add_inspection(inline_runner)
    export = DraftExport(_parent(qtbot), inline_runner, inspection)
    export.run(tmp_path / "draft.pdf")
    assert page_count(export.result) >= 4
    found = inline_runner.call(lambda store: store.inspection(inspection.id))
    assert not found.locked and inline_runner.call(lambda s: s.reports(inspection.id)) == []
    assert "草稿" in export.message.text()
    export.message.close()


def _parent(qtbot):
    from PySide6.QtWidgets import QWidget

    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_key_path_is_kept_where_earlier_versions_kept_it(prefs, tmp_path):
    prefs.signing_key_path = tmp_path / "k.p12"
    assert prefs.qsettings.value("signing/key_path") == str(tmp_path / "k.p12")


def test_a_key_file_gone_since_the_check_is_one_clear_message(qtbot, inline_runner, prefs,
                                                               data_dir, tmp_path):
    from ui.reports.sign_dialog import IssueDialog, check_readiness

    inspection = add_inspection(inline_runner)
    key = a_key(prefs, data_dir)
    ready = inline_runner.call(lambda store: check_readiness(store, inspection.id, key))
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.save_copy.setChecked(False)
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    key.unlink()
    dialog.sign_button.click()
    assert dialog.notice is not None and "找不到签名密钥文件" in dialog.notice.text()
    dialog.notice.close()
    found = inline_runner.call(lambda store: store.inspection(inspection.id))
    assert not found.locked and inline_runner.call(lambda s: s.reports(inspection.id)) == []
    assert dialog.isVisible() is False or dialog.result() != dialog.DialogCode.Accepted


@pytest.mark.parametrize("size, per_page", [("large", 1), ("medium", 2), ("small", 4)])
def test_the_photo_size_setting_reaches_the_report(qtbot, inline_runner, prefs, data_dir,
                                                    tmp_path, monkeypatch, size, per_page):
    import inspection.signing.issue
    from ui.reports.sign_dialog import IssueDialog, check_readiness

    prefs.report_photo_size = size
    seen = []
    monkeypatch.setattr(inspection.signing.issue, "export_report",
                        lambda *a, **kw: seen.append(("draft", kw["photos_per_page"]))
                        or kw["out"])
    monkeypatch.setattr(inspection.signing.issue, "issue_report",
                        lambda *a, **kw: seen.append(("signed", kw["photos_per_page"]))
                        or kw["out"])
    inspection = add_inspection(inline_runner)
    DraftExport(_parent(qtbot), inline_runner, inspection,
                photos_per_page=per_page).run(tmp_path / "d.pdf")
    ready = inline_runner.call(lambda store: check_readiness(store, inspection.id,
                                                             a_key(prefs, data_dir)))
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    dialog.copy_path.setText(str(tmp_path / "s.pdf"))
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    dialog.sign_button.click()
    assert seen == [("draft", per_page), ("signed", per_page)]


def test_the_default_copy_never_overwrites_a_file(tmp_path):
    from ui.reports.sign_dialog import free_name

    target = tmp_path / "检查报告-YQJC-2026-0001-第1版.pdf"
    assert free_name(target) == target
    target.write_bytes(b"x")
    assert free_name(target).name == "检查报告-YQJC-2026-0001-第1版(2).pdf"


def test_two_report_builds_never_run_at_once(qtbot, runner, tmp_path, monkeypatch):
    import threading
    import time as clock

    import inspection.signing.issue as issue

    record = add_inspection(runner)
    running, overlaps, lock = [], [], threading.Lock()

    def slow_export(store, iid, *, out, **_kwargs):
        with lock:
            running.append(out)
            overlaps.append(len(running))
        clock.sleep(0.1)
        with lock:
            running.remove(out)
        Path(out).write_bytes(b"%PDF-1.7 stand-in")
        return Path(out)

    monkeypatch.setattr(issue, "export_report", slow_export)
    parent = QMessageBox()
    exports = [DraftExport(parent, runner, record) for _ in range(3)]
    for n, export in enumerate(exports):
        export.run(tmp_path / f"draft-{n}.pdf")
    qtbot.waitUntil(lambda: all(e.result is not None for e in exports), timeout=10000)
    assert max(overlaps) == 1
    for export in exports:
        export.message.close()


def test_key_info_is_the_signing_key_as_inspection_describes_it(prefs, data_dir):
    from inspection.signing.keys import SigningKey, load_signing_key
    from ui.reports.key_dialog import key_info

    path = a_key(prefs, data_dir)
    shown, opened = key_info(path), load_signing_key(path, PASSWORD)
    assert isinstance(shown, SigningKey) and shown.private_key is None
    for name in ("name", "organisation", "title", "fingerprint", "not_before", "not_after"):
        assert getattr(shown, name) == getattr(opened, name)
    assert key_info(data_dir / "keys" / "nothing.p12") is None


def test_signing_waits_for_a_photo_import_and_lists_missing_photo_files(
        qtbot, opened, runner, prefs, data_dir, tmp_path, monkeypatch):
    import threading

    import ui.photos.import_flow
    from tests.ui.test_inspection_page_helpers import make_jpegs

    window, inspection = opened
    a_key(prefs, data_dir)
    page = window.page
    release, prepare = threading.Event(), ui.photos.import_flow.prepare_photos
    monkeypatch.setattr(ui.photos.import_flow, "prepare_photos",  # the import waits for the test
                        lambda *args, **kwargs: release.wait(10) and prepare(*args, **kwargs))
    paths = make_jpegs(tmp_path / "cam", 3)
    page.importer.start(paths, inspection.id, (None, None))
    dialog = open_issue_dialog(qtbot, window)
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    assert page.importer.running
    assert "正在导入照片" in dialog.photos_line.text()
    assert not dialog.sign_button.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: not page.importer.running, timeout=20000)
    qtbot.waitUntil(lambda: "照片文件齐全（3 张）" in dialog.photos_line.text(), timeout=5000)
    dialog.reject()

    photo = runner.call(lambda s: s.photos(inspection.id))[0]
    DataDir(data_dir).report_image(photo.sha256).unlink()
    window.report_menu.issue_dialog = None
    dialog = open_issue_dialog(qtbot, window)
    assert "1 张照片的文件缺失" in dialog.photos_line.text()
    assert photo.original_name in dialog.photos_line.text()
    assert dialog.confirm.isVisible() or dialog.confirm.isVisibleTo(dialog)
    dialog.reject()


def test_the_copy_path_can_be_typed_and_a_bad_one_is_explained(qtbot, opened, runner, prefs,
                                                                data_dir, tmp_path):
    window, inspection = opened
    a_key(prefs, data_dir)
    dialog = open_issue_dialog(qtbot, window)
    assert not dialog.copy_path.isReadOnly()
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    dialog.copy_path.setText(str(tmp_path / "没有这个文件夹" / "报告.pdf"))
    dialog.sign_button.click()
    assert dialog.copy_error.isVisible() and "文件夹不存在" in dialog.copy_error.text()
    assert dialog.task is None and not state(runner, inspection.id)[0].locked
    dialog.copy_path.setText(str(tmp_path / "园区报告"))
    assert not dialog.copy_error.isVisible()
    assert dialog.copy_target == tmp_path / "园区报告.pdf"
    dialog.reject()


@pytest.mark.parametrize("kind", ["rsa_1024", "no_signing_usage", "server_auth_only",
                                  "expired", "rare_name"])
def test_a_key_that_may_not_sign_is_said_before_the_password(qtbot, inline_runner, prefs,
                                                              data_dir, kind):
    """Weak keys and wrong key usages were refused only once the password was typed and the
    report built: the checks list says why, and 签署 is not offered."""
    from tests.inspection.certificate_data import PASSWORD as P12_PASSWORD
    from tests.inspection.certificate_data import REASONS, hostile, write_crt, write_p12
    from ui.reports.sign_dialog import IssueDialog, check_readiness

    inspection = add_inspection(inline_runner)
    key, certificate = hostile(kind)
    keys = data_dir / "keys"
    keys.mkdir(parents=True, exist_ok=True)
    path = write_p12(keys / "weak.p12", key, certificate)
    write_crt(keys / "weak.crt", certificate)
    remember_key_path(prefs, path)
    ready = inline_runner.call(lambda store: check_readiness(store, inspection.id, path))
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    assert dialog.key_line.property("ok") is False
    assert REASONS[kind] in dialog.key_line.text() and "不能用于签署" in dialog.key_line.text()
    dialog.save_copy.setChecked(False)
    dialog.password.setText(P12_PASSWORD)
    dialog.confirm.setChecked(True)
    assert not dialog.sign_button.isEnabled()


def test_a_good_key_is_offered_for_signing(qtbot, inline_runner, prefs, data_dir):
    from ui.reports.sign_dialog import IssueDialog, check_readiness

    inspection = add_inspection(inline_runner)
    key = a_key(prefs, data_dir)
    ready = inline_runner.call(lambda store: check_readiness(store, inspection.id, key))
    dialog = IssueDialog(inline_runner, prefs, ready)
    qtbot.addWidget(dialog)
    assert dialog.key_line.property("ok") is True and "不能用于签署" not in dialog.key_line.text()
    dialog.save_copy.setChecked(False)
    dialog.password.setText(PASSWORD)
    dialog.confirm.setChecked(True)
    assert dialog.sign_button.isEnabled()
