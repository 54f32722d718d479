"""Migration m003: identity that survives many laptops (issue 11). Never edit: add a migration.

What it adds to a data folder, in place:

- ``local_device``: this data folder's device id (a UUID made once). Every audit row says which
  device wrote it (``audit_log.device_id``); the chain is kept and checked per device. Rows
  written before this migration were all written here: they get this folder's device id.
- ``uid`` (UUID) on parks, answers, findings, photos, signatures and reports (inspections have
  had UUID ids from the start). Local integer ids stay as this folder's handles; the uid is what
  travels in a bundle and to the hub. New rows get one from a trigger.
- A version vector ``vv`` (JSON ``{device id: count}``) on the inspection (its status, date,
  inspectors, organisation), answers, findings, photos and signatures: triggers add one for
  this device whenever the content changes here, so an import can tell, item by item, whether
  only one side changed something (take it) or both did (a conflict, 冲突待核). A delete leaves a
  ``tombstones`` row carrying the vector, so a deletion travels too.
- Parks: ``hub_park_id`` and ``registry_state`` (local → proposed → matched / flagged): a park
  made on a laptop has no hub identity until the hub's registry matches it.
- ``conflicts`` (items both sides changed, both values kept until the lead inspector picks)
  and ``revisions`` (sealed signed revisions, superseded and set-aside states: readable later).
- ``findings.carried_from_uid`` and ``inspections.revisit_of_uid``: the links to an earlier
  visit, kept even when that visit is not in this folder.

Triggers use only SQLite's own functions (randomblob, json_set), so any connection — the
program's, a backup check, the sqlite3 shell — keeps the identities right.
"""
from __future__ import annotations

import json
import uuid
from datetime import datetime

from sqlite_utils import Database

DEVICE = "(SELECT id FROM local_device)"
NEW_UUID = ("(lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4'"
            " || substr(lower(hex(randomblob(2))), 2) || '-'"
            " || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2)"
            " || '-' || lower(hex(randomblob(6))))")
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"


def _bump(vv: str) -> str:
    """SQL: the version vector *vv* (SQL expression, may be NULL) with this device's count + 1."""
    path = f"'$.\"' || {DEVICE} || '\"'"
    return f"json_set(COALESCE({vv}, '{{}}'), {path}, COALESCE(json_extract({vv}, {path}), 0) + 1)"


def _changed(columns: tuple[str, ...]) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


def _alive(table_alias: str = "OLD") -> str:
    # A row deleted because its inspection is being deleted (a draft) leaves no tombstone.
    return f"EXISTS (SELECT 1 FROM inspections WHERE id = {table_alias}.inspection_id)"


ANSWER_KEY = "json_array({t}.template_id, {t}.item_code)"
SIGNATURE_KEY = "json_array({t}.revision, {t}.role, {t}.name)"
HEADER_COLUMNS = ("date", "inspectors", "organisation", "status")
ANSWER_COLUMNS = ("result", "value", "note")
FINDING_COLUMNS = ("template_id", "item_code", "severity", "requirement", "deadline",
                   "responsible", "status", "closing_note", "closed_at")
PHOTO_COLUMNS = ("template_id", "item_code", "caption", "annotations", "deleted_at")
SIGNATURE_COLUMNS = ("title", "image_png", "signed_at")


