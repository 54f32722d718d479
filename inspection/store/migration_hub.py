"""Migration m007: what a data folder knows of its hub. Never edit: add a migration.

The tables are described in inspection.store.hub_state, which reads and writes them.
"""
from __future__ import annotations

from sqlite_utils import Database


def hub_sync_schema(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE hub_pushes (
            hub_id TEXT NOT NULL,
            inspection_id TEXT NOT NULL REFERENCES inspections(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            status TEXT NOT NULL,
            content_sha256 TEXT NOT NULL,
            local_updated_at TEXT NOT NULL,
            pushed_at TEXT NOT NULL,
            PRIMARY KEY (hub_id, inspection_id, content_sha256)
        );
        CREATE INDEX hub_pushes_inspection ON hub_pushes(hub_id, inspection_id, pushed_at);
        CREATE TABLE hub_open_findings (
            hub_id TEXT NOT NULL,
            uid TEXT NOT NULL,
            hub_park_id TEXT NOT NULL,
            inspection_id TEXT NOT NULL,
            inspection_date TEXT NOT NULL,
            report_number TEXT NOT NULL DEFAULT '',
            template_id TEXT NOT NULL,
            item_code TEXT NOT NULL,
            severity TEXT NOT NULL,
            requirement TEXT NOT NULL,
            deadline TEXT,
            responsible TEXT NOT NULL DEFAULT '',
            created_at TEXT,
            pulled_at TEXT NOT NULL,
            PRIMARY KEY (hub_id, uid)
        );
        CREATE INDEX hub_open_findings_park ON hub_open_findings(hub_park_id);
        CREATE TABLE hub_reviews (
            hub_id TEXT NOT NULL,
            id TEXT NOT NULL,
            inspection_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            decision TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            item_comments TEXT NOT NULL DEFAULT '[]',
            reviewer TEXT NOT NULL,
            decided_at TEXT NOT NULL,
            pulled_at TEXT NOT NULL,
            PRIMARY KEY (hub_id, id)
        );
        CREATE INDEX hub_reviews_inspection ON hub_reviews(inspection_id, decided_at);
        CREATE TABLE hub_templates (
            hub_id TEXT NOT NULL,
            template_id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            source_sha256 TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            pulled_at TEXT NOT NULL,
            PRIMARY KEY (hub_id, template_id, version)
        );
        CREATE TABLE hub_syncs (
            id INTEGER PRIMARY KEY,
            hub_id TEXT NOT NULL DEFAULT '',
            hub TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('done', 'partly', 'failed', 'offline', 'cancelled')),
            summary TEXT NOT NULL DEFAULT '{}',
            message TEXT NOT NULL DEFAULT ''
        );
        """)
