"""Writing the report PDF as it goes: photos read from disk one at a time, objects streamed.

reportlab keeps every image it draws in memory (the JPEG's bytes, from the moment it is drawn
until the file is saved), formats every object and joins the whole file into one bytes object
before writing it: a 2,000-photo report held its photos about three times over (2 GB). Here:

- a photo is drawn as a :class:`LazyJpeg`: only its header is read (size, colour components);
  the PDF object names the file;
- :func:`save_streaming` writes the document object by object straight into the file, leaving
  each photo's place for a worker thread that copies the photo from its file into it (inside
  the kernel, ``os.copy_file_range``, where it can: the photo's bytes never enter Python) while
  the objects after it are formatted — one photo copied at a time
  (:attr:`StreamingFile.most_images_held`).

The bytes written are the ones reportlab's own ``SaveToFile`` would write: the same objects in
the same order, the photo embedded byte for byte (DCTDecode), the same cross-reference table
and trailer. Fonts are subset once for the whole document, as before; there is one document,
so outlines, page numbers and the attachment added afterwards are unaffected.
"""
from __future__ import annotations

import hashlib
import os
import queue
import struct
import threading
import zlib
from dataclasses import dataclass
from io import BufferedReader, BytesIO
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

# SOFn markers a PDF reader decodes (DCTDecode): baseline, extended sequential, progressive.
_SOF_MARKERS = {0xC0, 0xC1, 0xC2}
_NO_LENGTH = {0x01, *range(0xD0, 0xD8)}  # markers without a length field (TEM, RSTn)
_HEADER_LIMIT = 1 << 20  # the frame header of a sane JPEG comes well within its first MB
# A 1×1 grey JPEG: written in place of a photo whose file went between layout and writing.
_GREY_PIXEL = bytes.fromhex(
    "ffd8ffe000104a46494600010100000100010000ffdb004300080606070605080707070909080a0c140d0c0b0b"
    "0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432ff"
    "c0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0b"
    "ffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1"
    "082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a5354"
    "55565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6"
    "a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3"
    "f4f5f6f7f8f9faffda0008010100003f00d2cf20ffd9")


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
            return _GREY_PIXEL

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