def identity_schema(db: Database) -> None:
    device = str(uuid.uuid4())
    stamp = datetime.now().astimezone().isoformat(timespec="milliseconds")
    first = json.dumps({device: 1}, separators=(",", ":"))
    db.executescript(
        """
        CREATE TABLE local_device (
            only INTEGER PRIMARY KEY CHECK (only = 1),
            id TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        ALTER TABLE parks ADD COLUMN uid TEXT;
        ALTER TABLE parks ADD COLUMN hub_park_id TEXT;
        ALTER TABLE parks ADD COLUMN registry_state TEXT NOT NULL DEFAULT 'local'
            CHECK (registry_state IN ('local', 'proposed', 'matched', 'flagged'));
        ALTER TABLE parks ADD COLUMN registry_note TEXT NOT NULL DEFAULT '';
        ALTER TABLE inspections ADD COLUMN vv TEXT;
        ALTER TABLE inspections ADD COLUMN revisit_of_uid TEXT;
        ALTER TABLE answers ADD COLUMN uid TEXT;
        ALTER TABLE answers ADD COLUMN vv TEXT;
        ALTER TABLE findings ADD COLUMN uid TEXT;
        ALTER TABLE findings ADD COLUMN vv TEXT;
        ALTER TABLE findings ADD COLUMN carried_from_uid TEXT;
        ALTER TABLE photos ADD COLUMN uid TEXT;
        ALTER TABLE photos ADD COLUMN vv TEXT;
        ALTER TABLE signatures ADD COLUMN uid TEXT;
        ALTER TABLE signatures ADD COLUMN vv TEXT;
        ALTER TABLE reports ADD COLUMN uid TEXT;
        ALTER TABLE audit_log ADD COLUMN device_id TEXT;

        CREATE TABLE tombstones (
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            entity TEXT NOT NULL CHECK (entity IN ('answer', 'finding', 'signature')),
            key TEXT NOT NULL,
            uid TEXT,
            vv TEXT NOT NULL,
            deleted_at TEXT NOT NULL,
            PRIMARY KEY (inspection_id, entity, key)
        );
        CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            entity TEXT NOT NULL
                CHECK (entity IN ('inspection', 'answer', 'finding', 'photo', 'signature')),
            key TEXT NOT NULL,
            template_id TEXT,
            item_code TEXT,
            mine TEXT NOT NULL,
            theirs TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IN ('mine', 'theirs')),
            before TEXT
        );
        CREATE UNIQUE INDEX conflicts_open ON conflicts(inspection_id, entity, key)
            WHERE resolved_at IS NULL;
        CREATE INDEX conflicts_item ON conflicts(inspection_id, template_id, item_code);
        CREATE TABLE revisions (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('sealed', 'superseded', 'set_aside')),
            signed INTEGER NOT NULL,
            content_sha256 TEXT NOT NULL,
            rows BLOB NOT NULL,
            audit BLOB,
            manifest BLOB,
            signature BLOB,
            signer TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX revisions_sealed ON revisions(inspection_id, revision)
            WHERE kind = 'sealed';
        CREATE INDEX revisions_inspection ON revisions(inspection_id, revision);
        """)
    db.execute("INSERT INTO local_device (only, id, created_at) VALUES (1, ?, ?)", [device, stamp])
    for table, key in (("parks", "id"), ("answers", "rowid"), ("findings", "id"),
                       ("photos", "id"), ("signatures", "id"), ("reports", "id")):
        ids = [r[0] for r in db.execute(f"SELECT {key} FROM {table}").fetchall()]
        db.conn.executemany(f"UPDATE {table} SET uid = ? WHERE {key} = ?",
                            [(str(uuid.uuid4()), i) for i in ids])
    for table in ("inspections", "answers", "findings", "photos", "signatures"):
        db.execute(f"UPDATE {table} SET vv = ?", [first])
    db.execute("UPDATE inspections SET revisit_of_uid = revisit_of")
    db.execute("UPDATE findings SET carried_from_uid ="
               " (SELECT uid FROM findings f WHERE f.id = findings.carried_from)"
               " WHERE carried_from IS NOT NULL")
    # The audit rows written so far are this device's: say so. The append-only guard is lifted
    # for this one statement, inside the migration's transaction, and put back.
    db.execute("DROP TRIGGER audit_log_no_update")
    db.execute("UPDATE audit_log SET device_id = ?", [device])
    db.executescript(
        """
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE INDEX audit_device ON audit_log(device_id, id);
        CREATE INDEX audit_inspection ON audit_log(inspection_id, id);
        CREATE UNIQUE INDEX parks_uid ON parks(uid);
        CREATE UNIQUE INDEX parks_hub ON parks(hub_park_id) WHERE hub_park_id IS NOT NULL;
        CREATE UNIQUE INDEX answers_uid ON answers(uid);
        CREATE UNIQUE INDEX findings_uid ON findings(uid);
        CREATE UNIQUE INDEX photos_uid ON photos(uid);
        CREATE UNIQUE INDEX signatures_uid ON signatures(uid);
        CREATE UNIQUE INDEX reports_uid ON reports(uid);
        """)
    db.executescript(_triggers())


