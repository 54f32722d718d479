"""Content-addressed files on the hub: photos, report-size copies, annotation layers,
signatures, reports and every other bundle member, named by SHA-256 and stored once.

An upload is one transaction: each file's 1 MB chunks, then ``hub.finish_blob``, which checks
that they hash to the name and add up to the size; small files go several to a transaction (one
flush to disk), pipelined. A cut upload rolls back whole and leaves nothing visible; the next
sync sends those files again. A file the hub has from someone else is *claimed*:
the caller sends its bytes, the hub checks them against the name and keeps its one copy.
(Measured against large objects: see tests/bench/bench_hub_blobs.py and the hub's notes.)
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from inspection.files import sha256_file, write_atomic
from inspection.hub.errors import HubRefused, sql_error

log = logging.getLogger(__name__)

CHUNK_SIZE = 1 << 20
HELD, STORED, MISSING = "held", "stored", "missing"

Progress = Callable[[int], None]  # bytes just sent


def blob_status(conn: psycopg.Connection, sha256s: Iterable[str]) -> dict[str, str]:
    """Each hash → held (the caller may read it), stored (someone else sent it) or missing."""
    wanted = sorted(set(sha256s))
    if not wanted:
        return {}
    try:
        rows = conn.execute("SELECT sha256, state FROM hub.blob_status(%s)", [wanted]).fetchall()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        raise sql_error(exc, what="blob_status") from None
    return dict(rows)


@dataclass(frozen=True)
class BlobUpload:
    """One file to put on the hub: its name (SHA-256), size, and its bytes or where they are."""

    sha256: str
    size: int
    path: Path | None = None
    data: bytes | None = field(default=None, repr=False)
    state: str = MISSING  # what blob_status said: missing, or stored (someone else's)

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            for start in range(0, max(len(self.data), 1), CHUNK_SIZE):
                yield self.data[start:start + CHUNK_SIZE]
            return
        assert self.path is not None
        with open(self.path, "rb") as handle:
            first = True
            for block in iter(lambda: handle.read(CHUNK_SIZE), b""):
                first = False
                yield block
            if first:
                yield b""

    def read(self) -> bytes:
        return b"".join(self.chunks())


def upload_batch(conn: psycopg.Connection, blobs: list[BlobUpload], *,
                 progress: Progress | None = None) -> None:
    """Put several files on the hub in one transaction (one flush to disk for all of them),
    pipelined: each is checked against its name by the hub; any refusal stores none of them."""
    try:
        with conn.transaction(), conn.pipeline():
            for blob in blobs:
                if blob.state == STORED:
                    conn.execute("SELECT hub.claim_blob(%s, %s)", [blob.sha256, blob.read()])
                    if progress:
                        progress(blob.size)
                    continue
                for seq, data in enumerate(blob.chunks()):
                    conn.execute("SELECT hub.put_blob_chunk(%s, %s, %s)", [blob.sha256, seq, data])
                    if progress:
                        progress(len(data))
                conn.execute("SELECT hub.finish_blob(%s, %s)", [blob.sha256, blob.size])
    except psycopg.errors.UniqueViolation:
        raise BlobRace from None
    except psycopg.Error as exc:
        if (exc.diag.message_primary or "") == "hub.blob_exists":
            raise BlobRace from None
        raise sql_error(exc, what="put_blob") from None


class BlobRace(Exception):
    """Someone sent one of these files at the same moment (send them again: they are claimed)."""


def upload_one(conn: psycopg.Connection, blob: BlobUpload, *, progress: Progress | None = None) -> str:
    """One file, claimed if another sender's copy arrived first; returns sent or claimed."""
    for _ in range(2):
        try:
            upload_batch(conn, [blob], progress=progress)
            return "claimed" if blob.state == STORED else "sent"
        except BlobRace:
            blob = BlobUpload(blob.sha256, blob.size, blob.path, blob.data, state=STORED)
    raise HubRefused("hub.blob_exists", sha256=blob.sha256)


def upload_bytes(conn: psycopg.Connection, data: bytes) -> str:
    """Put *data* on the hub; returns its SHA-256."""
    sha256 = hashlib.sha256(data).hexdigest()
    state = blob_status(conn, [sha256]).get(sha256, MISSING)
    if state != HELD:
        upload_one(conn, BlobUpload(sha256, len(data), data=data, state=state))
    return sha256


def read_blob(conn: psycopg.Connection, sha256: str) -> bytes:
    """The bytes of a blob the caller may read, checked against its name."""
    try:
        rows = conn.execute("SELECT data FROM hub.blob_chunks WHERE sha256 = %s ORDER BY seq",
                            [sha256]).fetchall()
        size = conn.execute("SELECT size FROM hub.blobs WHERE sha256 = %s", [sha256]).fetchone()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        raise sql_error(exc, what="read_blob") from None
    data = b"".join(bytes(r[0]) for r in rows)
    if size is None or hashlib.sha256(data).hexdigest() != sha256:
        raise HubRefused("hub.missing_blob", name=sha256)
    return data


def download_blob(conn: psycopg.Connection, sha256: str, target: Path) -> Path:
    """Write a blob to *target* (atomically), unless a file with that hash is there already."""
    target = Path(target)
    if target.is_file() and sha256_file(target) == sha256:
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(target, read_blob(conn, sha256))
    return target
