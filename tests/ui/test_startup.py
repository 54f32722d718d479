"""Starting the window: it paints before the store opens, with only what the first paint needs
loaded; the store opens just after (its lock, migrations and damage checks before any edit),
and what opening it raised is said as before the window showed."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import ui.app
from inspection.files import new_temp_file
from ui.base.tasks import TaskRunner
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]

# Modules the first paint must not wait for: the store and SQLite, the report and signing
# libraries, the camera, image decoding, the inspection view, the list's scoring, the bundle
# dialogs; the 报告 and 中心 menus' flows and the hub's status (built just after the paint);
# the records' dataclasses (the list's status filter needs inspection.kinds only); the log's
# rotating handler (made by the first record).
NOT_BEFORE_PAINT = ("sqlite_utils", "sqlite3", "inspection.store", "reportlab", "pyhanko",
                    "cryptography", "PySide6.QtMultimedia", "PySide6.QtPrintSupport",
                    "PySide6.QtSvg", "PIL", "ui.inspection_view.page", "ui.photos", "ui.camera",
                    "docx", "openpyxl", "psycopg", "inspection.figures", "inspection.results",
                    "ui.bundles.bundle_flow", "ui.reports.report_menu", "ui.hub.sync_flow",
                    "ui.office.room", "inspection.model", "inspection.hub", "logging.handlers")

AT_FIRST_PAINT = """
import os, sys
from PySide6.QtCore import QEvent
import ui.app

class Spy(ui.app._QuitWhenPainted):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            print("LOADED " + " ".join(sorted(sys.modules)), flush=True)
            print("HOME " + type(watched.stack.currentWidget()).__name__, flush=True)
        return super().eventFilter(watched, event)

ui.app._QuitWhenPainted = Spy
status = ui.app.run_app(["--data-dir", sys.argv[1]])
from inspection.store import open_store
with open_store(sys.argv[1]) as store:  # the store opened after the paint: the folder exists
    print("OPENED", store.db.execute("PRAGMA user_version").fetchone()[0], flush=True)
