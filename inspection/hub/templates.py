"""Templates the office carries to every laptop (imported ones: the program ships the built-in
ones). An admin puts a template of their data folder on the hub (``hub template add ID``); every
sync pulls them, keeps them as data, and installs those the laptop lacks through the store's
own ``install_template_data`` (checked by its content hash; installing twice is a no-op)."""
from __future__ import annotations

import logging
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from checklists.exchange.data import template_from_data
from inspection.hub.connection import HubSession
from inspection.hub.errors import sql_error
from inspection.store import Store

log = logging.getLogger(__name__)


def add_template(session: HubSession, store: Store, template_id: str) -> dict[str, Any]:
    """Put the template *template_id* of this data folder on the hub (admins)."""
    data = store.template_data(template_id)
    template = template_from_data(data)
    try:
        with session.conn.transaction():
            session.conn.execute(
                "INSERT INTO hub.templates (id, version, title, source_sha256, body) VALUES (%s, %s, %s, %s, %s)"
                " ON CONFLICT (id, version) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body,"
                " source_sha256 = EXCLUDED.source_sha256",
                [template.id, template.version, template.title, template.source.sha256, Jsonb(data)])
    except psycopg.Error as exc:
        raise sql_error(exc, what="hub template add") from None
    return {"id": template.id, "version": template.version, "title": template.title}


def install_missing(store: Store, rows: list[dict[str, Any]]) -> int:
    """Install the pulled templates this data folder lacks; returns how many were new."""
    installed = 0
    for row in rows:
        if store.install_template_data(row["body"]).installed:
            installed += 1
    if installed:
        log.info("installed %d templates from the hub", installed)
    return installed
