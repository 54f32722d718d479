"""Signed reports are recorded relative to the data folder, so the folder can move."""
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from inspection.files import sha256_file
from inspection.signing.issue import issue_report
from inspection.signing.pades import create_signing_key
from inspection.store import open_store, restore
from inspection.store.migrations import MIGRATION_SET
from tests.inspection.report_data import fill_inspection

PASSWORD = "paths-2026"


@pytest.fixture(scope="module")
def key(tmp_path_factory):
    return create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                              out=tmp_path_factory.mktemp("key") / "k.p12")


@pytest.fixture
def signed(tmp_path, key):
    """A data folder with one signed inspection: (folder, inspection id, report SHA-256)."""
    root = tmp_path / "laptop-a"
    with open_store(root, actor="张三") as store:
        inspection_id = fill_inspection(store, photos=1)
        issue_report(store, inspection_id, key_path=key, password=PASSWORD)
        (record,) = store.reports(inspection_id)
    return root, inspection_id, record.sha256


def test_backup_restore_elsewhere_and_backup_again_keeps_the_signed_report(signed, tmp_path):
    root, inspection_id, sha = signed
    with open_store(root) as store:
        store.backup(tmp_path / "first.zip")
    restore(tmp_path / "first.zip", tmp_path / "laptop-b")
    with open_store(tmp_path / "laptop-b") as store:
        (record,) = store.reports(inspection_id)
        assert record.file(store.data_dir).is_relative_to(tmp_path / "laptop-b")
        assert sha256_file(record.file(store.data_dir)) == sha
        manifest = store.backup(tmp_path / "second.zip")
    assert f"reports/{Path(record.path).name}" in manifest["files"]
    restore(tmp_path / "second.zip", tmp_path / "laptop-c")
    with open_store(tmp_path / "laptop-c") as store:
        assert sha256_file(store.reports(inspection_id)[0].file(store.data_dir)) == sha
        assert store.check().ok


def _as_written_by_an_older_version(root: Path, path: str) -> None:
    """Record *path* as the report's path and forget that m002 ran (an older database)."""
    conn = sqlite3.connect(root / "inspections.db")
    conn.execute("UPDATE reports SET path = ?", [path])
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name LIKE 'm002%'",
                 [MIGRATION_SET])
    conn.commit()
    conn.close()


@pytest.mark.parametrize("case", ["inside", "restored from elsewhere", "relative data dir"])
def test_m002_makes_recorded_report_paths_relative(signed, case):
    root, inspection_id, _ = signed
    name = next((root / "reports").glob("*.pdf")).name
    old = {"inside": str(root.resolve() / "reports" / name),
           "restored from elsewhere": f"/home/someone/ParkInspector/reports/{name}",
           "relative data dir": f"data/reports/{name}"}[case]
    _as_written_by_an_older_version(root, old)
    with open_store(root) as store:
        assert store.applied_migrations == ["m002_relative_report_paths"]
        assert store.reports(inspection_id)[0].path == f"reports/{name}"


def test_m002_keeps_a_path_it_cannot_match(signed):
    root, inspection_id, _ = signed
    elsewhere = "/mnt/usb/other.pdf"
    _as_written_by_an_older_version(root, elsewhere)
    with open_store(root) as store:
        (record,) = store.reports(inspection_id)
        assert record.path == elsewhere and record.file(store.data_dir) == Path(elsewhere)


@pytest.mark.parametrize("damage", ["altered", "missing"])
def test_check_db_finds_a_signed_report_missing_or_altered(signed, capsys, damage):
    from inspection.cli import main
    root, inspection_id, _ = signed
    assert main(["check-db", "--data-dir", str(root)]) == 0
    report = next((root / "reports").glob("*.pdf"))
    if damage == "altered":
        report.write_bytes(report.read_bytes() + b"%% appended\n")
    else:
        report.unlink()
    capsys.readouterr()
    assert main(["check-db", "--json", "--data-dir", str(root)]) == 1
    found = json.loads(capsys.readouterr().out)
    assert found["checked"]["report_files"] == 1
    (problem,) = found["problems"]
    assert report.name in problem and ("SHA-256" in problem) == (damage == "altered")


def test_a_backup_by_an_older_version_restores_with_its_signed_report(signed, tmp_path):
    from inspection.paths import DataDir
    from inspection.store.backup import backup_to
    root, inspection_id, sha = signed
    name = next((root / "reports").glob("*.pdf")).name
    _as_written_by_an_older_version(root, str(root / "reports" / name))  # absolute, as then
    conn = sqlite3.connect(root / "inspections.db")
    backup_to(conn, DataDir(root), tmp_path / "old.zip")
    conn.close()
    shutil.rmtree(root)  # the old laptop is gone
    restore(tmp_path / "old.zip", tmp_path / "new-laptop")
    with open_store(tmp_path / "new-laptop") as store:
        assert store.reports(inspection_id)[0].path == f"reports/{name}"
        assert store.check().ok
