"""How an imported revision meets the one here: pure decisions over rows, no database.

Every answer, finding, photo and signature (and the inspection's own fields) carries a version
vector, ``{device id: count}``, that the data folder's triggers move on whenever the content
changes there (migration m003). Comparing two vectors says whether one side has seen
everything the other did:

- the bundle's version is newer (ours ≤ theirs): take it;
- ours is newer or the same: keep ours;
- neither (both changed it since they last met): if the contents agree, keep them and join the
  vectors; if not, keep both — ours stays, theirs is kept beside it — and the item is flagged
  冲突待核 until the lead inspector picks one (a conflict).

That is the "base" of the three-way merge, per item: the vectors record what each side had
seen, however many laptops the inspection passed through and in whatever order, so importing the
same bundle twice changes nothing and an older bundle never undoes a newer change.

The revision decides the rest (:func:`plan`): a signed revision is never changed; a newer
revision supersedes (the older stays readable); an unsigned one merges item by item.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from typing import Any

from checklists.errors import Message
from inspection.bundle.errors import BundleRefused
from inspection.bundle.format import content_sha256

VV = Mapping[str, int]
CONTENT = {
    "answer": ("result", "value", "note"),
    "finding": ("template_id", "item_code", "severity", "requirement", "deadline", "responsible",
                "status", "closing_note", "closed_at"),
    "photo": ("template_id", "item_code", "caption", "annotations", "deleted_at"),
    "signature": ("title", "image", "signed_at"),
    "inspection": ("date", "inspectors", "organisation", "status"),
}
TABLES = {"answer": "answers", "finding": "findings", "photo": "photos",
          "signature": "signatures"}
STATUS_RANK = {"draft": 0, "in_progress": 1, "completed": 2, "signed": 3}


class Order(Enum):
    SAME = "same"
    OLDER = "older"  # the first has seen less than the second
    NEWER = "newer"
    CONCURRENT = "concurrent"


def compare(a: VV, b: VV) -> Order:
    below = all(count <= b.get(device, 0) for device, count in a.items())
    above = all(count <= a.get(device, 0) for device, count in b.items())
    if below and above:
        return Order.SAME
    if below:
        return Order.OLDER
    if above:
        return Order.NEWER
    return Order.CONCURRENT


def join(a: VV, b: VV) -> dict[str, int]:
    return {d: max(a.get(d, 0), b.get(d, 0)) for d in sorted(set(a) | set(b))}


def key_of(entity: str, record: Mapping[str, Any]) -> Any:
    if entity == "answer":
        return (record["template_id"], record["item_code"])
    if entity == "finding":
        return record["uid"]
    if entity == "photo":
        return record["sha256"]
    return (record["revision"], record["role"], record["name"])


def tombstone_key(tomb: Mapping[str, Any]) -> Any:
    if tomb["entity"] == "finding":
        return tomb["key"]
    return tuple(json.loads(tomb["key"]))


@dataclass(frozen=True)
class Side:
    """One side's version of an item: a record, or a deletion (record None), and its vector."""

    record: dict | None
    vv: dict
    uid: str | None = None

    @property
    def deleted(self) -> bool:
        return self.record is None

    def to_json(self) -> dict:
        return {"record": self.record, "vv": self.vv, "uid": self.uid}


def sides(rows: Mapping[str, Any] | None, entity: str) -> dict[Any, Side]:
    """Every item of one kind in *rows*, records and deletions, by key."""
    if rows is None:
        return {}
    found: dict[Any, Side] = {}
    for tomb in rows["tombstones"]:
        if tomb["entity"] == entity:
            found[tombstone_key(tomb)] = Side(None, dict(tomb["vv"]), tomb["uid"])
    for record in rows[TABLES.get(entity, entity)]:
        found[key_of(entity, record)] = Side(record, dict(record["vv"]), record["uid"])
    return found


def same_content(entity: str, a: Side, b: Side) -> bool:
    if a.deleted or b.deleted:
        return a.deleted and b.deleted
    assert a.record is not None and b.record is not None
    return all(a.record[f] == b.record[f] for f in CONTENT[entity])


@dataclass(frozen=True)
class Write:
    """Make the item *key* be *side* here (a record or a deletion) with the vector given."""

    entity: str
    key: Any
    side: Side


@dataclass(frozen=True)
class Conflict:
    """Both changed the item: ours stays, theirs is kept beside it until someone picks."""

    entity: str
    key: Any
    mine: Side
    theirs: Side

    @property
    def item(self) -> tuple[str | None, str | None]:
        """The checklist item the conflict shows on (answers, findings, photos on an item)."""
        for side in (self.mine, self.theirs):
            if side.record is not None and side.record.get("template_id") is not None:
                return side.record["template_id"], side.record["item_code"]
        if self.entity == "answer":
            return self.key
        return None, None


