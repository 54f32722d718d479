"""Importing a bundle: check everything, decide, write the files, then the rows in one go.

1. :func:`inspection.bundle.checks.check_bundle` — everything that needs no writing. A
   bundle that fails is refused whole with one reason; nothing has changed.
2. Decide, read-only, against the inspection here (inspection.bundle.merge.plan): the same
   revision again is a no-op (returned before any file is touched), different content for a
   signed revision is refused, and so on.
3. The files: every photo original, report-size copy and signed report is written to a
   temporary file beside its place while it is hashed (the report of a signed revision must
   also verify and be signed by the bundle's signer); only when all are good are they renamed
   into place — photos content-addressed into ``media/`` (harmless if the import then fails:
   the same bytes under their own name), then the reports into ``reports/``.
4. The rows: one transaction (Store.apply_bundle) that plans again under the write lock and
   applies. If it fails, the reports placed in step 3 are removed again.
"""
from __future__ import annotations

import functools
import logging
import shutil
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklists.errors import Message
from inspection.bundle.checks import Checked, check_bundle, verified
from inspection.bundle.derived import sample, shows, thumbnail_of
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import original_member, report_image_member, report_member, revision_id
from inspection.bundle.merge import Action, Plan, plan
from inspection.bundle.pdf_signer import report_signer_fingerprint
from inspection.bundle.reader import MemberSource, ZipSource
from inspection.files import new_temp_file, replace_atomic
from inspection.paths import DataDir
from inspection.signing.trust import trust_certificate
from inspection.store import Store
from inspection.store.exchange_rows import Incoming

if TYPE_CHECKING:
    from inspection.signing.verification import Verification

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]
ShouldCancel = Callable[[], bool]


@dataclass(frozen=True)
class ImportResult:
    """What an import did (``action``: create, nothing, merge, replace, archive)."""

    inspection_id: str
    revision: int
    revision_id: str
    action: str
    status: str  # the inspection's status in the bundle
    signed: bool  # the bundle was signed
    signer: dict | None = None  # name, organisation, fingerprint
    new_signer: bool = False  # the signer's certificate was added to those this laptop knows
    taken: int = 0  # items taken from the bundle
    kept: int = 0  # items where this laptop's version was newer
    conflicts: int = 0  # items flagged 冲突待核
    archived: tuple[str, ...] = ()  # states kept readable: superseded, set_aside
    files_written: int = 0
    bytes_written: int = 0
    notes: tuple[str, ...] = field(default=())
    templates_installed: tuple[str, ...] = ()  # carried templates new to this data folder

    def to_dict(self) -> dict:
        data = asdict(self)
        data["archived"] = list(self.archived)
        data["templates_installed"] = list(self.templates_installed)
        return data


def import_bundle(store: Store, path: Path | str, *, trust_signer: bool = False,
                  allow_unsigned: bool = False, progress: Progress | None = None,
                  should_cancel: ShouldCancel | None = None) -> ImportResult:
    """Import the .pib file *path* into *store*'s data folder (see the module doc)."""
    with ZipSource(path) as source:
        return import_from(store, source, source_name=Path(path).name, trust_signer=trust_signer,
                           allow_unsigned=allow_unsigned, progress=progress,
                           should_cancel=should_cancel)


def check_only(store: Store, path: Path | str, *, trust_signer: bool = True,
               allow_unsigned: bool = True) -> Checked:
    """Every check that needs no writing (for a window to say what it is about to import)."""
    with ZipSource(path) as source:
        return check_bundle(source, keys_dir=store.data_dir.keys, trust_signer=trust_signer,
                            allow_unsigned=allow_unsigned)


