"""What a PDF needs to know of a JPEG before embedding it as it is (DCTDecode): its frame
header (size, colour components), read without decoding the picture; no reportlab here, so the
Word export and the photo checks use it too."""
from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

# SOFn markers a PDF reader decodes (DCTDecode): baseline, extended sequential, progressive.
_SOF_MARKERS = {0xC0, 0xC1, 0xC2}
_NO_LENGTH = {0x01, *range(0xD0, 0xD8)}  # markers without a length field (TEM, RSTn)
_HEADER_LIMIT = 1 << 20  # the frame header of a sane JPEG comes well within its first MB


@dataclass(frozen=True)
class JpegInfo:
    width: int
    height: int
    components: int  # 1 grey, 3 colour, 4 CMYK


def jpeg_info(path: Path) -> JpegInfo | None:
    """The frame header of the JPEG at *path*, or None when the file is missing, is not a
    JPEG a PDF reader can show (lossless, arithmetic, 12-bit …), or is cut short (no end
    marker). Reads the header and the last two bytes only."""
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            info = _frame_header(handle)
            if info is None or size < 4:
                return None
            handle.seek(size - 2)
            if handle.read(2) != b"\xff\xd9":
                return None  # truncated: the decoder would stop half-way
            return info
    except OSError:
        return None


def _frame_header(handle: BinaryIO) -> JpegInfo | None:
    if handle.read(2) != b"\xff\xd8":
        return None
    while handle.tell() < _HEADER_LIMIT:
        byte = handle.read(1)
        if not byte:
            return None
        if byte != b"\xff":
            continue  # padding between segments
        marker = handle.read(1)
        while marker == b"\xff":
            marker = handle.read(1)
        if not marker:
            return None
        code = marker[0]
        if code in _NO_LENGTH:
            continue
        if code in (0xD9, 0xDA):  # end of image, or the scan before any frame header
            return None
        length_bytes = handle.read(2)
        if len(length_bytes) < 2:
            return None
        length = struct.unpack(">H", length_bytes)[0]
        if length < 2:
            return None
        if code in _SOF_MARKERS:
            data = handle.read(6)
            if len(data) < 6:
                return None
            precision, height, width, components = struct.unpack(">BHHB", data)
            if precision != 8 or not width or not height or components not in (1, 3, 4):
                return None
            return JpegInfo(width, height, components)
        if 0xC3 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
            return None  # lossless, hierarchical or arithmetic-coded: not for a PDF
        handle.seek(length - 2, os.SEEK_CUR)
    return None
