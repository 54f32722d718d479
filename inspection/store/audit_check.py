"""Checking the audit log's chains with memory that does not grow with the log.

The rules are those of :mod:`inspection.store.audit` (this device's chain whole from GENESIS;
other devices' rows each matching their hash, with no forks and no repeats). Rows are read
from a cursor one at a time; forks and repeats of other devices' rows are found by SQLite
(a GROUP BY, which spills to its temporary store), not in Python sets.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from inspection.store.audit import ChainBreak, row_hash, verify_chain

FIELDS = "id, at, actor, action, inspection_id, entity, entity_id, detail, prev_hash, hash"


def check_audit_log(conn: sqlite3.Connection) -> tuple[list[ChainBreak], int]:
    """The breaks in every device's audit chain, and how many rows were checked."""
    device = conn.execute("SELECT id FROM local_device").fetchone()
    local = device[0] if device else ""
    counter = [0]
    breaks = verify_chain(_rows(conn, "device_id IS NULL OR device_id = ?", [local], counter))
    for row in _rows(conn, "device_id IS NOT NULL AND device_id != ?", [local], counter):
        if row_hash(row["prev_hash"], row) != row["hash"]:
            breaks.append(ChainBreak(row["id"], "audit.reason.changed"))
    for (row_id,) in conn.execute(
            "SELECT MAX(id) FROM audit_log WHERE device_id IS NOT NULL AND device_id != ?"
            " GROUP BY device_id, hash HAVING COUNT(*) > 1", [local]):
        breaks.append(ChainBreak(row_id, "audit.reason.repeated"))
    for (row_id,) in conn.execute(
            "SELECT MAX(id) FROM audit_log WHERE device_id IS NOT NULL AND device_id != ?"
            " GROUP BY device_id, prev_hash HAVING COUNT(DISTINCT hash) > 1", [local]):
        breaks.append(ChainBreak(row_id, "audit.reason.forked"))
    return sorted(breaks, key=lambda b: b.row_id), counter[0]


def _rows(conn: sqlite3.Connection, where: str, params: list[str],
          counter: list[int]) -> Iterator[dict[str, Any]]:
    cursor = conn.execute(f"SELECT {FIELDS} FROM audit_log WHERE {where} ORDER BY id", params)
    names = [c[0] for c in cursor.description]
    for values in cursor:
        counter[0] += 1
        yield dict(zip(names, values))
