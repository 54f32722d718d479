"""Whose signatures this laptop recognises: a trust list of certificates, decided by fingerprint.

The trust list is the certificates in the data folder's ``keys/`` (``.crt``, ``.pem``, ``.cer``;
PEM or DER): the laptop's own keys (a ``.p12`` with its ``.crt`` beside it) and colleagues'
certificates trusted with ``key trust FILE.crt`` or in the window (签名密钥 / 验证报告). Each
certificate is one file, written atomically (temporary file, flush, rename).

Identity is decided by the certificate's SHA-256 fingerprint, never by the name in it: anyone
can make a certificate that says 张三. A certificate that is not on the list but names someone
who is (same common name) is reported as possible impersonation (冒充风险).

Public API (used by verify, the bundle manifests and the hub): :func:`trusted_certificates`,
:func:`identify`, :class:`Identity`, :func:`load_certificate_file`, :func:`trust_certificate`,
:func:`trust_certificate_file`.
"""
from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from checklists.errors import UserError, messages
from inspection.files import write_atomic
from inspection.signing.certificates import CertificateProblem, certificate_problems, check_certificate
from inspection.signing.keys import (
    CERT_SUFFIX,
    KEY_SUFFIXES,
    _safe_stem,
    certificate_fingerprint,
    describe_certificate,
)

log = logging.getLogger(__name__)

CERTIFICATE_SUFFIXES = (".crt", ".pem", ".cer")
MAX_CERTIFICATE_BYTES = 256 * 1024

MESSAGES = messages({
    "trust.missing": ("找不到证书文件：{path}", "No certificate file at {path}"),
    "trust.unreadable": ("无法读取证书文件 {path}：{reason}", "Cannot read the certificate file {path}: {reason}"),
    "trust.too_big": ("不是证书文件（{size} 字节，太大）：{name}",
                      "Not a certificate file ({size} bytes, too big): {name}"),
    "trust.key_file": (
        "{name} 是含私钥的签名密钥文件，不是证书：请向同事索取证书文件（.crt），私钥不要外传",
        "{name} is a signing key with its private key, not a certificate: ask your colleague "
        "for the certificate (.crt); a private key is never passed on"),
    "trust.not_certificate": ("不是证书文件（应为 PEM 或 DER 格式的 X.509 证书）：{name}",
                              "Not a certificate file (an X.509 certificate, PEM or DER): {name}"),
    "trust.several": ("{name} 中有 {count} 张证书；请给出只含签署人证书的文件",
                      "{name} holds {count} certificates; give a file with the signer's alone"),
})


class CertificateFileError(UserError):
    """The file is not one readable certificate."""


@dataclass(frozen=True)
class TrustedCertificate:
    """A certificate on this laptop's trust list."""

    certificate: x509.Certificate = field(repr=False)
    path: Path
    fingerprint: str  # SHA-256 of the DER certificate, hex
    name: str
    organisation: str
    title: str
    own: bool  # one of this laptop's own signing keys (its .p12 lies beside it)

    @property
    def not_before(self) -> datetime:
        return self.certificate.not_valid_before_utc

    @property
    def not_after(self) -> datetime:
        return self.certificate.not_valid_after_utc

    @property
    def expired(self) -> bool:
        return self.not_after < datetime.now(UTC)


class Trust(Enum):
    """What the trust list says about a signer's certificate."""

    TRUSTED = "trusted"  # the very certificate is on the list
    UNKNOWN = "unknown"  # not on the list, and its name is not either
    IMPERSONATION = "impersonation"  # not on the list, but its name is: possible impersonation


@dataclass(frozen=True)
class Identity:
    """Who signed, as far as this laptop can tell."""

    trust: Trust
    fingerprint: str
    entry: TrustedCertificate | None = None  # the list entry, when trusted
    same_name: tuple[TrustedCertificate, ...] = ()  # trusted certificates with the signer's name


def fingerprint_text(fingerprint: str, *, groups: int = 16) -> str:
    """AB12 CD34 …: a fingerprint in groups of four hex digits (*groups* of them)."""
    text = fingerprint.upper()
    return " ".join(text[i:i + 4] for i in range(0, min(len(text), 4 * groups), 4))


def same_person_name(a: str, b: str) -> bool:
    """Names compared as a person reads them: width, case and spaces do not matter."""
    def norm(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text or "").casefold().split())

    return bool(norm(a)) and norm(a) == norm(b)


def _read_certificates(path: Path) -> list[x509.Certificate]:
    data = path.read_bytes()
    if b"-----BEGIN" in data:
        return x509.load_pem_x509_certificates(data)
    return [x509.load_der_x509_certificate(data)]


def trusted_certificates(keys_dir: Path | None) -> list[TrustedCertificate]:
    """The trust list in *keys_dir*, one entry per fingerprint (own keys first, then by name)."""
    if keys_dir is None or not Path(keys_dir).is_dir():
        return []
    folder = Path(keys_dir)
    found: dict[str, TrustedCertificate] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in CERTIFICATE_SUFFIXES or not path.is_file():
            continue
        try:
            certificates = _read_certificates(path)
        except (OSError, ValueError):
            log.warning("not a certificate, ignored: %s", path)
            continue
        own = any(path.with_suffix(suffix).is_file() for suffix in KEY_SUFFIXES)
        for certificate in certificates:
            fingerprint = certificate_fingerprint(certificate)
            if fingerprint in found and not own:
                continue
            info = describe_certificate(certificate)
            found[fingerprint] = TrustedCertificate(
                certificate=certificate, path=path, fingerprint=fingerprint, own=own,
                name=info["name"], organisation=info["organisation"], title=info["title"])
    return sorted(found.values(), key=lambda c: (not c.own, c.name, c.organisation, c.fingerprint))


