"""Photos taken with the program's camera, written as JPEG files an importer takes like any other.

The camera gives frames, not files. A frame taken is written here as a JPEG whose EXIF holds the
moment it was taken (DateTimeOriginal, local time, as a camera writes it), then imported by the
same path as photos from a folder (inspection.photos.importer): the same checks, the same
content-addressed storage, the same capture-time order (inspection.photos.order).
"""
from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from PIL import Image

from inspection.files import write_atomic

JPEG_QUALITY = 92
EXIF_TIME = "%Y:%m:%d %H:%M:%S"


def capture_name(taken_at: datetime, number: int = 1) -> str:
    """相机_20261120_093012.jpg (and _2, _3 … for several in one second)."""
    suffix = f"_{number}" if number > 1 else ""
    return f"相机_{taken_at:%Y%m%d_%H%M%S}{suffix}.jpg"


def write_capture(width: int, height: int, rgb: bytes, folder: Path, *,
                  taken_at: datetime, make: str = "") -> Path:
    """Write an RGB frame (*width* × *height*, 3 bytes a pixel, rows top to bottom) as a JPEG
    in *folder* with its capture time in EXIF; returns the file (a new name, never overwritten)."""
    image = Image.frombytes("RGB", (width, height), rgb)
    exif = Image.Exif()
    stamp = taken_at.strftime(EXIF_TIME)
    exif[0x0132] = stamp  # DateTime
    exif[0x010F] = make or "Park Inspector"  # Make: where the photo came from
    details = exif.get_ifd(0x8769)  # the Exif IFD
    details[0x9003] = stamp  # DateTimeOriginal
    details[0x9004] = stamp  # DateTimeDigitized
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while (folder / capture_name(taken_at, number)).exists():
        number += 1
    out = folder / capture_name(taken_at, number)
    data = BytesIO()
    image.save(data, "JPEG", quality=JPEG_QUALITY, exif=exif.tobytes())
    write_atomic(out, data.getvalue())
    return out
