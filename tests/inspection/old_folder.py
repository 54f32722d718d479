"""A data folder as the program wrote it before migration m003 (schema m001 + m002): parks with
integer ids only, one chain of audit rows without devices, photos with their files, findings
(one carried from an earlier visit), handwritten signatures and a signed report.

Written through raw SQL on the old schema — exactly the columns and rows the program of that
day wrote — so the migration test does not depend on today's store code.
"""
from __future__ import annotations

import hashlib
import io
import json
import sqlite3
from pathlib import Path

from PIL import Image
from sqlite_utils import Database

from inspection.model import (
    Answer,
    Finding,
    FindingStatus,
    Inspection,
    InspectionSnapshot,
    Park,
    ParkType,
    Photo,
    Severity,
    Signature,
    SignerRole,
    Status,
)
from inspection.paths import DataDir
from inspection.report import build_report
from inspection.signing.keys import load_signing_key
from inspection.signing.pades import sign_pdf
from inspection.store.audit import GENESIS, row_hash
from inspection.store.migrations import migrations
from tests.inspection.report_data import ANNOTATIONS, jpeg_bytes, signature_png

EARLIER = "11111111-2222-4333-8444-555555555555"
INSPECTION = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
STAMP = "2026-11-20T10:00:00.000+08:00"