def _triggers() -> str:
    a_key, s_key = ANSWER_KEY.format(t="NEW"), SIGNATURE_KEY.format(t="NEW")
    tomb = "(SELECT {col} FROM tombstones WHERE inspection_id = NEW.inspection_id" \
           " AND entity = '{entity}' AND key = {key})"
    return f"""
        CREATE TRIGGER parks_identity AFTER INSERT ON parks WHEN NEW.uid IS NULL BEGIN
            UPDATE parks SET uid = {NEW_UUID} WHERE id = NEW.id;
        END;
        CREATE TRIGGER reports_identity AFTER INSERT ON reports WHEN NEW.uid IS NULL BEGIN
            UPDATE reports SET uid = {NEW_UUID} WHERE id = NEW.id;
        END;
        CREATE TRIGGER inspections_identity AFTER INSERT ON inspections WHEN NEW.vv IS NULL BEGIN
            UPDATE inspections SET vv = {_bump("NULL")},
                revisit_of_uid = COALESCE(NEW.revisit_of_uid, NEW.revisit_of) WHERE id = NEW.id;
        END;
        CREATE TRIGGER inspections_changed AFTER UPDATE OF {", ".join(HEADER_COLUMNS)}
            ON inspections WHEN NEW.vv IS OLD.vv AND ({_changed(HEADER_COLUMNS)}) BEGIN
            UPDATE inspections SET vv = {_bump("OLD.vv")} WHERE id = NEW.id;
        END;

        CREATE TRIGGER answers_identity AFTER INSERT ON answers WHEN NEW.vv IS NULL BEGIN
            UPDATE answers SET
                uid = COALESCE(NEW.uid, {tomb.format(col="uid", entity="answer", key=a_key)},
                               {NEW_UUID}),
                vv = {_bump(tomb.format(col="vv", entity="answer", key=a_key))}
            WHERE rowid = NEW.rowid;
            DELETE FROM tombstones WHERE inspection_id = NEW.inspection_id
                AND entity = 'answer' AND key = {a_key};
        END;
        CREATE TRIGGER answers_changed AFTER UPDATE OF {", ".join(ANSWER_COLUMNS)} ON answers
            WHEN NEW.vv IS OLD.vv AND ({_changed(ANSWER_COLUMNS)}) BEGIN
            UPDATE answers SET vv = {_bump("OLD.vv")} WHERE rowid = NEW.rowid;
        END;
        CREATE TRIGGER answers_deleted AFTER DELETE ON answers WHEN {_alive()} BEGIN
            INSERT OR REPLACE INTO tombstones (inspection_id, entity, key, uid, vv, deleted_at)
            VALUES (OLD.inspection_id, 'answer', {ANSWER_KEY.format(t="OLD")}, OLD.uid,
                    {_bump("OLD.vv")}, {NOW});
        END;

        CREATE TRIGGER findings_identity AFTER INSERT ON findings WHEN NEW.vv IS NULL BEGIN
            UPDATE findings SET uid = COALESCE(NEW.uid, {NEW_UUID}), vv = {_bump("NULL")},
                carried_from_uid = COALESCE(NEW.carried_from_uid,
                    (SELECT uid FROM findings f WHERE f.id = NEW.carried_from))
            WHERE id = NEW.id;
        END;
        CREATE TRIGGER findings_changed AFTER UPDATE OF {", ".join(FINDING_COLUMNS)} ON findings
            WHEN NEW.vv IS OLD.vv AND ({_changed(FINDING_COLUMNS)}) BEGIN
            UPDATE findings SET vv = {_bump("OLD.vv")} WHERE id = NEW.id;
        END;
        CREATE TRIGGER findings_deleted AFTER DELETE ON findings WHEN {_alive()} BEGIN
            INSERT OR REPLACE INTO tombstones (inspection_id, entity, key, uid, vv, deleted_at)
            VALUES (OLD.inspection_id, 'finding', OLD.uid, OLD.uid, {_bump("OLD.vv")}, {NOW});
        END;

        CREATE TRIGGER photos_identity AFTER INSERT ON photos WHEN NEW.vv IS NULL BEGIN
            UPDATE photos SET uid = COALESCE(NEW.uid, {NEW_UUID}), vv = {_bump("NULL")}
            WHERE id = NEW.id;
        END;
        CREATE TRIGGER photos_changed AFTER UPDATE OF {", ".join(PHOTO_COLUMNS)} ON photos
            WHEN NEW.vv IS OLD.vv AND ({_changed(PHOTO_COLUMNS)}) BEGIN
            UPDATE photos SET vv = {_bump("OLD.vv")} WHERE id = NEW.id;
        END;

        CREATE TRIGGER signatures_identity AFTER INSERT ON signatures WHEN NEW.vv IS NULL BEGIN
            UPDATE signatures SET
                uid = COALESCE(NEW.uid, {tomb.format(col="uid", entity="signature", key=s_key)},
                               {NEW_UUID}),
                vv = {_bump(tomb.format(col="vv", entity="signature", key=s_key))}
            WHERE id = NEW.id;
            DELETE FROM tombstones WHERE inspection_id = NEW.inspection_id
                AND entity = 'signature' AND key = {s_key};
        END;
        CREATE TRIGGER signatures_changed AFTER UPDATE OF {", ".join(SIGNATURE_COLUMNS)}
            ON signatures WHEN NEW.vv IS OLD.vv AND ({_changed(SIGNATURE_COLUMNS)}) BEGIN
            UPDATE signatures SET vv = {_bump("OLD.vv")} WHERE id = NEW.id;
        END;
        CREATE TRIGGER signatures_deleted AFTER DELETE ON signatures WHEN {_alive()} BEGIN
            INSERT OR REPLACE INTO tombstones (inspection_id, entity, key, uid, vv, deleted_at)
            VALUES (OLD.inspection_id, 'signature', {SIGNATURE_KEY.format(t="OLD")}, OLD.uid,
                    {_bump("OLD.vv")}, {NOW});
        END;
    """
