"""Store benchmark (run by hand; prints figures, asserts nothing about time).

    .venv/bin/python tests/bench/bench_store.py

- autosave latency: 1,000 answer/note edits, each its own durable transaction
  (WAL, synchronous=FULL) with its audit row — p50 / p99 / max;
- loading an inspection with 500 answers and 1,000 photos (data only, no image files):
  Store.snapshot, and the results by the checklist rules on top.
Targets on the reference machine: autosave p99 < 15 ms; load < 200 ms.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checklists.library import get_template
from inspection.model import PreparedPhoto
from inspection.results import inspection_results
from inspection.store import open_store


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def bench_autosave(store, inspection_id) -> None:
    codes = [n.code for n in get_template("000").items()]
    times = []
    for n in range(1000):
        code = codes[n % len(codes)]
        start = time.perf_counter()
        if n % 2:
            store.save_answer(inspection_id, "000", code, note=f"第 {n} 次修改的备注")
        else:
            store.save_answer(inspection_id, "000", code, result=("pass", "fail", "partial")[n % 3])
        times.append((time.perf_counter() - start) * 1000)
    print(f"autosave over 1000 edits: p50 {statistics.median(times):.2f} ms, "
          f"p99 {percentile(times, 0.99):.2f} ms, max {max(times):.2f} ms (target p99 < 15 ms)")


def bench_load(store) -> None:
    park = store.add_park("大型园区", "manufacturing")
    inspection = store.new_inspection(park.id, ["000", "002", "003", "004", "001"],
                                      inspectors=["张三"])
    items = [(t, n.code) for t in ("000", "002", "003", "004") for n in get_template(t).items()]
    scale = {"000": "pass", "004": "fail", "002": "done", "003": "delayed"}
    with store.db.atomic():  # set-up only: one transaction for speed
        for t, code in items:
            store.save_answer(inspection.id, t, code, result=scale[t], note="备注" * 20)
        # The five templates have 278 items in all; the remaining answers to reach 500 are
        # rows with made-up codes, written directly (the load reads every row all the same).
        for n in range(500 - len(items)):
            store.db.execute(
                "INSERT INTO answers (inspection_id, template_id, item_code, result, note,"
                " answered_at) VALUES (?, '000', ?, 'pass', ?, '2026-11-20T09:00:00')",
                [inspection.id, f"extra-{n}", "备注" * 20])
        thumb = b"\xff\xd8" + b"\0" * 12_000  # ~12 KB, like a real 256 px thumbnail
        for n in range(1000):
            t, code = items[n % len(items)]
            store.add_photo(inspection.id, PreparedPhoto(
                sha256=f"{n:064x}", ext="jpg", original_name=f"IMG_{n}.JPG", size=3_000_000,
                width=4000, height=3000, thumbnail_jpeg=thumb, taken_at="2026-11-20T09:00:00",
                gps=(30.9, 121.3)), template_id=t, item_code=code, caption=f"照片 {n}")
    runs = []
    for _ in range(5):
        start = time.perf_counter()
        snapshot = store.snapshot(inspection.id)
        loaded = time.perf_counter()
        inspection_results(snapshot)
        runs.append(((loaded - start) * 1000, (time.perf_counter() - loaded) * 1000))
    load, results = min(r[0] for r in runs), min(r[1] for r in runs)
    print(f"load inspection with {len(snapshot.answers)} answers and {len(snapshot.photos)} photos:"
          f" snapshot {load:.1f} ms + results {results:.1f} ms = {load + results:.1f} ms"
          " (best of 5; target < 200 ms)")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "data", actor="bench")
        park = store.add_park("基准园区", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"])
        bench_autosave(store, inspection.id)
        bench_load(store)
        store.close()


if __name__ == "__main__":
    main()
