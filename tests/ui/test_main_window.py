"""The main window: menus, switching between the list and an inspection, creating an
inspection through the dialog, window state and the last inspection kept across restarts."""
from __future__ import annotations

import threading
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from ui.home.new_inspection import NewInspectionDialog
from ui.main_window import MainWindow
from ui.window_status import BUSY_DELAY_MS


@pytest.fixture
def make_window(qtbot, data_dir, prefs):
    windows = []

    def make(runner=None):
        window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


def add_inspection(runner, park="星河园", date="2025-03-01", templates=("000",)):
    def create(store):
        found = store.find_park(park) or store.add_park(park, "manufacturing")
        return store.new_inspection(found.id, list(templates), inspectors=["张三"], date=date)
    return runner.call(create)


def wait_for_dialog(qtbot, window) -> NewInspectionDialog:
    qtbot.waitUntil(lambda: isinstance(getattr(window, "_new_dialog", None), NewInspectionDialog)
                    and window._new_dialog.isVisible())
    # The templates arrive from the database thread like the parks: a loaded machine is slower.
    qtbot.waitUntil(lambda: len(window._new_dialog.template_boxes) >= 5)
    return window._new_dialog


def test_create_an_inspection_through_the_dialog(qtbot, make_window, runner):
    runner.call(lambda store: store.add_park("已有园区", "service"))
    window = make_window(runner)
    window.new_action.trigger()
    dialog = wait_for_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.use_existing.isEnabled())
    assert dialog.use_existing.isChecked()  # parks exist: choose one by default

    dialog.use_new.setChecked(True)
    dialog.park_name.setText("已有园区")
    assert dialog.name_error.isVisible()
    assert "已有名为“已有园区”的园区" in dialog.name_error.text()
    assert not dialog.ok_button.isEnabled()

    dialog.park_name.setText("")
    assert dialog.name_error.text() == "请填写园区名称"
    dialog.park_name.setText("  星河智造园 ")
    assert not dialog.name_error.isVisible()
    assert not dialog.ok_button.isEnabled()  # no template yet
    assert "选择检查模板" in dialog.missing_label.text()

    dialog.template_boxes["000"].setChecked(True)
    dialog.template_boxes["000"].setChecked(False)
    assert dialog.template_error.isVisible()
    dialog.template_boxes["000"].setChecked(True)
    dialog.template_boxes["001"].setChecked(True)
    assert not dialog.template_error.isVisible()

    dialog.inspectors.setText(" 、 ")
    assert dialog.inspector_error.isVisible()
    assert not dialog.ok_button.isEnabled()
    dialog.inspectors.setText("张三、李四")
    dialog.service.setChecked(True)
    assert "生产性服务类等其他类" in dialog.star_hint.text()
    assert dialog.ok_button.isEnabled()

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_inspection_id is not None)
    assert window.stack.currentWidget() is window.page
    created = runner.call(lambda store: store.inspection(window.current_inspection_id))
    assert created.park_name == "星河智造园"
    assert created.template_ids == ("000", "001")
    assert created.inspectors == ("张三", "李四")
    assert created.organisation == "金山区经委"
    assert created.park_type.value == "service"
    assert window.prefs.last_inspection == created.id


def test_choosing_an_existing_park_from_the_duplicate_name_message(qtbot, make_window, runner):
    runner.call(lambda store: store.add_park("已有园区", "service", address="某路 1 号"))
    window = make_window(runner)
    window.new_action.trigger()
    dialog = wait_for_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.use_existing.isEnabled())
    dialog.use_new.setChecked(True)
    dialog.park_name.setText("已有园区")
    dialog.name_error.linkActivated.emit("use")
    assert dialog.use_existing.isChecked()
    assert dialog.park_combo.currentText() == "已有园区"
    assert "某路 1 号" in dialog.park_info.text()
    dialog.template_boxes["004"].setChecked(True)
    assert dialog.ok_button.isEnabled()
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: window.current_inspection_id is not None)
    assert runner.call(lambda store: len(store.parks())) == 1


def test_back_to_the_list_and_the_title(qtbot, make_window, runner):
    earlier = add_inspection(runner)
    window = make_window(runner)
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 1)
    assert not window.back_action.isEnabled()
    assert not window.page_menus["inspection"].menuAction().isEnabled()

    window.home.select(earlier.id)
    window.home.open_action.trigger()
    assert window.current_inspection_id == earlier.id
    assert window.back_action.isEnabled()
    assert window.page_menus["inspection"].menuAction().isEnabled()
    window.page.title_changed.emit("星河园 2025-03-01")
    assert window.windowTitle() == "星河园 2025-03-01 — 园区现场检查"

    window.page.save_state_changed.emit("已保存 14:03:12")
    assert window.save_label.text() == "已保存 14:03:12"
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.home
    assert window.windowTitle() == "园区现场检查"
    assert window.save_label.text() == ""
    assert window.prefs.last_inspection == ""
    qtbot.waitUntil(lambda: window.home.selected_inspection_id() == earlier.id)