class Action(str, Enum):
    CREATE = "create"  # new here
    NOTHING = "nothing"  # the same revision again, or nothing new in it
    MERGE = "merge"  # unsigned: item by item
    REPLACE = "replace"  # a signed or newer revision supersedes what is here
    ARCHIVE = "archive"  # an older signed revision: kept readable, the current one unchanged


@dataclass
class Plan:
    """What importing a bundle does here; applied in one transaction (store.exchange_apply)."""

    action: Action
    incoming: dict
    writes: list[Write] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    closed_conflicts: list[tuple[str, Any]] = field(default_factory=list)  # resolved elsewhere
    header: dict | None = None  # the inspection's fields to write (MERGE / REPLACE / CREATE)
    archive: list[tuple[str, dict]] = field(default_factory=list)  # (kind, rows) kept readable
    # evidence reasons to write (CREATE and REPLACE: the bundle's; MERGE: those new or newer)
    reasons: list[dict] = field(default_factory=list)
    taken: int = 0
    kept: int = 0

    @property
    def changes_anything(self) -> bool:
        return self.action is not Action.NOTHING


def _local_changes_unknown_to(local: Mapping[str, Any], incoming: Mapping[str, Any]) -> bool:
    """Whether *local* holds a change *incoming* has not seen (which replacing would lose)."""
    if compare(local["inspection"]["vv"], incoming["inspection"]["vv"]) in (
            Order.NEWER, Order.CONCURRENT):
        return True
    for entity in CONTENT:
        if entity == "inspection":
            continue
        theirs = sides(incoming, entity)
        for key, mine in sides(local, entity).items():
            other = theirs.get(key)
            if other is None or compare(mine.vv, other.vv) in (Order.NEWER, Order.CONCURRENT):
                return True
    return False


def plan(local: Mapping[str, Any] | None, incoming: dict, *, signed: bool,
         open_conflicts: Mapping[tuple[str, Any], dict] | None = None,
         archived: Iterable[tuple[int, str]] = ()) -> Plan:
    """Decide what importing *incoming* does to *local* (None: the inspection is new here).

    *signed*: the bundle is a signed revision (a signed bundle of a signed inspection).
    *open_conflicts*: the conflicts open here, (entity, key) → theirs as kept.
    *archived*: (revision, content hash) of the revisions already kept readable here.
    Raises BundleRefused when the bundle may not be applied (a signed revision differs …).
    """
    open_conflicts = open_conflicts or {}
    archived = set(archived)
    if local is None:
        return Plan(Action.CREATE, incoming, header=incoming["inspection"],
                    reasons=list(incoming["evidence_reasons"]))
    mine, theirs = local["inspection"], incoming["inspection"]
    number = mine["report_number"]
    if mine["templates"] != theirs["templates"]:
        raise BundleRefused("bundle.bad_rows", where="inspection.templates",
                            reason=Message("bundle.reason.other_templates"))
    local_signed = mine["status"] == "signed"
    if theirs["revision"] < mine["revision"]:
        if not signed:
            raise BundleRefused("bundle.older_draft", number=number, revision=theirs["revision"],
                                local=mine["revision"])
        content = content_sha256(incoming)
        if (theirs["revision"], content) in archived:
            return Plan(Action.NOTHING, incoming)
        return Plan(Action.ARCHIVE, incoming, archive=[("superseded", incoming)])
    if theirs["revision"] == mine["revision"] and local_signed:
        if signed:
            if content_sha256(incoming) != content_sha256(local):
                raise BundleRefused("bundle.signed_differs", number=number,
                                    revision=mine["revision"])
            return Plan(Action.NOTHING, incoming)
        if _local_changes_unknown_to(incoming, local):
            raise BundleRefused("bundle.signed_here", number=number, revision=mine["revision"])
        return Plan(Action.NOTHING, incoming)
    if signed or local_signed:
        # A signed revision is taken whole: it supersedes what is here (an older signed
        # revision, or a draft of this one), which stays readable.
        result = Plan(Action.REPLACE, incoming, header=theirs,
                      reasons=list(incoming["evidence_reasons"]))
        if local_signed:
            if (mine["revision"], content_sha256(local)) not in archived:
                result.archive.append(("superseded", dict(local)))
        elif _local_changes_unknown_to(local, incoming):
            result.archive.append(("set_aside", dict(local)))
        result.closed_conflicts = list(open_conflicts)
        return result
    return _merge(local, incoming, open_conflicts)


