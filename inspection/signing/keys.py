"""Inspectors' signing keys: a self-signed certificate and its private key in a PKCS#12 file.

The password protects the PKCS#12 file and is never stored. Beside every key file lies its
certificate in the clear (``.crt``, PEM). The certificates in the data folder's ``keys/`` are
the ones this laptop trusts (see :mod:`inspection.signing.trust`).

Public API, stable for other parts of the program (bundle manifests, the hub):
:func:`load_signing_key` (opens *and checks* a key for signing), :class:`SigningKey`,
:func:`certificate_fingerprint`, :func:`describe_certificate`, the errors below, and
:mod:`inspection.signing.certificates` for the rules a signing certificate must meet.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from checklists.errors import InvalidInput, UserError, messages
from inspection.files import fsync_dir, fsync_file, new_temp_file, write_atomic
from inspection.signing.certificates import check_certificate, unsupported_name_characters

KEY_VALIDITY_YEARS = 5
MIN_PASSWORD_LENGTH = 6
MAX_NAME_BYTES = 64  # X.509 common name: cryptography counts UTF-8 bytes (about 21 汉字)
MAX_FIELD_CHARS = 64  # X.509 upper bound for organisation and title
MAX_KEY_FILE_BYTES = 1 << 20  # a PKCS#12 key is a few kB
CERT_SUFFIX = ".crt"
KEY_SUFFIXES = (".p12", ".pfx")

MESSAGES = messages({
    "key.name_characters": (
        "{field}：{chars} 不能写入签名证书（PDF 签名所用的程序库按 RFC 4518 只接受 Unicode 3.2"
        " 已有的字符）；请用常用字或拼音代替，报告中检查人员的姓名不受影响",
        "{field}: {chars} cannot go into a signing certificate (the PDF signing library accepts,"
        " after RFC 4518, only characters Unicode 3.2 already had); use a common character or"
        " pinyin instead — the inspectors' names in the report are not affected"),
    "key.name_empty": ("name：签名人姓名不能为空", "name: the signer's name is empty"),
    "key.organisation_empty": ("organisation：单位不能为空", "organisation: the organisation is empty"),
    "key.name_too_long": (
        "name：姓名太长（证书中最多 {limit} 字节，约 21 个汉字），收到 {length} 个字符",
        "name: the name is too long (a certificate holds at most {limit} bytes, about 21 "
        "Chinese characters); got {length} characters"),
    "key.field_too_long": ("{field}：最多 {limit} 个字符，收到 {length} 个字符",
                           "{field}: at most {limit} characters, got {length}"),
    "key.control_character": ("{field}：不能含有控制字符（如换行、NUL）",
                              "{field}: must not contain control characters (line breaks, NUL)"),
    "key.password_short": ("password：密码至少 {minimum} 位", "password: at least {minimum} characters"),
    "key.password_control": (
        "password：密码中不能含有控制字符（如 NUL）；请检查密码文件",
        "password: the password must not contain control characters (such as NUL); "
        "check the password file"),
    "key.out_suffix": ("out：签名密钥文件名应以 .p12 或 .pfx 结尾，收到“{name}”",
                       "out: a signing key file name ends in .p12 or .pfx; got “{name}”"),
    "key.out_folder": ("out：文件夹不存在：{folder}", "out: no such folder: {folder}"),
    "key.exists": ("文件已存在，不会覆盖：{path}", "The file exists already and is not overwritten: {path}"),
    "key.missing": ("找不到签名密钥文件：{path}", "No signing key file at {path}"),
    "key.is_folder": ("签名密钥应为 .p12 文件，而不是文件夹：{path}",
                      "A signing key is a .p12 file, not a folder: {path}"),
    "key.unreadable": ("无法读取签名密钥文件 {path}：{reason}", "Cannot read the signing key file {path}: {reason}"),
    "key.too_big": ("不是签名密钥文件（{size} 字节，太大）：{name}",
                    "Not a signing key file ({size} bytes, too big): {name}"),
    "key.wrong_password": ("密码不正确，无法打开签名密钥：{name}",
                           "Wrong password: the signing key {name} cannot be opened"),
    "key.not_pkcs12": ("不是有效的签名密钥文件（PKCS#12 / .p12）：{name}",
                       "Not a signing key file (PKCS#12 / .p12): {name}"),
    "key.incomplete": ("签名密钥文件中缺少私钥或证书：{name}",
                       "The signing key file {name} lacks its private key or certificate"),
    "key.mismatch": ("签名密钥文件中的私钥与证书不匹配：{name}",
                     "The private key in {name} does not belong to its certificate"),
})


class SigningError(UserError):
    """Signing could not be done."""


class WrongPassword(SigningError):
    """The password does not open the key file."""


class KeyFileMissing(SigningError):
    """No key file at the given path."""


class BadKeyFile(SigningError):
    """The file is not a usable PKCS#12 signing key."""


