"""Bundle files and the hub: push a ``.pib`` brought on a USB stick (``hub push``), and write a
revision stored on the hub out as a ``.pib`` (``hub export``, a reviewer's copy).

A file is checked whole by the bundle's own checks before anything reaches the hub (signature,
every member's hash and size, the rows' schema, zip bombs and unsafe names); the hub then checks
every file's bytes against its name again. A bundle that fails is refused whole; nothing stored.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from inspection.bundle.reader import ZipSource
from inspection.hub.connection import HubSession
from inspection.hub.fetch import HubSource, current_revision, write_bundle
from inspection.hub.push import Progress, push_revision
from inspection.hub.revision import remove_folder, upload_from_bundle


def push_bundle_file(session: HubSession, path: Path, *, keys_dir: Path,
                     progress: Progress | None = None) -> dict[str, Any]:
    """Push the revision in the .pib file *path*; returns the hub's answer."""
    folder = Path(tempfile.mkdtemp(prefix="pi-push-"))
    try:
        with ZipSource(path) as source:
            upload = upload_from_bundle(source, folder=folder, keys_dir=keys_dir)
        result = push_revision(session.conn, upload, progress=progress)
    finally:
        remove_folder(folder)
    return {"inspection_id": upload.inspection_id, "revision": upload.payload["inspection"]["revision"],
            "status": upload.payload["inspection"]["status"], **result}


def export_revision(session: HubSession, inspection_id: str, out: Path, *,
                    revision: int | None = None) -> Path:
    """The hub's current revision of *inspection_id* (or its stored *revision*) as a .pib."""
    if revision is None:
        revision_id = current_revision(session.conn, inspection_id)
    else:
        row = session.conn.execute(
            "SELECT id FROM hub.revisions WHERE inspection_id = %s AND revision = %s"
            " ORDER BY (status = 'signed') DESC, pushed_at DESC LIMIT 1", [inspection_id, revision]).fetchone()
        session.conn.commit()
        if row is None:
            from inspection.hub.errors import HubRefused
            raise HubRefused("hub.no_inspection", id=f"{inspection_id} r{revision}")
        revision_id = int(row[0])
    return write_bundle(HubSource(session.conn, revision_id), Path(out))
