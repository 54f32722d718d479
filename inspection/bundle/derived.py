"""Copies a bundle carries of its photos — the report-size copy and the thumbnail — are made
from the originals by the sender's program; a bundle could carry any picture under those names
instead. They are kept only when they show the original: both are reduced to a small grey
sample and compared, overall and block by block (a swapped or retouched picture differs far
beyond what JPEG re-encoding does). A copy that does not show its original is made here from
the original instead (inspection.bundle.importer)."""
from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageChops, ImageOps, ImageStat

from inspection.photos.image_file import THUMBNAIL_LONG_EDGE, THUMBNAIL_QUALITY

SIDE = 64  # the sample: SIDE × SIDE grey pixels, whatever the picture's shape
BLOCKS = 8  # compared as BLOCKS × BLOCKS blocks too (each 1/64 of the picture)
MAX_MEAN = 6.0  # mean absolute difference, of 255 (re-encoding: under 1)
MAX_BLOCK = 16.0  # the worst block's mean difference (re-encoding: 2 or less)
MAX_ASPECT = 0.03  # relative difference of width/height


@dataclass(frozen=True)
class Sample:
    pixels: Image.Image
    aspect: float


def sample(source: Path | bytes) -> Sample | None:
    """The picture reduced to its sample (upright, grey), or None when it cannot be decoded."""
    try:
        with Image.open(io.BytesIO(source) if isinstance(source, bytes) else source) as image:
            if image.format in ("JPEG", "MPO"):
                image.draft("RGB", (SIDE * 4, SIDE * 4))  # libjpeg decodes at 1/8 when it may
            image.load()
            upright = ImageOps.exif_transpose(image)
            grey = upright.convert("L")
            return Sample(grey.resize((SIDE, SIDE), Image.Resampling.BOX), grey.width / grey.height)
    except Exception:  # any picture Pillow cannot read is not shown to resemble anything
        return None


def shows(original: Sample | None, copy: Sample | None) -> bool:
    """Whether *copy* shows the picture *original* is (a derived copy, not another picture)."""
    if original is None or copy is None:
        return False
    if abs(original.aspect - copy.aspect) > MAX_ASPECT * original.aspect:
        return False
    difference = ImageChops.difference(original.pixels, copy.pixels)
    mean = ImageStat.Stat(difference).mean[0]
    worst = max(ImageStat.Stat(difference.resize((BLOCKS, BLOCKS), Image.Resampling.BOX)).extrema[0])
    return mean <= MAX_MEAN and worst <= MAX_BLOCK


def thumbnail_of(report_image: Path) -> bytes | None:
    """A thumbnail made here from a report-size copy (as the photo importer makes one)."""
    try:
        with Image.open(report_image) as image:
            image.load()
            small = image.convert("RGB")
    except Exception:  # an unreadable copy: the photo keeps no thumbnail rather than a wrong one
        return None
    small.thumbnail((THUMBNAIL_LONG_EDGE, THUMBNAIL_LONG_EDGE), Image.Resampling.LANCZOS,
                    reducing_gap=2.0)
    out = io.BytesIO()
    small.save(out, "JPEG", quality=THUMBNAIL_QUALITY)
    return out.getvalue()
