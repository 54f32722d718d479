"""The inspection bundle (``.pib``): what is in it, how members are named, the manifest.

A bundle is a zip of one inspection revision::

    manifest.json            format, program, inspection + revision ids, templates, every
                             member's SHA-256 and size (signed: manifest.p7s)
    manifest.p7s             detached CMS signature of manifest.json by the inspector's key
    rows.json                park (with its location), inspection, answers, findings, photos,
                             signatures, reports, tombstones (deletions), evidence reasons, as
                             JSON (inspection.bundle.schema)
    audit.json               the audit rows of this inspection, of every device
    photos/<sha>.<ext>       photo originals (named by their SHA-256, as in the data folder)
    photos/<sha>.report.jpg  report-size copies
    photos/<sha>.thumb.jpg   thumbnails
    annotations/<sha>.json   annotation layers drawn over photos
    signatures/<sha>.png     handwritten signatures
    reports/<sha>.pdf        signed reports
    templates/<id>.json      checklist templates this program does not ship (imported ones)

Member names are fixed patterns (no folders of the sender's choosing): a name that does not
match one is refused, which rules out absolute paths, ``..`` and the like before anything else.

Format versions: 2 added the park's location (``park.location``) and the reasons given for
items signed although they break an evidence rule (``evidence_reasons``, per revision). A
version-1 bundle is still read (neither is there: no location, no reasons); an older program
refuses a version-2 bundle as made by a newer program.
"""
from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused

FORMAT_NAME = "park-inspector-bundle"
FORMAT_VERSION = 2
OLDEST_FORMAT = 1  # the oldest format this program still reads
FORMAT = f"{FORMAT_NAME}/{FORMAT_VERSION}"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.p7s"
ROWS = "rows.json"
AUDIT = "audit.json"
# Revision ids: uuid5 of "<inspection id>/r<revision>" in this namespace (the same everywhere).
REVISION_NAMESPACE = uuid.UUID("5d0c7a8e-6f1e-4c55-9a36-1c8f0b3e2a71")

SHA = r"[0-9a-f]{64}"
MEMBER_NAME = re.compile(
    rf"^(?:rows\.json|audit\.json|photos/{SHA}\.(?:report\.jpg|thumb\.jpg|[a-z0-9]{{1,8}})"
    rf"|annotations/{SHA}\.json|signatures/{SHA}\.png|reports/{SHA}\.pdf"
    r"|templates/[A-Za-z0-9][A-Za-z0-9._-]{0,63}\.json)\Z")
SHA_RE = re.compile(rf"^{SHA}\Z")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


def original_member(sha256: str, ext: str) -> str:
    return f"photos/{sha256}.{ext}"


def report_image_member(sha256: str) -> str:
    return f"photos/{sha256}.report.jpg"


def thumbnail_member(sha256: str) -> str:
    return f"photos/{sha256}.thumb.jpg"


def annotation_member(sha256: str) -> str:
    return f"annotations/{sha256}.json"


def signature_member(sha256: str) -> str:
    return f"signatures/{sha256}.png"


def report_member(sha256: str) -> str:
    return f"reports/{sha256}.pdf"


def template_member(template_id: str) -> str:
    return f"templates/{template_id}.json"


def revision_id(inspection_id: str, revision: int) -> str:
    """The id of an inspection's revision: the same on every laptop and in the hub."""
    return str(uuid.uuid5(REVISION_NAMESPACE, f"{inspection_id}/r{revision}"))


