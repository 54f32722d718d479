"""Ending the program by a signal (logout/shutdown SIGTERM, a closed terminal SIGHUP, Ctrl+C)
closes the window as 文件 → 退出 does: the note being typed is written first."""
import os
import signal
import subprocess
import sys
from pathlib import Path

from inspection.store import open_store
from tests.inspection.report_data import fill_inspection
from ui.base.termination import Termination

ROOT = Path(__file__).resolve().parents[2]


def test_a_signal_reaches_the_event_loop_as_a_close(qtbot):
    closed: list[int] = []
    termination = Termination(closed.append)
    try:
        os.kill(os.getpid(), signal.SIGTERM)
        qtbot.waitUntil(lambda: closed == [signal.SIGTERM], timeout=5000)
        os.kill(os.getpid(), signal.SIGHUP)
        qtbot.waitUntil(lambda: closed == [signal.SIGTERM, signal.SIGHUP], timeout=5000)
    finally:
        termination.restore()


# The window with an inspection open, a note typed (its save not yet due), then SIGTERM.
TYPED_THEN_TERMINATED = """
import os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.app import run_app
from ui.main_window import MainWindow

data, inspection_id = sys.argv[1], sys.argv[2]
app = QApplication(sys.argv[:1])  # run_app takes this one

def step(opened=[]):
    try:
        if not typed(opened):
            QTimer.singleShot(50, step)
    except BaseException:
        import traceback; traceback.print_exc(); os._exit(3)

def typed(opened):
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0].runner.is_open and not opened:
        windows[0].open_inspection(inspection_id)
        opened.append(True)
    elif opened and windows[0].page.panel.key != ("000", "1-1-1"):
        windows[0].page.select(("000", "1-1-1"))
    elif opened:
        windows[0].page.panel.note.setPlainText("停电前写下的备注")
        os.kill(os.getpid(), signal.SIGTERM)
        return True
    return False

QTimer.singleShot(50, step)
sys.exit(run_app(["--data-dir", data]))
"""


def test_sigterm_writes_the_note_being_typed_before_the_program_ends(tmp_path):
    data = tmp_path / "data"
    with open_store(data, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=0)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    done = subprocess.run([sys.executable, "-c", TYPED_THEN_TERMINATED, str(data), inspection_id],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr[-2000:]
    with open_store(data, actor="张三") as store:
        answer = store.snapshot(inspection_id).answers[("000", "1-1-1")]
    assert answer.note == "停电前写下的备注"