def test_busy_indicator_follows_the_runner(qtbot, make_window, runner):
    window = make_window(runner)
    window.show()
    qtbot.waitUntil(lambda: not runner.busy)
    timer = window.busy_timer
    assert timer.interval() == BUSY_DELAY_MS
    release = threading.Event()
    runner.db(lambda store: release.wait(10))  # a save in progress
    assert timer.isActive() and not window.busy_bar.isVisible()  # not at once: no flashing
    release.set()  # a quick save ends before the delay: the indicator never shows
    qtbot.waitUntil(lambda: not runner.busy)
    assert not timer.isActive() and not window.busy_bar.isVisible()
    release.clear()
    runner.db(lambda store: release.wait(10))  # a long one: the delay runs out
    timer.stop()
    timer.timeout.emit()
    assert window.busy_bar.isVisible()
    release.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert not window.busy_bar.isVisible()


def test_menus_and_shortcuts(make_window, inline_runner):
    window = make_window(inline_runner)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "检查(&I)", "照片(&P)", "报告(&R)", "中心(&C)", "视图(&V)",
                      "工具(&T)", "帮助(&H)"]
    assert window.new_action.shortcut().toString() == "Ctrl+N"
    assert [s.toString() for s in window.back_action.shortcuts()] == ["Alt+Left", "Ctrl+W"]
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    page = window.page  # built just after the window shows; here at once
    for key, menu in window.page_menus.items():
        actions = page.menu_actions()[key]
        assert menu.actions()[:len(actions)] == actions
        extra = [a for a in menu.actions()[len(actions):] if not a.isSeparator()]
        assert extra == ([window.change_edition_action] if key == "inspection" else [])
    assert [a.text() for a in window.tools_menu.actions() if not a.isSeparator()][:3] == \
        ["导入检查模板…", "检查模板管理…", "设置…"]


def test_another_part_adds_a_report_menu(make_window, inline_runner):
    earlier = add_inspection(inline_runner)
    window = make_window(inline_runner)
    sign = QAction("签署报告…", window)
    menu = window.add_menu("报告", [sign])
    assert window.add_menu("报告", [QAction("验证报告…", window)]) is menu
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("报告") == titles.index("视图(&V)") - 1
    assert [a.text() for a in menu.actions()] == ["签署报告…", "验证报告…"]
    assert not menu.menuAction().isEnabled()  # nothing to report on from the list
    seen = []
    window.current_inspection_changed.connect(seen.append)
    window.open_inspection(earlier.id)
    assert menu.menuAction().isEnabled()
    assert seen == [earlier.id]


def test_window_state_and_last_inspection_survive_a_restart(qtbot, make_window, runner, prefs):
    earlier = add_inspection(runner)
    window = make_window(runner)
    window.show()
    window.resize(790, 530)  # the offscreen screen is 800×600; the default fills it
    size = (window.width(), window.height())
    assert size == (790, 530)
    window.open_inspection(earlier.id)
    window.close()  # shuts the runner down: queued edits are written first

    again = make_window()  # its own runner on the same data folder
    assert again.current_inspection_id == earlier.id
    assert again.stack.currentWidget() is again.page
    again.show()
    assert (again.width(), again.height()) == size
    again.show_home()
    again.close()

    third = make_window()
    assert third.current_inspection_id is None
    assert third.stack.currentWidget() is third.home


def test_a_deleted_last_inspection_starts_on_the_list(make_window, inline_runner, prefs):
    prefs.last_inspection = "0d7c1a5e-0000-4000-8000-000000000000"
    window = make_window(inline_runner)
    assert window.stack.currentWidget() is window.home
    assert prefs.last_inspection == ""


