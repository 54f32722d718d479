"""Photo records, signatures and issued reports; the snapshot of a whole inspection."""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from checklists.errors import InvalidInput, UserError, messages
from inspection.annotations import normalise_annotations
from inspection.bundle.errors import BundleRefused
from inspection.changes import Change
from inspection.model import (
    Answer,
    Finding,
    Inspection,
    InspectionSnapshot,
    Park,
    Photo,
    PreparedPhoto,
    ReportRecord,
    Signature,
    SignerRole,
    Status,
)
from inspection.signers import Lapsed, confirmed_state, standing
from inspection.store.base import NotFound, StoreBase, dumps, now_iso

if TYPE_CHECKING:
    from checklists.model import Node, Template
    from inspection.model import EarlierEvidence

MESSAGES = messages({
    "photo.half_item": ("item：照片所属条目需要同时给出模板和条目编号",
                        "item: a photo's item needs both the template and the item code"),
    "photo.not_found": ("没有编号为 {id} 的照片", "No photo has the number {id}"),
    "signature.no_name": ("name：签名人姓名不能为空", "name: the signer needs a name"),
    "signature.not_png": ("image：签名图像应为 PNG", "image: the signature image must be a PNG"),
    "signature.not_found": ("没有编号为 {id} 的签名", "No signature has the number {id}"),
    "report.not_found": ("没有编号为 {id} 的报告", "No report has the number {id}"),
    "report.changed_while_signing": (
        "生成报告期间该检查又有改动（如导入照片、修改说明），签署的报告不包含这些改动，因此没有签署；请重新签署。",
        "The inspection changed while its report was being made (a photo imported, a note"
        " edited…): the report would not contain those changes, so it was not signed. Sign"
        " it again."),
})

PHOTO_COLUMNS = ("id, inspection_id, sha256, ext, original_name, width, height, template_id,"
                 " item_code, caption, taken_at, gps_lat, gps_lon, annotations, imported_at,"
                 " deleted_at")


class InspectionChanged(UserError):
    """The inspection was edited while its report was being built and signed."""


def _photo(row: dict) -> Photo:
    gps = (row["gps_lat"], row["gps_lon"]) if row["gps_lat"] is not None else None
    return Photo(
        id=row["id"], inspection_id=row["inspection_id"], sha256=row["sha256"], ext=row["ext"],
        original_name=row["original_name"], width=row["width"], height=row["height"],
        template_id=row["template_id"], item_code=row["item_code"], caption=row["caption"],
        taken_at=row["taken_at"], gps=gps, annotations=tuple(json.loads(row["annotations"])),
        imported_at=row["imported_at"], deleted_at=row["deleted_at"])


def _signature(row: dict) -> Signature:
    return Signature(id=row["id"], inspection_id=row["inspection_id"], revision=row["revision"],
                     role=SignerRole(row["role"]), name=row["name"], title=row["title"],
                     image_png=row["image_png"], signed_at=row["signed_at"],
                     carried_from=row.get("carried_from"))


def _report(row: dict) -> ReportRecord:
    return ReportRecord(id=row["id"], inspection_id=row["inspection_id"],
                        revision=row["revision"], path=row["path"], sha256=row["sha256"],
                        signer=row["signer"], created_at=row["created_at"])


