"""Scale bench: the window with thousands of inspections, and how fast the program starts
(run by hand; prints figures against their floors and goals, asserts nothing about time).

    .venv/bin/python tests/bench/bench_scale.py [list|start|all] [1000 10000]

- home list to usable (the first rows on screen), to every row, to every figure: on a first
  start over a folder whose figures were never worked out, and on the next start (kept);
- opening an inspection while the list is working out figures: how long it waits;
- cold start to the window vs a bare PySide6 window; `--version` vs `python -c "import sqlite3"`.
Data folders are built once through the store (tests/bench/scale_data.py) and reused.
Goals (issue 15): list usable ≤ 0.3 s at 10,000; opening never waits behind list work;
cold start ≤ 1.5× a bare window; --version ≤ 3× python importing sqlite3.
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.scale_data import fresh_copy  # noqa: E402


def _wait(app, condition, timeout: float = 600.0) -> float:
    start = time.perf_counter()
    while not condition():
        app.processEvents()
        if time.perf_counter() - start > timeout:
            raise TimeoutError
        time.sleep(0.001)
    return time.perf_counter() - start


def _one_start(app, data: Path, prefs, count: int, *, first: bool) -> str:
    from ui.base.tasks import TaskRunner
    from ui.home.home_page import HomePage
    from ui.inspection_view.page import InspectionPage

    runner = TaskRunner(data, actor="基准")
    home = HomePage(runner, prefs)
    home.resize(1280, 800)
    home.show()
    done: list[int] = []
    home.refreshed.connect(lambda: done.append(1))
    start = time.perf_counter()
    home.refresh()
    usable = _wait(app, lambda: home.model.rowCount() > 0)
    rows = _wait(app, lambda: home.model.rowCount() == count) + usable
    opened = ""
    if first:  # open an inspection while the figures are being worked out
        page = InspectionPage(runner, prefs)
        page.load(home.model.inspection(home.model.rowCount() - 1).id)
        opened = f"; opening one meanwhile took {_wait(app, lambda: page.session is not None) * 1000:.0f} ms"
        page.close()
        page.deleteLater()
    _wait(app, lambda: bool(done))
    total = time.perf_counter() - start
    home.stop()
    runner.shutdown()
    home.deleteLater()
    app.processEvents()
    return (f"usable {usable * 1000:.0f} ms (goal ≤ 300 ms), all rows {rows * 1000:.0f} ms, "
            f"all figures {total:.2f} s{opened}")


def bench_list(count: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.app import configure_application
    from ui.base.preferences import Preferences

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        data = fresh_copy(count, Path(tmp))
        prefs = Preferences(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        configure_application(app, prefs)
        for first, run in ((True, "first start (no figures kept)"),
                           (False, "next start (figures kept)")):
            print(f"  {count:>6} inspections, {run}: "
                  + _one_start(app, data, prefs, count, first=first))


def _runs(command: list[str], *, times: int = 7, env: dict | None = None) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


# Says how long after the bench started its process a window was first painted, then quits.
PAINTED = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not getattr(self, "done", False):
            self.done = True
            started = float(os.environ["PARK_INSPECTOR_QUIT_WHEN_SHOWN"])
            print(f"painted after {time.time() - started:.3f} s", file=sys.stderr, flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False
"""
# A bare PySide6 window, timed like the program: from starting the process to its first paint.
BARE_WINDOW = PAINTED + """
from PySide6.QtWidgets import QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); f = Painted(w); w.installEventFilter(f)
w.show(); app.exec()
"""


