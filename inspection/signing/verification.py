"""The result of verifying a signed report, and what it means as an exit status."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

from checklists.errors import UserError

if TYPE_CHECKING:
    from cryptography import x509


class FileTooLarge(UserError):
    """Over the size limit for verifying (verify.MAX_VERIFY_BYTES): refused before reading."""


class Outcome(Enum):
    TRUSTED = "trusted"
    UNKNOWN_SIGNER = "unknown_signer"
    IMPERSONATION = "impersonation"
    INVALID = "invalid"


EXIT_STATUS = {Outcome.TRUSTED: 0, Outcome.INVALID: 1, Outcome.UNKNOWN_SIGNER: 3,
               Outcome.IMPERSONATION: 4}
EXIT_CANNOT_CHECK = 2


@dataclass(frozen=True)
class Verification:
    """What :func:`verify_pdf` found, with a summary in the process's language (verify_text)."""

    path: str
    signer: str = ""
    organisation: str = ""
    signed_at: datetime | None = None
    intact: bool = False
    trusted: bool = False  # the certificate's fingerprint is on this laptop's trust list
    covers_whole_file: bool = False
    modification: str = ""  # pyHanko's modification level after signing, or the read error
    report_number: str = ""  # these four from the signed revision only
    revision: int | None = None
    park: str = ""
    is_report: bool = False
    signatures: int = 0
    summary: str = ""
    problems: tuple[str, ...] = field(default_factory=tuple)
    outcome: Outcome = Outcome.INVALID
    fingerprint: str = ""  # SHA-256 of the signer's certificate
    certificate_not_before: datetime | None = None
    certificate_not_after: datetime | None = None
    certificate_problems: tuple[str, ...] = ()  # at the signing time; empty when acceptable
    impersonated: tuple[str, ...] = ()  # trusted certificates bearing the signer's name
    file_size: int = 0
    signed_size: int = 0  # bytes up to the end of the signed revision
    appended_bytes: int = 0  # bytes after the signed revision
    appended_revisions: int = 0  # PDF updates appended after signing
    results_replaced: bool = False  # an appended update replaced the attached results
    certificate_der: bytes = field(default=b"", repr=False)

    @property
    def ok(self) -> bool:
        """Intact, covering the whole file, certificate acceptable (trust reported apart)."""
        return self.intact and self.covers_whole_file and not self.certificate_problems

    @property
    def exit_status(self) -> int:
        return EXIT_STATUS[self.outcome]

    @property
    def certificate(self) -> x509.Certificate | None:
        """The signer's certificate (the one in the signature), or None when none was read."""
        from cryptography import x509

        return x509.load_der_x509_certificate(self.certificate_der) if self.certificate_der else None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data.pop("certificate_der")
        for name in ("signed_at", "certificate_not_before", "certificate_not_after"):
            value = getattr(self, name)
            data[name] = value.isoformat() if value else None
        for name in ("problems", "certificate_problems", "impersonated"):
            data[name] = list(getattr(self, name))
        data["outcome"] = self.outcome.value
        data["exit_status"] = self.exit_status
        data["ok"] = self.ok
        return data
