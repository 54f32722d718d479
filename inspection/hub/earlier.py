"""整改前 from the hub: the photos of another inspector's earlier visit that a revisit here
continues (a finding carried from the hub's open findings: ``findings.carried_from_uid`` with
no such finding in this folder). Sync asks the hub once per finding (hub schema 0009:
``hub.earlier_photos``, ``hub.earlier_photo_chunks``) and keeps the report-size copies in
media/earlier/ (DataDir.earlier_image), each checked against its hash before it is kept.

The hub answers only for findings the caller may continue (open on the hub, or carried into a
revision the caller pushed); a finding it does not answer for is asked again at the next sync.
A photo that does not arrive whole is left out and the finding asked again, as is one whose
kept copy is gone (a backup restored: backups keep the photos this folder took, not these);
the report says when a "before" is not here (inspection/report/pairs.py).
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from typing import Any

import psycopg

from inspection.files import write_atomic
from inspection.hub.connection import HubSession
from inspection.hub.errors import sql_error
from inspection.store import Store

log = logging.getLogger(__name__)

MAX_PHOTO_BYTES = 32 * 1024 * 1024  # a report-size copy is a few hundred kB


def _photo_bytes(session: HubSession, finding_uid: str, sha256: str) -> bytes:
    data = bytearray()
    with session.conn.cursor() as cursor:
        cursor.execute("SELECT data FROM hub.earlier_photo_chunks(%s, %s)", [finding_uid, sha256])
        for (chunk,) in cursor:
            data += chunk
            if len(data) > MAX_PHOTO_BYTES:
                break
    return bytes(data)


def pull_earlier_photos(session: HubSession, store: Store) -> int:
    """Fetch the "before" photos the folder lacks; returns how many photos arrived."""
    store.forget_missing_earlier_photos()  # (a restored backup has the rows, not the copies)
    wanted = store.earlier_photos_wanted()
    if not wanted:
        return 0
    try:
        cursor = session.conn.execute("SELECT * FROM hub.earlier_photos(%s::uuid[])", [wanted])
        names = [c.name for c in cursor.description or []]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        session.conn.commit()
    except psycopg.Error as exc:
        session.conn.rollback()
        raise sql_error(exc, what="pull") from None
    by_finding: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_finding[str(row["finding_id"])].append(row)
    arrived = 0
    for finding_uid, found in by_finding.items():
        photos, whole = [], True
        for row in (r for r in found if r["photo_id"] is not None):
            sha = str(row["report_sha256"])
            target = store.data_dir.earlier_image(sha)
            if not target.is_file():
                try:
                    data = _photo_bytes(session, finding_uid, sha)
                    session.conn.commit()
                except psycopg.Error as exc:
                    session.conn.rollback()
                    raise sql_error(exc, what="pull") from None
                if hashlib.sha256(data).hexdigest() != sha:
                    log.warning("earlier photo %s of finding %s did not arrive whole", sha[:12], finding_uid)
                    whole = False
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                write_atomic(target, data)
                arrived += 1
            photos.append({**row, "taken_at": row["taken_at"].isoformat() if row["taken_at"] else None})
        if whole:  # else asked again at the next sync
            first = found[0]
            store.record_earlier_photos(session.hub_id, finding_uid,
                                        {"inspection_id": first["inspection_id"],
                                         "inspection_date": first["inspection_date"].isoformat()}, photos)
    log.info("earlier photos: asked about %d findings, %d answered, %d photos fetched",
             len(wanted), len(by_finding), arrived)
    return arrived
