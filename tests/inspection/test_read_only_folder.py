"""A data folder that cannot be written (read-only media, a full disk) still reads: list,
check-db, backup, report and export work, so the data can be copied off; edits are refused
with one line saying why, and nothing is changed.

The folder is made read-only, or its disk full, for real: a read-only bind mount, or a small
tmpfs filled up, inside a private mount namespace (``unshare -m``) that vanishes with the test
process. Skipped where that is not allowed (not root, no unshare).
"""
import json
import shlex
import shutil
import subprocess
import sys

import pytest
from PIL import Image

from inspection.photos.importer import prepare_photos
from inspection.store import open_store
from tests.conftest import ROOT


def _can_unshare() -> bool:
    if shutil.which("unshare") is None:
        return False
    done = subprocess.run(["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                          capture_output=True)
    return done.returncode == 0


pytestmark = pytest.mark.skipif(not _can_unshare(),
                                reason="needs a private mount namespace (unshare -m, as root)")


@pytest.fixture
def data(tmp_path):
    root = tmp_path / "data"
    photo = tmp_path / "p.jpg"
    Image.new("RGB", (320, 240), (30, 120, 30)).save(photo)
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
        store.save_answer(inspection.id, "000", "1-1-1", result="fail", note="积水")
        for prepared in prepare_photos([photo], store.data_dir).prepared:
            store.add_photo(inspection.id, prepared)
    return root, inspection.id


def commands(root, inspection_id, out) -> dict[str, list[str]]:
    cli = [sys.executable, str(ROOT / "main.py")]
    folder = ["--data-dir", str(root)]
    return {
        "list": [*cli, "inspection", "list", "--json", *folder],
        "show": [*cli, "inspection", "show", inspection_id, *folder],
        "check-db": [*cli, "check-db", *folder],
        "backup": [*cli, "backup", "--out", str(out / "b.zip"), *folder],
        "report": [*cli, "report", inspection_id, "--out", str(out / "r.pdf"), *folder],
        "export": [*cli, "export", inspection_id, "--xlsx", str(out / "e.xlsx"), *folder],
        "answer": [*cli, "inspection", "answer", inspection_id, "1-1-2", "--result", "pass",
                   *folder],
    }


def run_in_namespace(setup: str, argvs: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
    """Run *setup* (shell) then each command, in one private mount namespace; each command's
    exit status and stderr."""
    lines = [setup]
    for name, argv in argvs.items():
        lines.append(f"{shlex.join(argv)} >/dev/null 2>/tmp/.ns-{name}-$$; "
                     f"echo \"{name} $? $(base64 -w0 /tmp/.ns-{name}-$$)\"; rm -f /tmp/.ns-{name}-$$")
    done = subprocess.run(["unshare", "-m", "sh", "-c", "set -e\n" + lines[0] + "\nset +e\n"
                           + "\n".join(lines[1:])], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    import base64
    results = {}
    for line in done.stdout.splitlines():
        name, code, err = (line.split(" ", 2) + [""])[:3]
        results[name] = (int(code), base64.b64decode(err).decode("utf-8", "replace"))
    return results


def assert_reads_work_and_edits_are_refused(results, out, reason: str) -> None:
    for name in ("list", "show", "check-db", "backup", "report", "export"):
        code, err = results[name]
        assert code == 0, (name, err)
    code, err = results["answer"]
    assert code in (1, 2) and reason in err and len(err.strip().splitlines()) <= 2, err
    assert "Traceback" not in err
    for name in ("b.zip", "r.pdf", "e.xlsx"):
        assert (out / name).is_file()


def test_a_read_only_folder_still_reads(data, tmp_path):
    root, inspection_id = data
    out = tmp_path / "out"
    out.mkdir()
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    setup = f"mount --bind {shlex.quote(str(root))} {shlex.quote(str(root))}; " \
            f"mount -o remount,bind,ro {shlex.quote(str(root))}"
    results = run_in_namespace(setup, commands(root, inspection_id, out))
    assert_reads_work_and_edits_are_refused(results, out, "无法写入")
    assert "只读" in results["list"][1]  # said once, on stderr: opened read-only
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    with open_store(root) as store:  # writable again: nothing was lost or half-written
        assert store.check().ok


KILLED_AFTER_AN_EDIT = """
import os, signal, sys
sys.path.insert(0, sys.argv[3])
from inspection.store import open_store
store = open_store(sys.argv[1])
store.save_answer(sys.argv[2], "000", "1-1-1", note="最后一次")
os.kill(os.getpid(), signal.SIGKILL)  # the edit is in the write-ahead log only
"""


def test_a_full_disk_still_reads_so_the_data_can_be_copied_off(data, tmp_path):
    root, inspection_id = data
    subprocess.run([sys.executable, "-c", KILLED_AFTER_AN_EDIT, str(root), inspection_id,
                    str(ROOT)], timeout=120)
    assert (root / "inspections.db-wal").stat().st_size > 0
    out = tmp_path / "out"
    out.mkdir()
    mount = tmp_path / "small-disk"
    mount.mkdir()
    full = mount / "data"
    setup = (f"mount -t tmpfs -o size=4m tmpfs {shlex.quote(str(mount))}; "
             f"cp -a {shlex.quote(str(root))} {shlex.quote(str(full))}; "
             f"rm -f {shlex.quote(str(full / 'inspections.db-shm'))}; "
             f"dd if=/dev/zero of={shlex.quote(str(mount / 'filler'))} bs=64k 2>/dev/null || true")
    results = run_in_namespace(setup, commands(full, inspection_id, out))
    assert_reads_work_and_edits_are_refused(results, out, "磁盘已满")
    # The backup taken from the full disk is whole and restores elsewhere.
    from inspection.store import restore
    manifest = restore(out / "b.zip", tmp_path / "copied-off")
    assert not manifest["missing"] and not manifest["damaged"]
    with open_store(tmp_path / "copied-off") as store:
        # the last edit, which was in the write-ahead log only, is in the copy too
        assert store.answer(inspection_id, "000", "1-1-1").note == "最后一次"
        assert json.loads(json.dumps(store.check().to_dict()))["ok"]
