"""An edit the program reported as saved survives kill -9 at any moment."""
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from inspection.store import open_store

CHILD = Path(__file__).with_name("crash_child.py")
KILLS = 25


def run_and_kill(data_dir, inspection_id, run, delay):
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), inspection_id, str(run)],
                             stdout=subprocess.PIPE, text=True)
    lines = []
    reader = threading.Thread(target=lambda: lines.extend(child.stdout), daemon=True)
    reader.start()
    deadline = time.monotonic() + 30
    while "ready\n" not in lines and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join(timeout=5)
    return [line.split() for line in lines if line.strip() and line.strip() != "ready"]


def test_every_printed_edit_survives_sigkill(tmp_path):
    data_dir = tmp_path / "data"
    with open_store(data_dir) as store:
        park = store.add_park("崩溃测试园", "manufacturing")
        inspection_id = store.new_inspection(park.id, ["000"], inspectors=["测试"]).id
    rng = random.Random(20261123)
    total_edits = 0
    for run in range(KILLS):
        printed = run_and_kill(data_dir, inspection_id, run, rng.uniform(0.0, 0.4))
        total_edits += len(printed)
        with open_store(data_dir) as store:
            answers = store.answers(inspection_id)
            requirements = {f.requirement for f in store.findings(inspection_id)}
            for kind, key, note in printed:
                if kind == "finding":
                    assert note in requirements, f"run {run}: lost finding {note}"
                else:
                    saved = answers[("000", key)].note
                    # The item may have been edited again after the last line we read, so the
                    # saved edit is the printed one or a later one of the same run.
                    assert saved.startswith(f"run{run}-"), f"run {run}: lost {key} {note}"
                    assert int(saved.split("-")[1]) >= int(note.split("-")[1]), \
                        f"run {run}: lost {key} {note} (found {saved})"
            report = store.check()
            assert report.ok, report.problems
    assert total_edits > KILLS  # the children really did edit before they were killed
    print(f"{KILLS} kills, {total_edits} acknowledged edits, all present; check-db passed")
