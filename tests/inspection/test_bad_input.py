"""Bad input gets one clear line and changes nothing: dates only as YYYY-MM-DD, ids and searches
literal (% and _ are characters), --data-dir never empty, arguments that are not UTF-8, photos
only from regular files that hold still while they are read."""
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PIL import Image

from inspection.cli import main
from inspection.photos.importer import PhotoRejected, prepare_photo
from inspection.store import open_store
from tests.conftest import ROOT


@pytest.fixture
def data(tmp_path):
    root = tmp_path / "data"
    with open_store(root, actor="张三") as store:
        park = store.add_park("星河园", "manufacturing")
        store.add_park("园区_100%", "service")
        store.add_park("园区A100B", "service")
        inspection = store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
    return root, inspection.id


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("date", ["20240101", "2024-W01-1", "", " ", "2024-1-1", "2024-02-30",
                                  "２０２４-０１-０１", "2024-01-01T10:00"])
def test_dates_are_iso_only(data, capsys, date):
    root, _ = data
    code, _, err = run(capsys, "inspection", "new", "--park", "星河园", "--template", "000",
                       "--inspector", "张三", "--date", date, "--data-dir", root)
    said = "日历上没有" if date == "2024-02-30" else "YYYY-MM-DD"  # written right, not a real day
    assert code == 2 and said in err and len(err.strip().splitlines()) == 1
    with open_store(root) as store:
        assert len(store.inspections()) == 1


def test_a_deadline_is_iso_only(data, capsys):
    root, inspection_id = data
    code, _, err = run(capsys, "finding", "add", inspection_id, "1-1-1", "--requirement", "整改",
                       "--deadline", "20241231", "--data-dir", root)
    assert code == 2 and "YYYY-MM-DD" in err
    assert run(capsys, "finding", "add", inspection_id, "1-1-1", "--requirement", "整改",
               "--deadline", "2024-12-31", "--data-dir", root)[0] == 0


def test_no_date_means_today_but_an_empty_one_is_refused(data, capsys):
    root, _ = data
    code, out, _ = run(capsys, "inspection", "new", "--park", "星河园", "--template", "000",
                       "--inspector", "张三", "--data-dir", root)
    assert code == 0


def test_percent_and_underscore_in_an_id_are_characters(data, capsys):
    root, inspection_id = data
    with open_store(root) as store:
        second = store.new_inspection(1, ["000"], inspectors=["张三"], date="2026-11-21").id
    for wildcard in ("%" + second[1:4], "_" + second[1:4], second[:3] + "%", "%%%%", "____"):
        code, _, err = run(capsys, "inspection", "answer", wildcard, "1-1-1", "--result", "fail",
                           "--data-dir", root)
        assert code == 2, (wildcard, err)
    with open_store(root) as store:
        assert store.answers(inspection_id) == {} and store.answers(second) == {}
    # An exact id, and a prefix of one inspection only, still find it.
    assert run(capsys, "inspection", "answer", second[:8], "1-1-1", "--result", "pass",
               "--data-dir", root)[0] == 0


def test_percent_and_underscore_in_a_search_are_characters(data, capsys):
    root, _ = data
    with open_store(root) as store:
        for park in store.parks()[1:]:
            store.new_inspection(park.id, ["000"], inspectors=["张三"], date="2026-11-20")
    code, out, _ = run(capsys, "inspection", "list", "--search", "_100%", "--json",
                       "--data-dir", root)
    import json
    assert code == 0 and [i["park"] for i in json.loads(out)] == ["园区_100%"]


def test_an_empty_data_dir_is_refused_not_taken_as_the_default(capsys, tmp_path):
    from inspection.paths import default_data_dir
    for argv in (["--data-dir", "", "park", "add", "星河园"], ["park", "add", "星河园", "--data-dir", ""]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "--data-dir" in err
    assert not default_data_dir().exists()


def _main_py(*argv: bytes, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable.encode(), str(ROOT / "main.py").encode(), *argv],
                          capture_output=True, cwd=cwd, timeout=120)


