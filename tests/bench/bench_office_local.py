"""The office's views on one laptop at 10,000 inspections (run by hand; prints figures, asserts
nothing about time):

    .venv/bin/python tests/bench/bench_office_local.py [--inspections 10000]

1. where every inspection stands with the hub (the list's second badge: ``Store.hub_standings``),
   each one pushed and a third of them with a decision pulled;
2. one park's trends from this data folder (``hub trends --local``), its ten visits completed.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from inspection.office.local import local_visits
from inspection.office.trends import park_trends
from inspection.store import open_store
from tests.bench.scale_data import fresh_copy


def timed(label: str, fn, runs: int = 5) -> None:
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - start)
    print(f"{label}: {statistics.median(samples) * 1000:.0f} ms median of {runs} ({len(result)})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--inspections", type=int, default=10_000)
    count = parser.parse_args().inspections
    root = fresh_copy(count, Path(tempfile.mkdtemp()))
    with open_store(root) as store:
        rows = store.db.execute("SELECT id, revision, status, updated_at FROM inspections").fetchall()
        with store._transaction():  # as syncs would have left them (set-up only)
            for n, (inspection_id, revision, status, updated_at) in enumerate(rows):
                store.db.execute("INSERT INTO hub_pushes VALUES ('hub', ?, ?, ?, ?, ?, '2026-01-01')",
                                 [inspection_id, revision, status, f"{n:064x}", updated_at])
                if n % 3 == 0:
                    store.db.execute("INSERT INTO hub_reviews VALUES ('hub', ?, ?, ?, 'approved', '', '[]',"
                                     " '审核', '2026-01-02', '2026-01-02', NULL, NULL)", [f"r{n}", inspection_id, revision])
            park_id = store.db.execute("SELECT park_id FROM inspections GROUP BY park_id"
                                       " ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
            store.db.execute("UPDATE inspections SET status = 'completed' WHERE park_id = ?", [park_id])
        park = store.park(park_id)
        timed(f"1. hub_standings at {len(rows)} inspections", lambda: store.hub_standings("hub"))
        timed(f"2. one park's trends from this folder ({park.name})",
              lambda: park_trends(*local_visits(store, park.name)).points)


if __name__ == "__main__":
    main()
