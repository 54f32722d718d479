"""What the inspector records on site beyond answers: a park's location, and the reasons for
items signed although they break an evidence rule (inspection/evidence_rules.py)."""
from __future__ import annotations

from collections.abc import Mapping

from checklists.errors import InvalidInput, messages
from inspection.changes import Change
from inspection.model import Park
from inspection.store.base import NotFound, StoreBase, now_iso
from inspection.store.inspections import checked_location, park_from_row

MESSAGES = messages({
    "site.no_park": ("没有编号为 {id} 的园区", "There is no park with the number {id}"),
    "site.no_reason": ("请填写理由：{items}", "Please give a reason: {items}"),
})


class SiteMixin(StoreBase):
    def set_park_location(self, park_id: int, location: tuple[float, float] | None) -> Park:
        """Record where a park is (latitude, longitude in degrees), or forget it (None)."""
        location = checked_location(location)
        with self._edit("set_park_location", entity="park", entity_id=park_id,
                        detail={"location": list(location) if location else None}):
            cursor = self.db.execute(
                "UPDATE parks SET latitude = ?, longitude = ? WHERE id = ?",
                [location[0] if location else None, location[1] if location else None, park_id])
            if cursor.rowcount == 0:
                raise NotFound("site.no_park", id=park_id)
        row = self._one("SELECT * FROM parks WHERE id = ?", [park_id])
        assert row is not None
        return park_from_row(row)

    def evidence_reasons(self, inspection_id: str) -> dict[tuple[str, str], str]:
        """The reasons recorded for the inspection's current revision, by item."""
        rows = self._all(
            "SELECT e.template_id, e.item_code, e.reason FROM evidence_reasons e"
            " JOIN inspections i ON i.id = e.inspection_id AND i.revision = e.revision"
            " WHERE e.inspection_id = ? ORDER BY e.template_id, e.item_code", [inspection_id])
        return {(r["template_id"], r["item_code"]): r["reason"] for r in rows}

    def record_evidence_reasons(self, inspection_id: str,
                                reasons: Mapping[tuple[str, str], str]) -> Change:
        """Record why each item is signed without the evidence its rule asks for (one edit);
        an empty reason is refused: signing needs one for every item listed."""
        cleaned = {key: (text or "").strip() for key, text in reasons.items()}
        empty = [f"{t} {c}" for (t, c), text in cleaned.items() if not text]
        if empty:
            raise InvalidInput("site.no_reason", items="、".join(empty))
        with self._edit("record_evidence_reasons", entity="inspection", entity_id=inspection_id,
                        inspection_id=inspection_id,
                        detail={"items": [f"{t} {c}" for t, c in cleaned]}) as edit:
            revision = edit.inspection_row["revision"]
            stamp = now_iso()
            for (template_id, code), text in cleaned.items():
                self.db.execute(
                    "INSERT INTO evidence_reasons (inspection_id, revision, template_id,"
                    " item_code, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (inspection_id, revision, template_id, item_code)"
                    " DO UPDATE SET reason = excluded.reason, recorded_by = excluded.recorded_by,"
                    " recorded_at = excluded.recorded_at",
                    [inspection_id, revision, template_id, code, text, self.actor, stamp])
        return edit.change