# The same kind of window built straight with PySide6, no program code: the bundled fonts, the
# locale, a menu bar of nine menus, the list's heading, search, filters and table, a status bar.
# Its time is what Qt itself costs for such a window (its Python enum types above all: the
# window makes ~285 of them, an empty window ~43); the program's own share is the rest.
SAME_WIDGETS_WINDOW = PAINTED + """
from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence, QStandardItemModel
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QMainWindow, QMessageBox, QProgressBar, QPushButton, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

app = QApplication(sys.argv[:1])
QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
families = []
for name in ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf", "ParkFallback-Regular.ttf"):
    font_id = QFontDatabase.addApplicationFont(os.path.join("resources", "fonts", name))
    families += QFontDatabase.applicationFontFamilies(font_id)[:1]
font = QFont(app.font()); font.setFamilies(families[:1] + families[2:]); app.setFont(font)
w = QMainWindow()
for title in ("文件", "编辑", "检查", "照片", "报告", "中心", "视图", "工具", "帮助"):
    menu = w.menuBar().addMenu(title)
    for n in range(6):
        action = QAction(f"{title} {n}", w); action.setShortcut(QKeySequence(f"Ctrl+{n}"))
        menu.addAction(action)
page = QWidget(); layout = QVBoxLayout(page)
top = QHBoxLayout(); heading = QLabel("检查记录"); top.addWidget(heading); top.addStretch()
top.addWidget(QPushButton("新建检查…")); layout.addLayout(top)
filters = QHBoxLayout(); search = QLineEdit(); search.setPlaceholderText("搜索园区、检查人员")
search.setClearButtonEnabled(True); filters.addWidget(search)
for items in (("全部状态", "草稿", "检查中", "已完成", "已签署"), ("全部模板", "000", "001"),
              ("全部星级", "一星", "二星")):
    combo = QComboBox(); combo.addItems(items); filters.addWidget(combo)
for _ in range(2):
    date = QDateEdit(); date.setCalendarPopup(True); filters.addWidget(date)
filters.addWidget(QCheckBox("只看有整改")); layout.addLayout(filters)
model = QStandardItemModel(0, 9); model.setHorizontalHeaderLabels(
    ["报告编号", "园区", "检查日期", "检查人员", "模板", "状态", "得分", "星级", "整改"])
proxy = QSortFilterProxyModel(); proxy.setSourceModel(model)
table = QTableView(); table.setModel(proxy); table.setSortingEnabled(True)
table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
loading = QLabel("正在读取…", table.viewport()); loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
layout.addWidget(table)
stack = QStackedWidget(); stack.addWidget(page); w.setCentralWidget(stack)
bar = QProgressBar(); bar.hide(); w.statusBar().addPermanentWidget(bar)
w.statusBar().addPermanentWidget(QLabel(""))
w.resize(1200, 760)
f = Painted(w); w.installEventFilter(f); w.show(); app.exec()
"""


def _painted(command: list[str], env: dict, times: int = 7) -> list[float]:
    """Seconds from starting *command* to its window's first paint, *times* over."""
    painted = []
    for _ in range(times):
        result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                                env=dict(env, PARK_INSPECTOR_QUIT_WHEN_SHOWN=repr(time.time())))
        painted += [float(line.split()[2]) for line in result.stderr.splitlines()
                    if line.startswith("painted after")]
    return painted


def bench_start() -> None:
    python = sys.executable
    # As the program runs for its users: its modules compiled once (an installed build ships
    # them compiled; a source checkout caches them), so bytecode is written to a cache of the
    # bench's own even where PYTHONDONTWRITEBYTECODE is set, and a first run fills it.
    cache = tempfile.mkdtemp(prefix="bench-pycache-")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=cache)
    _runs([python, "main.py", "--version"], times=1, env=env)
    floor = _runs([python, "-c", "import sqlite3"], env=env)
    version = _runs([python, "main.py", "--version"], env=env)
    print(f"  --version {version * 1000:.0f} ms vs python importing sqlite3 {floor * 1000:.0f} ms:"
          f" {version / floor:.1f}× (goal ≤ 3×)")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")  # the bench's own settings
        shown = [python, "main.py", "--data-dir", str(Path(tmp) / "data")]
        _runs(shown, times=1, env=dict(env, PARK_INSPECTOR_QUIT_WHEN_SHOWN="1"))  # the folder exists
        bare: list[float] = []
        window: list[float] = []
        same: list[float] = []
        for _ in range(7):  # in turns, so that a busy moment hits all alike
            bare += _painted([python, "-c", BARE_WINDOW], env, times=1)
            window += _painted(shown, env, times=1)
            same += _painted([python, "-c", SAME_WIDGETS_WINDOW], env, times=1)
    ratios = sorted(w / b for w, b in zip(window, bare))
    print(f"  cold start to the first paint {statistics.median(window) * 1000:.0f} ms "
          f"({min(window) * 1000:.0f}–{max(window) * 1000:.0f}) vs a bare PySide6 window "
          f"{statistics.median(bare) * 1000:.0f} ms ({min(bare) * 1000:.0f}–{max(bare) * 1000:.0f}):"
          f" {statistics.median(window) / statistics.median(bare):.2f}× (goal ≤ 1.5×;"
          f" run by run {ratios[0]:.2f}–{ratios[-1]:.2f}×)")
    print(f"  a PySide6 window of the same widgets, no program code: {statistics.median(same) * 1000:.0f} ms"
          f" ({statistics.median(same) / statistics.median(bare):.2f}× the bare window); the program's"
          f" own share {(statistics.median(window) - statistics.median(same)) * 1000:.0f} ms")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "all"
    sizes = [int(n) for n in sys.argv[2:]] or [1000, 10000]
    if what in ("list", "all"):
        print("home list")
        for size in sizes:
            bench_list(size)
    if what in ("start", "all"):
        print("start-up")
        bench_start()
