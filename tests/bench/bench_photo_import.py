"""Time the photo import against a plain Pillow pipeline that makes the same files.

Run by hand (pytest does not collect it): ``.venv/bin/python tests/bench/bench_photo_import.py``.
It generates camera-size JPEGs once (inspection.demo.demo_photos, varied seeds, every fourth one
shot in portrait with EXIF orientation 6), then imports them several times each way into fresh
data folders, the ways taking turns, and prints the best time of each. It prints; it does not assert: timings depend on
the machine. The target (issue 15) is the shipped pipeline at least 3.5× the plain one.

- plain: one process; read, hash, copy the original; full decode → exif_transpose → resize to
  1600 (Lanczos) → save JPEG; thumbnail 256 → JPEG. What one writes without thinking of speed.
- prepare_photos, shipped: the shipped pipeline (draft decoding, rotate after shrinking,
  fsync'd atomic writes) with its default workers: one photo decoded a core, one more file
  being read or written meanwhile.
- prepare_photos, 2 threads: two files in flight, both decoding (the earlier default).
- prepare_photos, 1 worker: the same serially, to separate the draft gain from the second core.
- 2 processes: prepare_photo in a ProcessPoolExecutor, to check the choice of threads.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import multiprocessing
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from PIL import Image, ImageOps  # noqa: E402

from inspection.demo.demo_photos import make_demo_photo  # noqa: E402
from inspection.paths import DataDir  # noqa: E402
from inspection.photos import image_file as photo_import  # noqa: E402
from inspection.photos.importer import DECODING_AT_ONCE, prepare_photos  # noqa: E402


def generate(folder: Path, count: int) -> list[Path]:
    """Camera-size JPEGs with varied scenes; every fourth is stored on its side (orientation 6)."""
    start = datetime(2026, 11, 20, 9, 0)
    return [make_demo_photo(folder / f"IMG_{i:04d}.JPG", seed=1000 + i,
                            caption_text=f"{i % 12 + 1}号厂房 安全生产",
                            taken_at=start + timedelta(minutes=3 * i),
                            gps=(30.7412 + i * 1e-4, 121.2301 - i * 1e-4),
                            orientation=6 if i % 4 == 3 else 1)
            for i in range(count)]


def plain_import(paths: list[Path], root: Path) -> None:
    """The same outputs without draft decoding: full decode, rotate, resize, save."""
    data_dir = DataDir(root)
    for path in paths:
        data = path.read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        original = data_dir.original(sha, "jpg")
        original.parent.mkdir(parents=True, exist_ok=True)
        original.write_bytes(data)
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
        report = upright.resize(photo_import._fit(upright.size, photo_import.REPORT_LONG_EDGE),
                                Image.Resampling.LANCZOS)
        report.save(data_dir.report_image(sha), "JPEG", quality=photo_import.REPORT_QUALITY)
        thumbnail = upright.copy()
        thumbnail.thumbnail((photo_import.THUMBNAIL_LONG_EDGE,) * 2, Image.Resampling.LANCZOS)
        thumbnail.save(io.BytesIO(), "JPEG", quality=photo_import.THUMBNAIL_QUALITY)


def pipeline_import(paths: list[Path], root: Path, workers: int | None) -> None:
    result = prepare_photos(paths, root, workers=workers)
    if result.rejected or len(result.prepared) != len(paths):
        raise SystemExit(f"import refused photos: {result.rejected}")


def process_pool_import(paths: list[Path], root: Path) -> None:
    data_dir = DataDir(root)
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(photo_import.prepare_photo, paths, [data_dir] * len(paths)))


def report_sizes(root: Path) -> list[tuple[int, int]]:
    sizes = []
    for path in sorted(root.glob("media/*/*.report.jpg")):
        with Image.open(path) as image:
            sizes.append(image.size)
    return sizes


def interleaved(repeat: int, runs: list[tuple[str, Callable[[Path], None]]],
                scratch: Path) -> dict[str, tuple[float, list[float]]]:
    """Each pipeline *repeat* times, in rounds (one run of each per round, so that a busy
    spell of the machine falls on all of them alike): label → (best, all times)."""
    times: dict[str, list[float]] = {label: [] for label, _ in runs}
    for _ in range(repeat):
        for label, work in runs:
            root = Path(tempfile.mkdtemp(dir=scratch))
            start = time.perf_counter()
            work(root)
            times[label].append(time.perf_counter() - start)
            shutil.rmtree(root)
    return {label: (min(values), values) for label, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each; the best is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        scratch = Path(tmp)
        (scratch / "camera").mkdir()
        start = time.perf_counter()
        paths = generate(scratch / "camera", args.photos)
        made = time.perf_counter() - start
        megabytes = [p.stat().st_size / 1e6 for p in paths]
        print(f"{len(paths)} camera JPEGs 4000×3000 made in {made:.1f} s "
              f"({made / len(paths) * 1000:.0f} ms each), {min(megabytes):.1f}–"
              f"{max(megabytes):.1f} MB (median {statistics.median(megabytes):.1f} MB)")
        for path in paths:  # read once so every run starts from the page cache
            path.read_bytes()

        # Both pipelines must make the same files before their times mean anything.
        plain_root, ours_root = scratch / "check-plain", scratch / "check-ours"
        plain_import(paths, plain_root)
        pipeline_import(paths, ours_root, None)
        agree = report_sizes(plain_root) == report_sizes(ours_root)
        print(f"report images agree in size ({len(report_sizes(ours_root))} of them, long edge "
              f"{photo_import.REPORT_LONG_EDGE}): {'yes' if agree else 'NO'}")

        shipped = f"prepare_photos, shipped ({DECODING_AT_ONCE + 1})"
        runs = [
            ("plain Pillow, 1 process", lambda root: plain_import(paths, root)),
            (shipped, lambda root: pipeline_import(paths, root, None)),
            ("prepare_photos, 2 threads", lambda root: pipeline_import(paths, root, 2)),
            ("prepare_photos, 1 worker", lambda root: pipeline_import(paths, root, 1)),
            ("prepare_photo, 2 processes", lambda root: process_pool_import(paths, root)),
        ]
        results = interleaved(args.repeat, runs, scratch)
        plain = results["plain Pillow, 1 process"][0]
        print(f"\n{'pipeline':28} {'best s':>7} {'ms/photo':>9} {'× plain':>8}   all runs (s)")
        for label, (best, times) in results.items():
            print(f"{label:28} {best:7.2f} {best / len(paths) * 1000:9.1f} "
                  f"{plain / best:8.2f}   {', '.join(f'{t:.2f}' for t in times)}")
        ours = results[shipped][0]
        verdict = "meets" if plain / ours >= 3.5 else "MISSES"
        print(f"\nspeed-up of the shipped pipeline: {plain / ours:.2f}× ({verdict} the 3.5× target)")


if __name__ == "__main__":
    multiprocessing.freeze_support()  # the process-pool run re-imports this file when spawned
    main()
