"""The data-folder lock: every process that has the database open holds it shared; whatever
replaces the database (restore, the recovery of an interrupted restore) holds it exclusively.

The lock is taken on a small file in the data folder, ``.park-inspector.lock``, that never
holds data; the operating system drops the lock when its process ends, however it ends (a
crash, kill -9, a power cut), so no stale lock is ever left to clean up.

- Linux and macOS: ``flock`` on the lock file (shared or exclusive; per open file, so two
  stores in one process are two holders).
- Windows: ``msvcrt.locking`` takes only exclusive byte ranges, so a shared holder locks one
  byte of a range of slots and an exclusive holder locks the whole range: it gets it only when
  no slot is held, and while it holds it no slot can be taken.

A folder that cannot be written (read-only media, no permission) and has no lock file yet is
opened without a lock: nothing can replace its database either.
"""
from __future__ import annotations

import contextlib
import errno
import importlib
import os
import random
import time
from pathlib import Path
from typing import Any

from checklists.errors import UserError, messages

LOCK_NAME = ".park-inspector.lock"
SHARED_WAIT_SECONDS = 10.0  # a shared opener waits out another's short exclusive moment
EXCLUSIVE_WAIT_SECONDS = 2.0  # a restore waits briefly for a command that is just finishing
_POLL_SECONDS = 0.05
_SLOTS = 4096  # Windows: shared holders at once (each takes one byte)

MESSAGES = messages({
    "lock.in_use": (
        "数据文件夹 {folder} 正被另一个园区现场检查程序（窗口或命令行）使用，不能替换其中的数据。"
        "请先关闭它，再重试。",
        "The data folder {folder} is in use by another Park Inspector window or command, so its"
        " data cannot be replaced. Close it first, then try again."),
    "lock.being_replaced": (
        "数据文件夹 {folder} 正在被另一个进程替换（恢复备份）；请等它完成后再试。",
        "The data folder {folder} is being replaced by another process (a restore); try again"
        " when it has finished."),
})


class FolderBusy(UserError):
    """Another process holds the data-folder lock in a way that excludes this one."""


class FolderLock:
    """A held lock on a data folder; :meth:`release` it (closing the store does)."""

    def __init__(self, folder: Path, fd: int | None, *, exclusive: bool,
                 slot: int | None = None) -> None:
        self.folder = folder
        self._fd = fd
        self.exclusive = exclusive
        self._slot = slot

    @property
    def held(self) -> bool:
        """False for a folder that could not be locked because it cannot be written."""
        return self._fd is not None

    @classmethod
    def acquire(cls, folder: Path, *, exclusive: bool,
                wait: float | None = None) -> FolderLock:
        """Take the lock, waiting up to *wait* seconds; raises :class:`FolderBusy`."""
        fd = _open_lock_file(folder)
        lock = cls(folder, fd, exclusive=exclusive)
        if fd is None:
            return lock
        if wait is None:
            wait = EXCLUSIVE_WAIT_SECONDS if exclusive else SHARED_WAIT_SECONDS
        try:
            lock._take(exclusive, wait)
        except BaseException:
            os.close(fd)
            raise
        return lock

    @classmethod
    def try_exclusive(cls, folder: Path) -> FolderLock | None:
        """The exclusive lock if nobody else holds the folder now, else None (no waiting)."""
        try:
            return cls.acquire(folder, exclusive=True, wait=0)
        except FolderBusy:
            return None

    def to_shared(self, wait: float = SHARED_WAIT_SECONDS) -> None:
        """Turn a held exclusive lock into a shared one."""
        if self._fd is None or not self.exclusive:
            return
        self._drop()
        self.exclusive = False
        self._take(False, wait)

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            self._drop()
        os.close(self._fd)
        self._fd = None

    def __enter__(self) -> FolderLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()

    # --- the operating system's part ----------------------------------------------------

    def _take(self, exclusive: bool, wait: float) -> None:
        deadline = time.monotonic() + wait
        while True:
            if self._try(exclusive):
                self.exclusive = exclusive
                return
            if time.monotonic() >= deadline:
                code = "lock.in_use" if exclusive else "lock.being_replaced"
                raise FolderBusy(code, folder=self.folder)
            time.sleep(_POLL_SECONDS)

    def _try(self, exclusive: bool) -> bool:
        assert self._fd is not None
        if os.name == "nt":
            return self._try_windows(exclusive)
        import fcntl
        try:
            fcntl.flock(self._fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise
        return True

    def _drop(self) -> None:
        assert self._fd is not None
        if os.name == "nt":
            self._drop_windows()
            return
        import fcntl
        fcntl.flock(self._fd, fcntl.LOCK_UN)

    def _try_windows(self, exclusive: bool) -> bool:
        msvcrt: Any = importlib.import_module("msvcrt")
        fd = self._fd
        assert fd is not None
        if exclusive:
            os.lseek(fd, 1, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, _SLOTS)
            except OSError:
                return False
            self._slot = None
            return True
        for slot in random.sample(range(1, _SLOTS + 1), _SLOTS):
            os.lseek(fd, slot, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                continue
            self._slot = slot
            return True
        return False

    def _drop_windows(self) -> None:
        msvcrt: Any = importlib.import_module("msvcrt")
        fd = self._fd
        assert fd is not None
        if self.exclusive:
            os.lseek(fd, 1, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, _SLOTS)
        elif self._slot is not None:
            os.lseek(fd, self._slot, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
            self._slot = None


def _open_lock_file(folder: Path) -> int | None:
    """The lock file's descriptor; None when the folder cannot be written and has none."""
    path = Path(folder) / LOCK_NAME
    flags = getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | flags, 0o644)
    except OSError as exc:
        if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC, errno.EDQUOT):
            raise
    try:
        return os.open(path, os.O_RDONLY | flags)  # flock works on a read-only descriptor
    except OSError:
        return None
