"""The shape of a bundle's JSON: manifest, rows and audit rows, checked field by field.

Strict: every record has exactly its fields, each of its type and within its limits; anything
else refuses the bundle (a newer format is refused earlier, by its format version). Written
as small validators rather than a JSON-Schema dependency.
"""
from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime
from typing import Any

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import (
    FORMAT_VERSION,
    MEMBER_NAME,
    SHA_RE,
    UUID_RE,
    Manifest,
    check_format,
)

Check = Callable[[Any], Message | None]  # None when fine, else what is wrong
MAX_TEXT = 20_000
MAX_RECORDS = 200_000


def text(limit: int = MAX_TEXT, *, empty: bool = True) -> Check:
    def check(v: Any) -> Message | None:
        if not isinstance(v, str):
            return Message("bundle.reason.should_be_text")
        if len(v) > limit:
            return Message("bundle.reason.too_long", limit=limit)
        if not empty and not v.strip():
            return Message("bundle.reason.empty")
        return None
    return check


def optional(inner: Check) -> Check:
    return lambda v: None if v is None else inner(v)


def pattern(regex: re.Pattern[str], what: str) -> Check:
    """*what*: the code of its name (``bundle.what.uuid``)."""
    return lambda v: None if isinstance(v, str) and regex.match(v) \
        else Message("bundle.reason.should_be", what=Message(what))


def integer(low: int, high: int) -> Check:
    return lambda v: None if isinstance(v, int) and not isinstance(v, bool) and low <= v <= high \
        else Message("bundle.reason.integer", low=low, high=high)


def boolean(v: Any) -> Message | None:
    return None if isinstance(v, bool) else Message("bundle.reason.boolean")


def one_of(*values: str) -> Check:
    return lambda v: None if v in values else Message("bundle.reason.one_of", values="/".join(values))


def iso_date(v: Any) -> Message | None:
    try:
        date.fromisoformat(v)
        return None if len(v) == 10 else Message("bundle.reason.date")
    except (TypeError, ValueError):
        return Message("bundle.reason.date")


def timestamp(v: Any) -> Message | None:
    """An ISO time; with an offset it must have a moment in UTC (no year 9999 at -14:00).
    Without one it is a local time (a camera's EXIF time is)."""
    try:
        moment = datetime.fromisoformat(v)
        if moment.tzinfo is not None:
            moment.astimezone(UTC)
        return None if len(v) <= 40 else Message("bundle.reason.time_too_long")
    except (TypeError, ValueError, OverflowError):
        return Message("bundle.reason.time")


def aware_timestamp(v: Any) -> Message | None:
    """An ISO time with its UTC offset (a moment that can be compared with a certificate's)."""
    problem = timestamp(v)
    if problem is None and datetime.fromisoformat(v).tzinfo is None:
        return Message("bundle.reason.time_with_offset")
    return problem


def json_value(limit: int = 100_000) -> Check:
    def check(v: Any) -> Message | None:
        try:
            size = len(json.dumps(v, ensure_ascii=False, allow_nan=False))
        except (TypeError, ValueError):
            return Message("bundle.reason.json_value")
        return None if size <= limit else Message("bundle.reason.too_many_bytes", limit=limit)
    return check


def vector(v: Any) -> Message | None:
    """A version vector: {device uuid: count ≥ 1}."""
    if not isinstance(v, dict) or len(v) > 1000:
        return Message("bundle.reason.vector")
    for key, count in v.items():
        if not UUID_RE.match(key) or not isinstance(count, int) or isinstance(count, bool) \
                or not 1 <= count <= 2**53:
            return Message("bundle.reason.vector")
    return None


def gps(v: Any) -> Message | None:
    if v is None:
        return None
    if not (isinstance(v, list) and len(v) == 2
            and all(isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)
                    for x in v)):
        return Message("bundle.reason.gps")
    return None if -90 <= v[0] <= 90 and -180 <= v[1] <= 180 else Message("bundle.reason.gps_range")


def list_of(inner: Check, limit: int) -> Check:
    def check(v: Any) -> Message | None:
        if not isinstance(v, list) or len(v) > limit:
            return Message("bundle.reason.list")
        for item in v:
            problem = inner(item)
            if problem:
                return problem
        return None
    return check


