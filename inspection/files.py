"""Writing files so that a crash or a power cut never leaves half of one; hashing files.

Every file the database points at (photos, signed reports, backups, keys, exports) is written
to a temporary file in its own folder, flushed to disk (fsync), renamed over its target, and the
folder flushed too, so the rename survives a power cut. Only then may the database record it.
Temporary files are named ``.NAME.XXXXXXXX.tmp`` beside their target.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

FILE_MODE = 0o644  # mkstemp makes 0600; the program's files are ordinary files
TEMP_SUFFIX = ".tmp"


def sha256_file(path: Path | str) -> str:
    """The SHA-256 of a file's bytes, hex, read in 1 MB blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_file(path: Path | str) -> None:
    """Flush a file written elsewhere (by reportlab, openpyxl, zipfile …) to disk."""
    with open(path, "r+b") as handle:  # Windows flushes only handles open for writing
        os.fsync(handle.fileno())


def fsync_dir(folder: Path | str) -> None:
    """Flush a folder's entries, so a rename into it survives a power cut (POSIX)."""
    if os.name != "posix":  # Windows cannot open a folder for fsync; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def new_temp_file(target: Path | str) -> Path:
    """An empty, uniquely named temporary file beside *target* (same folder, same disk)."""
    target = Path(target)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
    finally:
        os.close(fd)
    return Path(name)


def replace_atomic(temp: Path | str, target: Path | str) -> None:
    """Flush *temp*, rename it over *target* and flush the folder: all of the new file or none."""
    fsync_file(temp)
    os.replace(temp, target)
    fsync_dir(Path(target).parent)


@contextlib.contextmanager
def atomic_target(target: Path | str) -> Iterator[Path]:
    """A temporary path to write *target*'s content to; it becomes *target* when the block ends.

    If the block raises, the temporary file is removed and *target* stays as it was.
    """
    temp = new_temp_file(target)
    try:
        yield temp
        replace_atomic(temp, target)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)  # gone already after a successful rename


def write_atomic(target: Path | str, data: bytes) -> None:
    """Write *data* to *target* through a flushed temporary file and a rename."""
    with atomic_target(target) as temp:
        temp.write_bytes(data)
