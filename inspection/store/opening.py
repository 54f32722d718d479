"""Opening a data folder's database: the one way in, for the window and every command.

In order:

1. the data-folder lock (``folder_lock``): alone in the folder, the opener first finishes or
   undoes a restore a crash interrupted (``swap.recover``) and removes the temporary files an
   interrupted program left (``.NAME.XXXXXXXX.tmp``); then it holds the lock shared for as long
   as the database is open;
2. a folder whose ``inspections.db`` is missing or empty while photos or reports are there is
   damaged: it is refused with what to do (restore a backup), never initialised over;
3. the database is opened for writing (WAL, ``synchronous=FULL``) and migrated; when the folder
   cannot be written (read-only media, no permission, a full disk) it is opened read-only
   instead, so its data can still be listed, checked, backed up, reported and exported.
"""
from __future__ import annotations

import contextlib
import errno
import logging
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from checklists.errors import UserError, messages
from inspection.files import TEMP_SUFFIX
from inspection.paths import DataDir
from inspection.store.folder_lock import FolderBusy, FolderLock
from inspection.store.migrations import check_not_newer, migrate, migrations
from inspection.store.swap import ASIDE_PREFIX, JOURNAL_NAME, Notice, recover

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
CANNOT_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT}
# SQLite's answers when the folder or the disk refuses a write (not damage, not a busy lock).
CANNOT_WRITE_SQLITE = ("SQLITE_READONLY", "SQLITE_FULL", "SQLITE_CANTOPEN", "SQLITE_IOERR",
                       "SQLITE_PERM")

MESSAGES = messages({
    "store.cannot_open": ("无法打开数据库 {path}：{reason}", "Cannot open the database {path}: {reason}"),
    "store.no_wal": ("数据库 {path} 无法切换到 WAL 模式（{mode}）",
                     "The database {path} cannot use write-ahead logging (mode {mode})"),
    "store.no_database": ("数据文件夹 {folder} 中没有检查数据（inspections.db）",
                          "The data folder {folder} holds no inspection data (inspections.db)"),
    "store.damaged_missing": (
        "数据文件夹 {folder} 已损坏：数据库 inspections.db 不见了，但文件夹中还有 {photos} 个照片文件和"
        " {reports} 个报告。程序没有新建空数据库，以免覆盖这些数据。请从备份恢复（程序窗口启动时点“从备份恢复…”，"
        "或命令行 restore 备份文件.zip --replace --data-dir \"{folder}\"）；如确实要从空白开始，请先把 media 和"
        " reports 文件夹移走。",
        "The data folder {folder} is damaged: its database inspections.db is missing, but {photos}"
        " photo files and {reports} reports are still there. No empty database was made over them."
        " Restore a backup (\"Restore from a backup…\" when the window starts, or on the command"
        " line restore BACKUP.zip --replace --data-dir \"{folder}\"); to really start afresh, move the media and reports folders"
        " away first."),
    "store.damaged_empty": (
        "数据文件夹 {folder} 已损坏：数据库 inspections.db 是空的（0 字节），但文件夹中还有 {photos} 个照片"
        "文件和 {reports} 个报告。程序没有在其上新建数据库。请从备份恢复（程序窗口启动时点“从备份恢复…”，或命令行"
        " restore 备份文件.zip --replace --data-dir \"{folder}\"）。",
        "The data folder {folder} is damaged: its database inspections.db is empty (0 bytes), but"
        " {photos} photo files and {reports} reports are still there. No database was made over"
        " it. Restore a backup (\"Restore from a backup…\" when the window starts, or on the"
        " command line restore BACKUP.zip --replace --data-dir \"{folder}\")."),
    "store.read_only": (
        "数据文件夹 {folder} 无法写入（只读、没有权限或磁盘已满），不能修改数据；仍可查看、检查、备份、"
        "生成草稿报告和导出。",
        "The data folder {folder} cannot be written (read-only, no permission or a full disk), so"
        " nothing can be changed; viewing, checking, backing up, draft reports and exports still"
        " work."),
    "store.opened_read_only": (
        "数据文件夹 {folder} 无法写入（{reason}），已以只读方式打开：可以查看、检查、备份和导出，不能修改。",
        "The data folder {folder} cannot be written ({reason}); it was opened read-only: viewing,"
        " checking, backing up and exporting work, changes do not."),
    "store.read_only_needs_upgrade": (
        "数据库需要升级到本版本的结构，但数据文件夹 {folder} 无法写入；请把整个数据文件夹复制到可写的位置"
        "（或腾出磁盘空间）后再打开。数据未被改动。",
        "The database must be upgraded to this version's structure, but the data folder {folder}"
        " cannot be written; copy the whole folder somewhere writable (or free some disk space)"
        " and open it there. Nothing was changed."),
    "store.damaged_database": (
        "数据库已损坏（{reason}）。请运行“检查数据库”（命令行 check-db）查看哪些数据受损，然后从备份恢复；"
        "如没有可用的备份，先用“备份数据”（backup）复制出仍可读取的数据。",
        "The database is damaged ({reason}). Run the database check (check-db on the command"
        " line) to see which data is affected, then restore a backup; without a usable backup,"
        " first copy off what is still readable with a backup."),
    "store.disk_full": (
        "磁盘已满，修改没有保存（{reason}）。请腾出磁盘空间后再试；数据仍可查看和备份到别的磁盘。",
        "The disk is full; the change was not saved ({reason}). Free some space and try again;"
        " the data can still be viewed and backed up to another disk."),
    "store.cannot_write": (
        "数据库无法写入（{reason}）：数据文件夹可能是只读的或没有权限；数据仍可查看和备份。",
        "The database cannot be written ({reason}): the data folder may be read-only or not"
        " yours to write; the data can still be viewed and backed up."),
    "store.io_error": (
        "读写数据库时出错（{reason}）：磁盘或存储设备可能有问题。请尽快备份数据到别的磁盘，并运行 check-db。",
        "The database could not be read or written ({reason}): the disk or storage device may"
        " be failing. Back the data up to another disk soon, and run check-db."),
    "store.temp_cleaned": (
        "已清除上次程序中断时留下的 {count} 个临时文件（{size}）。",
        "Removed {count} temporary files ({size}) left by an interrupted run."),
})