UUID = pattern(UUID_RE, "bundle.what.uuid")
SHA = pattern(SHA_RE, "bundle.what.sha256")
TEMPLATE_ID = pattern(re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\Z"), "bundle.what.template_id")
CODE = text(200, empty=False)
EXT = pattern(re.compile(r"^[a-z0-9]{1,8}\Z"), "bundle.what.extension")

PARK_V1 = {"uid": UUID, "name": text(200, empty=False),
           "park_type": one_of("manufacturing", "service"), "address": text(1000),
           "contacts": list_of(json_value(10_000), 100),
           "hub_park_id": optional(text(200, empty=False)),
           "registry_state": one_of("local", "proposed", "matched", "flagged")}
PARK = {**PARK_V1, "location": gps}  # format 2: (latitude, longitude) or null
INSPECTION = {"id": UUID, "date": iso_date, "inspectors": list_of(text(200, empty=False), 50),
              "organisation": text(500),
              "status": one_of("draft", "in_progress", "completed", "signed"),
              "revision": integer(1, 100_000), "report_number": text(100, empty=False),
              "revisit_of": optional(UUID), "created_at": timestamp, "updated_at": timestamp,
              "templates": list_of(TEMPLATE_ID, 50), "vv": vector}
ANSWER = {"uid": UUID, "template_id": TEMPLATE_ID, "item_code": CODE,
          "result": optional(text(50, empty=False)), "value": optional(json_value()),
          "note": text(), "answered_by": text(200), "answered_at": timestamp, "vv": vector}
FINDING = {"uid": UUID, "template_id": TEMPLATE_ID, "item_code": CODE,
           "severity": one_of("minor", "major", "critical"), "requirement": text(empty=False),
           "deadline": optional(iso_date), "responsible": text(500),
           "status": one_of("open", "closed"), "closing_note": text(),
           "carried_from": optional(UUID), "created_at": timestamp,
           "closed_at": optional(timestamp), "vv": vector}
PHOTO = {"uid": UUID, "sha256": SHA, "ext": EXT, "size": integer(1, 2**40),
         "original_name": text(500), "width": integer(1, 200_000), "height": integer(1, 200_000),
         "template_id": optional(TEMPLATE_ID), "item_code": optional(CODE), "caption": text(2000),
         "taken_at": optional(timestamp), "gps": gps, "annotations": optional(SHA),
         "imported_at": timestamp, "deleted_at": optional(timestamp), "vv": vector}
SIGNATURE = {"uid": UUID, "revision": integer(1, 100_000),
             "role": one_of("inspector", "park_representative"), "name": text(200, empty=False),
             "title": text(200), "image": SHA, "signed_at": timestamp, "vv": vector}
REPORT = {"uid": UUID, "revision": integer(1, 100_000), "file": SHA,
          "name": pattern(re.compile(r"^[\w\-.()]{1,120}\.pdf\Z"), "bundle.what.report_name"),
          "signer": text(200), "created_at": timestamp}
TOMBSTONE = {"entity": one_of("answer", "finding", "signature"), "key": text(1000, empty=False),
             "uid": optional(UUID), "vv": vector, "deleted_at": timestamp}
EVIDENCE_REASON = {"revision": integer(1, 100_000), "template_id": TEMPLATE_ID, "item_code": CODE,
                   "reason": text(empty=False), "recorded_by": text(200), "recorded_at": timestamp}
AUDIT_ROW = {"device_id": UUID, "at": text(60), "actor": text(200), "action": text(100),
             "inspection_id": optional(UUID), "entity": text(100), "entity_id": text(500),
             "detail": text(1_000_000), "prev_hash": SHA, "hash": SHA}

MEMBER = {"sha256": SHA, "size": integer(0, 2**40)}
TEMPLATE = {"id": TEMPLATE_ID, "version": text(50, empty=False), "source_sha256": text(64),
            "sha256": SHA, "carried": boolean}
MANIFEST_INSPECTION = {"id": UUID, "revision": integer(1, 100_000), "revision_id": UUID,
                       "status": one_of("draft", "in_progress", "completed", "signed"),
                       "report_number": text(100, empty=False), "park": text(200, empty=False)}
SIGNER = {"name": text(200), "organisation": text(500), "fingerprint": SHA}


def _record(record: Any, fields: Mapping[str, Check], where: str) -> None:
    if not isinstance(record, dict):
        raise BundleRefused("bundle.bad_rows", where=where, reason=Message("bundle.reason.object"))
    if set(record) != set(fields):
        extra = sorted(set(record) - set(fields)) or sorted(set(fields) - set(record))
        raise BundleRefused("bundle.bad_rows", where=where,
                            reason=Message("bundle.reason.fields", fields=", ".join(extra)[:100]))
    for name, check in fields.items():
        problem = check(record[name])
        if problem:
            raise BundleRefused("bundle.bad_rows", where=f"{where}.{name}", reason=problem)


def _records(rows: dict, name: str, fields: Mapping[str, Check]) -> None:
    records = rows[name]
    if not isinstance(records, list) or len(records) > MAX_RECORDS:
        raise BundleRefused("bundle.bad_rows", where=name, reason=Message("bundle.reason.list"))
    for index, record in enumerate(records):
        _record(record, fields, f"{name}[{index}]")


ROWS_V1 = ("park", "inspection", "answers", "findings", "photos", "signatures", "reports",
           "tombstones")
ROWS = (*ROWS_V1, "evidence_reasons")


def check_rows(rows: Any, *, version: int = FORMAT_VERSION) -> None:
    """rows.json: the shape of every record, and keys that must be unique unique.

    Rows of format 1 (no park location, no evidence reasons) are checked as they were written,
    then given what format 2 adds, empty — the rest of the program reads one shape."""
    _record(rows, {k: lambda v: None for k in (ROWS_V1 if version < 2 else ROWS)}, "rows")
    _record(rows["park"], PARK_V1 if version < 2 else PARK, "park")
    if version < 2:
        rows["park"]["location"] = None
        rows["evidence_reasons"] = []
    _record(rows["inspection"], INSPECTION, "inspection")
    for name, fields in (("answers", ANSWER), ("findings", FINDING), ("photos", PHOTO),
                         ("signatures", SIGNATURE), ("reports", REPORT),
                         ("tombstones", TOMBSTONE), ("evidence_reasons", EVIDENCE_REASON)):
        _records(rows, name, fields)
    _unique(rows["answers"], lambda a: (a["template_id"], a["item_code"]), "answers")
    _unique(rows["findings"], lambda f: f["uid"], "findings")
    _unique(rows["photos"], lambda p: p["sha256"], "photos")
    _unique(rows["signatures"], lambda s: (s["revision"], s["role"], s["name"]), "signatures")
    _unique(rows["reports"], lambda r: r["revision"], "reports")
    _unique(rows["tombstones"], lambda t: (t["entity"], t["key"]), "tombstones")
    _unique(rows["evidence_reasons"], lambda e: (e["revision"], e["template_id"], e["item_code"]),
            "evidence_reasons")
    uids = [r["uid"] for name in ("answers", "findings", "photos", "signatures", "reports")
            for r in rows[name]]
    if len(set(uids)) != len(uids):
        raise BundleRefused("bundle.bad_rows", where="uid", reason=Message("bundle.reason.repeated"))
    templates = rows["inspection"]["templates"]
    if not templates or len(set(templates)) != len(templates):
        raise BundleRefused("bundle.bad_rows", where="inspection.templates",
                            reason=Message("bundle.reason.repeated_or_empty"))
    for name in ("answers", "findings", "photos", "evidence_reasons"):
        for index, record in enumerate(rows[name]):
            if record["template_id"] is not None and record["template_id"] not in templates:
                raise BundleRefused("bundle.bad_rows", where=f"{name}[{index}].template_id",
                                    reason=Message("bundle.reason.other_template"))
    for index, photo in enumerate(rows["photos"]):
        if (photo["template_id"] is None) != (photo["item_code"] is None):
            raise BundleRefused("bundle.bad_rows", where=f"photos[{index}]",
                                reason=Message("bundle.reason.half_item"))
    for tomb in rows["tombstones"]:
        _check_tombstone_key(tomb)


def _check_tombstone_key(tomb: dict) -> None:
    key = tomb["key"]
    if tomb["entity"] == "finding":
        ok = bool(UUID_RE.match(key))
    else:
        try:
            parsed = json.loads(key)
        except ValueError:
            parsed = None
        if tomb["entity"] == "answer":
            ok = isinstance(parsed, list) and len(parsed) == 2 and all(
                isinstance(x, str) for x in parsed)
        else:
            ok = isinstance(parsed, list) and len(parsed) == 3 and isinstance(parsed[0], int) \
                and all(isinstance(x, str) for x in parsed[1:])
    if not ok:
        raise BundleRefused("bundle.bad_rows", where="tombstones.key", reason=key[:80])


def _unique(records: list[dict], key: Callable[[dict], Any], where: str) -> None:
    seen = set()
    for record in records:
        k = key(record)
        if k in seen:
            raise BundleRefused("bundle.bad_rows", where=where,
                                reason=Message("bundle.reason.repeated_key", key=str(k)[:80]))
        seen.add(k)


def check_audit(rows: Any, inspection_id: str) -> None:
    if not isinstance(rows, list) or len(rows) > MAX_RECORDS * 5:
        raise BundleRefused("bundle.bad_audit", row=0, reason=Message("bundle.reason.list"))
    for index, row in enumerate(rows):
        try:
            _record(row, AUDIT_ROW, f"audit[{index}]")
        except BundleRefused as exc:
            raise BundleRefused("bundle.bad_audit", row=index + 1,
                                reason=exc.arguments.get("reason", "")) from None
        if row["inspection_id"] != inspection_id:
            raise BundleRefused("bundle.bad_audit", row=index + 1,
                                reason=Message("bundle.reason.other_inspection"))


def check_manifest(data: dict) -> None:
    """The manifest's shape (its format version was checked first)."""
    def refuse(where: str, reason: object) -> BundleRefused:
        return BundleRefused("bundle.bad_manifest",
                             reason=Message("bundle.reason.at", where=where, reason=reason))

    fields = {"format", "program", "created_at", "device_id", "inspection", "content_sha256",
              "templates", "members", "signed", "signer"}
    if set(data) != fields:
        raise refuse("manifest", Message("bundle.reason.fields_differ"))
    checks: dict[str, tuple[Any, Mapping[str, Check]]] = {
        "program": (data["program"], {"name": text(100), "version": text(40, empty=False)}),
        "inspection": (data["inspection"], MANIFEST_INSPECTION)}
    for where, (record, spec) in checks.items():
        try:
            _record(record, spec, where)
        except BundleRefused as exc:
            raise refuse(str(exc.arguments.get("where")), exc.arguments.get("reason")) from None
    for where, check, value in (("created_at", aware_timestamp, data["created_at"]),
                                ("device_id", UUID, data["device_id"]),
                                ("content_sha256", SHA, data["content_sha256"]),
                                ("signed", boolean, data["signed"])):
        if check(value):
            raise refuse(where, check(value))
    if data["signer"] is not None:
        try:
            _record(data["signer"], SIGNER, "signer")
        except BundleRefused:
            raise refuse("signer", Message("bundle.reason.invalid")) from None
    if not isinstance(data["templates"], list) or not data["templates"] or len(data["templates"]) > 50:
        raise refuse("templates", Message("bundle.reason.list"))
    for template in data["templates"]:
        try:
            _record(template, TEMPLATE, "template")
        except BundleRefused:
            raise refuse("templates", Message("bundle.reason.invalid")) from None
    members = data["members"]
    if not isinstance(members, dict):
        raise refuse("members", Message("bundle.reason.object"))
    for name, member in members.items():
        if not MEMBER_NAME.match(name):
            raise BundleRefused("bundle.unsafe_member", member=name[:200],
                                reason=Message("bundle.reason.name"))
        try:
            _record(member, MEMBER, name)
        except BundleRefused:
            raise refuse(name[:200], Message("bundle.reason.invalid")) from None


def parse_manifest(raw: bytes) -> Manifest:
    """A bundle's manifest, its format and shape checked; BundleRefused otherwise."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BundleRefused("bundle.bad_manifest", reason="JSON") from None
    check_format(data)
    check_manifest(data)
    return Manifest(data)
