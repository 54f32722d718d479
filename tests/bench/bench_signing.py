"""Time signing's fixed cost and verify on big files; print the figures (asserts nothing).

Run by hand (pytest does not collect it): ``.venv/bin/python tests/bench/bench_signing.py``.

1. Signing's fixed cost (issue 15: goal ≤ 0.2 s): the demo inspection's report made by the
   command line, unsigned (``report ID --out``) and signed (``report ID --out --sign``), each in a
   fresh process on a fresh copy of the data folder; the medians and their difference. Also
   ``sign_pdf`` alone in a fresh process: the first signature (imports, font) and a second one.
2. verify on big files (issue 10, item 12): the signed demo report with N MB of zeros after
   ``%%EOF`` (sparse files), ``verify`` in a fresh process: wall time and peak memory (the
   process's own high-water mark, from wait4).

``--root DIR`` runs another checkout's ``main.py`` (e.g. an export of an older commit made with
``git archive``) with this Python; ``--compare DIR`` measures the signing cost of both
checkouts interleaved, run by run, so a busy machine slows both alike.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "bench-password-1"


CPU: dict[str, float] = {"last": 0.0}  # CPU seconds (user + system) of the last run


def run(root: Path, *args: str | Path, check: bool = True) -> tuple[float, float, int, str]:
    """(seconds, peak MB, exit status, stdout) of ``main.py ARGS`` in a fresh process; its CPU
    time (less disturbed by other work on the machine) is left in CPU["last"]."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(root / "main.py"), *map(str, args)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=root)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    out = process.stdout.read().decode() if process.stdout else ""
    err = process.stderr.read().decode() if process.stderr else ""
    process.returncode = os.waitstatus_to_exitcode(status)
    CPU["last"] = usage.ru_utime + usage.ru_stime
    if check and process.returncode not in (0, 1, 3, 4):
        raise SystemExit(f"main.py {' '.join(map(str, args))} failed: {err}")
    return seconds, usage.ru_maxrss / 1024, process.returncode, out


def acknowledge(root: Path) -> list[str]:
    """The demo's inspection is not complete: a checkout that refuses to sign it without
    acknowledging that is told so (older ones do not know the flag)."""
    source = root / "inspection" / "cli" / "reports.py"
    return ["--acknowledge-missing"] if "acknowledge-missing" in source.read_text("utf-8") else []


def setup(root: Path, folder: Path) -> tuple[Path, str, Path, Path]:
    """A data folder with the demo inspection, a key and its password file."""
    data = folder / "data"
    run(root, "--data-dir", data, "demo")
    listing = run(root, "--data-dir", data, "inspection", "list")[3]
    inspection_id = next(line.split()[0] for line in listing.splitlines() if "示例" in line)
    password = folder / "pw"
    password.write_text(PASSWORD + "\n", encoding="utf-8")
    key = folder / "bench.p12"
    run(root, "--data-dir", data, "key", "new", "--name", "王建国", "--organisation", "金山区经委",
        "--out", key, "--password-file", password)
    return data, inspection_id, key, password


def signing_cost(root: Path, folder: Path, runs: int) -> Path:
    data, inspection_id, key, password = setup(root, folder)
    unsigned, signed, unsigned_cpu, signed_cpu = [], [], [], []
    out = folder / "signed.pdf"
    for n in range(runs):
        for kind in ("unsigned", "signed"):
            copy = folder / f"data-{kind}-{n}"
            shutil.copytree(data, copy)
            target = folder / f"{kind}-{n}.pdf"
            extra = ["--sign", key, "--password-file", password, *acknowledge(root)] \
                if kind == "signed" else []
            seconds = run(root, "--data-dir", copy, "report", inspection_id, "--out", target,
                          *extra)[0]
            (signed if kind == "signed" else unsigned).append(seconds)
            (signed_cpu if kind == "signed" else unsigned_cpu).append(CPU["last"])
            if kind == "signed":
                shutil.copyfile(target, out)
            shutil.rmtree(copy)
    u, s = statistics.median(unsigned), statistics.median(signed)
    print(f"report, unsigned   median {u:.2f} s  ({', '.join(f'{x:.2f}' for x in unsigned)})")
    print(f"report, signed     median {s:.2f} s  ({', '.join(f'{x:.2f}' for x in signed)})")
    print(f"signing fixed cost (signed − unsigned): {s - u:.2f} s   goal ≤ 0.2 s")
    cu, cs = statistics.median(unsigned_cpu), statistics.median(signed_cpu)
    print(f"  in CPU time: unsigned {cu:.2f} s, signed {cs:.2f} s, difference {cs - cu:.2f} s")
    script = (
        "import shutil, sys, time; t0 = time.perf_counter(); "
        "from inspection.signing.pades import load_signing_key, sign_pdf; "
        f"k = load_signing_key(sys.argv[1], {PASSWORD!r}); t1 = time.perf_counter(); "
        "shutil.copyfile(sys.argv[2], sys.argv[3]); sign_pdf(sys.argv[3], key=k); "
        "t2 = time.perf_counter(); shutil.copyfile(sys.argv[2], sys.argv[3]); "
        "sign_pdf(sys.argv[3], key=k); t3 = time.perf_counter(); "
        "print(f'{t1 - t0:.3f} {t2 - t1:.3f} {t3 - t2:.3f}')")
    source = folder / "unsigned-0.pdf"
    for _ in range(2):
        done = subprocess.run([sys.executable, "-c", script, str(key), str(source),
                               str(folder / "again.pdf")], capture_output=True, text=True,
                              cwd=root, check=True)
        load, first, second = done.stdout.split()
        print(f"sign_pdf in a fresh process: import+open key {load} s, first signature {first} s,"
              f" second {second} s")
    return out


