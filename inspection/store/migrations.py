"""The database schema, as sqlite-utils migrations. Never edit an applied migration: add one.

A database that records a migration this program does not know was written by a newer
version; :func:`check_not_newer` refuses it rather than risk damaging it.
"""
from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from checklists.errors import UserError, messages
from inspection.files import sha256_file

MIGRATION_SET = "park_inspector"
migrations = Migrations(MIGRATION_SET)


MESSAGES = messages({
    "database.too_new": ("这个数据库由更新版本的园区现场检查程序创建（包含未知的结构变更：{unknown}），"
                         "请升级程序后再打开；数据未被改动。",
                         "This database was made by a newer version of Park Inspector (it has"
                         " schema changes this version does not know: {unknown}); update the"
                         " program to open it. Nothing was changed."),
})


class DatabaseTooNew(UserError):
    """The database was written by a newer version of the program."""


@migrations()
def m001_initial(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE parks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            park_type TEXT NOT NULL CHECK (park_type IN ('manufacturing', 'service')),
            address TEXT NOT NULL DEFAULT '',
            contacts TEXT NOT NULL DEFAULT '[]',
            created_at TEXT NOT NULL
        );
        CREATE TABLE inspections (
            id TEXT PRIMARY KEY,
            park_id INTEGER NOT NULL REFERENCES parks(id),
            date TEXT NOT NULL,
            inspectors TEXT NOT NULL DEFAULT '[]',
            organisation TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'draft'
                CHECK (status IN ('draft', 'in_progress', 'completed', 'signed')),
            revision INTEGER NOT NULL DEFAULT 1,
            report_number TEXT NOT NULL,
            revisit_of TEXT REFERENCES inspections(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX inspections_park ON inspections(park_id);
        CREATE TABLE inspection_templates (
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (inspection_id, template_id)
        );
        CREATE TABLE answers (
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            result TEXT,
            value TEXT,
            note TEXT NOT NULL DEFAULT '',
            answered_by TEXT NOT NULL DEFAULT '',
            answered_at TEXT NOT NULL,
            PRIMARY KEY (inspection_id, template_id, item_code)
        );
        CREATE TABLE findings (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            template_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('minor', 'major', 'critical')),
            requirement TEXT NOT NULL,
            deadline TEXT,
            responsible TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            closing_note TEXT NOT NULL DEFAULT '',
            carried_from INTEGER REFERENCES findings(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            closed_at TEXT
        );
        CREATE INDEX findings_inspection ON findings(inspection_id);
        CREATE TABLE photos (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            ext TEXT NOT NULL,
            original_name TEXT NOT NULL DEFAULT '',
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            template_id TEXT,
            item_code TEXT,
            caption TEXT NOT NULL DEFAULT '',
            taken_at TEXT,
            gps_lat REAL,
            gps_lon REAL,
            annotations TEXT NOT NULL DEFAULT '[]',
            thumbnail BLOB NOT NULL,
            imported_at TEXT NOT NULL,
            deleted_at TEXT,
            UNIQUE (inspection_id, sha256)
        );
        CREATE INDEX photos_inspection ON photos(inspection_id);
        CREATE INDEX photos_sha ON photos(sha256);
        CREATE TABLE media_files (
            sha256 TEXT PRIMARY KEY,
            ext TEXT NOT NULL,
            size INTEGER NOT NULL
        );
        CREATE TABLE signatures (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('inspector', 'park_representative')),
            name TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            image_png BLOB NOT NULL,
            signed_at TEXT NOT NULL
        );
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            path TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            signed INTEGER NOT NULL DEFAULT 0,
            signer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            inspection_id TEXT,
            entity TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            detail TEXT NOT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        );
        -- The audit log is append-only: the program never updates or deletes a row.
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
        """
    )


@migrations()
def m002_relative_report_paths(db: Database) -> None:
    """Signed reports are recorded relative to the data folder (``reports/….pdf``).

    Absolute paths broke when the folder moved: after a backup was restored elsewhere the next
    backup left the signed reports out. A path inside this folder becomes relative; so does a
    path from another folder (a restored backup, a relative --data-dir) whose file lies in this
    folder's ``reports/`` with the recorded SHA-256. Anything else is left as it was.
    """
    root = _database_folder(db)
    if root is None:
        return
    rows = db.execute("SELECT id, path, sha256 FROM reports").fetchall()
    for report_id, recorded, sha256 in rows:
        relative = _relative_report_path(root, recorded, sha256)
        if relative is not None:
            db.execute("UPDATE reports SET path = ? WHERE id = ?", [relative, report_id])


@migrations()
def m003_identity(db: Database) -> None:
    """UUIDs, this folder's device id, per-device audit chains, version vectors, tombstones,
    conflicts and revisions, the park registry's columns (see migration_identity)."""
    from inspection.store.migration_identity import identity_schema
    identity_schema(db)


