"""One inspection revision as the hub stores it: the members of its bundle (inspection.bundle:
manifest, signature, rows, audit, photos, report-size copies, thumbnails, annotation layers,
signatures, signed reports, carried templates) as files, and its rows as the payload of
``hub.push_revision``.

A signed revision goes as it was sealed when its report was signed: the same manifest and
signature every time, no password needed. Any other state goes with an unsigned manifest (an
unattended sync has no password to sign with); its content hash — what the revision says,
whatever the manifest's date — names it on the hub, so the same state pushed again is a no-op.
"""
from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspection.appinfo import APP_VERSION
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import (
    FORMAT_VERSION,
    MANIFEST,
    SIGNATURE,
    annotation_member,
    report_image_member,
)
from inspection.bundle.reader import MemberSource
from inspection.hub.push import RevisionFile, RevisionUpload
from inspection.store import Store

Cancelled = Callable[[], bool]


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def upload_from_store(store: Store, inspection_id: str, *, base_sha256: str | None = None,
                      cancelled: Cancelled | None = None) -> RevisionUpload:
    """The current revision of *inspection_id* in this data folder, ready to push."""
    from inspection.bundle.writer import contents, hash_members, make_manifest

    inspection = store.inspection(inspection_id)
    sealed = store.sealed_revision(inspection_id, inspection.revision) if inspection.locked else None
    if sealed is not None:
        found = contents(store, inspection_id, rows_bytes=bytes(sealed["rows"]),
                         audit_bytes=bytes(sealed["audit"]))
        manifest = bytes(sealed["manifest"])
        signature = bytes(sealed["signature"]) if sealed["signature"] else None
        hashes = {name: (m["sha256"], m["size"]) for name, m in json.loads(manifest)["members"].items()}
        if set(hashes) != {m.name for m in found.members}:
            missing = sorted(set(hashes) ^ {m.name for m in found.members})
            raise BundleRefused("bundle.bad_hash", member=missing[0])
    else:
        found = contents(store, inspection_id)
        # A content-addressed file is named by its hash (the hub checks the bytes against it);
        # only the others are read here to hash them.
        known = [m for m in found.members if m.sha256 is not None]
        hashes = {m.name: (m.sha256 or "", m.size_hint) for m in known}
        hashes.update(hash_members([m for m in found.members if m.sha256 is None],
                                   should_cancel=cancelled))
        manifest = make_manifest(found, hashes, None)
        signature = None
    files = [RevisionFile(m.name, hashes[m.name][0], hashes[m.name][1], path=m.path, data=m.data)
             for m in found.members]
    annotations = {m.name: m.data for m in found.members if m.data is not None}
    return _upload(found.rows, hashes, files, manifest, signature, annotations,
                   base_sha256=base_sha256, device_id=store.device_id)


def upload_from_bundle(source: MemberSource, *, folder: Path, keys_dir: Path,
                       base_sha256: str | None = None) -> RevisionUpload:
    """A .pib file (or any member source) checked whole by the bundle's own checks — signature,
    every member's hash and size, the rows' schema — then its members written into *folder*."""
    from inspection.bundle.checks import check_bundle

    checked = check_bundle(source, keys_dir=keys_dir, trust_signer=True, allow_unsigned=True)
    hashes = dict(checked.manifest.members)
    files = []
    folder.mkdir(parents=True, exist_ok=True)
    for number, name in enumerate(sorted(hashes)):
        target = folder / f"{number:06d}"
        digest = hashlib.sha256()
        with open(target, "wb") as out:
            for chunk in source.chunks(name):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != hashes[name][0]:  # changed since it was checked
            raise BundleRefused("bundle.bad_hash", member=name)
        files.append(RevisionFile(name, hashes[name][0], hashes[name][1], path=target))
    annotations = {f"{annotation_member(sha)}": data for sha, data in checked.annotations.items()}
    return _upload(checked.rows, hashes, files, checked.manifest_bytes, checked.signature, annotations,
                   base_sha256=base_sha256, device_id=str(checked.manifest.data.get("device_id", "")))


def _upload(rows: dict[str, Any], hashes: dict[str, tuple[str, int]], files: list[RevisionFile],
            manifest: bytes, signature: bytes | None, member_data: dict[str, bytes], *,
            base_sha256: str | None, device_id: str) -> RevisionUpload:
    files = [*files, RevisionFile(MANIFEST, _sha(manifest), len(manifest), data=manifest)]
    if signature:
        files.append(RevisionFile(SIGNATURE, _sha(signature), len(signature), data=signature))
    payload = payload_from_rows(rows, hashes, member_data)
    payload.update(content_sha256=json.loads(manifest)["content_sha256"], base_sha256=base_sha256,
                   device_id=device_id, program_version=APP_VERSION, bundle_format=FORMAT_VERSION,
                   bundle_signed=signature is not None)
    return RevisionUpload(payload, list({f.name: f for f in files}.values()))


def payload_from_rows(rows: dict[str, Any], hashes: dict[str, tuple[str, int]],
                      member_data: dict[str, bytes]) -> dict[str, Any]:
    """A bundle's rows.json in the shape of ``hub.push_revision``'s payload."""
    park, inspection = rows["park"], rows["inspection"]
    photos = []
    for photo in rows["photos"]:
        if photo.get("deleted_at"):
            continue
        report = hashes.get(report_image_member(photo["sha256"]))
        layer = photo.get("annotations")
        shapes: Any = []
        if layer:
            try:
                shapes = json.loads(member_data.get(annotation_member(layer), b"[]"))
            except ValueError:
                shapes = []
        gps = photo.get("gps") or [None, None]
        photos.append({
            "id": photo["uid"], "sha256": photo["sha256"], "ext": photo["ext"],
            "report_sha256": report[0] if report else None, "original_name": photo["original_name"],
            "width": photo["width"], "height": photo["height"], "template_id": photo["template_id"],
            "item_code": photo["item_code"], "caption": photo["caption"], "taken_at": photo["taken_at"],
            "gps_lat": gps[0], "gps_lon": gps[1], "annotations": shapes})
    return {
        "park": {"id": park["uid"], "name": park["name"], "address": park["address"],
                 "park_type": park["park_type"], "contacts": park.get("contacts") or [],
                 "location": park.get("location")},  # (bundle format 2; hub schema 0005)
        "inspection": {k: inspection[k] for k in (
            "id", "revision", "status", "date", "report_number", "inspectors", "organisation",
            "revisit_of", "created_at", "updated_at")} | {"template_ids": inspection["templates"]},
        "answers": [{k: a[k] for k in ("template_id", "item_code", "result", "value", "note",
                                        "answered_by", "answered_at")} for a in rows["answers"]],
        "findings": [{"id": f["uid"], **{k: f[k] for k in (
            "template_id", "item_code", "severity", "requirement", "deadline", "responsible",
            "status", "closing_note", "carried_from", "created_at", "closed_at")}}
            for f in rows["findings"]],
        "photos": photos,
        "signatures": [{"id": s["uid"], "revision": s["revision"], "role": s["role"], "name": s["name"],
                        "title": s["title"], "image_sha256": s["image"], "signed_at": s["signed_at"]}
                       for s in rows["signatures"]],
        "reports": [{"id": r["uid"], "revision": r["revision"], "sha256": r["file"],
                     "signer": r["signer"], "created_at": r["created_at"]} for r in rows["reports"]],
        "evidence_reasons": [{k: e[k] for k in ("revision", "template_id", "item_code", "reason",
                                                "recorded_by", "recorded_at")}
                             for e in rows.get("evidence_reasons", ())],
    }


def remove_folder(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