def import_from(store: Store, source: MemberSource, *, source_name: str = "",
                trust_signer: bool = False, allow_unsigned: bool = False,
                progress: Progress | None = None,
                should_cancel: ShouldCancel | None = None) -> ImportResult:
    """Import a bundle from any :class:`MemberSource` (a .pib file, the hub)."""
    checked = check_bundle(source, keys_dir=store.data_dir.keys, trust_signer=trust_signer,
                           allow_unsigned=allow_unsigned, should_cancel=should_cancel)
    inspection_id = checked.manifest.inspection_id
    planner = functools.partial(_planner, checked)
    first = planner(*store.exchange_context(inspection_id))  # read-only: refuse early
    if first.action is Action.NOTHING:
        _remember_signer(store, checked)
        return _result(checked, first, 0, 0)
    placed: list[Path] = []
    try:
        written, size, report_paths = _write_files(store, source, checked, placed, progress,
                                                   should_cancel)
        incoming = Incoming(
            rows=checked.rows, audit=checked.audit, signature_images=checked.signature_images,
            annotations=checked.annotations, thumbnails=checked.thumbnails,
            report_paths=report_paths, source=source_name,
            templates=list(checked.templates.values()),  # installed in the same transaction
            seal=_seal(checked) if checked.signed_revision else None,
            detail={"bundle": source_name, "revision": checked.manifest.revision,
                    "signed": checked.signed,
                    "signer": (checked.signer or {}).get("fingerprint"),
                    "content_sha256": checked.manifest.content_sha256})
        applied = store.apply_bundle(inspection_id, planner, incoming)
        if applied.action is Action.NOTHING:  # the folder changed meanwhile: nothing to do
            for path in placed:
                path.unlink(missing_ok=True)
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        raise
    _remember_signer(store, checked)
    log.info("bundle %s imported into %s: %s", source_name, inspection_id, applied.action.value)
    return _result(checked, applied, written, size, tuple(incoming.installed_templates))


def _planner(checked: Checked, local: dict[str, Any] | None,
             open_conflicts: dict[tuple[str, Any], dict[str, Any]],
             archived: set[tuple[int, str]]) -> Plan:
    return plan(local, checked.rows, signed=checked.signed_revision,
                open_conflicts=open_conflicts, archived=archived)


def _seal(checked: Checked) -> dict:
    return {"content_sha256": checked.manifest.content_sha256, "rows": checked.rows_bytes,
            "audit": checked.audit_bytes, "manifest": checked.manifest_bytes,
            "signature": checked.signature, "signer": (checked.signer or {}).get("name", "")}


def _remember_signer(store: Store, checked: Checked) -> None:
    if checked.certificate is not None and not checked.trusted:
        trust_certificate(checked.certificate, store.data_dir.keys)


def _result(checked: Checked, applied: Plan, written: int, size: int,
            templates: tuple[str, ...] = ()) -> ImportResult:
    manifest = checked.manifest
    return ImportResult(
        inspection_id=manifest.inspection_id, revision=manifest.revision,
        revision_id=revision_id(manifest.inspection_id, manifest.revision),
        action=applied.action.value, status=manifest.status, signed=checked.signed,
        signer=checked.signer, new_signer=checked.certificate is not None and not checked.trusted,
        taken=applied.taken, kept=applied.kept, conflicts=len(applied.conflicts),
        archived=tuple(kind for kind, _ in applied.archive), files_written=written,
        bytes_written=size, templates_installed=templates)


def _write_files(store: Store, source: MemberSource, checked: Checked, placed: list[Path],
                 progress: Progress | None, should_cancel: ShouldCancel | None
                 ) -> tuple[int, int, dict[str, str]]:
    """Photos into media/ (content-addressed), reports into reports/; every member hashed."""
    data_dir, listed = store.data_dir, checked.manifest.members
    jobs: list[tuple[str, Path]] = []
    for photo in checked.rows["photos"]:
        sha = photo["sha256"]
        jobs.append((original_member(sha, photo["ext"]), data_dir.original(sha, photo["ext"])))
        if report_image_member(sha) in listed:
            jobs.append((report_image_member(sha), data_dir.report_image(sha)))
    known_reports = {r.sha256: r.path for r in store.reports(checked.manifest.inspection_id)} \
        if store.has_inspection(checked.manifest.inspection_id) else {}
    number = "".join(c if c.isalnum() or c in "-_" else "_"
                     for c in checked.manifest.report_number)
    report_paths: dict[str, str] = {}
    for report in checked.rows["reports"]:
        sha = report["file"]
        stored = known_reports.get(sha) or \
            f"reports/{number}-r{report['revision']}-{checked.manifest.inspection_id[:8]}-{sha[:8]}.pdf"
        report_paths[sha] = stored
        jobs.append((report_member(sha), data_dir.resolve(stored)))
    total = sum(listed[name][1] for name, _ in jobs) or 1
    needed = sum(listed[name][1] for name, target in jobs if not target.exists())
    free = shutil.disk_usage(data_dir.root).free
    if needed > free:
        raise BundleRefused("bundle.no_space", needed=_mb(needed), free=_mb(free))
    done = written = size = 0
    current_report = next((r["file"] for r in checked.rows["reports"]
                           if r["revision"] == checked.rows["inspection"]["revision"]), None)
    staged: list[tuple[Path, Path]] = []  # (temporary file, target): renamed once all are good
    targets: set[Path] = set()
    try:
        for name, target in jobs:
            if should_cancel is not None and should_cancel():
                raise BundleRefused("bundle.cancelled")
            sha, length = listed[name]
            if target.exists() or target in targets:
                for _ in verified(source, name, length, sha):  # hashed even when not needed
                    pass
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = new_temp_file(target)
                staged.append((temp, target))
                targets.add(target)
                with open(temp, "wb") as handle:
                    for chunk in verified(source, name, length, sha):
                        handle.write(chunk)
                if name == report_member(current_report or "") and checked.signed_revision:
                    _check_report(temp, checked)
                written += 1
                size += length
            done += length
            if progress is not None:
                progress(done, total, name)
        _drop_foreign_copies(checked, data_dir, staged)
        # Every member is good: photos into media/ (content-addressed), then the reports.
        for temp, target in sorted(staged, key=lambda job: job[1].parent == data_dir.reports):
            replace_atomic(temp, target)
            if target.parent == data_dir.reports:
                placed.append(target)
    finally:
        for temp, _ in staged:
            temp.unlink(missing_ok=True)
    _make_missing_report_images(store, checked)
    _check_thumbnails(store, checked)
    return written, size, report_paths


