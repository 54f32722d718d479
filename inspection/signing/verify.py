"""Check a signed report: unaltered since signing, signed as a whole, by whom, with what certificate.

The questions, answered separately and plainly:

- intact: the signed bytes are unchanged and the signature matches them;
- covers the whole file: nothing was appended after signing (an incremental update, even a
  harmless-looking annotation, or bytes after ``%%EOF``, is content the signer never saw);
- certificate: acceptable for signing and within its validity period at the signing time
  (:mod:`inspection.signing.certificates`);
- who: the certificate's fingerprint is on this laptop's trust list (trusted), or not
  (unknown signer), or not while its name is (possible impersonation, 冒充风险) —
  :mod:`inspection.signing.trust`.

Everything the result names about the report (number, revision, park) is read from the signed
revision only (the bytes the signature covers), never from anything appended.

The outcome, and the command line's exit status (:data:`EXIT_STATUS`):
0 intact, whole, certificate acceptable, signer trusted; 3 the same but the signer is unknown;
4 the same but possible impersonation; 1 altered, appended to, damaged, not signed or the
certificate not acceptable. (2: the file could not be checked at all — missing, unreadable,
too large.)

Files are read in bounded memory and linear time (:mod:`inspection.signing.pdf_tail`), up to
:data:`MAX_VERIFY_BYTES`.
"""
from __future__ import annotations

import json
import logging
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography import x509

from checklists.errors import messages
from inspection.report.attachment import RESULTS_NAME, open_pdf_file, open_reader
from inspection.report.errors import DamagedPdf, NotAPdf, NotSigned
from inspection.signing.certificates import certificate_problems
from inspection.signing.pdf_tail import FileSlice, file_size, revision_ends
from inspection.signing.trust import Identity, Trust, TrustedCertificate, identify, trusted_certificates
from inspection.signing.verification import (
    EXIT_CANNOT_CHECK,
    EXIT_STATUS,
    FileTooLarge,
    Outcome,
    Verification,
)
from inspection.signing.verify_text import broken_summary, namesake_label, say, with_summary

__all__ = ["verify_pdf", "Verification", "Outcome", "EXIT_STATUS", "EXIT_CANNOT_CHECK",
           "FileTooLarge", "MAX_VERIFY_BYTES"]

log = logging.getLogger(__name__)

MAX_VERIFY_BYTES = 2 * 1024 ** 3  # 2 GiB: a 2,000-photo report is about 1 GB

MESSAGES = messages({
    "verify.too_large": (
        "文件太大（{size}），超过验证的上限 {limit}：检查报告不会这么大，请确认选的文件是否正确",
        "The file is too large ({size}), over the limit of {limit} for verifying: no report is "
        "that large; check that this is the right file"),
    "verify.not_a_file": ("不是普通文件，无法验证：{path}", "Not a regular file, cannot verify: {path}"),
    "verify.not_pdf": ("不是 PDF 文件：{name}", "Not a PDF file: {name}"),
    "verify.not_signed": ("该 PDF 没有数字签名：{name}", "This PDF carries no digital signature: {name}"),
})


