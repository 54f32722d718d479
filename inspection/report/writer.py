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

import os
import queue
import threading
import zlib
from io import BufferedReader
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc

from inspection.report.pdf_images import GREY_PIXEL, LazyJpeg


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
            self._add_payload(number, version, image, document, GREY_PIXEL)
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
