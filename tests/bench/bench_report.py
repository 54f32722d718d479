"""Report bench: the unsigned and signed report at 100 / 300 / 2,000 photos against its floor.

Run by hand (pytest does not collect it)::

    .venv/bin/python tests/bench/bench_report.py                 # 100, 300 and 2000 photos
    .venv/bin/python tests/bench/bench_report.py --sizes 200 --runs 3
    .venv/bin/python tests/bench/bench_report.py --cache /tmp/report-bench   # keep the data

Every figure is measured the way the user meets it: the command line in its own process
(``main.py report ID --out X.pdf``, then ``--sign``), so each size's peak memory is that
process's own (``os.wait4`` → ``ru_maxrss``). Against it, the floor of the same run:

- *start*: the program's own start: ``main.py report --help`` (the interpreter, the command
  line and its command modules; ``--version`` answers before loading the program and would
  understate it);
- *io*: reading the report-size photos, writing a file the size of the PDF and fsync-ing it.

The report's goal (issue 15): time ≤ 2 × (start + io), peak memory ≤ 0.1 MB per photo, a
2,000-photo report under 350 MB. Signing's fixed cost is signed − unsigned.

CPU seconds are printed too (on a busy machine they say more than wall time): the report's
own work beyond the program's start, the CPU per added page between the smallest and the
largest size (what laying out and writing one more appendix page costs), and one run with an
empty cache folder (``XDG_CACHE_HOME``: the first report after installing, which parses the
fonts and keeps them; every later run reads them from the user's cache folder).
``--no-sign`` leaves out the signed runs.

The inspection applies every shipped template (most items answered, notes, findings,
signatures). Its photos are demo camera shots (2000×1500, EXIF, a fifth rotated) put through
the shipped import pipeline, so the report-size files are what the program really embeds.
To keep 2,000 photos quick to build, up to 40 are imported and the rest are byte-level
variants of those (a JPEG comment segment with a counter: a distinct file and hash, the same
picture). A third of the photos are annotated, a quarter have a caption.

Prints figures; asserts nothing (timings depend on the machine).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PASSWORD = "bench-password"
DISTINCT = 40
MB = 1024 * 1024


# --- building the data (in this process, once per size) --------------------------------------

def _variant(jpeg: bytes, counter: int) -> bytes:
    """The same JPEG with a comment segment after SOI: a different file, the same picture."""
    text = f"park-inspector bench variant {counter}".encode()
    segment = b"\xff\xfe" + (len(text) + 2).to_bytes(2, "big") + text
    return jpeg[:2] + segment + jpeg[2:]


def build_data(root: Path, photos: int) -> dict:
    """A data folder with one filled inspection carrying *photos* photos; returns its facts."""
    from inspection.demo.demo_photos import make_demo_photo
    from inspection.model import PreparedPhoto
    from inspection.photos.importer import prepare_photos
    from inspection.store import open_store
    from tests.inspection import report_data as support

    store = open_store(root / "data", actor="张三")
    inspection_id = support.fill_inspection(store, photos=0)
    camera = root / "camera"
    camera.mkdir()
    start = datetime(2026, 11, 20, 9, 0)
    paths = [make_demo_photo(camera / f"DSC_{seed:05d}.JPG", seed=seed + 1000,
                             taken_at=start + timedelta(minutes=seed), gps=(30.887, 121.322),
                             size=(2000, 1500), orientation=6 if seed % 5 == 4 else 1)
             for seed in range(min(photos, DISTINCT))]
    imported = list(prepare_photos(paths, store.data_dir).prepared)
    shutil.rmtree(camera)
    items = list(store.answers(inspection_id))
    report_bytes = 0
    for index in range(photos):
        base = imported[index % len(imported)]
        if index < len(imported):
            prepared = base
        else:
            data = _variant(store.data_dir.report_image(base.sha256).read_bytes(), index)
            sha = hashlib.sha256(data).hexdigest()
            target = store.data_dir.report_image(sha)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            original = store.data_dir.original(sha, "jpg")
            if not original.exists():
                os.link(target, original)  # the original is not read by the report
            prepared = PreparedPhoto(
                sha256=sha, ext="jpg", original_name=f"DSC_{index:05d}.JPG", size=len(data),
                width=base.width, height=base.height, thumbnail_jpeg=base.thumbnail_jpeg,
                taken_at=(start + timedelta(seconds=20 * index)).isoformat() + "+08:00",
                gps=base.gps)
        template_id, code = items[index % len(items)]
        photo = store.add_photo(inspection_id, prepared, template_id=template_id,
                                item_code=code,
                                caption="东侧消防通道现状" if index % 4 == 0 else "").photo
        if index % 3 == 0:
            store.set_annotations(photo.id, support.ANNOTATIONS)
        report_bytes += store.data_dir.report_image(prepared.sha256).stat().st_size
    store.close()
    facts = {"inspection_id": inspection_id, "photos": photos, "report_bytes": report_bytes}
    (root / "facts.json").write_text(json.dumps(facts))
    return facts


def prepared_data(cache: Path, photos: int) -> tuple[Path, dict]:
    root = cache / f"photos-{photos}"
    facts_file = root / "facts.json"
    if facts_file.is_file():
        return root, json.loads(facts_file.read_text())
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    started = time.perf_counter()
    print(f"  building an inspection with {photos} photos …", flush=True)
    facts = build_data(root, photos)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return root, facts


def signing_key(cache: Path) -> tuple[Path, Path]:
    key, password = cache / "bench-key.p12", cache / "bench-password.txt"
    if not key.is_file():
        from inspection.signing.pades import create_signing_key
        create_signing_key(name="张三", organisation="金山区经济委员会", password=PASSWORD,
                           out=key)
    password.write_text(PASSWORD + "\n")
    return key, password


# --- measuring (each run its own process) -----------------------------------------------------

def run(args: list[str], *, cache_home: Path | None = None,
        ) -> tuple[float, float, subprocess.CompletedProcess | None]:
    """Run the program with *args*: (wall seconds, peak RSS in MB, the finished process).

    The CPU seconds of the run (user + system) are kept in ``run.cpu``: on a busy machine
    they say more than the wall time. *cache_home* runs it with that XDG cache folder (a
    fresh one: the report's parsed fonts made from scratch, as on a first run)."""
    command = [sys.executable, str(ROOT / "main.py"), *args]
    env = dict(os.environ, PARK_INSPECTOR_LANG="zh")
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = str(cache_home)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    run.cpu = usage.ru_utime + usage.ru_stime  # type: ignore[attr-defined]
    out, err = process.stdout.read(), process.stderr.read()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({process.returncode}): "
                         f"{err.decode(errors='replace')[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, subprocess.CompletedProcess(command, 0, out, err)


def io_floor(photo_files: list[Path], size: int, target: Path) -> float:
    """Read the photos and write + fsync a file of *size* bytes: the least a report can cost."""
    started = time.perf_counter()
    written = 0
    with open(target, "wb") as out:
        for path in photo_files:
            data = path.read_bytes()
            out.write(data)
            written += len(data)
        while written < size:
            chunk = min(size - written, MB)
            out.write(b"\0" * chunk)
            written += chunk
        out.flush()
        os.fsync(out.fileno())
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def fresh_copy(root: Path, name: str) -> Path:
    """A data folder with its own database and the shared media (signing locks the copy)."""
    copy = root / name
    shutil.rmtree(copy, ignore_errors=True)
    copy.mkdir()
    shutil.copy2(root / "data" / "inspections.db", copy / "inspections.db")
    os.symlink(root / "data" / "media", copy / "media")
    return copy


def bench_size(cache: Path, photos: int, runs: int, start_floor: float, start_cpu: float, *,
               sign: bool = True) -> dict:
    root, facts = prepared_data(cache, photos)
    data, inspection_id = root / "data", facts["inspection_id"]
    out = root / "report.pdf"
    times, peaks, cpus = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-cold-cache-") as cold:
        out.unlink(missing_ok=True)  # the first report after installing: no parsed fonts yet
        run(["--data-dir", str(data), "report", inspection_id, "--out", str(out)],
            cache_home=Path(cold))
        cold_cpu = run.cpu  # type: ignore[attr-defined]
    for _ in range(runs):
        out.unlink(missing_ok=True)
        elapsed, peak, _ = run(["--data-dir", str(data), "report", inspection_id,
                                "--out", str(out)])
        times.append(elapsed)
        cpus.append(run.cpu)  # type: ignore[attr-defined]
        peaks.append(peak)
    pdf_size = out.stat().st_size
    pages = _pages(out)
    photo_files = sorted((data / "media").glob("*/*.report.jpg"))
    io = min(io_floor(photo_files, pdf_size, root / "floor.bin") for _ in range(runs))
    row = {"photos": photos, "report_mb": facts["report_bytes"] / MB, "pdf_mb": pdf_size / MB,
           "pages": pages, "report_s": min(times), "report_median_s": statistics.median(times),
           "report_cpu_s": min(cpus), "cold_cpu_s": cold_cpu, "peak_mb": max(peaks), "io_s": io,
           "start_s": start_floor, "start_cpu_s": start_cpu}
    if not sign:
        return row
    key, password = signing_key(cache)
    signed_times, signed_peaks = [], []
    for number in range(runs):
        copy = fresh_copy(root, f"signed-data-{number}")
        signed = root / f"signed-{number}.pdf"
        signed.unlink(missing_ok=True)
        elapsed, peak, _ = run(["--data-dir", str(copy), "report", inspection_id,
                                "--out", str(signed), "--sign", str(key),
                                "--password-file", str(password), "--acknowledge-missing"])
        signed_times.append(elapsed)
        signed_peaks.append(peak)
    from inspection.signing.verify import verify_pdf
    verified = verify_pdf(root / "signed-0.pdf").ok
    for number in range(runs):
        shutil.rmtree(root / f"signed-data-{number}", ignore_errors=True)
        (root / f"signed-{number}.pdf").unlink(missing_ok=True)
    return {**row, "signed_s": min(signed_times), "signed_peak_mb": max(signed_peaks),
            "verified": verified}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    for line in info.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return -1


def print_table(rows: list[dict]) -> None:
    print()
    print(f"{'photos':>6} {'pages':>5} {'PDF MB':>7} │ {'report s':>8} {'cpu s':>6} {'floor s':>7} "
          f"({'start':>5} + {'io':>5}) {'×floor':>6} │ {'peak MB':>7} {'MB/photo':>8} │ "
          f"{'signed s':>8} {'sign+ s':>7} {'peak MB':>7} {'valid':>5}")
    for row in rows:
        floor = row["start_s"] + row["io_s"]
        signed = (f"{row['signed_s']:>8.2f} {row['signed_s'] - row['report_s']:>7.2f} "
                  f"{row['signed_peak_mb']:>7.0f} {'yes' if row['verified'] else 'NO':>5}"
                  if "signed_s" in row else f"{'—':>8} {'—':>7} {'—':>7} {'—':>5}")
        print(f"{row['photos']:>6} {row['pages']:>5} {row['pdf_mb']:>7.1f} │ "
              f"{row['report_s']:>8.2f} {row.get('report_cpu_s', 0):>6.2f} {floor:>7.2f} "
              f"({row['start_s']:>5.2f} + "
              f"{row['io_s']:>5.2f}) {row['report_s'] / floor:>5.1f}× │ "
              f"{row['peak_mb']:>7.0f} {row['peak_mb'] / row['photos']:>8.3f} │ {signed}")
    print()
    print("CPU seconds (wall time says little on a busy machine):")
    for row in rows:
        own = row["report_cpu_s"] - row["start_cpu_s"]
        print(f"  {row['photos']:>5} photos: report {row['report_cpu_s']:.2f} s = start "
              f"{row['start_cpu_s']:.2f} s + its own work {own:.2f} s; with the font cache "
              f"empty (first run) {row['cold_cpu_s']:.2f} s")
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        slope = (last["peak_mb"] - first["peak_mb"]) / (last["photos"] - first["photos"])
        print(f"peak memory per added photo ({first['photos']} → {last['photos']}): "
              f"{slope:.3f} MB   (goal ≤ 0.1 MB per photo; 2,000 photos < 350 MB)")
        pages = last["pages"] - first["pages"]
        if pages > 0:
            per_page = (last["report_cpu_s"] - first["report_cpu_s"]) / pages
            print(f"CPU per added page ({first['pages']} → {last['pages']} pages): "
                  f"{per_page * 1000:.2f} ms")
    print("goal: report ≤ 2× floor (floor = the program's start + read/write/fsync of the PDF's "
          "size); signing's fixed cost (sign+) ≤ 0.2 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,2000",
                        help="photo counts, comma-separated (default 100,300,2000)")
    parser.add_argument("--runs", type=int, default=2, help="runs per figure (best is shown)")
    parser.add_argument("--cache", type=Path,
                        help="keep the built data folders here and reuse them next time")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--no-sign", action="store_true",
                        help="the unsigned report only (no signed runs)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    cache = args.cache or Path(tempfile.mkdtemp(prefix="bench-report-"))
    cache.mkdir(parents=True, exist_ok=True)
    try:
        starts = []
        for _ in range(5):
            starts.append((run(["report", "--help"])[0], run.cpu))  # type: ignore[attr-defined]
        start_floor = min(wall for wall, _ in starts)
        start_cpu = min(cpu for _, cpu in starts)
        rows = []
        for photos in sizes:
            print(f"{photos} photos:", flush=True)
            row = bench_size(cache, photos, args.runs, start_floor, start_cpu,
                             sign=not args.no_sign)
            rows.append(row)
            signed = f", signed {row['signed_s']:.2f} s" if "signed_s" in row else ""
            print(f"  report {row['report_s']:.2f} s ({row['report_cpu_s']:.2f} s CPU), "
                  f"peak {row['peak_mb']:.0f} MB{signed}", flush=True)
        print_table(rows)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1))
    finally:
        if args.cache is None:
            shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
