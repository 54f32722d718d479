"""The office's queries on the hub for comparing parks, following one park and chasing 整改: the
rows the pure computations of inspection.office need, each in a few statements whatever the
hub's size (a ranking reads one revision per park; a trend one park's visits; the tracker one
page of findings with the total counted alongside).

Row-level security applies as to everything else: a reviewer or an admin reads every inspection,
an inspector their own (and the open findings of every park, without their photos).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import psycopg

from checklists.model import Template
from inspection.hub.connection import HubSession
from inspection.hub.errors import sql_error
from inspection.hub.listing import find_park
from inspection.hub.review import hub_template
from inspection.model import Answer
from inspection.office.ranking import ParkEntry, Waiting
from inspection.office.tracker import TrackedFinding, TrackerFilter, TrackerPage, days_overdue, item_title
from inspection.office.trends import Visit, VisitFinding

# Each inspection's latest shared revision (its newest completed or signed one), as ``s``: what
# the office ranks, follows and chases. A draft backed up to the hub while its inspector reworks
# the inspection is its current revision, not a shared one (hub schema 0007, open_findings).
SHARED_REVISION = """
    JOIN LATERAL (SELECT r.id AS revision_id, r.revision, r.status FROM hub.revisions r
                  WHERE r.inspection_id = i.id AND r.status IN ('completed', 'signed')
                  ORDER BY r.revision DESC, r.id DESC LIMIT 1) s ON true"""

# The latest decision on each inspection (of whichever revision).
LATEST_REVIEW = """
    SELECT DISTINCT ON (inspection_id) inspection_id, revision_id, decision, decided_at
    FROM hub.reviews ORDER BY inspection_id, decided_at DESC, id DESC"""


def rows(session: HubSession, sql: str, params: Sequence[Any] | dict[str, Any] | None = None, *,
         what: str = "office") -> list[dict[str, Any]]:
    """The rows of one statement as dicts (committed at once: nothing is held open)."""
    try:
        cursor = session.conn.execute(sql, params)
        names = [c.name for c in cursor.description or []]
        found = [dict(zip(names, row)) for row in cursor.fetchall()]
        session.conn.commit()
    except psycopg.Error as exc:
        session.conn.rollback()
        raise sql_error(exc, what=what) from None
    return found


def _text(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def _answers(session: HubSession, revision_ids: Sequence[int], template_id: str | None = None
             ) -> dict[int, dict[tuple[str, str], Answer]]:
    found: dict[int, dict[tuple[str, str], Answer]] = {}
    if not revision_ids:
        return found
    sql = ("SELECT revision_id, template_id, item_code, result, value, note, answered_by, answered_at"
           " FROM hub.answers WHERE revision_id = ANY(%s)")
    params: list[Any] = [list(revision_ids)]
    if template_id is not None:
        sql += " AND template_id = %s"
        params.append(template_id)
    for row in rows(session, sql, params, what="answers"):
        found.setdefault(row["revision_id"], {})[(row["template_id"], row["item_code"])] = Answer(
            row["template_id"], row["item_code"], row["result"], row["value"], row["note"],
            row["answered_by"], _text(row["answered_at"]) or "")
    return found


# --- compare parks -----------------------------------------------------------------------------

def ranking_entries(session: HubSession, template_id: str) -> tuple[Template, list[ParkEntry], list[Waiting]]:
    """For *template_id*: each registered park's latest approved inspection of it (with the
    answers of the revision that was approved), and the parks whose inspections of it wait for
    approval (not reviewed yet, or returned)."""
    candidates = rows(session, f"""
        WITH latest_review AS ({LATEST_REVIEW})
        SELECT DISTINCT ON (pp.park_id) pp.park_id::text AS park_id, p.name AS park_name, p.park_type,
               i.id::text AS inspection_id, i.date, i.organisation, i.report_number, i.inspectors,
               lr.decision, lr.revision_id AS approved_revision, lr.decided_at
        FROM hub.inspections i
        JOIN hub.park_proposals pp ON pp.id = i.park_proposal
        JOIN hub.parks p ON p.id = pp.park_id
        LEFT JOIN latest_review lr ON lr.inspection_id = i.id
        {SHARED_REVISION}
        WHERE %(template)s = ANY(i.template_ids)
        ORDER BY pp.park_id, (lr.decision = 'approved') DESC NULLS LAST, i.date DESC,
                 lr.decided_at DESC NULLS LAST, i.id""", {"template": template_id}, what="hub ranking")
    template = hub_template(session, template_id)
    approved = [c for c in candidates if c["decision"] == "approved"]
    answers = _answers(session, [c["approved_revision"] for c in approved], template_id)
    entries = [ParkEntry(park_id=c["park_id"], park_name=c["park_name"], park_type=c["park_type"],
                         inspection_id=c["inspection_id"], date=c["date"].isoformat(),
                         answers={code: a for (_, code), a in answers.get(c["approved_revision"], {}).items()},
                         organisation=c["organisation"], report_number=c["report_number"],
                         inspectors=tuple(c["inspectors"] or ()), approved_at=_text(c["decided_at"]))
               for c in approved]
    waiting = [Waiting(c["park_id"], c["park_name"], c["park_type"], c["date"].isoformat(),
                       "returned" if c["decision"] == "returned" else "pending")
               for c in candidates if c["decision"] != "approved"]
    return template, entries, waiting


def ranking_templates(session: HubSession) -> list[str]:
    """The templates the hub's completed and signed inspections used, most used first."""
    return [r["template_id"] for r in rows(session, """
        SELECT t AS template_id, count(*) AS n FROM hub.inspections i, unnest(i.template_ids) t
        WHERE EXISTS (SELECT 1 FROM hub.revisions r WHERE r.inspection_id = i.id
                      AND r.status IN ('completed', 'signed'))
        GROUP BY t ORDER BY n DESC, t""")]


