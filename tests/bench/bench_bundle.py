"""Time bundle export and import: the demo inspection, and an inspection with 100 photos.

Run by hand (pytest does not collect it): ``.venv/bin/python tests/bench/bench_bundle.py``.
For each case: sign the report (which seals the bundle), export the bundle (from its seal),
import it into a fresh data folder (every check, every file hashed and written), import it
again (the same revision: a no-op), and export a draft of the same inspection unsigned. Prints
seconds (best of --runs) and the bundle's size; it does not assert: timings depend on the
machine.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from inspection.bundle import export_bundle, import_bundle  # noqa: E402
from inspection.demo.demo_inspection import create_demo  # noqa: E402
from inspection.demo.demo_photos import make_demo_photo  # noqa: E402
from inspection.photos.importer import prepare_photos  # noqa: E402
from inspection.signing.issue import issue_report  # noqa: E402
from inspection.signing.keys import create_signing_key  # noqa: E402
from inspection.store import Store, open_store  # noqa: E402

PASSWORD = "bench-password-1"


def hundred_photos(store: Store, work: Path, count: int) -> str:
    park = store.add_park("百张照片园区", "manufacturing")
    iid = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20").id
    start = datetime(2026, 11, 20, 9, 0)
    files = [make_demo_photo(work / f"IMG_{i:04d}.JPG", seed=3000 + i, taken_at=start +
                             timedelta(minutes=i), gps=(30.74, 121.23)) for i in range(count)]
    codes = ["1-1-1", "1-1-2", "1-1-3", "1-1-5", None]
    result = prepare_photos(files, store.data_dir)
    for index, prepared in enumerate(result.prepared):
        code = codes[index % len(codes)]
        store.add_photo(iid, prepared, template_id="000" if code else None, item_code=code,
                        caption=f"现场照片 {index + 1}")
    store.save_answer(iid, "000", "1-1-1", result="pass")
    return iid


def best(fn, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return min(times), result


def case(name: str, make, root: Path, runs: int) -> None:
    key = create_signing_key(name="张三", organisation="金山区", password=PASSWORD,
                             out=root / f"{name}.p12")
    with open_store(root / f"{name}-a", actor="张三") as a:
        iid = make(a)
        draft = root / f"{name}-draft.pib"
        t_draft, _ = best(lambda: export_bundle(a, iid, draft), runs)
        t_sign, _ = best(lambda: issue_report(a, iid, key_path=key, password=PASSWORD), 1)
        pib = root / f"{name}.pib"
        t_export, exported = best(lambda: export_bundle(a, iid, pib), runs)
        photos = len(a.photos(iid))
    imports = []
    for run in range(runs):
        target = root / f"{name}-b{run}"
        with open_store(target) as b:
            started = time.perf_counter()
            import_bundle(b, pib, trust_signer=True)
            imports.append(time.perf_counter() - started)
            again, _ = best(lambda: import_bundle(b, pib), 1)
        shutil.rmtree(target)
    print(f"{name}: {photos} photos, bundle {exported.size / 1e6:.1f} MB ({exported.members} members)")
    print(f"  draft export (unsigned)        {t_draft:6.2f} s")
    print(f"  sign report (+ seal the bundle) {t_sign:6.2f} s")
    print(f"  export signed (from its seal)   {t_export:6.2f} s")
    print(f"  import into a fresh folder      {min(imports):6.2f} s")
    print(f"  import the same again (no-op)   {again:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--photos", type=int, default=100)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-bundle-"))
    try:
        case("demo", lambda store: create_demo(store).main, root, args.runs)
        work = root / "photos"
        work.mkdir()
        case(f"{args.photos}-photos", lambda store: hundred_photos(store, work, args.photos),
             root, args.runs)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
