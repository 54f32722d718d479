"""check-db memory against the number of audit rows (run by hand; prints figures).

    .venv/bin/python tests/bench/bench_check_db.py [100 1000 10000]

For each folder size (tests/bench/scale_data.py builds it once, ~65 audit rows an inspection)
it prints, each in a fresh process, the peak resident memory of:

- the floor: the program opening the store and counting the audit rows;
- check-db as it is now (the audit chain read row by row from a cursor);
- check-db's audit part as it was before (every row read into a list of dicts first).

Goal (issue 15): check-db's memory constant in the number of audit rows.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.scale_data import cached_folder  # noqa: E402

PEAK = "import resource; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
FLOOR = """
import sys; sys.path.insert(0, {root!r})
from inspection.store import open_store
with open_store({data!r}) as store:
    print(store.db.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0], file=sys.stderr)
"""
NOW = """
import sys; sys.path.insert(0, {root!r})
from inspection.cli import main
main(["check-db", "--data-dir", {data!r}])
"""
BEFORE = """
import sys; sys.path.insert(0, {root!r})
from inspection.store import open_store
from inspection.store.audit import verify_device_chains
with open_store({data!r}) as store:
    cursor = store.db.conn.execute("SELECT * FROM audit_log ORDER BY id")
    names = [c[0] for c in cursor.description]
    rows = [dict(zip(names, r)) for r in cursor.fetchall()]
    verify_device_chains(rows, store.device_id)
"""


def peak_mb(script: str, data: Path) -> int:
    done = subprocess.run([sys.executable, "-c", script.format(root=str(ROOT), data=str(data))
                           + "\n" + PEAK], capture_output=True, text=True, check=True)
    return int(done.stdout.strip().splitlines()[-1])


def main(sizes: list[int]) -> None:
    print(f"{'inspections':>11} {'audit rows':>10} {'floor MB':>9} {'check-db MB':>12}"
          f" {'before MB':>10}")
    for size in sizes:
        data = cached_folder(size)
        peak_mb(FLOOR, data)  # a folder built by an older version is migrated here, not measured
        import sqlite3
        conn = sqlite3.connect(data / "inspections.db")
        rows = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        conn.close()
        print(f"{size:>11,} {rows:>10,} {peak_mb(FLOOR, data):>9} {peak_mb(NOW, data):>12}"
              f" {peak_mb(BEFORE, data):>10}", flush=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1000])
