"""What a data folder knows of its hub (migration m007, migration_hub) and the local side of a sync.

- ``hub_pushes``: each revision this folder pushed to a hub, by content hash and the
  inspection's ``updated_at`` when its bundle was made. An inspection waits to go when its
  current state (revision, status, updated_at) has no push record for this hub.
- ``hub_open_findings``: the open findings of every park, as the hub last said (a revisit here
  carries them even when the earlier visit was another inspector's).
- ``hub_reviews``: review decisions on this inspector's inspections.
- ``hub_templates``: templates the office carries to every laptop, kept as data.
- ``hub_syncs``: when each sync ran and how it ended (the status bar shows the last one).
- ``hub_refusals`` (m008): the hub's lasting refusal of an inspection's state for one login
  (another login's inspection, a signed revision the hub holds with other content), by the
  same (revision, status, updated_at) as a push. That state does not wait to go any more: it
  is not offered to that hub and login again; the inspection's next state (another bundle of
  it imported, an edit, a reopening) is, once.

These are records about the hub, not edits of an inspection: they have no audit rows. The
edits a sync makes (parks linked to the registry, a revisit started) go through ``_edit``.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput, messages
from inspection.model import Inspection, Park, ParkType, Status
from inspection.store.base import StoreBase, dumps, now_iso

if TYPE_CHECKING:
    from inspection.store.identity import ParkRegistry

MESSAGES = messages({
    "hub_state.no_findings": ("园区“{park}”在中心没有未完成的整改，也没有本机的检查可复查",
                              "The park “{park}” has no open findings on the hub and no inspection here to revisit"),
    "hub_state.no_templates": ("请至少选择一个检查模板", "Choose at least one checklist template"),
})


@dataclass(frozen=True)
class PendingPush:
    """An inspection whose current state the hub has not received from this folder."""

    inspection_id: str
    revision: int
    status: Status
    updated_at: str
    park_name: str
    date: str
    base_sha256: str | None  # the content this folder last pushed of this inspection (or None)


@dataclass(frozen=True)
class HubRefusal:
    """The hub's lasting refusal of the state an inspection is in (while it still is)."""

    inspection_id: str
    revision: int
    status: str
    park_name: str
    date: str
    code: str  # the hub's reason (inspection.hub.errors), with its arguments
    arguments: dict[str, str]
    refused_at: str


@dataclass(frozen=True)
class HubSyncRecord:
    hub: str
    started_at: str
    finished_at: str
    outcome: str
    summary: dict[str, Any]
    message: str


SHARED_STATUSES = (Status.COMPLETED.value, Status.SIGNED.value)