sys.exit(status)
"""


def _first_paint(tmp_path: Path, data: Path) -> tuple[set[str], str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PARK_INSPECTOR_QUIT_WHEN_SHOWN="1",
               XDG_CONFIG_HOME=str(tmp_path / "config"), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(AT_FIRST_PAINT), str(data)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = {line.split(" ", 1)[0]: line.split(" ", 1)[1] for line in result.stdout.splitlines()
             if " " in line}
    return set(lines["LOADED"].split()), lines["HOME"], lines.get("OPENED", "")


def test_the_first_paint_loads_neither_the_store_nor_the_heavy_libraries(tmp_path):
    for data in (tmp_path / "new", tmp_path / "new"):  # a new folder, then the same one again
        loaded, shown, opened = _first_paint(tmp_path, data)
        early = sorted(name for name in loaded
                       if any(name == banned or name.startswith(banned + ".")
                              for banned in NOT_BEFORE_PAINT))
        assert early == []
        assert shown == "HomePage"
        assert opened  # and the program opened (made, migrated) the folder after the paint
        assert (data / "inspections.db").exists()


def test_work_queued_before_the_store_opens_runs_after_it_opens(qtbot, data_dir):
    runner = TaskRunner(data_dir, actor="张三", open_now=False)
    try:
        results = []
        runner.db(lambda store: store.add_park("星河园", "manufacturing").name, results.append)
        runner.read(lambda store: [p.name for p in store.parks()], results.append)
        assert not runner.is_open and not (data_dir / "inspections.db").exists()
        with qtbot.waitSignal(runner.opened) as opened:
            runner.open()
        assert opened.args == [None] and runner.is_open
        qtbot.waitUntil(lambda: len(results) == 2)
        assert "星河园" in results  # the edit, after the opening (lock, migrations)
        assert [r for r in results if isinstance(r, list)]  # the read, on its own connection
    finally:
        runner.shutdown()


def test_a_store_that_cannot_open_says_why_and_runs_nothing_queued(qtbot, data_dir, monkeypatch):
    from inspection.store import DamagedFolder
    (data_dir / "media" / "ab").mkdir(parents=True)  # photos without their database
    (data_dir / "media" / "ab" / ("ab" * 32 + ".jpg")).write_bytes(b"\xff\xd8 a photo")
    runner = TaskRunner(data_dir, actor="张三", open_now=False)
    shown = []
    monkeypatch.setattr("ui.base.error_reporting.report_error", lambda *a, **k: shown.append(a))
    try:
        runner.db(lambda store: store.add_park("星河园", "manufacturing"), shown.append,
                  shown.append)
        with qtbot.waitSignal(runner.opened) as opened:
            runner.open()
        assert isinstance(opened.args[0], DamagedFolder)
        with pytest.raises(DamagedFolder):
            runner.call(lambda store: store.parks())
        with pytest.raises(DamagedFolder):
            runner.wait_open()
        qtbot.waitUntil(lambda: not runner.busy)
        assert shown == []  # the queued work was not delivered, nor reported as an error
        assert not (data_dir / "inspections.db").exists()
    finally:
        runner.shutdown()


def test_the_window_says_what_opening_the_folder_did_once_the_store_is_open(qtbot, data_dir,
                                                                            prefs):
    TaskRunner(data_dir, actor="张三").shutdown()  # the folder exists
    new_temp_file(data_dir / "reports" / "left.pdf").write_bytes(b"x" * 1000)  # from a crash
    runner = TaskRunner(data_dir, actor="张三", open_now=False)
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    assert window.notice_message is None and not runner.is_open
    assert not window.home.loading_label.isHidden()  # the list says it is reading
    window.show()  # the first paint opens the store
    qtbot.waitUntil(lambda: window.notice_message is not None)
    qtbot.waitUntil(lambda: window.home.loaded)
    assert window.home.loading_label.isHidden()
    assert "临时文件" in window.notice_message.text()
    window.close()


def test_an_inspection_to_reopen_waits_for_the_store_and_shows_at_the_first_paint(
        qtbot, data_dir, prefs):
    setup = TaskRunner(data_dir, actor="张三")
    park = setup.call(lambda store: store.add_park("星河园", "manufacturing"))
    inspection = setup.call(lambda store: store.new_inspection(
        park.id, ["000"], inspectors=["张三"], date="2026-11-20"))
    setup.shutdown()
    prefs.last_inspection = inspection.id
    runner = TaskRunner(data_dir, actor="张三", open_now=False)
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    assert runner.is_open and window.current_inspection_id == inspection.id
    window.close()


def test_a_damaged_folder_found_after_the_paint_is_said_and_the_program_ends(
        qtbot, qapp, data_dir, prefs, monkeypatch):
    (data_dir / "media" / "ab").mkdir(parents=True)
    (data_dir / "media" / "ab" / ("ab" * 32 + ".jpg")).write_bytes(b"\xff\xd8 a photo")
    said = []

    def say(exc, folder):
        said.append((type(exc).__name__, folder))
        return False  # 退出

    monkeypatch.setattr(ui.app, "_said_at_opening", say)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its own
    assert ui.app.run_app(["--data-dir", str(data_dir)]) == 2
    assert said == [("DamagedFolder", data_dir)]
    assert not (data_dir / "inspections.db").exists()  # no empty database made over it
    assert not [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_menus_built_after_the_first_paint_fill_titles_already_in_the_bar(qtbot, data_dir,
                                                                             prefs):
    runner = TaskRunner(data_dir, actor="张三", open_now=False)
    window = MainWindow(data_dir=data_dir, prefs=prefs, runner=runner)
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "编辑(&E)", "检查(&I)", "照片(&P)", "报告(&R)", "中心(&C)",
                      "视图(&V)", "工具(&T)", "帮助(&H)"]
    report, hub = (a.menu() for a in window.menuBar().actions() if a.text() in ("报告(&R)", "中心(&C)"))
    assert report.isEmpty() and hub.isEmpty() and window._report_menu is None
    window.show()
    qtbot.waitUntil(lambda: window._office is not None)
    assert [a.text() for a in window.menuBar().actions()] == titles  # filled, not added again
    assert window.report_menu.menu is report and window.office.menu is hub
    assert window.report_menu.sign_action in report.actions()
    assert window.hub_sync.sync_action in window.file_menu.actions()
    window.close()
