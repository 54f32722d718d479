"""Images in the report PDF as reportlab objects: a photo embedded as its JPEG file is (read
from disk only when the object is written: :class:`LazyJpeg`), and small pictures with
transparency drawn once under a fixed name however many pages show them."""
from __future__ import annotations

import hashlib
from io import BufferedReader, BytesIO
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from inspection.report.jpeg import JpegInfo

# A 1×1 grey JPEG: written in place of a photo whose file went between layout and writing.
GREY_PIXEL = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b"
    "0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ff"
    "c0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0b"
    "ffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1"
    "082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a5354"
    "55565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6"
    "a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3"
    "f4f5f6f7f8f9faffda0008010100003f00d2cf20ffd9")


class LazyJpeg(pdfdoc.PDFObject):
    """An image XObject whose JPEG bytes stay in their file until the object is written."""

    def __init__(self, path: Path, info: JpegInfo) -> None:
        self.path = path
        self.info = info

    def dictionary(self, length: int) -> Any:
        color_space = {1: "DeviceGray", 3: "DeviceRGB", 4: "DeviceCMYK"}[self.info.components]
        entries: dict[str, Any] = {
            "Type": pdfdoc.PDFName("XObject"), "Subtype": pdfdoc.PDFName("Image"),
            "Width": self.info.width, "Height": self.info.height, "BitsPerComponent": 8,
            "ColorSpace": pdfdoc.PDFName(color_space),
            "Filter": pdfdoc.PDFArray([pdfdoc.PDFName("DCTDecode")]), "Length": length}
        if self.info.components == 4:  # Adobe CMYK JPEGs are stored inverted (as reportlab)
            entries["Decode"] = pdfdoc.PDFArray([1, 0, 1, 0, 1, 0, 1, 0])
        return pdfdoc.PDFDictionary(entries)

    def payload(self) -> bytes:
        """The JPEG's bytes as they are now (a 1×1 grey pixel if the file went meanwhile)."""
        try:
            return self.path.read_bytes()
        except OSError:
            return GREY_PIXEL

    def open(self) -> BufferedReader | None:
        """The JPEG's file, opened to be copied into the PDF (None if it went meanwhile)."""
        try:
            return open(self.path, "rb")
        except OSError:
            return None

    def head(self, document: Any, length: int) -> bytes:
        """The object's dictionary for a JPEG of *length* bytes, up to its stream's data.

        Formatted by reportlab once for each size and colour model (with the length left
        out), then only the length changes: the bytes are the ones ``format`` would give."""
        key = (self.info, rl_config.pdfMultiLine)
        parts = _HEADS.get(key)
        if parts is None:
            formatted = pdfdoc.format(self.dictionary(-1), document) + b"\nstream\n"
            before, after = formatted.split(b"/Length -1", 1)
            parts = _HEADS[key] = (before + b"/Length ", after)
        return parts[0] + str(length).encode("ascii") + parts[1]

    def parts(self, document: Any, payload: bytes) -> tuple[bytes, bytes]:
        """What comes before and after the JPEG's bytes in the file: dictionary + stream."""
        return self.head(document, len(payload)), b"endstream\n"

    def format(self, document: Any) -> bytes:  # reportlab's own (non-streaming) save
        payload = self.payload()
        head, tail = self.parts(document, payload)
        return head + payload + tail


_HEADS: dict[tuple[JpegInfo, int], tuple[bytes, bytes]] = {}


def draw_jpeg(canvas: Any, path: Path, info: JpegInfo, x: float, y: float, width: float,
              height: float) -> None:
    """Draw the JPEG at *path* like ``canvas.drawImage`` does, as a :class:`LazyJpeg`.

    The same file drawn again is embedded once: the name is the one ``drawImage`` gives a
    file name (so the PDF reads exactly as reportlab's own would).
    """
    name = hashlib.md5(f"{path}None".encode(), usedforsecurity=False).hexdigest()
    document = canvas._doc
    internal = document.getXObjectName(name)
    if internal not in document.idToObject:
        image = LazyJpeg(path, info)
        document.Reference(image, internal)
        document.addForm(name, image)
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{internal} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)


def png_image(name: str, png: bytes) -> dict[str, dict[str, Any]]:
    """The image XObject reportlab makes of *png* (decoded, its alpha channel as a soft mask),
    as plain values that :func:`draw_named_image` draws and a cache can keep: ``image`` and,
    for a picture with transparency, ``smask`` (each the object's attributes)."""
    from reportlab.lib.utils import ImageReader

    image = pdfdoc.PDFImageXObject(name, ImageReader(BytesIO(png)), mask="auto")
    image.name = name
    smask = image.__dict__.pop("_smask", None)
    parts = {"image": dict(vars(image))}
    if smask is not None:
        parts["smask"] = dict(vars(smask))
    return parts


def _image_xobject(attributes: dict[str, Any]) -> pdfdoc.PDFImageXObject:
    image = pdfdoc.PDFImageXObject.__new__(pdfdoc.PDFImageXObject)
    image.__dict__.update(attributes)
    return image


def draw_named_image(canvas: Any, name: str, parts: dict[str, dict[str, Any]], x: float,
                     y: float, width: float, height: float) -> None:
    """Draw a small picture (with transparency; :func:`png_image`) under a fixed *name*:
    embedded once however many pages show it (``drawImage`` would name it by its decoded
    pixels and decode them again on every page)."""
    document = canvas._doc
    internal = document.getXObjectName(name)
    if internal not in document.idToObject:
        image = _image_xobject(parts["image"])
        document.Reference(image, internal)
        document.addForm(name, image)
        if "smask" in parts:  # the alpha channel, as drawImage registers it
            smask = _image_xobject(parts["smask"])
            image.smask = document.Reference(smask, document.getXObjectName(smask.name))
    canvas._currentPageHasImages = 1
    canvas.saveState()
    canvas.translate(x, y)
    canvas.scale(width, height)
    canvas._code.append(f"/{internal} Do")
    canvas.restoreState()
    canvas._formsinuse.append(name)
