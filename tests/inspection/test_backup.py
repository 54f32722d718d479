"""Backup and restore: a backup that cannot be used is refused cleanly and changes nothing."""
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

import inspection.store.maintenance as maintenance
from inspection.migrations import MIGRATION_SET, DatabaseTooNew
from inspection.store import BadBackup, open_store, restore


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"])
        store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="积水")
    return root


def folder_state(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def rewrite(backup: Path, out: Path, **replace: bytes) -> Path:
    """A copy of *backup* with some members replaced (database, manifest …)."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item)))
    return out


def from_a_newer_program(root: Path, tmp_path: Path) -> Path:
    with open_store(root) as store:
        store.backup(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        (tmp_path / "newer.db").write_bytes(archive.read("inspections.db"))
        manifest = json.loads(archive.read("manifest.json"))
    conn = sqlite3.connect(tmp_path / "newer.db")
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES (?, 'm999_from_the_future', '2030-01-01')", [MIGRATION_SET])
    conn.commit()
    conn.close()
    data = (tmp_path / "newer.db").read_bytes()
    manifest["database_sha256"] = maintenance.sha256_file(tmp_path / "newer.db")
    return rewrite(tmp_path / "b.zip", tmp_path / "newer.zip", **{
        "inspections.db": data, "manifest.json": json.dumps(manifest).encode()})


def test_a_backup_from_a_newer_program_is_refused_into_a_new_folder(root, tmp_path):
    newer = from_a_newer_program(root, tmp_path)
    with pytest.raises(DatabaseTooNew, match="更新版本"):
        restore(newer, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


def test_a_backup_from_a_newer_program_leaves_existing_data_alone(root, tmp_path):
    newer = from_a_newer_program(root, tmp_path)
    before = folder_state(root)
    with pytest.raises(DatabaseTooNew):
        restore(newer, root, replace=True)
    assert folder_state(root) == before and not list(root.glob("before-restore-*"))
    with open_store(root) as store:
        assert store.check().ok


@pytest.mark.parametrize("manifest", [b"[]", b'"backup"', b"3", b"null",
                                      b'{"format": "park-inspector-backup/1", "files": []}',
                                      b'{"format": "park-inspector-backup/1", "files": {}}'])
def test_a_manifest_of_the_wrong_shape_is_a_clean_bad_backup(root, tmp_path, manifest):
    with open_store(root) as store:
        store.backup(tmp_path / "b.zip")
    bad = rewrite(tmp_path / "b.zip", tmp_path / "bad.zip", **{"manifest.json": manifest})
    with pytest.raises(BadBackup, match="manifest.json|备份格式"):
        restore(bad, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


def test_a_failed_backup_leaves_no_partial_file(root, tmp_path, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(zipfile.ZipFile, "writestr", fail)
    with open_store(root) as store, pytest.raises(OSError):
        store.backup(tmp_path / "out" / "b.zip")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_restored_database_has_no_leftover_journal(root, tmp_path):
    with open_store(root) as store:
        store.backup(tmp_path / "b.zip")
    restore(tmp_path / "b.zip", tmp_path / "other")
    names = {p.name for p in (tmp_path / "other").iterdir()}
    assert "inspections.db" in names and not {n for n in names if n.startswith("restore-")}
    assert "inspections.db-wal" not in names
    with open_store(tmp_path / "other") as store:
        assert store.check().ok and store.inspections()[0].park_name == "星河园"


def test_a_missing_backup_file_is_named_as_missing(tmp_path):
    from inspection.store import BadBackup, restore
    with pytest.raises(BadBackup, match="找不到备份文件"):
        restore(tmp_path / "nope.zip", tmp_path / "data")
    assert not (tmp_path / "data").exists()
