"""A data folder whose database is missing or empty beside its photos and reports is damaged:
said so, never initialised over; a damaged database page is said with what is damaged and what
to do; temporary files a killed program left are cleaned and mentioned."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PIL import Image

from inspection.cli import main
from inspection.photos.importer import prepare_photos
from inspection.store import DamagedFolder, open_store, restore


@pytest.fixture
def folder(tmp_path):
    """A data folder with a photo; a backup of it; returns (folder, inspection id, backup)."""
    root = tmp_path / "data"
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (320, 240), (30, 30, 200)).save(photo)
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        for prepared in prepare_photos([photo], store.data_dir).prepared:
            store.add_photo(inspection.id, prepared)
        for n in range(300):
            store.add_finding(inspection.id, "000", "1-1-1", requirement="消防通道堵塞" * 20 + str(n))
        store.backup(tmp_path / "b.zip")
    return root, inspection.id, tmp_path / "b.zip"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("damage", ["missing", "empty"])
def test_a_missing_or_empty_database_beside_photos_is_damage_not_a_fresh_start(
        folder, capsys, damage):
    root, _, backup = folder
    database = root / "inspections.db"
    if damage == "missing":
        database.unlink()
    else:
        database.write_bytes(b"")
    for argv in (["inspection", "list"], ["park", "add", "新园区"], ["demo"]):
        code, out, err = run(capsys, *argv, "--data-dir", root)
        assert code == 2 and "已损坏" in err and "restore" in err, (argv, err)
    code, out, err = run(capsys, "check-db", "--data-dir", root)
    assert code == 1 and "已损坏" in out and "数据库正常" not in out
    assert (not database.exists()) if damage == "missing" else database.stat().st_size == 0
    with pytest.raises(DamagedFolder):
        open_store(root)  # the window's way in refuses too (it then offers the restore)
    # The restore that is offered puts the data back; what was there is kept aside.
    code, out, err = run(capsys, "restore", backup, "--replace", "--data-dir", root)
    assert code == 0, err
    assert run(capsys, "check-db", "--data-dir", root)[0] == 0


def test_a_folder_with_nothing_in_it_still_starts_afresh(tmp_path, capsys):
    root = tmp_path / "new"
    root.mkdir()
    (root / "inspections.db").write_bytes(b"")  # a first start that died at once
    assert run(capsys, "park", "add", "星河园", "--data-dir", root)[0] == 0


def corrupt_a_page_of(database, table: str) -> None:
    conn = sqlite3.connect(database)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    pages = [row[0] for row in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
        [table])]
    conn.close()
    page = pages[len(pages) // 2]
    with open(database, "r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write(b"\xff" * 400)


def test_check_db_says_which_data_a_damaged_page_hit_and_what_to_do(folder, capsys):
    root, _, _ = folder
    corrupt_a_page_of(root / "inspections.db", "findings")
    code, out, _ = run(capsys, "check-db", "--data-dir", root)
    assert code == 1
    assert "findings（整改项）" in out and "无法完整读出" in out
    assert "restore" in out and "backup" in out  # what to do: restore, or copy off what is readable
    assert "photo_files 1" in out  # the other parts were still checked


def test_the_window_says_what_to_do_about_a_damaged_page(folder):
    from inspection.store import explain_database_error

    root, inspection_id, _ = folder
    corrupt_a_page_of(root / "inspections.db", "findings")
    with open_store(root) as store, pytest.raises(sqlite3.DatabaseError) as failed:
        store.findings(inspection_id)
    explained = explain_database_error(failed.value)
    assert explained is not None and "check-db" in explained.text() and "备份" in explained.text()


def test_a_backup_of_a_damaged_page_is_written_listed_and_exits_1(folder, tmp_path, capsys):
    root, _, _ = folder
    corrupt_a_page_of(root / "inspections.db", "findings")
    out = tmp_path / "damaged.zip"
    code, stdout, err = run(capsys, "backup", "--out", out, "--data-dir", root)
    assert code == 1 and out.is_file() and "findings" in err
    import json
    import zipfile
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["database_problems"] and any("findings" in p for p in manifest["database_problems"])
    assert len(manifest["files"]) == 2  # the photo and its report-size image: all still there


LEFT_BEHIND = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from inspection.files import new_temp_file
    temp = new_temp_file({target!r})
    temp.write_bytes(b"half a report" * 100000)
    print(temp, flush=True)
    time.sleep(60)
""")


def left_by_a_killed_process(target):
    from tests.conftest import ROOT
    child = subprocess.Popen([sys.executable, "-c", LEFT_BEHIND.format(root=str(ROOT),
                                                                        target=str(target))],
                             stdout=subprocess.PIPE, text=True)
    temp = child.stdout.readline().strip()
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    return temp


def test_temporary_files_left_by_kill_9_are_cleaned_at_the_next_start(folder, capsys):
    root, _, _ = folder
    temps = [left_by_a_killed_process(root / "reports" / "YQJC-2026-0001-r1.pdf"),
             left_by_a_killed_process(root / "inspections.db")]
    assert all(os.path.exists(t) for t in temps)
    code, out, err = run(capsys, "inspection", "list", "--data-dir", root)
    assert code == 0 and "2 个临时文件" in err
    assert not any(os.path.exists(t) for t in temps)


def test_check_db_mentions_temporary_files_it_could_not_clean(folder, capsys):
    root, inspection_id, _ = folder
    from tests.inspection.test_folder_lock import start_holder
    window = start_holder(root, inspection_id)  # another process has the folder open
    try:
        temp = left_by_a_killed_process(root / "media" / "x.jpg")
        code, out, _ = run(capsys, "check-db", "--data-dir", root)
        assert code == 0 and "临时文件" in out and os.path.exists(temp)
    finally:
        window.stdin.write("quit\n")
        window.stdin.close()
        window.wait(timeout=30)


def test_a_restore_into_a_folder_whose_database_is_gone_keeps_the_photos(folder, tmp_path):
    root, _, backup = folder
    (root / "inspections.db").unlink()
    photos = sorted(p.name for p in (root / "media").rglob("*.jpg"))
    restored = restore(backup, root, replace=True)
    aside = restored["aside"]
    assert sorted(p.name for p in (tmp_path / aside).rglob("*.jpg")) == photos
    shutil.rmtree(aside)
