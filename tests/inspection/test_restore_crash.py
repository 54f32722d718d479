"""A restore killed at any step is finished or undone by the next start, which says so; nothing
is lost, and two restores never share (or overwrite) a folder of moved-aside data."""
import shutil
import signal
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PIL import Image

from inspection.cli import main
from inspection.photos.importer import prepare_photos
from inspection.store import open_store, restore
from inspection.store.swap import JOURNAL_NAME, unique_aside

CHILD = Path(__file__).with_name("restore_child.py")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A data folder whose note says "original", with a photo, and a backup of it taken when
    the note said "backup"; returns (folder, inspection id, backup)."""
    base = tmp_path_factory.mktemp("restore-crash")
    root = base / "data"
    photo = base / "p.jpg"
    Image.new("RGB", (320, 240), (200, 30, 30)).save(photo)
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        for prepared in prepare_photos([photo], store.data_dir).prepared:
            store.add_photo(inspection.id, prepared)
        store.save_answer(inspection.id, "000", "1-1-1", note="backup")
        store.backup(base / "b.zip")
        store.save_answer(inspection.id, "000", "1-1-1", note="original")
    return root, inspection.id, base / "b.zip"


def note_in(database: Path) -> str:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT note FROM answers WHERE item_code = '1-1-1'").fetchone()[0]
    finally:
        conn.close()


def run_child(root: Path, backup: Path, kind: str, kill_at: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHILD), str(root), str(backup), kind,
                           str(kill_at)], capture_output=True, text=True, timeout=120)


def test_a_restore_that_is_not_killed_counts_its_steps(template, tmp_path):
    source, _, backup = template
    root = tmp_path / "data"
    shutil.copytree(source, root)
    done = run_child(root, backup, "rename", 0)
    assert done.returncode == 0, done.stderr
    renames, writes = map(int, done.stdout.split())
    # the journal, 5 old entries aside (db, its -wal/-shm if present, media, reports), 3 in
    assert renames >= 6 and writes >= 3
    assert note_in(root / "inspections.db") == "backup"


def steps(template, tmp_path_factory) -> tuple[int, int]:
    source, _, backup = template
    root = tmp_path_factory.mktemp("count") / "data"
    shutil.copytree(source, root)
    done = run_child(root, backup, "rename", 0)
    return tuple(map(int, done.stdout.split()))


def test_a_restore_killed_at_any_step_is_finished_or_undone_at_the_next_start(
        template, tmp_path, tmp_path_factory, capsys):
    source, inspection_id, backup = template
    renames, writes = steps(template, tmp_path_factory)
    points = [("write", n) for n in range(1, writes + 1)] \
        + [("rename", n) for n in range(1, renames + 1)]
    outcomes = []
    for kind, n in points:
        root = tmp_path / f"{kind}-{n}" / "data"
        shutil.copytree(source, root)
        killed = run_child(root, backup, kind, n)
        assert killed.returncode == -signal.SIGKILL, (kind, n, killed.stderr)
        # The next start: any command. It finishes or undoes the swap, and says which.
        code = main(["check-db", "--data-dir", str(root)])
        out, err = capsys.readouterr()
        assert code == 0, (kind, n, out, err)
        assert not (root / JOURNAL_NAME).exists()
        assert not [p for p in root.iterdir() if p.name.startswith(".restore-")]
        live = note_in(root / "inspections.db")
        asides = sorted(root.glob("before-restore-*"))
        if live == "backup":  # finished: the original is kept aside, whole
            assert "已完成那次恢复" in err or (kind, n) == ("rename", renames), (kind, n, err)
            assert len(asides) == 1 and note_in(asides[0] / "inspections.db") == "original"
            assert any(asides[0].joinpath("media").rglob("*.jpg"))
        else:  # killed before the swap began: the folder is as it was
            assert live == "original" and not asides, (kind, n)
        with open_store(root) as store:
            assert len(store.photos(inspection_id)) == 1 and store.check().ok
        outcomes.append(live)
    assert "backup" in outcomes and "original" in outcomes


def test_leftovers_of_a_killed_restore_are_cleaned_and_said(template, tmp_path, capsys):
    source, _, backup = template
    root = tmp_path / "data"
    shutil.copytree(source, root)
    killed = run_child(root, backup, "write", 2)  # mid-unpack: a staging folder is left
    assert killed.returncode == -signal.SIGKILL
    assert [p for p in root.iterdir() if p.name.startswith(".restore-")]
    assert main(["inspection", "list", "--data-dir", str(root)]) == 0
    err = capsys.readouterr().err
    assert "临时文件" in err
    assert not [p for p in root.iterdir() if p.name.startswith(".restore-")]


def test_two_restores_in_one_second_keep_both_asides(template, tmp_path):
    source, _, backup = template
    root = tmp_path / "data"
    shutil.copytree(source, root)
    first = restore(backup, root, replace=True)["aside"]
    second = restore(backup, root, replace=True)["aside"]
    assert first != second
    assert note_in(Path(first) / "inspections.db") == "original"  # never overwritten
    assert note_in(Path(second) / "inspections.db") == "backup"
    now = datetime(2026, 11, 20, 10, 0, 0)
    names = {unique_aside(tmp_path, now).name for _ in range(3)}
    assert len(names) == 3 and all(n.startswith("before-restore-20261120-100000") for n in names)


def test_a_swap_whose_staged_data_is_gone_is_undone_and_said(template, tmp_path, capsys):
    source, inspection_id, backup = template
    root = tmp_path / "data"
    shutil.copytree(source, root)
    killed = run_child(root, backup, "rename", 4)  # the journal and two old entries moved
    assert killed.returncode == -signal.SIGKILL
    staging = next(p for p in root.iterdir() if p.name.startswith(".restore-") and p.suffix == ".tmp")
    shutil.rmtree(staging / "media")  # the staged data is no longer whole
    assert main(["inspection", "list", "--data-dir", str(root)]) == 0
    err = capsys.readouterr().err
    assert "放回恢复前的样子" in err
    assert note_in(root / "inspections.db") == "original" and not list(root.glob("before-restore-*"))
    with open_store(root) as store:
        assert len(store.photos(inspection_id)) == 1 and store.check().ok