def test_arguments_that_are_not_utf8_are_one_line_not_a_traceback(data, tmp_path):
    root, inspection_id = data
    done = _main_py(b"park", b"add", b"\xff\xfe\xe5\x9b\xad", b"--data-dir", str(root).encode(),
                    cwd=tmp_path)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and b"UTF-8" in done.stderr
    # A file name that is not UTF-8 is a file name all the same.
    photo = tmp_path / os.fsdecode(b"\xff\xfe-photo.jpg")
    Image.new("RGB", (64, 48), (1, 2, 3)).save(photo, "JPEG")
    done = _main_py(b"photo", b"add", inspection_id.encode(), os.fsencode(photo),
                    b"--data-dir", str(root).encode(), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    # An output is named in manifests, logs and reports: its name must be text.
    out = tmp_path / os.fsdecode(b"report-\xff.pdf")
    done = _main_py(b"report", inspection_id.encode(), b"--out", os.fsencode(out),
                    b"--data-dir", str(root).encode(), cwd=tmp_path)
    assert done.returncode == 2 and not out.exists() and b"UTF-8" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_the_error_log_survives_undecodable_text(tmp_path):
    import logging

    from inspection.logs import start_logging, stop_logging
    path = start_logging(tmp_path / "logs")
    try:
        logging.getLogger("test").error("argv: %s", os.fsdecode(b"\xff\xfe"))
    finally:
        stop_logging()
    assert "\\udcff" in path.read_text(encoding="utf-8")


# --- photos: regular files that hold still --------------------------------------------------

@pytest.mark.parametrize("kind", ["/dev/zero", "a pipe", "a folder"])
def test_photos_come_from_regular_files_only(data, tmp_path, capsys, kind):
    root, inspection_id = data
    if kind == "/dev/zero":
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    elif kind == "a pipe":
        path = tmp_path / "photo.jpg"
        os.mkfifo(path)
    else:
        path = tmp_path / "folder.jpg"
        path.mkdir()
    started = time.monotonic()
    with pytest.raises(PhotoRejected):
        prepare_photo(path, root)
    assert time.monotonic() - started < 30  # (it used to read for ever, or wait for a writer)
    code, _, err = run(capsys, "photo", "add", inspection_id, path, "--data-dir", root)
    assert code == 2 and "照片" not in err.split("：")[0]


WRITER = """
import os, sys, time
path, size = sys.argv[1], int(sys.argv[2])
fd = os.open(path, os.O_WRONLY)
n = 0
print("writing", flush=True)
while True:
    # the middle of the file: the header stays a JPEG header, the picture is torn
    os.pwrite(fd, bytes([n % 256]) * 4096, 65536 + (n * 4096) % (size - 2 * 65536))
    n += 1
"""


def test_a_photo_written_to_while_it_is_imported_is_refused(data, tmp_path):
    root, _ = data
    photo = tmp_path / "growing.jpg"
    Image.effect_noise((3000, 2000), 64).convert("RGB").save(photo, "JPEG", quality=95)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(photo),
                               str(photo.stat().st_size)], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout.readline().strip() == "writing"
        for _ in range(3):
            with pytest.raises(PhotoRejected, match="改动"):
                prepare_photo(photo, root)
    finally:
        writer.kill()
        writer.wait()
    assert not [p for p in (root / "media").rglob("*") if p.is_file()]


APPENDER = """
import sys, time
data = open(sys.argv[1], "rb").read()
with open(sys.argv[2], "wb") as out:
    out.write(data[:len(data) // 3]); out.flush()
    print("started", flush=True)
    for i in range(len(data) // 3, len(data), 4096):
        out.write(data[i:i + 4096]); out.flush(); time.sleep(0.002)
"""


def test_a_photo_still_being_copied_is_refused(data, tmp_path):
    root, _ = data
    source = tmp_path / "camera.jpg"
    Image.effect_noise((3000, 2000), 64).convert("RGB").save(source, "JPEG", quality=95)
    copy = tmp_path / "copying.jpg"
    copier = subprocess.Popen([sys.executable, "-c", APPENDER, str(source), str(copy)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert copier.stdout.readline().strip() == "started"
        with pytest.raises(PhotoRejected, match="改动|不完整"):
            prepare_photo(copy, root)
    finally:
        copier.wait(timeout=60)
    prepare_photo(copy, root)  # whole now: taken


@pytest.mark.parametrize("kind", ["/dev/zero", "a pipe", "a folder"])
def test_rate_stars_reads_a_regular_file_only(tmp_path, capsys, kind):
    if kind == "/dev/zero":
        path = Path("/dev/zero")
        if not path.exists():
            pytest.skip("no /dev/zero here")
    elif kind == "a pipe":
        path = tmp_path / "inputs.json"
        os.mkfifo(path)
    else:
        path = tmp_path
    started = time.monotonic()
    code, _, err = run(capsys, "rate-stars", path)
    assert code == 2 and "普通文件" in err and len(err.strip().splitlines()) == 1
    assert time.monotonic() - started < 30  # (it read /dev/zero for ever, waited on a pipe)