def test_backup_writes_a_zip(qtbot, make_window, runner, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    add_inspection(runner)
    window = make_window(runner)
    window.start_backup(tmp_path / "backup")
    qtbot.waitUntil(lambda: window.backup_message is not None, timeout=10000)
    assert zipfile.is_zipfile(tmp_path / "backup.zip")
    box = window.backup_message
    assert "backup.zip" in box.text() and box.icon() is QMessageBox.Icon.Information
    box.close()


def test_a_backup_of_a_damaged_folder_warns_of_the_missing_files(qtbot, make_window, runner,
                                                                 tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from inspection.paths import DataDir
    from tests.ui.test_inspection_page_helpers import make_jpegs

    inspection = add_inspection(runner)
    [path] = make_jpegs(tmp_path / "cam", 1)

    def add_photo(store):
        from inspection.photos.importer import prepare_photos
        prepared = prepare_photos([path], store.data_dir).prepared[0]
        return store.add_photo(inspection.id, prepared).photo

    photo = runner.call(add_photo)
    gone = DataDir(runner.data_dir).report_image(photo.sha256)
    gone.unlink()
    window = make_window(runner)
    window.start_backup(tmp_path / "backup.zip")
    qtbot.waitUntil(lambda: window.backup_message is not None, timeout=10000)
    box = window.backup_message
    assert box.icon() is QMessageBox.Icon.Warning and "缺少以下 1 个文件" in box.text()
    assert gone.relative_to(runner.data_dir).as_posix() in box.text()
    assert zipfile.is_zipfile(tmp_path / "backup.zip")
    box.close()


def test_about_shows_the_version_licences_and_data_folder(qtbot, make_window, inline_runner,
                                                          data_dir, monkeypatch):
    from inspection.appinfo import APP_VERSION
    from ui.dialogs.about import AboutDialog

    window = make_window(inline_runner)
    window.about_action.trigger()
    dialog = window._about_dialog
    assert isinstance(dialog, AboutDialog)
    labels = " ".join(label.text() for label in dialog.findChildren(type(window.save_label)))
    assert APP_VERSION in labels and str(data_dir) in labels
    text = dialog.licences.toPlainText()
    for name in ("PySide6", "LGPL-3.0", "ReportLab", "pyHanko", "Pillow", "MIT-CMU",
                 "sqlite-utils", "openpyxl", "pypdfium2", "OpenCC", "SIL Open Font License"):
        assert name in text
    opened = []
    monkeypatch.setattr("ui.base.system_open.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or True)
    dialog.open_button.click()
    assert opened == [str(data_dir)]
    dialog.close()


def test_settings_open_from_the_tools_menu(make_window, inline_runner):
    from ui.dialogs.settings_dialog import SettingsDialog
    window = make_window(inline_runner)
    window.settings_action.trigger()
    dialog = window._settings_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.name.text() == "张三"
    dialog.auto_advance.setChecked(False)
    dialog.accept()
    assert window.prefs.auto_advance is False
    assert not window.page.auto_advance_action.isChecked()  # the page's menu item agrees


def test_closing_flushes_the_page_before_stopping_the_runner(make_window, inline_runner):
    window = make_window(inline_runner)
    order = []
    window.page.flush = lambda: order.append("flush")
    real_shutdown = inline_runner.shutdown
    inline_runner.shutdown = lambda: (order.append("shutdown"), real_shutdown())
    window.close()
    assert order == ["flush", "shutdown"]


def _status_in_list(window, inspection_id):
    from ui.home.inspection_list import Column

    model = window.home.model
    return model.index(model.row_of(inspection_id), Column.STATUS).data()


def test_a_finding_photo_or_signature_starts_a_draft_on_screen_and_in_the_list(
        qtbot, make_window, runner, tmp_path):
    from tests.ui.test_inspection_page_helpers import make_jpegs
    from tests.ui.test_report_ui import sign_by_hand

    ids = [add_inspection(runner, date=f"2025-03-0{n}").id for n in (1, 2, 3)]
    window = make_window(runner)
    window.show()
    qtbot.waitUntil(lambda: window.home.model.rowCount() == 3)
    assert {_status_in_list(window, i) for i in ids} == {"草稿"}

    def open_(iid):
        window.open_inspection(iid)
        qtbot.waitUntil(lambda: window.page.session is not None
                        and window.page.session.id == iid)
        assert window.page.header.title.text().endswith("草稿")
        return window.page

    def back_home_and_check(iid):
        qtbot.waitUntil(lambda: window.page.header.title.text().endswith("检查中"), timeout=5000)
        assert window.page.session.inspection.status.value == "in_progress"
        window.show_home()
        qtbot.waitUntil(lambda: _status_in_list(window, iid) == "检查中", timeout=5000)

    page = open_(ids[0])  # a finding, added on the page
    page.add_finding_action.trigger()
    page.panel.findings.dialog.requirement.setPlainText("清理消防通道")
    page.panel.findings.dialog._submit()
    back_home_and_check(ids[0])

    page = open_(ids[1])  # a photo, imported on the page
    page.importer.start(make_jpegs(tmp_path / "cam", 1), ids[1], (None, None))
    back_home_and_check(ids[1])

    page = open_(ids[2])  # a handwritten signature, from the report menu's dialog
    dialog = window.report_menu.show_signatures()
    qtbot.waitUntil(lambda: bool(dialog.signers))
    sign_by_hand(qtbot, dialog, 0)
    back_home_and_check(ids[2])
    dialog.reject()
