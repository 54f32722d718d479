"""Issuing a report: build the PDF → sign it → keep a copy in the data folder → lock the inspection.

In that order, and all or nothing: the key is opened before any work (a wrong password costs
nothing), files are written under temporary names, and only ``Store.mark_signed`` — one
transaction that records the report and locks the inspection — makes the result official.
If anything fails or is cancelled before it, no record exists, the inspection stays editable
and no file is left behind. Reports signed earlier (earlier revisions) are never touched.
"""
from __future__ import annotations

import dataclasses
import logging
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from checklists.errors import messages, render
from inspection.files import new_temp_file, replace_atomic
from inspection.model import Inspection, InspectionSnapshot, Status
from inspection.report.errors import Cancelled, ReportError, write_failure
from inspection.report.pdf import build_report
from inspection.results import inspection_results
from inspection.store import InspectionLocked, Store

if TYPE_CHECKING:
    from inspection.signing.keys import SigningKey

log = logging.getLogger(__name__)
MESSAGES = messages({
    "report.signed_already": ("该检查已签署（第 {revision} 版）；如需重新签署，请先“重新打开”生成新的修订版。",
                              "The inspection is signed (revision {revision}); to sign it again,"
                              " first reopen it, which makes a new revision."),
    "report.no_folder": ("保存报告的文件夹不存在：{folder}",
                         "The folder to save the report in does not exist: {folder}"),
    "report.revision_exists": ("第 {revision} 版的报告已存在：{path}",
                               "The report of revision {revision} exists already: {path}"),
    "report.cannot_save_signed": ("无法保存签署的报告：{reason}", "Cannot save the signed report: {reason}"),
    "report.signed_not_copied": ("报告已签署并保存在 {stored}，但无法写入 {out}：{reason}",
                                 "The report is signed and kept at {stored}, but it could not be"
                                 " written to {out}: {reason}"),
    "report.progress.signing": ("正在签名", "Signing"),
    "report.progress.signed": ("已签署", "Signed"),
})
Progress = Callable[[int, int, str], None]
ShouldCancel = Callable[[], bool]


def report_file_name(inspection: Inspection) -> str:
    """The name of a signed report in the data folder: YQJC-2026-0001-r1.pdf"""
    return f"{inspection.file_safe_number}-r{inspection.revision}.pdf"


def export_report(store: Store, inspection_id: str, *, out: Path,
                  progress: Progress | None = None,
                  should_cancel: ShouldCancel | None = None, photos_per_page: int = 2) -> Path:
    """Write an unsigned report (draft or preview); the inspection is not locked."""
    out = store.check_output(out, kind="pdf")  # never into the data folder, a signed report, a device
    snapshot = store.snapshot(inspection_id)
    return build_report(snapshot, out, data_dir=store.data_dir, progress=progress,
                        should_cancel=should_cancel, photos_per_page=photos_per_page)


def _as_signed(snapshot: InspectionSnapshot) -> InspectionSnapshot:
    """The snapshot as it will read once signed: the report records the signed state."""
    return dataclasses.replace(snapshot, inspection=dataclasses.replace(
        snapshot.inspection, status=Status.SIGNED))


