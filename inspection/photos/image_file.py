"""How one image file becomes evidence: read, check, decode small, read EXIF, store safely.

``prepare_photo`` does it for one file (``inspection.photos.importer`` for many). A camera JPEG is
decoded with ``draft`` at 1/2–1/8 scale (libjpeg's DCT scaling, asked for the aspect-correct
target before ``load()``) and rotated by its EXIF orientation only after shrinking; PNG and HEIC
are decoded whole. Everything is checked and encoded in memory before anything is written, and
files are written through a temporary file, fsync and rename, so a refused or failed photo
leaves nothing behind.
"""
from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import os
import re
import stat
import time
import warnings
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

import pillow_heif
from PIL import ExifTags, Image, ImageFile, ImageOps, UnidentifiedImageError

from checklists.errors import Message, UserError, Wording, language, messages
from inspection.files import TEMP_SUFFIX, fsync_dir, open_without_waiting, write_atomic
from inspection.model import PreparedPhoto
from inspection.paths import DataDir
from inspection.photos.exif import gps_position, read_exif, taken_at

log = logging.getLogger(__name__)

REPORT_LONG_EDGE = 1600
THUMBNAIL_LONG_EDGE = 256
REPORT_QUALITY = 85
THUMBNAIL_QUALITY = 80
MAX_PIXELS = 100_000_000  # 1 亿像素: far above any camera, far below a decompression bomb
MAX_FILE_BYTES = 512 * 1024 * 1024
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif"})
# Pillow's format name → the extension the original is stored with. The extension follows the
# content, not the file name, so the same bytes named a.JPG and b.jpeg are one file.
# MPO is how Pillow names a JPEG with extra frames (many phones add a depth or HDR map).
STORED_EXT = {"JPEG": "jpg", "MPO": "jpg", "PNG": "png", "HEIF": "heic"}
STALE_TEMP_SECONDS = 3600.0
MESSAGES = messages({
    "photo.rejected": ("{name}：{reason}", "{name}: {reason}"),
    "photo.reason.folder": ("这是一个文件夹，不是照片文件", "this is a folder, not a photo file"),
    "photo.reason.not_regular": ("不是普通文件（设备、管道或套接字），不能作为照片导入",
                                 "not an ordinary file (a device, pipe or socket): it cannot be"
                                 " imported as a photo"),
    "photo.reason.file_too_large": ("文件过大（超过 {mb} MB）", "the file is too large (over {mb} MB)"),
    "photo.reason.changed": ("文件在导入时被改动（可能仍在复制或写入），未导入；请等它写完后再导入",
                             "the file changed while it was being imported (it may still be being"
                             " copied or written) and was not imported; import it once it is"
                             " complete"),
    "photo.reason.not_found": ("找不到这个文件", "the file is not there"),
    "photo.reason.no_permission": ("没有读取这个文件的权限", "no permission to read the file"),
    "photo.reason.unreadable": ("无法读取文件（{reason}）", "the file cannot be read ({reason})"),
    "photo.reason.empty": ("文件是空的（0 字节）", "the file is empty (0 bytes)"),
    "photo.reason.too_large": ("图片过大（超过 {limit}的上限）",
                               "the picture is too large (over the limit of {limit})"),
    "photo.reason.too_large_size": ("图片过大（{size}，超过 {limit}的上限）",
                                    "the picture is too large ({size}, over the limit of {limit})"),
    "photo.about": ("约 {amount}", "about {amount}"),
    "photo.dimensions": ("{width}×{height} 像素", "{width}×{height} pixels"),
    "photo.reason.damaged": ("图片文件已损坏（{error}）", "the picture file is damaged ({error})"),
    "photo.reason.unsupported": ("不支持的格式（{format}），请导入 JPEG、PNG 或 HEIC 照片",
                                 "unsupported format ({format}); import JPEG, PNG or HEIC photos"),
    "photo.reason.pdf": ("不支持的格式（PDF 文档），请导入 JPEG、PNG 或 HEIC 照片",
                         "unsupported format (a PDF document); import JPEG, PNG or HEIC photos"),
    "photo.reason.unidentified": ("无法识别的图片：文件已损坏，或不是图片（只改了扩展名）",
                                  "not a recognisable picture: the file is damaged, or it is not a"
                                  " picture (only its extension says so)"),
    "photo.reason.zero_size": ("图片尺寸为 0，文件已损坏", "the picture's size is 0: the file is damaged"),
    "photo.reason.incomplete": ("图片文件不完整（可能复制或传输时中断）",
                                "the picture file is incomplete (copying or a transfer may have"
                                " been interrupted)"),
    "photo.reason.undecodable": ("图片数据已损坏，无法解码（{error}）",
                                 "the picture data are damaged and cannot be decoded ({error})"),
    "photo.reason.cannot_store": ("无法保存到数据文件夹（{reason}）",
                                  "it cannot be saved in the data folder ({reason})"),
    "photo.problem.not_jpeg": ("不是 JPEG 文件（{format}）", "not a JPEG file ({format})"),
    "photo.problem.wrong_size": ("尺寸不对（{width}×{height}）", "wrong size ({width}×{height})"),
    "photo.problem.missing": ("文件缺失", "the file is missing"),
    "photo.problem.undecodable": ("无法解码（{error}）", "cannot be decoded ({error})"),
})
CHANGED_WHILE_READ = Message("photo.reason.changed")


