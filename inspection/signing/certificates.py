"""Which certificates may sign a report: the rules, checked at import, at signing and at verifying.

A certificate is refused, with the reason, when it

- is outside its validity period (expired, or not yet valid) at the moment that matters: now
  for importing and signing, the signing time for verifying;
- restricts its key to uses other than signing documents: a KeyUsage extension without
  digitalSignature and without nonRepudiation (contentCommitment), or an ExtendedKeyUsage that
  names only purposes such as TLS server authentication;
- carries a weak or unsupported key: RSA under 2048 bits, DSA, an elliptic curve other than
  P-256/P-384/P-521, or Ed25519/Ed448 (which most PDF readers cannot verify);
- is itself signed with MD5 or SHA-1.

Absent KeyUsage / ExtendedKeyUsage extensions restrict nothing (RFC 5280), so a plain
self-signed certificate made elsewhere is accepted when its key is strong.

This module is public API (the bundle and hub code check manifest signers with it):
:func:`certificate_problems`, :func:`check_certificate`, :class:`UnusableCertificate`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed448, ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from checklists.errors import UserError, language, messages

MIN_RSA_BITS = 2048
ACCEPTED_CURVES = ("secp256r1", "secp384r1", "secp521r1")
WEAK_SIGNATURE_HASHES = ("md5", "sha1")
# Extended key usages under which signing a document is allowed.
DOCUMENT_SIGNING_USAGES = frozenset({
    ExtendedKeyUsageOID.ANY_EXTENDED_KEY_USAGE,
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ExtendedKeyUsageOID.CLIENT_AUTH,
    ObjectIdentifier("1.3.6.1.5.5.7.3.36"),  # id-kp-documentSigning (RFC 9336)
    ObjectIdentifier("1.2.840.113583.1.1.5"),  # Adobe Authentic Documents Trust
    ObjectIdentifier("1.3.6.1.4.1.311.10.3.12"),  # Microsoft Document Signing
})
USAGE_NAMES = {
    ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth",
    ExtendedKeyUsageOID.CODE_SIGNING: "codeSigning",
    ExtendedKeyUsageOID.TIME_STAMPING: "timeStamping",
    ExtendedKeyUsageOID.OCSP_SIGNING: "OCSPSigning",
}

MESSAGES = messages({
    "certificate.expired": ("证书已于 {date} 过期", "the certificate expired on {date}"),
    "certificate.not_yet_valid": ("证书要到 {date} 才生效", "the certificate is not valid until {date}"),
    "certificate.key_usage": (
        "证书的密钥用途不含数字签名（digitalSignature）或不可否认（nonRepudiation），不能用来签署文件",
        "the certificate's key usage allows neither digitalSignature nor nonRepudiation, "
        "so it may not sign documents"),
    "certificate.extended_key_usage": (
        "证书的扩展密钥用途只允许 {usages}，不包括签署文件",
        "the certificate's extended key usage allows only {usages}, not signing documents"),
    "certificate.weak_rsa": ("RSA 密钥只有 {bits} 位，太弱（至少需要 {minimum} 位）",
                             "the RSA key has only {bits} bits, too weak (at least {minimum} needed)"),
    "certificate.dsa": ("DSA 密钥已不安全，不能用来签署", "DSA keys are no longer safe for signing"),
    "certificate.curve": ("椭圆曲线 {curve} 不受支持（请用 P-256、P-384 或 P-521）",
                          "the elliptic curve {curve} is not supported (use P-256, P-384 or P-521)"),
    "certificate.eddsa": (
        "{kind} 密钥签署的 PDF 多数阅读器（如 Adobe Acrobat）无法验证；请使用 ECDSA P-256 或至少 2048 位的 RSA 密钥",
        "most PDF readers (Adobe Acrobat among them) cannot verify a PDF signed with an {kind} key; "
        "use an ECDSA P-256 key or an RSA key of at least 2048 bits"),
    "certificate.key_type": ("不支持的密钥类型 {kind}", "unsupported key type {kind}"),
    "certificate.weak_hash": ("证书是用 {hash} 签发的，该算法已不安全",
                              "the certificate is signed with {hash}, which is no longer safe"),
    "certificate.bad_extension": ("证书的扩展项无法读取（{detail}）",
                                  "an extension of the certificate cannot be read ({detail})"),
    "certificate.name_characters": (
        "证书的名称（姓名、单位等）含有 PDF 签名无法处理的字符：{chars}（签名所用的程序库按"
        " RFC 4518 只接受 Unicode 3.2 已有的字符；请用常用字或拼音代替）",
        "the certificate's name (person, organisation …) holds characters a PDF signature cannot"
        " handle: {chars} (the signing library accepts, after RFC 4518, only characters Unicode"
        " 3.2 already had; use a common character or pinyin instead)"),
    "certificate.unusable": ("{subject} 的证书不能用于签署：{reasons}",
                             "The certificate of {subject} cannot be used for signing: {reasons}"),
})


@dataclass(frozen=True)
class CertificateProblem:
    """One reason a certificate may not sign: a message code and its arguments."""

    code: str
    arguments: dict[str, Any] = field(default_factory=dict)

    @property
    def about_time(self) -> bool:
        """Expired or not yet valid (the rest are about the certificate itself)."""
        return self.code in ("certificate.expired", "certificate.not_yet_valid")

    def text(self, lang: str | None = None) -> str:
        return UserError(self.code, **self.arguments).text(lang)

    def __str__(self) -> str:
        return self.text()


class UnusableCertificate(UserError):
    """The certificate breaks the rules above; ``problems`` says how (in either language)."""

    def __init__(self, subject: str, problems: list[CertificateProblem]) -> None:
        super().__init__("certificate.unusable", subject=subject, reasons="")
        self.subject = subject
        self.problems = tuple(problems)

    def text(self, language_: str | None = None) -> str:
        lang = language_ or language()
        separator = "；" if lang != "en" else "; "
        reasons = separator.join(p.text(lang) for p in self.problems)
        return UserError("certificate.unusable", subject=self.subject, reasons=reasons).text(lang)


def subject_label(certificate: x509.Certificate) -> str:
    """张三（金山区经委）: the certificate's common name and organisation, for messages."""
    def first(oid: ObjectIdentifier) -> str:
        values = certificate.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    name, organisation = first(NameOID.COMMON_NAME), first(NameOID.ORGANIZATION_NAME)
    label = name or certificate.subject.rfc4514_string() or "?"
    return f"{label}（{organisation}）" if organisation else label