class KeyExists(SigningError):
    """Refusing to overwrite an existing key file (or the certificate beside it)."""


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
    private_key: PrivateKeyTypes | None = field(repr=False)  # None when only described

    @property
    def certificate_pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)


def _attribute(name: x509.Name, oid: x509.ObjectIdentifier) -> str:
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


def _clean_field(field_name: str, value: str, *, limit_chars: int | None = None) -> str:
    value = unicodedata.normalize("NFC", (value or "").strip())
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise InvalidInput("key.control_character", field=field_name)
    if limit_chars is not None and len(value) > limit_chars:
        raise InvalidInput("key.field_too_long", field=field_name, limit=limit_chars,
                           length=len(value))
    return value


def check_password(password: str) -> None:
    """A password this program can use: long enough, no control characters.

    OpenSSL takes passwords as C strings: a NUL would silently cut the password short (and
    crash cryptography's PKCS#12 reader), so it is refused before anything is written.
    """
    if any(unicodedata.category(ch) == "Cc" for ch in password or ""):
        raise InvalidInput("key.password_control")
    if len(password or "") < MIN_PASSWORD_LENGTH:
        raise InvalidInput("key.password_short", minimum=MIN_PASSWORD_LENGTH)


def check_new_key_fields(*, name: str, organisation: str, title: str = "") -> tuple[str, str, str]:
    """The cleaned (name, organisation, title) of a new key; InvalidInput naming the field."""
    name = _clean_field("name", name)
    organisation = _clean_field("organisation", organisation, limit_chars=MAX_FIELD_CHARS)
    title = _clean_field("title", title, limit_chars=MAX_FIELD_CHARS)
    if not name:
        raise InvalidInput("key.name_empty")
    for field_name, value in (("name", name), ("organisation", organisation), ("title", title)):
        chars = unsupported_name_characters(value)
        if chars:  # the key would be made, then refused at every signing
            raise InvalidInput("key.name_characters", field=field_name,
                               chars="、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars))
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise InvalidInput("key.name_too_long", limit=MAX_NAME_BYTES, length=len(name))
    if not organisation:
        raise InvalidInput("key.organisation_empty")
    return name, organisation, title


def _write_new(target: Path, data: bytes) -> None:
    """Write a new file: all of it or nothing, and never over an existing file (even in a race).

    The data goes to a flushed temporary file that is then hard-linked to *target*: the link
    fails if *target* exists. Where hard links are not possible (some USB sticks), the file is
    renamed into place after a last look that *target* is still free.
    """
    temp = new_temp_file(target)
    try:
        temp.write_bytes(data)
        fsync_file(temp)
        try:
            os.link(temp, target)
        except FileExistsError:
            raise KeyExists("key.exists", path=str(target)) from None
        except OSError:
            if target.exists():
                raise KeyExists("key.exists", path=str(target)) from None
            os.replace(temp, target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)


def create_signing_key(*, name: str, organisation: str, password: str, out: Path,
                       title: str = "") -> Path:
    """Make an EC P-256 key with a self-signed certificate (CN=name, O=organisation), 5 years.

    Writes the PKCS#12 file *out* (``.p12`` or ``.pfx``, protected by *password*) and the
    certificate beside it (``out`` with suffix ``.crt``). Everything is checked before anything
    is written; an existing file is never overwritten (KeyExists).
    """
    name, organisation, title = check_new_key_fields(name=name, organisation=organisation,
                                                     title=title)
    check_password(password)
    out = Path(out)
    if out.suffix.lower() not in KEY_SUFFIXES:
        raise InvalidInput("key.out_suffix", name=out.name)
    certificate_path = out.with_suffix(CERT_SUFFIX)
    for path in (out, certificate_path):
        if path.exists() or path.is_symlink():
            raise KeyExists("key.exists", path=str(path))
    if not out.parent.is_dir():
        raise InvalidInput("key.out_folder", folder=str(out.parent))
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
    _write_new(out, data)
    try:
        _write_new(certificate_path, certificate.public_bytes(serialization.Encoding.PEM))
    except BaseException:
        out.unlink(missing_ok=True)  # made a moment ago and used by nobody: all or nothing
        raise
    return out


def _read_key_file(path: Path) -> bytes:
    try:
        if path.exists() and not path.is_dir() and not path.is_file():
            raise BadKeyFile("key.not_pkcs12", name=path.name)  # a device or a FIFO: never read
        size = path.stat().st_size
        if size > MAX_KEY_FILE_BYTES:
            raise BadKeyFile("key.too_big", size=size, name=path.name)
        return path.read_bytes()
    except FileNotFoundError:
        raise KeyFileMissing("key.missing", path=str(path)) from None
    except IsADirectoryError:
        raise BadKeyFile("key.is_folder", path=str(path)) from None
    except OSError as exc:
        raise BadKeyFile("key.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None


def load_signing_key(path: Path, password: str, *, check: bool = True,
                     at: datetime | None = None) -> SigningKey:
    """Open a PKCS#12 key file for signing.

    Raises WrongPassword, KeyFileMissing, BadKeyFile with a plain message, and — unless *check*
    is False — :class:`~inspection.signing.certificates.UnusableCertificate` when the
    certificate may not sign at *at* (default now): expired, not yet valid, wrong key usage,
    weak key. *check* False only opens the key (to show it, not to sign with it).
    """
    path = Path(path)
    data = _read_key_file(path)
    if any(unicodedata.category(ch) == "Cc" for ch in password or ""):
        raise WrongPassword("key.password_control")
    try:
        key, certificate, _ = pkcs12.load_key_and_certificates(
            data, (password or "").encode("utf-8"))
    except ValueError:
        if _looks_like_pkcs12(data):
            raise WrongPassword("key.wrong_password", name=path.name) from None
        raise BadKeyFile("key.not_pkcs12", name=path.name) from None
    except Exception:  # cryptography's Rust layer panics on some malformed input
        raise BadKeyFile("key.not_pkcs12", name=path.name) from None
    if key is None or certificate is None:
        raise BadKeyFile("key.incomplete", name=path.name)
    if not _key_matches(key, certificate):
        raise BadKeyFile("key.mismatch", name=path.name)
    if check:
        check_certificate(certificate, at=at)
    return _signing_key(path, certificate, key)


def _key_matches(key: Any, certificate: x509.Certificate) -> bool:
    spki = serialization.PublicFormat.SubjectPublicKeyInfo
    try:
        return bool(key.public_key().public_bytes(serialization.Encoding.DER, spki)
                    == certificate.public_key().public_bytes(serialization.Encoding.DER, spki))
    except (AttributeError, ValueError, TypeError):
        return False


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


def _signing_key(path: Path, certificate: x509.Certificate,
                 private_key: PrivateKeyTypes | None) -> SigningKey:
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
    return re.sub(r"[^\w\-]+", "_", text, flags=re.UNICODE).strip("_")[:40] or "key"


def import_signing_key(p12_path: Path, password: str, keys_dir: Path) -> Path:
    """Check the password and the certificate, then copy a key file (and its certificate) into
    *keys_dir*. Refuses a key whose certificate may not sign (UnusableCertificate).

    Returns the path of the copy; importing the same key again returns the existing copy.
    """
    key = load_signing_key(Path(p12_path), password)
    keys_dir = Path(keys_dir)
    keys_dir.mkdir(parents=True, exist_ok=True)
    target = keys_dir / f"{_safe_stem(key.name)}-{key.fingerprint[:12]}.p12"
    if not target.exists():
        write_atomic(target, _read_key_file(Path(p12_path)))
    write_atomic(target.with_suffix(CERT_SUFFIX), key.certificate_pem)
    return target


def remember_certificate(certificate: x509.Certificate, keys_dir: Path) -> Path:
    """Put a certificate (no private key) among the ones this laptop knows.

    Kept for compatibility: it checks nothing. Use ``trust.trust_certificate``, which refuses a
    certificate that may never sign and does not write a certificate twice.
    """
    keys_dir = Path(keys_dir)
    keys_dir.mkdir(parents=True, exist_ok=True)
    info = describe_certificate(certificate)
    path = keys_dir / f"{_safe_stem(info['name'])}-{certificate_fingerprint(certificate)[:12]}" \
                      f"{CERT_SUFFIX}"
    write_atomic(path, certificate.public_bytes(serialization.Encoding.PEM))
    return path


def known_certificates(keys_dir: Path | None) -> list[x509.Certificate]:
    """The certificates in *keys_dir* (``.crt`` / ``.pem`` / ``.cer``, PEM or DER): the trust list.

    Kept for compatibility; ``trust.trusted_certificates`` gives the same list with names,
    fingerprints and which are own keys, and ``trust.identify`` decides who signed.
    """
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
