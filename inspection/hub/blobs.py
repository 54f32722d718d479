"""Content-addressed files on the hub: photos, report-size copies, annotation layers,
signatures, reports and every other bundle member, named by SHA-256 and stored once.

An upload is one transaction: its 1 MB chunks, then ``hub.finish_blob``, which checks that they
hash to the name and add up to the size. A cut upload rolls back whole and leaves nothing
visible; the next sync sends the file again. A file the hub has from someone else is *claimed*:
the caller sends its bytes, the hub checks them against the name and keeps its one copy.
(Measured against large objects: see tests/bench/bench_hub_blobs.py and the hub's notes.)
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
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


def _chunks(path: Path) -> Iterable[bytes]:
    with open(path, "rb") as handle:
        yield from iter(lambda: handle.read(CHUNK_SIZE), b"")


def upload_file(conn: psycopg.Connection, path: Path, sha256: str, size: int, *,
                state: str = MISSING, progress: Progress | None = None) -> str:
    """Put the file *path* on the hub under *sha256*; returns what happened (sent, claimed, held).

    *state* is what :func:`blob_status` said. The file is read as it is sent; if its bytes do not
    hash to *sha256* the hub refuses it and nothing is stored.
    """
    if state == HELD:
        return HELD
    try:
        if state == STORED:
            with conn.transaction():
                conn.execute("SELECT hub.claim_blob(%s, %s)", [sha256, Path(path).read_bytes()])
            if progress:
                progress(size)
            return "claimed"
        try:
            with conn.transaction():
                for seq, data in enumerate(_chunks(path)):
                    conn.execute("SELECT hub.put_blob_chunk(%s, %s, %s)", [sha256, seq, data])
                    if progress:
                        progress(len(data))
                conn.execute("SELECT hub.finish_blob(%s, %s)", [sha256, size])
        except psycopg.errors.UniqueViolation:
            # Someone sent the same file at the same moment and finished first: claim theirs.
            with conn.transaction():
                conn.execute("SELECT hub.claim_blob(%s, %s)", [sha256, Path(path).read_bytes()])
            return "claimed"
        except psycopg.Error as exc:
            if (exc.diag.message_primary or "") == "hub.blob_exists":
                with conn.transaction():
                    conn.execute("SELECT hub.claim_blob(%s, %s)", [sha256, Path(path).read_bytes()])
                return "claimed"
            raise
    except psycopg.Error as exc:
        raise sql_error(exc, what="put_blob") from None
    return "sent"


def upload_bytes(conn: psycopg.Connection, data: bytes) -> str:
    """Put *data* on the hub; returns its SHA-256 (small members: rows, manifests, signatures)."""
    sha256 = hashlib.sha256(data).hexdigest()
    state = blob_status(conn, [sha256]).get(sha256, MISSING)
    try:
        with conn.transaction():
            if state == STORED:
                conn.execute("SELECT hub.claim_blob(%s, %s)", [sha256, data])
            elif state == MISSING:
                for seq in range(max(1, -(-len(data) // CHUNK_SIZE))):
                    conn.execute("SELECT hub.put_blob_chunk(%s, %s, %s)",
                                 [sha256, seq, data[seq * CHUNK_SIZE:(seq + 1) * CHUNK_SIZE]])
                conn.execute("SELECT hub.finish_blob(%s, %s)", [sha256, len(data)])
    except psycopg.Error as exc:
        raise sql_error(exc, what="put_blob") from None
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
