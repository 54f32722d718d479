"""The data-folder lock: while another process has the folder open, a restore refuses and says
why (so no acknowledged save can go into a moved-aside database); the lock dies with its
process; commands side by side share it."""
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from inspection.cli import main
from inspection.store import open_store, restore
from inspection.store.folder_lock import FolderBusy, FolderLock

CHILD = Path(__file__).with_name("holder_child.py")


@pytest.fixture
def folder(tmp_path):
    """A data folder with an inspection, and a backup of it; returns (root, id, backup)."""
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="pass", note="before")
        store.backup(tmp_path / "b.zip")
    return root, inspection.id, tmp_path / "b.zip"


def start_holder(root: Path, inspection_id: str) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, str(CHILD), str(root), inspection_id],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "open"
    return child


def save_in(child: subprocess.Popen) -> str:
    child.stdin.write("save\n")
    child.stdin.flush()
    return child.stdout.readline().strip()


def test_restore_refuses_while_another_process_has_the_folder_open(folder, capsys):
    root, inspection_id, backup = folder
    window = start_holder(root, inspection_id)
    try:
        code = main(["restore", str(backup), "--replace", "--data-dir", str(root)])
        err = capsys.readouterr().err
        assert code == 2 and "正被另一个" in err and len(err.strip().splitlines()) == 1
        assert not list(root.glob("before-restore-*"))
        # The window's save is acknowledged and lands in the live database, not an aside.
        assert save_in(window) == "saved 0"
    finally:
        window.stdin.write("quit\n")
        window.stdin.close()
        window.wait(timeout=30)
    with open_store(root) as store:
        assert store.answer(inspection_id, "000", "1-1-1").note == "saved 0"
    assert main(["restore", str(backup), "--replace", "--data-dir", str(root)]) == 0


def test_the_lock_dies_with_a_killed_process(folder):
    root, inspection_id, backup = folder
    window = start_holder(root, inspection_id)
    with pytest.raises(FolderBusy):
        restore(backup, root, replace=True)
    os.kill(window.pid, signal.SIGKILL)
    window.wait(timeout=30)
    restored = restore(backup, root, replace=True)  # no stale lock left behind
    assert restored["aside"] and Path(restored["aside"]).is_dir()


def test_commands_share_the_folder_while_the_window_has_it_open(folder, capsys):
    root, inspection_id, _ = folder
    window = start_holder(root, inspection_id)
    try:
        assert main(["inspection", "answer", inspection_id, "1-1-2", "--result", "pass",
                     "--data-dir", str(root)]) == 0
        assert main(["check-db", "--data-dir", str(root)]) == 0
        assert save_in(window) == "saved 0"
    finally:
        window.stdin.write("quit\n")
        window.stdin.close()
        window.wait(timeout=30)


def test_an_open_store_in_this_process_also_holds_the_folder(folder):
    root, _, backup = folder
    with open_store(root), pytest.raises(FolderBusy, match="正被另一个"):
        restore(backup, root, replace=True)


def test_a_restore_in_progress_keeps_new_openers_out(folder):
    root, _, _ = folder
    with FolderLock.acquire(root, exclusive=True), \
            pytest.raises(FolderBusy, match="正在被另一个进程替换"):
        FolderLock.acquire(root, exclusive=False, wait=0.2)
    with open_store(root):
        pass
