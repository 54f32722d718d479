"""check-db reads the audit log row by row: what it holds in memory does not grow with the
number of audit rows (a structure check on allocations, not a timing)."""
import json
import sqlite3
import tracemalloc
import uuid

from inspection.store import open_store
from inspection.store.audit import GENESIS, row_hash
from inspection.store.audit_check import check_audit_log


def with_audit_rows(root, count: int, *, other_device_rows: int = 0):
    """A data folder whose audit log holds *count* rows of this device (chained) and some rows
    of another device (each matching its hash), written straight into the table."""
    with open_store(root):
        pass
    conn = sqlite3.connect(root / "inspections.db")
    device = conn.execute("SELECT id FROM local_device").fetchone()[0]
    last = conn.execute("SELECT hash FROM audit_log WHERE device_id = ? ORDER BY id DESC LIMIT 1",
                        [device]).fetchone()
    prev = last[0] if last else GENESIS
    rows = []
    for n in range(count):
        row = {"at": "2026-11-20T10:00:00.000+08:00", "actor": "张三", "action": "save_answer",
               "inspection_id": str(uuid.UUID(int=n)), "entity": "answer", "entity_id": str(n),
               "detail": json.dumps({"note": "现场检查记录" * 20, "n": n}, ensure_ascii=False)}
        row["prev_hash"], row["hash"], row["device_id"] = prev, row_hash(prev, row), device
        prev = row["hash"]
        rows.append(row)
    other_prev = GENESIS
    for n in range(other_device_rows):
        row = {"at": "2026-11-21T10:00:00.000+08:00", "actor": "李四", "action": "save_answer",
               "inspection_id": None, "entity": "answer", "entity_id": str(n), "detail": "{}"}
        row["prev_hash"], row["hash"], row["device_id"] = other_prev, row_hash(other_prev, row), "other"
        other_prev = row["hash"]
        rows.append(row)
    conn.executemany("INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id,"
                     " detail, prev_hash, hash, device_id) VALUES (:at, :actor, :action,"
                     " :inspection_id, :entity, :entity_id, :detail, :prev_hash, :hash,"
                     " :device_id)", rows)
    conn.commit()
    return conn


def peak_while_checking(conn) -> tuple[int, list, int]:
    tracemalloc.start()
    try:
        breaks, count = check_audit_log(conn)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, breaks, count


def test_the_audit_check_holds_the_same_memory_for_ten_times_the_rows(tmp_path):
    small = with_audit_rows(tmp_path / "small", 2_000, other_device_rows=200)
    large = with_audit_rows(tmp_path / "large", 20_000, other_device_rows=2_000)
    peak_small, breaks, count = peak_while_checking(small)
    assert not breaks and count >= 2_200
    peak_large, breaks, count = peak_while_checking(large)
    assert not breaks and count >= 22_000
    # A list of the rows would take ~1 kB a row: 20 MB here. Streamed, the peak stays put.
    assert peak_large < peak_small + 1_000_000, (peak_small, peak_large)


def test_the_streamed_check_still_finds_every_kind_of_break(tmp_path):
    conn = with_audit_rows(tmp_path / "data", 50, other_device_rows=5)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("UPDATE audit_log SET detail = '{\"n\": -1}' WHERE id = 20")  # altered
    first_other = conn.execute("SELECT * FROM audit_log WHERE device_id = 'other' ORDER BY id"
                               " LIMIT 1").fetchone()
    names = [c[0] for c in conn.execute("SELECT * FROM audit_log LIMIT 0").description]
    fork = dict(zip(names, first_other))
    fork["detail"] = '{"forked": true}'
    fork["hash"] = row_hash(fork["prev_hash"], fork)
    conn.execute("INSERT INTO audit_log (at, actor, action, inspection_id, entity, entity_id,"
                 " detail, prev_hash, hash, device_id) VALUES (:at, :actor, :action,"
                 " :inspection_id, :entity, :entity_id, :detail, :prev_hash, :hash, 'other')", fork)
    breaks, _ = check_audit_log(conn)
    reasons = {str(b) for b in breaks}
    assert any(b.row_id == 20 for b in breaks)
    assert any("历史被改写" in r for r in reasons)
