"""Conflicts (冲突待核): items both laptops changed, both values kept until the lead picks.

An import keeps our value in place and theirs beside it (``conflicts`` table) and flags the
item. Picking one (:meth:`resolve_conflict`) writes the chosen value with a version vector
that has seen both sides and counts one more for this device — so the choice travels and wins
on the other laptop too. Picking can be undone (:meth:`reopen_conflict`): the value before the
pick comes back and the conflict is open again. Signing waits while any conflict is open.
"""
from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checklists.library import get_template
from inspection.bundle.errors import BundleRefused
from inspection.bundle.merge import Side, Write, join, sides
from inspection.changes import Change
from inspection.results import is_answered
from inspection.store.base import NotFound, now_iso
from inspection.store.exchange_apply import ApplyMixin
from inspection.store.exchange_rows import Incoming, as_json, conflict_key

if TYPE_CHECKING:
    from inspection.model import Answer, Finding, Photo
    from inspection.store.base import Edit


@dataclass(frozen=True)
class ConflictRecord:
    """An item both sides changed: ours (in place) and theirs (kept beside it)."""

    id: int
    inspection_id: str
    entity: str  # inspection | answer | finding | photo | signature
    key: Any
    template_id: str | None
    item_code: str | None
    mine: dict  # {"record": {...} | None (deleted), "vv": {...}, ...}
    theirs: dict
    source: str  # the bundle it came from
    created_at: str  # local time with its offset, as every time the store keeps (now_iso)
    resolved_at: str | None = None  # likewise (m010 gave the UTC times of older programs theirs)
    resolution: str | None = None  # mine | theirs | None (settled elsewhere)

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def item(self) -> tuple[str, str] | None:
        if self.template_id is None or self.item_code is None:
            return None
        return self.template_id, self.item_code


def _record(row: dict) -> ConflictRecord:
    return ConflictRecord(
        id=row["id"], inspection_id=row["inspection_id"], entity=row["entity"],
        key=conflict_key(row["entity"], row["key"]), template_id=row["template_id"],
        item_code=row["item_code"], mine=json.loads(row["mine"]), theirs=json.loads(row["theirs"]),
        source=row["source"], created_at=row["created_at"], resolved_at=row["resolved_at"],
        resolution=row["resolution"])


def _side(data: dict) -> Side:
    return Side(data["record"], dict(data["vv"]), data.get("uid"))


def _incoming(*datas: dict) -> Incoming:
    """The blobs kept with conflict sides, as the row writer takes them."""
    blobs = {sha: base64.b64decode(value) for data in datas
             for sha, value in data.get("blobs", {}).items()}
    return Incoming(rows={}, audit=[], signature_images=blobs, annotations=blobs)


