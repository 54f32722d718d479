"""Everything about a bundle that can be checked before anything is changed.

In order: the manifest (size, format version — a newer program's bundle is refused here —,
shape), its signature and whose it is, the members against the manifest (the same names, the
declared sizes), rows.json and audit.json (hashes, shape, agreement with the manifest, the
audit rows' own hashes), every member the rows name (and none they do not), the checklist
templates, and the small members read into memory (annotation layers, signature images,
thumbnails, carried templates). The big files (photos, reports) are hashed as they are
written, by the importer. Every failure is a :class:`BundleRefused` with one clear reason.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography import x509

from checklists.errors import Message
from inspection.annotations import normalise_annotations
from inspection.bundle.cms import MAX_SIGNATURE_BYTES, verify_manifest
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import (
    AUDIT,
    MANIFEST,
    ROWS,
    SHA,
    SIGNATURE,
    Manifest,
    annotation_member,
    check_format,
    content_sha256,
    original_member,
    report_image_member,
    report_member,
    signature_member,
    template_member,
    thumbnail_member,
)
from inspection.bundle.reader import MemberSource
from inspection.bundle.schema import check_audit, check_rows, parse_manifest
from inspection.bundle.templates import check_templates
from inspection.signing.certificates import check_certificate
from inspection.signing.keys import certificate_fingerprint, describe_certificate
from inspection.signing.trust import Identity, Trust, fingerprint_text, identify
from inspection.store.audit import row_hash, verify_partial_chain

MAX_MANIFEST_BYTES = 16 << 20
MAX_JSON_BYTES = 256 << 20
MAX_SMALL_BYTES = 16 << 20
CONTENT_ADDRESSED = re.compile(
    rf"^(?:photos/(?P<photo>{SHA})\.[a-z0-9]{{1,8}}|annotations/(?P<layer>{SHA})\.json"
    rf"|signatures/(?P<image>{SHA})\.png|reports/(?P<report>{SHA})\.pdf)\Z")
ShouldCancel = Callable[[], bool]


@dataclass
class Checked:
    """A bundle that passed every check that needs no writing."""

    manifest: Manifest
    manifest_bytes: bytes = field(repr=False)
    signature: bytes | None = field(repr=False)
    certificate: x509.Certificate | None
    identity: Identity | None  # what this laptop's trust list says about the signer
    rows: dict = field(repr=False)
    rows_bytes: bytes = field(repr=False)
    audit: list[dict] = field(repr=False)
    audit_bytes: bytes = field(repr=False)
    annotations: dict[str, bytes] = field(default_factory=dict, repr=False)
    signature_images: dict[str, bytes] = field(default_factory=dict, repr=False)
    thumbnails: dict[str, bytes] = field(default_factory=dict, repr=False)
    templates: dict[str, dict] = field(default_factory=dict, repr=False)  # carried: to install

    @property
    def trusted(self) -> bool:
        """The signer's certificate is on this laptop's trust list."""
        return self.identity is not None and self.identity.trust is Trust.TRUSTED

    @property
    def signed(self) -> bool:
        return self.certificate is not None

    @property
    def signer(self) -> dict | None:
        if self.certificate is None:
            return None
        return {**describe_certificate(self.certificate),
                "fingerprint": certificate_fingerprint(self.certificate)}

    @property
    def signed_revision(self) -> bool:
        """A signed bundle of a signed inspection: a signed revision."""
        return self.signed and self.manifest.status == "signed"


def read_member(source: MemberSource, name: str, size: int, limit: int,
                sha256: str | None = None) -> bytes:
    """A whole (small) member, its size and hash checked; never more than *limit* bytes."""
    if size > limit:
        raise BundleRefused("bundle.too_big", what=Message("bundle.what.member_bytes", name=name,
                                                          size=size))
    return b"".join(verified(source, name, size, sha256))


def verified(source: MemberSource, name: str, size: int, sha256: str | None) -> Iterator[bytes]:
    """A member's bytes; stops at once past *size* (a bomb), checks size and hash at the end."""
    digest, seen = hashlib.sha256(), 0
    for chunk in source.chunks(name):
        seen += len(chunk)
        if seen > size:
            raise BundleRefused("bundle.bad_size", member=name)
        digest.update(chunk)
        yield chunk
    if seen != size:
        raise BundleRefused("bundle.bad_size", member=name)
    if sha256 is not None and digest.hexdigest() != sha256:
        raise BundleRefused("bundle.bad_hash", member=name)