# --- one park over time ------------------------------------------------------------------------

def park_visits(session: HubSession, park: str) -> tuple[dict[str, Any], list[Visit]]:
    """The registered park *park* (name or id) and its completed and signed inspections, each
    as its latest shared revision, with the decision on that revision."""
    found = find_park(session, park)
    heads = rows(session, f"""
        WITH latest_review AS ({LATEST_REVIEW})
        SELECT i.id::text AS inspection_id, i.date, s.status, s.revision, s.revision_id,
               i.template_ids, i.owner,
               CASE WHEN lr.revision_id = s.revision_id THEN lr.decision END AS review
        FROM hub.inspections i
        JOIN hub.park_proposals pp ON pp.id = i.park_proposal
        LEFT JOIN latest_review lr ON lr.inspection_id = i.id
        {SHARED_REVISION}
        WHERE pp.park_id = %s
        ORDER BY i.date, i.id""", [found["id"]], what="hub trends")
    revision_ids = [h["revision_id"] for h in heads]
    answers = _answers(session, revision_ids)
    findings: dict[int, list[VisitFinding]] = {}
    for row in rows(session, "SELECT revision_id, template_id, item_code, status, carried_from IS NOT NULL"
                             " AS carried FROM hub.findings WHERE revision_id = ANY(%s)", [revision_ids]):
        findings.setdefault(row["revision_id"], []).append(
            VisitFinding(row["template_id"], row["item_code"], row["status"], row["carried"]))
    visits = [Visit(inspection_id=h["inspection_id"], date=h["date"].isoformat(),
                    template_ids=tuple(h["template_ids"]), answers=answers.get(h["revision_id"], {}),
                    findings=tuple(findings.get(h["revision_id"], ())), status=h["status"],
                    revision=h["revision"], inspector=h["owner"], review=h["review"])
              for h in heads]
    return {"id": found["id"], "name": found["name"], "address": found["address"],
            "park_type": found["park_type"], "source": "hub"}, visits


# --- the 整改 tracker ---------------------------------------------------------------------------

