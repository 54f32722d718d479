"""Evidence photo import: formats, orientation, EXIF, refusals, crash safety, batches."""
import errno
import hashlib
import io
import os
import shutil
import struct
import threading
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pillow_heif
import pytest
from PIL import ExifTags, Image, ImageFile

from inspection.demo.demo_photos import make_demo_photo
from inspection.paths import DataDir
from inspection.photos import image_file as photo_import
from inspection.photos.importer import (
    PhotoRejected,
    Rejected,
    collect_image_files,
    prepare_photo,
    prepare_photos,
    remove_stale_temp_files,
)

RED, GREEN, BLUE, YELLOW, WHITE = (220, 30, 30), (30, 200, 30), (30, 30, 220), (240, 220, 20), \
    (255, 255, 255)
# Upright quadrant colours: top-left, top-right, bottom-left, bottom-right.
QUADRANTS = (RED, GREEN, BLUE, YELLOW)
# How a camera stores an upright scene for each EXIF orientation (the inverse of displaying it).
STORED_AS = {1: None, 2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
             4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
             6: Image.Transpose.ROTATE_90, 7: Image.Transpose.TRANSVERSE,
             8: Image.Transpose.ROTATE_270}


# --- helpers ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def camera_jpeg(tmp_path_factory) -> Path:
    """A 4000×3000 camera JPEG taken with the phone held upright (EXIF orientation 6)."""
    return make_demo_photo(tmp_path_factory.mktemp("camera") / "IMG_0006.JPG", seed=6,
                           caption_text="3号厂房 消防通道", gps=(30.741234, 121.230567),
                           taken_at=datetime(2026, 11, 20, 10, 15, 30), orientation=6)


@pytest.fixture
def data_dir(tmp_path) -> DataDir:
    return DataDir(tmp_path / "data").ensure()


def files_in(data_dir: DataDir) -> list[str]:
    """Every file under the data folder (temporary files included), relative and sorted."""
    return sorted(p.relative_to(data_dir.root).as_posix()
                  for p in data_dir.root.rglob("*") if p.is_file())


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def quadrant_image(size=(400, 300)) -> Image.Image:
    width, height = size
    image = Image.new("RGB", size)
    for (x, y), colour in zip([(0, 0), (1, 0), (0, 1), (1, 1)], QUADRANTS):
        image.paste(colour, (x * width // 2, y * height // 2, (x + 1) * width // 2,
                             (y + 1) * height // 2))
    return image


def quadrant_colours(image: Image.Image) -> list[tuple[int, int, int]]:
    width, height = image.size
    return [image.getpixel((x * width // 2 + width // 4, y * height // 2 + height // 4))
            for y in (0, 1) for x in (0, 1)]


def close(colour, expected, tolerance=40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour, expected))


def exif_with(orientation=1, taken="2026:11:20 09:30:00", gps=None) -> bytes:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.DateTimeOriginal] = taken
    if gps:
        info = exif.get_ifd(ExifTags.IFD.GPSInfo)
        info[ExifTags.GPS.GPSLatitudeRef], info[ExifTags.GPS.GPSLatitude] = gps[0]
        info[ExifTags.GPS.GPSLongitudeRef], info[ExifTags.GPS.GPSLongitude] = gps[1]
    return exif.tobytes()


def oriented_jpeg(path: Path, orientation: int) -> Path:
    upright = quadrant_image()
    method = STORED_AS[orientation]
    stored = upright.transpose(method) if method is not None else upright
    stored.save(path, "JPEG", quality=95, exif=exif_with(orientation))
    return path


def small_jpeg(path: Path, seed: int = 1) -> Path:
    return make_demo_photo(path, seed=seed, size=(800, 600), gps=(30.5, 121.25),
                           taken_at=datetime(2026, 11, 20, 9) + timedelta(minutes=seed))


def blank_png(path: Path, width: int, height: int) -> Path:
    """A valid 1-bit PNG of any size, built row by row: 30000×30000 takes ~0.1 s and 100 KB."""
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte + packed bits
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row * min(1000, height - y)) for y in range(0, height, 1000))
    idat += packer.flush()

    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat)
                     + chunk(b"IEND", b""))
    return path


def report_of(data_dir: DataDir, prepared) -> Image.Image:
    with Image.open(data_dir.report_image(prepared.sha256)) as image:
        image.load()
        return image


