"""What the hub holds, as its users may see it: the inspections list (an inspector sees their
own; reviewers and admins see all), one park's history, the registry's parks waiting for the
office. Each reads the summary the hub keeps per inspection, so a list of 10,000 is one query.
An inspection's ``review`` is the decision on its current revision (None while that waits for
one), as the office's list (inspection.hub.office_list) says it."""
from __future__ import annotations

from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from checklists.errors import InvalidInput, messages
from inspection.hub.connection import HubSession
from inspection.hub.errors import sql_error

MESSAGES = messages({
    "hub.no_park": ("中心没有名为或编号为“{park}”的园区", "The hub has no park named or numbered “{park}”"),
    "hub.several_parks": ("中心有多个名为“{park}”的园区，请用编号：{ids}",
                          "The hub has several parks named “{park}”; use an id: {ids}"),
})

INSPECTION_COLUMNS = """
    i.id::text AS id, coalesce(p.name, pp.name) AS park, pp.park_id::text AS park_id,
    pp.state AS park_state, i.date, i.owner AS inspector, i.inspectors, i.status, i.revision,
    i.answer_count AS answers, i.photo_count AS photos, i.finding_count AS findings,
    i.open_finding_count AS open_findings, i.report_number, i.template_ids, i.pushed_at,
    (SELECT count(*) FROM hub.revisions r WHERE r.inspection_id = i.id) AS stored_revisions,
    (SELECT decision FROM hub.reviews rv WHERE rv.inspection_id = i.id
     AND rv.revision_id = i.current_revision ORDER BY decided_at DESC, rv.id DESC LIMIT 1) AS review
"""
INSPECTION_FROM = """
    FROM hub.inspections i
    JOIN hub.park_proposals pp ON pp.id = i.park_proposal
    LEFT JOIN hub.parks p ON p.id = pp.park_id
"""


def _query(session: HubSession, sql: str, params: list[Any] | dict[str, Any] | None = None) -> list[dict[str, Any]]:
    try:
        cursor = session.conn.execute(sql, params)
        names = [c.name for c in cursor.description or []]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        session.conn.commit()
    except psycopg.Error as exc:
        session.conn.rollback()
        raise sql_error(exc, what="list") from None
    return rows


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        out[key] = value.isoformat() if hasattr(value, "isoformat") else value
    return out


def inspections(session: HubSession, *, limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Inspections on the hub, newest visit first, with the counts of their current revision."""
    sql = f"SELECT {INSPECTION_COLUMNS} {INSPECTION_FROM} ORDER BY i.date DESC, i.id"
    params: list[Any] = []
    if limit is not None:
        sql += " LIMIT %s OFFSET %s"
        params += [limit, offset]
    return [_plain(r) for r in _query(session, sql, params)]


def find_park(session: HubSession, park: str) -> dict[str, Any]:
    """A registered park by its id or its exact name (refuses a name two parks share)."""
    rows = _query(session, "SELECT id::text, name, address, park_type FROM hub.parks"
                           " WHERE id::text = %(p)s OR name = %(p)s OR name_key = hub.match_key(%(p)s)"
                           " ORDER BY name", {"p": park.strip()})
    exact = [r for r in rows if r["id"] == park.strip()]
    if exact:
        return exact[0]
    if not rows:
        raise InvalidInput("hub.no_park", park=park)
    if len(rows) > 1:
        raise InvalidInput("hub.several_parks", park=park, ids="、".join(r["id"] for r in rows))
    return rows[0]


def park_history(session: HubSession, park: str) -> dict[str, Any]:
    """One park over time: every inspection of it on the hub (that the caller may see)."""
    found = find_park(session, park)
    rows = _query(session, f"SELECT {INSPECTION_COLUMNS} {INSPECTION_FROM}"
                           " WHERE pp.park_id = %s ORDER BY i.date, i.id", [found["id"]])
    return {"park": found, "inspections": [_plain(r) for r in rows]}


def registry_parks(session: HubSession) -> list[dict[str, Any]]:
    return [_plain(r) for r in _query(session, "SELECT id::text, name, address, park_type, created_by,"
                                               " created_at, latitude, longitude FROM hub.parks"
                                               " ORDER BY name")]


def pending_parks(session: HubSession) -> list[dict[str, Any]]:
    """Parks proposed by laptops that the registry could not match by itself."""
    return [_plain(r) for r in _query(session, """
        SELECT id::text, name, address, park_type, proposed_by, proposed_at, reason,
               (SELECT string_agg(p.id::text, ',') FROM hub.parks p
                WHERE p.name_key = hub.match_key(pp.name)) AS candidates
        FROM hub.park_proposals pp WHERE state = 'pending' ORDER BY proposed_at""")]


def resolve_park(session: HubSession, proposal_id: str, park_id: str | None) -> dict[str, Any]:
    """The office decides a pending park: it is the registered park *park_id*, or (None) a new
    park of its own. Inspections pushed with it follow at once; laptops learn it on their next pull."""
    conn = session.conn
    target = find_park(session, park_id)["id"] if park_id is not None else None
    try:
        with conn.transaction():
            proposal = conn.execute("SELECT name, address, park_type, contacts, latitude,"
                                    " longitude FROM hub.park_proposals WHERE id = %s FOR UPDATE",
                                    [proposal_id]).fetchone()
            if proposal is None:
                raise InvalidInput("hub.no_park", park=proposal_id)
            if target is None:  # registered as the laptop proposed it, its location too
                conn.execute("INSERT INTO hub.parks (id, name, address, park_type, contacts,"
                             " latitude, longitude) VALUES (%s, %s, %s, %s, %s, %s, %s)",
                             [proposal_id, *proposal[:3], Jsonb(proposal[3]), *proposal[4:6]])
                park_id, state = proposal_id, "new"
            else:
                park_id, state = target, "matched"
            conn.execute("UPDATE hub.park_proposals SET state = %s, park_id = %s, reason = '',"
                         " resolved_by = session_user, resolved_at = now() WHERE id = %s",
                         [state, park_id, proposal_id])
    except psycopg.Error as exc:
        raise sql_error(exc, what="hub park resolve") from None
    return {"proposal": proposal_id, "state": state, "park_id": park_id}