def make_old_folder(root: Path, *, key_file: Path, password: str) -> dict:
    """Build the folder; returns what it holds (ids, hashes) for the test to compare."""
    data_dir = DataDir(Path(root)).ensure()
    conn = sqlite3.connect(data_dir.database)
    db = Database(conn)
    db.execute("PRAGMA journal_mode = WAL")
    migrations.apply(db, stop_before="m003_identity")
    db.execute("PRAGMA user_version = 2")
    audit: list[dict] = []

    def log(action: str, entity: str, entity_id: str, inspection_id: str | None, detail: dict):
        row = {"at": STAMP, "actor": "张三", "action": action, "inspection_id": inspection_id,
               "entity": entity, "entity_id": entity_id,
               "detail": json.dumps(detail, ensure_ascii=False, separators=(",", ":"))}
        row["prev_hash"] = audit[-1]["hash"] if audit else GENESIS
        row["hash"] = row_hash(row["prev_hash"], row)
        audit.append(row)
        conn.execute("INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id,"
                     " detail, prev_hash, hash) VALUES (:at, :actor, :action, :inspection_id,"
                     " :entity, :entity_id, :detail, :prev_hash, :hash)", row)

    conn.execute("INSERT INTO parks (id, name, park_type, address, contacts, created_at)"
                 " VALUES (1, '星河智造小微企业园', 'manufacturing', '上海市金山区', '[]', ?)", [STAMP])
    log("add_park", "park", "星河智造小微企业园", None, {"name": "星河智造小微企业园"})
    for iid, number, status, revisit in ((EARLIER, "YQJC-2025-0001", "completed", None),
                                         (INSPECTION, "YQJC-2026-0001", "signed", EARLIER)):
        conn.execute(
            "INSERT INTO inspections (id, park_id, date, inspectors, organisation, status,"
            " revision, report_number, revisit_of, created_at, updated_at)"
            " VALUES (?, 1, '2026-11-20', '[\"张三\",\"李四\"]', '金山区经委', ?, 1, ?, ?, ?, ?)",
            [iid, status, number, revisit, STAMP, STAMP])
        conn.execute("INSERT INTO inspection_templates VALUES (?, '000', 0)", [iid])
        log("new_inspection", "inspection", iid, iid, {"park_id": 1, "templates": ["000"]})
    for code, result, note in (("1-1-1", "pass", ""), ("1-1-5", "fail", "消防栓被遮挡"),
                               ("1-1-2", "partial", "东侧路灯不亮")):
        conn.execute("INSERT INTO answers VALUES (?, '000', ?, ?, NULL, ?, '张三', ?)",
                     [INSPECTION, code, result, note, STAMP])
        log("answer", "answer", f"000:{code}", INSPECTION, {"result": result})
    conn.execute("INSERT INTO findings (id, inspection_id, template_id, item_code, severity,"
                 " requirement, deadline, responsible, status, created_at)"
                 " VALUES (1, ?, '000', '1-1-5', 'major', '清理消防栓周边货物', '2026-12-01', '物业部',"
                 " 'open', ?)", [EARLIER, STAMP])
    conn.execute("INSERT INTO findings (id, inspection_id, template_id, item_code, severity,"
                 " requirement, deadline, responsible, status, carried_from, created_at)"
                 " VALUES (2, ?, '000', '1-1-5', 'major', '清理消防栓周边货物', '2026-12-01', '物业部',"
                 " 'open', 1, ?)", [INSPECTION, STAMP])
    log("add_finding", "finding", "000:1-1-5", INSPECTION, {"id": 2})
    photos = []
    for seed in (1, 2, 3):
        data = jpeg_bytes(width=640, height=480, seed=seed)
        sha = hashlib.sha256(data).hexdigest()
        for path in (data_dir.original(sha, "jpg"), data_dir.report_image(sha)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        thumb = io.BytesIO()
        Image.open(io.BytesIO(data)).resize((128, 96)).save(thumb, "JPEG")
        conn.execute("INSERT INTO media_files VALUES (?, 'jpg', ?)", [sha, len(data)])
        conn.execute(
            "INSERT INTO photos (id, inspection_id, sha256, ext, original_name, width, height,"
            " template_id, item_code, caption, taken_at, annotations, thumbnail, imported_at)"
            " VALUES (?, ?, ?, 'jpg', ?, 640, 480, '000', '1-1-5', ?, ?, ?, ?, ?)",
            [seed, INSPECTION, sha, f"IMG_{seed}.JPG", f"照片{seed}", STAMP,
             json.dumps(ANNOTATIONS if seed == 1 else [], ensure_ascii=False), thumb.getvalue(),
             STAMP])
        log("add_photo", "photo", sha, INSPECTION, {"id": seed})
        photos.append(sha)
    signatures = {}
    for sid, role, name in ((1, "inspector", "张三"), (2, "park_representative", "赵六")):
        png = signature_png(name)
        conn.execute("INSERT INTO signatures VALUES (?, ?, 1, ?, ?, '', ?, ?)",
                     [sid, INSPECTION, role, name, png, STAMP])
        log("sign_by_hand", "signature", f"{role}:{name}", INSPECTION, {"name": name})
        signatures[name] = hashlib.sha256(png).hexdigest()
    report = data_dir.reports / "YQJC-2026-0001-r1.pdf"
    build_report(_snapshot(conn), report, data_dir=data_dir)
    signed = sign_pdf(report, key=load_signing_key(key_file, password))
    report_sha = hashlib.sha256(report.read_bytes()).hexdigest()
    conn.execute("INSERT INTO reports (id, inspection_id, revision, path, sha256, signed, signer,"
                 " created_at) VALUES (1, ?, 1, 'reports/YQJC-2026-0001-r1.pdf', ?, 1, ?, ?)",
                 [INSPECTION, report_sha, signed.signer, STAMP])
    log("sign_report", "report", report_sha, INSPECTION, {"revision": 1})
    conn.commit()
    conn.close()
    return {"photos": photos, "signatures": signatures, "report": report,
            "report_sha": report_sha, "audit": [r["hash"] for r in audit]}


def _snapshot(conn: sqlite3.Connection) -> InspectionSnapshot:
    """The signed inspection as the report of that day read it (from the old rows)."""
    inspection = Inspection(
        id=INSPECTION, park_id=1, park_name="星河智造小微企业园", park_type=ParkType.MANUFACTURING,
        template_ids=("000",), date="2026-11-20", inspectors=("张三", "李四"), organisation="金山区经委",
        status=Status.SIGNED, revision=1, created_at=STAMP, updated_at=STAMP,
        report_number="YQJC-2026-0001", revisit_of=EARLIER)
    answers = {("000", code): Answer("000", code, result, None, note, "张三", STAMP)
               for code, result, note in conn.execute(
                   "SELECT item_code, result, note FROM answers WHERE inspection_id = ?",
                   [INSPECTION])}
    findings = tuple(Finding(id=2, inspection_id=INSPECTION, template_id="000", item_code="1-1-5",
                             severity=Severity.MAJOR, requirement="清理消防栓周边货物",
                             deadline="2026-12-01", responsible="物业部",
                             status=FindingStatus.OPEN, created_at=STAMP, carried_from=1)
                     for _ in (1,))
    photos = tuple(Photo(id=pid, inspection_id=INSPECTION, sha256=sha, ext="jpg",
                         original_name=name, width=640, height=480, template_id="000",
                         item_code="1-1-5", caption=caption,
                         annotations=tuple(json.loads(annotations)))
                   for pid, sha, name, caption, annotations in conn.execute(
                       "SELECT id, sha256, original_name, caption, annotations FROM photos"))
    signatures = tuple(Signature(id=sid, inspection_id=INSPECTION, revision=1,
                                 role=SignerRole(role), name=name, title="", image_png=png,
                                 signed_at=STAMP)
                       for sid, role, name, png in conn.execute(
                           "SELECT id, role, name, image_png FROM signatures"))
    park = Park(id=1, name="星河智造小微企业园", park_type=ParkType.MANUFACTURING, address="上海市金山区")
    return InspectionSnapshot(inspection=inspection, park=park, answers=answers,
                              findings=findings, photos=photos, signatures=signatures)
