"""Making a bundle: the members of an inspection's current revision, the manifest, the zip.

Signed revisions are sealed: the first time a signed revision's bundle is made (when the report
is signed — the password is at hand then — or by an export given the key), its manifest is
signed and kept with the rows it covers. Every later export of that revision writes exactly
those bytes again, without the key: the same revision always makes the same bundle.
A draft's bundle is made afresh each time, signed when the key is given, else unsigned.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checklists.library import get_template, templates_dir
from inspection.appinfo import APP_NAME, APP_VERSION
from inspection.bundle.cms import sign_manifest
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import (
    AUDIT,
    FORMAT,
    MANIFEST,
    ROWS,
    SIGNATURE,
    annotation_member,
    canonical,
    content_sha256,
    original_member,
    report_image_member,
    report_member,
    revision_id,
    sha256_bytes,
    signature_member,
    template_member,
    thumbnail_member,
)
from inspection.files import atomic_target
from inspection.signing.keys import SigningKey
from inspection.store import Store

Progress = Callable[[int, int, str], None]
ShouldCancel = Callable[[], bool]
CHUNK = 1 << 20
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # fixed: the same revision makes the same bytes


@dataclass(frozen=True)
class Member:
    """One file of a bundle: bytes in memory, or a file of the data folder with its hash."""

    name: str
    data: bytes | None = None
    path: Path | None = None
    sha256: str | None = None  # known in advance (content-addressed files), checked on reading

    @property
    def size_hint(self) -> int:
        if self.data is not None:
            return len(self.data)
        assert self.path is not None
        return self.path.stat().st_size

    def chunks(self) -> Iterator[bytes]:
        if self.data is not None:
            yield self.data
            return
        assert self.path is not None
        with open(self.path, "rb") as handle:
            yield from iter(lambda: handle.read(CHUNK), b"")


@dataclass(frozen=True)
class Contents:
    """A revision's rows and members, before a manifest is made for them."""

    rows: dict
    rows_bytes: bytes
    audit_bytes: bytes
    members: list[Member]
    templates: list[dict]
    device_id: str

    @property
    def inspection(self) -> dict:
        return self.rows["inspection"]


def is_shipped(template_id: str) -> bool:
    """Whether the program ships the template (else a bundle must carry it)."""
    return (templates_dir() / f"{template_id}.json").is_file()


def contents(store: Store, inspection_id: str, *, rows_bytes: bytes | None = None,
             audit_bytes: bytes | None = None) -> Contents:
    """The members of the inspection's current revision (or of the sealed rows given)."""
    state = store.exchange_rows(inspection_id, blobs=True)
    if rows_bytes is None:
        rows_bytes = canonical(state.rows)
        audit_bytes = canonical(store.audit_rows(inspection_id))
    assert audit_bytes is not None
    rows = json.loads(rows_bytes)
    data_dir = store.data_dir
    members = [Member(ROWS, data=rows_bytes), Member(AUDIT, data=audit_bytes)]
    for photo in rows["photos"]:
        sha = photo["sha256"]
        members.append(Member(original_member(sha, photo["ext"]),
                              path=data_dir.original(sha, photo["ext"]), sha256=sha))
        if data_dir.report_image(sha).is_file():
            members.append(Member(report_image_member(sha), path=data_dir.report_image(sha)))
        members.append(Member(thumbnail_member(sha), data=state.thumbnails[sha]))
        if photo["annotations"]:
            members.append(Member(annotation_member(photo["annotations"]),
                                  data=state.annotations[photo["annotations"]]))
    for image in sorted({s["image"] for s in rows["signatures"]}):
        members.append(Member(signature_member(image), data=state.signature_images[image]))
    for report in rows["reports"]:
        members.append(Member(report_member(report["file"]), path=state.report_files[report["file"]],
                              sha256=report["file"]))
    templates = []
    for template_id in rows["inspection"]["templates"]:
        template = get_template(template_id)
        payload = template.to_json().encode("utf-8")
        carried = not is_shipped(template_id)
        templates.append({"id": template.id, "version": template.version,
                          "source_sha256": template.source.sha256,
                          "sha256": sha256_bytes(payload), "carried": carried})
        if carried:
            members.append(Member(template_member(template_id), data=payload))
    unique = {m.name: m for m in members}
    return Contents(rows=rows, rows_bytes=rows_bytes, audit_bytes=audit_bytes,
                    members=list(unique.values()), templates=templates, device_id=store.device_id)


