"""整改前后: for each finding of an inspection that continues one of an earlier visit (a revisit
carried it), the item's photos at that earlier visit — the "before" to this visit's "after"
(the photo taken when the finding is closed at the revisit is a photo of the item, like any
other). The report pairs them (inspection/report/pairs.py).

The chain is followed back visit by visit to the nearest one that photographed the item. An
earlier visit that is not in this data folder (another inspector's, carried from the hub: the
finding has only ``carried_from_uid``) has its item's photos fetched by sync (hub schema 0009,
``inspection.hub.pull.pull_earlier_photos``) into ``hub_earlier_checked`` / ``hub_earlier_photos``
(migration m011) and media/earlier/; until then its evidence says it was not fetched.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from inspection.model import EarlierEvidence, Photo
from inspection.store.base import StoreBase, now_iso
from inspection.store.evidence import PHOTO_COLUMNS, _photo

MAX_STEPS = 50  # visits followed back (a chain of revisits is never this long)


class RectificationMixin(StoreBase):
    def earlier_evidence(self, inspection_id: str) -> dict[int, EarlierEvidence]:
        """Finding id → the photos of its item at the nearest earlier visit that has any; a
        finding carried from another inspector's visit on the hub is there also without photos
        (``from_hub``; ``fetched`` False when sync has not asked the hub yet)."""
        found: dict[int, EarlierEvidence] = {}
        # (a finding carried from the hub whose visit came here since, by a bundle: followed here)
        carried = self.db.execute(
            "SELECT id, coalesce(carried_from, (SELECT e.id FROM findings e WHERE e.uid = f.carried_from_uid"
            " AND e.inspection_id <> f.inspection_id)) AS earlier FROM findings f WHERE inspection_id = ?"
            " AND earlier IS NOT NULL", [inspection_id]).fetchall()
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
        hub_photos: dict[str, list[Any]] = {}  # the hub's photos of every carried finding, at once
        for p in self._all("SELECT * FROM hub_earlier_photos WHERE finding_uid IN (SELECT"
                           " carried_from_uid FROM findings WHERE inspection_id = ?)"
                           " ORDER BY taken_at, photo_uid", [inspection_id]):
            hub_photos.setdefault(p["finding_uid"], []).append(p)
        for row in self._all(
                "SELECT f.id, f.carried_from_uid, c.inspection_uid, c.inspection_date, c.finding_uid AS checked"
                " FROM findings f LEFT JOIN hub_earlier_checked c ON c.finding_uid = f.carried_from_uid"
                " WHERE f.inspection_id = ? AND f.carried_from IS NULL AND f.carried_from_uid IS NOT NULL"
                " AND f.carried_from_uid NOT IN (SELECT uid FROM findings WHERE uid IS NOT NULL)",
                [inspection_id]):
            kept = tuple(Photo(id=0, inspection_id=row["inspection_uid"], sha256=p["sha256"], ext="jpg",
                               original_name="", width=p["width"], height=p["height"],
                               template_id=p["template_id"], item_code=p["item_code"], caption=p["caption"],
                               taken_at=p["taken_at"])
                         for p in hub_photos.get(row["carried_from_uid"], ()))
            found[row["id"]] = EarlierEvidence(row["inspection_uid"] or "", row["inspection_date"] or "",
                                               kept, from_hub=True, fetched=row["checked"] is not None)
        return found

    def earlier_photos_wanted(self, limit: int = 200) -> list[str]:
        """The hub findings that findings here continue, whose visit is not in this folder and
        whose photos the hub was not asked about yet (sync asks)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT f.carried_from_uid FROM findings f WHERE f.carried_from IS NULL"
            " AND f.carried_from_uid IS NOT NULL AND f.carried_from_uid NOT IN"
            " (SELECT finding_uid FROM hub_earlier_checked)"
            " AND f.carried_from_uid NOT IN (SELECT uid FROM findings WHERE uid IS NOT NULL)"
            " ORDER BY 1 LIMIT ?", [limit]).fetchall()]

    def forget_missing_earlier_photos(self) -> int:
        """Forget what the hub said about findings whose fetched photo files are gone (a backup
        restored elsewhere keeps the rows but not these copies: the hub is asked again)."""
        gone = {row["finding_uid"] for row in self._all("SELECT finding_uid, sha256 FROM hub_earlier_photos")
                if not self.data_dir.earlier_image(row["sha256"]).is_file()}
        if gone:
            with self._transaction():
                self.db.conn.executemany("DELETE FROM hub_earlier_checked WHERE finding_uid = ?", [[u] for u in gone])
        return len(gone)

    def record_earlier_photos(self, hub_id: str, finding_uid: str, visit: Mapping[str, Any],
                              photos: Iterable[Mapping[str, Any]]) -> None:
        """What the hub said about *finding_uid*: its visit and the photos of its item (their
        files already in place, DataDir.earlier_image). One transaction."""
        with self._transaction():
            self.db.execute("DELETE FROM hub_earlier_checked WHERE finding_uid = ?", [finding_uid])
            self.db.execute("INSERT INTO hub_earlier_checked (finding_uid, hub_id, inspection_uid,"
                            " inspection_date, checked_at) VALUES (?, ?, ?, ?, ?)",
                            [finding_uid, hub_id, str(visit["inspection_id"]), str(visit["inspection_date"]),
                             now_iso()])
            for p in photos:
                self.db.execute("INSERT OR REPLACE INTO hub_earlier_photos (finding_uid, photo_uid,"
                                " template_id, item_code, caption, taken_at, width, height, sha256)"
                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                [finding_uid, str(p["photo_id"]), p["template_id"], p["item_code"],
                                 p["caption"] or "", p["taken_at"], int(p["width"]), int(p["height"]),
                                 p["report_sha256"]])