def _configure_pillow() -> None:
    """Limits for every image this program opens, set once at import."""
    pillow_heif.register_heif_opener()
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    _refuse_bombs_and_truncated_files()


def _refuse_bombs_and_truncated_files() -> None:
    """Re-asserted before each file: other code (or a test runner) may have changed these."""
    # Between MAX_IMAGE_PIXELS and twice that Pillow only warns: make the warning a refusal.
    warnings.filterwarnings("error", category=Image.DecompressionBombWarning)
    ImageFile.LOAD_TRUNCATED_IMAGES = False


_configure_pillow()


class PhotoRejected(UserError):
    """An image file was refused; nothing of it was stored."""

    def __init__(self, path: Path | str, reason: Message) -> None:
        super().__init__("photo.rejected", name=Path(path).name, reason=reason)
        self.path = Path(path)
        self.reason = reason

    def __reduce__(self) -> tuple[type[PhotoRejected], tuple[Path, Message]]:  # picklable (process pools, log queues) despite two arguments
        return type(self), (self.path, self.reason)


@dataclass
class _Decoded:
    ext: str
    width: int  # upright
    height: int
    report: Image.Image  # RGB, upright, long edge ≤ REPORT_LONG_EDGE
    taken_at: str | None
    gps: tuple[float, float] | None


def prepare_photo(path: Path | str, data_dir: DataDir | Path | str, *,
                  decoding: AbstractContextManager[object] | None = None) -> PreparedPhoto:
    """Check one image file and store its original and report-size JPEG; raises PhotoRejected.

    Everything is decoded and encoded in memory before the first file is written, and a
    failure while writing removes what this call wrote, so a refused photo leaves nothing.
    *decoding* (e.g. a semaphore shared by the threads of a batch) is held while the photo is
    decoded and encoded, not while its file is read or its copies are written and flushed.
    """
    path = Path(path)
    data, read_from = _read(path)
    with decoding if decoding is not None else contextlib.nullcontext():
        sha256 = hashlib.sha256(data).hexdigest()
        try:
            decoded = _decode(path, data)
        except PhotoRejected:
            _refuse_if_changed(path, read_from)  # torn by a writer: say that, not "damaged"
            raise
        report_jpeg = _jpeg(decoded.report, REPORT_QUALITY)
        thumbnail = decoded.report.resize(_fit(decoded.report.size, THUMBNAIL_LONG_EDGE),
                                          Image.Resampling.LANCZOS, reducing_gap=2.0)
        thumbnail_jpeg = _jpeg(thumbnail, THUMBNAIL_QUALITY)
    _refuse_if_changed(path, read_from)  # still being written while it was decoded
    _store(as_data_dir(data_dir), path, sha256, decoded.ext, data, report_jpeg)
    # A file name that is not valid UTF-8 (possible on Linux) is kept readable, not refused.
    name = path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return PreparedPhoto(sha256=sha256, ext=decoded.ext, original_name=name,
                         size=len(data), width=decoded.width, height=decoded.height,
                         thumbnail_jpeg=thumbnail_jpeg, taken_at=decoded.taken_at,
                         gps=decoded.gps)


