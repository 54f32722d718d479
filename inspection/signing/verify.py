"""Check a signed report: unaltered since signing, signed as a whole, by someone this laptop knows.

Three separate questions, answered plainly:
- intact: the signed bytes are unchanged and the signature matches them;
- covers the whole file: nothing was appended after signing (an incremental update, even a
  harmless-looking annotation, is content the signer never saw);
- trusted: the certificate is one of those in the data folder's ``keys/``. A self-signed
  certificate this laptop does not know gives an intact signature of unverified identity —
  that is said as such, not called invalid.
Only intact + whole file counts as a valid report (exit status 0 on the command line).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from inspection.report.attachment import open_pdf_file, open_reader, read_attached_results
from inspection.report.errors import DamagedPdf, NotAPdf, NotAReport, NotSigned
from inspection.signing.keys import known_certificates
from inspection.signing.pades import format_signing_time


@dataclass(frozen=True)
class Verification:
    """What :func:`verify_pdf` found, with a summary in Chinese."""

    path: str
    signer: str = ""
    organisation: str = ""
    signed_at: datetime | None = None
    intact: bool = False
    trusted: bool = False
    covers_whole_file: bool = False
    modification: str = ""  # pyHanko's modification level after signing, or the read error
    report_number: str = ""
    revision: int | None = None
    park: str = ""
    is_report: bool = False
    signatures: int = 0
    summary: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """Intact and covering the whole file (trust in the signer is reported separately)."""
        return self.intact and self.covers_whole_file

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["signed_at"] = self.signed_at.isoformat() if self.signed_at else None
        data["problems"] = list(self.problems)
        data["ok"] = self.ok
        return data


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


def _validation_context(trusted_dir: Path | None):
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko_certvalidator import ValidationContext

    roots = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in known_certificates(trusted_dir)]
    # Offline: no fetching of certificates or revocation data, which the laptop cannot reach.
    return ValidationContext(trust_roots=roots, allow_fetching=False,
                             revocation_mode="soft-fail")


def verify_pdf(path: Path | str, *, trusted_dir: Path | None = None) -> Verification:
    """Verify the signature of a report PDF; NotAPdf / NotSigned when there is nothing to check.

    *trusted_dir* is the folder of known certificates (the data folder's ``keys/``).
    """
    from pyhanko.sign.validation import SignatureCoverageLevel, validate_pdf_signature

    path = Path(path)
    handle = open_pdf_file(path)
    with handle, _quiet_pyhanko():
        try:
            reader = open_reader(handle)
        except DamagedPdf as exc:  # a PDF whose structure was altered or cut short
            return _broken(path, str(exc))
        try:
            signatures = reader.embedded_signatures
        except Exception as exc:  # a damaged signature dictionary: the file was altered
            return _broken(path, f"签名数据已损坏（{exc}）")
        if not signatures:
            raise NotSigned(f"该 PDF 没有数字签名：{path.name}")
        embedded = signatures[0]
        try:
            status = validate_pdf_signature(
                embedded, signer_validation_context=_validation_context(trusted_dir))
        except Exception as exc:
            return _broken(path, f"无法校验签名（{type(exc).__name__}: {exc}）",
                           count=len(signatures))
    subject = status.signing_cert.subject.native if status.signing_cert else {}
    signed_at = status.signer_reported_dt.astimezone() if status.signer_reported_dt else None
    level = status.modification_level
    report = _report_facts(path)
    result = Verification(
        path=str(path), signer=str(subject.get("common_name", "")),
        organisation=str(subject.get("organization_name", "")), signed_at=signed_at,
        intact=bool(status.intact and status.valid), trusted=bool(status.trusted),
        covers_whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        modification=level.name.lower() if level is not None else "",
        signatures=len(signatures), **report)
    return _with_summary(result)


def _report_facts(path: Path) -> dict[str, Any]:
    try:
        data = read_attached_results(path)
    except (NotAPdf, NotAReport):
        return {"is_report": False}
    inspection = data.get("inspection", {})
    return {"is_report": True, "report_number": str(inspection.get("report_number", "")),
            "revision": inspection.get("revision"),
            "park": str(data.get("park", {}).get("name", ""))}


def _broken(path: Path, reason: str, *, count: int = 0) -> Verification:
    return Verification(
        path=str(path), signatures=count, modification=reason, problems=(reason,),
        summary=f"签名无效：文件在签署后被改动或已损坏，无法确认内容与签署时一致。{reason}")


def _with_summary(v: Verification) -> Verification:
    who = v.signer + (f"（{v.organisation}）" if v.organisation else "")
    when = f"，签署时间 {format_signing_time(v.signed_at)}" if v.signed_at else ""
    what = (f"检查报告 {v.report_number}（第 {v.revision} 版，{v.park}）" if v.is_report
            else "该 PDF（不是本程序生成的检查报告）")
    problems = []
    if not v.intact:
        problems.append("签署后内容被改动（签名与文件内容不符）")
        text = f"签名无效：{what}在签署后被改动过，签名与文件内容不符，请勿采信。签署人：{who}{when}。"
        return _replace(v, summary=text, problems=tuple(problems))
    lines = [f"{what}由{who}签署{when}。"]
    if v.covers_whole_file:
        lines.append("签名完好：报告自签署以来未被改动，签名覆盖整个文件。")
    else:
        problems.append("签署后文件被追加修改，签名未覆盖整个文件")
        lines.append("签名本身完好，但签署后文件末尾又被追加了修改（增量更新），签名没有覆盖整个文件："
                     "追加的内容未经签署人确认，此文件不能作为签署的报告使用。")
    if v.trusted:
        lines.append("签名证书是本机已知的证书，签署人身份已核实。")
    else:
        lines.append("签署人身份未经核实：签名证书为自签名证书，不在本机已知的证书中"
                     "（签名本身有效；如需核实身份，请向签署人索取证书并导入本机）。")
    return _replace(v, summary="".join(lines), problems=tuple(problems))


def _replace(v: Verification, **changes: Any) -> Verification:
    from dataclasses import replace

    return replace(v, **changes)
