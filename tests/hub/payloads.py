"""Hand-made revisions for the hub's own tests (the sync tests use real bundles)."""
from __future__ import annotations

import hashlib
import json
import os
import uuid

from inspection.hub.push import RevisionFile, RevisionUpload


def _file(name: str, data: bytes) -> RevisionFile:
    return RevisionFile(name, hashlib.sha256(data).hexdigest(), len(data), data=data)


def make_revision(*, inspection_id: str | None = None, park: dict | None = None,
                  status: str = "completed", revision: int = 1, base: str | None = None,
                  photos: int = 2, photo_bytes: int = 2000, findings: int = 2, answers: int = 5,
                  date: str = "2026-03-01", note: str = "", photo_data: list[bytes] | None = None,
                  item_codes: list[str] | None = None, results: list[str] | None = None,
                  deadline: str = "2026-06-30") -> RevisionUpload:
    """*item_codes* and *results* (the office's bench): real items of 000 with chosen results,
    instead of the items "1", "2" … all 符合."""
    inspection_id = inspection_id or str(uuid.uuid4())
    park = park or {"id": str(uuid.uuid4()), "name": "测试园区", "address": "测试路1号",
                    "park_type": "manufacturing", "contacts": []}
    files, photo_rows = [], []
    for n, data in enumerate(photo_data or [os.urandom(photo_bytes) for _ in range(photos)]):
        original = _file(f"media/photo{n}.jpg", data)
        small = _file(f"media/photo{n}.report.jpg", data[: max(1, len(data) // 4)] + b"r")
        files += [original, small]
        photo_rows.append({"id": str(uuid.uuid4()), "sha256": original.sha256, "ext": "jpg",
                           "report_sha256": small.sha256, "original_name": f"IMG_{n}.jpg",
                           "width": 4000, "height": 3000, "template_id": "000", "item_code": "1",
                           "caption": f"照片{n}", "annotations": []})
    codes = item_codes or [str(n + 1) for n in range(max(answers, findings))]
    answer_rows = [{"template_id": "000", "item_code": codes[n], "result": results[n] if results else "pass",
                    "value": None, "note": note, "answered_by": "张三",
                    "answered_at": "2026-03-01T10:00:00+08:00"} for n in range(answers)]
    finding_rows = [{"id": str(uuid.uuid4()), "template_id": "000", "item_code": codes[n],
                     "severity": "major", "requirement": f"整改要求{n}", "deadline": deadline,
                     "responsible": "园区管委会", "status": "open", "closing_note": "",
                     "carried_from": None, "created_at": "2026-03-01T10:00:00+08:00", "closed_at": None}
                    for n in range(findings)]
    rows = {"inspection_id": inspection_id, "answers": answer_rows, "findings": finding_rows,
            "photos": photo_rows, "note": note, "status": status, "revision": revision}
    rows_file = _file("rows.json", json.dumps(rows, ensure_ascii=False, sort_keys=True).encode())
    files.append(rows_file)
    manifest = _file("manifest.json", json.dumps(
        {"members": [{"name": f.name, "sha256": f.sha256, "size": f.size} for f in files]},
        sort_keys=True).encode())
    files.append(manifest)
    payload = {
        "content_sha256": manifest.sha256, "base_sha256": base, "device_id": "test-device",
        "program_version": "test", "bundle_format": 1, "park": park,
        "inspection": {"id": inspection_id, "revision": revision, "status": status, "date": date,
                       "report_number": "YQJC-2026-0001", "inspectors": ["张三"], "organisation": "",
                       "template_ids": ["000"], "revisit_of": None,
                       "created_at": "2026-03-01T09:00:00+08:00", "updated_at": "2026-03-01T11:00:00+08:00"},
        "answers": answer_rows, "findings": finding_rows, "photos": photo_rows,
        "signatures": [], "reports": [],
    }
    return RevisionUpload(payload, files)
