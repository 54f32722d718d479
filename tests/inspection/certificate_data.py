"""Hostile and ordinary signing certificates built with ``cryptography``, and a way to sign a
report with any of them (straight through pyHanko, past the program's own refusals), at any
signing time — so the tests can show what verify says about signatures the program would
never have made."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import dsa, ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "hostile-pass-1"


def key_usage(*, signing: bool = True) -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=signing, content_commitment=signing, key_encipherment=not signing,
        data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
        encipher_only=False, decipher_only=False)


def make_certificate(*, name: str = "张三", organisation: str = "金山区经济委员会",
                     key=None, not_before: datetime | None = None,
                     not_after: datetime | None = None, usage: x509.KeyUsage | None = None,
                     extended: list | None = None, hash_algorithm=None):
    """(private key, self-signed certificate); P-256, valid from yesterday for a year, by default."""
    key = key if key is not None else ec.generate_private_key(ec.SECP256R1())
    now = datetime.now(UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(not_before or now - timedelta(days=1))
               .not_valid_after(not_after or now + timedelta(days=365))
               .add_extension(usage or key_usage(), critical=True))
    if extended is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(extended), critical=False)
    is_edwards = isinstance(key, ed25519.Ed25519PrivateKey)
    algorithm = None if is_edwards else (hash_algorithm or hashes.SHA256())
    return key, builder.sign(key, algorithm)


def hostile(kind: str):
    """(private key, certificate) of one class the program must refuse."""
    now = datetime.now(UTC)
    if kind == "expired":
        return make_certificate(not_before=now - timedelta(days=400),
                                not_after=now - timedelta(days=2))
    if kind == "not_yet_valid":
        return make_certificate(not_before=now + timedelta(days=3),
                                not_after=now + timedelta(days=400))
    if kind == "no_signing_usage":
        return make_certificate(usage=key_usage(signing=False))
    if kind == "server_auth_only":
        return make_certificate(extended=[ExtendedKeyUsageOID.SERVER_AUTH])
    if kind == "rsa_1024":
        return make_certificate(key=rsa.generate_private_key(public_exponent=65537, key_size=1024))
    if kind == "ed25519":
        return make_certificate(key=ed25519.Ed25519PrivateKey.generate())
    if kind == "dsa":
        return make_certificate(key=dsa.generate_private_key(key_size=2048))
    if kind == "p192":
        return make_certificate(key=ec.generate_private_key(ec.SECP192R1()))
    if kind == "rare_name":  # made elsewhere: 𬌗 is beyond Unicode 3.2, which RFC 4518 reads
        return make_certificate(organisation="𬌗山区经济委员会")
    raise ValueError(kind)


HOSTILE = ["expired", "not_yet_valid", "no_signing_usage", "server_auth_only", "rsa_1024",
           "ed25519", "dsa", "p192", "rare_name"]  # (cryptography no longer makes SHA-1 ones)
REASONS = {"expired": "过期", "not_yet_valid": "才生效", "no_signing_usage": "digitalSignature",
           "server_auth_only": "serverAuth", "rsa_1024": "1024", "ed25519": "Ed25519",
           "dsa": "DSA", "p192": "secp192r1", "rare_name": "2C317"}


def write_p12(path: Path, key, certificate, password: str = PASSWORD) -> Path:
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        b"key", key, certificate, None,
        serialization.BestAvailableEncryption(password.encode())))
    return path


def write_crt(path: Path, certificate) -> Path:
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path


def sign_directly(pdf: Path, out: Path, key, certificate, *, at: datetime | None = None) -> Path:
    """Sign *pdf* into *out* with pyHanko alone (no checks), the signing clock set to *at*."""
    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    private = asn1_keys.PrivateKeyInfo.load(key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    signer = signers.SimpleSigner(signing_cert=cert, signing_key=private,
                                  cert_registry=SimpleCertificateStore.from_certs([cert]))

    class ClockSigner(signers.PdfSigner):
        def init_signing_session(self, *args, **kwargs):  # the signing time, set for the test
            session = super().init_signing_session(*args, **kwargs)
            if at is not None:
                session.system_time = at
            return session

    meta = signers.PdfSignatureMetadata(field_name="InspectorSignature",
                                        subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256")
    with open(pdf, "rb") as source, open(out, "wb") as target:
        ClockSigner(meta, signer=signer).sign_pdf(IncrementalPdfFileWriter(source), output=target)
    return out
