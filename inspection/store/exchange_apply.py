"""Applying an imported bundle: one transaction that writes what the merge plan decided.

The plan is made inside the transaction (under the write lock), from the rows as they are at
that moment, by the pure planner the caller hands in (inspection.bundle.merge.plan); then the
rows are written with the bundle's version vectors (the identity triggers leave explicit
vectors alone), conflicts are kept, superseded states archived, the other devices' audit rows
added and one audit row of this device records the import. The files the rows name (photos,
reports) are in the data folder before this runs; the caller removes a report file it placed
if this raises.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from checklists.errors import messages
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import canonical, content_sha256
from inspection.bundle.merge import Action, Conflict, Plan, Write
from inspection.store.base import now_iso
from inspection.store.exchange import ExchangeMixin
from inspection.store.exchange_rows import (
    KEY_SQL,
    TABLES,
    Incoming,
    as_json,
    conflict_key,
    key_params,
    key_text,
    key_where,
    row_values,
    with_blobs,
)

if TYPE_CHECKING:
    from inspection.store.templates import Installed

MESSAGES = messages({
    "store.no_revision": ("没有编号为 {id} 的修订版本记录", "No revision record has the number {id}"),
})
Planner = Callable[[dict | None, dict, set], Plan]


class ApplyMixin(ExchangeMixin):
    if TYPE_CHECKING:  # from the sibling mixin that Store combines with this one
        def install_template_data(self, data: Mapping[str, Any]) -> Installed: ...

    def apply_bundle(self, inspection_id: str, planner: Planner, incoming: Incoming) -> Plan:
        """Plan against the rows here and apply, in one transaction; returns the plan."""
        with self._transaction():
            context = self._exchange_context(inspection_id)
            local = context[0]
            plan = planner(*context)
            if not plan.changes_anything:
                return plan
            self._check_device(incoming.audit)
            # The templates the bundle carries, in this transaction: a refused import leaves none.
            for data in incoming.templates:
                installed = self.install_template_data(data)
                if installed.installed:
                    incoming.installed_templates.append(installed.id)
            if plan.action is Action.CREATE:
                self._create(incoming.rows)
            else:
                self._park_for(incoming.rows["park"], create=False)  # learns a hub match
            for kind, rows in plan.archive:
                self._insert_revision(inspection_id, rows["inspection"]["revision"], kind=kind,
                                      signed=rows["inspection"]["status"] == "signed",
                                      content_sha256=content_sha256(rows), rows=canonical(rows))
            if plan.action in (Action.CREATE, Action.REPLACE):
                self._replace(inspection_id, local, incoming)
            elif plan.action is Action.MERGE:
                for write in plan.writes:
                    self._write(inspection_id, write, incoming)
                if plan.header is not None:
                    self._header(inspection_id, plan.header)
            self._add_reports(inspection_id, incoming)
            self._add_reasons(inspection_id, plan.reasons)
            self._keep_conflicts(inspection_id, plan, incoming)
            if incoming.seal is not None and plan.action in (Action.CREATE, Action.REPLACE) \
                    and self.sealed_revision(inspection_id, incoming.rows["inspection"]["revision"]) is None:
                self._insert_revision(inspection_id, incoming.rows["inspection"]["revision"],
                                      kind="sealed", signed=True, **incoming.seal)
            added = self._add_audit(incoming.audit)
            self.db.execute("UPDATE inspections SET updated_at = ? WHERE id = ?",
                            [now_iso(), inspection_id])
            self._append_audit("import_bundle", entity="bundle",
                               entity_id=incoming.rows["inspection"]["revision"],
                               inspection_id=inspection_id,
                               detail={**incoming.detail, "action": plan.action.value,
                                       "taken": plan.taken, "kept": plan.kept,
                                       "conflicts": len(plan.conflicts),
                                       "archived": [k for k, _ in plan.archive],
                                       "audit_rows": added})
        return plan

    def exchange_context(self, inspection_id: str) -> tuple[dict | None, dict, set]:
        """What a merge plan is made from: the rows here (None: the inspection is new here),
        the open conflicts ((entity, key) → theirs) and the revisions kept readable
        ((revision, content hash))."""
        with self.db.atomic():
            return self._exchange_context(inspection_id)

    def _exchange_context(self, inspection_id: str) -> tuple[dict | None, dict, set]:
        local = self._exchange_rows(inspection_id, False).rows \
            if self.has_inspection(inspection_id) else None
        open_conflicts = {(c["entity"], conflict_key(c["entity"], c["key"])):
                          json.loads(c["theirs"])
                          for c in self._all("SELECT entity, key, theirs FROM conflicts"
                                             " WHERE inspection_id = ? AND resolved_at IS NULL",
                                             [inspection_id])}
        archived = {(r[0], r[1]) for r in self.db.execute(
            "SELECT revision, content_sha256 FROM revisions WHERE inspection_id = ?",
            [inspection_id])}
        return local, open_conflicts, archived

    # --- the parts --------------------------------------------------------------------------

    def _check_device(self, audit: list[dict]) -> None:
        mine = [r["hash"] for r in audit if r["device_id"] == self.device_id]
        if not mine:
            return
        known = {r[0] for r in self.db.execute(
            "SELECT hash FROM audit_log WHERE device_id = ?", [self.device_id])}
        if any(h not in known for h in mine):
            raise BundleRefused("bundle.device_clash")

    def _add_audit(self, audit: list[dict]) -> int:
        known = {(r[0], r[1]) for r in self.db.execute("SELECT device_id, hash FROM audit_log")}
        added = 0
        for row in audit:
            if (row["device_id"], row["hash"]) in known:
                continue
            self.db.execute(
                "INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id,"
                " detail, prev_hash, hash, device_id) VALUES (:at, :actor, :action,"
                " :inspection_id, :entity, :entity_id, :detail, :prev_hash, :hash, :device_id)",
                row)
            known.add((row["device_id"], row["hash"]))
            added += 1
        return added

    def _park_for(self, park: dict, *, create: bool = True) -> int | None:
        """The park here for a bundle's park (see :meth:`_find_park`); one without a location
        learns the bundle's (format 2): where its photos are expected, never overwritten."""
        park_id = self._find_park(park, create=create)
        location = park.get("location")
        if park_id is not None and location is not None:
            self.db.execute("UPDATE parks SET latitude = ?, longitude = ? WHERE id = ?"
                            " AND (latitude IS NULL OR longitude IS NULL)",
                            [location[0], location[1], park_id])
        return park_id

    def _find_park(self, park: dict, *, create: bool = True) -> int | None:
        """The park here for a bundle's park: by uid, by the hub's id, by name, or a new one.

        Only a match the hub's registry made travels (its hub id); a park the other laptop
        proposed is proposed again from here by sync. One name is one park on a laptop — the
        registry has the last word — except when the hub registered the two as different
        parks: then the newcomer is added under its name and uid, flagged for the office.
        """
        hub_id = park["hub_park_id"] if park["registry_state"] == "matched" else None
        hub_taken = hub_id is not None and self.db.execute(
            "SELECT 1 FROM parks WHERE hub_park_id = ?", [hub_id]).fetchone() is not None
        row = self.db.execute("SELECT id, hub_park_id FROM parks WHERE uid = ?",
                              [park["uid"]]).fetchone()
        if row:
            if hub_id and row[1] is None and not hub_taken:  # matched on the other laptop
                self.db.execute("UPDATE parks SET hub_park_id = ?, registry_state = 'matched'"
                                " WHERE id = ?", [hub_id, row[0]])
            return row[0]
        if not create:
            return None
        if hub_taken:
            return self.db.execute("SELECT id FROM parks WHERE hub_park_id = ?",
                                   [hub_id]).fetchone()[0]
        name, state, note = park["name"], "matched" if hub_id else "local", ""
        row = self.db.execute("SELECT id, hub_park_id FROM parks WHERE name = ?", [name]).fetchone()
        if row:
            if not (row[1] and hub_id and row[1] != hub_id):
                return row[0]
            name, state = f"{name}（{park['uid'][:8]}）", "flagged"
            note = "与本机同名园区在中心登记为不同园区"
        return self._insert("parks", {
            "name": name, "park_type": park["park_type"], "address": park["address"],
            "contacts": as_json(park["contacts"]), "created_at": now_iso(), "uid": park["uid"],
            "hub_park_id": hub_id, "registry_state": state, "registry_note": note})

    def _create(self, rows: dict) -> None:
        head = rows["inspection"]
        park_id = self._park_for(rows["park"])
        assert park_id is not None
        revisit = head["revisit_of"]
        known = revisit is not None and self.has_inspection(revisit)
        self.db.execute(
            "INSERT INTO inspections (id, park_id, date, inspectors, organisation, status,"
            " revision, report_number, revisit_of, created_at, updated_at, vv, revisit_of_uid)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [head["id"], park_id, head["date"], as_json(head["inspectors"]), head["organisation"],
             head["status"], head["revision"], head["report_number"], revisit if known else None,
             head["created_at"], head["updated_at"], as_json(head["vv"]), revisit])
        self.db.conn.executemany(
            "INSERT INTO inspection_templates (inspection_id, template_id, position)"
            " VALUES (?, ?, ?)", [(head["id"], t, i) for i, t in enumerate(head["templates"])])

    def _header(self, inspection_id: str, header: dict) -> None:
        vv = dict(header["vv"])
        if header.get("bump"):
            vv[self.device_id] = vv.get(self.device_id, 0) + 1
        self.db.execute("UPDATE inspections SET date = ?, inspectors = ?, organisation = ?,"
                        " status = ?, revision = ?, vv = ? WHERE id = ?",
                        [header["date"], as_json(header["inspectors"]), header["organisation"],
                         header["status"], header["revision"], as_json(vv), inspection_id])

    def _replace(self, inspection_id: str, local: dict | None, incoming: Incoming) -> None:
        """Make every item what the bundle says; items only here are removed (or hidden)."""
        from inspection.bundle.merge import sides
        rows = incoming.rows
        for entity in ("answer", "finding", "photo", "signature"):
            theirs = sides(rows, entity)
            for key, side in theirs.items():
                self._write(inspection_id, Write(entity, key, side), incoming)
            for key, side in sides(local, entity).items():
                if key not in theirs and not side.deleted:
                    self._remove(inspection_id, entity, key)
        self._header(inspection_id, rows["inspection"])
        self.db.execute("UPDATE inspections SET report_number = ? WHERE id = ?",
                        [rows["inspection"]["report_number"], inspection_id])

    def _remove(self, inspection_id: str, entity: str, key: Any) -> None:
        if entity == "photo":
            self.db.execute("UPDATE photos SET deleted_at = ? WHERE inspection_id = ?"
                            " AND sha256 = ? AND deleted_at IS NULL", [now_iso(), inspection_id, key])
        else:
            where, params = key_where(entity, key)
            self.db.execute(f"DELETE FROM {TABLES[entity]} WHERE inspection_id = ? AND {where}",
                            [inspection_id, *params])

    def _write(self, inspection_id: str, write: Write, incoming: Incoming) -> None:
        entity, key, side = write.entity, write.key, write.side
        table = TABLES[entity]
        where, params = key_where(entity, key)
        if side.deleted:
            self.db.execute(f"DELETE FROM {table} WHERE inspection_id = ? AND {where}",
                            [inspection_id, *params])
            self.db.execute(
                "INSERT OR REPLACE INTO tombstones (inspection_id, entity, key, uid, vv, deleted_at)"
                f" VALUES (?, ?, {KEY_SQL[entity]}, ?, ?, ?)",
                [inspection_id, entity, *key_params(entity, key), side.uid, as_json(side.vv),
                 now_iso()])
            return
        record = dict(side.record or {})
        values = row_values(entity, record, incoming, self.db)
        values["uid"] = side.uid or record["uid"]
        values["vv"] = as_json(side.vv)
        existing = self.db.execute(f"SELECT rowid FROM {table} WHERE inspection_id = ? AND {where}",
                                   [inspection_id, *params]).fetchone()
        # A uid names one record everywhere: a bundle that gives another record's uid (of this
        # inspection or another) to this one is refused, never written over it.
        holder = self.db.execute(f"SELECT rowid FROM {table} WHERE uid = ?", [values["uid"]]).fetchone()
        if holder is not None and (existing is None or holder[0] != existing[0]):
            raise BundleRefused("bundle.id_clash", what=table, uid=values["uid"])
        if existing:
            sets = ", ".join(f"{c} = :{c}" for c in values)
            self.db.execute(f"UPDATE {table} SET {sets} WHERE rowid = :_rowid",
                            {**values, "_rowid": existing[0]})
        else:
            if entity == "photo":
                self.db.execute("INSERT OR IGNORE INTO media_files (sha256, ext, size)"
                                " VALUES (?, ?, ?)", [record["sha256"], record["ext"], record["size"]])
            values["inspection_id"] = inspection_id
            columns = ", ".join(values)
            self.db.execute(f"INSERT INTO {table} ({columns}) VALUES"
                            f" ({', '.join(':' + c for c in values)})", values)
        if entity != "photo":
            self.db.execute(f"DELETE FROM tombstones WHERE inspection_id = ? AND entity = ?"
                            f" AND key = {KEY_SQL[entity]}",
                            [inspection_id, entity, *key_params(entity, key)])

    def _add_reasons(self, inspection_id: str, reasons: list[dict]) -> None:
        """The evidence reasons the plan takes from the bundle (a later wording replaces)."""
        for reason in reasons:
            self.db.execute(
                "INSERT INTO evidence_reasons (inspection_id, revision, template_id, item_code,"
                " reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (inspection_id, revision, template_id, item_code) DO UPDATE SET"
                " reason = excluded.reason, recorded_by = excluded.recorded_by,"
                " recorded_at = excluded.recorded_at",
                [inspection_id, reason["revision"], reason["template_id"], reason["item_code"],
                 reason["reason"], reason["recorded_by"], reason["recorded_at"]])

    def _add_reports(self, inspection_id: str, incoming: Incoming) -> None:
        have = {r[0] for r in self.db.execute("SELECT sha256 FROM reports WHERE inspection_id = ?",
                                              [inspection_id])}
        for report in incoming.rows["reports"]:
            if report["file"] in have:
                continue
            uid_taken = self.db.execute("SELECT 1 FROM reports WHERE uid = ?",
                                        [report["uid"]]).fetchone()
            self.db.execute(
                "INSERT INTO reports (inspection_id, revision, path, sha256, signed, signer,"
                " created_at, uid) VALUES (?, ?, ?, ?, 1, ?, ?, ?)",
                [inspection_id, report["revision"], incoming.report_paths[report["file"]],
                 report["file"], report["signer"], report["created_at"],
                 None if uid_taken else report["uid"]])

    def _keep_conflicts(self, inspection_id: str, plan: Plan, incoming: Incoming) -> None:
        stamp = now_iso()
        for entity, key in plan.closed_conflicts:
            self.db.execute("UPDATE conflicts SET resolved_at = ? WHERE inspection_id = ?"
                            " AND entity = ? AND key = ? AND resolved_at IS NULL",
                            [stamp, inspection_id, entity, key_text(entity, key)])
        if plan.action is Action.REPLACE:
            self.db.execute("UPDATE conflicts SET resolved_at = ? WHERE inspection_id = ?"
                            " AND resolved_at IS NULL", [stamp, inspection_id])
        for conflict in plan.conflicts:
            self._keep_conflict(inspection_id, conflict, incoming, stamp)

    def _keep_conflict(self, inspection_id: str, conflict: Conflict, incoming: Incoming,
                       stamp: str) -> None:
        template_id, item_code = conflict.item
        key = key_text(conflict.entity, conflict.key)
        theirs = with_blobs(conflict.theirs, incoming)
        mine = with_blobs(conflict.mine, None, self.db)
        updated = self.db.execute(
            "UPDATE conflicts SET theirs = ?, source = ? WHERE inspection_id = ? AND entity = ?"
            " AND key = ? AND resolved_at IS NULL",
            [as_json(theirs), incoming.source, inspection_id, conflict.entity, key]).rowcount
        if not updated:
            self.db.execute(
                "INSERT INTO conflicts (inspection_id, entity, key, template_id, item_code, mine,"
                " theirs, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [inspection_id, conflict.entity, key, template_id, item_code, as_json(mine),
                 as_json(theirs), incoming.source, stamp])
