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


BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1]); w = QMainWindow(); w.show(); app.processEvents()
w.repaint()
"""


def bench_start() -> None:
    python = sys.executable
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    floor = _runs([python, "-c", "import sqlite3"])
    version = _runs([python, "main.py", "--version"])
    print(f"  --version {version * 1000:.0f} ms vs python importing sqlite3 {floor * 1000:.0f} ms:"
          f" {version / floor:.1f}× (goal ≤ 3×)")
    with tempfile.TemporaryDirectory() as tmp:
        bare = _runs([python, "-c", BARE_WINDOW], env=env)
        shown = [python, "main.py", "--data-dir", str(Path(tmp) / "data")]
        _runs(shown, times=1, env=dict(env, PARK_INSPECTOR_QUIT_WHEN_SHOWN="1"))  # the folder exists
        painted = []
        for _ in range(7):  # from starting the process to the window's first paint
            result = subprocess.run(shown, capture_output=True, text=True, cwd=ROOT,
                                    env=dict(env, PARK_INSPECTOR_QUIT_WHEN_SHOWN=repr(time.time())))
            painted += [float(line.split()[2]) for line in result.stderr.splitlines()
                        if line.startswith("painted after")]
        window = statistics.median(painted)
    print(f"  cold start to the window {window * 1000:.0f} ms vs a bare PySide6 window "
          f"{bare * 1000:.0f} ms: {window / bare:.2f}× (goal ≤ 1.5×)")


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