# --- good photos -----------------------------------------------------------------------------

def test_camera_jpeg_is_stored_with_an_upright_report_image(camera_jpeg, data_dir):
    before = sha256(camera_jpeg)
    prepared = prepare_photo(camera_jpeg, data_dir)
    assert (prepared.width, prepared.height) == (3000, 4000)  # orientation 6: portrait
    assert prepared.ext == "jpg" and prepared.original_name == "IMG_0006.JPG"
    assert prepared.sha256 == before and prepared.size == camera_jpeg.stat().st_size
    assert prepared.taken_at == "2026-11-20T10:15:30"
    assert prepared.gps == pytest.approx((30.741234, 121.230567), abs=1e-6)
    original = data_dir.original(prepared.sha256, "jpg")
    assert original.read_bytes() == camera_jpeg.read_bytes() and sha256(camera_jpeg) == before
    report = report_of(data_dir, prepared)
    assert report.format == "JPEG" and report.size == (1200, 1600)
    assert report.getexif().get(ExifTags.Base.Orientation, 1) == 1  # no second rotation
    # Upright means sky on top: the top band is blue, the bottom band is grey asphalt.
    top = report.crop((0, 0, 1200, 100)).resize((1, 1), Image.Resampling.BOX).getpixel((0, 0))
    bottom = report.crop((0, 1500, 1200, 1600)).resize((1, 1), Image.Resampling.BOX).getpixel(
        (0, 0))
    assert top[2] - top[0] > 60 and abs(bottom[2] - bottom[0]) < 20
    with Image.open(io.BytesIO(prepared.thumbnail_jpeg)) as thumbnail:
        assert thumbnail.format == "JPEG" and thumbnail.size == (192, 256)
    assert files_in(data_dir) == sorted([original.relative_to(data_dir.root).as_posix(),
                                         data_dir.report_image(prepared.sha256)
                                         .relative_to(data_dir.root).as_posix()])


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied_after_shrinking(tmp_path, data_dir, orientation):
    photo = oriented_jpeg(tmp_path / f"o{orientation}.jpg", orientation)
    prepared = prepare_photo(photo, data_dir)
    assert (prepared.width, prepared.height) == (400, 300)
    report = report_of(data_dir, prepared)
    assert report.size == (400, 300)  # small photos are not enlarged
    colours = quadrant_colours(report)
    assert all(close(c, e) for c, e in zip(colours, QUADRANTS)), colours


def test_png_transparency_is_laid_onto_white(tmp_path, data_dir):
    image = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    image.paste(RED + (255,), (0, 0, 150, 200))
    image.save(tmp_path / "plan.png")
    prepared = prepare_photo(tmp_path / "plan.png", data_dir)
    assert prepared.ext == "png" and (prepared.width, prepared.height) == (300, 200)
    assert prepared.taken_at is None and prepared.gps is None
    report = report_of(data_dir, prepared)
    assert report.mode == "RGB"
    assert close(report.getpixel((75, 100)), RED, 12)
    assert close(report.getpixel((225, 100)), WHITE, 3)


def _palette_with_transparency(path):
    image = Image.new("P", (40, 30), 1)
    image.putpalette([*RED, 0, 0, 0])
    image.save(path, transparency=1)


@pytest.mark.parametrize("make, name, expected", [
    (_palette_with_transparency, "p.png", WHITE),
    (lambda p: Image.new("LA", (40, 30), (0, 0)).save(p), "la.png", WHITE),
    (lambda p: Image.new("I;16", (40, 30), 32768).save(p), "grey16.png", (128, 128, 128)),
    (lambda p: Image.new("1", (40, 30), 1).save(p), "bits.png", WHITE),
    (lambda p: Image.new("CMYK", (40, 30), (0, 255, 255, 0)).save(p), "cmyk.jpg", (255, 0, 0)),
    (lambda p: Image.new("L", (40, 30), 100).save(p), "grey.jpg", (100, 100, 100)),
    (lambda p: Image.new("RGB", (40, 30), RED).save(
        p, "MPO", save_all=True, append_images=[Image.new("RGB", (40, 30), BLUE)]),
     "depth.jpg", RED),
], ids=["palette+transparency", "grey+alpha", "16-bit grey", "1-bit", "CMYK JPEG",
        "grey JPEG", "MPO JPEG"])
