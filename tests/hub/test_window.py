"""The hub in the window, against the suite's real PostgreSQL: 设置 → 中心服务器 (test, save,
refuse a wrong password), 文件 → 同步 with its progress dialog, the status bar's last sync and
what waits to go, offline said plainly, and a cancelled sync."""
from __future__ import annotations

import pytest

from inspection.hub.settings import load_settings, pgpass_path
from inspection.store import open_store
from tests.hub.folders import filled_inspection
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.hub.settings_dialog import HubSettingsDialog
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def _settings_dialog(qtbot, window):
    window.hub_sync.settings_action.trigger()
    dialogs = [d for d in window.findChildren(HubSettingsDialog) if d.isVisible()]
    assert dialogs
    return dialogs[-1]


def _connect(qtbot, window, hub, user, password):
    dialog = _settings_dialog(qtbot, window)
    dialog.url.setText(hub.url(user))
    dialog.password.setText(password)
    return dialog


def test_the_hub_settings_test_and_save_the_connection(qtbot, window, hub, data_dir):
    alice = hub.add_user("inspector")
    assert not window.hub_sync.status_label.isVisible()
    dialog = _connect(qtbot, window, hub, alice, "wrong")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "密码" in dialog.result.text(), timeout=10000)
    dialog.buttons.accepted.emit()  # OK with the wrong password: refused, nothing saved
    qtbot.waitUntil(lambda: "密码" in dialog.result.text() and dialog.test_button.isEnabled(), timeout=10000)
    assert dialog.isVisible() and not load_settings(data_dir).configured

    dialog.password.setText(hub.passwords[alice])
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "连接成功" in dialog.result.text(), timeout=10000)
    assert "检查人员" in dialog.result.text()
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    settings = load_settings(data_dir)
    assert settings.configured and settings.user == alice
    assert hub.passwords[alice] in pgpass_path(data_dir).read_text()
    qtbot.waitUntil(lambda: window.hub_sync.status_label.text().startswith("中心："), timeout=10000)
    assert "尚未同步" in window.hub_sync.status_label.text()


def test_sync_from_the_file_menu_pushes_and_the_status_bar_says_so(qtbot, window, hub, data_dir, runner):
    alice = hub.add_user("inspector")
    dialog = _connect(qtbot, window, hub, alice, hub.passwords[alice])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=2))
    window.hub_sync.refresh_status()
    qtbot.waitUntil(lambda: "待上传 1 项" in window.hub_sync.status_label.text(), timeout=10000)

    assert window.hub_sync.sync_action.shortcut().toString() == "Ctrl+Shift+S"
    assert window.hub_sync.sync_action in window.file_menu.actions()
    window.hub_sync.sync_action.trigger()
    assert window.hub_sync.running
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    assert "同步完成" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "待上传 0 项" in window.hub_sync.status_label.text(), timeout=10000)
    assert "上次同步" in window.hub_sync.status_label.text()
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.inspections WHERE id = %s",
                            [inspection_id]).fetchone()[0] == 1


def test_offline_is_said_in_the_status_bar_not_as_an_error(qtbot, window, hub, data_dir, runner):
    alice = hub.add_user("inspector")
    dialog = _connect(qtbot, window, hub, alice, hub.passwords[alice])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    runner.call(lambda store: filled_inspection(store, photos=1))
    settings_file = data_dir / "hub" / "settings.json"
    settings_file.write_text(settings_file.read_text().replace(f"host={hub.server.socket_dir}",
                                                               "host=/nonexistent"))
    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    assert "连接不上" in window.statusBar().currentMessage()
    assert window.hub_sync.result_box is None
    qtbot.waitUntil(lambda: "离线" in window.hub_sync.status_label.text(), timeout=10000)
    assert "待上传 1 项" in window.hub_sync.status_label.text()


def test_a_cancelled_sync_stops_and_the_next_one_finishes(qtbot, window, hub, data_dir, runner):
    alice = hub.add_user("inspector")
    dialog = _connect(qtbot, window, hub, alice, hub.passwords[alice])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    for n in range(3):
        runner.call(lambda store, n=n: filled_inspection(store, photos=4, seed=n + 10,
                                                         date=f"2026-0{n + 1}-01", photo_size=(1600, 1200)))
    window.hub_sync.sync()
    window.hub_sync._cancel()  # as the progress dialog's 取消 does
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    assert "取消" in window.statusBar().currentMessage()
    with open_store(data_dir) as store:
        assert store.last_hub_sync().outcome == "cancelled"
    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    assert "同步完成" in window.statusBar().currentMessage()
    with hub.admin() as conn:
        assert conn.execute("SELECT count(*) FROM hub.inspections").fetchone()[0] == 3


def test_without_a_hub_sync_opens_the_hub_settings(qtbot, window):
    window.hub_sync.sync_action.trigger()
    dialogs = [d for d in window.findChildren(HubSettingsDialog) if d.isVisible()]
    assert dialogs and "请先设置中心服务器" in dialogs[-1].result.text()


def test_another_inspectors_inspection_is_said_once_and_the_next_sync_is_done(qtbot, window, hub, data_dir,
                                                                             runner, tmp_path):
    from inspection.bundle import export_bundle, import_bundle
    from inspection.hub.sync import sync_folder
    from tests.hub.folders import folder

    alice, bob = hub.add_user("inspector"), hub.add_user("inspector")
    root_b, store_b = folder(tmp_path, "bob", hub, bob)
    bobs = filled_inspection(store_b, seed=7)
    assert sync_folder(store_b, root_b).outcome == "done"
    export_bundle(store_b, bobs, tmp_path / "usb.pib")
    dialog = _connect(qtbot, window, hub, alice, hub.passwords[alice])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    runner.call(lambda store: import_bundle(store, tmp_path / "usb.pib", allow_unsigned=True))

    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    box = window.hub_sync.result_box
    assert box is not None and "中心不接受" in box.text() and bob in box.text()
    assert "此版本不再上传" in box.text()
    box.close()
    qtbot.waitUntil(lambda: "中心不接受" in window.hub_sync.status_label.toolTip(), timeout=10000)
    assert "待上传 0 项" in window.hub_sync.status_label.text()

    window.hub_sync.result_box = None
    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    assert "同步完成" in window.statusBar().currentMessage()
    assert window.hub_sync.result_box is None


def test_a_sync_says_when_an_approval_carries_to_the_signed_revision(qtbot, window, hub, data_dir, runner):
    from inspection.hub.review import record_review
    from tests.hub.folders import sign

    alice, rita = hub.add_user("inspector"), hub.add_user("reviewer")
    dialog = _connect(qtbot, window, hub, alice, hub.passwords[alice])
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    inspection_id = runner.call(lambda store: filled_inspection(store, photos=1))
    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    with hub.session(rita) as session:
        record_review(session, inspection_id, "approve")
    runner.call(lambda store: sign(store, inspection_id))
    window.hub_sync.sync()
    qtbot.waitUntil(lambda: not window.hub_sync.running, timeout=30000)
    message = window.statusBar().currentMessage()
    assert "同步完成" in message and "1 项签署后结果未变，沿用已通过的审核" in message
    window.home.refresh()  # the list names the approval it carries
    qtbot.waitUntil(lambda: "沿用第 1 版的审核：结果未变" in (_status_tip(window, inspection_id) or ""),
                    timeout=30000)
    assert _status_tip(window, inspection_id).startswith("中心审核通过。")


def _status_tip(window, inspection_id):
    from ui.home.inspection_list import Column

    row = window.home.model.row_of(inspection_id)
    return window.home.model.index(row, Column.STATUS).data(0x03) if row >= 0 else None
