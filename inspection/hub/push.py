"""Pushing one inspection revision to the hub: its files as blobs, then its rows in one call.

The files go first, each in its own transaction (a cut keeps the files already sent and loses
only the one in flight); then ``hub.push_revision`` stores the revision whole — rows, file list,
park proposal, and the inspection's summary — in one transaction, or nothing. Pushing the same
content again changes nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from inspection.hub.blobs import (
    HELD,
    MISSING,
    STORED,
    BlobRace,
    BlobUpload,
    blob_status,
    upload_batch,
    upload_one,
)
from inspection.hub.errors import SyncCancelled, sql_error
from inspection.hub.rows import one_row

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # bytes done, bytes in all
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class RevisionFile:
    """A member of the revision's bundle: its name there, hash, size, and where its bytes are."""

    name: str
    sha256: str
    size: int
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)


@dataclass
class RevisionUpload:
    """What the hub stores of one revision: the rows (``hub.push_revision``'s payload) and files."""

    payload: dict[str, Any]
    files: list[RevisionFile]

    @property
    def inspection_id(self) -> str:
        return str(self.payload["inspection"]["id"])

    @property
    def content_sha256(self) -> str:
        return str(self.payload["content_sha256"])

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files)


BATCH_BYTES = 8 << 20  # files sent in one transaction: one flush; a cut loses at most this much
BATCH_FILES = 256


def send_files(conn: psycopg.Connection, files: list[RevisionFile], *,
               progress: Progress | None = None, cancelled: Cancelled | None = None,
               done_before: int = 0, total: int | None = None) -> dict[str, int]:
    """Put on the hub every file it does not hold for us yet; returns counts by outcome."""
    total = total if total is not None else done_before + sum(f.size for f in files)
    states = blob_status(conn, [f.sha256 for f in files])
    counts = {"sent": 0, "claimed": 0, "held": 0}
    done = done_before
    wanted: dict[str, BlobUpload] = {}
    for item in files:
        state = states.get(item.sha256, MISSING)
        if state == HELD or item.sha256 in wanted:
            counts["held"] += 1
            done += item.size
            continue
        wanted[item.sha256] = BlobUpload(item.sha256, item.size, item.path, item.data, state=state)
    if progress:
        progress(done, total)
    for batch in _batches(list(wanted.values())):
        if cancelled and cancelled():
            raise SyncCancelled("hub.cancelled")
        try:
            upload_batch(conn, batch, progress=_chunk_progress(progress, done, total))
            for blob in batch:
                counts["claimed" if blob.state == STORED else "sent"] += 1
        except BlobRace:  # another sender's copy of one of them arrived first: one by one
            for blob in batch:
                counts[upload_one(conn, blob)] += 1
        done += sum(b.size for b in batch)
        if progress:
            progress(done, total)
    return counts


def _batches(blobs: list[BlobUpload]) -> list[list[BlobUpload]]:
    batches: list[list[BlobUpload]] = []
    current: list[BlobUpload] = []
    size = 0
    for blob in blobs:
        if current and (size + blob.size > BATCH_BYTES or len(current) >= BATCH_FILES):
            batches.append(current)
            current, size = [], 0
        current.append(blob)
        size += blob.size
    if current:
        batches.append(current)
    return batches


def _chunk_progress(progress: Progress | None, base: int, total: int) -> Callable[[int], None] | None:
    """Per-chunk progress of one batch, as bytes done of the whole push."""
    if progress is None:
        return None
    sent = 0

    def on_chunk(n: int) -> None:
        nonlocal sent
        sent += n
        progress(min(total, base + sent), total)

    return on_chunk


def store_revision(conn: psycopg.Connection, upload: RevisionUpload) -> dict[str, Any]:
    """``hub.push_revision``: the revision whole, or an error and nothing stored."""
    payload = dict(upload.payload)
    payload["files"] = [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in upload.files]
    try:
        with conn.transaction():
            result = one_row(conn.execute("SELECT hub.push_revision(%s)", [Jsonb(payload)]))[0]
    except psycopg.Error as exc:
        raise sql_error(exc, what="push") from None
    return dict(result)


def push_revision(conn: psycopg.Connection, upload: RevisionUpload, *,
                  progress: Progress | None = None, cancelled: Cancelled | None = None,
                  done_before: int = 0, total: int | None = None) -> dict[str, Any]:
    """Files, then rows; returns the hub's answer (outcome, revision_id, current, park)."""
    counts = send_files(conn, upload.files, progress=progress, cancelled=cancelled,
                        done_before=done_before, total=total)
    if cancelled and cancelled():
        raise SyncCancelled("hub.cancelled")
    result = store_revision(conn, upload)
    result["files"] = counts
    log.info("pushed %s r%s (%s): %s, files %s", upload.inspection_id,
             upload.payload["inspection"].get("revision"), upload.content_sha256[:12],
             result.get("outcome"), counts)
    return result
