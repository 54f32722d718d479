"""What signing would find, read on the database thread before the 签署报告 dialog opens:
unanswered items, missing handwritten signatures, photos whose files are gone or that look
wrong for this visit (far from the park, another day), items breaking an evidence rule or in
conflict, and the key."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from inspection.evidence_rules import Breach, unexplained
from inspection.model import Inspection, InspectionSnapshot, Photo, Signature
from inspection.photos.location import photo_flags
from inspection.signers import Lapsed
from inspection.signing.certificates import CertificateProblem, certificate_problems
from inspection.signing.keys import SigningKey
from ui.photos.photo_facts import flag_text
from ui.reports.key_dialog import key_info
from ui.reports.signatures_dialog import missing_signatures


@dataclass(frozen=True)
class Readiness:
    """What signing would find: unanswered items, missing handwritten signatures, photos whose
    files are gone, the key."""

    inspection: Inspection
    unanswered: int
    total: int
    missing_signatures: tuple[str, ...]
    key: SigningKey | None = None  # as its certificate describes it (no private key)
    key_path: Path | None = None
    photos: int = 0
    missing_photos: tuple[str, ...] = ()  # the report would show "照片文件缺失" for these
    breaches: tuple[Breach, ...] = ()  # items breaking an evidence rule with no reason yet
    conflicts: tuple[str, ...] = ()  # items flagged 冲突待核: signing waits until they are picked
    flagged_photos: tuple[tuple[str, str], ...] = ()  # (name, why): far from the park, another day
    carried: tuple[Signature, ...] = ()  # handwritten signatures carried from an earlier revision
    lapsed: tuple[Lapsed, ...] = ()  # carried ones whose confirmed results or findings changed

    @property
    def has_key(self) -> bool:
        return self.key_path is not None and self.key_path.exists()

    @property
    def key_problems(self) -> list[CertificateProblem]:
        """Why the key's certificate may not sign now (expired, weak, wrong key usage …):
        signing would refuse it, so the dialog says so first and does not offer to sign."""
        if self.key is None:
            return []
        return certificate_problems(self.key.certificate)

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.unanswered or self.missing_signatures or self.missing_photos
                    or self.flagged_photos)


def check_readiness(store, inspection_id: str, key_file: Path | None) -> Readiness:
    """Runs on the database thread: the counts the dialog shows before signing."""
    from inspection.photos.importer import missing_report_images
    from inspection.results import inspection_results

    snapshot = store.snapshot(inspection_id)
    results = inspection_results(snapshot)
    total = sum(r.total for r in results)
    unanswered = total - sum(r.answered for r in results)
    missing = missing_signatures(snapshot.inspection, list(snapshot.signatures))
    info = key_info(key_file) if key_file is not None and key_file.exists() else None
    photos = [p for p in snapshot.photos if p.deleted_at is None]
    gone = tuple(p.caption or p.original_name
                 for p in missing_report_images(snapshot, store.data_dir))
    conflicts = tuple(" ".join(c.item) if c.item else c.entity
                      for c in store.conflicts(inspection_id))
    lapsed = () if snapshot.inspection.locked else tuple(store.signature_standing(inspection_id)[1])
    return Readiness(snapshot.inspection, unanswered, total, tuple(missing), info, key_file,
                     len(photos), gone, tuple(unexplained(snapshot)), conflicts,
                     flagged_photos(snapshot, photos),
                     tuple(s for s in snapshot.signatures if s.carried_from is not None), lapsed)


def flagged_photos(snapshot: InspectionSnapshot, photos: list[Photo]) -> tuple[tuple[str, str], ...]:
    """The photos taken far from the park or on another day (an SD card from another visit?):
    said before the report is locked, never refused."""
    found = []
    for photo in photos:
        flags = photo_flags(gps=photo.gps, taken_at=photo.taken_at,
                            park_location=snapshot.park.location, visit_date=snapshot.inspection.date)
        if flags.any:
            found.append((photo.caption or photo.original_name,
                          flag_text(flags, snapshot.inspection.date)))
    return tuple(found)