class StoreError(UserError):
    """The database could not be opened or used."""


class NoDatabase(StoreError):
    """The folder holds no database, and the caller did not ask to start one."""


class DamagedFolder(StoreError):
    """The database is missing or empty while the folder still holds photos or reports."""


@dataclass
class Opened:
    """An open database with the folder lock that goes with it."""

    db: Database
    lock: FolderLock
    read_only: bool
    applied: list[str]
    notices: list[Notice] = field(default_factory=list)


def open_database(data_dir: DataDir, *, create: bool = True, reader: bool = False) -> Opened:
    """Open (or, with *create*, start) the database of *data_dir*; see the module docstring.

    A *reader* is a second connection beside a writer of this process (which did the recovery,
    the tidying and the migrations): it takes the shared lock, checks the version and only
    reads (``PRAGMA query_only``).
    """
    root = data_dir.root
    if reader:
        return _open_reader(data_dir)
    journal = (root / JOURNAL_NAME).exists()
    if not create and not data_dir.database.is_file() and not journal:
        damage = damaged_folder(data_dir)
        if damage is not None:
            raise damage
        raise NoDatabase("store.no_database", folder=root)
    problem: BaseException | None = None
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        if exc.errno not in CANNOT_WRITE or not data_dir.database.is_file():
            raise
        problem = exc
    notices: list[Notice] = []
    lock = _lock_and_tidy(data_dir, notices)  # before anything is made in the folder
    try:
        if (root / JOURNAL_NAME).exists():  # another process is recovering it right now
            raise FolderBusy("lock.being_replaced", folder=root)
        if problem is None and (create or data_dir.database.is_file()):
            try:
                data_dir.ensure()
            except OSError as exc:
                if exc.errno not in CANNOT_WRITE or not data_dir.database.is_file():
                    raise
                problem = exc
        damage = damaged_folder(data_dir)
        if damage is not None:
            raise damage
        if not create and not data_dir.database.is_file():
            raise NoDatabase("store.no_database", folder=root)
        if problem is None:
            try:
                db = connect(data_dir.database)
            except StoreError as exc:
                if not _cannot_write(exc.__cause__):
                    raise
                problem = exc.__cause__
            else:
                try:
                    return Opened(db, lock, False, migrate(db), notices)
                except sqlite3.DatabaseError as exc:
                    db.close()
                    if not _cannot_write(exc):
                        raise
                    problem = exc
                except BaseException:
                    db.close()
                    raise
        db = connect_read_only(data_dir.database)
        try:
            check_not_newer(db)
            if migrations.pending(db):
                raise StoreError("store.read_only_needs_upgrade", folder=root)
        except BaseException:
            db.close()
            raise
        notices.append(Notice("store.opened_read_only", folder=root, reason=_reason(problem)))
        return Opened(db, lock, True, [], notices)
    except BaseException:
        lock.release()
        raise