def check_bundle(source: MemberSource, *, keys_dir: Path | None, trust_signer: bool = False,
                 allow_unsigned: bool = False, should_cancel: ShouldCancel | None = None
                 ) -> Checked:
    names = source.names()
    if MANIFEST not in names:
        raise BundleRefused("bundle.no_manifest")
    manifest_bytes = read_member(source, MANIFEST, source.size(MANIFEST), MAX_MANIFEST_BYTES)
    try:
        check_format(json.loads(manifest_bytes.decode("utf-8")))
    except (UnicodeDecodeError, ValueError):
        raise BundleRefused("bundle.bad_manifest", reason="JSON") from None
    certificate = None
    signature = None
    if SIGNATURE in names:
        signature = read_member(source, SIGNATURE, source.size(SIGNATURE), MAX_SIGNATURE_BYTES)
        certificate = verify_manifest(manifest_bytes, signature)
    manifest = parse_manifest(manifest_bytes)
    identity = _check_signer(manifest, certificate, keys_dir, trust_signer=trust_signer,
                             allow_unsigned=allow_unsigned)
    listed = manifest.members
    present = names - {MANIFEST, SIGNATURE}
    for name in sorted(set(listed) - present):
        raise BundleRefused("bundle.member_missing", member=name)
    for name in sorted(present - set(listed)):
        raise BundleRefused("bundle.member_unlisted", member=name)
    for name, (sha, size) in listed.items():
        if source.size(name) != size:
            raise BundleRefused("bundle.bad_size", member=name)
        match = CONTENT_ADDRESSED.match(name)
        if match and next(v for v in match.groupdict().values() if v) != sha:
            raise BundleRefused("bundle.bad_hash", member=name)
    rows_bytes = read_member(source, ROWS, *_size_sha(listed, ROWS, MAX_JSON_BYTES))
    rows = _json(rows_bytes, ROWS)
    check_rows(rows, version=manifest.format_version)
    _agrees(manifest, rows)
    audit_bytes = read_member(source, AUDIT, *_size_sha(listed, AUDIT, MAX_JSON_BYTES))
    audit = _json(audit_bytes, AUDIT)
    check_audit(audit, manifest.inspection_id)
    _check_audit_hashes(audit)
    checked = Checked(manifest=manifest, manifest_bytes=manifest_bytes, signature=signature,
                      certificate=certificate, identity=identity, rows=rows,
                      rows_bytes=rows_bytes, audit=audit, audit_bytes=audit_bytes)
    _expected_members(checked)
    checked.templates = check_templates(manifest.templates, lambda tid: read_member(
        source, template_member(tid), *_size_sha(listed, template_member(tid), MAX_SMALL_BYTES)))
    _known_items(checked)
    _read_small(source, checked, should_cancel)
    return checked


def _size_sha(listed: dict[str, tuple[str, int]], name: str, limit: int
              ) -> tuple[int, int, str]:
    sha, size = listed[name]
    return size, limit, sha


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleRefused("bundle.bad_rows", where=name, reason="JSON") from None


def _check_signer(manifest: Manifest, certificate: x509.Certificate | None, keys_dir: Path | None, *,
                  trust_signer: bool, allow_unsigned: bool) -> Identity | None:
    """Unsigned: allowed only when asked for, never for a signed revision. Signed: the
    certificate the manifest names, usable when the bundle was made (the signing package's
    rules), and on the trust list — or trusted now, when asked (*trust_signer*)."""
    if certificate is None:
        if manifest.signed:
            raise BundleRefused("bundle.signature_missing")
        if manifest.status == "signed":
            raise BundleRefused("bundle.unsigned_signed", number=manifest.report_number,
                                revision=manifest.revision)
        if not allow_unsigned:
            raise BundleRefused("bundle.unsigned")
        return None
    fingerprint = certificate_fingerprint(certificate)
    declared = manifest.data["signer"]
    if not manifest.signed or declared is None or declared["fingerprint"] != fingerprint:
        raise BundleRefused("bundle.bad_manifest", reason=Message("bundle.reason.signer"))
    from datetime import datetime
    check_certificate(certificate, at=datetime.fromisoformat(manifest.data["created_at"]))
    identity = identify(certificate, keys_dir)
    if identity.trust is Trust.TRUSTED or trust_signer:
        return identity
    info = describe_certificate(certificate)
    code = "bundle.impersonation" if identity.trust is Trust.IMPERSONATION \
        else "bundle.unknown_signer"
    raise BundleRefused(code, name=info["name"], organisation=info["organisation"],
                        fingerprint=fingerprint_text(fingerprint, groups=4))


