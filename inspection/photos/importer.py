"""Evidence photos (现场照片): import image files into the data folder, many at a time.

``prepare_photos`` takes the files an inspector dropped (JPEG, PNG, HEIC/HEIF), refuses the bad
ones with a one-line reason, and for each good one stores the original untouched under its
SHA-256 and a report-size JPEG (long edge 1600 px, upright), and returns a ``PreparedPhoto`` with
a thumbnail, the EXIF time and GPS and the upright size. The caller records it with
``Store.add_photo``, afterwards or as soon as it is ready (``on_outcome``). No Qt, no SQL: the
UI runs it in its task runner, the command line directly.

Files are worked on in threads: Pillow and hashlib release the GIL while decoding, resizing,
encoding and hashing, and two threads were as fast as two processes
(tests/bench/bench_photo_import.py) without a process start, pickling, or ``freeze_support`` in
the frozen Windows build. As many files as there are cores (up to four) are decoded at once,
and one more is read or written meanwhile: a file's fsync no longer leaves a core idle. How one
file is checked and stored is in ``image_file``.
"""
from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from checklists.errors import Message, messages
from inspection.model import InspectionSnapshot, Photo, PreparedPhoto
from inspection.paths import DataDir
from inspection.photos.image_file import (
    IMAGE_SUFFIXES,
    MAX_PIXELS,
    REPORT_LONG_EDGE,
    THUMBNAIL_LONG_EDGE,
    PhotoRejected,
    as_data_dir,
    prepare_photo,
    remove_stale_temp_files,
)

__all__ = ["prepare_photos", "prepare_photo", "collect_image_files", "missing_report_images",
           "ImportResult", "Rejected",
           "PhotoRejected", "remove_stale_temp_files", "IMAGE_SUFFIXES", "MAX_PIXELS",
           "REPORT_LONG_EDGE", "THUMBNAIL_LONG_EDGE"]

log = logging.getLogger(__name__)
MESSAGES = messages({
    "photo.reason.failed": ("处理时出错（{kind}：{error}）", "an error while processing it ({kind}: {error})"),
})



def _cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# Photos decoded at once: one a core, up to four (each holds a decoded camera photo, ~10 MB).
DECODING_AT_ONCE = max(1, min(_cores(), 4))

ProgressCallback = Callable[[int, int, str], None]
CancelCheck = Callable[[], bool]
OutcomeCallback = Callable[[int, "PreparedPhoto | Rejected"], None]


@dataclass(frozen=True)
class Rejected:
    """A file that was not imported, and why (one line, for the inspector: ``str(reason)`` or
    ``reason.text(language)``)."""

    path: Path
    reason: Message


@dataclass
class ImportResult:
    """What a batch import did: good photos in input order, refusals, and files not reached."""

    prepared: list[PreparedPhoto] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    cancelled: list[Path] = field(default_factory=list)

    @property
    def was_cancelled(self) -> bool:
        return bool(self.cancelled)


# --- photos of an inspection ---------------------------------------------------------------

def missing_report_images(snapshot: InspectionSnapshot,
                          data_dir: DataDir | Path | str) -> list[Photo]:
    """The snapshot's photos whose report-size image file (``DataDir.report_image``) is missing.

    The report draws 照片文件缺失 in their place; signing asks for a confirmation first.
    Reads the folder: not for the UI thread.
    """
    data_dir = as_data_dir(data_dir)
    return [p for p in snapshot.photos if p.deleted_at is None
            and not data_dir.report_image(p.sha256).is_file()]


# --- finding files --------------------------------------------------------------------------

def collect_image_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand dropped folders into their photo files (recursive, by extension, sorted).

    Files named explicitly are kept whatever their extension, so that a wrong one is refused
    with a reason rather than silently skipped; a path given twice is kept once. Hidden files
    are skipped in folders: cameras and macOS leave ``._IMG_0001.JPG`` companions there.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            candidates = sorted(
                (p for p in path.rglob("*")
                 if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()
                 and not any(part.startswith(".") for part in p.relative_to(path).parts)),
                key=lambda p: p.relative_to(path).as_posix().casefold())
        else:
            candidates = [path]
        for candidate in candidates:
            key = candidate.absolute()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


# --- many photos -------------------------------------------------------------------------

def prepare_photos(paths: Sequence[Path | str], data_dir: DataDir | Path | str, *,
                   progress: ProgressCallback | None = None,
                   should_cancel: CancelCheck | None = None,
                   on_outcome: OutcomeCallback | None = None,
                   workers: int | None = None) -> ImportResult:
    """Import many image files, *workers* at a time; bad files are listed, not raised.

    By default one file more than :data:`DECODING_AT_ONCE`: that many are decoded and encoded
    at once (one a core), while one more is being read or written and flushed to disk.

    ``on_outcome(index, outcome)`` is called in the caller's thread as each file finishes,
    with its index in *paths* and its ``PreparedPhoto`` or ``Rejected``: the caller can record
    a photo as soon as it is stored. ``progress(done, total, name)`` follows it. Should
    ``on_outcome`` raise, no further file is started, the ones in flight are finished, and
    the exception propagates. ``should_cancel()`` is polled before each file is started. On
    cancel the files being worked on are finished (a file is stored whole or not at all), and
    the ones not started are returned in ``cancelled``.
    """
    files = [Path(p) for p in paths]
    data_dir = as_data_dir(data_dir)
    remove_stale_temp_files(data_dir)
    outcomes: dict[int, PreparedPhoto | Rejected] = {}
    total = len(files)
    waiting = iter(enumerate(files))

    def next_file() -> tuple[int, Path] | None:
        if should_cancel is not None and should_cancel():
            return None
        return next(waiting, None)

    def finished(index: int, outcome: PreparedPhoto | Rejected) -> None:
        outcomes[index] = outcome
        if on_outcome is not None:
            on_outcome(index, outcome)
        if progress is not None:
            progress(len(outcomes), total, files[index].name)

    workers = DECODING_AT_ONCE + 1 if workers is None else workers
    gate = threading.BoundedSemaphore(min(workers, DECODING_AT_ONCE))
    if workers <= 1 or total <= 1:
        while (item := next_file()) is not None:
            finished(item[0], _prepare_outcome(item[1], data_dir))
    else:
        # Only *workers* files in flight: a cancel takes effect after at most that many, and
        # memory stays at a few decoded photos whatever the batch size.
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="photo") as pool:
            running: dict[Future, int] = {}
            stopped = False
            while True:
                while not stopped and len(running) < workers:
                    item = next_file()
                    if item is None:
                        stopped = True
                        break
                    running[pool.submit(_prepare_outcome, item[1], data_dir, gate)] = item[0]
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in sorted(done, key=running.__getitem__):
                    finished(running.pop(future), future.result())
    result = ImportResult()
    for index, path in enumerate(files):
        outcome = outcomes.get(index)
        if outcome is None:
            result.cancelled.append(path)
        elif isinstance(outcome, Rejected):
            result.rejected.append(outcome)
        else:
            result.prepared.append(outcome)
    return result


def _prepare_outcome(path: Path, data_dir: DataDir,
                     decoding: threading.BoundedSemaphore | None = None) -> PreparedPhoto | Rejected:
    """prepare_photo that returns its refusal, so one bad file never stops a batch."""
    try:
        return prepare_photo(path, data_dir, decoding=decoding)
    except PhotoRejected as exc:
        return Rejected(path, exc.reason)
    except Exception as exc:  # a bug or MemoryError on one file: report it, keep going
        log.exception("photo import failed: %s", path)
        return Rejected(path, Message("photo.reason.failed", kind=type(exc).__name__, error=str(exc)))
