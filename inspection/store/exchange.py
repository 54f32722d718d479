"""An inspection as rows that travel (bundles, the hub), and the revisions kept readable.

``exchange_rows`` reads one inspection in the shape of a bundle's ``rows.json``
(inspection.bundle.schema): UUIDs instead of this folder's integer ids, version vectors,
tombstones, and content hashes where a bundle carries a file (signature images, annotation
layers, reports). ``revisions`` are the states kept readable: a signed revision sealed with its
signed manifest (so it can be exported again, byte for byte, without the key), a revision an
import superseded, and local changes a signed revision set aside.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from inspection.store.base import NotFound, StoreBase

ENTITIES = ("answer", "finding", "photo", "signature")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _vv(text: str | None) -> dict[str, int]:
    return json.loads(text) if text else {}


@dataclass
class ExchangeState:
    """One inspection's rows as they travel, and where the files they name are."""

    rows: dict
    signature_images: dict[str, bytes] = field(default_factory=dict, repr=False)  # sha → PNG
    annotations: dict[str, bytes] = field(default_factory=dict, repr=False)  # sha → JSON
    thumbnails: dict[str, bytes] = field(default_factory=dict, repr=False)  # photo sha → JPEG
    report_files: dict[str, Path] = field(default_factory=dict)  # sha → file in this folder


@dataclass(frozen=True)
class RevisionRecord:
    """A revision kept readable (``revisions`` table)."""

    id: int
    inspection_id: str
    revision: int
    kind: str  # sealed | superseded | set_aside
    signed: bool
    content_sha256: str
    signer: str
    note: str
    created_at: str

    @property
    def label(self) -> str:
        return {"sealed": "已签署", "superseded": "已被新版本取代",
                "set_aside": "本机未并入签署版本的修改"}[self.kind]