FileIdentity = tuple[int, int, int, int, int]


def _read(path: Path) -> tuple[bytes, FileIdentity]:
    """The file's bytes, read whole from a regular file that did not change while it was read,
    and its identity (to see later whether it changed). Devices (/dev/zero), pipes and sockets
    are refused before they are opened: they would be read for ever or block."""
    try:
        before = os.stat(path)
        if stat.S_ISDIR(before.st_mode):  # on Windows opening a folder gives "permission denied"
            raise PhotoRejected(path, Message("photo.reason.folder"))
        if not stat.S_ISREG(before.st_mode):
            raise PhotoRejected(path, Message("photo.reason.not_regular"))
        if before.st_size > MAX_FILE_BYTES:
            raise PhotoRejected(path, Message("photo.reason.file_too_large", mb=MAX_FILE_BYTES >> 20))
        # O_NONBLOCK: should a pipe have been put in its place since, opening it never waits.
        with open(path, "rb", opener=open_without_waiting) as handle:
            opened = os.fstat(handle.fileno())
            if not stat.S_ISREG(opened.st_mode) or _identity(opened) != _identity(before):
                raise PhotoRejected(path, CHANGED_WHILE_READ)
            data = handle.read(MAX_FILE_BYTES + 1)
            after = os.fstat(handle.fileno())
    except FileNotFoundError:
        raise PhotoRejected(path, Message("photo.reason.not_found")) from None
    except PermissionError:
        raise PhotoRejected(path, Message("photo.reason.no_permission")) from None
    except OSError as exc:
        raise PhotoRejected(path, Message("photo.reason.unreadable",
                                          reason=str(exc.strerror or exc))) from None
    if len(data) > MAX_FILE_BYTES:
        raise PhotoRejected(path, Message("photo.reason.file_too_large", mb=MAX_FILE_BYTES >> 20))
    if _identity(after) != _identity(before) or len(data) != before.st_size:
        raise PhotoRejected(path, CHANGED_WHILE_READ)
    if not data:
        raise PhotoRejected(path, Message("photo.reason.empty"))
    return data, _identity(before)


def _identity(info: os.stat_result) -> FileIdentity:
    """What changes when a file is written to, appended to or replaced."""
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _refuse_if_changed(path: Path, read_from: FileIdentity) -> None:
    now: FileIdentity | None
    try:
        now = _identity(os.stat(path))
    except OSError:
        now = None
    if now != read_from:
        raise PhotoRejected(path, CHANGED_WHILE_READ)


def report_image_problem(path: Path | str) -> Message | None:
    """What is wrong with a stored report-size image, or None when it decodes whole.

    Decoded at 1/8 scale (libjpeg's DCT scaling): every byte of the entropy-coded data is still
    read, so a truncated or garbled file is found, at a few milliseconds a photo.
    """
    _refuse_bombs_and_truncated_files()
    try:
        with Image.open(path) as image:
            if image.format != "JPEG":
                return Message("photo.problem.not_jpeg", format=image.format)
            width, height = image.size
            if width * height > MAX_PIXELS or width < 1 or height < 1:
                return Message("photo.problem.wrong_size", width=width, height=height)
            image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
            image.load()
    except FileNotFoundError:
        return Message("photo.problem.missing")
    except Exception as exc:  # truncated, garbled, not an image at all
        return Message("photo.problem.undecodable", error=str(exc))
    return None