def issue_report(store: Store, inspection_id: str, *, key_path: Path, password: str,
                 out: Path | None = None, progress: Progress | None = None,
                 should_cancel: ShouldCancel | None = None, photos_per_page: int = 2) -> Path:
    """Build, sign, store and record the report of an inspection, which locks it.

    The signed PDF goes to the data folder's ``reports/`` (named by report number and
    revision) and, when *out* is given, also to *out*. Returns *out*, or the stored copy.
    """
    inspection = store.inspection(inspection_id)
    if inspection.locked:
        raise InspectionLocked("report.signed_already", revision=inspection.revision)
    store.require_no_conflicts(inspection_id)  # 冲突待核: the lead inspector picks first
    # Imported here: an unsigned report (export_report) never loads the signing code.
    from inspection.signing.pades import load_signing_key, sign_pdf

    key = load_signing_key(Path(key_path), password)
    if out is not None:
        out = store.check_output(out, kind="pdf")  # never into the data folder, a signed report, a device
    if out is not None and not Path(out).parent.is_dir():
        raise ReportError("report.no_folder", folder=Path(out).parent)
    snapshot = _as_signed(store.snapshot(inspection_id))
    reports = store.data_dir.reports
    reports.mkdir(parents=True, exist_ok=True)
    stored = reports / report_file_name(snapshot.inspection)
    if stored.exists() and not any(r.file(store.data_dir) == stored
                                   for r in store.reports(inspection_id)):
        # Another inspection's report has this number (report numbers are per laptop, and
        # bundles bring inspections from other laptops): never overwrite it.
        stored = stored.with_name(f"{stored.stem}-{inspection_id[:8]}.pdf")
    if any(r.file(store.data_dir) == stored for r in store.reports(inspection_id)):
        raise ReportError("report.revision_exists", revision=inspection.revision, path=stored)
    work = copy = None
    placed = False
    try:
        work = new_temp_file(stored)
        copy = new_temp_file(out) if out is not None else None
        build_report(snapshot, work, data_dir=store.data_dir,
                     results=inspection_results(snapshot),
                     progress=_scaled(progress), should_cancel=should_cancel,
                     photos_per_page=photos_per_page, signed=True)
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        if progress is not None:
            progress(98, 100, render("report.progress.signing", {}))
        signed = sign_pdf(work, key=key)
        sha = signed.sha256  # hashed while signing: the file is not read again
        if should_cancel is not None and should_cancel():
            raise Cancelled()
        if copy is not None:
            shutil.copyfile(work, copy)  # the slow part of the copy, before anything is final
        # On disk (flushed) before the database records it: a power cut cannot leave a record
        # pointing at a half-written file.
        replace_atomic(work, stored)
        placed = True
        store.mark_signed(inspection_id, path=store.data_dir.relative(stored), sha256=sha,
                          signer=signed.signer,
                          updated_at=snapshot.inspection.updated_at)
        placed = False  # recorded: from here on the stored file belongs to the record
        _seal_bundle(store, inspection_id, key, report_signer=signed.fingerprint)
        if copy is not None and out is not None:  # there is a copy only when out is given
            _finish_copy(copy, Path(out), stored)
    except OSError as exc:
        raise ReportError("report.cannot_save_signed", reason=write_failure(exc)) from None
    finally:
        for temp in (work, copy):
            if temp is not None:
                temp.unlink(missing_ok=True)
        if placed:
            stored.unlink(missing_ok=True)
    if progress is not None:
        progress(100, 100, render("report.progress.signed", {}))
    return Path(out) if out is not None else stored


def _seal_bundle(store: Store, inspection_id: str, key: SigningKey, *, report_signer: str) -> None:
    """While the key is open: seal the signed revision's bundle manifest, so exporting its
    bundle later needs no password (inspection.bundle.export). The report is signed either
    way; a failure here only means the first bundle export will ask for the key.
    *report_signer* is the fingerprint of the certificate that just signed the report (so
    the seal does not read the report again to learn it)."""
    from inspection.bundle.export import seal_revision
    try:
        seal_revision(store, inspection_id, key, report_signer=report_signer)
    except Exception:  # never undo a signed report over its bundle seal
        log.exception("the signed revision of %s could not be sealed", inspection_id)


def _finish_copy(copy: Path, out: Path, stored: Path) -> None:
    """Rename the finished copy into place (after signing is recorded; a rename seldom fails)."""
    try:
        replace_atomic(copy, out)
    except OSError as exc:
        raise ReportError("report.signed_not_copied", stored=stored, out=out,
                          reason=write_failure(exc)) from None


def _scaled(progress: Progress | None) -> Progress | None:
    """Build progress as the first part of the whole (signing is the rest)."""
    if progress is None:
        return None

    def report(done: int, total: int, message: str) -> None:
        progress(min(int(96 * done / max(total, 1)), 96), 100, message)

    return report