def _agrees(manifest: Manifest, rows: dict) -> None:
    head = rows["inspection"]
    for what, ours, theirs in (("id", head["id"], manifest.inspection_id),
                               ("revision", head["revision"], manifest.revision),
                               ("status", head["status"], manifest.status),
                               ("report_number", head["report_number"], manifest.report_number),
                               ("templates", head["templates"],
                                [t["id"] for t in manifest.templates])):
        if ours != theirs:
            raise BundleRefused("bundle.bad_rows", where=f"inspection.{what}",
                                reason=Message("bundle.reason.not_manifest"))
    if content_sha256(rows) != manifest.content_sha256:
        raise BundleRefused("bundle.bad_rows", where="rows",
                            reason=Message("bundle.reason.content_hash"))
    if head["status"] == "signed" and not any(r["revision"] == head["revision"]
                                              for r in rows["reports"]):
        raise BundleRefused("bundle.bad_rows", where="reports",
                            reason=Message("bundle.reason.signed_without_report"))


def _check_audit_hashes(audit: list[dict]) -> None:
    by_device: dict[str, list[dict]] = {}
    for index, row in enumerate(audit):
        if row_hash(row["prev_hash"], row) != row["hash"]:
            raise BundleRefused("bundle.bad_audit", row=index + 1, reason=Message("bundle.reason.hash"))
        by_device.setdefault(row["device_id"], []).append({**row, "id": index + 1})
    for rows in by_device.values():
        breaks = verify_partial_chain(rows)
        if breaks:
            raise BundleRefused("bundle.bad_audit", row=breaks[0].row_id,
                                reason=Message("bundle.reason.chain"))


def _known_items(checked: Checked) -> None:
    """Every answer, finding and photo on an item names an item of its template (a template
    known here; one carried in the bundle is checked when it is installed)."""
    from checklists.library import get_template

    templates = {entry["id"]: get_template(entry["id"]) for entry in checked.manifest.templates
                 if entry["id"] not in checked.templates}
    for name in ("answers", "findings", "photos"):
        for record in checked.rows[name]:
            template = templates.get(record["template_id"] or "")
            if template is not None and not template.has(record["item_code"]):
                raise BundleRefused("bundle.no_item", what=name, template=template.id,
                                    code=str(record["item_code"])[:80])


def _expected_members(checked: Checked) -> None:
    """The members the rows name must all be there, and nothing else (report copies may be
    missing: the importer makes them from the originals)."""
    rows, listed = checked.rows, checked.manifest.members
    required = {ROWS, AUDIT}
    optional = set()
    for photo in rows["photos"]:
        original = original_member(photo["sha256"], photo["ext"])
        required |= {original, thumbnail_member(photo["sha256"])}
        if original in listed and listed[original][1] != photo["size"]:
            raise BundleRefused("bundle.bad_size", member=original)
        if photo["annotations"]:
            required.add(annotation_member(photo["annotations"]))
        optional.add(report_image_member(photo["sha256"]))
    required |= {signature_member(s["image"]) for s in rows["signatures"]}
    required |= {report_member(r["file"]) for r in rows["reports"]}
    required |= {template_member(t["id"]) for t in checked.manifest.templates if t["carried"]}
    for name in sorted(required - set(listed)):
        raise BundleRefused("bundle.member_missing", member=name)
    for name in sorted(set(listed) - required - optional):
        raise BundleRefused("bundle.member_unlisted", member=name)


def _read_small(source: MemberSource, checked: Checked, should_cancel: ShouldCancel | None
                ) -> None:
    listed = checked.manifest.members
    for photo in checked.rows["photos"]:
        if should_cancel is not None and should_cancel():
            raise BundleRefused("bundle.cancelled")
        name = thumbnail_member(photo["sha256"])
        data = read_member(source, name, *_size_sha(listed, name, MAX_SMALL_BYTES))
        if not data.startswith(b"\xff\xd8"):
            raise BundleRefused("bundle.bad_rows", where=name, reason=Message("bundle.reason.not_jpeg"))
        checked.thumbnails[photo["sha256"]] = data
        layer = photo["annotations"]
        if layer and layer not in checked.annotations:
            name = annotation_member(layer)
            data = read_member(source, name, *_size_sha(listed, name, MAX_SMALL_BYTES))
            try:
                shapes = normalise_annotations(json.loads(data.decode("utf-8")))
            except Exception:  # any malformed layer is refused, whatever the parser raised
                raise BundleRefused("bundle.bad_rows", where=name,
                                    reason=Message("bundle.reason.bad_annotations")) from None
            if not shapes:
                raise BundleRefused("bundle.bad_rows", where=name,
                                    reason=Message("bundle.reason.no_annotations"))
            checked.annotations[layer] = data
    for signature in checked.rows["signatures"]:
        image = signature["image"]
        if image in checked.signature_images:
            continue
        name = signature_member(image)
        data = read_member(source, name, *_size_sha(listed, name, MAX_SMALL_BYTES))
        if not data.startswith(b"\x89PNG"):
            raise BundleRefused("bundle.bad_rows", where=name, reason=Message("bundle.reason.not_png"))
        checked.signature_images[image] = data