def make_manifest(contents: Contents, hashes: dict[str, tuple[str, int]],
                  key: SigningKey | None) -> bytes:
    head = contents.inspection
    data = {
        "format": FORMAT,
        "program": {"name": APP_NAME, "version": APP_VERSION},
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "device_id": contents.device_id,
        "inspection": {"id": head["id"], "revision": head["revision"],
                       "revision_id": revision_id(head["id"], head["revision"]),
                       "status": head["status"], "report_number": head["report_number"],
                       "park": contents.rows["park"]["name"]},
        "content_sha256": content_sha256(contents.rows),
        "templates": contents.templates,
        "members": {name: {"sha256": sha, "size": size}
                    for name, (sha, size) in sorted(hashes.items())},
        "signed": key is not None,
        "signer": None if key is None else {"name": key.name, "organisation": key.organisation,
                                            "fingerprint": key.fingerprint},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def hash_members(members: list[Member], *, should_cancel: ShouldCancel | None = None
                 ) -> dict[str, tuple[str, int]]:
    """SHA-256 and size of every member (a content-addressed file must match its name)."""
    found = {}
    for member in members:
        if should_cancel is not None and should_cancel():
            raise BundleRefused("bundle.cancelled")
        digest, size = hashlib.sha256(), 0
        for chunk in _read(member):
            digest.update(chunk)
            size += len(chunk)
        found[member.name] = _checked(member, digest.hexdigest(), size)
    return found


def _read(member: Member) -> Iterator[bytes]:
    try:
        yield from member.chunks()
    except FileNotFoundError:
        raise BundleRefused("bundle.member_missing", member=str(member.path)) from None


def _checked(member: Member, sha: str, size: int) -> tuple[str, int]:
    if member.sha256 is not None and sha != member.sha256:
        raise BundleRefused("bundle.bad_hash", member=str(member.path or member.name))
    return sha, size


def write_zip(out: Path, members: list[Member], finish: Callable[[dict[str, tuple[str, int]]],
              tuple[bytes, bytes | None]], *, progress: Progress | None = None,
              should_cancel: ShouldCancel | None = None) -> dict[str, tuple[str, int]]:
    """Write the members (hashing them as they go), then the manifest *finish* makes of the
    hashes, into *out* — all of it or nothing (a temporary file renamed at the end)."""
    total = sum(m.size_hint for m in members) or 1
    done = 0
    hashes: dict[str, tuple[str, int]] = {}
    try:
        with atomic_target(out) as partial, zipfile.ZipFile(partial, "w", allowZip64=True) as zf:
            for member in members:
                if should_cancel is not None and should_cancel():
                    raise BundleRefused("bundle.cancelled")
                info = _info(member.name)
                digest, size = hashlib.sha256(), 0
                with zf.open(info, "w", force_zip64=True) as target:
                    for chunk in _read(member):
                        digest.update(chunk)
                        target.write(chunk)
                        size += len(chunk)
                        done += len(chunk)
                        if progress is not None:
                            progress(min(done, total), total, member.name)
                hashes[member.name] = _checked(member, digest.hexdigest(), size)
            manifest, signature = finish(hashes)
            zf.writestr(_info(MANIFEST), manifest)
            if signature is not None:
                zf.writestr(_info(SIGNATURE), signature)
    except OSError as exc:
        raise BundleRefused("bundle.cannot_write", path=out, reason=exc.strerror or exc) from None
    return hashes


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED if name.endswith(".json") else zipfile.ZIP_STORED
    info.external_attr = 0o100644 << 16  # a regular file, rw-r--r--
    info.create_system = 3  # Unix, so the mode above is read as one
    return info


def sign(manifest: bytes, key: SigningKey | None) -> bytes | None:
    return sign_manifest(manifest, key) if key is not None else None