@contextmanager
def _quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs every untrusted or broken signature as a warning; we report it ourselves."""
    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _size_text(size: int) -> str:
    return f"{size / 1024 ** 3:.1f} GB" if size >= 1024 ** 3 else f"{size / 1024 ** 2:.0f} MB"


def _open_checked(path: Path, max_bytes: int):  # type: ignore[no-untyped-def]
    handle = open_pdf_file(path)
    try:
        info = _fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotAPdf("verify.not_a_file", path=str(path))
        if info.st_size > max_bytes:
            raise FileTooLarge("verify.too_large", size=_size_text(info.st_size),
                               limit=_size_text(max_bytes))
    except BaseException:
        handle.close()
        raise
    return handle


def _fstat(handle):  # type: ignore[no-untyped-def]
    return os.fstat(handle.fileno())


def verify_pdf(path: Path | str, *, trusted_dir: Path | None = None,
               trusted: list[TrustedCertificate] | None = None,
               max_bytes: int = MAX_VERIFY_BYTES) -> Verification:
    """Verify the signature of a report PDF.

    NotAPdf / NotSigned when there is nothing to check, FileTooLarge over *max_bytes*.
    The trust list is *trusted*, or read from *trusted_dir* (the data folder's ``keys/``).
    """
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature

    path = Path(path)
    entries = trusted if trusted is not None else trusted_certificates(trusted_dir)
    with _open_checked(path, max_bytes) as handle, _quiet_pyhanko():
        size = file_size(handle)
        handle.seek(0)
        if b"%PDF-" not in handle.read(1024):
            raise NotAPdf("verify.not_pdf", name=path.name)
        ends = revision_ends(handle, size)
        if not ends:
            return _broken(path, say("verify.text.reason.no_end"), size=size)
        reader, end, error = None, size, ""
        for end in ends:
            try:
                reader = open_reader(FileSlice(handle, end))
                break
            except DamagedPdf as exc:
                error = str(exc)
            except Exception as exc:  # hostile bytes can upset the parser in any way
                error = say("verify.text.reason.unreadable", error=f"{type(exc).__name__}: {exc}")
        if reader is None:
            return _broken(path, error, size=size)
        try:
            signatures = reader.embedded_signatures
        except Exception as exc:  # a damaged signature dictionary: the file was altered
            return _broken(path, say("verify.text.reason.signature_damaged", error=exc), size=size)
        if not signatures:
            raise NotSigned("verify.not_signed", name=path.name)
        embedded = signatures[0]  # the first signature, in signing order: the report's own
        try:
            status = validate_pdf_signature(embedded, signer_validation_context=_no_trust())
        except Exception as exc:
            return _broken(path, say("verify.text.reason.cannot_check", error=f"{type(exc).__name__}: {exc}"),
                           count=len(signatures), size=size)
        intact = bool(status.intact and status.valid)
        signed_size = _signed_size(embedded)
        whole = (intact and status.coverage == SignatureCoverageLevel.ENTIRE_FILE
                 and end == size and signed_size == size)
        facts: dict[str, Any] = {}
        if intact and signed_size:
            signed_reader = (reader if signed_size == end
                             else PdfFileReader(FileSlice(handle, signed_size), strict=False))
            facts = _report_facts(signed_reader)
            if signed_size < end:
                facts["results_replaced"] = _results_bytes(reader) != _results_bytes(signed_reader)
        appended_revisions = max(reader.xrefs.total_revisions - 1 - embedded.signed_revision, 0)
    level = status.modification_level
    certificate = (x509.load_der_x509_certificate(status.signing_cert.dump())
                   if status.signing_cert is not None else None)
    signed_at = status.signer_reported_dt.astimezone() if status.signer_reported_dt else None
    result = Verification(
        path=str(path), signed_at=signed_at, intact=intact, covers_whole_file=whole,
        modification=level.name.lower() if level is not None else "",
        signatures=len(signatures), file_size=size, signed_size=signed_size,
        appended_bytes=max(size - signed_size, 0) if signed_size else 0,
        appended_revisions=appended_revisions, **facts)
    if certificate is not None:
        result = _with_certificate(result, certificate, entries)
    return with_summary(_with_outcome(result))


def _no_trust():  # type: ignore[no-untyped-def]
    """A validation context that trusts nothing: trust is decided here, by fingerprint."""
    from pyhanko_certvalidator import ValidationContext

    # Offline: no fetching of certificates or revocation data, which the laptop cannot reach.
    return ValidationContext(trust_roots=[], allow_fetching=False, revocation_mode="soft-fail")


def _signed_size(embedded) -> int:  # type: ignore[no-untyped-def]
    """Where the signed revision ends (0 for a byte range other than the usual [0 a b c])."""
    byte_range = list(embedded.byte_range)
    if len(byte_range) != 4 or byte_range[0] != 0:
        return 0
    return int(byte_range[2]) + int(byte_range[3])


def _results_spec(reader):  # type: ignore[no-untyped-def]
    try:
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
    except (KeyError, TypeError):
        return None
    for i in range(0, len(names) - 1, 2):
        if str(names[i]) == RESULTS_NAME:
            return names[i + 1].get_object()
    return None


def _results_bytes(reader) -> bytes | None:  # type: ignore[no-untyped-def]
    try:
        spec = _results_spec(reader)
        return None if spec is None else bytes(spec["/EF"]["/F"].get_object().data)
    except Exception:  # damaged or odd structure: no data to compare
        return None


def _report_facts(reader) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """Report number, revision and park from the results attached to *reader*'s revision."""
    raw = _results_bytes(reader)
    try:
        data = json.loads(raw.decode("utf-8")) if raw is not None else None
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or not str(data.get("format", "")).startswith(
            "park-inspector-results/"):
        return {"is_report": False}
    inspection: dict[str, Any] = data.get("inspection") or {}
    park: dict[str, Any] = data.get("park") or {}
    if not isinstance(inspection, dict) or not isinstance(park, dict):
        return {"is_report": False}
    revision = inspection.get("revision")
    return {"is_report": True, "report_number": str(inspection.get("report_number", "")),
            "revision": revision if isinstance(revision, int) else None,
            "park": str(park.get("name", ""))}


def _with_certificate(v: Verification, certificate: x509.Certificate,
                      entries: list[TrustedCertificate]) -> Verification:
    from inspection.signing.keys import describe_certificate

    info = describe_certificate(certificate)
    at = v.signed_at or datetime.now(UTC)
    identity: Identity = identify(certificate, entries)
    return replace(
        v, signer=info["name"], organisation=info["organisation"],
        fingerprint=identity.fingerprint, trusted=identity.trust is Trust.TRUSTED,
        certificate_not_before=certificate.not_valid_before_utc,
        certificate_not_after=certificate.not_valid_after_utc,
        certificate_problems=tuple(p.text() for p in certificate_problems(certificate, at=at)),
        impersonated=tuple(_entry_label(e) for e in identity.same_name),
        certificate_der=certificate.public_bytes(_der()))


def _der():  # type: ignore[no-untyped-def]
    from cryptography.hazmat.primitives import serialization
    return serialization.Encoding.DER


def _entry_label(entry: TrustedCertificate) -> str:
    return namesake_label(entry.name, entry.organisation, entry.fingerprint)


def _with_outcome(v: Verification) -> Verification:
    if not v.ok:
        outcome = Outcome.INVALID
    elif v.trusted:
        outcome = Outcome.TRUSTED
    elif v.impersonated:
        outcome = Outcome.IMPERSONATION
    else:
        outcome = Outcome.UNKNOWN_SIGNER
    return replace(v, outcome=outcome)


def _broken(path: Path, reason: str, *, count: int = 0, size: int = 0) -> Verification:
    return Verification(
        path=str(path), signatures=count, modification=reason, problems=(reason,),
        file_size=size, outcome=Outcome.INVALID,
        summary=broken_summary(reason))