def _day(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def time_problems(certificate: x509.Certificate, at: datetime) -> list[CertificateProblem]:
    """Expired or not yet valid at *at* (an aware datetime)."""
    if at < certificate.not_valid_before_utc:
        return [CertificateProblem("certificate.not_yet_valid",
                                   {"date": _day(certificate.not_valid_before_utc)})]
    if at > certificate.not_valid_after_utc:
        return [CertificateProblem("certificate.expired",
                                   {"date": _day(certificate.not_valid_after_utc)})]
    return []


def key_problems(public_key: object) -> list[CertificateProblem]:
    """Weak or unsupported key types."""
    if isinstance(public_key, rsa.RSAPublicKey):
        if public_key.key_size < MIN_RSA_BITS:
            return [CertificateProblem("certificate.weak_rsa",
                                       {"bits": public_key.key_size, "minimum": MIN_RSA_BITS})]
        return []
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        if public_key.curve.name not in ACCEPTED_CURVES:
            return [CertificateProblem("certificate.curve", {"curve": public_key.curve.name})]
        return []
    if isinstance(public_key, ed25519.Ed25519PublicKey):
        return [CertificateProblem("certificate.eddsa", {"kind": "Ed25519"})]
    if isinstance(public_key, ed448.Ed448PublicKey):
        return [CertificateProblem("certificate.eddsa", {"kind": "Ed448"})]
    if isinstance(public_key, dsa.DSAPublicKey):
        return [CertificateProblem("certificate.dsa")]
    return [CertificateProblem("certificate.key_type", {"kind": type(public_key).__name__})]


def _usage_problems(certificate: x509.Certificate) -> list[CertificateProblem]:
    problems = []
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        usage = None
    if usage is not None and not (usage.digital_signature or usage.content_commitment):
        problems.append(CertificateProblem("certificate.key_usage"))
    try:
        extended = certificate.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    except x509.ExtensionNotFound:
        extended = None
    if extended is not None and not DOCUMENT_SIGNING_USAGES.intersection(extended):
        names = ", ".join(USAGE_NAMES.get(oid, oid.dotted_string) for oid in extended) or "—"
        problems.append(CertificateProblem("certificate.extended_key_usage", {"usages": names}))
    return problems


def unsupported_name_characters(text: str) -> list[str]:
    """The characters of *text* that may not stand in a certificate's name for signing and
    verifying: asn1crypto (under pyHanko) prepares names after RFC 4518, whose tables are
    Unicode 3.2 — 𬌗 (U+2C317, CJK Extension F) is unassigned there, so a certificate naming
    it cannot sign or be verified (ValueError deep inside). 䶮 (Extension A) is fine."""
    from asn1crypto.x509 import NameTypeAndValue

    prepare = NameTypeAndValue()._ldap_string_prep
    found = []
    for char in dict.fromkeys(text):
        try:
            prepare(char)
        except ValueError:
            found.append(char)
    return found


def _name_problems(certificate: x509.Certificate) -> list[CertificateProblem]:
    chars = [c for name in (certificate.subject, certificate.issuer) for attribute in name
             for c in unsupported_name_characters(str(attribute.value))]
    if not chars:
        return []
    return [CertificateProblem("certificate.name_characters", {
        "chars": "、".join(f"“{c}”（U+{ord(c):04X}）" for c in dict.fromkeys(chars))})]


def certificate_problems(certificate: x509.Certificate, *, at: datetime | None = None,
                         check_time: bool = True) -> list[CertificateProblem]:
    """Every reason *certificate* may not sign at *at* (default now); empty when it may.

    *check_time* False leaves out the validity period (for trusting a colleague's certificate,
    which stays useful for reports signed before it expired).
    """
    problems: list[CertificateProblem] = []
    if check_time:
        problems += time_problems(certificate, at or datetime.now(UTC))
    try:
        problems += _usage_problems(certificate)
    except ValueError as exc:  # a malformed extension
        problems.append(CertificateProblem("certificate.bad_extension", {"detail": str(exc)}))
    try:
        public_key: object = certificate.public_key()
    except (ValueError, TypeError) as exc:
        problems.append(CertificateProblem("certificate.key_type", {"kind": str(exc)}))
    else:
        problems += key_problems(public_key)
    problems += _name_problems(certificate)
    algorithm = certificate.signature_hash_algorithm
    if algorithm is not None and algorithm.name.lower() in WEAK_SIGNATURE_HASHES:
        problems.append(CertificateProblem("certificate.weak_hash", {"hash": algorithm.name.upper()}))
    return problems


def check_certificate(certificate: x509.Certificate, *, at: datetime | None = None,
                      check_time: bool = True) -> None:
    """Raise :class:`UnusableCertificate` (all reasons) unless *certificate* may sign at *at*."""
    problems = certificate_problems(certificate, at=at, check_time=check_time)
    if problems:
        raise UnusableCertificate(subject_label(certificate), problems)
