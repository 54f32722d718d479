"""Parks and inspections: create, find, list, change status, revisit, reopen, delete."""
from __future__ import annotations

import datetime as dt
import json
import math
import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from checklists.editions import standard_key
from checklists.errors import InvalidInput, Message, UserError, messages
from checklists.library import get_template
from inspection.dates import date_problem, parse_iso_date
from inspection.model import Inspection, Park, ParkType, Status
from inspection.store.base import INSPECTION_SELECT, NotFound, StoreBase, dumps, inspection_from_row, now_iso
from inspection.store.listing import LIST_ORDER, like_pattern
from inspection.store.templates import TemplateRefused

FIRST_VISIT = dt.date(2000, 1, 1)  # no inspection of this program's kind is older
MESSAGES = messages({
    "inspection.bad_date": ("date：日期格式应为 YYYY-MM-DD（如 2026-11-20），收到“{date}”",
                            "date: a date is written YYYY-MM-DD (e.g. 2026-11-20), not \"{date}\""),
    "inspection.no_such_date": ("date：日历上没有 {date} 这一天", "date: there is no day {date} in the calendar"),
    "inspection.date_out_of_range": (
        "date：检查日期 {date} 不可能（应在 {first} 到 {last} 之间，即最多提前一年建检查）",
        "date: the inspection date {date} cannot be right (it is between {first} and {last}:"
        " an inspection is made at most a year ahead)"),
    "inspection.short_id": ("id：检查编号至少需要 4 位，收到“{id}”",
                            "id: an inspection id needs at least 4 characters, not \"{id}\""),
    "inspection.no_id": ("没有编号为“{id}”的检查", "No inspection has the id \"{id}\""),
    "inspection.ambiguous_id": ("id：编号“{id}”对应多个检查，请输入更多位",
                                "id: \"{id}\" starts the ids of several inspections; type more of it"),
    "inspection.not_found": ("没有这个检查：{id}", "No such inspection: {id}"),
    "inspection.no_inspector": ("{field}：至少需要一名检查人员", "{field}: at least one inspector is needed"),
    "inspection.no_template": ("template：至少选择一个检查模板", "template: choose at least one checklist template"),
    "inspection.sign_by_report": ("签署只能通过“签署报告”完成",
                                  "An inspection is signed only by signing its report (Sign report)"),
    "inspection.no_back_to_draft": ("已开始的检查不能改回草稿", "A started inspection cannot become a draft again"),
    "inspection.delete_draft_only": ("只能删除草稿；该检查的状态是“{status}”",
                                     "Only a draft can be deleted; this inspection is \"{status}\""),
    "inspection.has_records": ("该检查已有记录（检查结果、照片、整改项或签名），不能删除",
                               "The inspection has records (results, photos, findings or signatures)"
                               " and cannot be deleted"),
    "inspection.status.draft": ("草稿", "Draft"),
    "inspection.status.in_progress": ("检查中", "In progress"),
    "inspection.status.completed": ("已完成", "Completed"),
    "inspection.status.signed": ("已签署", "Signed"),
    "park.no_name": ("name：园区名称不能为空", "name: the park needs a name"),
    "park.bad_type": ("type：园区类型应为 manufacturing 或 service，收到“{type}”",
                      "type: the park type is manufacturing or service, not \"{type}\""),
    "park.exists": ("园区“{name}”已存在", "A park named \"{name}\" exists already"),
    "park.not_found": ("没有编号为 {id} 的园区", "No park has the number {id}"),
    "site.bad_location": ("经纬度不在范围内：{latitude}, {longitude}",
                          "The coordinates are out of range: {latitude}, {longitude}"),
})


class DuplicatePark(UserError):
    """A park with that name exists already."""


class NotADraft(UserError):
    """Only drafts may be deleted."""


def park_from_row(row: dict) -> Park:
    return Park(id=row["id"], name=row["name"], park_type=ParkType(row["park_type"]),
                address=row["address"], contacts=tuple(json.loads(row["contacts"])),
                uid=row.get("uid") or "",
                location=(row["latitude"], row["longitude"])
                if row.get("latitude") is not None and row.get("longitude") is not None else None)


_park = park_from_row


def checked_location(location: Sequence[float] | None) -> tuple[float, float] | None:
    """A park's (latitude, longitude) in degrees as stored (7 decimals), or None; out of range
    or not a number is refused."""
    if location is None:
        return None
    latitude, longitude = (float(v) for v in location)
    if not (math.isfinite(latitude) and math.isfinite(longitude)
            and abs(latitude) <= 90 and abs(longitude) <= 180):
        raise InvalidInput("site.bad_location", latitude=latitude, longitude=longitude)
    return round(latitude, 7), round(longitude, 7)


