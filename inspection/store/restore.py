"""Restoring a data folder from a backup: everything checked before anything changes.

A backup is a file from outside; it is read as hostile until proven good:

- its zip directory, manifest and every member's declared size and compression ratio are
  checked before a byte is unpacked (a zip bomb, a huge manifest, a full disk), member names
  must be exactly those this program writes, and each member is hashed as it is unpacked and
  refused at its first wrong byte count or hash (a damaged zip is one line, not a traceback);
- its database is checked object by object against the schema the program's own migrations
  make for the version it records (a planted trigger, a dropped guard, a removed constraint,
  an empty database are refused), then migrated, then checked again with every photo and
  report it names (damage the backup itself declared is accepted and said);
- the swap into the data folder happens under the exclusive folder lock, refused while the
  window or a command has the folder open, and is journaled (``inspection.store.swap``).

Replaced data is moved aside into a new folder of its own, never overwritten or deleted.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import sqlite3
import struct
import tempfile
import zipfile
import zlib
from pathlib import Path

from sqlite_utils import Database

from checklists.errors import UserError, messages
from inspection.files import fsync_dir, fsync_file
from inspection.paths import DataDir
from inspection.store.backup import BACKUP_FORMAT
from inspection.store.folder_lock import LOCK_NAME, FolderLock
from inspection.store.maintenance import check_database, known_hashes
from inspection.store.migrations import check_not_newer, migrate
from inspection.store.schema_check import schema_problems
from inspection.store.swap import recover, swap_in

MAX_MANIFEST_BYTES = 64 << 20  # ~400,000 files' names and hashes
MAX_ENTRIES = 1_000_000
MAX_DIRECTORY_BYTES = 256 << 20
MAX_RATIO = 100  # photos and PDFs hardly compress; a database compresses ~5×; bombs ~1000×
FREE_SPACE_MARGIN = 64 << 20
_BLOCK = 1 << 20
MEMBER_NAME = re.compile(r"^(inspections\.db|media/[0-9a-f]{2}/[0-9a-f]{64}\.(jpg|png|heic|report\.jpg)"
                         r"|reports/[^/\\:*?\"<>|\x00-\x1f]{1,200})$")
# An error inside the zip file (CRC, truncated, encrypted, unsupported compression …).
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
              ValueError, struct.error)

MESSAGES = messages({
    "backup.not_found": ("找不到备份文件：{path}", "No such backup file: {path}"),
    "backup.not_a_file": ("{path} 不是普通文件，不是备份", "{path} is not an ordinary file, not a backup"),
    "backup.not_zip": ("不是有效的备份文件：{path}（{reason}）", "Not a valid backup file: {path} ({reason})"),
    "backup.too_many": ("备份文件 {path} 的目录过大（{entries} 个条目，{size} 字节），不像本程序的备份",
                        "The backup {path} has too large a directory ({entries} entries, {size}"
                        " bytes) for a backup of this program"),
    "backup.no_manifest": ("备份文件缺少清单（manifest.json）：{path}",
                           "The backup has no manifest (manifest.json): {path}"),
    "backup.bad_manifest": ("备份文件的清单（manifest.json）无效：{path}",
                            "The backup's manifest (manifest.json) is not valid: {path}"),
    "backup.manifest_too_large": ("备份文件的清单（manifest.json）过大（{size} 字节）：{path}",
                                  "The backup's manifest (manifest.json) is too large ({size}"
                                  " bytes): {path}"),
    "backup.unknown_format": ("不认识的备份格式：{format}", "Unknown backup format: {format}"),
    "backup.unsafe_name": ("备份中有不安全或不认识的文件名：{name}",
                           "The backup holds an unsafe or unknown file name: {name}"),
    "backup.member_missing": ("备份中缺少清单列出的文件：{name}",
                              "A file the manifest lists is not in the backup: {name}"),
    "backup.ratio": ("备份中的 {name} 压缩比异常（{ratio:.0f} 倍），可能是恶意构造的文件；未解压",
                     "{name} in the backup is compressed {ratio:.0f} times, a sign of a crafted"
                     " file; not unpacked"),
    "backup.no_space": ("磁盘空间不足：恢复需要约 {need}，{folder} 所在磁盘只剩 {free}",
                        "Not enough disk space: the restore needs about {need}, the disk of"
                        " {folder} has {free} free"),
    "backup.member_damaged": ("备份中的文件已损坏：{name}（{reason}）",
                              "A file in the backup is damaged: {name} ({reason})"),
    "backup.database_damaged": ("备份中的数据库已损坏（SHA-256 不符）",
                                "The database in the backup is damaged (its SHA-256 does not match)"),
    "backup.unreadable": ("无法读取备份：{reason}", "Cannot read the backup: {reason}"),
    "backup.foreign_schema": (
        "备份中的数据库结构不是本程序建立的，未恢复（可能被改动过）：{problems}",
        "The database in the backup does not have the structure this program makes; it was not"
        " restored (it may have been tampered with): {problems}"),
    "backup.failed_check": ("备份中的数据没有通过检查：{problems}",
                            "The data in the backup did not pass the check: {problems}"),
    "restore.has_data": ("数据文件夹 {folder} 中已有检查记录；如要用备份替换，请加 --replace"
                         "（原有数据会移到旁边的文件夹保存）",
                         "The data folder {folder} already holds inspections; to replace them with"
                         " the backup, add --replace (the data there is moved aside and kept)"),
})


class BadBackup(UserError):
    """The file is not a usable backup."""


def restore_from(backup: Path, data_dir: DataDir, *, replace: bool = False) -> dict:
    """Unpack a backup into *data_dir*; refuses to replace existing data unless *replace*.

    Returns the manifest, with ``aside`` (the folder the replaced data was moved to, or None)
    and ``recovered`` (what finishing an earlier interrupted restore did, or None).
    """
    backup = Path(backup)
    if not backup.exists():
        raise BadBackup("backup.not_found", path=backup)
    if not backup.is_file():
        raise BadBackup("backup.not_a_file", path=backup)
    _check_directory(backup)
    try:
        archive = zipfile.ZipFile(backup)
    except (OSError, *ZIP_ERRORS) as exc:
        raise BadBackup("backup.not_zip", path=backup, reason=exc) from None
    root = data_dir.root
    new_folder = not root.exists()
    try:
        with archive:
            manifest = _read_manifest(archive, backup)
            members = _members(archive, manifest)
            root.mkdir(parents=True, exist_ok=True)
            _check_space(members, root)
            with FolderLock.acquire(root, exclusive=True) as _lock:
                recovered = recover(root)
                if not replace and _has_data(data_dir):
                    raise UserError("restore.has_data", folder=root)
                manifest["aside"] = _unpack_and_swap(archive, members, manifest, root)
                manifest["recovered"] = recovered.text() if recovered else None
    finally:
        if new_folder and not data_dir.database.exists():
            with contextlib.suppress(OSError):
                (root / LOCK_NAME).unlink(missing_ok=True)
                root.rmdir()  # a refused restore leaves no new, empty folder behind
    return manifest


def _unpack_and_swap(archive: zipfile.ZipFile, members: dict[str, zipfile.ZipInfo],
                     manifest: dict, root: Path) -> str | None:
    staging = Path(tempfile.mkdtemp(prefix=".restore-", suffix=".tmp", dir=root))
    try:
        hashes = {"inspections.db": manifest["database_sha256"], **manifest["files"]}
        for name, info in members.items():
            _unpack(archive, info, staging / name, hashes[name])
        _check_staged(staging, manifest)
        staged = [staging / name for name in members]
        for path in staged:  # on disk before the renames make them the data
            fsync_file(path)
        for folder in sorted({path.parent for path in staged}, reverse=True):
            fsync_dir(folder)
        aside = swap_in(staging, root)
        return str(aside) if aside else None
    except ZIP_ERRORS as exc:
        raise BadBackup("backup.unreadable", reason=_one_line(exc)) from None
    except (OSError, sqlite3.DatabaseError) as exc:
        raise BadBackup("backup.unreadable", reason=_one_line(exc)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _check_directory(backup: Path) -> None:
    """Refuse a zip whose central directory alone would take too much memory to read."""
    size = backup.stat().st_size
    with open(backup, "rb") as handle:
        handle.seek(max(0, size - (1 << 16) - 22))
        tail = handle.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) < at + 22:
            return  # not a zip: ZipFile says so
        entries, directory = struct.unpack("<HI", tail[at + 10:at + 16])
        locator = tail.rfind(b"PK\x06\x07", 0, at)
        if locator >= 0 and (entries == 0xFFFF or directory == 0xFFFFFFFF):
            (offset,) = struct.unpack("<Q", tail[locator + 8:locator + 16])
            handle.seek(offset)
            record = handle.read(56)
            if record[:4] == b"PK\x06\x06" and len(record) == 56:
                entries, directory = struct.unpack("<QQ", record[32:48])
    if entries > MAX_ENTRIES or directory > MAX_DIRECTORY_BYTES:
        raise BadBackup("backup.too_many", path=backup, entries=entries, size=directory)


def _read_manifest(archive: zipfile.ZipFile, backup: Path) -> dict:
    """The backup's manifest, checked for the shape this program writes."""
    try:
        info = archive.getinfo("manifest.json")
    except KeyError:
        raise BadBackup("backup.no_manifest", path=backup) from None
    if info.file_size > MAX_MANIFEST_BYTES:
        raise BadBackup("backup.manifest_too_large", path=backup, size=info.file_size)
    _check_ratio(info)
    try:
        manifest = json.loads(archive.read(info))
    except ZIP_ERRORS as exc:
        raise BadBackup("backup.unreadable", reason=_one_line(exc)) from None
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise BadBackup("backup.bad_manifest", path=backup) from None
    if not isinstance(manifest, dict):
        raise BadBackup("backup.bad_manifest", path=backup)
    if manifest.get("format") != BACKUP_FORMAT:
        raise BadBackup("backup.unknown_format", format=manifest.get("format"))
    files = manifest.get("files")
    missing = manifest.setdefault("missing", [])  # older backups do not say: none missing
    damaged = manifest.setdefault("damaged", {})
    problems = manifest.setdefault("database_problems", [])
    if not isinstance(manifest.get("database_sha256"), str) or not isinstance(files, dict) \
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()) \
            or not isinstance(missing, list) or not all(isinstance(m, str) for m in missing) \
            or not isinstance(damaged, dict) or not all(isinstance(k, str) for k in damaged) \
            or not isinstance(problems, list):
        raise BadBackup("backup.bad_manifest", path=backup)
    return manifest


