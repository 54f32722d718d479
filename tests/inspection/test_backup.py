"""Backup and restore: a backup that cannot be used is refused cleanly and changes nothing."""
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

import inspection.store.maintenance as maintenance
from inspection.store import BadBackup, open_store, restore
from inspection.store.migrations import MIGRATION_SET, DatabaseTooNew


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


# --- a damaged data folder -------------------------------------------------------------------

@pytest.fixture
def damaged(tmp_path):
    """A data folder with two photos, one of them without its report-size file, the other
    without its original: as check-db would find after a disk problem."""
    from PIL import Image

    from inspection.photos.importer import prepare_photos

    root = tmp_path / "damaged"
    files = []
    for n, color in enumerate([(200, 30, 30), (30, 30, 200)]):
        files.append(tmp_path / f"p{n}.jpg")
        Image.new("RGB", (640, 480), color).save(files[-1])
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"])
        for prepared in prepare_photos(files, store.data_dir).prepared:
            store.add_photo(inspection.id, prepared)
        first, second = store.photos(inspection.id)
        gone = [store.data_dir.report_image(first.sha256),
                store.data_dir.original(second.sha256, second.ext)]
        for path in gone:
            path.unlink()
        assert not store.check().ok
    return root, sorted(p.relative_to(root).as_posix() for p in gone)


def test_a_backup_of_a_damaged_folder_lists_the_missing_files_and_restores(damaged, tmp_path):
    root, gone = damaged
    with open_store(root) as store:
        manifest = store.backup(tmp_path / "b.zip")
    assert manifest["missing"] == gone and not set(gone) & set(manifest["files"])
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        assert json.loads(archive.read("manifest.json"))["missing"] == gone
    restored = restore(tmp_path / "b.zip", tmp_path / "other")
    assert restored["missing"] == gone
    with open_store(tmp_path / "other") as store:
        report = store.check()
        assert sorted(report.missing) == gone and len(report.problems) == 2
        assert len(store.photos(store.inspections()[0].id)) == 2


def test_a_backup_missing_a_file_it_does_not_declare_is_still_refused(damaged, tmp_path):
    root, gone = damaged
    with open_store(root) as store:
        store.backup(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    dropped = next(name for name in manifest["files"] if name.endswith(".report.jpg"))
    del manifest["files"][dropped]  # gone from the backup, and not declared missing
    with zipfile.ZipFile(tmp_path / "b.zip") as source, \
            zipfile.ZipFile(tmp_path / "worse.zip", "w") as target:
        for item in source.infolist():
            if item.filename == "manifest.json":
                target.writestr(item.filename, json.dumps(manifest))
            elif item.filename != dropped:
                target.writestr(item.filename, source.read(item))
    with pytest.raises(BadBackup, match="报告用照片缺失"):
        restore(tmp_path / "worse.zip", tmp_path / "other")
    assert not (tmp_path / "other").exists()


def test_an_older_backup_without_a_missing_list_still_restores(root, tmp_path):
    with open_store(root) as store:
        store.backup(tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
    del manifest["missing"]
    older = rewrite(tmp_path / "b.zip", tmp_path / "older.zip",
                    **{"manifest.json": json.dumps(manifest).encode()})
    assert restore(older, tmp_path / "other")["missing"] == []


def test_the_command_line_warns_of_each_missing_file_writes_the_backup_and_exits_1(
        damaged, tmp_path, capsys):
    from inspection.cli import main

    root, gone = damaged
    backup = tmp_path / "b.zip"
    assert main(["backup", "--out", str(backup), "--data-dir", str(root)]) == 1
    out, err = capsys.readouterr()
    *warnings, summary = err.strip().splitlines()
    assert len(warnings) == 2 and all(name in line and "警告" in line
                                      for name, line in zip(gone, warnings))
    assert "check-db" in summary and zipfile.is_zipfile(backup)
    assert "已备份到" in out
    assert main(["restore", str(backup), "--data-dir", str(tmp_path / "other")]) == 0
    out, err = capsys.readouterr()
    assert "已从" in out and all(name in err for name in gone)
    assert len(err.strip().splitlines()) == 2
