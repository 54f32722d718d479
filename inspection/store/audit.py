"""The audit log's hash chain: every row carries the hash of the previous row.

Pure functions; the store appends rows and check-db verifies them. Changing, removing or
reordering any row breaks the chain at that row.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64
CHAINED_FIELDS = ("at", "actor", "action", "inspection_id", "entity", "entity_id", "detail")


def row_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    """SHA-256 over the previous hash and the row's fields, in a canonical JSON form."""
    payload = json.dumps([prev_hash] + [row.get(name) for name in CHAINED_FIELDS],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainBreak:
    row_id: int
    reason: str

    def __str__(self) -> str:
        return f"审计日志第 {self.row_id} 行：{self.reason}"


def verify_chain(rows: Iterable[Mapping[str, Any]]) -> list[ChainBreak]:
    """Check rows (in id order) against the chain; return where and how it breaks."""
    breaks = []
    expected_prev = GENESIS
    for row in rows:
        if row["prev_hash"] != expected_prev:
            breaks.append(ChainBreak(row["id"], "前一行的哈希不符（有行被删除、插入或修改）"))
        if row_hash(row["prev_hash"], row) != row["hash"]:
            breaks.append(ChainBreak(row["id"], "内容与哈希不符（该行被修改）"))
        expected_prev = row["hash"]
    return breaks
