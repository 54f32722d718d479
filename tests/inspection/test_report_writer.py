"""The streaming writer (inspection.report.writer): photos read one at a time as they are
written, the file the same as reportlab's own save would make, damaged JPEGs recognised."""
from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest
from reportlab import rl_config

from inspection.report import build_report, pdf, read_attached_results, writer
from inspection.report.errors import ReportError
from inspection.report.jpeg import jpeg_info
from inspection.report.page_images import page_count
from tests.inspection.report_data import fill_inspection, jpeg_bytes


def test_the_writer_holds_one_photo_at_a_time_and_reads_each_once(store, tmp_path,
                                                                   monkeypatch):
    inspection_id = fill_inspection(store, photos=12)
    snapshot = store.snapshot(inspection_id)
    reads: list[Path] = []
    saving: list[writer.StreamingFile] = []
    opened = writer.LazyJpeg.open
    save = writer.save_streaming

    def counted_open(self):
        assert saving, "a photo was read while laying out, not while writing"
        reads.append(self.path)
        return opened(self)

    def counted_save(*args):
        saving.append(None)
        saving[-1] = save(*args)
        return saving[-1]

    monkeypatch.setattr(writer.LazyJpeg, "open", counted_open)
    monkeypatch.setattr(writer, "save_streaming", counted_save)
    out = build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    files = {store.data_dir.report_image(p.sha256) for p in snapshot.photos}
    assert sorted(reads) == sorted(files)  # each photo read once, at writing time
    assert saving[-1].most_images_held == 1
    data = out.read_bytes()
    assert all(path.read_bytes() in data for path in files)


def test_the_streamed_file_is_what_reportlabs_own_save_writes(store, tmp_path, monkeypatch):
    """Object for object and byte for byte (reportlab's invariant mode: no dates, fixed ids)."""
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    monkeypatch.setattr(rl_config, "invariant", 1)
    streamed = build_report(snapshot, tmp_path / "streamed.pdf", data_dir=store.data_dir)

    def reportlab_save(document, canvas, handle):
        handle.write(document.GetPDFData(canvas))

    monkeypatch.setattr(writer, "save_streaming", reportlab_save)
    monkeypatch.setattr(pdf.writer, "save_streaming", reportlab_save)
    own = build_report(snapshot, tmp_path / "own.pdf", data_dir=store.data_dir)
    assert streamed.read_bytes() == own.read_bytes()
    assert read_attached_results(streamed)["inspection"]["id"] == inspection_id


@pytest.mark.parametrize("damage", ["garbage", "truncated", "no_frame", "twelve_bit", "empty"])
def test_damaged_jpegs_are_recognised_from_their_header_and_end(tmp_path, damage):
    good = jpeg_bytes(width=64, height=48, seed=1)
    path = tmp_path / "photo.jpg"
    path.write_bytes(good)
    info = jpeg_info(path)
    assert info is not None and (info.width, info.height, info.components) == (64, 48, 3)
    sof = good.index(b"\xff\xc0")
    bad = {"garbage": b"GIF89a" + good[6:], "truncated": good[:len(good) // 2],
           "no_frame": good[:sof] + b"\xff\xd9", "empty": b"",
           "twelve_bit": good[:sof + 4] + b"\x0c" + good[sof + 5:]}[damage]
    path.write_bytes(bad)
    assert jpeg_info(path) is None
    assert jpeg_info(tmp_path / "missing.jpg") is None


def test_photos_copied_without_sendfile_make_the_same_file(store, tmp_path, monkeypatch):
    """Where the kernel cannot copy (Windows, macOS, across file systems) photos go through a
    buffer: the same bytes."""
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    monkeypatch.setattr(rl_config, "invariant", 1)
    kernel = build_report(snapshot, tmp_path / "kernel.pdf", data_dir=store.data_dir)
    monkeypatch.setattr(writer, "_KERNEL_COPY", False)
    monkeypatch.setattr(writer, "_BLOCK", 4096)  # several pieces a photo
    buffered = build_report(snapshot, tmp_path / "buffered.pdf", data_dir=store.data_dir)
    assert kernel.read_bytes() == buffered.read_bytes()


@pytest.mark.parametrize("change", ["removed", "cut_short"])
def test_a_photo_changed_while_the_file_is_written_leaves_a_readable_pdf(
        store, tmp_path, monkeypatch, change):
    """Each image object keeps the length its dictionary gives: a photo removed before it is
    copied is a grey pixel, one cut short while it is copied is padded; every other object is
    where the cross-reference table says."""
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    victim = store.data_dir.report_image(snapshot.photos[0].sha256)
    opened, copy = writer.LazyJpeg.open, writer.StreamingFile._copy

    def removing_open(self):
        if self.path == victim:
            victim.unlink()
        return opened(self)

    def shrinking_copy(self, source, length, at):
        if source.name == str(victim):
            os.truncate(victim, 500)  # after its length went into the dictionary
        return copy(self, source, length, at)

    if change == "removed":
        monkeypatch.setattr(writer.LazyJpeg, "open", removing_open)
    else:
        monkeypatch.setattr(writer.StreamingFile, "_copy", shrinking_copy)
    out = build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    _assert_every_object_where_the_xref_says(out.read_bytes())
    assert page_count(out) > 3
    assert read_attached_results(out)["inspection"]["id"] == inspection_id


def _assert_every_object_where_the_xref_says(data: bytes) -> None:
    start = int(data[data.rindex(b"startxref") + 9:].split()[0])
    lines = data[start:].split(b"\n")
    assert lines[0] == b"xref"
    first, count = map(int, lines[1].split())
    for number, line in enumerate(lines[2:2 + count], start=first):
        offset, _, kind = line.split()
        if kind == b"n":
            assert data[int(offset):].startswith(b"%d 0 obj" % number), number


def test_photos_are_copied_while_the_objects_after_them_are_written(store, tmp_path,
                                                                     monkeypatch):
    """The worker's copy of a photo overlaps the formatting of what follows it: here every
    photo's copy is held back until the last object is written, and the file is still whole."""
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    monkeypatch.setattr(rl_config, "invariant", 1)
    plain = build_report(snapshot, tmp_path / "plain.pdf", data_dir=store.data_dir).read_bytes()
    everything_written = threading.Event()
    events: list[str] = []
    copy, finish = writer.StreamingFile._copy, writer.StreamingFile.finish

    def held_copy(self, source, length, at):
        assert threading.current_thread() is not threading.main_thread()
        events.append("waited" if everything_written.wait(10) else "timed out")
        return copy(self, source, length, at)

    def noting_finish(self):
        events.append("all objects written")
        everything_written.set()
        return finish(self)

    monkeypatch.setattr(writer.StreamingFile, "_copy", held_copy)
    monkeypatch.setattr(writer.StreamingFile, "finish", noting_finish)
    held = build_report(snapshot, tmp_path / "held.pdf", data_dir=store.data_dir).read_bytes()
    assert events == ["all objects written", "waited", "waited", "waited"]
    assert held == plain
    _assert_every_object_where_the_xref_says(held)


def test_a_photo_that_cannot_be_copied_fails_the_report_and_leaves_no_thread(
        store, tmp_path, monkeypatch):
    inspection_id = fill_inspection(store, photos=3)
    snapshot = store.snapshot(inspection_id)
    threads = threading.active_count()

    def failing_copy(self, source, length, at):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.StreamingFile, "_copy", failing_copy)
    with pytest.raises(ReportError, match="No space"):
        build_report(snapshot, tmp_path / "r.pdf", data_dir=store.data_dir)
    assert threading.active_count() == threads
    assert not (tmp_path / "r.pdf").exists()