def _decode(path: Path, data: bytes) -> _Decoded:
    _refuse_bombs_and_truncated_files()
    try:
        image = Image.open(io.BytesIO(data))
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow refused it at open, from the header; its message carries the pixel count.
        found = re.search(r"\((\d+) pixels\)", str(exc))
        raise _too_large(path, Message("photo.about", amount=Pixels(int(found[1])))
                         if found else None) from None
    except UnidentifiedImageError:
        raise PhotoRejected(path, _unidentified_reason(data)) from None
    except Exception as exc:  # a damaged header can raise almost anything inside a plugin
        raise PhotoRejected(path, Message("photo.reason.damaged", error=str(exc))) from None
    with image:
        if image.format not in STORED_EXT:
            raise PhotoRejected(path, Message("photo.reason.unsupported", format=image.format))
        width, height = image.size
        # Our own check from the header, before any pixel is decoded: it holds even if
        # other code lifts Image.MAX_IMAGE_PIXELS, and it can name the size.
        if width * height > MAX_PIXELS:
            raise _too_large(path, Message("photo.dimensions", width=width, height=height))
        if width < 1 or height < 1:
            raise PhotoRejected(path, Message("photo.reason.zero_size"))
        if image.format in ("JPEG", "MPO"):
            # libjpeg decodes straight to 1/2, 1/4 or 1/8 size when asked for an
            # aspect-correct target before load(); it never goes below the target.
            target = _fit(image.size, REPORT_LONG_EDGE)
            if target != image.size:
                image.draft("RGB", target)
        try:
            image.load()  # a full decode: the only way to find a truncated or broken file
        except OSError as exc:
            if "truncated" in str(exc) or "broken data stream" in str(exc):
                raise PhotoRejected(path, Message("photo.reason.incomplete")) from None
            raise PhotoRejected(path, Message("photo.reason.undecodable", error=str(exc))) from None
        except Exception as exc:
            raise PhotoRejected(path, Message("photo.reason.undecodable", error=str(exc))) from None
        exif = read_exif(image)
        orientation = exif.get(ExifTags.Base.Orientation, 1)
        if orientation not in range(1, 9):
            orientation = 1
        rgb = _to_rgb(image)
    reduced = _fit(rgb.size, REPORT_LONG_EDGE)
    if reduced != rgb.size:  # never enlarge: a small photo stays small
        # After the DCT already halved a camera JPEG the rest is a ≤2× step. There bilinear
        # (Pillow's is a true triangle filter when shrinking) is as close to a Lanczos of the
        # full-size decode as bicubic is (mean absolute difference 1.13 vs 0.98 grey levels
        # on the demo photos, 7.2 vs 7.4 on 1-pixel hatching, where the halving itself
        # dominates) and takes 18 ms instead of 27 (2000×1500 → 1600×1200).
        rgb = rgb.resize(reduced, Image.Resampling.BILINEAR, reducing_gap=3.0)
    report = _upright(rgb, orientation)
    if orientation >= 5:  # stored on its side: the upright photo is the other way round
        width, height = height, width
    return _Decoded(ext=STORED_EXT[image.format], width=width, height=height, report=report,
                    taken_at=taken_at(exif), gps=gps_position(exif))


def _too_large(path: Path, size: Message | None) -> PhotoRejected:
    if size is None:
        return PhotoRejected(path, Message("photo.reason.too_large", limit=Pixels(MAX_PIXELS)))
    return PhotoRejected(path, Message("photo.reason.too_large_size", size=size,
                                       limit=Pixels(MAX_PIXELS)))


