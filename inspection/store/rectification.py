"""整改前后: for each finding of an inspection that continues one of an earlier visit (a revisit
carried it), the item's photos at that earlier visit — the "before" to this visit's "after"
(the photo taken when the finding is closed at the revisit is a photo of the item, like any
other). The report pairs them (inspection/report/pairs.py).

The chain is followed back visit by visit to the nearest one that photographed the item; an
earlier visit that is not in this data folder (another inspector's, carried from the hub) has
no photos here, and the finding then has no "before".
"""
from __future__ import annotations

from inspection.model import EarlierEvidence
from inspection.store.base import StoreBase
from inspection.store.evidence import PHOTO_COLUMNS, _photo

MAX_STEPS = 50  # visits followed back (a chain of revisits is never this long)


class RectificationMixin(StoreBase):
    def earlier_evidence(self, inspection_id: str) -> dict[int, EarlierEvidence]:
        """Finding id → the photos of its item at the nearest earlier visit that has any."""
        found: dict[int, EarlierEvidence] = {}
        carried = self.db.execute("SELECT id, carried_from FROM findings WHERE inspection_id = ?"
                                  " AND carried_from IS NOT NULL", [inspection_id]).fetchall()
        for finding_id, earlier in carried:
            for _step in range(MAX_STEPS):
                row = self._one("SELECT f.inspection_id, f.template_id, f.item_code, f.carried_from,"
                                " i.date FROM findings f JOIN inspections i ON i.id = f.inspection_id"
                                " WHERE f.id = ?", [earlier])
                if row is None:
                    break
                photos = [_photo(p) for p in self._all(
                    f"SELECT {PHOTO_COLUMNS} FROM photos WHERE inspection_id = ? AND template_id = ?"
                    " AND item_code = ? AND deleted_at IS NULL ORDER BY taken_at, id",
                    [row["inspection_id"], row["template_id"], row["item_code"]])]
                if photos:
                    found[finding_id] = EarlierEvidence(row["inspection_id"], row["date"], tuple(photos))
                    break
                if row["carried_from"] is None:
                    break
                earlier = row["carried_from"]
        return found