def compare(roots: list[Path], folder: Path, runs: int) -> None:
    """Signed − unsigned for each checkout, their runs interleaved."""
    setups = {}
    for n, root in enumerate(roots):
        (folder / f"setup-{n}").mkdir(parents=True)
        setups[root] = setup(root, folder / f"setup-{n}")
    times: dict[tuple[Path, str], list[float]] = {(r, k): [] for r in roots
                                                  for k in ("unsigned", "signed")}
    cpu: dict[tuple[Path, str], list[float]] = {key: [] for key in times}
    for n in range(runs):
        for root in roots:
            data, inspection_id, key, password = setups[root]
            for kind in ("unsigned", "signed"):
                copy = folder / f"copy-{n}-{kind}"
                shutil.copytree(data, copy)
                extra = ["--sign", key, "--password-file", password, *acknowledge(root)] \
                if kind == "signed" else []
                times[(root, kind)].append(run(root, "--data-dir", copy, "report", inspection_id,
                                               "--out", folder / f"{kind}.pdf", *extra)[0])
                cpu[(root, kind)].append(CPU["last"])
                shutil.rmtree(copy)
                (folder / f"{kind}.pdf").unlink()
    for root in roots:
        u = statistics.median(times[(root, "unsigned")])
        s = statistics.median(times[(root, "signed")])
        diffs = [b - a for a, b in zip(times[(root, "unsigned")], times[(root, "signed")],
                                       strict=True)]
        cu = statistics.median(cpu[(root, "unsigned")])
        cs = statistics.median(cpu[(root, "signed")])
        print(f"{root}: unsigned {u:.2f} s, signed {s:.2f} s, signed − unsigned {s - u:.2f} s "
              f"(paired median {statistics.median(diffs):.2f} s); CPU time: unsigned {cu:.2f} s,"
              f" signed {cs:.2f} s, signed − unsigned {cs - cu:.2f} s")


def verify_big(root: Path, signed: Path, folder: Path, sizes: list[int]) -> None:
    data = folder / "verify-data"
    base = None
    for mb in sizes:
        padded = folder / f"padded-{mb}.pdf"
        shutil.copyfile(signed, padded)
        with open(padded, "r+b") as handle:
            handle.truncate(signed.stat().st_size + mb * 1024 * 1024)
        seconds, peak, status, _ = run(root, "--data-dir", data, "verify", padded, check=False)
        padded.unlink()
        if base is None or mb == 0:
            base = (seconds, peak)
        per_mb = (f"  → {(seconds - base[0]) / mb * 1000:.1f} ms and {(peak - base[1]) / mb:.2f} MB "
                  f"per MB of padding" if mb else "")
        print(f"verify, {mb:5d} MB after %%EOF: {seconds:6.2f} s (CPU {CPU['last']:.2f} s), "
              f"peak {peak:6.0f} MB, exit {status}{per_mb}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout whose main.py to run")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--padding", type=int, nargs="*", default=[0, 16, 256, 1024],
                        help="MB of zeros after %%EOF to verify")
    parser.add_argument("--compare", type=Path, help="another checkout: interleaved signing cost")
    args = parser.parse_args()
    if args.compare is not None:
        with tempfile.TemporaryDirectory(prefix="bench-signing-") as tmp:
            compare([args.compare.resolve(), args.root.resolve()], Path(tmp), args.runs)
        return
    with tempfile.TemporaryDirectory(prefix="bench-signing-") as tmp:
        print(f"main.py of {args.root}")
        signed = signing_cost(args.root.resolve(), Path(tmp), args.runs)
        verify_big(args.root.resolve(), signed, Path(tmp), args.padding)


if __name__ == "__main__":
    main()
