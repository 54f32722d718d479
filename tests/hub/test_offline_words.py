"""An unreachable hub (a closed port) said plainly, against the suite's real PostgreSQL: the sync's
message says what to check in the user's language, libpq's own English goes to the log and a
dialog's details only, and a failed attempt keeps the time of the last successful sync apart
(status bar, 工具 → 中心服务器…, hub status)."""
from __future__ import annotations

import logging
import re
import socket

import pytest

from inspection.cli import main
from inspection.hub.folder import check_connection, connect_folder
from inspection.hub.status import folder_status
from inspection.hub.sync import sync_folder
from inspection.store import open_store
from tests.hub.folders import filled_inspection, folder
from tests.ui.conftest import _isolated_settings, data_dir, prefs, qapp_args, runner  # noqa: F401
from ui.hub.sync_flow import status_text, sync_history
from ui.main_window import MainWindow

LIBPQ = re.compile(r"connection|server|failed|refused|Is the server running", re.I)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nothing listens once the socket is closed


def _unplug(root, hub) -> None:
    """Point the folder's hub address at a closed port on this machine."""
    settings = root / "hub" / "settings.json"
    text = settings.read_text()
    text = text.replace(f"host={hub.server.socket_dir}", "host=127.0.0.1")
    settings.write_text(text.replace(f"port={hub.server.port}", f"port={_closed_port()}"))


def _sync(root):
    with open_store(root, actor="sync") as store:
        return sync_folder(store, root)


def test_an_unreachable_hub_is_said_plainly_and_the_last_good_sync_is_kept(
        tmp_path, hub, capsys, caplog):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "a", hub, alice)
    filled_inspection(store)
    store.close()
    assert _sync(root).outcome == "done"
    good = folder_status(root, try_hub=False)["last_sync"]["finished_at"]

    _unplug(root, hub)
    with caplog.at_level(logging.INFO):
        report = _sync(root)
    assert report.outcome == "offline"
    assert "请检查网络连接" in report.message and "中心服务器地址" in report.message
    assert not LIBPQ.search(report.message), report.message
    assert LIBPQ.search(report.details)  # libpq's words: kept, as details
    assert report.details in caplog.text  # and in the log

    status = folder_status(root, try_hub=False)
    assert status["last_sync"]["outcome"] == "offline"
    assert status["last_success"]["finished_at"] == good
    text, tip = status_text(status)
    assert "上次成功同步" in text and "离线" in text
    assert any(line.startswith("上次成功同步：") for line in sync_history(status))
    assert any(line.startswith("上次尝试：") for line in sync_history(status))
    assert not LIBPQ.search(tip), tip

    capsys.readouterr()
    assert main(["hub", "status", "--data-dir", str(root)]) == 0
    out = capsys.readouterr().out
    assert "上次成功同步：" + good[:19].replace("T", " ") in out and "上次尝试：" in out
    assert "请检查网络连接" in out and not LIBPQ.search(out), out


def test_a_folder_that_never_synced_says_so_after_a_failed_attempt(tmp_path, hub):
    alice = hub.add_user("inspector")
    root, store = folder(tmp_path, "b", hub, alice)
    store.close()
    _unplug(root, hub)
    assert _sync(root).outcome == "offline"
    status = folder_status(root, try_hub=False)
    assert status["last_success"] is None
    assert "从未成功同步" in status_text(status)[0]


def test_the_test_connection_names_what_to_check_and_keeps_libpqs_words_as_details(hub, tmp_path):
    from inspection.hub.errors import HubUnreachable

    alice = hub.add_user("inspector")
    address = f"host=127.0.0.1 port={_closed_port()} dbname={hub.database} user={alice}"
    with pytest.raises(HubUnreachable) as caught:
        check_connection(tmp_path / "c", address, password=hub.passwords[alice])
    assert "请检查网络连接" in caught.value.text() and not LIBPQ.search(caught.value.text())
    assert "Cannot reach the hub" in caught.value.text("en") and "check the network" in caught.value.text("en")
    assert LIBPQ.search(caught.value.details)


@pytest.fixture
def window(qtbot, data_dir, prefs, runner):
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    yield window
    window.close()


def test_the_window_says_offline_plainly_and_keeps_the_last_good_sync(qtbot, window, hub, data_dir,
                                                                      runner):
    alice = hub.add_user("inspector")
    connect_folder(data_dir, hub.url(alice), password=hub.passwords[alice]).close()
    runner.call(lambda store: filled_inspection(store, photos=0))
    sync = window.hub_sync
    sync.sync()
    qtbot.waitUntil(lambda: not sync.running, timeout=30000)
    qtbot.waitUntil(lambda: "上次同步" in sync.status_label.text(), timeout=10000)

    _unplug(data_dir, hub)
    sync.sync()
    qtbot.waitUntil(lambda: not sync.running, timeout=30000)
    said = window.statusBar().currentMessage()
    assert "请检查网络连接" in said and "连接不上" in said and not LIBPQ.search(said), said
    assert sync.result_box is None  # offline is no error on site
    qtbot.waitUntil(lambda: "上次成功同步" in sync.status_label.text(), timeout=10000)
    assert "离线" in sync.status_label.text()

    dialog = sync.show_settings()  # 工具 → 中心服务器…
    assert "上次成功同步：" in dialog.history.text() and "上次尝试：" in dialog.history.text()
    assert not dialog.history.isHidden()
    dialog.url.setText(f"host=127.0.0.1 port={_closed_port()} dbname={hub.database} user={alice}")
    dialog.test_button.click()
    qtbot.waitUntil(lambda: "请检查网络连接" in dialog.result.text(), timeout=20000)
    assert not LIBPQ.search(dialog.result.text())
    assert LIBPQ.search(dialog.result.toolTip())  # the details, for whoever looks after the hub
    dialog.reject()
