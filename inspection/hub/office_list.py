"""The 中心 section's reading of the hub: every inspection by inspector, park, status and review
state, a page at a time; one inspection whole for the review screen (its rows, photos, signed
report and history); a file by its hash. The window runs each in the background through
:func:`on_folder_hub` (a connection of its own, closed after)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from checklists.errors import messages
from inspection.hub.connection import HubSession
from inspection.hub.errors import HubRefused
from inspection.hub.office import LATEST_REVIEW, rows
from inspection.hub.review import find_inspection, hub_template, review_history

MESSAGES = messages({
    "office.no_file": ("中心没有这个文件（或你无权读取）：{sha256}",
                       "The hub has no such file (or you may not read it): {sha256}"),
})
T = TypeVar("T")
REVIEW_STATES = ("pending", "returned", "approved", "none")  # 待审核, 已退回, 已通过, not for review


def on_folder_hub(data_root: Path, work: Callable[[HubSession], T]) -> T:
    """Run *work* on the data folder's hub, on a connection opened for it and closed after."""
    from inspection.hub.folder import open_folder_hub

    with open_folder_hub(data_root) as session:
        return work(session)


def whoami(session: HubSession) -> dict[str, Any]:
    return {"user": session.user, "role": session.role, "hub": session.address.display}


@dataclass(frozen=True)
class OfficeFilter:
    inspector: str = ""  # a hub user name, exactly
    park: str = ""  # part of the park's name
    status: str = ""  # draft / in_progress / completed / signed
    review: str = ""  # one of REVIEW_STATES
    limit: int | None = 200
    offset: int = 0


def office_inspections(session: HubSession, wanted: OfficeFilter) -> tuple[list[dict[str, Any]], int]:
    """One page of the hub's inspections (newest visit first) that *wanted* asks for, each with
    its review state (the decision on its current revision; 待审核 when a completed or signed one
    has none), and how many match in all."""
    params = {"inspector": wanted.inspector, "park_text": wanted.park.strip(),
              "park": f"%{_like(wanted.park.strip())}%",
              "status": wanted.status, "review": wanted.review, "limit": wanted.limit, "offset": wanted.offset}
    found = rows(session, f"""
        WITH latest_review AS ({LATEST_REVIEW}),
        listed AS (
            SELECT i.id::text AS id, coalesce(p.name, pp.name) AS park, pp.park_id::text AS park_id,
                   i.date, i.owner AS inspector, i.inspectors, i.status, i.revision, i.current_revision,
                   i.answer_count AS answers, i.photo_count AS photos, i.finding_count AS findings,
                   i.open_finding_count AS open_findings, i.report_number, i.template_ids, i.pushed_at,
                   CASE WHEN lr.revision_id = i.current_revision THEN lr.decision
                        WHEN i.status IN ('completed', 'signed') THEN 'pending' ELSE 'none' END AS review,
                   lr.decided_at AS reviewed_at
            FROM hub.inspections i
            JOIN hub.park_proposals pp ON pp.id = i.park_proposal
            LEFT JOIN hub.parks p ON p.id = pp.park_id
            LEFT JOIN latest_review lr ON lr.inspection_id = i.id)
        SELECT *, count(*) OVER () AS total FROM listed
        WHERE (%(inspector)s = '' OR inspector = %(inspector)s)
          AND (%(park_text)s = '' OR park ILIKE %(park)s)
          AND (%(status)s = '' OR status = %(status)s)
          AND (%(review)s = '' OR review = %(review)s)
        ORDER BY date DESC, id LIMIT %(limit)s OFFSET %(offset)s""", params, what="office list")
    total = int(found[0]["total"]) if found else 0
    return [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items() if k != "total"}
            for r in found], total


def office_inspectors(session: HubSession) -> list[str]:
    """The hub's inspectors who pushed anything (for the filter)."""
    return [r["owner"] for r in rows(session, "SELECT DISTINCT owner FROM hub.inspections ORDER BY owner")]


def review_detail(session: HubSession, inspection_id: str) -> dict[str, Any]:
    """An inspection's current revision whole, for reading and deciding: its head, the templates
    (as data), answers, findings, photos (by hash: :func:`read_blob` fetches them), handwritten
    signatures, the signed report, and the history of revisions and decisions."""
    head = find_inspection(session, inspection_id)
    revision_id = head["current_revision"]
    more = rows(session, """
        SELECT i.inspectors, i.organisation, i.owner, i.answer_count, i.photo_count, i.finding_count,
               coalesce(p.name, pp.name) AS park, coalesce(p.park_type, pp.park_type) AS park_type,
               coalesce(p.address, pp.address) AS address,
               coalesce(p.latitude, pp.latitude) AS latitude, coalesce(p.longitude, pp.longitude) AS longitude
        FROM hub.inspections i JOIN hub.park_proposals pp ON pp.id = i.park_proposal
        LEFT JOIN hub.parks p ON p.id = pp.park_id WHERE i.id = %s""", [head["id"]])[0]
    detail: dict[str, Any] = {**head, **more, "revision_id": revision_id, "date": head["date"].isoformat()}
    detail["templates"] = [hub_template(session, t) for t in head["template_ids"]]
    detail["answers"] = rows(session, "SELECT template_id, item_code, result, value, note, answered_by"
                                      " FROM hub.answers WHERE revision_id = %s", [revision_id])
    detail["findings"] = [_plain(r) for r in rows(session, """
        SELECT id::text, template_id, item_code, severity, requirement, deadline, responsible, status,
               closing_note, carried_from IS NOT NULL AS carried
        FROM hub.findings WHERE revision_id = %s ORDER BY created_at, id""", [revision_id])]
    detail["photos"] = [_plain(r) for r in rows(session, """
        SELECT id::text, sha256, report_sha256, ext, width, height, template_id, item_code, caption,
               taken_at, annotations, gps_lat, gps_lon
        FROM hub.photos WHERE revision_id = %s ORDER BY taken_at NULLS LAST, id""", [revision_id])]
    detail["signatures"] = [_plain(r) for r in rows(session, """
        SELECT role, name, title, signed_at FROM hub.signatures WHERE revision_id = %s
        ORDER BY signed_at""", [revision_id])]
    detail["reports"] = [_plain(r) for r in rows(session, """
        SELECT sha256, signer, created_at, revision FROM hub.reports WHERE revision_id = %s
        ORDER BY created_at""", [revision_id])]
    detail["history"] = review_history(session, head["id"])
    return detail


def read_blob(session: HubSession, sha256: str, *, limit: int = 200 * 1024 * 1024) -> bytes:
    """A file on the hub by its hash (a photo, the signed report), whole."""
    found = rows(session, "SELECT data FROM hub.blob_chunks WHERE sha256 = %s ORDER BY seq", [sha256],
                 what="read_blob")
    if not found:
        raise HubRefused("office.no_file", sha256=sha256)
    data = b"".join(bytes(r["data"]) for r in found)
    return data[:limit]


def _plain(row: dict[str, Any]) -> dict[str, Any]:
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in row.items()}


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