class EvidenceMixin(StoreBase):
    if TYPE_CHECKING:  # from the sibling mixins that Store combines with this one
        def _check_item(self, inspection_id: str, template_id: str, item_code: str
                        ) -> tuple[Template, Node]: ...
        def inspection(self, inspection_id: str) -> Inspection: ...
        def park(self, park_id: int) -> Park: ...
        def answers(self, inspection_id: str) -> dict[tuple[str, str], Answer]: ...
        def findings(self, inspection_id: str) -> list[Finding]: ...
        def evidence_reasons(self, inspection_id: str) -> dict[tuple[str, str], str]: ...
        def earlier_evidence(self, inspection_id: str) -> dict[int, EarlierEvidence]: ...

    # --- photos ------------------------------------------------------------------------

    def add_photo(self, inspection_id: str, prepared: PreparedPhoto, *,
                  template_id: str | None = None, item_code: str | None = None,
                  caption: str = "") -> Change:
        """Attach an imported photo to an inspection (and optionally an item).

        The same image twice in one inspection is kept once: the change then says it wrote
        nothing (``wrote`` False) and holds the photo as stored; a removed photo imported again
        is restored.
        """
        if (template_id is None) != (item_code is None):
            raise InvalidInput("photo.half_item")
        if template_id is not None and item_code is not None:
            self._check_item(inspection_id, template_id, item_code)
        existing = self._one(f"SELECT {PHOTO_COLUMNS} FROM photos WHERE inspection_id = ?"
                             " AND sha256 = ?", [inspection_id, prepared.sha256])
        if existing and existing["deleted_at"] is None:
            return Change(photos=(_photo(existing),), wrote=False)
        if existing:
            return self.restore_photo(existing["id"])
        with self._edit("add_photo", entity="photo", entity_id=prepared.sha256,
                        inspection_id=inspection_id,
                        detail={"sha256": prepared.sha256, "name": prepared.original_name,
                                "item": item_code}, starts=True) as edit:
            # photos.ext repeats media_files.ext (both from m001, both from the same file):
            # the schema keeps the duplicate rather than rewrite the table.
            self.db.execute("INSERT OR IGNORE INTO media_files (sha256, ext, size) VALUES (?, ?, ?)",
                            [prepared.sha256, prepared.ext, prepared.size])
            gps = prepared.gps or (None, None)
            row = self._written(
                "INSERT INTO photos (inspection_id, sha256, ext, original_name, width, height,"
                " template_id, item_code, caption, taken_at, gps_lat, gps_lon, annotations,"
                " thumbnail, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?)"
                f" RETURNING {PHOTO_COLUMNS}",
                [inspection_id, prepared.sha256, prepared.ext, prepared.original_name,
                 prepared.width, prepared.height, template_id, item_code, caption,
                 prepared.taken_at, gps[0], gps[1], prepared.thumbnail_jpeg, now_iso()])
            edit.detail["id"] = row["id"]
            edit.photos.append(_photo(row))
        return edit.change

    def photo(self, photo_id: int) -> Photo:
        row = self._one(f"SELECT {PHOTO_COLUMNS} FROM photos WHERE id = ?", [photo_id])
        if row is None:
            raise NotFound("photo.not_found", id=photo_id)
        return _photo(row)

    def photos(self, inspection_id: str, *, include_removed: bool = False) -> list[Photo]:
        sql = f"SELECT {PHOTO_COLUMNS} FROM photos WHERE inspection_id = ?"
        if not include_removed:
            sql += " AND deleted_at IS NULL"
        return [_photo(r) for r in self._all(sql + " ORDER BY id", [inspection_id])]

    def thumbnail(self, photo_id: int) -> bytes:
        row = self.db.execute("SELECT thumbnail FROM photos WHERE id = ?", [photo_id]).fetchone()
        if row is None:
            raise NotFound("photo.not_found", id=photo_id)
        return row[0]

    def _photo_edit(self, photo_id: int, action: str, changes: dict, detail: dict, *,
                    current: Photo | None = None) -> Change:
        current = current or self.photo(photo_id)
        with self._edit(action, entity="photo", entity_id=photo_id,
                        inspection_id=current.inspection_id, detail=detail) as edit:
            assignments = ", ".join(f"{name} = ?" for name in changes)
            row = self._written(f"UPDATE photos SET {assignments} WHERE id = ?"
                            f" RETURNING {PHOTO_COLUMNS}", [*changes.values(), photo_id])
            edit.photos.append(_photo(row))
        return edit.change

    def set_caption(self, photo_id: int, caption: str) -> Change:
        return self._photo_edit(photo_id, "caption", {"caption": caption.strip()},
                                {"caption": caption.strip()})

    def move_photo(self, photo_id: int, template_id: str | None, item_code: str | None) -> Change:
        """Attach a photo to another item, or to the inspection as a whole (None, None)."""
        if (template_id is None) != (item_code is None):
            raise InvalidInput("photo.half_item")
        current = self.photo(photo_id)
        if template_id is not None and item_code is not None:
            self._check_item(current.inspection_id, template_id, item_code)
        return self._photo_edit(photo_id, "move_photo",
                                {"template_id": template_id, "item_code": item_code},
                                {"from": [current.template_id, current.item_code],
                                 "to": [template_id, item_code]}, current=current)

    def remove_photo(self, photo_id: int) -> Change:
        """Soft delete: the photo leaves the inspection; the file and the record stay."""
        return self._photo_edit(photo_id, "remove_photo", {"deleted_at": now_iso()}, {})

    def restore_photo(self, photo_id: int) -> Change:
        return self._photo_edit(photo_id, "restore_photo", {"deleted_at": None}, {})

    def set_annotations(self, photo_id: int, annotations: Sequence[Mapping[str, Any]]) -> Change:
        """Replace the annotation layer (arrows, shapes, text) drawn over a photo.

        The layer is checked against its one definition (inspection.report.annotations);
        a malformed shape is refused with InvalidInput and nothing changes.
        """
        shapes = normalise_annotations(annotations)
        return self._photo_edit(photo_id, "annotate", {"annotations": dumps(shapes)},
                                {"shapes": len(shapes)})

    # --- signatures and reports --------------------------------------------------------

    def set_signature(self, inspection_id: str, role: SignerRole | str, name: str, *,
                      image_png: bytes, title: str = "") -> Signature:
        """Store a handwritten signature for the current revision (replacing the same signer's)."""
        role = SignerRole(role)
        name = (name or "").strip()
        if not name:
            raise InvalidInput("signature.no_name")
        if not image_png.startswith(b"\x89PNG"):
            raise InvalidInput("signature.not_png")
        with self._edit("sign_by_hand", entity="signature", entity_id=f"{role.value}:{name}",
                        inspection_id=inspection_id, detail={"role": role.value, "name": name},
                        starts=True) as edit:
            revision = edit.inspection_row["revision"]
            self.db.execute("DELETE FROM signatures WHERE inspection_id = ? AND revision = ?"
                            " AND role = ? AND name = ?", [inspection_id, revision, role.value, name])
            signature_id = self._insert("signatures", {
                "inspection_id": inspection_id, "revision": revision, "role": role.value,
                "name": name, "title": title.strip(), "image_png": image_png,
                "signed_at": now_iso(), "confirmed": self._confirmed_now(inspection_id)})
            edit.signatures = True
        return _signature(self._written("SELECT * FROM signatures WHERE id = ?", [signature_id]))

    def remove_signature(self, signature_id: int) -> None:
        row = self._one("SELECT inspection_id, name FROM signatures WHERE id = ?", [signature_id])
        if row is None:
            raise NotFound("signature.not_found", id=signature_id)
        with self._edit("remove_signature", entity="signature", entity_id=signature_id,
                        inspection_id=row["inspection_id"], detail={"name": row["name"]}) as edit:
            self.db.execute("DELETE FROM signatures WHERE id = ?", [signature_id])
            edit.signatures = True

    def signatures(self, inspection_id: str, *, revision: int | None = None,
                   current: Inspection | None = None,
                   records: tuple[Mapping[tuple[str, str], Answer], Iterable[Finding]] | None = None,
                   ) -> list[Signature]:
        """The handwritten signatures of a revision (the current one by default). For the
        current revision of an unsigned inspection: those that hold — its own, and those carried
        from the revision before whose results and findings are unchanged (inspection.signers).
        *current* and *records* (answers, findings) are what the caller already read."""
        current = current or self.inspection(inspection_id)
        if revision is None or (revision == current.revision and not current.locked):
            return self.signature_standing(inspection_id, revision=current.revision,
                                           records=records)[0]
        return [_signature(r) for r in self._all(
            "SELECT * FROM signatures WHERE inspection_id = ? AND revision = ? ORDER BY id",
            [inspection_id, revision])]

    def signature_standing(self, inspection_id: str, *, revision: int | None = None,
                           records: tuple[Mapping[tuple[str, str], Answer], Iterable[Finding]]
                           | None = None) -> tuple[list[Signature], list[Lapsed]]:
        """The current revision's signatures: those that hold, and the carried ones that lapsed
        because a result or finding they confirmed changed (each with what changed).
        *revision* and *records* (answers, findings) are what the caller already read."""
        with self.db.atomic():
            if revision is None:
                revision = self.inspection(inspection_id).revision
            rows = self._all("SELECT * FROM signatures WHERE inspection_id = ? AND revision = ?"
                             " ORDER BY id", [inspection_id, revision])
            now = ""
            if any(r["carried_from"] for r in rows):
                now = (confirmed_state(*records) if records is not None
                       else self._confirmed_now(inspection_id))
        return standing([_signature(r) for r in rows], {r["id"]: r["confirmed"] for r in rows}, now)

    def _confirmed_now(self, inspection_id: str) -> str:
        """What a signature given now confirms (inspection.signers.confirmed_state)."""
        return confirmed_state(self.answers(inspection_id), self.findings(inspection_id))

    def _carry_signatures(self, inspection_id: str, revision: int) -> list[dict]:
        """Inside a reopening's edit: the signatures of *revision* go on into ``revision + 1``,
        marked with the revision each was given in and keeping what it confirmed (or, when
        that was not recorded, the results and findings as the revision ends). Returns the
        carried signers for the audit row."""
        rows = self._all("SELECT * FROM signatures WHERE inspection_id = ? AND revision = ?"
                         " ORDER BY id", [inspection_id, revision])
        now = self._confirmed_now(inspection_id) if rows else ""
        carried = []
        for row in rows:
            origin = row["carried_from"] or revision
            self._insert("signatures", {
                "inspection_id": inspection_id, "revision": revision + 1, "role": row["role"],
                "name": row["name"], "title": row["title"], "image_png": row["image_png"],
                "signed_at": row["signed_at"], "confirmed": row["confirmed"] or now,
                "carried_from": origin})
            carried.append({"role": row["role"], "name": row["name"], "from_revision": origin})
        return carried

    def mark_signed(self, inspection_id: str, *, path: str, sha256: str, signer: str,
                    updated_at: str) -> ReportRecord:
        """Record a signed report and lock the inspection, in one transaction.

        *updated_at* is the inspection's ``updated_at`` in the snapshot the report was built
        from. Building and signing take a while; if any edit landed meanwhile (a photo import,
        a caption) the report does not show it, so locking now would lock edits the signed
        report does not contain: InspectionChanged is raised and nothing is recorded.
        """
        with self._edit("sign_report", entity="report", entity_id=sha256,
                        inspection_id=inspection_id,
                        detail={"path": path, "sha256": sha256, "signer": signer}) as edit:
            current, revision = edit.inspection_row["updated_at"], edit.inspection_row["revision"]
            if current != updated_at:
                raise InspectionChanged("report.changed_while_signing")
            edit.detail["revision"] = revision
            open_conflicts = self.db.execute("SELECT COUNT(*) FROM conflicts WHERE inspection_id = ?"
                                             " AND resolved_at IS NULL", [inspection_id]).fetchone()[0]
            if open_conflicts:  # 冲突待核: the lead inspector picks first (inspection.store.conflicts)
                raise BundleRefused("bundle.conflicts_open", count=open_conflicts)
            held, lapsed = self.signature_standing(inspection_id)
            for gone in lapsed:  # the report shows the carried signatures that hold, no others
                self.db.execute("DELETE FROM signatures WHERE id = ?", [gone.signature.id])
            edit.detail["carried_signatures"] = [
                {"role": s.role.value, "name": s.name, "from_revision": s.carried_from}
                for s in held if s.carried_from is not None]
            edit.detail["lapsed_signatures"] = [
                {"role": g.signature.role.value, "name": g.signature.name,
                 "from_revision": g.signature.carried_from} for g in lapsed]
            report_id = self._insert("reports", {
                "inspection_id": inspection_id, "revision": revision, "path": path,
                "sha256": sha256, "signed": 1, "signer": signer, "created_at": now_iso()})
            self.db.execute("UPDATE inspections SET status = ? WHERE id = ?",
                            [Status.SIGNED.value, inspection_id])
        return self.report(report_id)

    def report(self, report_id: int) -> ReportRecord:
        row = self._one("SELECT * FROM reports WHERE id = ?", [report_id])
        if row is None:
            raise NotFound("report.not_found", id=report_id)
        return _report(row)

    def reports(self, inspection_id: str) -> list[ReportRecord]:
        return [_report(r) for r in self._all(
            "SELECT * FROM reports WHERE inspection_id = ? ORDER BY id", [inspection_id])]

    # --- everything at once --------------------------------------------------------------

    def snapshot(self, inspection_id: str) -> InspectionSnapshot:
        """All records of one inspection, read in one transaction so they agree."""
        with self.db.atomic():
            inspection = self.inspection(inspection_id)
            answers = self.answers(inspection_id)
            findings = tuple(self.findings(inspection_id))
            return InspectionSnapshot(
                inspection=inspection,
                park=self.park(inspection.park_id),
                answers=answers,
                findings=findings,
                photos=tuple(self.photos(inspection_id)),
                signatures=tuple(self.signatures(inspection_id, revision=inspection.revision,
                                                 current=inspection, records=(answers, findings))),
                evidence_reasons=self.evidence_reasons(inspection_id),
                earlier_evidence=self.earlier_evidence(inspection_id),
            )