class StreamingFile:
    """reportlab's ``PDFFile`` (an output collector that knows its offset), writing through
    to a file instead of keeping every string.

    Small objects are gathered into blocks of about :data:`_BLOCK` bytes before they are
    written. A photo's place in the file is known from its size alone, so the file skips over
    it and goes on with the next objects while one worker thread copies the photo into its
    place (``os.copy_file_range``, inside the kernel, at a given offset; where that is not
    available, :data:`_BLOCK`-sized pieces through a buffer): the copying, which releases the
    GIL, runs on the second core while the objects after it are formatted. The worker copies
    one photo at a time, and at most :data:`_QUEUED` more wait with their file open (no bytes
    held); :meth:`finish` waits for the last and raises what went wrong in the worker."""

    def __init__(self, handle: BinaryIO, pdf_version: tuple[int, int]) -> None:
        self.handle = handle
        self.offset = 0
        self.images_held = 0
        self.most_images_held = 0
        self._pending: list[bytes] = []
        self._pending_size = 0
        self._buffer: bytearray | None = None  # for copying without the kernel
        self._jobs: queue.Queue[tuple[BufferedReader, int, int] | None] = queue.Queue(_QUEUED)
        self._worker: threading.Thread | None = None
        self._failed: BaseException | None = None
        self.add(pdfdoc.pdfdocEnc(f"%PDF-{pdf_version[0]}.{pdf_version[1]}")
                 + b"\n%\223\214\213\236 ReportLab Generated PDF document (opensource)\n")

    def add(self, data: bytes | str) -> int:
        encoded: bytes = data if isinstance(data, bytes) else pdfdoc.pdfdocEnc(data)
        where = self.offset
        self._pending.append(encoded)
        self._pending_size += len(encoded)
        self.offset += len(encoded)
        if self._pending_size >= _BLOCK:
            self.flush()
        return where

    def flush(self) -> None:
        """Write what was gathered (and the handle's own buffer) to the file."""
        if self._pending:
            self.handle.write(b"".join(self._pending))
            self._pending.clear()
            self._pending_size = 0
        self.handle.flush()

    def add_image(self, number: int, version: int, image: LazyJpeg, document: Any) -> int:
        """Write *image*'s object, its JPEG copied from its file into its place by the worker
        while the objects after it are written."""
        where = self.offset
        document.encrypt.register(number, version)
        source = image.open()
        if source is None:
            self._add_payload(number, version, image, document, _GREY_PIXEL)
            return where
        try:
            length = os.fstat(source.fileno()).st_size
            self.add(pdfdoc.pdfdocEnc(f"{number} {version} obj\n") + image.head(document, length))
            self.flush()
            at = self.offset
            self.handle.seek(length, os.SEEK_CUR)  # the photo's place, filled by the worker
            self.offset += length
            self._submit(source, length, at)
        except BaseException:
            source.close()
            raise
        self.add(b"endstream\nendobj\n")
        return where

    def _submit(self, source: BufferedReader, length: int, at: int) -> None:
        self._raise_failure()
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="pdf-photo-copy",
                                            daemon=True)
            self._worker.start()
        self._jobs.put((source, length, at))

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            source, length, at = job
            with source:
                if self._failed is not None:
                    continue  # drain: the writer raises the first failure
                self.images_held += 1
                self.most_images_held = max(self.most_images_held, self.images_held)
                try:
                    self._copy(source, length, at)
                except BaseException as exc:
                    self._failed = exc
                finally:
                    self.images_held -= 1

    def _raise_failure(self) -> None:
        if self._failed is not None:
            raise self._failed

    def stop(self) -> None:
        """Wait for the photos still being copied (the worker ends)."""
        if self._worker is not None:
            self._jobs.put(None)
            self._worker.join()
            self._worker = None

    def finish(self) -> None:
        """:meth:`stop`, then raise what went wrong while copying."""
        self.stop()
        self._raise_failure()

    def _add_payload(self, number: int, version: int, image: LazyJpeg, document: Any,
                     payload: bytes) -> None:
        head, tail = image.parts(document, payload)
        self.add(pdfdoc.pdfdocEnc(f"{number} {version} obj\n") + head + payload + tail
                 + b"endobj\n")

    def _copy(self, source: BufferedReader, length: int, at: int) -> None:
        """*length* bytes of *source* into the file at offset *at* (in the worker). Should the
        photo have shrunk since it was measured (changed while the report was written), the
        rest is zeros: the object keeps the length its dictionary gives, and the file stays
        readable."""
        target = self.handle.fileno()
        done = 0
        if _KERNEL_COPY:
            try:
                while done < length:
                    sent = os.copy_file_range(source.fileno(), target, length - done,
                                              done, at + done)
                    if sent == 0:
                        break
                    done += sent
            except OSError:  # another file system, an old kernel: copy through a buffer
                pass
        if done < length:
            buffer = self._buffer = self._buffer or bytearray(_BLOCK)
            view = memoryview(buffer)
            source.seek(done)
            while done < length:
                read = source.readinto(view[:min(len(view), length - done)])
                if not read:
                    break
                done += os.pwrite(target, view[:read], at + done)
        while done < length:
            done += os.pwrite(target, bytes(min(length - done, _BLOCK)), at + done)

    def closeOrReset(self) -> None:  # noqa: N802 - reportlab's name
        self.flush()


# Gathered output is written in blocks of this size; photos copy through a buffer this size.
_BLOCK = 1 << 20
_KERNEL_COPY = hasattr(os, "copy_file_range")  # Linux; elsewhere the buffer
_QUEUED = 4  # photos waiting for the worker, their files open


class _RawName(pdfdoc.PDFObject):
    """A PDF name written as given (``/application#2Fjson``: PDFName would escape the #)."""

    def __init__(self, written: str) -> None:
        self.written = written

    def format(self, document: Any) -> bytes:
        encoded: bytes = pdfdoc.pdfdocEnc("/" + self.written)
        return encoded


def embed_file(document: Any, name: str, payload: bytes, *, mime: str,
               description: str) -> None:
    """Attach *payload* as the file *name* (listed by any PDF reader under attachments): an
    embedded file stream, its file specification and the catalog's EmbeddedFiles name tree —
    in the document itself, before it is written (no second, incremental write)."""
    created = pdfdoc.PDFDate()
    stream = pdfdoc.PDFStream(pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("EmbeddedFile"), "Subtype": _RawName(mime.replace("/", "#2F")),
        "Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]),
        "Params": pdfdoc.PDFDictionary({"Size": len(payload), "CreationDate": created,
                                        "ModDate": created})}),
        content=zlib.compress(payload))
    stream_ref = document.Reference(stream, f"EmbeddedFile.{name}")
    spec = pdfdoc.PDFDictionary({
        "Type": pdfdoc.PDFName("Filespec"), "F": pdfdoc.PDFString(name),
        "UF": pdfdoc.PDFString(name), "Desc": pdfdoc.PDFString(description),
        "EF": pdfdoc.PDFDictionary({"F": stream_ref, "UF": stream_ref})})
    spec_ref = document.Reference(spec, f"Filespec.{name}")
    document.Catalog.Names = pdfdoc.PDFDictionary({"EmbeddedFiles": pdfdoc.PDFDictionary({
        "Names": pdfdoc.PDFArray([pdfdoc.PDFString(name), spec_ref])})})