@migrations()
def m004_inspection_figures(db: Database) -> None:
    """The figures the inspections list shows (progress, score, star level, open findings),
    kept with the ``updated_at`` they were worked out for: derived data, worked out again
    whenever the inspection changed (inspection.figures). No audit row: nothing is recorded."""
    db.executescript(
        """
        CREATE TABLE inspection_figures (
            inspection_id TEXT PRIMARY KEY REFERENCES inspections(id) ON DELETE CASCADE,
            updated_at TEXT NOT NULL,
            failed INTEGER NOT NULL DEFAULT 0,
            answered INTEGER NOT NULL,
            total INTEGER NOT NULL,
            percent REAL,
            stars INTEGER,
            rates_stars INTEGER NOT NULL,
            open_findings INTEGER NOT NULL,
            stars_problem TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX inspections_listed ON inspections(date DESC, created_at DESC);
        """
    )



@migrations()
def m005_site_evidence(db: Database) -> None:
    """A park's location (where its photos are expected to be taken), and the inspector's
    reason for each item signed although it breaks an evidence rule (e.g. 不符合 without a
    photo), per revision: reopening asks again at the next signing."""
    db.executescript(
        """
        ALTER TABLE parks ADD COLUMN latitude REAL;
        ALTER TABLE parks ADD COLUMN longitude REAL;
        CREATE TABLE evidence_reasons (
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            template_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            PRIMARY KEY (inspection_id, revision, template_id, item_code)
        );
        """
    )


@migrations()
def m006_imported_templates(db: Database) -> None:
    """Checklist templates an office imported (Excel, Word, a bundle, the hub), kept in the data
    folder so that they survive and travel; and which templates are retired (not offered for
    new inspections, kept for the ones that use them). ``data`` is the template as checked
    data (``checklists.exchange.template_to_data``); ``sha256`` its content hash."""
    db.executescript(
        """
        CREATE TABLE templates (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            data TEXT NOT NULL,
            title TEXT NOT NULL,
            document_number TEXT NOT NULL DEFAULT '',
            edition TEXT NOT NULL DEFAULT '',
            source_file TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            imported_by TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE retired_templates (
            template_id TEXT PRIMARY KEY,
            retired_at TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );
        """
    )


@migrations()
def m007_hub_sync(db: Database) -> None:
    """What this folder knows of its hub (inspection.hub): the revisions it pushed (by content
    hash, so a sync after a cut carries on and a pushed inspection is not sent twice), the open
    findings and review decisions it pulled, the hub's templates, and each sync's outcome."""
    from inspection.store.migration_hub import hub_sync_schema
    hub_sync_schema(db)


@migrations()
def m008_hub_refusals(db: Database) -> None:
    """The hub's lasting refusals of an inspection's state (inspection.store.hub_state): an
    inspection of another login brought on a USB stick, a signed revision the hub holds with
    other content. That state is not offered again to that hub and login; a new one is."""
    db.executescript(
        """
        CREATE TABLE hub_refusals (
            hub_id TEXT NOT NULL,
            hub_user TEXT NOT NULL,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            status TEXT NOT NULL,
            local_updated_at TEXT NOT NULL,
            code TEXT NOT NULL,
            arguments TEXT NOT NULL DEFAULT '{}',
            refused_at TEXT NOT NULL,
            PRIMARY KEY (hub_id, hub_user, inspection_id)
        );
        """
    )


