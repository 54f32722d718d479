"""Inspectors' signing keys: a self-signed certificate and its private key in a PKCS#12 file.

The password protects the PKCS#12 file and is never stored. Beside every key file lies its
certificate in the clear (``.crt``, PEM): the certificates in the data folder's ``keys/`` are
the ones this laptop knows, and verification trusts exactly those.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from checklists.errors import InvalidInput, UserError
from inspection.files import write_atomic

KEY_VALIDITY_YEARS = 5
MIN_PASSWORD_LENGTH = 6
CERT_SUFFIX = ".crt"


class SigningError(UserError):
    """Signing could not be done."""


class WrongPassword(SigningError):
    """The password does not open the key file."""


class KeyFileMissing(SigningError):
    """No key file at the given path."""


class BadKeyFile(SigningError):
    """The file is not a usable PKCS#12 signing key."""


class KeyExists(SigningError):
    """Refusing to overwrite an existing key file."""


@dataclass(frozen=True)
class SigningKey:
    """An opened signing key (签名密钥): who it names, and the material to sign with."""

    path: Path
    name: str
    organisation: str
    title: str
    fingerprint: str  # SHA-256 of the DER certificate, hex
    not_before: datetime
    not_after: datetime
    certificate: x509.Certificate = field(repr=False)
    private_key: object = field(repr=False)

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


def _attribute(name: x509.Name, oid) -> str:
    values = name.get_attributes_for_oid(oid)
    return str(values[0].value) if values else ""


def certificate_fingerprint(certificate: x509.Certificate) -> str:
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def describe_certificate(certificate: x509.Certificate) -> dict[str, str]:
    """Signer name, organisation and title as the certificate's subject states them."""
    subject = certificate.subject
    return {"name": _attribute(subject, NameOID.COMMON_NAME),
            "organisation": _attribute(subject, NameOID.ORGANIZATION_NAME),
            "title": _attribute(subject, NameOID.TITLE)}


def create_signing_key(*, name: str, organisation: str, password: str, out: Path,
                       title: str = "") -> Path:
    """Make an EC P-256 key with a self-signed certificate (CN=name, O=organisation), 5 years.

    Writes the PKCS#12 file *out* (protected by *password*) and the certificate beside it
    (``out`` with suffix ``.crt``). Refuses to overwrite an existing key file.
    """
    name, organisation, title = (name or "").strip(), (organisation or "").strip(), title.strip()
    if not name:
        raise InvalidInput("name：签名人姓名不能为空")
    if not organisation:
        raise InvalidInput("organisation：单位不能为空")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput(f"password：密码至少 {MIN_PASSWORD_LENGTH} 位")
    out = Path(out)
    if out.exists():
        raise KeyExists(f"密钥文件已存在，不会覆盖：{out}")
    if not out.parent.is_dir():
        raise InvalidInput(f"out：文件夹不存在：{out.parent}")
    key = ec.generate_private_key(ec.SECP256R1())
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "CN"),
                  x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                  x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if title:
        attributes.append(x509.NameAttribute(NameOID.TITLE, title))
    subject = x509.Name(attributes)
    now = datetime.now(UTC)
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject).public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + timedelta(days=365 * KEY_VALIDITY_YEARS + 1))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public),
                       critical=False)
        .sign(key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None,
        serialization.BestAvailableEncryption(password.encode("utf-8")))
    write_atomic(out, data)
    write_atomic(out.with_suffix(CERT_SUFFIX),
                      certificate.public_bytes(serialization.Encoding.PEM))
    return out