def _merge(local: Mapping[str, Any], incoming: dict,
           open_conflicts: Mapping[tuple[str, Any], dict]) -> Plan:
    result = Plan(Action.MERGE, incoming)
    for entity in ("answer", "finding", "photo", "signature"):
        ours = sides(local, entity)
        for key, other in sides(incoming, entity).items():
            _decide(result, entity, key, ours.get(key), other, open_conflicts)
    result.header = _merge_header(result, local["inspection"], incoming["inspection"],
                                  open_conflicts)
    result.reasons = newer_reasons(local, incoming)
    if not result.writes and not result.conflicts and not result.closed_conflicts \
            and result.header is None and not result.reasons:
        result.action = Action.NOTHING
    return result


def newer_reasons(local: Mapping[str, Any], incoming: Mapping[str, Any]) -> list[dict]:
    """The bundle's evidence reasons this side lacks, or has in an older wording (by when each
    was recorded): a reason has no version vector, the later one stands."""
    def key(reason: Mapping[str, Any]) -> tuple[int, str, str]:
        return reason["revision"], reason["template_id"], reason["item_code"]

    def later(a: str, b: str) -> bool:
        try:
            return datetime.fromisoformat(a) > datetime.fromisoformat(b)
        except (TypeError, ValueError):  # one without an offset: as written
            return a > b

    mine = {key(r): r for r in local.get("evidence_reasons", ())}
    return [r for r in incoming.get("evidence_reasons", ())
            if key(r) not in mine or (mine[key(r)]["reason"] != r["reason"]
                                      and later(r["recorded_at"], mine[key(r)]["recorded_at"]))]


def _decide(result: Plan, entity: str, key: Any, mine: Side | None, theirs: Side,
            open_conflicts: Mapping[tuple[str, Any], dict]) -> None:
    if mine is None:
        if not theirs.deleted:
            result.writes.append(Write(entity, key, theirs))
            result.taken += 1
        return
    uid = min(u for u in (mine.uid, theirs.uid) if u) if (mine.uid or theirs.uid) else None
    order = compare(mine.vv, theirs.vv)
    if order is Order.OLDER:
        result.writes.append(Write(entity, key, Side(theirs.record, theirs.vv, uid)))
        result.taken += 1
        if (entity, key) in open_conflicts:
            result.closed_conflicts.append((entity, key))
        return
    if order is not Order.CONCURRENT:
        result.kept += 1
        if uid != mine.uid and not mine.deleted:
            result.writes.append(Write(entity, key, Side(mine.record, mine.vv, uid)))
        return
    if same_content(entity, mine, theirs):
        result.writes.append(Write(entity, key, Side(mine.record, join(mine.vv, theirs.vv), uid)))
        if (entity, key) in open_conflicts:
            result.closed_conflicts.append((entity, key))
        return
    kept = open_conflicts.get((entity, key))
    if kept is not None and compare(theirs.vv, kept["vv"]) in (Order.SAME, Order.OLDER):
        return  # this conflict is already kept, with theirs as new as this or newer
    result.conflicts.append(Conflict(entity, key, mine, theirs))


def _merge_header(result: Plan, mine: dict, theirs: dict,
                  open_conflicts: Mapping[tuple[str, Any], dict]) -> dict | None:
    """The inspection's own fields after the merge, or None when they stay as they are."""
    revision = max(mine["revision"], theirs["revision"])
    order = compare(mine["vv"], theirs["vv"])
    if order is Order.OLDER:
        return {**mine, **{f: theirs[f] for f in CONTENT["inspection"]}, "vv": theirs["vv"],
                "revision": revision}
    if order is not Order.CONCURRENT:
        return {**mine, "revision": revision} if revision != mine["revision"] else None
    header = dict(mine)
    header["revision"] = revision
    header["vv"] = join(mine["vv"], theirs["vv"])
    if STATUS_RANK[theirs["status"]] > STATUS_RANK[mine["status"]]:
        header["status"] = theirs["status"]
        header["bump"] = True  # a new state made here by the merge: this device counts one more
    differing = [f for f in ("date", "inspectors", "organisation") if mine[f] != theirs[f]]
    if differing:
        header["vv"] = mine["vv"]  # the difference stays open until someone picks
        key = "header"
        kept = open_conflicts.get(("inspection", key))
        if kept is None or compare(theirs["vv"], kept["vv"]) is Order.NEWER:
            result.conflicts.append(Conflict("inspection", key, Side(mine, mine["vv"]),
                                             Side(theirs, theirs["vv"])))
    if header == mine:
        return None
    return header
