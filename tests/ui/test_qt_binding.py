"""The Qt binding in use survives a long working day of signal emits.

PySide6 6.12.0 drops a reference to ``True`` on every ``emit()``; on Python 3.11 the process
aborts after about a thousand emits. requirements.txt excludes that release; this test fails
(instead of a crash in an inspector's hands) if such a binding is ever installed again.
"""
import subprocess
import sys

PROGRAM = """
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal
app = QCoreApplication([])
class Emitter(QObject):
    changed = Signal(int)
    text = Signal(str)
emitter = Emitter()
seen = []
emitter.changed.connect(seen.append)
before = sys.getrefcount(True), sys.getrefcount(False)
for n in range(20000):
    emitter.changed.emit(n)
    emitter.text.emit("已保存")
after = sys.getrefcount(True), sys.getrefcount(False)
print(len(seen), before, after)
sys.exit(0 if len(seen) == 20000 and abs(after[0] - before[0]) < 100 else 3)
"""


def test_signal_emits_do_not_leak_or_free_the_bool_singletons():
    run = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                         timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout + run.stderr
