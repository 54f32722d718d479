"""The window with damaged data: a damaged folder is said and a restore offered (never an empty
database started over it); a damaged database page is said with what to do; what opening the
folder did (an interrupted restore finished, leftovers cleaned) is said once."""
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from inspection.store import DamagedFolder, open_store
from ui.base.error_reporting import user_message
from ui.main_window import MainWindow


@pytest.fixture
def filled(data_dir, tmp_path):
    with open_store(data_dir, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        for n in range(300):
            store.add_finding(inspection.id, "000", "1-1-1", requirement="消防通道堵塞" * 20 + str(n))
        store.backup(tmp_path / "b.zip")
    return inspection.id, tmp_path / "b.zip"


def test_a_damaged_folder_is_said_and_a_restore_offered(qtbot, data_dir, prefs, filled):
    from ui.dialogs.damaged_folder import DamagedFolderBox, restore_with_progress, restored_text

    _, backup = filled
    (data_dir / "media" / "ab").mkdir(parents=True)
    (data_dir / "media" / "ab" / ("ab" * 32 + ".jpg")).write_bytes(b"\xff\xd8 a photo")
    (data_dir / "inspections.db").unlink()
    with pytest.raises(DamagedFolder) as refused:
        MainWindow(data_dir=data_dir, prefs=prefs)
    assert not (data_dir / "inspections.db").exists()  # no empty database made over it
    box = DamagedFolderBox(refused.value)
    qtbot.addWidget(box)
    assert "已损坏" in box.text() and box.restore_button.text() == "从备份恢复…"
    manifest = restore_with_progress(backup, data_dir)
    assert "已从" in restored_text(backup, manifest) and manifest["aside"]
    window = MainWindow(data_dir=data_dir, prefs=prefs)  # and now it opens
    qtbot.addWidget(window)
    window.close()


def test_a_damaged_page_is_said_with_what_to_do(qtbot, data_dir, filled):
    inspection_id, _ = filled
    conn = sqlite3.connect(data_dir / "inspections.db")
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page = conn.execute("SELECT pageno FROM dbstat WHERE name = 'findings' AND pagetype = 'leaf'"
                        " ORDER BY pageno LIMIT 1 OFFSET 3").fetchone()[0]
    conn.close()
    with open(data_dir / "inspections.db", "r+b") as handle:
        handle.seek((page - 1) * page_size + 8)
        handle.write(b"\xff" * 400)
    with open_store(data_dir) as store, pytest.raises(sqlite3.DatabaseError) as failed:
        store.findings(inspection_id)
    text = user_message(failed.value)
    assert "已损坏" in text and "check-db" in text and "备份" in text


def test_what_opening_the_folder_did_is_said_once(qtbot, data_dir, prefs, filled):
    from inspection.files import new_temp_file

    new_temp_file(data_dir / "reports" / "left.pdf").write_bytes(b"x" * 1000)  # from a crash
    window = MainWindow(data_dir=data_dir, prefs=prefs)
    qtbot.addWidget(window)
    box = window.notice_message
    assert box is not None and "临时文件" in box.text()
    assert box.icon() is QMessageBox.Icon.Information
    window.close()