@migrations()
def m009_reviewed_content(db: Database) -> None:
    """What each pulled review decided on, by content: the hash of the revision the office
    reviewed (a decision applies to the state this folder pushed with that content, not to
    whatever state has the same revision number), and the decision an approval was carried
    over from (the hub carries one to a revision with the same results, hub schema 0008).
    Filled by the next sync's pull, which replaces the table."""
    db.executescript(
        """
        ALTER TABLE hub_reviews ADD COLUMN content_sha256 TEXT;
        ALTER TABLE hub_reviews ADD COLUMN carried_from TEXT;
        """
    )


@migrations()
def m010_conflict_times(db: Database) -> None:
    """A conflict's pick was stamped in UTC without an offset (SQLite's datetime('now')), where
    every other time the store keeps is local time with its offset: read as local, it was off
    by the zone (eight hours in China). Those stamps become this computer's local time with its
    offset, as the pick would have been stamped (the same instant)."""
    rows = db.execute("SELECT id, resolved_at FROM conflicts WHERE resolved_at IS NOT NULL").fetchall()
    for conflict_id, stamp in rows:
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            continue  # not a time: left as it is (check-db reads the rest)
        if moment.tzinfo is None:
            local = moment.replace(tzinfo=UTC).astimezone().isoformat(timespec="milliseconds")
            db.execute("UPDATE conflicts SET resolved_at = ? WHERE id = ?", [local, conflict_id])


@migrations()
def m011_hub_earlier_photos(db: Database) -> None:
    """整改前 for a finding a revisit carried from the hub (another inspector's visit, not in this
    folder): the photos of its item at that visit, fetched by sync (hub schema 0009). A row of
    ``hub_earlier_checked`` says the hub was asked about the finding (and when, and which visit
    recorded it), whether or not it had photos; ``hub_earlier_photos`` lists the photos, whose
    report-size copies are kept in ``media/earlier/``."""
    db.executescript(
        """
        CREATE TABLE hub_earlier_checked (
            finding_uid TEXT PRIMARY KEY,
            hub_id TEXT NOT NULL,
            inspection_uid TEXT NOT NULL,
            inspection_date TEXT NOT NULL,
            checked_at TEXT NOT NULL
        );
        CREATE TABLE hub_earlier_photos (
            finding_uid TEXT NOT NULL REFERENCES hub_earlier_checked(finding_uid) ON DELETE CASCADE,
            photo_uid TEXT NOT NULL,
            template_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            taken_at TEXT,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            sha256 TEXT NOT NULL,
            PRIMARY KEY (finding_uid, photo_uid)
        );
        """
    )


@migrations()
def m012_carried_signatures(db: Database) -> None:
    """A handwritten signature keeps what it confirmed (the results and findings when it was
    given, inspection.signers.confirmed_state) and, when it was carried into a later revision on
    reopening, the revision it was given in. Older signatures have none recorded: reopening takes
    the state of the revision they were part of."""
    db.executescript(
        """
        ALTER TABLE signatures ADD COLUMN confirmed TEXT;
        ALTER TABLE signatures ADD COLUMN carried_from INTEGER;
        """
    )


def _database_folder(db: Database) -> Path | None:
    for _, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    return None  # in memory: no folder to be relative to


def _relative_report_path(root: Path, recorded: str, sha256: str) -> str | None:
    path = Path(recorded)
    if path.is_absolute():
        with contextlib.suppress(ValueError):
            return path.relative_to(root).as_posix()
    if recorded == f"reports/{path.name}":
        return None
    here = root / "reports" / path.name
    try:
        if here.is_file() and sha256_file(here) == sha256:
            return f"reports/{path.name}"
    except OSError:
        pass
    return None


def known_names() -> list[str]:
    return [m.name for m in migrations._migrations]


def check_not_newer(db: Database) -> None:
    """Refuse a database that has migrations this program does not know."""
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known_names()]
    if unknown:
        raise DatabaseTooNew("database.too_new", unknown=unknown)


def migrate(db: Database) -> list[str]:
    """Apply pending migrations; return their names. Refuses a newer database first."""
    check_not_newer(db)
    pending = [m.name for m in migrations.pending(db)]
    if not pending and db.execute("PRAGMA user_version").fetchone()[0] == len(known_names()):
        return []  # nothing to write: a full disk or a read-only folder still opens
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {len(known_names())}")
    return pending
