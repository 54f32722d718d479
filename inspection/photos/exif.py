"""What a photo's EXIF says: when it was taken and where (decimal degrees). A photo whose EXIF
is broken is still a photo: what cannot be read is left out, never an error."""
from __future__ import annotations

import contextlib
import logging
import math
from datetime import datetime

from PIL import ExifTags, Image

log = logging.getLogger(__name__)


def read_exif(image: Image.Image) -> Image.Exif:
    try:
        return image.getexif()
    except Exception:  # a photo with broken EXIF is still a photo
        log.warning("unreadable EXIF ignored", exc_info=True)
        return Image.Exif()


def taken_at(exif: Image.Exif) -> str | None:
    """DateTimeOriginal (or DateTimeDigitized) as ISO 'YYYY-MM-DDTHH:MM:SS', local time."""
    try:
        details = exif.get_ifd(ExifTags.IFD.Exif)
    except Exception:
        return None
    for tag in (ExifTags.Base.DateTimeOriginal, ExifTags.Base.DateTimeDigitized):
        value = details.get(tag)
        if isinstance(value, bytes):
            value = value.decode("ascii", "replace")
        if not isinstance(value, str):
            continue
        text = value.strip().strip("\x00").strip()[:19]
        for pattern in ("%Y:%m:%d %H:%M:%S", "%Y-%m-%d %H:%M:%S"):
            with contextlib.suppress(ValueError):  # "0000:00:00 00:00:00" from unset clocks
                return datetime.strptime(text, pattern).isoformat(timespec="seconds")
    return None


def gps_position(exif: Image.Exif) -> tuple[float, float] | None:
    """Decimal (latitude, longitude), south and west negative; None when absent or invalid."""
    try:
        info = exif.get_ifd(ExifTags.IFD.GPSInfo)
        lat = degrees(info[ExifTags.GPS.GPSLatitude], info.get(ExifTags.GPS.GPSLatitudeRef), "S")
        lon = degrees(info[ExifTags.GPS.GPSLongitude], info.get(ExifTags.GPS.GPSLongitudeRef),
                       "W")
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon)) or abs(lat) > 90 or abs(lon) > 180:
        return None
    return round(lat, 7), round(lon, 7)


def degrees(dms: object, ref: object, negative: str) -> float:
    """(degrees, minutes, seconds) rationals and an N/S/E/W reference → signed decimal."""
    parts = [float(v) for v in (dms if isinstance(dms, (tuple, list)) else (dms,))]
    value = sum(part / 60 ** i for i, part in enumerate(parts[:3]))
    if isinstance(ref, bytes):
        ref = ref.decode("ascii", "replace")
    return -value if isinstance(ref, str) and ref.strip("\x00 ").upper() == negative else value