def canonical(value: Any) -> bytes:
    """JSON with sorted keys and no spaces, UTF-8: the bytes hashed and signed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- the content of a revision -------------------------------------------------------------------
# What a revision *says*: two bundles of one revision with the same content hash hold the same
# inspection. Left out: identities and bookkeeping that legitimately differ between laptops
# (uids, version vectors, updated_at, the park's local identity, links to other visits, audit).
# Also left out: the park's location and the evidence reasons (format 2), so that a revision
# keeps the hash it had in format 1; the reasons of a signed revision are in its signed report.

def content_sha256(rows: Mapping[str, Any]) -> str:
    """The SHA-256 of what the current revision of *rows* says (see above)."""
    inspection = rows["inspection"]
    revision = inspection["revision"]
    content = {
        "inspection": {k: inspection[k] for k in ("id", "date", "inspectors", "organisation",
                                                  "status", "revision", "report_number",
                                                  "templates")},
        "answers": sorted(([a["template_id"], a["item_code"], a["result"], a["value"], a["note"],
                            a["answered_by"], a["answered_at"]] for a in rows["answers"]),
                          key=lambda a: (a[0], a[1])),
        "findings": sorted([f["template_id"], f["item_code"], f["severity"], f["requirement"],
                            f["deadline"], f["responsible"], f["status"], f["closing_note"],
                            f["created_at"], f["closed_at"]] for f in rows["findings"]),
        "photos": sorted([p["sha256"], p["ext"], p["original_name"], p["width"], p["height"],
                          p["template_id"], p["item_code"], p["caption"], p["taken_at"], p["gps"],
                          p["annotations"]] for p in rows["photos"] if p["deleted_at"] is None),
        "signatures": sorted([s["role"], s["name"], s["title"], s["image"], s["signed_at"]]
                             for s in rows["signatures"] if s["revision"] == revision),
        "reports": sorted([r["file"], r["signer"]] for r in rows["reports"]
                          if r["revision"] == revision),
    }
    return sha256_bytes(canonical(content))


# --- the manifest --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Manifest:
    """A bundle's manifest, checked for shape (not yet for its signature)."""

    data: dict = field(repr=False)

    @property
    def inspection_id(self) -> str:
        return self.data["inspection"]["id"]

    @property
    def revision(self) -> int:
        return self.data["inspection"]["revision"]

    @property
    def revision_id(self) -> str:
        return self.data["inspection"]["revision_id"]

    @property
    def status(self) -> str:
        return self.data["inspection"]["status"]

    @property
    def report_number(self) -> str:
        return self.data["inspection"]["report_number"]

    @property
    def park_name(self) -> str:
        return self.data["inspection"]["park"]

    @property
    def signed(self) -> bool:
        """Whether the bundle says it is signed (its manifest.p7s checks that)."""
        return self.data["signed"]

    @property
    def content_sha256(self) -> str:
        return self.data["content_sha256"]

    @property
    def members(self) -> dict[str, tuple[str, int]]:
        return {name: (m["sha256"], m["size"]) for name, m in self.data["members"].items()}

    @property
    def templates(self) -> list[dict]:
        return self.data["templates"]

    @property
    def program_version(self) -> str:
        return self.data["program"]["version"]

    @property
    def device_id(self) -> str:
        return self.data["device_id"]

    @property
    def format_version(self) -> int:
        return int(self.data["format"].partition("/")[2])


def check_format(data: Any) -> None:
    """Refuse a manifest of a format this program does not read (first, before its shape)."""
    if not isinstance(data, dict) or not isinstance(data.get("format"), str):
        raise BundleRefused("bundle.bad_manifest", reason=Message("bundle.reason.format"))
    name, _, version = data["format"].partition("/")
    if name != FORMAT_NAME or not version.isdigit():
        raise BundleRefused("bundle.bad_manifest",
                            reason=Message("bundle.reason.format_named", format=data["format"][:40]))
    if int(version) > FORMAT_VERSION:
        program = data.get("program", {}).get("version", "?") if isinstance(
            data.get("program"), dict) else "?"
        raise BundleRefused("bundle.too_new", program=str(program)[:40], format=data["format"][:40])
    if int(version) < OLDEST_FORMAT:
        raise BundleRefused("bundle.bad_manifest",
                            reason=Message("bundle.reason.format_named", format=data["format"][:40]))
