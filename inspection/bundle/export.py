"""Exporting an inspection's current revision as a bundle, and sealing a signed revision.

The password is needed only where a signature is made: a draft's bundle is signed when the
key is given (else it is an unsigned draft bundle, which says so and can never be taken as a
signed revision); a signed revision is sealed once — when its report is signed
(:func:`seal_revision`, called by the signing flow with the key it already opened) or by the
first export given the key — and exported from its seal ever after, without the key.
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import MANIFEST, SIGNATURE, revision_id
from inspection.bundle.pdf_signer import report_signer_fingerprint
from inspection.bundle.writer import (
    Progress,
    ShouldCancel,
    contents,
    hash_members,
    make_manifest,
    sign,
    write_zip,
)
from inspection.signing.keys import SigningKey
from inspection.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportResult:
    path: str
    inspection_id: str
    revision: int
    revision_id: str
    status: str
    signed: bool  # the bundle's manifest is signed
    signer: str  # who signed it ("" when unsigned)
    from_seal: bool  # the signed revision's sealed manifest was reused (no key needed)
    members: int
    size: int  # bytes of the .pib

    def to_dict(self) -> dict:
        return asdict(self)


def _check_signer(store: Store, inspection_id: str, key: SigningKey,
                  report_signer: str | None = None) -> None:
    """A signed revision is sealed only by the key that signed its report (*report_signer*:
    its certificate's fingerprint, when the caller has it; else read from the report)."""
    inspection = store.inspection(inspection_id)
    for report in store.reports(inspection_id):
        if report.revision != inspection.revision:
            continue
        signer = report_signer or report_signer_fingerprint(report.file(store.data_dir))
        if signer != key.fingerprint:
            raise BundleRefused("bundle.key_not_signer", key=key.name, signer=report.signer)


def seal_revision(store: Store, inspection_id: str, key: SigningKey, *,
                  report_signer: str | None = None) -> bool:
    """Sign and keep the manifest of a signed inspection's current revision (once); True when
    a seal was made now. Reads every member once to hash it; writes no bundle file.

    *report_signer*: the fingerprint of the certificate that signed the revision's report,
    given by a caller that has just signed it (the signing flow) — the report is then not
    read again (reading who signed a PDF imports pyHanko's validator: ~0.2 s)."""
    inspection = store.inspection(inspection_id)
    if not inspection.locked or store.sealed_revision(inspection_id, inspection.revision):
        return False
    _check_signer(store, inspection_id, key, report_signer)
    found = contents(store, inspection_id)
    manifest = make_manifest(found, hash_members(found.members), key)
    store.store_seal(inspection_id, inspection.revision,
                     content_sha256=json.loads(manifest)["content_sha256"],
                     rows=found.rows_bytes, audit=found.audit_bytes, manifest=manifest,
                     signature=sign(manifest, key) or b"", signer=key.name)
    return True


def export_bundle(store: Store, inspection_id: str, out: Path, *, key: SigningKey | None = None,
                  progress: Progress | None = None,
                  should_cancel: ShouldCancel | None = None) -> ExportResult:
    """Write the bundle of the inspection's current revision to *out* (all or nothing)."""
    out = store.check_output(out, kind="zip")  # never into the data folder, a signed report, a device
    if not out.parent.is_dir():
        raise BundleRefused("bundle.cannot_write", path=out,
                            reason=Message("bundle.reason.folder_missing"))
    inspection = store.inspection(inspection_id)
    sealed = store.sealed_revision(inspection_id, inspection.revision) if inspection.locked else None
    if inspection.locked and sealed is None:
        if key is None:
            raise BundleRefused("bundle.needs_key")
        _check_signer(store, inspection_id, key)
    if sealed is not None:
        found = contents(store, inspection_id, rows_bytes=sealed["rows"],
                         audit_bytes=sealed["audit"])
        expected = {name: (m["sha256"], m["size"])
                    for name, m in json.loads(sealed["manifest"])["members"].items()}

        def finish(hashes: dict) -> tuple[bytes, bytes | None]:
            if hashes != expected:
                missing = sorted(set(expected) ^ set(hashes)) or sorted(
                    n for n in hashes if hashes[n] != expected.get(n))
                raise BundleRefused("bundle.bad_hash", member=missing[0])
            return sealed["manifest"], sealed["signature"]
        signer = sealed["signer"]
    else:
        found = contents(store, inspection_id)
        made: dict[str, bytes | None] = {}

        def finish(hashes: dict) -> tuple[bytes, bytes | None]:
            manifest = made[MANIFEST] = make_manifest(found, hashes, key)
            made[SIGNATURE] = sign(manifest, key)
            return manifest, made[SIGNATURE]
        signer = key.name if key is not None else ""
    write_zip(out, found.members, finish, progress=progress, should_cancel=should_cancel)
    if sealed is None and inspection.locked and key is not None:
        manifest, signature = made[MANIFEST], made[SIGNATURE]
        assert manifest is not None and signature is not None
        store.store_seal(inspection_id, inspection.revision,
                         content_sha256=json.loads(manifest)["content_sha256"],
                         rows=found.rows_bytes, audit=found.audit_bytes, manifest=manifest,
                         signature=signature, signer=key.name)
    log.info("bundle of %s r%s written to %s", inspection_id, inspection.revision, out)
    return ExportResult(path=str(out), inspection_id=inspection_id, revision=inspection.revision,
                        revision_id=revision_id(inspection_id, inspection.revision),
                        status=inspection.status.value,
                        signed=sealed is not None or key is not None, signer=signer,
                        from_seal=sealed is not None, members=len(found.members) + 1,
                        size=out.stat().st_size)
