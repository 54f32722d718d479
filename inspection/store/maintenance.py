"""Checking the data folder, and backing it up to / restoring it from one file."""
from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import tempfile
import zipfile
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from checklists.errors import UserError
from inspection.appinfo import APP_VERSION
from inspection.files import atomic_target, fsync_dir, fsync_file, sha256_file
from inspection.paths import DataDir
from inspection.store.audit import verify_device_chains
from inspection.store.migrations import migrate

BACKUP_FORMAT = "park-inspector-backup/1"


class BadBackup(UserError):
    """The file is not a usable backup."""


@dataclass
class CheckReport:
    """What check-db found: problems (empty when all is well) and what was checked."""

    problems: list[str] = field(default_factory=list)
    checked: dict[str, int] = field(default_factory=dict)
    # Files the database names that are not there, by their name in the data folder
    # (media/ab/….jpg), with the problem said about each (also in problems).
    missing: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def file_missing(self, name: str, problem: str) -> None:
        self.problems.append(problem)
        self.missing[name] = problem

    def to_dict(self) -> dict:
        return {"ok": self.ok, "problems": self.problems, "checked": self.checked,
                "missing": sorted(self.missing)}


def check_database(conn: sqlite3.Connection, data_dir: DataDir, *,
                   hash_files: bool = True) -> CheckReport:
    """Integrity, foreign keys, the audit chain, and every photo file and signed report
    against its SHA-256."""
    report = CheckReport()
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        report.problems += [f"SQLite 完整性检查：{line}" for line in integrity]
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall():
        report.problems.append(f"外键：{table} 第 {rowid} 行引用的 {parent} 记录不存在")
    cursor = conn.execute("SELECT * FROM audit_log ORDER BY id")
    names = [c[0] for c in cursor.description]
    rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    device = conn.execute("SELECT id FROM local_device").fetchone()
    report.problems += [str(b) for b in verify_device_chains(rows, device[0] if device else "")]
    report.checked["audit_rows"] = len(rows)

    media = conn.execute("SELECT sha256, ext, size FROM media_files ORDER BY sha256").fetchall()
    for sha, ext, size in media:
        original = data_dir.original(sha, ext)
        if not original.exists():
            report.file_missing(data_dir.relative(original), f"照片原件缺失：{original}")
        elif hash_files and sha256_file(original) != sha:
            report.problems.append(f"照片原件已被改动（SHA-256 不符）：{original}")
        elif original.stat().st_size != size:
            report.problems.append(f"照片原件大小不符：{original}")
        if not data_dir.report_image(sha).exists():
            report.file_missing(data_dir.relative(data_dir.report_image(sha)),
                                f"报告用照片缺失：{data_dir.report_image(sha)}")
    orphans = conn.execute("SELECT id, sha256 FROM photos WHERE sha256 NOT IN"
                           " (SELECT sha256 FROM media_files)").fetchall()
    report.problems += [f"照片 {pid} 没有登记的原件（{sha[:12]}）" for pid, sha in orphans]
    report.checked["photo_files"] = len(media)
    signed = conn.execute("SELECT path, sha256 FROM reports ORDER BY id").fetchall()
    for recorded, sha in signed:
        path = data_dir.resolve(recorded)
        if not path.is_file():
            report.file_missing(data_dir.relative(path), f"签署的报告缺失：{path}")
        elif hash_files and sha256_file(path) != sha:
            report.problems.append(f"签署的报告已被改动（SHA-256 不符）：{path}")
    report.checked["report_files"] = len(signed)
    for table in ("inspections", "answers", "findings", "photos"):
        report.checked[table] = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    return report


