"""Digital signatures on reports: a PAdES B-B certification signature with a Chinese stamp.

Works offline: no timestamp server, no revocation data (B-T/B-LT would need a network). The
signature certifies the report with “no changes allowed”, so any later edit shows up as such.
The signature is written by :mod:`inspection.signing.pdf_signature` (PDF) and
:mod:`inspection.signing.cades` (CMS) on pyHanko's PDF layer; pyHanko's validator checks it
(:mod:`inspection.signing.verify`). Key files are handled by :mod:`inspection.signing.keys`;
its functions are re-exported here.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checklists.errors import messages
from inspection.files import atomic_target
from inspection.report.attachment import SIGNATURE_FIELD, has_attached_results, open_reader
from inspection.report.errors import NotAPdf, NotAReport
from inspection.signing.certificates import check_certificate
from inspection.signing.keys import (
    BadKeyFile,
    KeyExists,
    KeyFileMissing,
    SigningError,
    SigningKey,
    WrongPassword,
    create_signing_key,
    import_signing_key,
    known_certificates,
    load_signing_key,
    remember_certificate,
)
from inspection.signing.pdf_signature import Signature, write_signature
from inspection.signing.stamp import stamp_lines

if TYPE_CHECKING:
    from pyhanko.pdf_utils.reader import PdfFileReader

__all__ = ["sign_pdf", "SignedReport", "create_signing_key", "import_signing_key",
           "load_signing_key", "known_certificates", "remember_certificate", "SigningKey",
           "SigningError", "WrongPassword", "KeyFileMissing", "BadKeyFile", "KeyExists",
           "AlreadySigned"]

SIGNING_REASON = "园区现场检查报告签署"

MESSAGES = messages({
    "sign.missing": ("找不到文件：{path}", "No such file: {path}"),
    "sign.not_report": ("只能签署本程序生成的检查报告：{name}",
                        "Only inspection reports made by this program can be signed: {name}"),
    "sign.already_signed": ("该报告已有数字签名，不能再次签署：{name}",
                            "This report is signed already and cannot be signed again: {name}"),
    "sign.no_field": ("该 PDF 没有预留签名位置，不是可签署的检查报告：{name}",
                      "This PDF has no place kept for the signature: not a report that can be "
                      "signed: {name}"),
})


class AlreadySigned(SigningError):
    """The PDF carries a signature already."""


@dataclass(frozen=True)
class SignedReport:
    path: Path
    signer: str
    organisation: str
    signed_at: datetime
    fingerprint: str = ""  # of the certificate that signed (SHA-256 of its DER, hex)
    sha256: str = ""  # of the signed file, hex


def format_signing_time(moment: datetime) -> str:
    """Local wall time with its UTC offset: 2026-11-20 15:30:12（UTC+08:00）."""
    offset = moment.strftime("%z")
    offset = f"{offset[:3]}:{offset[3:]}" if offset else ""
    return moment.strftime("%Y-%m-%d %H:%M:%S") + (f"（UTC{offset}）" if offset else "")


def _signature_fields(reader: PdfFileReader) -> list[tuple[str, Any, tuple[float, float]]]:
    """(name, field dictionary, (width, height)) of every signature field of the document."""
    try:
        fields = reader.root["/AcroForm"]["/Fields"]
    except (KeyError, TypeError):
        return []
    found = []
    for ref in fields:
        field_obj = ref.get_object()
        if field_obj.get("/FT") == "/Sig":
            try:
                x1, y1, x2, y2 = (float(v) for v in field_obj["/Rect"])
                size = (abs(x2 - x1), abs(y2 - y1))
            except (KeyError, TypeError, ValueError):
                size = (0.0, 0.0)
            found.append((str(field_obj.get("/T", "")), field_obj, size))
    return found


def sign_pdf(pdf: Path, *, key: SigningKey, out: Path | None = None) -> SignedReport:
    """Sign a report PDF with *key* into *out* (or in place when *out* is None).

    Only reports made by this program are signed (they carry the results JSON and the
    reserved stamp box); a report is signed once. The signature: PAdES B-B, certifying (no
    changes allowed), the stamp in the reserved box (:mod:`inspection.signing.pdf_signature`).
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    check_certificate(key.certificate)  # expired, wrong usage, weak key: refused with the reason
    pdf = Path(pdf)
    try:
        handle = open(pdf, "rb" if out is not None else "r+b")  # noqa: SIM115 - closed by the with below
    except FileNotFoundError:
        raise NotAPdf("sign.missing", path=str(pdf)) from None
    with handle:
        reader = open_reader(handle)
        if not has_attached_results(reader):
            raise NotAReport("sign.not_report", name=pdf.name)
        sig_fields = _signature_fields(reader)
        if any("/V" in field for _, field, _ in sig_fields):
            raise AlreadySigned("sign.already_signed", name=pdf.name)
        if key.private_key is None:
            raise ValueError("sign_pdf needs a key opened with load_signing_key, not a described one")
        ours = [(field, size) for name, field, size in sig_fields if name == SIGNATURE_FIELD]
        if not ours or min(ours[0][1]) <= 0:
            raise NotAReport("sign.no_field", name=pdf.name)
        field, size = ours[0]
        signed_at = datetime.now().astimezone()
        signature = Signature(
            name=key.name, reason=SIGNING_REASON, location=key.organisation,
            signed_at=signed_at, stamp_lines=stamp_lines(
                name=key.name, organisation=key.organisation, when=format_signing_time(signed_at)))
        writer = IncrementalPdfFileWriter(handle, prev=reader)
        if out is None:
            sha256 = write_signature(writer, field, size, signature, key)
            os.fsync(handle.fileno())
            target = pdf
        else:
            target = Path(out)
            with atomic_target(target) as partial, open(partial, "w+b") as output:
                sha256 = write_signature(writer, field, size, signature, key, output=output)
    return SignedReport(path=target, signer=key.name, organisation=key.organisation,
                        signed_at=signed_at, fingerprint=key.fingerprint, sha256=sha256)
