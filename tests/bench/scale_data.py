"""Data folders with many inspections, built quickly through the store (for the benches).

    build_folder(root, inspections=10_000)

Each inspection is a real one: a park (one park per ten visits), 000 + 002 applied, about
60 answers, two findings, and every fifth one with 001's star inputs; all written through the
store's own edit methods, inside one transaction per thousand inspections with
``synchronous=OFF`` (set-up only: the program itself never turns durability off). A built
folder is kept under the system's temporary folder and reused by later runs.
"""
from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from checklists.library import get_template
from inspection.store import open_store

CACHE = Path(tempfile.gettempdir()) / "park-inspector-bench"
FORMAT = 2  # bump when what is built changes


def build_folder(root: Path, *, inspections: int, seed: int = 7) -> Path:
    """A data folder at *root*/data holding *inspections* inspections (built anew)."""
    rng = random.Random(seed)
    codes_000 = [n.code for n in get_template("000").items()]
    codes_002 = [n.code for n in get_template("002").items()]
    store = open_store(root / "data", actor="基准")
    try:
        store.db.execute("PRAGMA synchronous = OFF")
        parks: list[int] = []
        done = 0
        while done < inspections:
            with store._transaction():
                for _ in range(min(1000, inspections - done)):
                    if done % 10 == 0:
                        parks.append(store.add_park(f"园区{len(parks):05d}", "manufacturing",
                                                    address=f"第 {len(parks)} 路").id)
                    star = done % 5 == 0
                    templates = ["000", "002"] + (["001"] if star else [])
                    year = 2020 + done % 7
                    inspection = store.new_inspection(
                        parks[-1], templates, inspectors=[f"检查员{done % 200:03d}"],
                        date=f"{year}-{1 + done % 12:02d}-{1 + done % 28:02d}")
                    for code in rng.sample(codes_000, 40):
                        store.save_answer(inspection.id, "000", code,
                                          result=rng.choice(["pass", "pass", "partial", "fail", "na"]))
                    for code in rng.sample(codes_002, 20):
                        store.save_answer(inspection.id, "002", code,
                                          result=rng.choice(["done", "on_track", "delayed"]))
                    for code in rng.sample(codes_000, 2):
                        store.add_finding(inspection.id, "000", code, requirement="整改要求",
                                          deadline=f"{year}-12-31")
                    if star:
                        store.save_answer(inspection.id, "001", "1", value={"performance_grade": "B"})
                        store.save_answer(inspection.id, "001", "3", value={"enterprises": 40})
                    done += 1
    finally:
        store.close()
    return root / "data"


def cached_folder(inspections: int) -> Path:
    """A data folder with *inspections* inspections, built once and then reused."""
    folder = CACHE / f"v{FORMAT}-{inspections}"
    if not (folder / "built").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        start = time.perf_counter()
        build_folder(folder, inspections=inspections)
        (folder / "built").write_text(f"{time.perf_counter() - start:.1f} s")
    return folder / "data"


def fresh_copy(inspections: int, into: Path) -> Path:
    """A copy of the cached folder that a bench may change."""
    target = into / "data"
    shutil.copytree(cached_folder(inspections), target)
    return target


if __name__ == "__main__":
    for n in map(int, sys.argv[1:] or ["1000"]):
        start = time.perf_counter()
        print(n, cached_folder(n), f"{time.perf_counter() - start:.1f} s")