def backup_to(conn: sqlite3.Connection, data_dir: DataDir, out: Path) -> dict:
    """Write the database (SQLite backup API) and its photos and reports into one zip file.

    Returns the manifest. Files the database names that are missing from a damaged data folder
    are listed in its ``missing`` (the backup is still the best copy there is); restoring
    accepts exactly those as missing.
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent) as tmp:
        copy = Path(tmp) / "inspections.db"
        target = sqlite3.connect(copy)
        try:
            conn.backup(target)  # a consistent copy even while the program writes
        finally:
            target.close()
        media = [data_dir.original(sha, ext) for sha, ext in
                 conn.execute("SELECT sha256, ext FROM media_files").fetchall()]
        media += [data_dir.report_image(p.name.split(".")[0]) for p in list(media)]
        reports = [data_dir.resolve(r[0]) for r in conn.execute("SELECT path FROM reports")]
        files, missing = {}, set()
        with atomic_target(out) as partial, \
                zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_STORED) as archive:
            archive.write(copy, "inspections.db")
            for path in media + [r for r in reports if data_dir.reports in r.parents]:
                name = path.relative_to(data_dir.root).as_posix()
                if not path.is_file():
                    missing.add(name)
                elif name not in files:
                    archive.write(path, name)
                    files[name] = sha256_file(path)
            manifest = {"format": BACKUP_FORMAT, "app_version": APP_VERSION,
                        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
                        "database_sha256": sha256_file(copy), "files": files,
                        "missing": sorted(missing)}
            archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def restore_from(backup: Path, data_dir: DataDir, *, replace: bool = False) -> dict:
    """Unpack a backup into *data_dir*; refuses to overwrite existing data unless *replace*.

    Everything is unpacked and checked in a temporary folder first; the data folder changes only
    when the whole backup is good. Replaced data is moved aside, never deleted.
    """
    backup = Path(backup)
    if not backup.is_file():
        raise BadBackup(f"找不到备份文件：{backup}")
    try:
        archive = zipfile.ZipFile(backup)
    except (OSError, zipfile.BadZipFile) as exc:
        raise BadBackup(f"不是有效的备份文件：{backup}（{exc}）") from None
    with archive:
        manifest = _read_manifest(archive, backup)
        root = data_dir.root
        has_data = data_dir.database.exists() and _has_inspections(data_dir.database)
        if has_data and not replace:
            raise UserError(f"数据文件夹 {root} 中已有检查记录；如要用备份替换，请加 --replace"
                            "（原有数据会移到旁边的文件夹保存）")
        new_folder = not root.exists()
        root.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix="restore-", dir=root))
        try:
            for name in ["inspections.db", *manifest["files"]]:
                if name.startswith("/") or ".." in Path(name).parts:
                    raise BadBackup(f"备份中有不安全的路径：{name}")
                archive.extract(name, staging)
            if sha256_file(staging / "inspections.db") != manifest["database_sha256"]:
                raise BadBackup("备份中的数据库已损坏（SHA-256 不符）")
            for name, sha in manifest["files"].items():
                if sha256_file(staging / name) != sha:
                    raise BadBackup(f"备份中的文件已损坏：{name}")
            _upgrade_and_check(staging, missing=set(manifest["missing"]))
            staged = [staging / name for name in ["inspections.db", *manifest["files"]]]
            for path in staged:  # on disk before the renames make them the data
                fsync_file(path)
            for folder in {path.parent for path in staged}:
                fsync_dir(folder)
            _swap_in(staging, data_dir)
        except (KeyError, OSError, sqlite3.DatabaseError) as exc:
            raise BadBackup(f"无法读取备份：{exc}") from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
            if new_folder and not data_dir.database.exists():
                with contextlib.suppress(OSError):
                    root.rmdir()  # a refused restore leaves no new, empty folder behind
    return manifest


def _read_manifest(archive: zipfile.ZipFile, backup: Path) -> dict:
    """The backup's manifest, checked for the shape this program writes."""
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise BadBackup(f"备份文件缺少清单（manifest.json）：{backup}") from None
    if not isinstance(manifest, dict):
        raise BadBackup(f"备份文件的清单（manifest.json）无效：{backup}")
    if manifest.get("format") != BACKUP_FORMAT:
        raise BadBackup(f"不认识的备份格式：{manifest.get('format')}")
    files = manifest.get("files")
    missing = manifest.setdefault("missing", [])  # older backups do not say: none missing
    if not isinstance(manifest.get("database_sha256"), str) or not isinstance(files, dict) \
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()) \
            or not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        raise BadBackup(f"备份文件的清单（manifest.json）无效：{backup}")
    return manifest


def _upgrade_and_check(staging: Path, *, missing: AbstractSet[str] = frozenset()) -> None:
    """Bring the staged database to this version's schema, then check it, before it is used.

    A database from a newer program is refused (DatabaseTooNew) with nothing changed; an older
    one is migrated here, as opening it would, so the check sees what the program will see.
    The files in *missing* were already missing when the backup was made (its manifest says
    so): the check may find those missing, and nothing else wrong.
    """
    conn = sqlite3.connect(staging / "inspections.db")
    try:
        migrate(Database(conn))
        report = check_database(conn, DataDir(staging), hash_files=False)
    finally:
        conn.close()
    declared = {report.missing[name] for name in missing if name in report.missing}
    problems = [p for p in report.problems if p not in declared]
    if problems:
        raise BadBackup("备份中的数据没有通过检查：" + "；".join(problems[:3]))


def _has_inspections(path: Path) -> bool:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] > 0
    except sqlite3.DatabaseError:
        return True  # unreadable: treat as data, never overwrite silently
    finally:
        conn.close()


def _swap_in(staging: Path, data_dir: DataDir) -> None:
    root = data_dir.root
    aside = root / f"before-restore-{datetime.now():%Y%m%d-%H%M%S}"
    for name in ("inspections.db", "inspections.db-wal", "inspections.db-shm", "media", "reports"):
        if (root / name).exists():
            aside.mkdir(exist_ok=True)
            shutil.move(str(root / name), str(aside / name))
    for name in ("inspections.db", "media", "reports"):
        if (staging / name).exists():
            shutil.move(str(staging / name), str(root / name))
    fsync_dir(root)