class HubStateMixin(StoreBase):
    if TYPE_CHECKING:  # from the sibling mixins that Store combines with this one
        def inspection(self, inspection_id: str) -> Inspection: ...
        def park(self, park_id: int) -> Park: ...
        def find_park(self, name: str) -> Park | None: ...
        def park_by_uid(self, uid: str) -> Park | None: ...
        def park_by_hub_id(self, hub_park_id: str) -> Park | None: ...
        def park_registry_state(self, park_id: int) -> ParkRegistry: ...
        def new_inspection(self, park_id: int, template_ids: Sequence[str], *,
                           inspectors: Sequence[str], date: str | None = None,
                           organisation: str = "", revisit_of: str | None = None) -> Inspection: ...
        def new_revisit(self, inspection_id: str, *, inspectors: Sequence[str] | None = None,
                        date: str | None = None) -> Inspection: ...

    # --- what waits to go --------------------------------------------------------------

    def hub_pending(self, hub_id: str, *, include_drafts: bool = False,
                    user: str | None = None) -> list[PendingPush]:
        """Inspections whose current state this folder has not pushed to the hub *hub_id*:
        completed and signed ones, and drafts and those in progress when *include_drafts*.
        Left out: those whose current state the hub refused for good to *user* (any login
        when None; ``hub_refusals``)."""
        statuses = [s.value for s in Status] if include_drafts else list(SHARED_STATUSES)
        rows = self._all(
            f"""SELECT i.id, i.revision, i.status, i.updated_at, i.date, p.name AS park_name,
                   (SELECT content_sha256 FROM hub_pushes h WHERE h.hub_id = :hub
                    AND h.inspection_id = i.id ORDER BY pushed_at DESC, rowid DESC LIMIT 1) AS base
            FROM inspections i JOIN parks p ON p.id = i.park_id
            WHERE i.status IN ({", ".join(f"'{s}'" for s in statuses)})
              AND NOT EXISTS (SELECT 1 FROM hub_pushes h WHERE h.hub_id = :hub
                  AND h.inspection_id = i.id AND h.revision = i.revision
                  AND h.status = i.status AND h.local_updated_at = i.updated_at)
              AND NOT EXISTS (SELECT 1 FROM hub_refusals r WHERE r.hub_id = :hub
                  AND (:user IS NULL OR r.hub_user = :user) AND r.inspection_id = i.id
                  AND r.revision = i.revision AND r.status = i.status
                  AND r.local_updated_at = i.updated_at)
            ORDER BY i.date, i.created_at""", {"hub": hub_id, "user": user})
        return [PendingPush(r["id"], r["revision"], Status(r["status"]), r["updated_at"],
                            r["park_name"], r["date"], r["base"]) for r in rows]

    def record_hub_refusal(self, hub_id: str, *, user: str, inspection_id: str, revision: int,
                           status: str, local_updated_at: str, code: str,
                           arguments: Mapping[str, Any]) -> None:
        """The hub refused this state of the inspection to *user* for good (not a fault of the
        moment): it is not offered again; the inspection's next state is."""
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO hub_refusals (hub_id, hub_user, inspection_id, revision,"
                " status, local_updated_at, code, arguments, refused_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [hub_id, user, inspection_id, revision, status, local_updated_at, code,
                 dumps({k: str(v) for k, v in arguments.items()}), now_iso()])

    def hub_refusals(self, hub_id: str, *, user: str | None = None) -> list[HubRefusal]:
        """The refusals that still hold: the inspection is in the state the hub refused."""
        rows = self._all(
            """SELECT r.*, p.name AS park_name, i.date FROM hub_refusals r
               JOIN inspections i ON i.id = r.inspection_id AND i.revision = r.revision
                    AND i.status = r.status AND i.updated_at = r.local_updated_at
               JOIN parks p ON p.id = i.park_id
               WHERE r.hub_id = :hub AND (:user IS NULL OR r.hub_user = :user)
               ORDER BY i.date, r.refused_at""", {"hub": hub_id, "user": user})
        return [HubRefusal(r["inspection_id"], r["revision"], r["status"], r["park_name"], r["date"],
                           r["code"], json.loads(r["arguments"]), r["refused_at"]) for r in rows]

    def record_hub_push(self, hub_id: str, *, inspection_id: str, revision: int, status: str,
                        content_sha256: str, local_updated_at: str) -> None:
        with self._transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO hub_pushes (hub_id, inspection_id, revision, status,"
                " content_sha256, local_updated_at, pushed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [hub_id, inspection_id, revision, status, content_sha256, local_updated_at, now_iso()])
            # Taken now: a refusal of an earlier state says nothing any more.
            self.db.execute("DELETE FROM hub_refusals WHERE hub_id = ? AND inspection_id = ?",
                            [hub_id, inspection_id])

    def hub_last_push(self, hub_id: str, inspection_id: str) -> dict[str, Any] | None:
        return self._one("SELECT * FROM hub_pushes WHERE hub_id = ? AND inspection_id = ?"
                         " ORDER BY pushed_at DESC, rowid DESC LIMIT 1", [hub_id, inspection_id])

    def findings_settled_on_hub(self, inspection_id: str) -> set[int]:
        """The open findings of *inspection_id* that a later visit carried on, as the hub said
        (another inspector's revisit closed them, or carries them still): the hub received
        this inspection's current state, a sync after that push pulled the parks' open
        findings, and those no longer list these. Empty when this folder cannot know (the
        park not matched, the state not pushed, no pull since the push)."""
        pushed = self._one(
            """SELECT h.hub_id, h.pushed_at FROM inspections i
               JOIN parks p ON p.id = i.park_id
               JOIN hub_pushes h ON h.inspection_id = i.id AND h.revision = i.revision
                    AND h.status = i.status AND h.local_updated_at = i.updated_at
               WHERE i.id = ? AND i.status IN ('completed', 'signed')
                 AND p.registry_state = 'matched' AND p.hub_park_id IS NOT NULL
               ORDER BY h.pushed_at DESC LIMIT 1""", [inspection_id])
        if pushed is None:
            return set()
        pulled = self._one("SELECT max(finished_at) AS at FROM hub_syncs WHERE hub_id = ?"
                           " AND outcome IN ('done', 'partly')", [pushed["hub_id"]])
        if pulled is None or pulled["at"] is None or pulled["at"] < pushed["pushed_at"]:
            return set()
        return {r["id"] for r in self._all(
            "SELECT id FROM findings WHERE inspection_id = ? AND status = 'open' AND uid IS NOT NULL"
            " AND uid NOT IN (SELECT uid FROM hub_open_findings WHERE hub_id = ? AND uid IS NOT NULL)",
            [inspection_id, pushed["hub_id"]])}

    # --- what the hub said -------------------------------------------------------------

    def replace_hub_open_findings(self, hub_id: str, rows: Iterable[dict[str, Any]]) -> int:
        """The hub's open findings of every park, replacing what it said before."""
        stamp = now_iso()
        records = [{**{k: _text(r.get(k)) for k in (
            "uid", "hub_park_id", "inspection_id", "inspection_date", "report_number", "template_id",
            "item_code", "severity", "requirement", "deadline", "responsible", "created_at")},
            "hub_id": hub_id, "pulled_at": stamp} for r in rows]
        with self._transaction():
            self.db.execute("DELETE FROM hub_open_findings WHERE hub_id = ?", [hub_id])
            if records:
                self.db.table("hub_open_findings").insert_all(records)
        return len(records)

    def hub_open_findings(self, hub_park_id: str) -> list[dict[str, Any]]:
        return self._all("SELECT * FROM hub_open_findings WHERE hub_park_id = ?"
                         " ORDER BY inspection_date, template_id, item_code", [hub_park_id])

    def replace_hub_reviews(self, hub_id: str, rows: Iterable[dict[str, Any]]) -> int:
        stamp = now_iso()
        records = [{"hub_id": hub_id, "id": str(r["id"]), "inspection_id": str(r["inspection_id"]),
                    "revision": int(r["revision"]), "decision": r["decision"],
                    "comment": r.get("comment") or "", "item_comments": dumps(r.get("item_comments") or []),
                    "reviewer": r["reviewer"], "decided_at": _text(r["decided_at"]),
                    "content_sha256": r.get("content_sha256"), "carried_from": r.get("carried_from"),
                    "pulled_at": stamp}
                   for r in rows]
        with self._transaction():
            self.db.execute("DELETE FROM hub_reviews WHERE hub_id = ?", [hub_id])
            if records:
                self.db.table("hub_reviews").insert_all(records)
        return len(records)

    def hub_reviews(self, inspection_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM hub_reviews"
        params: list[Any] = []
        if inspection_id is not None:
            sql += " WHERE inspection_id = ?"
            params.append(inspection_id)
        rows = self._all(sql + " ORDER BY decided_at", params)
        for row in rows:
            row["item_comments"] = json.loads(row["item_comments"])
        return rows

    def replace_hub_templates(self, hub_id: str, rows: Iterable[dict[str, Any]]) -> int:
        stamp = now_iso()
        records = [{"hub_id": hub_id, "template_id": r["id"], "version": r["version"],
                    "title": r.get("title") or "", "source_sha256": r.get("source_sha256") or "",
                    "body": r["body"] if isinstance(r["body"], str) else dumps(r["body"]),
                    "pulled_at": stamp} for r in rows]
        with self._transaction():
            self.db.execute("DELETE FROM hub_templates WHERE hub_id = ?", [hub_id])
            if records:
                self.db.table("hub_templates").insert_all(records)
        return len(records)

    def hub_templates(self) -> list[dict[str, Any]]:
        return self._all("SELECT template_id, version, title, source_sha256, body, pulled_at"
                         " FROM hub_templates ORDER BY template_id, version")

    # --- the park registry -------------------------------------------------------------

    def add_registry_park(self, *, hub_park_id: str, name: str, park_type: str, address: str = "",
                          contacts: Sequence[dict[str, Any]] = (),
                          location: tuple[float, float] | None = None) -> Park | None:
        """A park of the hub's registry that this folder lacks, linked to it (matched).

        None when a different park here has that name: the name is not merged silently; the
        push of that park asks the registry, which matches it or flags it for the office.
        """
        existing = self.park_by_hub_id(hub_park_id) or self.park_by_uid(hub_park_id)
        if existing is not None:
            return existing
        if self.find_park(name) is not None:
            return None
        with self._edit("add_registry_park", entity="park", entity_id=hub_park_id,
                        detail={"name": name, "hub_park_id": hub_park_id}):
            park_id = self._insert("parks", {
                "name": name.strip(), "park_type": ParkType(park_type).value, "address": address.strip(),
                "contacts": dumps(list(contacts)), "created_at": now_iso(), "uid": hub_park_id,
                "hub_park_id": hub_park_id, "registry_state": "matched",
                "latitude": location[0] if location else None,
                "longitude": location[1] if location else None})
        return self.park(park_id)

    # --- a revisit that carries the hub's open findings ---------------------------------

    def revisit_from_hub(self, park_id: int, *, inspectors: Sequence[str],
                         template_ids: Sequence[str] = (), date: str | None = None) -> Inspection:
        """A new inspection of a park carrying the park's open findings as the hub last said,
        or, when an inspection of the park here is as recent, a revisit of that one which also
        carries the hub's open findings of other visits (another inspector's that the visit
        here did not carry on) on its templates.

        The findings keep their link (``carried_from_uid``) to the finding of the earlier visit,
        which may be another inspector's and not in this folder.
        """
        park = self.park(park_id)
        registry = self.park_registry_state(park_id)
        hub_findings = self.hub_open_findings(registry.hub_park_id) if registry.hub_park_id else []
        hub_date = max((f["inspection_date"] for f in hub_findings), default="")
        local = self._one("SELECT id, date FROM inspections WHERE park_id = ? AND status IN"
                          " ('completed', 'signed') ORDER BY date DESC, created_at DESC LIMIT 1", [park_id])
        if local is not None and local["date"] >= hub_date:
            with self._transaction():
                revisit = self.new_revisit(local["id"], inspectors=inspectors or None, date=date)
                # Those the visit here carried on itself (it may not be on the hub yet) are not
                # carried twice.
                continued = {r[0] for r in self.db.execute(
                    "SELECT f.carried_from_uid FROM findings f WHERE f.inspection_id = :id"
                    " AND f.carried_from_uid IS NOT NULL UNION SELECT e.uid FROM findings f"
                    " JOIN findings e ON e.id = f.carried_from WHERE f.inspection_id = :id",
                    {"id": local["id"]})}
                others = [f for f in hub_findings if f["inspection_id"] != local["id"]
                          and f["uid"] not in continued and f["template_id"] in revisit.template_ids]
                if others:
                    self._carry_hub_findings(revisit.id, others, earlier=None)
            return self.inspection(revisit.id)
        templates = list(dict.fromkeys([*template_ids, *(f["template_id"] for f in hub_findings)]))
        if not hub_findings and not template_ids:
            raise InvalidInput("hub_state.no_findings", park=park.name)
        if not templates:
            raise InvalidInput("hub_state.no_templates")
        earlier = max(hub_findings, key=lambda f: (f["inspection_date"], f["inspection_id"]))["inspection_id"] \
            if hub_findings else None
        with self._transaction():
            revisit = self.new_inspection(park_id, templates, inspectors=inspectors,
                                          date=date or dt.date.today().isoformat())
            self._carry_hub_findings(revisit.id, hub_findings, earlier=earlier)
        return self.inspection(revisit.id)

    def _carry_hub_findings(self, revisit_id: str, findings: Sequence[dict[str, Any]], *,
                            earlier: str | None) -> None:
        """Copies of the hub's open *findings* in the revisit, linked to theirs by uid; *earlier*
        (the hub's latest visit) becomes the revisit's earlier visit when given."""
        with self._edit("carry_hub_findings", entity="inspection", entity_id=revisit_id,
                        inspection_id=revisit_id,
                        detail={"from_hub": earlier, "findings": [f["uid"] for f in findings]}):
            if earlier is not None:
                self.db.execute("UPDATE inspections SET revisit_of_uid = ? WHERE id = ?", [earlier, revisit_id])
            for finding in findings:
                self._insert("findings", {
                    "inspection_id": revisit_id, "template_id": finding["template_id"],
                    "item_code": finding["item_code"], "severity": finding["severity"],
                    "requirement": finding["requirement"], "deadline": finding["deadline"],
                    "responsible": finding["responsible"], "status": "open",
                    "carried_from_uid": finding["uid"], "created_at": now_iso()})

    # --- syncs -------------------------------------------------------------------------

    def record_hub_sync(self, *, hub_id: str, hub: str, started_at: str, outcome: str,
                        summary: dict[str, Any], message: str = "") -> None:
        with self._transaction():
            self.db.execute("INSERT INTO hub_syncs (hub_id, hub, started_at, finished_at, outcome,"
                            " summary, message) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [hub_id, hub, started_at, now_iso(), outcome, dumps(summary), message])
            # Keep the last hundred: the log file has the rest.
            self.db.execute("DELETE FROM hub_syncs WHERE id <= (SELECT max(id) - 100 FROM hub_syncs)")

    def last_hub_sync(self, *, successful: bool = False) -> HubSyncRecord | None:
        where = " WHERE outcome IN ('done', 'partly')" if successful else ""
        row = self._one(f"SELECT * FROM hub_syncs{where} ORDER BY id DESC LIMIT 1")
        if row is None:
            return None
        return HubSyncRecord(row["hub"], row["started_at"], row["finished_at"], row["outcome"],
                             json.loads(row["summary"]), row["message"])


def _text(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
