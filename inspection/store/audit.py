"""The audit log's hash chains: every row carries the hash of the previous row of its device.

Pure functions; the store appends rows and check-db verifies them. Each data folder is one
device (``local_device``) and keeps one chain, from GENESIS, of the rows it wrote: changing,
removing or reordering any of them breaks the chain at that row. Rows of other devices arrive
with the inspections they concern (bundles): a folder holds only part of such a chain, so for
those each row must match its hash and no two rows may claim the same predecessor (a fork is
history rewritten). The device id is not hashed: a row belongs to its device's chain by its link.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from checklists.errors import Message, messages, render

GENESIS = "0" * 64
CHAINED_FIELDS = ("at", "actor", "action", "inspection_id", "entity", "entity_id", "detail")


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the row's fields, in a canonical JSON form."""
    payload = json.dumps([prev_hash] + [row.get(name) for name in CHAINED_FIELDS],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


# Where and how the audit log's chain breaks (check-db), in the process's language.
MESSAGES = messages({
    "audit.break": ("审计日志第 {row} 行：{reason}", "The audit log's row {row}: {reason}"),
    "audit.reason.changed": ("内容与哈希不符（该行被修改）", "its content does not match its hash (the row was changed)"),
    "audit.reason.repeated": ("重复的行", "a repeated row"),
    "audit.reason.forked": ("与另一行接在同一行之后（历史被改写）",
                            "it follows the same row as another one does (the history was rewritten)"),
    "audit.reason.broken": ("前一行的哈希不符（有行被删除、插入或修改）",
                            "the previous row's hash does not match (rows were deleted, inserted or changed)"),
})


@dataclass(frozen=True)
class ChainBreak:
    row_id: int
    reason: str  # a code of MESSAGES (audit.reason.*)

    def __str__(self) -> str:
        return render("audit.break", {"row": self.row_id, "reason": Message(self.reason)})


def verify_device_chains(rows: Iterable[Mapping[str, Any]], local_device: str) -> list[ChainBreak]:
    """Check all rows (in id order): the local device's chain whole, other devices' parts."""
    rows = list(rows)
    local = [r for r in rows if r.get("device_id") in (None, local_device)]
    breaks = verify_chain(local)
    others: dict[str, list[Mapping[str, Any]]] = {}
    for row in rows:
        if row.get("device_id") not in (None, local_device):
            others.setdefault(row["device_id"], []).append(row)
    for device_rows in others.values():
        breaks += verify_partial_chain(device_rows)
    return sorted(breaks, key=lambda b: b.row_id)


def verify_partial_chain(rows: Iterable[Mapping[str, Any]]) -> list[ChainBreak]:
    """Rows of one other device, perhaps with gaps: each matches its hash, no forks, no repeats."""
    breaks = []
    predecessors: dict[str, int] = {}
    seen: set[str] = set()
    for row in rows:
        if row_hash(row["prev_hash"], row) != row["hash"]:
            breaks.append(ChainBreak(row["id"], "audit.reason.changed"))
        if row["hash"] in seen:
            breaks.append(ChainBreak(row["id"], "audit.reason.repeated"))
        elif row["prev_hash"] in predecessors:
            breaks.append(ChainBreak(row["id"], "audit.reason.forked"))
        seen.add(row["hash"])
        predecessors[row["prev_hash"]] = row["id"]
    return breaks


def verify_chain(rows: Iterable[Mapping[str, Any]]) -> list[ChainBreak]:
    """Check rows (in id order) against the chain; return where and how it breaks."""
    breaks = []
    expected_prev = GENESIS
    for row in rows:
        if row["prev_hash"] != expected_prev:
            breaks.append(ChainBreak(row["id"], "audit.reason.broken"))
        if row_hash(row["prev_hash"], row) != row["hash"]:
            breaks.append(ChainBreak(row["id"], "audit.reason.changed"))
        expected_prev = row["hash"]
    return breaks
