"""Writing files so that a crash or a power cut never leaves half of one; hashing files.

Every file the database points at (photos, signed reports, backups, keys, exports) is written
to a temporary file in its own folder, flushed to disk (fsync), renamed over its target, and the
folder flushed too, so the rename survives a power cut. Only then may the database record it.
Temporary files are named ``.NAME.XXXXXXXX.tmp`` beside their target.

Files the user names (a backup, a report, an export, a key …) go through
:func:`check_output_path` first: never into a data folder, never over a signed report, never
onto a device, a pipe or a folder.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from checklists.errors import Message, UserError, messages

MESSAGES = messages({
    "output.empty": ("没有给出输出文件名", "No output file name was given"),
    "output.inside_data": (
        "不能写到数据文件夹里：{path}（数据文件夹 {folder}）。请另选一个位置保存",
        "Will not write into the data folder: {path} (data folder {folder}). Choose another place"),
    "output.signed_report": ("{path} 是已签署的报告，不能覆盖；请另选文件名",
                             "{path} is a signed report and is never overwritten; choose another name"),
    "output.folder": ("{path} 是一个文件夹；请给出要写入的文件名",
                      "{path} is a folder; name the file to write"),
    "output.device": ("{path} 是设备，不是普通文件，不能写入", "{path} is a device, not an ordinary file"),
    "output.not_text": ("输出文件名 {path} 不是有效的 UTF-8 文字；请换一个文件名",
                        "The output file name {path} is not valid UTF-8 text; choose another name"),
    "input.not_found": ("找不到文件 {path}", "No such file: {path}"),
    "input.not_a_file": ("{path} 不是普通文件（文件夹、设备或管道），不能读取",
                         "{path} is not an ordinary file (a folder, a device or a pipe)"),
    "input.too_large": ("{path} 过大（超过 {limit} 字节），不像是要读的文件",
                        "{path} is too large (over {limit} bytes) for what is read here"),
    "input.unreadable": ("无法读取 {path}（{reason}）", "Cannot read {path} ({reason})"),
    "output.pipe": ("{path} 是管道或套接字，不是普通文件，不能写入",
                    "{path} is a pipe or a socket, not an ordinary file"),
    "output.other_file": ("{path} 已经存在，而且不是{what}：不会覆盖它。请换一个文件名，或先移走那个文件",
                          "{path} already exists and is not {what}: it is not replaced. Choose"
                          " another name, or move that file first"),
    "output.kind.pdf": ("PDF 文件", "a PDF file"),
    "output.kind.zip": ("备份、检查包或 Office 文档（zip 格式）",
                        "a backup, a bundle or an Office document (zip format)"),
    "output.kind.pem": ("证书文件", "a certificate file"),
    "output.kind.json": ("JSON 文件", "a JSON file"),
})
# What an output file of each kind starts with: an existing file that does not is someone's
# other file (notes, a system file named by mistake) and is never replaced by an output.
OUTPUT_KINDS: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),  # .zip backups, .pib bundles, .xlsx, .docx
    "pem": (b"-----BEGIN",),
    "json": (b"{", b"[", b"\xef\xbb\xbf{"),
}
DATABASE_NAME = "inspections.db"  # a folder holding one is a data folder (inspection.paths)

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


class OutputRefused(UserError):
    """An output file may not be written where the user asked."""


def check_output_path(target: Path | str, *, data_dir: Path | str | None = None,
                      protected: Iterable[Path | str] = (), kind: str | None = None) -> Path:
    """The path an output file (backup, report, export, bundle, key …) may be written to, with
    symlinks followed; raises :class:`OutputRefused` otherwise.

    Refused: anywhere inside *data_dir* or inside any folder that holds an ``inspections.db``
    (another data folder), any of the *protected* files (the signed reports a store records),
    and anything that exists but is not a regular file (a folder, a device such as /dev/full, a
    pipe). With *kind* (a key of :data:`OUTPUT_KINDS`), an existing file is only replaced when it
    is empty or of that kind: ``backup --out notes.txt`` never turns someone's notes (or, as
    root, ``/etc/passwd``) into a zip. The caller writes through :func:`atomic_target` on the returned path, so an
    existing file is replaced whole by a rename, never overwritten in place.
    """
    if not str(target).strip():
        raise OutputRefused("output.empty")
    try:
        str(target).encode("utf-8")
    except UnicodeEncodeError:  # bytes a Linux shell passed that are not text: said, not written
        raise OutputRefused("output.not_text",
                            path=os.fsencode(target).decode("utf-8", "replace")) from None
    resolved = Path(target).expanduser().resolve()
    try:
        mode = os.stat(resolved).st_mode
    except FileNotFoundError:
        mode = None
    except OSError:  # unreadable: let the write report it
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        code = "output.folder" if stat.S_ISDIR(mode) else \
            "output.pipe" if stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode) else "output.device"
        raise OutputRefused(code, path=target)
    key = _same_path_key(resolved)
    for path in protected:
        if _same_path_key(Path(path).resolve()) == key:
            raise OutputRefused("output.signed_report", path=target)
    folders = [Path(data_dir).expanduser().resolve()] if data_dir is not None else []
    for folder in folders:
        if _inside(resolved, folder):
            raise OutputRefused("output.inside_data", path=target, folder=folder)
    if resolved.name == DATABASE_NAME:
        raise OutputRefused("output.inside_data", path=target, folder=resolved.parent)
    for parent in resolved.parents:
        with contextlib.suppress(OSError):
            if (parent / DATABASE_NAME).is_file():
                raise OutputRefused("output.inside_data", path=target, folder=parent)
    if mode is not None and kind is not None and not _holds(resolved, OUTPUT_KINDS[kind]):
        raise OutputRefused("output.other_file", path=target, what=Message(f"output.kind.{kind}"))
    return resolved


def _holds(path: Path, starts: tuple[bytes, ...]) -> bool:
    """Whether the existing file *path* is empty or begins as a file of that kind does."""
    try:
        with open(path, "rb") as file:
            head = file.read(16)
    except OSError:  # unreadable: the write will say why
        return True
    return not head or head.startswith(starts)


def _same_path_key(path: Path) -> str:
    return os.path.normcase(str(path))  # Windows: one file, whatever the letters' case


def _inside(path: Path, folder: Path) -> bool:
    key, base = _same_path_key(path), _same_path_key(folder)
    return key == base or key.startswith(base.rstrip(os.sep) + os.sep)


class InputRefused(UserError):
    """A file the user named cannot be read as input."""


def read_regular_file(path: Path | str, *, limit: int) -> bytes:
    """The bytes of a regular file of at most *limit* bytes. A device (/dev/zero, read for
    ever), a pipe (which blocks until a writer comes) or a folder is refused before it is
    read, and so is a file that grows past *limit* while it is read."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise InputRefused("input.not_a_file", path=path)
        if info.st_size > limit:
            raise InputRefused("input.too_large", path=path, limit=limit)
        with open(path, "rb", opener=open_without_waiting) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise InputRefused("input.not_a_file", path=path)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputRefused("input.not_found", path=path) from None
    except OSError as exc:
        raise InputRefused("input.unreadable", path=path, reason=exc.strerror or exc) from None
    if len(data) > limit:
        raise InputRefused("input.too_large", path=path, limit=limit)
    return data


def open_without_waiting(path: str, flags: int) -> int:
    """An ``open()`` opener that never waits on a pipe (O_NONBLOCK where there is one)."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))