class ExchangeMixin(StoreBase):
    def has_inspection(self, inspection_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM inspections WHERE id = ?",
                               [inspection_id]).fetchone() is not None

    def exchange_rows(self, inspection_id: str, *, blobs: bool = False) -> ExchangeState:
        """The inspection's rows as a bundle carries them (see module doc); with *blobs*, also
        the signature images, annotation layers and thumbnails they name."""
        with self.db.atomic():
            return self._exchange_rows(inspection_id, blobs)

    def _exchange_rows(self, inspection_id: str, blobs: bool) -> ExchangeState:
        row = self._one("SELECT * FROM inspections WHERE id = ?", [inspection_id])
        if row is None:
            raise NotFound("store.no_inspection", id=inspection_id)
        park = self._one("SELECT * FROM parks WHERE id = ?", [row["park_id"]])
        assert park is not None
        state = ExchangeState(rows={})
        templates = [r[0] for r in self.db.execute(
            "SELECT template_id FROM inspection_templates WHERE inspection_id = ?"
            " ORDER BY position", [inspection_id])]
        rows: dict = {
            "park": {"uid": park["uid"], "name": park["name"], "park_type": park["park_type"],
                     "address": park["address"], "contacts": json.loads(park["contacts"]),
                     "hub_park_id": park["hub_park_id"],
                     "registry_state": park["registry_state"],
                     "location": [park["latitude"], park["longitude"]]
                     if park["latitude"] is not None and park["longitude"] is not None
                     else None},
            "inspection": {
                "id": row["id"], "date": row["date"], "inspectors": json.loads(row["inspectors"]),
                "organisation": row["organisation"], "status": row["status"],
                "revision": row["revision"], "report_number": row["report_number"],
                "revisit_of": row["revisit_of_uid"] or row["revisit_of"],
                "created_at": row["created_at"], "updated_at": row["updated_at"],
                "templates": templates, "vv": _vv(row["vv"])},
        }
        rows["answers"] = [
            {"uid": a["uid"], "template_id": a["template_id"], "item_code": a["item_code"],
             "result": a["result"], "value": json.loads(a["value"]) if a["value"] else None,
             "note": a["note"], "answered_by": a["answered_by"], "answered_at": a["answered_at"],
             "vv": _vv(a["vv"])}
            for a in self._all("SELECT * FROM answers WHERE inspection_id = ?"
                               " ORDER BY template_id, item_code", [inspection_id])]
        rows["findings"] = [
            {"uid": f["uid"], "template_id": f["template_id"], "item_code": f["item_code"],
             "severity": f["severity"], "requirement": f["requirement"], "deadline": f["deadline"],
             "responsible": f["responsible"], "status": f["status"],
             "closing_note": f["closing_note"], "carried_from": f["carried_from_uid"],
             "created_at": f["created_at"], "closed_at": f["closed_at"], "vv": _vv(f["vv"])}
            for f in self._all("SELECT * FROM findings WHERE inspection_id = ? ORDER BY id",
                               [inspection_id])]
        rows["photos"] = []
        columns = "uid, sha256, ext, original_name, width, height, template_id, item_code," \
                  " caption, taken_at, gps_lat, gps_lon, annotations, imported_at, deleted_at, vv," \
                  " (SELECT size FROM media_files m WHERE m.sha256 = photos.sha256) AS size"
        for p in self._all(f"SELECT {columns}{', thumbnail' if blobs else ''} FROM photos"
                           " WHERE inspection_id = ? ORDER BY id", [inspection_id]):
            layer = None
            if p["annotations"] and json.loads(p["annotations"]):
                data = p["annotations"].encode("utf-8")
                layer = _sha(data)
                state.annotations[layer] = data
            rows["photos"].append({
                "uid": p["uid"], "sha256": p["sha256"], "ext": p["ext"], "size": p["size"] or 0,
                "original_name": p["original_name"], "width": p["width"], "height": p["height"],
                "template_id": p["template_id"], "item_code": p["item_code"],
                "caption": p["caption"], "taken_at": p["taken_at"],
                "gps": [p["gps_lat"], p["gps_lon"]] if p["gps_lat"] is not None else None,
                "annotations": layer, "imported_at": p["imported_at"],
                "deleted_at": p["deleted_at"], "vv": _vv(p["vv"])})
            if blobs:
                state.thumbnails[p["sha256"]] = p["thumbnail"]
        rows["signatures"] = []
        for s in self._all("SELECT * FROM signatures WHERE inspection_id = ? ORDER BY id",
                           [inspection_id]):
            image = _sha(s["image_png"])
            if blobs:
                state.signature_images[image] = s["image_png"]
            rows["signatures"].append({
                "uid": s["uid"], "revision": s["revision"], "role": s["role"], "name": s["name"],
                "title": s["title"], "image": image, "signed_at": s["signed_at"],
                "vv": _vv(s["vv"])})
        rows["reports"] = []
        for r in self._all("SELECT * FROM reports WHERE inspection_id = ? ORDER BY id",
                           [inspection_id]):
            rows["reports"].append({"uid": r["uid"], "revision": r["revision"],
                                    "file": r["sha256"], "name": Path(r["path"]).name,
                                    "signer": r["signer"], "created_at": r["created_at"]})
            state.report_files[r["sha256"]] = self.data_dir.resolve(r["path"])
        rows["tombstones"] = [
            {"entity": t["entity"], "key": t["key"], "uid": t["uid"], "vv": _vv(t["vv"]),
             "deleted_at": t["deleted_at"]}
            for t in self._all("SELECT * FROM tombstones WHERE inspection_id = ?"
                               " ORDER BY entity, key", [inspection_id])]
        rows["evidence_reasons"] = [  # every revision's: why an item breaking a rule was signed
            {k: e[k] for k in ("revision", "template_id", "item_code", "reason", "recorded_by",
                               "recorded_at")}
            for e in self._all("SELECT * FROM evidence_reasons WHERE inspection_id = ?"
                               " ORDER BY revision, template_id, item_code", [inspection_id])]
        state.rows = rows
        return state

    def audit_rows(self, inspection_id: str) -> list[dict]:
        """The audit rows of one inspection, of every device, as a bundle carries them."""
        return [{k: r[k] for k in ("device_id", "at", "actor", "action", "inspection_id",
                                   "entity", "entity_id", "detail", "prev_hash", "hash")}
                for r in self._all("SELECT * FROM audit_log WHERE inspection_id = ? ORDER BY id",
                                   [inspection_id])]

    # --- revisions kept readable ----------------------------------------------------------------

    def revisions(self, inspection_id: str) -> list[RevisionRecord]:
        return [RevisionRecord(id=r["id"], inspection_id=r["inspection_id"],
                               revision=r["revision"], kind=r["kind"], signed=bool(r["signed"]),
                               content_sha256=r["content_sha256"], signer=r["signer"],
                               note=r["note"], created_at=r["created_at"])
                for r in self._all("SELECT id, inspection_id, revision, kind, signed,"
                                   " content_sha256, signer, note, created_at FROM revisions"
                                   " WHERE inspection_id = ? ORDER BY revision, id",
                                   [inspection_id])]

    def revision_rows(self, revision_record_id: int) -> dict:
        """The rows (as in rows.json) of a revision kept readable."""
        row = self.db.execute("SELECT rows FROM revisions WHERE id = ?",
                              [revision_record_id]).fetchone()
        if row is None:
            raise NotFound("store.no_revision", id=revision_record_id)
        return json.loads(row[0])

    def sealed_revision(self, inspection_id: str, revision: int) -> dict | None:
        """A signed revision's seal: its manifest, signature, rows and audit bytes, or None."""
        return self._one("SELECT * FROM revisions WHERE inspection_id = ? AND revision = ?"
                         " AND kind = 'sealed'", [inspection_id, revision])

    def store_seal(self, inspection_id: str, revision: int, *, content_sha256: str,
                   rows: bytes, audit: bytes, manifest: bytes, signature: bytes,
                   signer: str) -> None:
        """Keep a signed revision's signed manifest (and the rows it covers) for re-export."""
        with self._edit("seal_revision", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id, check_lock=False,
                        detail={"revision": revision, "content_sha256": content_sha256,
                                "signer": signer}):
            self._insert_revision(inspection_id, revision, kind="sealed", signed=True,
                                  content_sha256=content_sha256, rows=rows, audit=audit,
                                  manifest=manifest, signature=signature, signer=signer)

    def _insert_revision(self, inspection_id: str, revision: int, *, kind: str, signed: bool,
                         content_sha256: str, rows: bytes, audit: bytes | None = None,
                         manifest: bytes | None = None, signature: bytes | None = None,
                         signer: str = "", note: str = "") -> None:
        from inspection.store.base import now_iso
        self.db.execute(
            "INSERT INTO revisions (inspection_id, revision, kind, signed, content_sha256, rows,"
            " audit, manifest, signature, signer, note, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [inspection_id, revision, kind, int(signed), content_sha256, rows, audit, manifest,
             signature, signer, note, now_iso()])
