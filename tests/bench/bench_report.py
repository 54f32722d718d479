"""Time the report: build a realistic inspection with 300 photos, sign it, verify it.

Run by hand (pytest does not collect it): ``.venv/bin/python tests/bench/bench_report.py``.
The inspection applies every shipped template (most items answered, notes, findings, signatures)
and carries 300 photos, a third annotated. By default the photos are demo camera shots
(inspection.demo.demo_photos, 2000×1500) imported by the shipped pipeline (inspection.photos.importer), so the
report-size files are what the program really embeds (1600×1200, JPEG quality 85). ``--grain``
uses heavily textured 1600×1200 JPEGs instead (~0.5 MB each), a worst case for the file size:
the PDF is the photos byte for byte plus well under 1 MB.

Prints times and sizes; asserts nothing: timings depend on the machine.
Targets: build < 3 s and PDF < 120 MB.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from datetime import datetime, timedelta  # noqa: E402

from PIL import Image  # noqa: E402

from inspection.demo.demo_photos import make_demo_photo  # noqa: E402
from inspection.model import PreparedPhoto  # noqa: E402
from inspection.photos.importer import prepare_photos  # noqa: E402
from inspection.report.pdf import build_report  # noqa: E402
from inspection.signing.issue import issue_report  # noqa: E402
from inspection.signing.pades import create_signing_key, load_signing_key, sign_pdf  # noqa: E402
from inspection.signing.verify import verify_pdf  # noqa: E402
from inspection.store import open_store  # noqa: E402
from tests.inspection import report_data as support  # noqa: E402

PASSWORD = "bench-password"


def camera_like_jpeg(seed: int, size=(1600, 1200)) -> bytes:
    """A synthetic scene with sensor-like grain, so it compresses like a real photo."""
    base = Image.open(io.BytesIO(support.jpeg_bytes(width=size[0], height=size[1], seed=seed)))
    noise = Image.effect_noise(size, 40).convert("RGB")
    out = io.BytesIO()
    Image.blend(base, noise, 0.18).save(out, "JPEG", quality=88)
    return out.getvalue()


def grain_photos(store, count: int) -> list[PreparedPhoto]:
    """Textured 1600×1200 JPEGs written straight into the data folder (the size worst case)."""
    thumb = io.BytesIO()
    Image.new("RGB", (256, 192), (128, 128, 128)).save(thumb, "JPEG")
    prepared = []
    for seed in range(count):
        data = camera_like_jpeg(seed + 1000)
        sha = hashlib.sha256(data).hexdigest()
        for path in (store.data_dir.original(sha, "jpg"), store.data_dir.report_image(sha)):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        prepared.append(PreparedPhoto(
            sha256=sha, ext="jpg", original_name=f"DSC_{seed:05d}.JPG", size=len(data),
            width=1600, height=1200, thumbnail_jpeg=thumb.getvalue(),
            taken_at=f"2026-11-20T{9 + seed // 60 % 8:02d}:{seed % 60:02d}:00+08:00"))
    return prepared


def camera_photos(store, count: int, folder: Path) -> list[PreparedPhoto]:
    """Demo camera shots imported by the shipped pipeline (report-size files at quality 85)."""
    start = datetime(2026, 11, 20, 9, 0)
    paths = [make_demo_photo(folder / f"DSC_{seed:05d}.JPG", seed=seed + 1000,
                             taken_at=start + timedelta(minutes=seed), gps=(30.887, 121.322),
                             size=(2000, 1500), orientation=6 if seed % 5 == 4 else 1)
             for seed in range(count)]
    result = prepare_photos(paths, store.data_dir)
    if result.rejected:
        raise SystemExit(f"photo import refused {len(result.rejected)} files")
    return list(result.prepared)


def add_photos(store, inspection_id: str, prepared: list[PreparedPhoto]) -> int:
    """Attach the photos to answered items, a third annotated; returns their report bytes."""
    items = [(tid, code) for (tid, code) in store.answers(inspection_id)]
    total = 0
    for index, photo_file in enumerate(prepared):
        template_id, code = items[index % len(items)]
        photo = store.add_photo(inspection_id, photo_file, template_id=template_id,
                                item_code=code, caption="现场照片" if index % 4 == 0 else "").photo
        if index % 3 == 0:
            store.set_annotations(photo.id, support.ANNOTATIONS)
        total += store.data_dir.report_image(photo_file.sha256).stat().st_size
    return total


def timed(label: str, runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    print(f"{label:<34} best {best:6.2f} s   median {median:6.2f} s   ({runs} runs)")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--grain", action="store_true",
                        help="textured 0.5 MB JPEGs instead of imported demo camera shots")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    try:
        store = open_store(work / "data", actor="张三")
        print(f"preparing an inspection with {args.photos} photos …", flush=True)
        inspection_id = support.fill_inspection(store, photos=0)
        prepared = (grain_photos(store, args.photos) if args.grain
                    else camera_photos(store, args.photos, work / "camera"))
        photo_bytes = add_photos(store, inspection_id, prepared)
        snapshot = store.snapshot(inspection_id)
        items = sum(1 for _ in snapshot.answers)
        print(f"templates {'+'.join(snapshot.inspection.template_ids)}, {items} answers, "
              f"{len(snapshot.findings)} findings, {len(snapshot.photos)} photos "
              f"({photo_bytes / 1e6:.1f} MB of report-size JPEGs)")
        out = work / "report.pdf"
        timed("build_report (unsigned)", args.runs,
              lambda: build_report(snapshot, out, data_dir=store.data_dir))
        size = out.stat().st_size
        from pyhanko.pdf_utils.reader import PdfFileReader
        with open(out, "rb") as handle:
            pages = int(PdfFileReader(handle, strict=False).root["/Pages"]["/Count"])
        print(f"{'pages':<34} {pages:6d}")
        print(f"{'PDF size':<34} {size / 1e6:6.1f} MB   (photos {photo_bytes / 1e6:.1f} MB, "
              f"overhead {(size - photo_bytes) / 1e6:.1f} MB)")
        key_path = create_signing_key(name="张三", organisation="金山区经济委员会",
                                      password=PASSWORD, out=work / "key.p12")
        key = load_signing_key(key_path, PASSWORD)
        signed = work / "signed.pdf"
        timed("sign_pdf (PAdES B-B + stamp)", args.runs,
              lambda: sign_pdf(out, key=key, out=signed))
        timed("verify_pdf", args.runs, lambda: verify_pdf(signed))
        result = verify_pdf(signed)
        print(f"{'verified':<34} ok={result.ok} intact={result.intact} "
              f"whole_file={result.covers_whole_file}")
        start = time.perf_counter()
        issue_report(store, inspection_id, key_path=key_path, password=PASSWORD)
        print(f"{'issue_report (build+sign+store)':<34} {time.perf_counter() - start:6.2f} s")
        store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
