"""A revision on the hub read back as a bundle: the bundle importer reads it member by member
(:class:`HubSource`, the bundle's ``MemberSource``), so a laptop can merge the hub's copy of its
own inspection; and it can be written out as a ``.pib`` file (a reviewer's copy, a USB stick).
The importer checks it exactly as it checks a file: signature, hashes, sizes, rows."""
from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import psycopg

from inspection.bundle.format import MANIFEST, SIGNATURE
from inspection.files import atomic_target
from inspection.hub.errors import HubRefused, sql_error


class HubSource:
    """The members of one stored revision, read from the hub's blobs as they are asked for."""

    def __init__(self, conn: psycopg.Connection, revision_id: int) -> None:
        self.conn = conn
        try:
            rows = conn.execute("SELECT name, sha256, size FROM hub.revision_files WHERE revision_id = %s",
                                [revision_id]).fetchall()
            conn.commit()
        except psycopg.Error as exc:
            conn.rollback()
            raise sql_error(exc, what="fetch") from None
        if not rows:
            raise HubRefused("hub.no_inspection", id=str(revision_id))
        self.files = {name: (sha, size) for name, sha, size in rows}

    def names(self) -> set[str]:
        return set(self.files)

    def size(self, name: str) -> int:
        return int(self.files[name][1])

    def chunks(self, name: str) -> Iterator[bytes]:
        try:
            with self.conn.cursor() as cursor:
                cursor.execute("SELECT data FROM hub.blob_chunks WHERE sha256 = %s ORDER BY seq",
                               [self.files[name][0]])
                for (data,) in cursor:
                    yield bytes(data)
            self.conn.commit()
        except psycopg.Error as exc:
            self.conn.rollback()
            raise sql_error(exc, what="fetch") from None


def current_revision(conn: psycopg.Connection, inspection_id: str) -> int:
    """The hub's current revision (its stored row) of an inspection the caller may read."""
    try:
        row = conn.execute("SELECT current_revision FROM hub.inspections WHERE id = %s",
                           [inspection_id]).fetchone()
        conn.commit()
    except psycopg.Error as exc:
        conn.rollback()
        raise sql_error(exc, what="fetch") from None
    if row is None:
        raise HubRefused("hub.no_inspection", id=inspection_id)
    return int(row[0])


def write_bundle(source: HubSource, out: Path) -> Path:
    """The revision as a .pib file (all of it or nothing)."""
    names = sorted(source.names() - {MANIFEST, SIGNATURE})
    names += [n for n in (MANIFEST, SIGNATURE) if n in source.files]
    with atomic_target(out) as partial, zipfile.ZipFile(partial, "w", allowZip64=True) as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
            info.external_attr = 0o100644 << 16
            info.create_system = 3
            with archive.open(info, "w", force_zip64=True) as target:
                for chunk in source.chunks(name):
                    target.write(chunk)
    return Path(out)
