"""Files the database points at are on disk (fsynced, renamed whole) before they are recorded."""
import hashlib
import os
from pathlib import Path

import pytest

from inspection.excel import export_xlsx
from inspection.files import atomic_target, sha256_file, write_atomic
from inspection.report import build_report
from inspection.results import inspection_results
from inspection.signing.issue import issue_report
from inspection.signing.pades import create_signing_key
from tests.inspection.report_data import fill_inspection

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(),
                                reason="needs /proc to name the file an fsync flushed")
PASSWORD = "durable-2026"


@pytest.fixture
def disk(monkeypatch):
    """Every fsync (by the path it flushed) and rename (or hard link of a new file), in order."""
    events = []
    real_fsync, real_replace, real_link = os.fsync, os.replace, os.link

    def fsync(fd):
        events.append(("fsync", os.path.realpath(os.readlink(f"/proc/self/fd/{fd}"))))
        real_fsync(fd)

    def replace(src, dst):
        events.append(("replace", os.path.realpath(src), os.path.realpath(dst)))
        real_replace(src, dst)

    def link(src, dst, **kwargs):  # a new file that must not replace one (signing keys)
        real_link(src, dst, **kwargs)
        events.append(("replace", os.path.realpath(src), os.path.realpath(dst)))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    monkeypatch.setattr(os, "link", link)
    return events


def assert_written_durably(events, target):
    """*target* came from a rename of a flushed file, and its folder was flushed after."""
    target = os.path.realpath(target)
    renames = [i for i, e in enumerate(events) if e[0] == "replace" and e[2] == target]
    assert renames, f"{target} was not renamed into place"
    index = renames[-1]
    source = events[index][1]
    assert ("fsync", source) in events[:index], f"{source} was not flushed before the rename"
    assert ("fsync", os.path.dirname(target)) in events[index:], "folder not flushed"
    return index


def test_sha256_file_is_the_hash_of_the_bytes(tmp_path):
    path = tmp_path / "a.bin"
    path.write_bytes(b"x" * 3_000_000)
    assert sha256_file(path) == hashlib.sha256(b"x" * 3_000_000).hexdigest()


def test_write_atomic_flushes_then_renames(tmp_path, disk):
    target = tmp_path / "a.txt"
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert_written_durably(disk, target)
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "a.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_target(target) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("disk full")
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_signed_report_is_on_disk_before_it_is_recorded(store, tmp_path, disk, monkeypatch):
    key = create_signing_key(name="张三", organisation="金山区经委", password=PASSWORD,
                             out=tmp_path / "k.p12")
    assert_written_durably(disk, key)
    inspection_id = fill_inspection(store, photos=1)
    real_mark_signed = store.mark_signed

    def mark_signed(*args, **kwargs):
        disk.append(("recorded",))
        return real_mark_signed(*args, **kwargs)

    monkeypatch.setattr(store, "mark_signed", mark_signed)
    out = issue_report(store, inspection_id, key_path=key, password=PASSWORD,
                       out=tmp_path / "signed.pdf")
    (stored,) = store.data_dir.reports.glob("*.pdf")
    assert assert_written_durably(disk, stored) < disk.index(("recorded",))
    assert_written_durably(disk, out)


@pytest.mark.parametrize("kind", ["pdf", "xlsx", "backup"])
def test_exports_and_backups_are_flushed_before_they_are_named(store, tmp_path, disk, kind):
    inspection_id = fill_inspection(store, photos=1)
    snapshot = store.snapshot(inspection_id)
    if kind == "pdf":
        out = build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    elif kind == "xlsx":
        out = export_xlsx(snapshot, inspection_results(snapshot), tmp_path / "r.xlsx")
    else:
        out = tmp_path / "b.zip"
        store.backup(out)
    assert_written_durably(disk, out)
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