def tracker_rows(session: HubSession, wanted: TrackerFilter, *, as_of: date | None = None) -> TrackerPage:
    """One page of the open findings across parks that *wanted* asks for, most overdue first;
    the page knows how many match in all and how many of those are overdue."""
    as_of = as_of or wanted.as_of or date.today()
    park = wanted.park.strip()
    unit = wanted.unit.strip()
    params = {"park": park, "park_like": f"%{_like(park)}%", "unit": unit, "unit_like": f"%{_like(unit)}%",
              "overdue": wanted.overdue_only, "as_of": as_of, "limit": wanted.limit, "offset": wanted.offset}
    found = rows(session, """
        WITH wanted AS (
            SELECT f.*, coalesce(p.name, '') AS park
            FROM hub.open_findings f LEFT JOIN hub.parks p ON p.id = f.park_id
            WHERE (%(park)s = '' OR f.park_id::text = %(park)s OR p.name ILIKE %(park_like)s)
              AND (%(unit)s = '' OR f.responsible ILIKE %(unit_like)s)
              AND (NOT %(overdue)s OR f.deadline < %(as_of)s)),
        page AS (
            SELECT w.*, count(*) OVER () AS total,
                   count(*) FILTER (WHERE w.deadline < %(as_of)s) OVER () AS overdue_total
            FROM wanted w
            ORDER BY w.deadline NULLS LAST, w.park, w.inspection_date, w.template_id, w.item_code, w.id
            LIMIT %(limit)s OFFSET %(offset)s)
        SELECT page.id::text, page.park_id::text, page.park, page.inspection_id::text, page.inspection_date,
               page.report_number, page.template_id, page.item_code, page.severity, page.requirement,
               page.deadline, page.responsible, page.total, page.overdue_total, i.owner, i.inspectors,
               (SELECT count(*) FROM hub.photos ph WHERE ph.revision_id = page.revision_id
                AND ph.template_id = page.template_id AND ph.item_code = page.item_code) AS photos,
               (SELECT a.note FROM hub.answers a WHERE a.revision_id = page.revision_id
                AND a.template_id = page.template_id AND a.item_code = page.item_code) AS note
        FROM page LEFT JOIN hub.inspections i ON i.id = page.inspection_id
        ORDER BY page.deadline NULLS LAST, page.park, page.inspection_date, page.template_id,
                 page.item_code, page.id""", params, what="hub tracker")
    if found:
        total, overdue = found[0]["total"], found[0]["overdue_total"]
    else:  # a page past the end (a finding closed since the first page): counted apart
        total, overdue = _count(session, params) if wanted.offset else (0, 0)
    tracked = tuple(TrackedFinding(
        id=r["id"], park_id=r["park_id"] or "", park=r["park"], inspection_id=r["inspection_id"],
        inspection_date=r["inspection_date"].isoformat(), report_number=r["report_number"],
        template_id=r["template_id"], item_code=r["item_code"],
        item_title=item_title(r["template_id"], r["item_code"]), severity=r["severity"],
        requirement=r["requirement"], deadline=_text(r["deadline"]), responsible=r["responsible"],
        days_overdue=days_overdue(r["deadline"], as_of), photos=int(r["photos"] or 0),
        note=r["note"] or "",  # the inspection's inspectors, as the office's list shows them
        inspector="、".join(r["inspectors"] or ()) or r["owner"] or "") for r in found)
    return TrackerPage(tracked, int(total), int(overdue), as_of, wanted)


def _count(session: HubSession, params: dict[str, Any]) -> tuple[int, int]:
    """How many match and how many of those are overdue, for a page past the end (which has no
    row to carry the counts)."""
    found = rows(session, """
        SELECT count(*) AS n, count(*) FILTER (WHERE f.deadline < %(as_of)s) AS overdue
        FROM hub.open_findings f LEFT JOIN hub.parks p ON p.id = f.park_id
        WHERE (%(park)s = '' OR f.park_id::text = %(park)s OR p.name ILIKE %(park_like)s)
          AND (%(unit)s = '' OR f.responsible ILIKE %(unit_like)s)
          AND (NOT %(overdue)s OR f.deadline < %(as_of)s)""", params, what="hub tracker")
    return int(found[0]["n"]), int(found[0]["overdue"])


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")

