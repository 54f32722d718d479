"""Putting restored data in place of the old, so that a crash at any moment is recoverable.

The restored database, photos and reports are complete, checked and flushed in a staging
folder (``.restore-XXXXXXXX.tmp`` in the data folder) before the swap starts. The swap then:

1. makes a new, uniquely named aside folder (``before-restore-YYYYMMDD-HHMMSS``, with ``-2``,
   ``-3`` … if that name is taken; never an existing one);
2. writes a journal, ``.restore-journal.json``, naming the staging folder, the aside folder, the
   old entries to move aside and the new ones to move in (written whole: renamed into place);
3. renames each old entry (database, its -wal and -shm, media/, reports/) into the aside folder;
4. renames each new entry from the staging folder into the data folder;
5. removes the journal.

Every step is a rename inside one folder tree, and every rename is flushed. A process that
finds the journal (the next start of the window or of any command, under the exclusive folder
lock) finishes the swap when the staged data is all there, and otherwise puts the old data
back; either way it says what it did. Old data is moved, never deleted.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checklists.errors import UserError, messages
from inspection.files import fsync_dir, write_atomic

JOURNAL_NAME = ".restore-journal.json"
ASIDE_PREFIX = "before-restore-"
OLD_ENTRIES = ("inspections.db", "inspections.db-wal", "inspections.db-shm", "media", "reports")
NEW_ENTRIES = ("inspections.db", "media", "reports")

MESSAGES = messages({
    "restore.recovered_forward": (
        "上次恢复备份时程序中断；现已完成那次恢复。恢复前的数据保存在 {aside}。",
        "The last restore was interrupted; it has now been completed. The data from before it"
        " is kept in {aside}."),
    "restore.recovered_back": (
        "上次恢复备份时程序中断，且恢复用的数据已不完整；已把数据文件夹放回恢复前的样子。"
        "如仍需要，请重新恢复备份。",
        "The last restore was interrupted and its staged data is incomplete; the data folder"
        " has been put back as it was before. Restore the backup again if you still need it."),
    "restore.bad_journal": (
        "数据文件夹 {folder} 中有一份无法读取的恢复记录（{journal}）；为免丢失数据，程序没有改动任何东西。"
        "请检查该文件夹中的 before-restore-… 文件夹，或联系技术支持。",
        "The data folder {folder} holds an unreadable restore journal ({journal}); to lose"
        " nothing, nothing was changed. Look at the before-restore-… folders in it, or ask for"
        " support."),
})


class Notice(UserError):
    """Something the program did that the user should be told (not an error)."""


@dataclass(frozen=True)
class Journal:
    staging: str
    aside: str | None
    old: tuple[str, ...]
    new: tuple[str, ...]


def unique_aside(root: Path, now: datetime | None = None) -> Path:
    """A new, empty folder for the data a restore replaces; an existing one is never reused."""
    stem = f"{ASIDE_PREFIX}{(now or datetime.now()):%Y%m%d-%H%M%S}"
    for n in range(1, 10_000):
        aside = root / (stem if n == 1 else f"{stem}-{n}")
        try:
            aside.mkdir()
        except FileExistsError:
            continue
        fsync_dir(root)
        return aside
    raise FileExistsError(root / stem)


def swap_in(staging: Path, root: Path) -> Path | None:
    """Replace the data in *root* with the staged entries (see the module docstring).

    Returns the aside folder holding the old data (None when there was none). The caller holds
    the folder lock exclusively and has flushed everything in *staging*.
    """
    old = tuple(name for name in OLD_ENTRIES if os.path.lexists(root / name))
    new = tuple(name for name in NEW_ENTRIES if (staging / name).exists())
    aside = unique_aside(root) if old else None
    journal = Journal(staging=staging.name, aside=aside.name if aside else None, old=old, new=new)
    _write_journal(root, journal)
    _forward(root, journal)
    _finish(root)
    return aside


def recover(root: Path) -> Notice | None:
    """Finish or undo a swap a crash interrupted; None when there was nothing to do.

    The caller holds the folder lock exclusively.
    """
    path = root / JOURNAL_NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        journal = Journal(staging=_name(data["staging"]),
                          aside=_name(data["aside"]) if data["aside"] is not None else None,
                          old=tuple(_entry(n, OLD_ENTRIES) for n in data["old"]),
                          new=tuple(_entry(n, NEW_ENTRIES) for n in data["new"]))
    except (OSError, ValueError, KeyError, TypeError):
        raise Notice("restore.bad_journal", folder=root, journal=path) from None
    staging = root / journal.staging
    aside = root / journal.aside if journal.aside else None
    if all(_staged_or_in_place(root, journal, name) for name in journal.new):
        _forward(root, journal)
        _finish(root)
        with contextlib.suppress(OSError):
            shutil.rmtree(staging)
        return Notice("restore.recovered_forward", aside=aside or "-")
    _back(root, journal)
    _finish(root)
    with contextlib.suppress(OSError):
        shutil.rmtree(staging)
    return Notice("restore.recovered_back")


def _name(value: object) -> str:
    if not isinstance(value, str) or not value or "/" in value or "\\" in value \
            or value in (".", ".."):
        raise ValueError(value)
    return value


def _entry(value: object, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ValueError(value)
    return str(value)


def _write_journal(root: Path, journal: Journal) -> None:
    write_atomic(root / JOURNAL_NAME, json.dumps(
        {"staging": journal.staging, "aside": journal.aside, "old": list(journal.old),
         "new": list(journal.new)}, ensure_ascii=False).encode("utf-8"))


def _moved_aside(root: Path, journal: Journal, name: str) -> bool:
    return journal.aside is not None and os.path.lexists(root / journal.aside / name)


def _staged_or_in_place(root: Path, journal: Journal, name: str) -> bool:
    """The new entry *name* is still staged, or already moved into the data folder."""
    if (root / journal.staging / name).exists():
        return True
    in_root = os.path.lexists(root / name)
    # What stands in the data folder is the new entry unless it is an old one not yet moved.
    return in_root and (name not in journal.old or _moved_aside(root, journal, name))


def _forward(root: Path, journal: Journal) -> None:
    staging = root / journal.staging
    if journal.old:
        aside = root / (journal.aside or "")
        aside.mkdir(exist_ok=True)
        for name in journal.old:
            if os.path.lexists(root / name) and not _moved_aside(root, journal, name):
                os.rename(root / name, aside / name)
        fsync_dir(aside)
        fsync_dir(root)
    for name in journal.new:
        if (staging / name).exists():
            if os.path.lexists(root / name):  # not ours: keep it, never overwrite it
                keep = unique_aside(root)
                os.rename(root / name, keep / name)
            os.rename(staging / name, root / name)
    fsync_dir(root)


def _back(root: Path, journal: Journal) -> None:
    staging = root / journal.staging
    staging.mkdir(exist_ok=True)
    for name in journal.new:
        moved_in = os.path.lexists(root / name) and (
            name not in journal.old or _moved_aside(root, journal, name))
        if moved_in and not os.path.lexists(staging / name):
            os.rename(root / name, staging / name)
    for name in journal.old:
        if _moved_aside(root, journal, name) and not os.path.lexists(root / name):
            os.rename(root / (journal.aside or "") / name, root / name)
    fsync_dir(root)
    if journal.aside is not None:
        with contextlib.suppress(OSError):
            (root / journal.aside).rmdir()  # empty again: everything went back


def _finish(root: Path) -> None:
    (root / JOURNAL_NAME).unlink(missing_ok=True)
    fsync_dir(root)