def signature_field(canvas: Any, name: str, box: tuple[float, float, float, float]) -> None:
    """An empty signature field *name* over *box* (x1, y1, x2, y2) on the canvas's current
    page, as pyHanko's ``append_signature_field`` makes it (widget, print flag, an empty
    appearance, AcroForm with SigFlags 1): the signer fills it in later."""
    x1, y1, x2, y2 = box
    document = canvas._doc
    appearance = pdfdoc.PDFStream(pdfdoc.PDFDictionary({
        "BBox": pdfdoc.PDFArray([0, y2 - y1, x2 - x1, 0]), "Resources": pdfdoc.PDFDictionary({}),
        "Type": pdfdoc.PDFName("XObject"), "Subtype": pdfdoc.PDFName("Form")}), content=b"")
    field = pdfdoc.PDFDictionary({
        "FT": pdfdoc.PDFName("Sig"), "T": pdfdoc.PDFString(name),
        "Type": pdfdoc.PDFName("Annot"), "Subtype": pdfdoc.PDFName("Widget"), "F": 132,
        "Rect": pdfdoc.PDFArray([x1, y1, x2, y2]), "P": document.thisPageRef(),
        "AP": pdfdoc.PDFDictionary({"N": document.Reference(appearance, f"Appearance.{name}")})})
    reference = document.Reference(field, f"SignatureField.{name}")
    canvas._annotationrefs.append(reference)
    document.Catalog.AcroForm = pdfdoc.PDFDictionary({
        "Fields": pdfdoc.PDFArray([reference]), "SigFlags": 1})


def save_streaming(document: Any, canvas: Any, handle: BinaryIO) -> StreamingFile:
    """``PDFDocument.SaveToFile`` (GetPDFData + format) writing each object as it goes."""
    for font in document.delayedFonts:
        font.addObjects(document)
    document.info.invariant = document.invariant
    document.info.digest(document.signature)
    document.Reference(document.Catalog)
    document.Reference(document.info)
    document.Outlines.prepare(document, canvas)
    if document.Outlines.ready < 0:
        document.Catalog.Outlines = None
    document.encrypt.prepare(document)
    catalog, info = document.Catalog, document.info
    document.Reference(catalog)
    document.Reference(info)
    encrypt_ref = None
    encrypt_info = document.encrypt.info()
    if encrypt_info:
        encrypt_ref = document.Reference(encrypt_info)
    out = StreamingFile(handle, document._pdfVersion)
    document.__accum__ = out
    ids = []
    counter = 0
    number_to_id = document.numberToId
    try:
        while True:
            counter += 1
            if counter not in number_to_id:
                break
            oid = number_to_id[counter]
            obj = document.idToObject[oid]
            if isinstance(obj, LazyJpeg):
                if not rl_config.invariant and rl_config.pdfComments:
                    out.add(f"% {ascii(oid)}: class {obj.__class__.__name__[:50]} \n")
                number, version = document.idToObjectNumberAndVersion[oid]
                offset = out.add_image(number, version, obj, document)
            else:
                formatted = pdfdoc.PDFIndirectObject(oid, obj).format(document)
                if not rl_config.invariant and rl_config.pdfComments:
                    out.add(f"% {ascii(oid)}: class {obj.__class__.__name__[:50]} \n")
                offset = out.add(formatted)
            document.idToOffset[oid] = offset
            ids.append(oid)
    except BaseException:
        out.stop()  # no thread left behind: the caller removes the half-written file
        raise
    del document.__accum__
    out.finish()
    if counter - 1 != len(number_to_id):
        raise ValueError(f"object counter {counter} does not match {len(number_to_id)} objects")
    xref = pdfdoc.PDFCrossReferenceTable()
    xref.addsection(0, ids)
    xref_offset = out.add(xref.format(document))
    trailer = pdfdoc.PDFTrailer(startxref=xref_offset, Size=len(number_to_id) + 1,
                                Root=document.Reference(catalog), Info=document.Reference(info),
                                Encrypt=encrypt_ref, ID=document.ID())
    out.add(trailer.format(document))
    out.flush()
    if getattr(document, "_digiSigs", None):
        raise ValueError("reportlab's own digital signatures are not written by this writer")
    return out