class ConflictsMixin(ApplyMixin):
    if TYPE_CHECKING:  # from the sibling mixins that Store combines with this one
        def answer(self, inspection_id: str, template_id: str, item_code: str) -> Answer | None: ...
        def finding(self, finding_id: int) -> Finding: ...
        def photo(self, photo_id: int) -> Photo: ...

    def conflicts(self, inspection_id: str, *, open_only: bool = True) -> list[ConflictRecord]:
        """The inspection's open conflicts (all, settled too, without *open_only*), in order."""
        sql = "SELECT * FROM conflicts WHERE inspection_id = ?"
        if open_only:
            sql += " AND resolved_at IS NULL"
        return [_record(r) for r in self._all(sql + " ORDER BY id", [inspection_id])]

    def conflict(self, conflict_id: int) -> ConflictRecord:
        row = self._one("SELECT * FROM conflicts WHERE id = ?", [conflict_id])
        if row is None:
            raise NotFound("bundle.no_conflict", id=conflict_id)
        return _record(row)

    def conflicted_items(self, inspection_id: str) -> set[tuple[str, str]]:
        """The items flagged 冲突待核 (the checklist tree marks them)."""
        return {(r[0], r[1]) for r in self.db.execute(
            "SELECT template_id, item_code FROM conflicts WHERE inspection_id = ?"
            " AND resolved_at IS NULL AND template_id IS NOT NULL", [inspection_id])}

    def require_no_conflicts(self, inspection_id: str) -> None:
        """Signing waits while conflicts are open (BundleRefused, with how many)."""
        count = self.db.execute("SELECT COUNT(*) FROM conflicts WHERE inspection_id = ?"
                                " AND resolved_at IS NULL", [inspection_id]).fetchone()[0]
        if count:
            raise BundleRefused("bundle.conflicts_open", count=count)

    def resolve_conflict(self, conflict_id: int, choice: str) -> Change:
        """Keep *choice* ("mine" or "theirs") for the item; returns the change (undoable)."""
        if choice not in ("mine", "theirs"):
            raise ValueError(choice)
        conflict = self.conflict(conflict_id)
        if not conflict.open:
            raise NotFound("bundle.no_conflict", id=conflict_id)
        with self._edit("resolve_conflict", entity="conflict", entity_id=conflict_id,
                        inspection_id=conflict.inspection_id,
                        detail={"choice": choice, "entity": conflict.entity,
                                "key": conflict.key}) as edit:
            current = self._current_side(conflict)
            theirs = _side(conflict.theirs)
            vv = join(current.vv, theirs.vv)
            vv[self.device_id] = vv.get(self.device_id, 0) + 1
            chosen = current if choice == "mine" else theirs
            before = {"record": current.record, "vv": current.vv, "uid": current.uid}
            blobs = _incoming(conflict.theirs, conflict.mine)
            self._put(conflict, Side(chosen.record, vv, current.uid or theirs.uid), blobs)
            self.db.execute("UPDATE conflicts SET resolved_at = ?, resolution = ?, before = ?"
                            " WHERE id = ?", [now_iso(), choice, as_json(before), conflict_id])
            self._report(edit, conflict)
        return edit.change

    def reopen_conflict(self, conflict_id: int) -> Change:
        """Undo a pick: the value before it comes back and the conflict is open again."""
        conflict = self.conflict(conflict_id)
        row = self._one("SELECT before FROM conflicts WHERE id = ?", [conflict_id])
        if conflict.open or row is None or row["before"] is None:
            raise NotFound("bundle.no_conflict", id=conflict_id)
        before = json.loads(row["before"])
        with self._edit("reopen_conflict", entity="conflict", entity_id=conflict_id,
                        inspection_id=conflict.inspection_id,
                        detail={"entity": conflict.entity, "key": conflict.key}) as edit:
            self._put(conflict, _side(before), _incoming(conflict.mine, conflict.theirs))
            self.db.execute("UPDATE conflicts SET resolved_at = NULL, resolution = NULL,"
                            " before = NULL WHERE id = ?", [conflict_id])
            self._report(edit, conflict)
        return edit.change

    def _current_side(self, conflict: ConflictRecord) -> Side:
        rows = self._exchange_rows(conflict.inspection_id, False).rows
        if conflict.entity == "inspection":
            head = rows["inspection"]
            return Side(head, dict(head["vv"]))
        found = sides(rows, conflict.entity).get(conflict.key)
        return found if found is not None else Side(None, {})

    def _put(self, conflict: ConflictRecord, side: Side, blobs: Incoming) -> None:
        if conflict.entity == "inspection":
            record = side.record or {}
            self.db.execute("UPDATE inspections SET date = ?, inspectors = ?, organisation = ?,"
                            " vv = ? WHERE id = ?",
                            [record["date"], as_json(record["inspectors"]), record["organisation"],
                             as_json(side.vv), conflict.inspection_id])
            return
        self._write(conflict.inspection_id, Write(conflict.entity, conflict.key, side), blobs)

    def _report(self, edit: Edit, conflict: ConflictRecord) -> None:
        """Fill the edit's change with the item's records as they now are."""
        if conflict.entity == "answer":
            template_id, item_code = conflict.key
            answer = self.answer(conflict.inspection_id, template_id, item_code)
            template = get_template(template_id)
            edit.answers[(template_id, item_code)] = answer
            edit.answered[(template_id, item_code)] = is_answered(
                template, template.find(item_code), answer, edit.park_type)
        elif conflict.entity == "finding":
            row = self._one("SELECT id FROM findings WHERE uid = ?", [conflict.key])
            if row is not None:
                edit.findings.append(self.finding(row["id"]))
        elif conflict.entity == "photo":
            row = self._one("SELECT id FROM photos WHERE inspection_id = ? AND sha256 = ?",
                            [conflict.inspection_id, conflict.key])
            if row is not None:
                edit.photos.append(self.photo(row["id"]))
        elif conflict.entity == "signature":
            edit.signatures = True