def _open_reader(data_dir: DataDir) -> Opened:
    if not data_dir.database.is_file():
        raise NoDatabase("store.no_database", folder=data_dir.root)
    lock = FolderLock.acquire(data_dir.root, exclusive=False)
    try:
        try:
            db, read_only = connect(data_dir.database), False
        except StoreError as exc:
            if not _cannot_write(exc.__cause__):
                raise
            db, read_only = connect_read_only(data_dir.database), True
        try:
            check_not_newer(db)
            db.execute("PRAGMA query_only = ON")
        except BaseException:
            db.close()
            raise
        return Opened(db, lock, read_only, [])
    except BaseException:
        lock.release()
        raise


def connect(path: Path | str) -> Database:
    """Open *path* with the settings that make an acknowledged edit survive a crash."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        mode = db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        db.execute("PRAGMA synchronous = FULL")  # fsync the WAL on every commit
        db.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        raise StoreError("store.cannot_open", path=path, reason=exc) from exc
    if str(mode).lower() != "wal" and str(path) != ":memory:":
        raise StoreError("store.no_wal", path=path, mode=mode)
    return db


def connect_read_only(path: Path) -> Database:
    """Open *path* for reading only.

    In a folder where SQLite cannot even make its shared-memory file, the database is opened
    as an immutable file (nobody can write it there either); but an immutable database ignores
    its write-ahead log, which may hold the last edits before a crash. Then the database and
    its log are copied to a scratch folder elsewhere and that copy is read (removed at close:
    ``Database.scratch``), so a backup taken off a full disk misses nothing.
    """
    uri = Path(path).absolute().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            conn.close()
            conn = _scratch_copy(Path(path)) or sqlite3.connect(uri + "&immutable=1", uri=True)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise StoreError("store.cannot_open", path=path, reason=exc) from exc
    db = Database(conn)
    db.execute("PRAGMA query_only = ON")
    return db


def _scratch_copy(path: Path) -> sqlite3.Connection | None:
    """The database with its write-ahead log, copied to a scratch folder and opened there;
    None when there is no log to lose (or no room for the copy)."""
    wal = path.with_name(path.name + "-wal")
    if not wal.is_file() or wal.stat().st_size == 0:
        return None
    scratch = Path(tempfile.mkdtemp(prefix="park-inspector-read-"))
    try:
        shutil.copyfile(path, scratch / path.name)
        shutil.copyfile(wal, scratch / wal.name)
        conn = sqlite3.connect(scratch / path.name)
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # replays the log
    except (OSError, sqlite3.DatabaseError):
        log.warning("no scratch copy of %s could be made; its log is not read", path,
                    exc_info=True)
        shutil.rmtree(scratch, ignore_errors=True)
        return None
    _scratch_folders[id(conn)] = scratch
    return conn


_scratch_folders: dict[int, Path] = {}


def release(opened_db: Database) -> None:
    """Close *opened_db* and remove the scratch copy it was read from, if any."""
    scratch = _scratch_folders.pop(id(opened_db.conn), None)
    opened_db.close()
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)


def damaged_folder(data_dir: DataDir) -> DamagedFolder | None:
    """The refusal for a folder whose database is missing or empty beside its photos, reports
    or a write-ahead log; None when the database is there (or the folder holds nothing)."""
    try:
        size: int | None = data_dir.database.stat().st_size
    except FileNotFoundError:
        size = None
    if size:
        return None
    photos = _count_files(data_dir.media)
    reports = _count_files(data_dir.reports)
    wal = data_dir.root / "inspections.db-wal"
    wal_size = wal.stat().st_size if wal.is_file() else 0
    if not (photos or reports or wal_size):
        return None
    code = "store.damaged_missing" if size is None else "store.damaged_empty"
    return DamagedFolder(code, folder=data_dir.root, photos=photos, reports=reports)


def temp_files(data_dir: DataDir) -> list[Path]:
    """Temporary files and folders (``.NAME.XXXXXXXX.tmp``) in the data folder."""
    root = data_dir.root
    folders = [root, data_dir.media, data_dir.reports, data_dir.keys, data_dir.logs]
    if data_dir.media.is_dir():
        folders += [p for p in data_dir.media.iterdir() if p.is_dir()]
    found = []
    for folder in folders:
        with contextlib.suppress(OSError):
            found += [p for p in folder.iterdir()
                      if p.name.startswith(".") and p.name.endswith(TEMP_SUFFIX)]
    return sorted(found)


def size_text(size: int) -> str:
    """A byte count for people: 512 B, 3.4 MB."""
    amount = float(size)
    for unit in ("B", "KB", "MB"):
        if amount < 1024:
            return f"{amount:.0f} {unit}" if unit == "B" else f"{amount:.1f} {unit}"
        amount /= 1024
    return f"{amount:.1f} GB"


def _lock_and_tidy(data_dir: DataDir, notices: list[Notice]) -> FolderLock:
    """The shared folder lock; alone in the folder, first recover and tidy up under it."""
    alone = FolderLock.try_exclusive(data_dir.root)
    if alone is None:
        return FolderLock.acquire(data_dir.root, exclusive=False)
    try:
        if alone.held:
            notice = recover(data_dir.root)
            if notice is not None:
                notices.append(notice)
            _remove_leftovers(data_dir, notices)
        alone.to_shared()
    except BaseException:
        alone.release()
        raise
    return alone


def _remove_leftovers(data_dir: DataDir, notices: list[Notice]) -> None:
    """Nobody else has the folder open: every temporary file in it is left from a crash."""
    count = size = 0
    for path in temp_files(data_dir):
        with contextlib.suppress(OSError):
            if path.is_dir() and not path.is_symlink():
                size += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
                shutil.rmtree(path)
            else:
                size += path.lstat().st_size
                path.unlink()
            count += 1
    for aside in data_dir.root.glob(f"{ASIDE_PREFIX}*"):
        with contextlib.suppress(OSError):
            aside.rmdir()  # only an empty one: a restore stopped before it moved anything
    if count:
        notices.append(Notice("store.temp_cleaned", count=count, size=size_text(size)))


def _count_files(folder: Path) -> int:
    if not folder.is_dir():
        return 0
    return sum(1 for p in folder.rglob("*") if p.is_file() and not p.name.endswith(TEMP_SUFFIX))


def _cannot_write(exc: BaseException | None) -> bool:
    if isinstance(exc, OSError):
        return exc.errno in CANNOT_WRITE
    name = getattr(exc, "sqlite_errorname", "") or ""
    return isinstance(exc, sqlite3.DatabaseError) and name.startswith(CANNOT_WRITE_SQLITE)


def _reason(problem: BaseException | None) -> str:
    if isinstance(problem, OSError):
        return problem.strerror or str(problem)
    return str(problem) if problem is not None else ""


def explain_database_error(exc: BaseException) -> StoreError | None:
    """What to tell the user about a database error (damage, a full disk, a folder that
    cannot be written, a failing disk); None for anything else. For the window and the
    command line, which must not show "database disk image is malformed" alone."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    reason = str(exc)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in reason:
        return StoreError("store.damaged_database", reason=reason)
    if name == "SQLITE_FULL":
        return StoreError("store.disk_full", reason=reason)
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_CANTOPEN")):
        return StoreError("store.cannot_write", reason=reason)
    if name.startswith("SQLITE_IOERR"):
        return StoreError("store.io_error", reason=reason)
    return None