def _drop_foreign_copies(checked: Checked, data_dir: DataDir, staged: list[tuple[Path, Path]]
                         ) -> None:
    """A report-size copy new here is kept only if it shows its original; another picture
    (a bundle made to show one photo in the report and hold another as evidence) is not
    written, and the copy is made here from the original instead."""
    temps = {target: temp for temp, target in staged}
    for photo in checked.rows["photos"]:
        report = data_dir.report_image(photo["sha256"])
        if report not in temps:
            continue
        original = data_dir.original(photo["sha256"], photo["ext"])
        if not shows(sample(temps.get(original, original)), sample(temps[report])):
            log.warning("bundle: the report-size copy of %s does not show its original;"
                        " it is made here instead", photo["sha256"])
            temps[report].unlink(missing_ok=True)
            staged.remove((temps[report], report))


def _check_thumbnails(store: Store, checked: Checked) -> None:
    """The bundle's thumbnails are kept only if they show the report-size copy (made or
    checked above); else a thumbnail is made here from that copy."""
    for sha, thumbnail in list(checked.thumbnails.items()):
        report = store.data_dir.report_image(sha)
        if not report.is_file() or shows(sample(report), sample(thumbnail)):
            continue
        log.warning("bundle: the thumbnail of %s does not show its photo; it is made here instead", sha)
        made = thumbnail_of(report)
        if made is None:
            del checked.thumbnails[sha]
        else:
            checked.thumbnails[sha] = made


def _check_report(path: Path, checked: Checked) -> None:
    """The report of a signed revision: intact, and signed by whoever signed the bundle."""
    from inspection.signing.verify import verify_pdf
    verification = verify_pdf(path)
    if not verification.ok:
        raise BundleRefused("bundle.report_not_verified", reason=_not_verified(verification))
    fingerprint = report_signer_fingerprint(path)
    signer = checked.signer or {}
    if fingerprint != signer.get("fingerprint"):
        raise BundleRefused("bundle.signer_mismatch", signer=signer.get("name", ""),
                            report_signer=verification.signer)


def _not_verified(verification: Verification) -> list[Message]:
    """Why a report does not verify, in the words of the message it goes into."""
    reasons = []
    if not verification.intact:
        reasons.append(Message("bundle.reason.report_changed"))
    elif not verification.covers_whole_file:
        reasons.append(Message("bundle.reason.report_appended"))
    if verification.certificate_problems:
        reasons.append(Message("bundle.reason.report_certificate",
                               problems=list(verification.certificate_problems)))
    return reasons or [Message("bundle.reason.report_invalid")]


def _make_missing_report_images(store: Store, checked: Checked) -> None:
    """A bundle without a photo's report-size copy (its sender had lost it): make it here."""
    from inspection.photos.image_file import prepare_photo
    for photo in checked.rows["photos"]:
        if not store.data_dir.report_image(photo["sha256"]).exists():
            try:
                prepare_photo(store.data_dir.original(photo["sha256"], photo["ext"]), store.data_dir)
            except Exception:  # the report says 照片文件缺失 for it; check-db names it
                log.warning("no report-size copy could be made for %s", photo["sha256"])


def _mb(size: int) -> str:
    return f"{size / (1 << 20):.0f} MB"