def test_every_image_mode_becomes_rgb(tmp_path, data_dir, make, name, expected):
    make(tmp_path / name)
    prepared = prepare_photo(tmp_path / name, data_dir)
    assert prepared.ext == name.rsplit(".", 1)[1]
    report = report_of(data_dir, prepared)
    assert report.mode == "RGB" and close(report.getpixel((20, 15)), expected, 12)


def test_heic_photo_is_imported_upright_with_its_exif(tmp_path, data_dir):
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this pillow-heif build has no HEVC encoder, so no HEIC can be written")
    stored = quadrant_image().transpose(STORED_AS[6])  # a phone held upright
    gps = (("N", (31.0, 14.0, 30.0)), ("E", (121.0, 28.0, 12.0)))
    stored.save(tmp_path / "IMG_1234.HEIC", format="HEIF", quality=90,
                exif=exif_with(6, "2026:11:21 14:05:09", gps))
    prepared = prepare_photo(tmp_path / "IMG_1234.HEIC", data_dir)
    assert prepared.ext == "heic" and (prepared.width, prepared.height) == (400, 300)
    assert prepared.taken_at == "2026-11-21T14:05:09"
    assert prepared.gps == pytest.approx((31.241667, 121.47), abs=1e-5)
    assert data_dir.original(prepared.sha256, "heic").read_bytes() == (
        tmp_path / "IMG_1234.HEIC").read_bytes()
    colours = quadrant_colours(report_of(data_dir, prepared))
    assert all(close(c, e) for c, e in zip(colours, QUADRANTS)), colours  # rotated once only


@pytest.mark.parametrize("gps", [(30.741234, 121.230567), (-33.8688, -70.6693), (51.5, -0.1276)])
def test_gps_and_capture_time_are_read_with_their_signs(tmp_path, data_dir, gps):
    taken = datetime(2026, 11, 20, 10, 15, 30, tzinfo=timezone(timedelta(hours=8)))
    photo = make_demo_photo(tmp_path / "p.jpg", seed=3, size=(640, 480), taken_at=taken, gps=gps)
    prepared = prepare_photo(photo, data_dir)
    assert prepared.gps == pytest.approx(gps, abs=1e-6)
    assert prepared.taken_at == "2026-11-20T10:15:30"


def test_missing_or_unset_exif_gives_no_time_and_no_place(tmp_path, data_dir):
    Image.new("RGB", (64, 48), RED).save(tmp_path / "plain.jpg")
    quadrant_image().save(tmp_path / "unset.jpg", exif=exif_with(1, "0000:00:00 00:00:00"))
    for name in ("plain.jpg", "unset.jpg"):
        prepared = prepare_photo(tmp_path / name, data_dir)
        assert (prepared.taken_at, prepared.gps) == (None, None)


def test_same_photo_twice_is_stored_once_and_not_rewritten(camera_jpeg, tmp_path, data_dir):
    first = prepare_photo(camera_jpeg, data_dir)
    original = data_dir.original(first.sha256, "jpg")
    stat = original.stat()
    copy = shutil.copy(camera_jpeg, tmp_path / "same photo.jpeg")
    second = prepare_photo(copy, data_dir)
    assert second.sha256 == first.sha256 and second.ext == "jpg"
    assert second.original_name == "same photo.jpeg"
    assert (original.stat().st_ino, original.stat().st_mtime_ns) == (stat.st_ino,
                                                                     stat.st_mtime_ns)
    assert len(files_in(data_dir)) == 2  # one original, one report image


def test_demo_photo_looks_like_a_camera_file(camera_jpeg):
    with Image.open(camera_jpeg) as image:
        exif = image.getexif()
        assert image.format == "JPEG" and image.size == (4000, 3000)
        assert exif[ExifTags.Base.Make] and exif[ExifTags.Base.Model]
        assert exif[ExifTags.Base.Orientation] == 6
    assert 1.5e6 <= camera_jpeg.stat().st_size <= 4.5e6


# --- bad files -------------------------------------------------------------------------------