def identify(certificate: x509.Certificate,
             trusted: list[TrustedCertificate] | Path | None) -> Identity:
    """Trusted, unknown or possible impersonation: by fingerprint first, then by name.

    *trusted* is the trust list, or the folder that holds it.
    """
    entries = trusted if isinstance(trusted, list) else trusted_certificates(trusted)
    fingerprint = certificate_fingerprint(certificate)
    for entry in entries:
        if entry.fingerprint == fingerprint:
            return Identity(Trust.TRUSTED, fingerprint, entry=entry)
    name = describe_certificate(certificate)["name"]
    namesakes = tuple(e for e in entries if same_person_name(e.name, name))
    if namesakes:
        return Identity(Trust.IMPERSONATION, fingerprint, same_name=namesakes)
    return Identity(Trust.UNKNOWN, fingerprint)


def load_certificate_file(path: Path | str) -> x509.Certificate:
    """Read one X.509 certificate (PEM or DER); CertificateFileError saying what is wrong."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise CertificateFileError("trust.not_certificate", name=path.name)
        if size > MAX_CERTIFICATE_BYTES:
            raise CertificateFileError("trust.too_big", size=size, name=path.name)
        data = path.read_bytes()
    except FileNotFoundError:
        raise CertificateFileError("trust.missing", path=str(path)) from None
    except OSError as exc:
        raise CertificateFileError("trust.unreadable", path=str(path),
                                   reason=exc.strerror or str(exc)) from None
    if path.suffix.lower() in KEY_SUFFIXES or b"PRIVATE KEY-----" in data:
        raise CertificateFileError("trust.key_file", name=path.name)
    try:
        certificates = (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                        else [x509.load_der_x509_certificate(data)])
    except ValueError:
        raise CertificateFileError("trust.not_certificate", name=path.name) from None
    if len(certificates) != 1:
        raise CertificateFileError("trust.several", name=path.name, count=len(certificates))
    return certificates[0]


def trust_certificate(certificate: x509.Certificate, keys_dir: Path) -> TrustedCertificate:
    """Put *certificate* on the trust list in *keys_dir* (atomically); returns its entry.

    Refuses a certificate that may never sign (wrong key usage, weak key: UnusableCertificate);
    an expired one is accepted, as it still identifies reports signed while it was valid.
    Trusting a certificate that is already on the list changes nothing.
    """
    check_certificate(certificate, check_time=False)
    keys_dir = Path(keys_dir)
    fingerprint = certificate_fingerprint(certificate)
    for entry in trusted_certificates(keys_dir):
        if entry.fingerprint == fingerprint:
            return entry
    keys_dir.mkdir(parents=True, exist_ok=True)
    info = describe_certificate(certificate)
    path = keys_dir / f"{_safe_stem(info['name'])}-{fingerprint[:12]}{CERT_SUFFIX}"
    write_atomic(path, certificate.public_bytes(serialization.Encoding.PEM))
    log.info("certificate trusted: %s (%s) SHA-256 %s", info["name"], info["organisation"],
             fingerprint)
    return TrustedCertificate(certificate=certificate, path=path, fingerprint=fingerprint,
                              own=False, name=info["name"], organisation=info["organisation"],
                              title=info["title"])


def trust_certificate_file(path: Path | str, keys_dir: Path) -> TrustedCertificate:
    """``key trust FILE.crt``: read a colleague's certificate and put it on the trust list."""
    return trust_certificate(load_certificate_file(path), keys_dir)


def remove_trusted(fingerprint: str, keys_dir: Path) -> list[Path]:
    """Take a certificate off the trust list (never an own key's); returns the files changed.

    A file that holds other certificates too is rewritten (atomically) without this one.
    """
    changed = []
    for path in sorted(Path(keys_dir).iterdir()) if Path(keys_dir).is_dir() else []:
        if path.suffix.lower() not in CERTIFICATE_SUFFIXES or not path.is_file():
            continue
        if any(path.with_suffix(suffix).is_file() for suffix in KEY_SUFFIXES):
            continue
        try:
            certificates = _read_certificates(path)
        except (OSError, ValueError):
            continue
        rest = [c for c in certificates if certificate_fingerprint(c) != fingerprint]
        if len(rest) == len(certificates):
            continue
        if rest:
            write_atomic(path, b"".join(c.public_bytes(serialization.Encoding.PEM) for c in rest))
        else:
            path.unlink()
        changed.append(path)
    if changed:
        log.info("certificate no longer trusted: SHA-256 %s", fingerprint)
    return changed


def validity_problems_now(entry: TrustedCertificate) -> list[CertificateProblem]:
    """Whether a trusted certificate could sign today (expired ones still identify old reports)."""
    return certificate_problems(entry.certificate)