def _clean_names(names: Iterable[str], field: str) -> list[str]:
    cleaned = [n.strip() for n in names if n and n.strip()]
    if not cleaned:
        raise InvalidInput("inspection.no_inspector", field=field)
    return cleaned


MESSAGES = messages({
    "edition.not_applied": ("该检查未使用模板 {id}", "The inspection does not use template {id}"),
    "edition.already_applied": ("该检查已使用模板 {id}", "The inspection already uses template {id}"),
    "edition.other_standard": (
        "模板 {new}（{new_title}）不是 {old}（{old_title}）的其他版本（文件编号不同）",
        "Template {new} ({new_title}) is not another edition of {old} ({old_title}): their"
        " document numbers differ"),
})


def require_same_standard(old_id: str, new_id: str) -> None:
    old, new = get_template(old_id), get_template(new_id)
    if standard_key(old) != standard_key(new):
        raise InvalidInput("edition.other_standard", new=new_id, new_title=new.title,
                           old=old_id, old_title=old.title)


class InspectionsMixin(StoreBase):
    if TYPE_CHECKING:  # from the sibling mixin that Store combines with this one
        def findings_settled_on_hub(self, inspection_id: str) -> set[int]: ...
        def _carry_signatures(self, inspection_id: str, revision: int) -> list[dict]: ...

    # --- parks -------------------------------------------------------------------------

    def add_park(self, name: str, park_type: ParkType | str, *, address: str = "",
                 contacts: Sequence[dict] = (),
                 location: Sequence[float] | None = None) -> Park:
        """A new park; *location* (latitude, longitude) is where it is, when known."""
        name = (name or "").strip()
        if not name:
            raise InvalidInput("park.no_name")
        try:
            park_type = ParkType(park_type)
        except ValueError:
            raise InvalidInput("park.bad_type", type=park_type) from None
        place = checked_location(location)
        if self.find_park(name) is not None:
            raise DuplicatePark("park.exists", name=name)
        detail: dict[str, Any] = {"name": name, "type": park_type.value}
        if place is not None:
            detail["location"] = list(place)
        with self._edit("add_park", entity="park", entity_id=name, detail=detail):
            park_id = self._insert("parks", {
                "name": name, "park_type": park_type.value, "address": address.strip(),
                "contacts": dumps(list(contacts)), "created_at": now_iso(),
                "latitude": place[0] if place else None,
                "longitude": place[1] if place else None})
        return self.park(park_id)

    def park(self, park_id: int) -> Park:
        row = self._one("SELECT * FROM parks WHERE id = ?", [park_id])
        if row is None:
            raise NotFound("park.not_found", id=park_id)
        return _park(row)

    def find_park(self, name: str) -> Park | None:
        row = self._one("SELECT * FROM parks WHERE name = ?", [name.strip()])
        return _park(row) if row else None

    def parks(self) -> list[Park]:
        return [_park(r) for r in self._all("SELECT * FROM parks ORDER BY name")]

    # --- inspections -------------------------------------------------------------------

    def new_inspection(self, park_id: int, template_ids: Sequence[str], *,
                       inspectors: Sequence[str], date: str | None = None,
                       organisation: str = "", revisit_of: str | None = None,
                       allow_retired: Sequence[str] = ()) -> Inspection:
        """Create a draft inspection of a park applying one or more templates.

        Retired templates are refused, except those in *allow_retired* (a revisit follows
        up an inspection made with one)."""
        self.park(park_id)
        template_ids = list(dict.fromkeys(template_ids))
        if not template_ids:
            raise InvalidInput("inspection.no_template")
        retired = {r[0] for r in self.db.execute("SELECT template_id FROM retired_templates")}
        for template_id in template_ids:
            template = get_template(template_id)
            if template_id in retired and template_id not in allow_retired:
                raise TemplateRefused("template.retired", id=template_id, title=template.title)
        inspectors = _clean_names(inspectors, "inspector")
        visit_date = dt.date.today().isoformat() if date is None else date
        problem = date_problem(visit_date)
        if problem is not None:
            raise InvalidInput("inspection.bad_date" if problem == "format" else "inspection.no_such_date",
                               date=visit_date)
        visit = parse_iso_date(visit_date)
        first, last = FIRST_VISIT, dt.date.today() + dt.timedelta(days=366)
        if not first <= visit <= last:  # a typo (2062 for 2026) would number and sort it wrongly
            raise InvalidInput("inspection.date_out_of_range", date=visit_date,
                               first=first.isoformat(), last=last.isoformat())
        year = visit.year
        inspection_id = str(uuid.uuid4())
        stamp = now_iso()
        with self._edit("new_inspection", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id, check_lock=False,
                        detail={"park_id": park_id, "templates": template_ids}):
            self.db.table("inspections").insert({
                "id": inspection_id, "park_id": park_id, "date": visit_date,
                "inspectors": dumps(inspectors), "organisation": organisation.strip(),
                "status": Status.DRAFT.value, "revision": 1,
                "report_number": self._next_report_number(year),
                "revisit_of": revisit_of, "created_at": stamp, "updated_at": stamp})
            self.db.table("inspection_templates").insert_all(
                {"inspection_id": inspection_id, "template_id": t, "position": i}
                for i, t in enumerate(template_ids))
        return self.inspection(inspection_id)

    def _next_report_number(self, year: int) -> str:
        prefix = f"YQJC-{year}-"
        row = self.db.execute(
            "SELECT MAX(CAST(substr(report_number, ?) AS INTEGER)) FROM inspections"
            " WHERE report_number LIKE ?", [len(prefix) + 1, prefix + "%"]).fetchone()
        return f"{prefix}{(row[0] or 0) + 1:04d}"

    def resolve_inspection_id(self, id_or_prefix: str) -> str:
        """The full id of the inspection whose id is or starts with *id_or_prefix* (≥ 4 chars)."""
        key = (id_or_prefix or "").strip().lower()
        if len(key) < 4:
            raise InvalidInput("inspection.short_id", id=id_or_prefix)
        # The key is literal: % and _ are characters of the id, never wildcards.
        rows = self.db.execute("SELECT id FROM inspections WHERE id = ? OR substr(id, 1, ?) = ?"
                               " LIMIT 3", [key, len(key), key]).fetchall()
        if not rows:
            raise NotFound("inspection.no_id", id=id_or_prefix)
        if any(r[0] == key for r in rows):
            return key
        if len(rows) > 1:
            raise InvalidInput("inspection.ambiguous_id", id=id_or_prefix)
        return str(rows[0][0])

    def inspection(self, inspection_id: str) -> Inspection:
        row = self._one(INSPECTION_SELECT + " WHERE i.id = ?", [inspection_id])
        if row is None:
            raise NotFound("inspection.not_found", id=inspection_id)
        return inspection_from_row(row)

    def inspections(self, *, search: str = "", status: Status | str | None = None,
                    date_from: str | None = None, date_to: str | None = None) -> list[Inspection]:
        """Inspections, newest visit first, filtered by park name, status and date range."""
        where, params = [], []
        if search.strip():
            where.append("p.name LIKE ? ESCAPE '\\'")  # what is typed is found as typed
            params.append(like_pattern(search.strip()))
        if status:
            where.append("i.status = ?")
            params.append(Status(status).value)
        if date_from:
            where.append("i.date >= ?")
            params.append(date_from)
        if date_to:
            where.append("i.date <= ?")
            params.append(date_to)
        sql = INSPECTION_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        return [inspection_from_row(r) for r in self._all(sql + LIST_ORDER, params)]

    def set_status(self, inspection_id: str, status: Status) -> Inspection:
        """Mark an inspection in progress or completed (signing and reopening have their own)."""
        status = Status(status)
        if status is Status.SIGNED:
            raise UserError("inspection.sign_by_report")
        if status is Status.DRAFT:
            # A draft is an inspection with nothing recorded yet, and drafts may be deleted:
            # turning a started inspection back into one would put its records at risk.
            raise UserError("inspection.no_back_to_draft")
        current = self.inspection(inspection_id)
        if current.status is status:
            return current
        with self._edit("set_status", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id,
                        detail={"from": current.status.value, "to": status.value}):
            self.db.execute("UPDATE inspections SET status = ? WHERE id = ?",
                            [status.value, inspection_id])
        return self.inspection(inspection_id)

    def reopen(self, inspection_id: str, *, reason: str = "") -> Inspection:
        """Make a signed inspection editable again as a new revision; its signed reports stay."""
        current = self.inspection(inspection_id)
        if current.status is not Status.SIGNED:
            if current.status is Status.COMPLETED:
                return self.set_status(inspection_id, Status.IN_PROGRESS)
            return current
        with self._edit("reopen", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id, check_lock=False,
                        detail={"from_revision": current.revision,
                                "to_revision": current.revision + 1, "reason": reason}) as edit:
            self.db.execute("UPDATE inspections SET status = 'in_progress', revision = revision + 1"
                            " WHERE id = ?", [inspection_id])
            edit.detail["carried_signatures"] = self._carry_signatures(inspection_id,
                                                                       current.revision)
        return self.inspection(inspection_id)

    def delete_inspection(self, inspection_id: str) -> None:
        """Delete a draft (an inspection with nothing recorded yet); anything else is refused.

        Recording anything (answer, photo, finding, signature) makes a draft in progress; the
        check of the records themselves also protects drafts written by older versions.
        """
        current = self.inspection(inspection_id)
        if current.status is not Status.DRAFT:
            raise NotADraft("inspection.delete_draft_only",
                            status=Message(f"inspection.status.{current.status.value}"))
        with self._edit("delete_inspection", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id, check_lock=False, detail={"park": current.park_name,
                                                    "date": current.date}):
            recorded = self.db.execute(
                "SELECT (SELECT COUNT(*) FROM answers WHERE inspection_id = :id)"
                " + (SELECT COUNT(*) FROM photos WHERE inspection_id = :id)"
                " + (SELECT COUNT(*) FROM signatures WHERE inspection_id = :id)"
                " + (SELECT COUNT(*) FROM findings WHERE inspection_id = :id"
                "    AND carried_from IS NULL)", {"id": inspection_id}).fetchone()[0]
            if recorded:
                raise NotADraft("inspection.has_records")
            self.db.execute("DELETE FROM inspections WHERE id = ?", [inspection_id])

    def new_revisit(self, inspection_id: str, *, inspectors: Sequence[str] | None = None,
                    date: str | None = None,
                    editions: Mapping[str, str] | None = None) -> Inspection:
        """A new inspection of the same park and templates: answers cleared, open findings kept.

        *editions* maps a template of the earlier inspection to a newer edition the revisit
        uses instead (``checklists.editions.compare_editions`` says what changed); an open
        finding moves with its item, and one whose item the new edition removed stays open in
        the earlier inspection only. A finding the hub says a later visit (another inspector's)
        carried on is not carried again (:meth:`findings_settled_on_hub`). One transaction: a crash or an error part way leaves no
        revisit without its findings.
        """
        earlier = self.inspection(inspection_id)
        editions = dict(editions or {})
        for old_id, new_id in editions.items():
            if old_id not in earlier.template_ids:
                raise InvalidInput("edition.not_applied", id=old_id)
            require_same_standard(old_id, new_id)
        template_ids = [editions.get(t, t) for t in earlier.template_ids]
        with self._transaction():
            revisit = self.new_inspection(
                earlier.park_id, template_ids, date=date,
                inspectors=inspectors or earlier.inspectors, organisation=earlier.organisation,
                revisit_of=earlier.id, allow_retired=earlier.template_ids)
            open_findings = []
            settled = self.findings_settled_on_hub(earlier.id)  # closed at a later visit elsewhere
            for finding in self._all("SELECT * FROM findings WHERE inspection_id = ?"
                                     " AND status = 'open' ORDER BY id", [earlier.id]):
                if finding["id"] in settled:
                    continue
                edition = editions.get(finding["template_id"])
                if edition is not None:
                    if not get_template(edition).has(finding["item_code"]):
                        continue
                    finding = {**finding, "template_id": edition}
                open_findings.append(finding)
            if open_findings:
                self._carry_findings(earlier.id, revisit.id, open_findings)
        return self.inspection(revisit.id)

    def _carry_findings(self, earlier_id: str, revisit_id: str, findings: list[dict]) -> None:
        # Copies: the revisit stays a draft (an edit that does not start it; see StoreBase._edit).
        with self._edit("carry_findings", entity="inspection", entity_id=revisit_id,
                        inspection_id=revisit_id,
                        detail={"from": earlier_id, "findings": [f["id"] for f in findings]}):
            for finding in findings:
                self.db.table("findings").insert({
                    "inspection_id": revisit_id, "template_id": finding["template_id"],
                    "item_code": finding["item_code"], "severity": finding["severity"],
                    "requirement": finding["requirement"], "deadline": finding["deadline"],
                    "responsible": finding["responsible"], "status": "open",
                    "carried_from": finding["id"], "created_at": now_iso()})