def _members(archive: zipfile.ZipFile, manifest: dict) -> dict[str, zipfile.ZipInfo]:
    members = {}
    for name in ["inspections.db", *manifest["files"]]:
        if not MEMBER_NAME.match(name) or ".." in name.split("/"):
            raise BadBackup("backup.unsafe_name", name=name)
        try:
            members[name] = archive.getinfo(name)
        except KeyError:
            raise BadBackup("backup.member_missing", name=name) from None
        _check_ratio(members[name])
    return members


def _check_ratio(info: zipfile.ZipInfo) -> None:
    if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        raise BadBackup("backup.ratio", name=info.filename,
                        ratio=info.file_size / max(info.compress_size, 1))


def _check_space(members: dict[str, zipfile.ZipInfo], root: Path) -> None:
    from inspection.store.opening import size_text

    need = sum(info.file_size for info in members.values()) + FREE_SPACE_MARGIN
    free = shutil.disk_usage(root).free
    if need > free:
        raise BadBackup("backup.no_space", need=size_text(need), free=size_text(free), folder=root)


def _unpack(archive: zipfile.ZipFile, info: zipfile.ZipInfo, target: Path, sha256: str) -> None:
    """Unpack one member, hashing as it goes; at most its declared size is ever written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    written = 0
    with archive.open(info) as source, open(target, "xb") as out:
        while block := source.read(_BLOCK):
            written += len(block)
            if written > info.file_size:  # zipfile stops there; this is belt and braces
                raise BadBackup("backup.member_damaged", name=info.filename, reason="size")
            digest.update(block)
            out.write(block)
    if digest.hexdigest() != sha256:
        if info.filename == "inspections.db":
            raise BadBackup("backup.database_damaged")
        raise BadBackup("backup.member_damaged", name=info.filename, reason="SHA-256")


def _check_staged(staging: Path, manifest: dict) -> None:
    """The staged database: the schema first (before a trigger of it could run), then migrated
    to this version as opening it would, then the whole check with the files it names."""
    conn = sqlite3.connect(staging / "inspections.db")
    try:
        check_not_newer(Database(conn))  # a newer program's database: say so, not "foreign"
        problems = schema_problems(conn)
        if problems:
            raise BadBackup("backup.foreign_schema", problems="；".join(problems[:5]))
        migrate(Database(conn))
        problems = schema_problems(conn)
        if problems:
            raise BadBackup("backup.foreign_schema", problems="；".join(problems[:5]))
        hashes = known_hashes(manifest["files"])
        report = check_database(conn, DataDir(staging), file_hash=hashes)
    finally:
        conn.close()
    declared = {report.missing[name] for name in manifest["missing"] if name in report.missing}
    declared |= {report.damaged[name] for name in manifest["damaged"] if name in report.damaged}
    problems = [p for p in report.problems if p not in declared]
    if problems:
        raise BadBackup("backup.failed_check", problems="；".join(problems[:3]))


def _has_data(data_dir: DataDir) -> bool:
    """The folder holds a database with inspections, or a damaged one (never overwritten
    silently), or photos and reports without a database."""
    path = data_dir.database
    if path.exists() and path.stat().st_size > 0:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            return bool(conn.execute("SELECT COUNT(*) FROM inspections").fetchone()[0])
        except sqlite3.DatabaseError:
            return True  # unreadable: treat as data
        finally:
            conn.close()
    return any(folder.is_dir() and any(p.is_file() for p in folder.rglob("*"))
               for folder in (data_dir.media, data_dir.reports))


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
