"""Writing a PAdES signature into a report: one incremental update, then its byte range signed.

The update fills the report's empty signature field as pyHanko's signer did: the signature
dictionary (``/Adobe.PPKLite``, ``/ETSI.CAdES.detached``, ``/M``, ``/Name``, ``/Reason``,
``/Location``), a certification (DocMDP, no changes allowed: ``/Reference`` and the catalog's
``/Perms``), ``/SigFlags 3``, the stamp as the field's appearance, and the ESIC (PAdES) and,
for ECDSA on its curves, the ISO/TS 32002 extensions. pyHanko's PDF layer
(``pyhanko.pdf_utils``) reads the report and writes the update; the signature container
(:mod:`inspection.signing.cades`) goes into the space kept for it in ``/Contents``.

The signed digest and the SHA-256 of the whole signed file come from one read of the file.
"""
from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, BinaryIO

from cryptography.hazmat.primitives.asymmetric import ec

from inspection.signing.cades import container_size, signed_data
from inspection.signing.keys import SigningKey
from inspection.signing.stamp import stamp_appearance

if TYPE_CHECKING:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

ISO32002_CURVES = {"secp256r1", "secp384r1", "secp521r1", "brainpoolp256r1",
                   "brainpoolp384r1", "brainpoolp512r1"}
_BYTE_RANGE_WIDTH = 64  # room for "[0 a b c]" with offsets of up to 20 digits
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Signature:
    """What goes into the signature dictionary (besides the container)."""

    name: str
    reason: str
    location: str
    signed_at: datetime
    stamp_lines: list[tuple[str, str]]


def _placeholder_class() -> type:
    from pyhanko.pdf_utils import generic

    class Reserved(generic.PdfObject):
        """Bytes written in the update as they are, their place in the file noted (to be
        overwritten once the byte range is known)."""

        def __init__(self, text: bytes) -> None:
            self.text = text
            self.offset: int | None = None

        def write_to_stream(self, stream: Any, handler: Any = None,
                            container_ref: Any = None) -> None:
            if self.offset is not None:
                raise ValueError("a signature placeholder was written twice")
            self.offset = stream.tell()
            stream.write(self.text)

    return Reserved


def _declare_extensions(writer: IncrementalPdfFileWriter, key: SigningKey) -> None:
    """ESIC (PAdES structures) on PDF 1.7; ISO/TS 32002 (PDF 2.0) for ECDSA on its curves —
    in that order, as pyHanko declares them."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.extensions import DeveloperExtension, DevExtensionMultivalued

    writer.ensure_output_version(version=(1, 7))
    if writer.output_version < (2, 0):
        writer.register_extension(DeveloperExtension(
            prefix_name=generic.pdf_name("/ESIC"), base_version=generic.pdf_name("/1.7"),
            extension_level=1, compare_by_level=True,
            multivalued=DevExtensionMultivalued.NEVER))
    public = key.certificate.public_key()
    if isinstance(public, ec.EllipticCurvePublicKey) and public.curve.name.lower() in ISO32002_CURVES:
        writer.ensure_output_version(version=(2, 0))
        writer.register_extension(DeveloperExtension(
            prefix_name=generic.pdf_name("/ISO_"), base_version=generic.pdf_name("/2.0"),
            extension_level=32002, extension_revision=":2022",
            url="https://www.iso.org/standard/45875.html", compare_by_level=False,
            multivalued=DevExtensionMultivalued.ALWAYS))


def _docmdp_reference() -> Any:
    """The certification's transform: DocMDP, no changes allowed (P 1)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name

    return generic.DictionaryObject({
        pdf_name("/Type"): pdf_name("/SigRef"),
        pdf_name("/TransformMethod"): pdf_name("/DocMDP"),
        pdf_name("/TransformParams"): generic.DictionaryObject({
            pdf_name("/Type"): pdf_name("/TransformParams"),
            pdf_name("/V"): pdf_name("/1.2"),
            pdf_name("/P"): generic.NumberObject(1)})})