def load_signing_key(path: Path, password: str) -> SigningKey:
    """Open a PKCS#12 key file; WrongPassword, KeyFileMissing or BadKeyFile with a plain message."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing(f"找不到签名密钥文件：{path}") from None
    except IsADirectoryError:
        raise BadKeyFile(f"签名密钥应为 .p12 文件，而不是文件夹：{path}") from None
    except OSError as exc:
        raise BadKeyFile(f"无法读取签名密钥文件 {path}：{exc.strerror or exc}") from None
    try:
        key, certificate, _ = pkcs12.load_key_and_certificates(
            data, (password or "").encode("utf-8"))
    except ValueError:
        if _looks_like_pkcs12(data):
            raise WrongPassword(f"密码不正确，无法打开签名密钥：{path.name}") from None
        raise BadKeyFile(f"不是有效的签名密钥文件（PKCS#12 / .p12）：{path.name}") from None
    if key is None or certificate is None:
        raise BadKeyFile(f"签名密钥文件中缺少私钥或证书：{path.name}")
    return _signing_key(path, certificate, key)


def describe_key_file(path: Path) -> SigningKey | None:
    """The key as the certificate saved beside it (``.crt``) describes it, without the password.

    The result has no private key (``private_key`` is None): it is for showing who a key names
    and until when, not for signing. None when there is no readable certificate beside *path*.
    """
    try:
        pem = Path(path).with_suffix(CERT_SUFFIX).read_bytes()
        certificate = x509.load_pem_x509_certificate(pem)
    except (OSError, ValueError):
        return None
    return _signing_key(Path(path), certificate, None)


def _signing_key(path: Path, certificate: x509.Certificate, private_key) -> SigningKey:
    info = describe_certificate(certificate)
    return SigningKey(path=path, name=info["name"], organisation=info["organisation"],
                      title=info["title"], fingerprint=certificate_fingerprint(certificate),
                      not_before=certificate.not_valid_before_utc,
                      not_after=certificate.not_valid_after_utc,
                      certificate=certificate, private_key=private_key)


def _looks_like_pkcs12(data: bytes) -> bool:
    """A DER SEQUENCE that parses as PKCS#12 apart from the MAC: the password is what's wrong."""
    if not data.startswith(b"\x30"):
        return False
    try:
        from asn1crypto import pkcs12 as asn1_pkcs12
        pfx = asn1_pkcs12.Pfx.load(data)
        return pfx["version"].native == "v3" and pfx["mac_data"].native is not None
    except Exception:  # anything that does not parse is not a PKCS#12 file
        return False


def _safe_stem(text: str) -> str:
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_") or "key"


def import_signing_key(p12_path: Path, password: str, keys_dir: Path) -> Path:
    """Check the password, then copy a key file (and its certificate) into *keys_dir*.

    Returns the path of the copy; importing the same key again returns the existing copy.
    """
    key = load_signing_key(Path(p12_path), password)
    keys_dir = Path(keys_dir)
    keys_dir.mkdir(parents=True, exist_ok=True)
    target = keys_dir / f"{_safe_stem(key.name)}-{key.fingerprint[:12]}.p12"
    if not target.exists():
        write_atomic(target, Path(p12_path).read_bytes())
    write_atomic(target.with_suffix(CERT_SUFFIX), key.certificate_pem)
    return target


def remember_certificate(certificate: x509.Certificate, keys_dir: Path) -> Path:
    """Put a certificate (no private key) among the ones this laptop knows."""
    keys_dir = Path(keys_dir)
    keys_dir.mkdir(parents=True, exist_ok=True)
    info = describe_certificate(certificate)
    path = keys_dir / f"{_safe_stem(info['name'])}-{certificate_fingerprint(certificate)[:12]}" \
                      f"{CERT_SUFFIX}"
    write_atomic(path, certificate.public_bytes(serialization.Encoding.PEM))
    return path


def known_certificates(keys_dir: Path | None) -> list[x509.Certificate]:
    """The certificates in *keys_dir* (``.crt`` / ``.pem`` / ``.cer``, PEM or DER)."""
    if keys_dir is None or not Path(keys_dir).is_dir():
        return []
    found: dict[str, x509.Certificate] = {}
    for path in sorted(Path(keys_dir).iterdir()):
        if path.suffix.lower() not in (".crt", ".pem", ".cer"):
            continue
        try:
            data = path.read_bytes()
            certs = (x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data
                     else [x509.load_der_x509_certificate(data)])
        except (OSError, ValueError):
            continue  # an unreadable file is simply not a known certificate
        for certificate in certs:
            found[certificate_fingerprint(certificate)] = certificate
    return list(found.values())
