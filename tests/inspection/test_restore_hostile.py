"""A backup is a file from outside: a foreign schema, a zip bomb, a huge manifest, a damaged zip
or a crafted name is refused in one line before anything in the data folder changes."""
import json
import sqlite3
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

from inspection.cli import main
from inspection.files import sha256_file
from inspection.store import BadBackup, open_store, restore


@pytest.fixture
def root(tmp_path):
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="积水")
        for n in range(5):
            store.add_finding(inspection.id, "000", "1-1-1", requirement=f"整改 {n}")
        store.backup(tmp_path / "b.zip")
    return root


def folder_state(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def with_database(backup: Path, out: Path, change) -> Path:
    """A copy of *backup* whose database was changed by ``change(conn)``, hashes made to fit
    (as someone who builds a hostile backup would)."""
    work = out.with_suffix(".db")
    with zipfile.ZipFile(backup) as source:
        work.write_bytes(source.read("inspections.db"))
        manifest = json.loads(source.read("manifest.json"))
        conn = sqlite3.connect(work)
        change(conn)
        conn.commit()
        conn.close()
        manifest["database_sha256"] = sha256_file(work)
        with zipfile.ZipFile(out, "w") as target:
            for item in source.infolist():
                data = {"inspections.db": work.read_bytes(),
                        "manifest.json": json.dumps(manifest).encode()}.get(item.filename)
                target.writestr(item.filename, data if data is not None else source.read(item))
    return out


PLANTED_TRIGGER = ("CREATE TRIGGER helpful AFTER INSERT ON answers BEGIN"
                   " DELETE FROM findings; UPDATE answers SET note = 'x'; END")


def _remove_constraint(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = replace(sql, "
                 "'CHECK (severity IN (''minor'', ''major'', ''critical''))', '')"
                 " WHERE name = 'findings'")
    conn.execute("PRAGMA writable_schema = OFF")


def _empty(conn: sqlite3.Connection) -> None:
    for kind, name in conn.execute("SELECT type, name FROM sqlite_master WHERE type IN"
                                   " ('table', 'view') AND name NOT LIKE 'sqlite_%'").fetchall():
        conn.execute(f'DROP {kind} "{name}"')


FOREIGN = {
    "a planted trigger": (lambda conn: conn.execute(PLANTED_TRIGGER), "helpful"),
    "a dropped audit guard": (lambda conn: conn.execute("DROP TRIGGER audit_log_no_delete"),
                              "audit_log_no_delete"),
    "a removed constraint": (_remove_constraint, "findings"),
    "a view": (lambda conn: conn.execute("CREATE VIEW v AS SELECT * FROM answers"), "视图 v"),
    "an extra index": (lambda conn: conn.execute("CREATE INDEX x ON answers(note)"), "索引 x"),
    "an empty schema": (_empty, ""),
}


@pytest.mark.parametrize("case", sorted(FOREIGN))
def test_a_backup_with_a_foreign_schema_is_refused_before_anything_changes(root, tmp_path, case):
    change, named = FOREIGN[case]
    hostile = with_database(tmp_path / "b.zip", tmp_path / "hostile.zip", change)
    before = folder_state(root)
    with pytest.raises(BadBackup) as refused:
        restore(hostile, root, replace=True)
    assert named in str(refused.value)
    assert folder_state(root) == before and not list(root.glob("before-restore-*"))
    with pytest.raises(BadBackup):
        restore(hostile, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


@pytest.mark.parametrize("case", ["a planted trigger", "a dropped audit guard",
                                  "a removed constraint"])
def test_check_db_reports_foreign_schema_objects(root, capsys, case):
    change, named = FOREIGN[case]
    conn = sqlite3.connect(root / "inspections.db")
    change(conn)
    conn.commit()
    conn.close()
    assert main(["check-db", "--data-dir", str(root)]) == 1
    out = capsys.readouterr().out
    assert "数据库结构" in out and named in out


def test_the_expected_schema_is_what_the_migrations_make(root):
    from inspection.store.migrations import known_names
    from inspection.store.schema_check import expected_schema, read_schema

    conn = sqlite3.connect(root / "inspections.db")
    try:
        assert read_schema(conn) == expected_schema(tuple(sorted(known_names())))
    finally:
        conn.close()
    assert ("trigger", "audit_log_no_delete") in expected_schema(tuple(sorted(known_names())))


# --- the zip itself ----------------------------------------------------------------------------

def test_a_zip_bomb_is_refused_from_its_declared_sizes(root, tmp_path):
    with zipfile.ZipFile(tmp_path / "b.zip") as source:
        manifest = json.loads(source.read("manifest.json"))
        database = source.read("inspections.db")
    bomb_name = "media/ab/" + "ab" * 32 + ".jpg"
    manifest["files"][bomb_name] = "0" * 64
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("inspections.db", database)
        archive.writestr("manifest.json", json.dumps(manifest))
        info = zipfile.ZipInfo(bomb_name)
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            block = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros: ~300 KB in the zip
                member.write(block)
    assert bomb.stat().st_size < 2_000_000
    before = folder_state(root)
    with pytest.raises(BadBackup, match="压缩比"):
        restore(bomb, root, replace=True)
    assert folder_state(root) == before
    assert not [p for p in root.iterdir() if p.name.startswith(".restore-")]


def test_a_huge_manifest_is_refused_before_it_is_read(tmp_path):
    huge = tmp_path / "huge.zip"
    with zipfile.ZipFile(huge, "w", compression=zipfile.ZIP_STORED) as archive, \
            archive.open(zipfile.ZipInfo("manifest.json"), "w", force_zip64=True) as member:
        member.write(b'{"files": {')
        chunk = b'"x": "y", ' * 100_000
        for _ in range(70):  # ~70 MB
            member.write(chunk)
        member.write(b'"z": "y"}}')
    with pytest.raises(BadBackup, match="清单.*过大"):
        restore(huge, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()


def _flip_a_byte_of(zip_path: Path, member: str) -> None:
    with zipfile.ZipFile(zip_path) as archive:
        info = archive.getinfo(member)
    with open(zip_path, "r+b") as handle:
        handle.seek(info.header_offset)
        header = handle.read(30)
        name_length, extra_length = struct.unpack("<HH", header[26:30])
        data_at = info.header_offset + 30 + name_length + extra_length
        handle.seek(data_at + info.compress_size // 2)
        byte = handle.read(1)
        handle.seek(data_at + info.compress_size // 2)
        handle.write(bytes([byte[0] ^ 0xFF]))


@pytest.mark.parametrize("member", ["inspections.db", "manifest.json"])
def test_a_crc_error_is_one_line(root, tmp_path, capsys, member):
    damaged = tmp_path / "crc.zip"
    damaged.write_bytes((tmp_path / "b.zip").read_bytes())
    _flip_a_byte_of(damaged, member)
    code = main(["restore", str(damaged), "--data-dir", str(tmp_path / "fresh")])
    err = capsys.readouterr().err
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "备份" in err and "Traceback" not in err
    assert not (tmp_path / "fresh").exists()


@pytest.mark.parametrize("name", ["../evil.db", "/etc/evil", "media/../../evil",
                                  "reports/..\\..\\evil.pdf", "keys/k.p12", "media/ab/x.jpg"])
def test_only_the_names_the_program_writes_are_unpacked(root, tmp_path, name):
    with zipfile.ZipFile(tmp_path / "b.zip") as source:
        manifest = json.loads(source.read("manifest.json"))
        members = {item.filename: source.read(item) for item in source.infolist()}
    manifest["files"][name] = "0" * 64
    crafted = tmp_path / "crafted.zip"
    with zipfile.ZipFile(crafted, "w") as archive:
        for member, data in members.items():
            if member != "manifest.json":
                archive.writestr(member, data)
        archive.writestr(name, b"evil")
        archive.writestr("manifest.json", json.dumps(manifest))
    with pytest.raises(BadBackup, match="文件名"):
        restore(crafted, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists() and not (tmp_path / "evil.db").exists()


def test_a_zip_directory_too_large_to_read_is_refused(tmp_path):
    crafted = tmp_path / "many.zip"
    with zipfile.ZipFile(crafted, "w") as archive:
        archive.writestr("manifest.json", "{}")
    data = bytearray(crafted.read_bytes())
    at = data.rfind(b"PK\x05\x06")
    data[at + 8:at + 12] = struct.pack("<HH", 0xFFFF, 0xFFFF)  # entries on disk and in total
    data[at + 12:at + 16] = struct.pack("<I", 0xFFFFFFF0)  # a 4 GB central directory
    crafted.write_bytes(bytes(data))
    with pytest.raises(BadBackup):
        restore(crafted, tmp_path / "fresh")


def test_a_member_whose_hash_does_not_match_is_refused_at_once(root, tmp_path):
    with zipfile.ZipFile(tmp_path / "b.zip") as source:
        manifest = json.loads(source.read("manifest.json"))
        members = {item.filename: source.read(item) for item in source.infolist()}
    members["inspections.db"] = members["inspections.db"][:-4096] + bytes(4096)
    altered = tmp_path / "altered.zip"
    with zipfile.ZipFile(altered, "w") as archive:
        for member, data in members.items():
            archive.writestr(member, data if member != "manifest.json" else json.dumps(manifest))
    with pytest.raises(BadBackup, match="SHA-256"):
        restore(altered, tmp_path / "fresh")
    assert not (tmp_path / "fresh").exists()
    assert zlib  # (zlib errors are among those a damaged member gives)