def write_signature(writer: IncrementalPdfFileWriter, field: Any, size: tuple[float, float],
                    signature: Signature, key: SigningKey, output: BinaryIO | None = None
                    ) -> str:
    """Fill the signature *field* (a dictionary read through *writer*) and sign.

    The update goes to the end of the writer's own file (*output* None: in place) or, after a
    copy of the original, to *output* (readable and writable). Returns the SHA-256 (hex) of
    the whole signed file.
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.generic import pdf_name, pdf_string

    reserved = _placeholder_class()
    contents = reserved(b"<" + b"0" * (2 * container_size(key) + 64) + b">")
    byte_range = reserved(b"[]" + b" " * _BYTE_RANGE_WIDTH)
    entries = {
        pdf_name("/Type"): pdf_name("/Sig"),
        pdf_name("/Filter"): pdf_name("/Adobe.PPKLite"),
        pdf_name("/SubFilter"): pdf_name("/ETSI.CAdES.detached"),
        pdf_name("/Contents"): contents,
        pdf_name("/ByteRange"): byte_range,
        pdf_name("/M"): generic.pdf_date(signature.signed_at),
        pdf_name("/Name"): pdf_string(signature.name),
    }
    if signature.location:
        entries[pdf_name("/Location")] = pdf_string(signature.location)
    entries[pdf_name("/Reason")] = pdf_string(signature.reason)
    entries[pdf_name("/Reference")] = generic.ArrayObject([_docmdp_reference()])
    signature_ref = writer.add_object(generic.DictionaryObject(entries))

    root = writer.root
    root[pdf_name("/Perms")] = generic.DictionaryObject({pdf_name("/DocMDP"): signature_ref})
    writer.update_root()
    form = root["/AcroForm"]
    form[pdf_name("/SigFlags")] = generic.NumberObject(3)  # signatures exist, append only
    writer.update_container(form)
    field[pdf_name("/V")] = signature_ref
    field[pdf_name("/AP")] = generic.DictionaryObject({
        pdf_name("/N"): stamp_appearance(writer, *size, signature.stamp_lines)})
    writer.update_container(field)
    _declare_extensions(writer, key)

    if output is None:
        writer.write_in_place()
        stream: BinaryIO = writer.prev.stream
    else:
        writer.write(output)
        stream = output
    return _sign_byte_range(stream, contents, byte_range, key)


def _sign_byte_range(stream: BinaryIO, contents: Any, byte_range: Any, key: SigningKey) -> str:
    """Write the byte range, sign the bytes it covers, put the signature in its place."""
    stream.flush()
    end = stream.seek(0, io.SEEK_END)
    if contents.offset is None or byte_range.offset is None:
        raise ValueError("the signature dictionary was not written")
    start, stop = contents.offset, contents.offset + len(contents.text)
    ranges = f"[0 {start} {stop} {end - stop}]".encode("ascii")
    stream.seek(byte_range.offset)
    stream.write(ranges.ljust(len(byte_range.text)))
    stream.flush()
    whole = _hash_prefix(stream, start)  # everything before /Contents, read once
    stream.seek(stop)
    rest = stream.read(end - stop)  # the end of this update: a few kB
    signed = whole.copy()
    signed.update(rest)
    container = signed_data(signed.digest(), key).hex().upper().encode("ascii")
    room = len(contents.text) - 2
    if len(container) > room:
        raise ValueError(f"the signature takes {len(container)} hex digits, {room} were kept")
    filled = b"<" + container.ljust(room, b"0") + b">"
    stream.seek(start)
    stream.write(filled)
    stream.flush()
    whole.update(filled)
    whole.update(rest)
    return whole.hexdigest()


def _hash_prefix(stream: BinaryIO, length: int) -> Any:
    digest = hashlib.sha256()
    buffer = bytearray(_CHUNK)
    view = memoryview(buffer)
    stream.seek(0)
    left = length
    while left > 0:
        got = stream.readinto(view[:min(_CHUNK, left)])  # type: ignore[attr-defined]
        if not got:
            raise ValueError("the file ended before the signature")
        digest.update(view[:got])
        left -= got
    return digest