def _unreadable(tmp_path, monkeypatch, camera):
    path = shutil.copy(camera, tmp_path / "locked.jpg")
    os.chmod(path, 0)
    if os.access(path, os.R_OK):  # running as root: permissions do not stop us, so pretend
        real_open = open

        def refusing_open(file, *args, **kwargs):
            if Path(file) == Path(path):
                raise PermissionError(errno.EACCES, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(photo_import, "open", refusing_open, raising=False)
    return Path(path)


def _write(name, content):
    def make(tmp_path, monkeypatch, camera):
        (tmp_path / name).write_bytes(content(camera) if callable(content) else content)
        return tmp_path / name
    return make


def _pillow(name, fmt):
    def make(tmp_path, monkeypatch, camera):
        Image.new("RGB", (32, 24), RED).save(tmp_path / name, fmt)
        return tmp_path / name
    return make


BAD_FILES = {
    "empty": (_write("empty.jpg", b""), "空"),
    "truncated JPEG": (_write("cut.jpg", lambda c: c.read_bytes()[:c.stat().st_size // 2]),
                       "不完整"),
    "JPEG without its end": (_write("end.jpg", lambda c: c.read_bytes()[:-200]), "不完整"),
    "text named .jpg": (_write("notes.jpg", "现场记录：消防通道堵塞".encode()), "无法识别"),
    "PDF named .jpg": (_write("scan.jpg", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"), "PDF"),
    "GIF": (_pillow("anim.gif", "GIF"), "不支持的格式（GIF）"),
    "BMP": (_pillow("shot.bmp", "BMP"), "不支持的格式（BMP）"),
    "TIFF named .jpg": (_pillow("scan.jpg", "TIFF"), "不支持的格式（TIFF）"),
    "WebP": (_pillow("web.webp", "WEBP"), "不支持的格式（WEBP）"),
    "30000×30000": (lambda t, m, c: blank_png(t / "huge.png", 30000, 30000), "图片过大"),
    "108 megapixels": (lambda t, m, c: blank_png(t / "big.png", 12000, 9000), "图片过大"),
    "missing file": (lambda t, m, c: t / "gone.jpg", "找不到"),
    "a folder": (lambda t, m, c: (t / "folder.jpg").mkdir() or t / "folder.jpg", "文件夹"),
    "permission denied": (_unreadable, "权限"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_file_is_refused_and_changes_nothing(case, camera_jpeg, tmp_path, data_dir,
                                                 monkeypatch):
    make, reason = BAD_FILES[case]
    good = prepare_photo(small_jpeg(tmp_path / "good.jpg"), data_dir)
    before = files_in(data_dir)
    bad = make(tmp_path, monkeypatch, camera_jpeg)
    with pytest.raises(PhotoRejected, match=reason) as refused:
        prepare_photo(bad, data_dir)
    assert "\n" not in str(refused.value) and str(refused.value).startswith(bad.name)
    result = prepare_photos([bad], data_dir)
    assert result.prepared == [] and result.rejected == [Rejected(bad, refused.value.reason)]
    assert files_in(data_dir) == before
    assert data_dir.original(good.sha256, "jpg").exists()


def test_truncated_file_is_refused_even_if_someone_allowed_them(camera_jpeg, tmp_path,
                                                                data_dir, monkeypatch):
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    cut = tmp_path / "cut.jpg"
    cut.write_bytes(camera_jpeg.read_bytes()[:1_000_000])
    with pytest.raises(PhotoRejected, match="不完整"):
        prepare_photo(cut, data_dir)
    assert files_in(data_dir) == []


def test_pixel_limit_holds_when_pillow_limit_is_lifted(tmp_path, data_dir, monkeypatch):
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", None)
    with pytest.raises(PhotoRejected, match="12000×9000 像素"):
        prepare_photo(blank_png(tmp_path / "big.png", 12000, 9000), data_dir)
    assert files_in(data_dir) == []


def test_batch_imports_the_good_files_and_lists_the_bad(tmp_path, data_dir):
    first, second = small_jpeg(tmp_path / "a.jpg", 1), small_jpeg(tmp_path / "c.jpg", 2)
    (tmp_path / "b.jpg").write_bytes(b"")
    (tmp_path / "d.jpg").write_text("not a photo")
    paths = [first, tmp_path / "b.jpg", second, tmp_path / "d.jpg"]
    result = prepare_photos(paths, data_dir)
    assert [p.original_name for p in result.prepared] == ["a.jpg", "c.jpg"]
    assert [r.path.name for r in result.rejected] == ["b.jpg", "d.jpg"]
    assert all(r.reason for r in result.rejected) and result.cancelled == []
    assert len(files_in(data_dir)) == 4


# --- crash safety ------------------------------------------------------------------------------

def _fail_renaming_onto(monkeypatch, suffix):
    real_replace = os.replace

    def replace(src, dst):
        if str(dst).endswith(suffix):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)


def test_failed_write_leaves_nothing_of_the_photo(tmp_path, data_dir, monkeypatch):
    photo = small_jpeg(tmp_path / "a.jpg")
    _fail_renaming_onto(monkeypatch, ".report.jpg")
    with pytest.raises(PhotoRejected, match="无法保存"):
        prepare_photo(photo, data_dir)
    assert files_in(data_dir) == []  # neither the original nor any temporary file


def test_failed_write_keeps_the_files_of_an_earlier_import(tmp_path, data_dir, monkeypatch):
    photo = small_jpeg(tmp_path / "a.jpg")
    earlier = prepare_photo(photo, data_dir)
    data_dir.report_image(earlier.sha256).unlink()
    _fail_renaming_onto(monkeypatch, ".report.jpg")
    with pytest.raises(PhotoRejected):
        prepare_photo(photo, data_dir)
    assert data_dir.original(earlier.sha256, "jpg").read_bytes() == photo.read_bytes()
    assert len(files_in(data_dir)) == 1


def test_stale_temporary_files_are_swept(data_dir):
    folder = data_dir.media / "ab"
    folder.mkdir(parents=True)
    old, fresh = folder / ".abc.jpg.x1.tmp", folder / ".abd.jpg.x2.tmp"
    old.write_bytes(b"partial")
    fresh.write_bytes(b"being written")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert remove_stale_temp_files(data_dir) == 1
    assert not old.exists() and fresh.exists()


# --- batches: cancel, progress -----------------------------------------------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_cancel_after_the_first_file_stops_cleanly(tmp_path, data_dir, workers):
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(6)]
    done = []
    result = prepare_photos(paths, data_dir, workers=workers,
                            progress=lambda d, t, n: done.append(d),
                            should_cancel=lambda: bool(done))
    # The files already being worked on finish; none is started after the cancel.
    assert len(result.prepared) == workers
    assert result.cancelled == paths[workers:] and result.rejected == []
    stored = files_in(data_dir)
    assert len(stored) == 2 * workers and not [f for f in stored if f.endswith(".tmp")]


def test_cancel_before_start_imports_nothing(tmp_path, data_dir):
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(3)]
    result = prepare_photos(paths, data_dir, should_cancel=lambda: True)
    assert result.cancelled == paths and result.prepared == [] and files_in(data_dir) == []


def test_progress_counts_every_file_in_the_callers_thread(tmp_path, data_dir):
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(4)] + [tmp_path / "gone.jpg"]
    calls = []
    result = prepare_photos(paths, data_dir, progress=lambda d, t, n: calls.append(
        (d, t, n, threading.get_ident())))
    assert [c[0] for c in calls] == [1, 2, 3, 4, 5] and {c[1] for c in calls} == {5}
    assert sorted(c[2] for c in calls) == sorted(p.name for p in paths)
    assert {c[3] for c in calls} == {threading.get_ident()}
    assert [p.original_name for p in result.prepared] == [p.name for p in paths[:4]]


@pytest.mark.parametrize("workers", [1, 2])
def test_each_outcome_is_handed_over_as_its_file_finishes(tmp_path, data_dir, workers):
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(4)] + [tmp_path / "gone.jpg"]
    events = []
    result = prepare_photos(
        paths, data_dir, workers=workers,
        on_outcome=lambda i, o: events.append(("outcome", i, o, threading.get_ident())),
        progress=lambda d, t, n: events.append(("progress", d)))
    outcomes = [e for e in events if e[0] == "outcome"]
    assert sorted(e[1] for e in outcomes) == list(range(5))
    assert {e[3] for e in outcomes} == {threading.get_ident()}  # in the caller's thread
    assert [e[0] for e in events] == ["outcome", "progress"] * 5  # each before its progress
    by_index = {e[1]: e[2] for e in outcomes}
    assert [by_index[i] for i in range(4)] == result.prepared
    assert by_index[4] == result.rejected[0] and by_index[4].path == paths[4]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_error_in_on_outcome_stops_the_batch_after_the_files_in_flight(tmp_path, data_dir,
                                                                          workers):
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(6)]
    seen = []

    def on_outcome(index, outcome):
        seen.append(index)
        raise OSError(28, "No space left on device")

    with pytest.raises(OSError):
        prepare_photos(paths, data_dir, workers=workers, on_outcome=on_outcome)
    assert len(seen) == 1
    stored = files_in(data_dir)  # the files in flight were finished whole, none started after
    assert len(stored) == 2 * workers and not [f for f in stored if f.endswith(".tmp")]


def test_one_photo_a_core_is_decoded_while_one_more_is_read_or_written(tmp_path, data_dir,
                                                                       monkeypatch):
    """The default batch: DECODING_AT_ONCE photos decoded and encoded at once, never more,
    and one more file in flight meanwhile (being read, or written and flushed)."""
    from inspection.photos import importer

    monkeypatch.setattr(importer, "DECODING_AT_ONCE", 2)
    paths = [small_jpeg(tmp_path / f"p{i}.jpg", i) for i in range(6)]
    lock = threading.Lock()
    state = {"in_flight": 0, "most_in_flight": 0, "decoding": 0, "most_decoding": 0}
    all_started = threading.Event()
    decode, read = photo_import._decode, photo_import._read

    def change(key, by):
        with lock:
            state[key] += by
            state[f"most_{key}"] = max(state[f"most_{key}"], state[key])
            if state["in_flight"] == 3:
                all_started.set()

    def counted_read(path):
        change("in_flight", 1)
        return read(path)

    def counted_decode(path, data):
        change("decoding", 1)
        try:
            all_started.wait(5)  # the third file waits at the gate meanwhile
            return decode(path, data)
        finally:
            change("decoding", -1)

    def counted_prepare(path, data_dir, *, decoding=None):
        try:
            return prepare(path, data_dir, decoding=decoding)
        finally:
            change("in_flight", -1)

    prepare = importer.prepare_photo
    monkeypatch.setattr(photo_import, "_read", counted_read)
    monkeypatch.setattr(photo_import, "_decode", counted_decode)
    monkeypatch.setattr(importer, "prepare_photo", counted_prepare)
    result = prepare_photos(paths, data_dir)
    assert len(result.prepared) == 6
    assert state["most_decoding"] == 2 and state["most_in_flight"] == 3


# --- finding files ---------------------------------------------------------------------------

def test_dropped_folders_are_expanded_to_photo_files(tmp_path):
    drop = tmp_path / "drop"
    for name in ["a/IMG_2.JPG", "a/img_10.jpeg", "B/c.Heic", "B/deep/d.PNG", "notes.txt",
                 "anim.gif", "._IMG_2.JPG", ".thumbs/x.jpg"]:
        (drop / name).parent.mkdir(parents=True, exist_ok=True)
        (drop / name).write_bytes(b"x")
    (tmp_path / "extra.gif").write_bytes(b"x")
    found = collect_image_files([drop, str(tmp_path / "extra.gif"), drop / "a" / "IMG_2.JPG",
                                 tmp_path / "gone.jpg"])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "drop/a/img_10.jpeg", "drop/a/IMG_2.JPG", "drop/B/c.Heic", "drop/B/deep/d.PNG",
        "extra.gif", "gone.jpg"]  # named files are kept, to be refused with a reason


# --- with the store ----------------------------------------------------------------------------

def test_imported_photos_are_recorded_and_pass_check_db(store, inspection, camera_jpeg,
                                                        tmp_path):
    Image.new("RGBA", (320, 240), (0, 0, 255, 128)).save(tmp_path / "sketch.png")
    result = prepare_photos([camera_jpeg, tmp_path / "sketch.png"], store.data_dir)
    for prepared in result.prepared:
        assert store.add_photo(inspection.id, prepared, caption="现场").wrote
    photos = store.photos(inspection.id)
    assert [(p.ext, p.width, p.height) for p in photos] == [("jpg", 3000, 4000),
                                                            ("png", 320, 240)]
    assert photos[0].taken_at == "2026-11-20T10:15:30"
    assert photos[0].gps == pytest.approx((30.741234, 121.230567), abs=1e-6)
    assert store.thumbnail(photos[0].id)[:2] == b"\xff\xd8"
    again = prepare_photos([camera_jpeg], store.data_dir).prepared[0]
    assert store.add_photo(inspection.id, again).wrote is False
    report = store.check()
    assert report.ok, report.problems
    assert report.checked["photo_files"] == 2
