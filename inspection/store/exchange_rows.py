"""The rows of an imported bundle as the store writes them: what the importer hands over
(:class:`Incoming`), how an item's key selects its row, the table columns of a bundle record, and
a conflict's sides kept with the blobs they name."""
from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from inspection.bundle.errors import BundleRefused
from inspection.bundle.merge import Side


class Queries(Protocol):
    """The store's connection (what runs a query inside the import's transaction)."""

    def execute(self, sql: str, parameters: Any = ..., /) -> Any: ...


@dataclass
class Incoming:
    """What the importer hands the store: checked rows, blobs, audit rows, placed files."""

    rows: dict
    audit: list[dict]
    signature_images: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    annotations: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    thumbnails: Mapping[str, bytes] = field(default_factory=dict, repr=False)
    report_paths: Mapping[str, str] = field(default_factory=dict)  # sha → recorded path
    seal: dict | None = None  # manifest, signature, rows, audit bytes of a signed revision
    source: str = ""  # the bundle's file name (shown with its conflicts)
    templates: list[dict] = field(default_factory=list)  # carried templates (as data) to install
    installed_templates: list[str] = field(default_factory=list)  # filled in: the new ones
    detail: dict = field(default_factory=dict)  # for the audit row


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


TABLES = {"answer": "answers", "finding": "findings", "photo": "photos",
          "signature": "signatures"}
KEY_SQL = {"answer": "json_array(?, ?)", "finding": "?", "signature": "json_array(?, ?, ?)"}


def key_params(entity: str, key: Any) -> list:
    return [key] if entity == "finding" else list(key)


def key_where(entity: str, key: Any) -> tuple[str, list]:
    if entity == "answer":
        return "template_id = ? AND item_code = ?", list(key)
    if entity == "finding":
        return "uid = ?", [key]
    if entity == "photo":
        return "sha256 = ?", [key]
    return "revision = ? AND role = ? AND name = ?", list(key)


def key_text(entity: str, key: Any) -> str:
    """How a conflict row names its item's key (JSON of the key)."""
    return as_json(list(key) if isinstance(key, tuple) else key)


def conflict_key(entity: str, text: str) -> Any:
    value = json.loads(text)
    return tuple(value) if isinstance(value, list) else value


def row_values(entity: str, record: dict, incoming: Incoming, db: Queries) -> dict:
    """The table columns for a record of the bundle's rows."""
    if entity == "answer":
        return {"template_id": record["template_id"], "item_code": record["item_code"],
                "result": record["result"],
                "value": as_json(record["value"]) if record["value"] is not None else None,
                "note": record["note"], "answered_by": record["answered_by"],
                "answered_at": record["answered_at"]}
    if entity == "finding":
        carried = record["carried_from"]
        local = db.execute("SELECT id FROM findings WHERE uid = ?", [carried]).fetchone() \
            if carried else None
        return {k: record[k] for k in ("template_id", "item_code", "severity", "requirement",
                                       "deadline", "responsible", "status", "closing_note",
                                       "created_at", "closed_at")} | {
            "carried_from": local[0] if local else None, "carried_from_uid": carried}
    if entity == "photo":
        layer = record["annotations"]
        annotations = _blob(incoming.annotations, layer, "annotations").decode("utf-8") \
            if layer else "[]"
        gps = record["gps"] or [None, None]
        values = {k: record[k] for k in ("sha256", "ext", "original_name", "width", "height",
                                         "template_id", "item_code", "caption", "taken_at",
                                         "imported_at", "deleted_at")}
        values.update(gps_lat=gps[0], gps_lon=gps[1], annotations=annotations)
        thumbnail = incoming.thumbnails.get(record["sha256"])
        if thumbnail is not None:
            values["thumbnail"] = thumbnail
        return values
    return {"revision": record["revision"], "role": record["role"], "name": record["name"],
            "title": record["title"], "signed_at": record["signed_at"],
            "image_png": _blob(incoming.signature_images, record["image"], "image")}


def _blob(blobs: Mapping[str, bytes], sha: str, kind: str) -> bytes:
    """A blob the bundle carries, or one kept with a conflict being resolved."""
    data = blobs.get(sha)
    if data is None:
        raise BundleRefused("bundle.member_missing", member=f"{kind}/{sha}")
    return data


def with_blobs(side: Side, incoming: Incoming | None, db: Queries | None = None) -> dict:
    """A conflict side as kept: the record, its vector, and the blobs it names (base64)."""
    data = side.to_json()
    blobs: dict[str, str] = {}
    record = side.record or {}
    for field_name, source in (("image", "signature_images"), ("annotations", "annotations")):
        sha = record.get(field_name) if field_name in record else None
        if not sha or not isinstance(sha, str):
            continue
        found = getattr(incoming, source).get(sha) if incoming is not None else None
        if found is None and db is not None:
            found = _local_blob(db, field_name, sha)
        if found is not None:
            blobs[sha] = base64.b64encode(found).decode("ascii")
    data["blobs"] = blobs
    return data


def _local_blob(db: Queries, field_name: str, sha: str) -> bytes | None:
    column, table = ("image_png", "signatures") if field_name == "image" else ("annotations", "photos")
    for (value,) in db.execute(f"SELECT {column} FROM {table}"):
        data = value if isinstance(value, bytes) else str(value).encode("utf-8")
        if hashlib.sha256(data).hexdigest() == sha:
            return data
    return None
