"""One inspection's current state as the hub stores it: the rows of ``hub.push_revision`` and
its files (photo originals, report-size copies, signatures, signed reports, the rows as JSON and
a manifest of every member's SHA-256 and size, whose hash names the content).

The content is deterministic: the same state gives the same manifest, so pushing it again is a
no-op on the hub and a sync cut half-way resumes where it stopped.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from inspection.appinfo import APP_VERSION
from inspection.hub.push import RevisionFile, RevisionUpload
from inspection.store import Store

FORMAT = 1


def _json_bytes(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode()


def _member(name: str, data: bytes) -> RevisionFile:
    return RevisionFile(name, hashlib.sha256(data).hexdigest(), len(data), data=data)


def _file(name: str, path: Path, sha256: str) -> RevisionFile:
    return RevisionFile(name, sha256, path.stat().st_size, path=path)


def _loads(text: str | None, default: Any) -> Any:
    try:
        return json.loads(text) if text else default
    except ValueError:
        return default


def revision_upload(store: Store, inspection_id: str, *, base_sha256: str | None = None) -> RevisionUpload:
    """The upload of *inspection_id*'s current state from this data folder."""
    rows = store.hub_revision_rows(inspection_id)
    data_dir = store.data_dir
    insp, park = rows["inspection"], rows["park"]
    files: list[RevisionFile] = []
    photos = []
    for photo in rows["photos"]:
        original = data_dir.original(photo["sha256"], photo["ext"])
        files.append(_file(f"media/{photo['sha256']}.{photo['ext']}", original, photo["sha256"]))
        report_image = data_dir.report_image(photo["sha256"])
        report_sha = None
        if report_image.is_file():
            report_sha = hashlib.sha256(report_image.read_bytes()).hexdigest()
            files.append(_file(f"media/{photo['sha256']}.report.jpg", report_image, report_sha))
        photos.append({
            "id": photo["uid"], "sha256": photo["sha256"], "ext": photo["ext"],
            "report_sha256": report_sha, "original_name": photo["original_name"],
            "width": photo["width"], "height": photo["height"], "template_id": photo["template_id"],
            "item_code": photo["item_code"], "caption": photo["caption"], "taken_at": photo["taken_at"],
            "gps_lat": photo["gps_lat"], "gps_lon": photo["gps_lon"],
            "annotations": _loads(photo["annotations"], [])})
    signatures = []
    for sig in rows["signatures"]:
        image = _member(f"signatures/{sig['uid']}.png", bytes(sig["image_png"]))
        files.append(image)
        signatures.append({"id": sig["uid"], "revision": sig["revision"], "role": sig["role"],
                           "name": sig["name"], "title": sig["title"], "image_sha256": image.sha256,
                           "signed_at": sig["signed_at"]})
    reports = []
    for report in rows["reports"]:
        path = data_dir.resolve(report["path"])
        files.append(_file(f"reports/{Path(report['path']).name}", path, report["sha256"]))
        reports.append({"id": report["uid"], "revision": report["revision"], "sha256": report["sha256"],
                        "signer": report["signer"], "created_at": report["created_at"]})
    answers = [{"template_id": a["template_id"], "item_code": a["item_code"], "result": a["result"],
                "value": _loads(a["value"], None), "note": a["note"], "answered_by": a["answered_by"],
                "answered_at": a["answered_at"]} for a in rows["answers"]]
    findings = [{"id": f["uid"], "template_id": f["template_id"], "item_code": f["item_code"],
                 "severity": f["severity"], "requirement": f["requirement"], "deadline": f["deadline"],
                 "responsible": f["responsible"], "status": f["status"], "closing_note": f["closing_note"],
                 "carried_from": f["carried_from_uid"], "created_at": f["created_at"],
                 "closed_at": f["closed_at"]} for f in rows["findings"]]
    payload: dict[str, Any] = {
        "park": {"id": park["uid"], "name": park["name"], "address": park["address"],
                 "park_type": park["park_type"], "contacts": _loads(park["contacts"], [])},
        "inspection": {
            "id": insp["id"], "revision": insp["revision"], "status": insp["status"], "date": insp["date"],
            "report_number": insp["report_number"], "inspectors": _loads(insp["inspectors"], []),
            "organisation": insp["organisation"], "template_ids": rows["templates"],
            "revisit_of": insp.get("revisit_of_uid") or insp["revisit_of"],
            "created_at": insp["created_at"], "updated_at": insp["updated_at"]},
        "answers": answers, "findings": findings, "photos": photos, "signatures": signatures,
        "reports": reports,
    }
    rows_member = _member("rows.json", _json_bytes(payload))
    files.append(rows_member)
    manifest = _member("manifest.json", _json_bytes({
        "format": FORMAT, "inspection_id": insp["id"], "revision": insp["revision"],
        "members": sorted(({"name": f.name, "sha256": f.sha256, "size": f.size} for f in files),
                          key=lambda m: m["name"])}))
    files.append(manifest)
    payload.update(content_sha256=manifest.sha256, base_sha256=base_sha256, device_id=store.device_id,
                   program_version=APP_VERSION, bundle_format=FORMAT)
    unique = list({f.name: f for f in files}.values())
    return RevisionUpload(payload, unique)