class Pixels(Wording):
    """A pixel count as each language says it: 1.08 亿像素, 108 megapixels."""

    __slots__ = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Pixels) and other.count == self.count

    def __hash__(self) -> int:
        return hash(self.count)

    def text(self, language_: str | None = None) -> str:
        count = self.count
        if (language_ or language()) == "en":
            return f"{count / 1_000_000:.4g} megapixels" if count >= 1_000_000 else f"{count} pixels"
        if count >= 100_000_000:
            return f"{count / 100_000_000:.3g} 亿像素"
        if count >= 10_000:
            return f"{count / 10_000:.4g} 万像素"
        return f"{count} 像素"


def _unidentified_reason(data: bytes) -> Message:
    if data.startswith(b"%PDF"):
        return Message("photo.reason.pdf")
    return Message("photo.reason.unidentified")


def _fit(size: tuple[int, int], long_edge: int) -> tuple[int, int]:
    """The size with the same aspect whose long edge is at most *long_edge* (never larger)."""
    width, height = size
    if max(width, height) <= long_edge:
        return size
    scale = long_edge / max(width, height)
    return max(1, round(width * scale)), max(1, round(height * scale))


def _to_rgb(image: Image.Image) -> Image.Image:
    """Plain 8-bit RGB; transparency is laid onto white, as the photo would print."""
    if image.mode == "I" or image.mode.startswith("I;16"):
        # 16-bit grey (PNG): convert() would clip every value above 255 to white.
        image = image.convert("I").point(lambda v: v / 256).convert("L")
        image.info.pop("transparency", None)  # a 16-bit value, meaningless now
    if image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return image if image.mode == "RGB" else image.convert("RGB")


def _upright(image: Image.Image, orientation: int) -> Image.Image:
    """Apply the EXIF orientation to the already-shrunk image (cheap: 2 megapixels, not 12)."""
    if orientation == 1:
        return image
    # The shrunk copy has lost the original's EXIF: give it the tag and let Pillow's own
    # table decide the transpose.
    image.getexif()[ExifTags.Base.Orientation] = orientation
    return ImageOps.exif_transpose(image)


def _jpeg(image: Image.Image, quality: int) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality)
    return out.getvalue()


# --- writing -------------------------------------------------------------------------------

def as_data_dir(data_dir: DataDir | Path | str) -> DataDir:
    """Accept a DataDir or the folder it describes."""
    return data_dir if isinstance(data_dir, DataDir) else DataDir(Path(data_dir))


def _store(data_dir: DataDir, path: Path, sha256: str, ext: str, original: bytes,
           report_jpeg: bytes) -> None:
    """Write the original and the report image unless present; on failure undo this call's."""
    original_path = data_dir.original(sha256, ext)
    report_path = data_dir.report_image(sha256)
    folder = original_path.parent
    created: list[Path] = []
    try:
        new_folder = not folder.exists()
        folder.mkdir(parents=True, exist_ok=True)
        if new_folder:
            fsync_dir(folder.parent)
        # Content-addressed: a file already there was renamed into place whole and holds
        # these bytes, so it is left alone. Only a damaged original (wrong size) is rewritten.
        if not (original_path.exists() and original_path.stat().st_size == len(original)):
            write_atomic(original_path, original)
            created.append(original_path)
        if not report_path.exists():
            write_atomic(report_path, report_jpeg)
            created.append(report_path)
    except BaseException as exc:
        for target in created:  # only our own: an earlier import's files may be in use
            with contextlib.suppress(OSError):
                target.unlink()
        if isinstance(exc, OSError):
            raise PhotoRejected(path, Message("photo.reason.cannot_store",
                                              reason=str(exc.strerror or exc))) from None
        raise


def remove_stale_temp_files(data_dir: DataDir | Path | str, *,
                            older_than: float = STALE_TEMP_SECONDS) -> int:
    """Delete temporary files left in media/ by a crash mid-write; returns how many."""
    media = as_data_dir(data_dir).media
    if not media.is_dir():
        return 0
    cutoff = time.time() - older_than
    removed = 0
    for temp in media.glob(f"*/.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if temp.stat().st_mtime < cutoff:
                temp.unlink()
                removed += 1
    return removed
