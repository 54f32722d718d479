"""Pulling from the hub into a data folder: the park registry (our parks linked to the hub's,
the registry's parks this folder lacks), the open findings of every park, review decisions on
our inspections, the templates the office carries, and the "before" photos of other
inspectors' visits that a revisit here continues (inspection/hub/earlier.py). Each part replaces what the folder knew
before, so pulling twice is the same as pulling once."""
from __future__ import annotations

import logging
from typing import Any

import psycopg

from checklists.errors import UserError
from inspection.hub.connection import HubSession
from inspection.hub.errors import sql_error
from inspection.store import Store
from inspection.store.identity import RegistryState

log = logging.getLogger(__name__)

REASONS = {
    "same_name_other_address": "中心已登记同名园区，但地址不同：待办公室核对",
    "same_name_no_address": "中心已登记同名园区，本园区没有地址可比对：待办公室核对",
    "several_matches": "中心有多个同名同地址的园区：待办公室核对",
}


def _rows(session: HubSession, query: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    try:
        cursor = session.conn.execute(query, params)
        names = [c.name for c in cursor.description or []]
        rows = [dict(zip(names, row)) for row in cursor.fetchall()]
        session.conn.commit()
    except psycopg.Error as exc:
        session.conn.rollback()
        raise sql_error(exc, what="pull") from None
    return rows


def apply_proposal(store: Store, *, proposal_id: str, state: str, park_id: str | None,
                   reason: str = "") -> str | None:
    """What the registry decided about one of our parks, applied to the local park (by uid)."""
    local = store.park_by_uid(proposal_id)
    if local is None:
        return None
    current = store.park_registry_state(local.id)
    if state in ("new", "matched") and park_id:
        try:
            store.match_park(local.id, str(park_id))
            return "matched"
        except UserError as exc:  # another park here stands for that hub park already
            store.flag_park(local.id, exc.text())
            return "flagged"
    if current.state is not RegistryState.FLAGGED or current.note != REASONS.get(reason, reason):
        store.flag_park(local.id, REASONS.get(reason, reason))
    return "flagged"


def pull_registry(session: HubSession, store: Store) -> dict[str, int]:
    counts = {"matched": 0, "flagged": 0, "added": 0, "same_name_here": 0, "located": 0}
    for row in _rows(session, "SELECT id::text, state, park_id::text, reason FROM hub.park_proposals"):
        outcome = apply_proposal(store, proposal_id=row["id"], state=row["state"],
                                 park_id=row["park_id"], reason=row["reason"])
        if outcome:
            counts[outcome] += 1
    for park in _rows(session, "SELECT id::text, name, address, park_type, contacts, latitude,"
                               " longitude FROM hub.parks ORDER BY created_at"):
        location = (park["latitude"], park["longitude"]) \
            if park["latitude"] is not None and park["longitude"] is not None else None
        here = store.park_by_hub_id(park["id"]) or store.park_by_uid(park["id"])
        if here is not None:
            if location is not None and here.location is None:  # learnt, never overwritten
                store.set_park_location(here.id, location)
                counts["located"] += 1
            continue
        added = store.add_registry_park(hub_park_id=park["id"], name=park["name"],
                                        park_type=park["park_type"], address=park["address"],
                                        contacts=park["contacts"] or [], location=location)
        counts["added" if added else "same_name_here"] += 1
    return counts


def pull_open_findings(session: HubSession, store: Store) -> int:
    rows = _rows(session, """
        SELECT id::text AS uid, park_id::text AS hub_park_id, inspection_id::text, inspection_date,
               report_number, template_id, item_code, severity, requirement, deadline, responsible,
               created_at
        FROM hub.open_findings WHERE park_id IS NOT NULL""")
    return store.replace_hub_open_findings(session.hub_id, rows)


def pull_reviews(session: HubSession, store: Store) -> int:
    rows = _rows(session, """
        SELECT r.id::text, r.inspection_id::text, v.revision, r.decision, r.comment,
               r.item_comments, r.reviewer, r.decided_at, v.content_sha256, r.carried_from::text
        FROM hub.reviews r JOIN hub.revisions v ON v.id = r.revision_id
        WHERE r.inspection_owner = session_user""")
    return store.replace_hub_reviews(session.hub_id, rows)


def pull_templates(session: HubSession, store: Store) -> int:
    from inspection.hub.templates import install_missing

    rows = _rows(session, "SELECT id, version, title, source_sha256, body FROM hub.templates")
    count = store.replace_hub_templates(session.hub_id, rows)
    install_missing(store, rows)
    return count


def pull(session: HubSession, store: Store) -> dict[str, Any]:
    """Everything a data folder takes from the hub; returns counts for the sync's report."""
    result: dict[str, Any] = {"parks": pull_registry(session, store)}
    result["open_findings"] = pull_open_findings(session, store)
    result["reviews"] = pull_reviews(session, store)
    result["templates"] = pull_templates(session, store)
    from inspection.hub.earlier import pull_earlier_photos  # 整改前 of other inspectors' visits

    result["earlier_photos"] = pull_earlier_photos(session, store)
    log.info("pulled from %s: %s", session.address.display, result)
    return result
